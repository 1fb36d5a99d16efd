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
// A block whose title names {{wording.KEY}} of a piece the file switched off is left out with its content,
// or, with off: paragraph, printed as a paragraph of its text (when the text is not empty). A block with
// each: NAME is printed only when the list NAME is not empty, and its content is repeated for each line of
// the list, with {{line}} (the line as it is), {{item}} (the line without its final ".", ";" or ",") and
// {{end}} (";" after each line but the last, "." after the last). sentence: true ends the text with a full
// stop.
type sectionBlock struct {
	Part      *string        `yaml:"part"`
	Item      *string        `yaml:"item"`
	SubItem   *string        `yaml:"subitem"`
	Paragraph *string        `yaml:"paragraph"`
	Bullet    *string        `yaml:"bullet"`
	Text      string         `yaml:"text"`
	Sentence  bool           `yaml:"sentence"`
	Off       string         `yaml:"off"`
	Each      string         `yaml:"each"`
	Content   []sectionBlock `yaml:"content"`
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

// resetSections drops the loaded sections data (after sectionFS changed).
func resetSections() {
	sectionsMu.Lock()
	defer sectionsMu.Unlock()
	sectionsCache = map[string][]sectionBlock{}
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
			if b.Off != "" && b.Off != "paragraph" {
				return fmt.Errorf("sections[%d]: off: paragraph is the only value", i)
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
	list map[string][]string
}

// wordingRef is "{{wording.KEY}}" in a text.
const wordingRef = "wording."

// value looks a placeholder up for the sections: {{wording.KEY}} is the key's text, expanded; a fact's value
// is expanded too (a file's chair or venue takes placeholders).
func (sw *sectionWriter) value(ctx map[string]string) lookup {
	return func(name string) (string, []string, bool) {
		if v, ok := ctx[name]; ok {
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
			return expandDefault(t, sw.look), nil, true
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

// blocks lays out the blocks bs.
func (sw *sectionWriter) blocks(bs []sectionBlock, ctx map[string]string) []document.Block {
	var out []document.Block
	for _, b := range bs {
		look := sw.value(ctx)
		text := expand(b.Text, look)
		if b.Sentence {
			text = endSentence(text)
		}
		if b.Each != "" {
			lines := sw.listOf(b.Each)
			if len(lines) == 0 {
				continue
			}
		}
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
			if sw.off(*title) {
				if b.Off == "paragraph" && text != "" {
					out = append(out, document.Block{Kind: document.Paragraph, Text: text})
				}
				continue
			}
			t := expand(*title, look)
			switch kind {
			case document.Paragraph, document.Bullet:
				out = append(out, document.Block{Kind: kind, Text: t + text})
			default:
				out = append(out, document.Block{Kind: kind, Title: t, Text: text})
			}
		}
		if b.Each == "" {
			out = append(out, sw.blocks(b.Content, ctx)...)
			continue
		}
		lines := sw.listOf(b.Each)
		for i, line := range lines {
			end := ";"
			if i == len(lines)-1 {
				end = "."
			}
			c := map[string]string{"line": line, "item": strings.TrimRight(line, ".;,"), "end": end}
			for k, v := range ctx {
				if _, ok := c[k]; !ok {
					c[k] = v
				}
			}
			out = append(out, sw.blocks(b.Content, c)...)
		}
	}
	return out
}

// listOf returns the lines of a list: a list of the sections (sw.list), else a list fact, expanded.
func (sw *sectionWriter) listOf(name string) []string {
	if l, ok := sw.list[name]; ok {
		return l
	}
	if _, l, ok := sw.value(nil)(name); ok {
		return l
	}
	panic("notice: sections: no list " + name)
}
