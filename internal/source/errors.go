package source

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error is one mistake in an input file, with its position and a message in Vietnamese and English.
type Error struct {
	File      string
	Line, Col int    // 1-based; 0 when unknown
	Path      string // field path, e.g. "sessions[1].quarter"; "" for the whole file
	VI, EN    string
	// FromValidator is true for the errors of the struct tags (Validate), false for decoding errors and the
	// caller's own. It does not show in the message.
	FromValidator bool
}

// Error formats the error on one line: "plan.yaml:12:5: sessions[1].quarter: <Vietnamese> / <English>".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Col > 0 {
			b.WriteString(":" + strconv.Itoa(e.Col))
		}
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(oneLine(e.VI))
	if e.EN != "" {
		b.WriteString(" / " + oneLine(e.EN))
	}
	return b.String()
}

func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Errors is a list of mistakes, reported together. It implements error: one line per mistake, sorted by position.
type Errors []*Error

// Error returns one line per error, sorted by file and position.
func (es Errors) Error() string {
	s := slices.Clone(es)
	s.Sort()
	lines := make([]string, len(s))
	for i, e := range s {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the errors by file, line, column, path and message, and drops exact duplicates.
func (es *Errors) Sort() {
	slices.SortStableFunc(*es, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Path, b.Path), cmp.Compare(a.EN, b.EN))
	})
	*es = slices.CompactFunc(*es, func(a, b *Error) bool { return *a == *b })
}

// Err returns nil when there are no errors, else the sorted errors (so that a nil error stays a nil interface).
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	s := slices.Clone(es)
	s.Sort()
	return s
}

// Unwrap lets errors.As find an individual *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Message is an error with a Vietnamese and an English text, for unmarshalers and callers that want both.
type Message struct{ VI, EN string }

// Msg returns a *Message.
func Msg(vi, en string) *Message { return &Message{VI: vi, EN: en} }

func (m *Message) Error() string { return m.VI + " / " + m.EN }

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
