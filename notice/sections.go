package notice

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/document"
)

// The generated sections of a kind — which pieces a document has and in what order — are data too:
// notice/wording/<kind>.sections.yaml, a list of blocks in the format a file writes under body: (part, item,
// subitem, paragraph, bullet, with text and content), whose texts take the file's placeholders, the texts of
// its wording as {{wording.KEY}}, and the lists of its facts through each:. Go computes the facts; this data
// (with <kind>.yaml) words and orders them, so a new default wording that adds, drops or reorders a section
// is a data change.

// sectionFS holds the sections data; a test swaps it for another set.
var sectionFS fs.FS = wordingFiles

// sectionBlock is one block of a kind's sections data.
//
// A block whose title names {{wording.KEY}} of a piece the file switched off is left out with its content;
// with off: paragraph, its text is printed as a paragraph instead (when not empty); with off: content, its
// content is printed without it. A block with each: NAME is printed only when the list NAME is not empty,
// and its content is repeated for each entry of the list, with the entry's placeholders: for a list of lines
// {{line}} (the line as it is), {{item}} (the line without its final ".", ";" or ",") and {{end}} (";" after
// each line but the last, "." after the last); for a list of records (petitions, assignments) their fields
// and lists, named in the kind's data file. if: and unless: name placeholders or lists (one or a list of
// names): the block is printed only when every if: name is set (not empty) and no unless: name is.
// sentence: true ends the text with a full stop; label: sets the bullet's mark ("+").
type sectionBlock struct {
	Part      *string        `yaml:"part"`
	Item      *string        `yaml:"item"`
	SubItem   *string        `yaml:"subitem"`
	Paragraph *string        `yaml:"paragraph"`
	Bullet    *string        `yaml:"bullet"`
	Text      string         `yaml:"text"`
	Label     string         `yaml:"label"`
	Sentence  bool           `yaml:"sentence"`
	Off       string         `yaml:"off"`
	Each      string         `yaml:"each"`
	If        nameList       `yaml:"if"`
	Unless    nameList       `yaml:"unless"`
	Content   []sectionBlock `yaml:"content"`
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

// scope is the placeholders of one entry of a list (and of the entries it is in): its fields and its lists.
type scope struct {
	fields map[string]string
	lists  map[string][]scope
}

// lineScopes turns lines into the entries of a list of lines ({{line}}, {{item}}, {{end}}).
func lineScopes(lines []string) []scope {
	out := make([]scope, len(lines))
	for i, line := range lines {
		end := ";"
		if i == len(lines)-1 {
			end = "."
		}
		out[i] = scope{fields: map[string]string{"line": line, "item": strings.TrimRight(line, ".;,"), "end": end}}
	}
	return out
}

// inner returns the scope of entry e inside s: e's fields and lists over s's.
func (s scope) inner(e scope) scope {
	out := scope{fields: map[string]string{}, lists: map[string][]scope{}}
	for _, src := range []scope{s, e} {
		for k, v := range src.fields {
			out.fields[k] = v
		}
		for k, v := range src.lists {
			out.lists[k] = v
		}
	}
	return out
}

var (
	sectionsMu    sync.Mutex
	sectionsCache = map[string][]sectionBlock{}
)

// sectionsOf returns the sections data of a kind (and form: "" or "invitation"); it panics on bad embedded
// data (a test loads every kind).
func sectionsOf(kind string) []sectionBlock {
	sectionsMu.Lock()
	defer sectionsMu.Unlock()
	if s, ok := sectionsCache[kind]; ok {
		return s
	}
	data, err := fs.ReadFile(sectionFS, "wording/"+kind+".sections.yaml")
	if err != nil {
		panic(fmt.Sprintf("notice: sections of %s: %v", kind, err))
	}
	s, err := parseSections(data)
	if err != nil {
		panic(fmt.Sprintf("notice: wording/%s.sections.yaml: %v", kind, err))
	}
	sectionsCache[kind] = s
	return s
}

// useSections sets the sections data (a test's set) and drops the loaded one; it returns the set before.
func useSections(fsys fs.FS) fs.FS {
	sectionsMu.Lock()
	defer sectionsMu.Unlock()
	old := sectionFS
	sectionFS = fsys
	sectionsCache = map[string][]sectionBlock{}
	return old
}

func parseSections(data []byte) ([]sectionBlock, error) {
	var s struct {
		Sections []sectionBlock `yaml:"sections"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		return nil, err
	}
	var check func(bs []sectionBlock) error
	check = func(bs []sectionBlock) error {
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

// sectionWriter lays out a kind's sections data for one file.
type sectionWriter struct {
	w    words
	look lookup            // the file's placeholders
	raw  map[string]string // wording keys given by a field of the file (opinions.text), already expanded
	root scope             // the placeholders and lists of the sections beside the file's facts
}

// wordingRef is "{{wording.KEY}}" in a text.
const wordingRef = "wording."

// value looks a placeholder up in scope sc: {{wording.KEY}} is the key's text, expanded with the scope's
// placeholders; a fact's value is expanded too (a file's chair or venue takes placeholders).
func (sw *sectionWriter) value(sc scope) lookup {
	var look lookup
	look = func(name string) (string, []string, bool) {
		if v, ok := sc.fields[name]; ok {
			return v, nil, true
		}
		if key, ok := strings.CutPrefix(name, wordingRef); ok {
			if v, ok := sw.raw[key]; ok {
				return v, nil, true
			}
			t, on := sw.w.text(key)
			if !on {
				return "", nil, true
			}
			return expandDefault(t, func(n string) (string, []string, bool) {
				if v, ok := sc.fields[n]; ok {
					return v, nil, true
				}
				return sw.look(n)
			}), nil, true
		}
		t, l, ok := sw.look(name)
		if !ok {
			return "", nil, false
		}
		if l != nil {
			return "", expandAll(l, sw.look), true
		}
		return expand(t, sw.look), nil, true
	}
	return look
}

// off reports whether a text names a wording piece the file switched off.
func (sw *sectionWriter) off(s string) bool {
	for _, mt := range placeholderRE.FindAllStringSubmatch(s, -1) {
		if key, ok := strings.CutPrefix(mt[1], wordingRef); ok {
			if _, given := sw.raw[key]; given {
				continue
			}
			if _, on := sw.w.text(key); !on {
				return true
			}
		}
	}
	return false
}

// set reports whether a name is set in sc: a list with entries, a placeholder not empty.
func (sw *sectionWriter) set(sc scope, name string) bool {
	if l, ok := sc.lists[name]; ok {
		return len(l) > 0
	}
	t, l, ok := sw.value(sc)(name)
	if !ok {
		panic("notice: sections: no placeholder or list " + name)
	}
	return t != "" || len(l) > 0
}

// layout lays out the sections data bs of the file.
func (sw *sectionWriter) layout(bs []sectionBlock) []document.Block {
	if sw.root.fields == nil {
		sw.root.fields = map[string]string{}
	}
	return sw.blocks(bs, sw.root)
}

// blocks lays out the blocks bs in scope sc.
func (sw *sectionWriter) blocks(bs []sectionBlock, sc scope) []document.Block {
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
		var entries []scope
		if b.Each != "" {
			if entries = sw.listOf(sc, b.Each); len(entries) == 0 {
				continue
			}
		}
		look := sw.value(sc)
		text := expand(b.Text, look)
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
			case sw.off(*title) && b.Off == "paragraph":
				if b.Sentence {
					text = endSentence(text)
				}
				if text != "" {
					out = append(out, document.Block{Kind: document.Paragraph, Text: text})
				}
				continue
			case sw.off(*title) && b.Off == "content":
			case sw.off(*title):
				continue
			case kind == document.Paragraph || kind == document.Bullet:
				t := expand(*title, look) + text
				if b.Sentence {
					t = endSentence(t)
				}
				out = append(out, document.Block{Kind: kind, Label: b.Label, Text: t})
			default:
				if b.Sentence {
					text = endSentence(text)
				}
				out = append(out, document.Block{Kind: kind, Title: expand(*title, look), Text: text})
			}
		}
		if b.Each == "" {
			out = append(out, sw.blocks(b.Content, sc)...)
			continue
		}
		for _, e := range entries {
			out = append(out, sw.blocks(b.Content, sc.inner(e))...)
		}
	}
	return out
}

// listOf returns the entries of a list: a list of the scope, else a list fact as lines.
func (sw *sectionWriter) listOf(sc scope, name string) []scope {
	if l, ok := sc.lists[name]; ok {
		return l
	}
	if _, l, ok := sw.value(sc)(name); ok {
		return lineScopes(l)
	}
	panic("notice: sections: no list " + name)
}
