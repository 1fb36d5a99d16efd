package plan

import (
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/problem"
)

// Blocks turns body blocks (the model of the plan's body: part, item, subitem, paragraph, bullet with their
// content, text and label) into the document's blocks, with the plan's placeholders ({{deadline}}, {{year}})
// expanded. It is the one converter of that model: package notice uses it for the free blocks of its files
// (before, after, body), so they print with the same markup and numbering as a plan's body. A "sessions: true"
// block prints the plan's sessions; CheckBlocks refuses it in other files.
func (p *Plan) Blocks(bs []Block) []document.Block { return p.bodyBlocks(bs) }

// CheckBlocks checks body blocks written in another file or value that belongs to the plan (path is the field
// path of the list, e.g. "after"; the errors carry field paths and no file position, which the caller adds):
// the structure rules of the plan's body (exactly one kind per block,
// parts only at the top level, subitems inside items, no content under paragraphs and bullets), no
// "sessions: true" block (it prints the plan's sessions, which only the plan does) and balanced inline markup.
// The placeholders are left to the caller: a notice's texts take the facts of their own file. Unlike the plan's
// own texts, a literal "NN ngày làm việc" is
// not compared with the conclusion deadline: a notice speaks of other periods too.
func (p *Plan) CheckBlocks(bs []Block, path string) problem.List {
	c := &checker{p: p, noDeadline: true, ownNames: true}
	c.blocks(bs, path, 0, "")
	if c.sessionsBlock != "" {
		c.add(c.sessionsBlock, "khối \"sessions: true\" chỉ dùng trong tệp kế hoạch (kind: plan)",
			"the \"sessions: true\" block is only for the plan file (kind: plan)")
	}
	blockTexts(bs, path, c.text)
	return c.errs
}
