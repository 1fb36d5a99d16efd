package notice

import (
	"fmt"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
)

// checkFree checks the free blocks of an input with its plan's rules for body blocks (plan.CheckBlocks), and
// that body is not given with before or after.
func (m *Meta) checkFree() problem.List {
	var errs problem.List
	for _, f := range []struct {
		key string
		bs  []plan.Block
	}{{"before", m.Before}, {"after", m.After}, {"body", m.Body}} {
		errs = append(errs, m.src.Locate(m.p().CheckBlocks(f.bs, f.key))...)
	}
	if len(m.Body) > 0 {
		for _, key := range []string{"before", "after"} {
			if m.src.Has(key) {
				errs = append(errs, m.errorf(key, fmt.Sprintf("body thay cho toàn bộ các phần tự sinh: ghi nội dung của %s vào body", key),
					fmt.Sprintf("body replaces all the generated sections: write the content of %s in body", key)))
			}
		}
	}
	return errs
}

// compose assembles a document's body: the opening blocks (intro, notes), then the generated sections between
// the free blocks before and after, or the free body instead of all three, then the closing paragraph (none
// when closing is ""). The free blocks take the file's placeholders (look); with numbering: false the headings
// print unnumbered.
func (m *Meta) compose(opening []document.Block, sections func() []document.Block, closing string, look lookup) []document.Block {
	out := append([]document.Block(nil), opening...)
	if len(m.Body) > 0 {
		out = append(out, m.p().Blocks(expandBlocks(m.Body, look))...)
	} else {
		out = append(out, m.p().Blocks(expandBlocks(m.Before, look))...)
		out = append(out, sections()...)
		out = append(out, m.p().Blocks(expandBlocks(m.After, look))...)
	}
	if closing != "" {
		out = append(out, document.Block{Kind: document.Paragraph, Text: closing})
	}
	if m.Numbering != nil && !*m.Numbering {
		out = unnumbered(out)
	}
	return out
}

// commonTexts lists the texts every kind has: the free blocks, the headings and the wording, with their paths.
// A wording key of one assignment or one month also takes the placeholders of that context.
func (m *Meta) commonTexts(headings any) []textRef {
	var out []textRef
	for _, f := range []struct {
		key string
		bs  []plan.Block
	}{{"before", m.Before}, {"after", m.After}, {"body", m.Body}} {
		blockTextRefs(f.bs, f.key, &out)
	}
	for k, t := range headingTexts(headings) {
		out = append(out, textRef{path: "headings." + k, text: t.Value, ctx: wordingCtx(kindOf(headings), k)})
	}
	for _, k := range sortedKeys(m.Wording) {
		out = append(out, textRef{path: "wording." + k, text: m.Wording[k].Value, ctx: wordingCtx(kindOf(headings), k)})
	}
	return out
}

// wordingCtx returns the placeholders of the context of a wording key (one assignment, one month…).
func wordingCtx(kind, key string) []string {
	switch kind + "." + key {
	case "conclusion.assignment", "conclusion.assignment_draft", "conclusion.report":
		return ctxNames(assignmentCtx)
	case "followup.status":
		return ctxNames(statusCtx)
	case "reception-schedule.month":
		return ctxNames(monthCtx)
	case "reception-schedule.moved":
		return ctxNames(movedCtx)
	}
	return nil
}

func blockTextRefs(bs []plan.Block, path string, out *[]textRef) {
	for i, b := range bs {
		bp := fmt.Sprintf("%s[%d]", path, i)
		for _, t := range []struct{ key, s string }{{"part", b.Part}, {"item", b.Item}, {"subitem", b.SubItem},
			{"paragraph", b.Paragraph}, {"bullet", b.Bullet}, {"text", b.Text}} {
			if t.s != "" {
				*out = append(*out, textRef{path: bp + "." + t.key, text: t.s})
			}
		}
		blockTextRefs(b.Content, bp+".content", out)
	}
}

// textErrors checks the inline markup of the texts of an input (path → text), each at its position.
func (m *Meta) textErrors(texts [][2]string) problem.List {
	var errs problem.List
	for _, t := range texts {
		if t[1] == "" {
			continue
		}
		if _, err := document.ParseInline(t[1]); err != nil {
			errs = append(errs, m.errorf(t[0], "định dạng **đậm** / *nghiêng* không cân: "+err.Error(), "unbalanced **bold** / *italic* markup: "+err.Error()))
		}
	}
	return errs
}
