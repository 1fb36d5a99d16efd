package notice

import (
	"fmt"
	"github.com/vanban/vanban/problem"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/plan"
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
// the free blocks before and after, or the free body instead of all three, then the closing paragraph.
func (m *Meta) compose(opening []document.Block, sections func() []document.Block, closing string) []document.Block {
	out := append([]document.Block(nil), opening...)
	if len(m.Body) > 0 {
		out = append(out, m.p().Blocks(m.Body)...)
	} else {
		out = append(out, m.p().Blocks(m.Before)...)
		out = append(out, sections()...)
		out = append(out, m.p().Blocks(m.After)...)
	}
	return append(out, document.Block{Kind: document.Paragraph, Text: closing})
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
