package plan

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/placeholder"
	"github.com/vanban/vanban/internal/sections"
	"github.com/vanban/vanban/problem"
)

// WordingKey is one text of a default wording: the generated parts of a plan (plan/wording.yaml) or of a
// notice kind (notice/wording/<kind>.yaml), in one format.
type WordingKey struct {
	Key string
	// VI and EN say what the text is.
	VI, EN string
	// Party and State are the defaults of each system.
	Party, State string
	// Heading marks a title or label (notices: also accepted under headings:).
	Heading bool
	// Off marks a piece a file may switch off with false.
	Off bool
}

// Default returns the key's default for a system.
func (k WordingKey) Default(sys document.System) string {
	if sys == document.State {
		return k.State
	}
	return k.Party
}

// ParseWording reads a wording data file: a mapping of keys, each with vi, en, text (the default), state (the
// State default when it differs), heading and off; the keys in file order.
func ParseWording(data []byte) ([]WordingKey, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("wording: expected a mapping of keys")
	}
	m := root.Content[0]
	var out []WordingKey
	for i := 0; i+1 < len(m.Content); i += 2 {
		var e struct {
			VI, EN, Text, State string
			Heading, Off        bool
		}
		if err := m.Content[i+1].Decode(&e); err != nil {
			return nil, fmt.Errorf("wording: %s: %w", m.Content[i].Value, err)
		}
		if e.Text == "" || e.VI == "" || e.EN == "" {
			return nil, fmt.Errorf("wording: %s: text, vi and en are required", m.Content[i].Value)
		}
		out = append(out, WordingKey{Key: m.Content[i].Value, VI: e.VI, EN: e.EN, Party: e.Text, State: or(e.State, e.Text),
			Heading: e.Heading, Off: e.Off})
	}
	return out, nil
}

//go:embed wording.yaml
var wordingData []byte

var defaultWording = func() []WordingKey {
	ks, err := ParseWording(wordingData)
	if err != nil {
		panic("plan: wording.yaml: " + err.Error())
	}
	return ks
}()

// DefaultWording returns the default wording of the generated parts of a plan (plan/wording.yaml).
func DefaultWording() []WordingKey { return append([]WordingKey(nil), defaultWording...) }

// Text is a text a file gives in place of a generated one: a string, or false to leave the piece out (only
// where the piece may be switched off). An empty string is an error: it would have no effect.
type Text struct {
	Value string
	Off   bool
}

// UnmarshalYAML implements yaml.Unmarshaler: a non-empty string, or false.
func (t *Text) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return problem.Msg("cần một chuỗi, hoặc false để bỏ phần này", "expected a string, or false to leave the piece out")
	}
	if n.Tag == "!!bool" {
		var b bool
		if err := n.Decode(&b); err != nil || b {
			return problem.Msg("true không có tác dụng: ghi nội dung, hoặc false để bỏ phần này", "true has no effect: write the text, or false to leave the piece out")
		}
		*t = Text{Off: true}
		return nil
	}
	if strings.TrimSpace(n.Value) == "" {
		return problem.Msg("chuỗi trống không có tác dụng: bỏ khóa này để giữ mặc định, hoặc ghi false để bỏ phần này", "an empty string has no effect: remove the key to keep the default, or write false to leave the piece out")
	}
	*t = Text{Value: n.Value}
	return nil
}

// IsZero reports whether the text was not given.
func (t Text) IsZero() bool { return t.Value == "" && !t.Off }

// Wording rewords the texts of a default wording, by key: a string, or false to switch a piece off.
type Wording map[string]Text

// sessionCtx are the placeholders of one session in the plan's wording.
var sessionCtx = []string{"quarter", "month", "session_year", "content", "participants", "time", "venue"}

// word returns the plan's text of a wording key, with the plan's and the context's placeholders filled, and
// whether it is printed.
func (p *Plan) word(key string, ctx map[string]string) (string, bool) {
	text, on := p.wordText(key)
	if !on {
		return "", false
	}
	text = placeholder.Replace(text, func(m, name string) string {
		if v, ok := ctx[name]; ok {
			return v
		}
		return m
	})
	return p.Expand(text), true
}

// wordText returns the text of a wording key, the plan's or the default (not expanded), and whether it is
// printed.
func (p *Plan) wordText(key string) (string, bool) {
	if t, ok := p.Wording[key]; ok {
		if t.Off {
			return "", false
		}
		return t.Value, true
	}
	text := ""
	for _, k := range defaultWording {
		if k.Key == key {
			text = k.Default(p.Issuer.System)
		}
	}
	return text, true
}

// checkWording checks the plan's wording: known keys, false only where allowed, the placeholders of the plan
// and of one session.
func (c *checker) checkWording() {
	var keys []string
	for _, k := range defaultWording {
		keys = append(keys, k.Key)
	}
	for key, t := range c.p.Wording {
		path := "wording." + key
		var k *WordingKey
		for i := range defaultWording {
			if defaultWording[i].Key == key {
				k = &defaultWording[i]
			}
		}
		switch {
		case k == nil:
			c.add(path, fmt.Sprintf("khóa không hợp lệ %q trong wording; dùng một trong: %s", key, strings.Join(keys, ", ")),
				fmt.Sprintf("unknown key %q in wording; use one of: %s", key, strings.Join(keys, ", ")))
		case t.Off && !k.Off:
			c.add(path, fmt.Sprintf("%q không bỏ được (false): ghi nội dung thay thế", key),
				fmt.Sprintf("%q cannot be switched off (false): write the text to print instead", key))
		}
		names := append([]string{"deadline", "year"}, sessionCtx...)
		for _, m := range placeholder.FindAll(t.Value) {
			if !slices.Contains(names, m[1]) {
				c.add(path, fmt.Sprintf("chỗ thay thế không hợp lệ %q; dùng một trong: {{%s}}", m[0], strings.Join(names, "}}, {{")),
					fmt.Sprintf("unknown placeholder %q; use one of: {{%s}}", m[0], strings.Join(names, "}}, {{")))
			}
		}
		if _, err := document.ParseInline(t.Value); err != nil {
			c.add(path, "định dạng **đậm** / *nghiêng* không cân: "+err.Error(), "unbalanced **bold** / *italic* markup: "+err.Error())
		}
	}
}

// sessionWords returns the placeholders of one session for the plan's wording.
func (p *Plan) sessionWords(s *Session) map[string]string {
	return map[string]string{
		"quarter":      document.Roman(s.Quarter),
		"month":        fmt.Sprint(int(s.Time.Month)),
		"session_year": fmt.Sprint(s.Time.Year),
		"content":      p.Expand(s.Content),
		"participants": p.Expand(s.Participants),
		"time":         s.Time.Vietnamese(),
		"venue":        p.Expand(s.Venue),
	}
}

// sectionFiles holds the structure of the generated parts of a plan (wording/*.sections.yaml, the format of
// package internal/sections).
//
//go:embed wording/*.sections.yaml
var sectionFiles embed.FS

// sectionSet holds the sections data; a test swaps it for another set (useSections).
var sectionSet = sections.NewSet("plan", sectionFiles, "wording")

// useSections sets the sections data (a test's set) and drops the loaded one; it returns the set before.
func useSections(fsys fs.FS) fs.FS { return sectionSet.Use(fsys) }
