package notice

import (
	"io/fs"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/sections"
)

// The generated sections of a kind — which pieces a document has and in what order — are data too:
// notice/wording/<kind>.sections.yaml, a list of blocks in the format a file writes under body: (part, item,
// subitem, paragraph, bullet, with text and content), whose texts take the file's placeholders, the texts of
// its wording as {{wording.KEY}}, and the lists of its facts through each:. Go computes the facts; this data
// (with <kind>.yaml) words and orders them, so a new default wording that adds, drops or reorders a section
// is a data change. The format and its interpreter are package internal/sections (plan uses them too).

// sectionSet holds the sections data; a test swaps it for another set.
var sectionSet = sections.NewSet("notice", wordingFiles, "wording")

type (
	sectionBlock = sections.Block
	scope        = sections.Scope
)

// lineScopes turns lines into the entries of a list of lines ({{line}}, {{item}}, {{end}}).
func lineScopes(lines []string) []scope { return sections.Lines(lines) }

// sectionsOf returns the sections data of a kind; it panics on bad embedded data (a test loads every kind).
func sectionsOf(kind string) []sectionBlock { return sectionSet.Get(kind) }

// useSections sets the sections data (a test's set) and drops the loaded one; it returns the set before.
func useSections(fsys fs.FS) fs.FS { return sectionSet.Use(fsys) }

func parseSections(data []byte) ([]sectionBlock, error) { return sections.Parse(data) }

// sectionWriter lays out a kind's sections data for one file.
type sectionWriter struct {
	w    words
	look lookup            // the file's placeholders
	raw  map[string]string // wording keys given by a field of the file (opinions.text), already expanded
	root scope             // the placeholders and lists of the sections beside the file's facts
}

// layout lays out the sections data bs of the file.
func (sw *sectionWriter) layout(bs []sectionBlock) []document.Block {
	return (&sections.Writer{Text: sw.w.text, Look: sections.Lookup(sw.look), Raw: sw.raw, Root: sw.root,
		Expand:        func(s string, l sections.Lookup) string { return expand(s, lookup(l)) },
		ExpandWording: func(s string, l sections.Lookup) string { return expandDefault(s, lookup(l)) },
	}).Layout(bs)
}
