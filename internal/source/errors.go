package source

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/problem"
)

// Error, Errors and Message are the public types of package problem; these aliases keep the loader's code
// short.
type (
	Error   = problem.Error
	Errors  = problem.List
	Message = problem.Message
)

// Msg returns a *Message.
func Msg(vi, en string) *Message { return problem.Msg(vi, en) }

// Mapping walks the keys of a mapping node for a type that decodes itself (UnmarshalYAML), calling fn for each
// key with its value, in order. A duplicate key or a key not in allowed is a *Message error naming it and the
// allowed keys, in Vietnamese and English; so is an error fn returns (returned as it is).
func Mapping(n *yaml.Node, allowed []string, fn func(key string, v *yaml.Node) error) error {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			return Msg(fmt.Sprintf("khóa %q bị lặp", k.Value), fmt.Sprintf("duplicate key %q", k.Value))
		}
		seen[k.Value] = true
		if !slices.Contains(allowed, k.Value) {
			list := strings.Join(allowed, ", ")
			return Msg(fmt.Sprintf("khóa không hợp lệ %q; các khóa được dùng: %s", k.Value, list),
				fmt.Sprintf("unknown key %q; allowed keys: %s", k.Value, list))
		}
		if err := fn(k.Value, v); err != nil {
			return err
		}
	}
	return nil
}

// Locate returns errs with the file, line and column of each error that has none set from its field path in
// s (At); errors built without a file (rules run on a model) get their position this way. A nil Source leaves
// them as they are.
func (s *Source) Locate(errs Errors) Errors {
	if s == nil {
		return errs
	}
	for _, e := range errs {
		if e.File == "" && e.Line == 0 {
			p := s.At(e.Path)
			e.File, e.Line, e.Col = s.File, p.Line, p.Col
		}
	}
	return errs
}
