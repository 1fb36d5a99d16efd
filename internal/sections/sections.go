// Package sections parses and lays out the sections data of a generated document: a list of blocks in the
// format a file writes under body: (part, item, subitem, paragraph, bullet, with text and content), whose
// texts take the file's placeholders, the texts of its wording as {{wording.KEY}}, and the lists of its facts
// through each:. Packages notice and plan keep their sections data embedded and word their generated parts
// through it: Go computes the facts, the data words and orders them.
package sections

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/placeholder"
)

// Block is one block of a sections data set.
//
// A block whose title names {{wording.KEY}} of a piece the file switched off is left out with its content;
// with off: paragraph, its text is printed as a paragraph instead (when not empty); with off: content, its
// content is printed without it. A block with each: NAME is printed only when the list NAME is not empty,
// and its content is repeated for each entry of the list, with the entry's placeholders: for a list of lines
// {{line}} (the line as it is), {{item}} (the line without its final ".", ";" or ",") and {{end}} (";" after
// each line but the last, "." after the last); for a list of records their fields and lists. if: and unless:
// name placeholders or lists (one or a list of names): the block is printed only when every if: name is set
// (not empty) and no unless: name is. sentence: true ends the text with a full stop; label: sets the
// bullet's mark ("+").
type Block struct {
	Part      *string  `yaml:"part"`
	Item      *string  `yaml:"item"`
	SubItem   *string  `yaml:"subitem"`
	Paragraph *string  `yaml:"paragraph"`
	Bullet    *string  `yaml:"bullet"`
	Text      string   `yaml:"text"`
	Label     string   `yaml:"label"`
	Sentence  bool     `yaml:"sentence"`
	Off       string   `yaml:"off"`
	Each      string   `yaml:"each"`
	If        nameList `yaml:"if"`
	Unless    nameList `yaml:"unless"`
	Content   []Block  `yaml:"content"`
}

// nameList is one name or a list of names.
type nameList []string

func (l *nameList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = nameList{n.Value}
		return nil
	}
	var xs []string
	if err := n.Decode(&xs); err != nil {
		return err
	}
	*l = xs
	return nil
}

// Scope is the placeholders of one entry of a list (and of the entries it is in): its fields and its lists.
// A field named "wording.KEY" stands for that wording text in the entry (a session's own label).
type Scope struct {
	Fields map[string]string
	Lists  map[string][]Scope
}

// Lines turns lines into the entries of a list of lines ({{line}}, {{item}}, {{end}}).
func Lines(lines []string) []Scope {
	out := make([]Scope, len(lines))
	for i, line := range lines {
		end := ";"
		if i == len(lines)-1 {
			end = "."
		}
		out[i] = Scope{Fields: map[string]string{"line": line, "item": strings.TrimRight(line, ".;,"), "end": end}}
	}
	return out
}

// Inner returns the scope of entry e inside s: e's fields and lists over s's.
func (s Scope) Inner(e Scope) Scope {
	out := Scope{Fields: map[string]string{}, Lists: map[string][]Scope{}}
	for _, src := range []Scope{s, e} {
		for k, v := range src.Fields {
			out.Fields[k] = v
		}
		for k, v := range src.Lists {
			out.Lists[k] = v
		}
	}
	return out
}

// Set is an embedded sections data set: files DIR/NAME.sections.yaml of a file system, loaded once.
type Set struct {
	pkg, dir string
	mu       sync.Mutex
	fsys     fs.FS
	cache    map[string][]Block
}

// NewSet returns the set of the files dir/NAME.sections.yaml of fsys; pkg names the package in panics.
func NewSet(pkg string, fsys fs.FS, dir string) *Set {
	return &Set{pkg: pkg, dir: dir, fsys: fsys, cache: map[string][]Block{}}
}

// Get returns the sections data NAME; it panics on bad embedded data (a test loads every one).
func (s *Set) Get(name string) []Block {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b, ok := s.cache[name]; ok {
		return b
	}
	path := s.dir + "/" + name + ".sections.yaml"
	data, err := fs.ReadFile(s.fsys, path)
	if err != nil {
		panic(fmt.Sprintf("%s: sections of %s: %v", s.pkg, name, err))
	}
	b, err := Parse(data)
	if err != nil {
		panic(fmt.Sprintf("%s: %s: %v", s.pkg, path, err))
	}
	s.cache[name] = b
	return b
}

// Use sets the file system of the set (a test's set) and drops the loaded data; it returns the one before.
func (s *Set) Use(fsys fs.FS) fs.FS {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.fsys
	s.fsys = fsys
	s.cache = map[string][]Block{}
	return old
}

// Parse parses a sections data file: a mapping with the list sections:.
func Parse(data []byte) ([]Block, error) {
	var s struct {
		Sections []Block `yaml:"sections"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		return nil, err
	}
	var check func(bs []Block) error
	check = func(bs []Block) error {
		for i, b := range bs {
			n := 0
			for _, p := range []*string{b.Part, b.Item, b.SubItem, b.Paragraph, b.Bullet} {
				if p != nil {
					n++
				}
			}
			if n > 1 || n == 0 && b.Each == "" {
				return fmt.Errorf("sections[%d]: one of part, item, subitem, paragraph, bullet (or each: with content)", i)
			}
			if b.Off != "" && b.Off != "paragraph" && b.Off != "content" {
				return fmt.Errorf("sections[%d]: off: paragraph or content", i)
			}
			if err := check(b.Content); err != nil {
				return err
			}
		}
		return nil
	}
	if err := check(s.Sections); err != nil {
		return nil, err
	}
	return s.Sections, nil
}

// Lookup gives the value of a placeholder: a text, or the lines of a list.
type Lookup func(name string) (text string, list []string, ok bool)

// Expand replaces the placeholders {{name}} of s; a list is joined with "; ". Unknown ones stay.
func Expand(s string, look Lookup) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "}}")
		if j < 0 {
			break
		}
		inner := s[i+2 : i+2+j]
		if strings.ContainsAny(inner, "{}") { // not a placeholder: keep the first brace, look again after it
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		text, list, ok := look(strings.TrimSpace(inner))
		switch {
		case !ok:
			b.WriteString(s[i : i+4+j])
		case list != nil:
			b.WriteString(strings.Join(list, "; "))
		default:
			b.WriteString(text)
		}
		s = s[i+4+j:]
	}
	b.WriteString(s)
	return b.String()
}

// EndSentence ends s with a full stop unless it already ends with one (inside closing emphasis marks too).
func EndSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(strings.TrimRight(s, "*")[len(strings.TrimRight(s, "*"))-1:], ".!?:;") {
		return s
	}
	return s + "."
}

// Writer lays out a sections data set for one file.
type Writer struct {
	Text          func(key string) (string, bool)    // a wording key's text (not expanded) and whether it is printed
	Look          Lookup                             // the file's placeholders
	Raw           map[string]string                  // wording keys given by a field of the file, already expanded
	Root          Scope                              // the placeholders and lists of the sections beside the file's facts
	Expand        func(s string, look Lookup) string // expands a title, text or fact (default Expand)
	ExpandWording func(s string, look Lookup) string // expands a wording text (default Expand)
}

// wordingRef is "{{wording.KEY}}" in a text.
const wordingRef = "wording."

func (sw *Writer) expand(s string, look Lookup) string {
	if sw.Expand != nil {
		return sw.Expand(s, look)
	}
	return Expand(s, look)
}

// value looks a placeholder up in scope sc: {{wording.KEY}} is the key's text, expanded with the scope's
// placeholders; a fact's value is expanded too (a file's chair or venue takes placeholders).
func (sw *Writer) value(sc Scope) Lookup {
	return func(name string) (string, []string, bool) {
		if v, ok := sc.Fields[name]; ok {
			return v, nil, true
		}
		if key, ok := strings.CutPrefix(name, wordingRef); ok {
			if v, ok := sw.Raw[key]; ok {
				return v, nil, true
			}
			t, on := sw.Text(key)
			if !on {
				return "", nil, true
			}
			exp := sw.ExpandWording
			if exp == nil {
				exp = Expand
			}
			return exp(t, func(n string) (string, []string, bool) {
				if v, ok := sc.Fields[n]; ok {
					return v, nil, true
				}
				return sw.Look(n)
			}), nil, true
		}
		t, l, ok := sw.Look(name)
		if !ok {
			return "", nil, false
		}
		if l != nil {
			out := make([]string, len(l))
			for i, x := range l {
				out[i] = sw.expand(x, sw.Look)
			}
			return "", out, true
		}
		return sw.expand(t, sw.Look), nil, true
	}
}

// off reports whether a text names a wording piece the file switched off (in scope sc).
func (sw *Writer) off(s string, sc Scope) bool {
	for _, mt := range placeholder.FindAll(s) {
		if key, ok := strings.CutPrefix(mt[1], wordingRef); ok {
			if _, given := sw.Raw[key]; given {
				continue
			}
			if _, given := sc.Fields[mt[1]]; given {
				continue
			}
			if _, on := sw.Text(key); !on {
				return true
			}
		}
	}
	return false
}

// set reports whether a name is set in sc: a list with entries, a placeholder not empty.
func (sw *Writer) set(sc Scope, name string) bool {
	if l, ok := sc.Lists[name]; ok {
		return len(l) > 0
	}
	t, l, ok := sw.value(sc)(name)
	if !ok {
		panic("sections: no placeholder or list " + name)
	}
	return t != "" || len(l) > 0
}

// Layout lays out the sections data bs of the file.
func (sw *Writer) Layout(bs []Block) []document.Block {
	if sw.Root.Fields == nil {
		sw.Root.Fields = map[string]string{}
	}
	return sw.blocks(bs, sw.Root)
}

// blocks lays out the blocks bs in scope sc.
func (sw *Writer) blocks(bs []Block, sc Scope) []document.Block {
	var out []document.Block
blocks:
	for _, b := range bs {
		for _, n := range b.If {
			if !sw.set(sc, n) {
				continue blocks
			}
		}
		for _, n := range b.Unless {
			if sw.set(sc, n) {
				continue blocks
			}
		}
		var entries []Scope
		if b.Each != "" {
			if entries = sw.listOf(sc, b.Each); len(entries) == 0 {
				continue
			}
		}
		look := sw.value(sc)
		text := sw.expand(b.Text, look)
		kind, title := document.Paragraph, (*string)(nil)
		switch {
		case b.Part != nil:
			kind, title = document.Part, b.Part
		case b.Item != nil:
			kind, title = document.Item, b.Item
		case b.SubItem != nil:
			kind, title = document.SubItem, b.SubItem
		case b.Paragraph != nil:
			kind, title = document.Paragraph, b.Paragraph
		case b.Bullet != nil:
			kind, title = document.Bullet, b.Bullet
		}
		if title != nil {
			switch {
			case sw.off(*title, sc) && b.Off == "paragraph":
				if b.Sentence {
					text = EndSentence(text)
				}
				if text != "" {
					out = append(out, document.Block{Kind: document.Paragraph, Text: text})
				}
				continue
			case sw.off(*title, sc) && b.Off == "content":
			case sw.off(*title, sc):
				continue
			case kind == document.Paragraph || kind == document.Bullet:
				t := sw.expand(*title, look) + text
				if b.Sentence {
					t = EndSentence(t)
				}
				out = append(out, document.Block{Kind: kind, Label: b.Label, Text: t})
			default:
				if b.Sentence {
					text = EndSentence(text)
				}
				out = append(out, document.Block{Kind: kind, Title: sw.expand(*title, look), Text: text})
			}
		}
		if b.Each == "" {
			out = append(out, sw.blocks(b.Content, sc)...)
			continue
		}
		for _, e := range entries {
			out = append(out, sw.blocks(b.Content, sc.Inner(e))...)
		}
	}
	return out
}

// listOf returns the entries of a list: a list of the scope, else a list fact as lines.
func (sw *Writer) listOf(sc Scope, name string) []Scope {
	if l, ok := sc.Lists[name]; ok {
		return l
	}
	if _, l, ok := sw.value(sc)(name); ok {
		return Lines(l)
	}
	panic("sections: no list " + name)
}
