package templates

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Compilation of one XML part into a program: a tree of literal byte chunks,
// fields and sections.
//
// Pass 1 finds the tags. All <w:t> text of a paragraph is one stream
// (docxtemplater's approach), so a tag Word split over several runs, with
// proofErr, bookmarks, revision marks or lastRenderedPageBreak between the
// pieces, is still found. <w:delText> (deleted revisions) and <w:instrText>
// are not <w:t> and so are ignored. The tag is moved into the text node that
// holds its opening "{{"; its characters are removed from the other nodes.
//
// Pass 1 also notes, for each paragraph, where it holds content other than
// text (a drawing, a tab, a footnote reference, a section break, …): a tag
// paragraph holding such content is kept instead of vanishing.
//
// Pass 2 walks the tokens again, producing a flat list of items (literal
// bytes, tags, and markup that must change when repeated: bookmarks and
// comment marks, drawing, revision and content-control ids, paragraph ids)
// and records, for every tag, where its paragraph and table row start and
// end.
//
// Pass 3 pairs opening and closing tags, decides for each section which
// range of items it covers (inline / paragraph block / table rows), checks
// nesting, and builds the node tree.

type tagKind uint8

const (
	tagField tagKind = iota
	tagSection
	tagInverted
	tagClose
)

type nodeKind uint8

const (
	nLit nodeKind = iota
	nField
	nSection
	nUID
	nOptPara  // a paragraph dropped when its only section renders nothing
	nOptTable // a table dropped when no row is left in it
	nEnsureP  // the end tag of a cell, header, footer or note: a paragraph must come last
	nMark     // the start of a paragraph a section may move a section break into
)

// idClass is a family of ids that must be unique in a document; repeated
// content gets fresh ids of its class, counted from the largest one the
// template uses.
type idClass uint8

const (
	idDrawing  idClass = iota // wp:docPr/@id, pic:cNvPr/@id (and other *:cNvPr)
	idRevision                // w:id of w:ins, w:del and the other revision marks
	numIDClasses
)

type node struct {
	kind  nodeKind
	cls   idClass // nUID
	lit   []byte  // nLit; nUID: bytes before the id
	post  []byte  // nUID: bytes after the id
	tag   *tagInfo
	body  []node // nSection, nOptPara, nOptTable
	empty []node // nSection: rendered instead when the body is rendered zero times
	note  string // nSection: a footnote or endnote reference the body holds
	sect  []byte // nSection: a section break to move into the paragraph at mark when the section renders nothing
	mark  int    // nMark, nSection with sect: the mark's id
}

// tagInfo is what the renderer needs to know about a tag.
type tagInfo struct {
	kind    tagKind
	path    []string // nil for "."
	name    string   // path as written, "." for the current item
	raw     string   // as typed, with braces
	part    string
	context string
	runOpen []byte // "<w:r …>" + "<w:rPr>…</w:rPr>" of the run holding the tag
	rPr     []byte // the run's rPr element (may be nil)
	scope   *scope // the sections around the tag (fields and opening tags)
}

// scope is a place in the nesting of sections: the innermost section's
// name, linked to the scope around it. Scopes are shared, so deep nesting
// costs memory in proportion to its depth, not its square.
type scope struct {
	outer *scope
	name  string
	depth int
}

func (s *scope) len() int {
	if s == nil {
		return 0
	}
	return s.depth
}

// names lists the section names, outermost first (nil at top level).
func (s *scope) names() []string {
	if s == nil {
		return nil
	}
	out := make([]string, s.depth)
	for p := s; p != nil; p = p.outer {
		out[p.depth-1] = p.name
	}
	return out
}

// tagSpec is a tag found in pass 1.
type tagSpec struct {
	info  *tagInfo
	alone bool   // the only content of its paragraph
	keep  bool   // the only text of its paragraph, which holds other content too
	sect  []byte // the paragraph's section break (w:sectPr), if any: never dropped
	first bool   // nothing but blank text before it in its paragraph
	last  bool   // nothing but blank text after it in its paragraph
}

type piece struct {
	text string
	tag  *tagSpec
}

type itemKind uint8

const (
	itLit     itemKind = iota
	itTag              // a tag
	itMarker           // bookmark or comment mark: dropped with its partners when one is repeated
	itIDAttr           // an id attribute renumbered when repeated
	itAlt              // markup written as alt when repeated
	itEnsureP          // end tag of a container that must end with a paragraph
)

type item struct {
	kind itemKind
	cls  idClass // itIDAttr
	lit  []byte  // itLit; itIDAttr: before the value; itAlt, itMarker: raw
	post []byte  // itIDAttr: after the value
	alt  []byte  // itAlt: what is written in repeated content (nil: nothing)
	id   string  // itMarker: family and id; itIDAttr: the value
	tag  int     // itTag: index in tags
}

// tagOcc is a tag placed in the item list (pass 2).
type tagOcc struct {
	info                     *tagInfo
	sect                     []byte // the paragraph's section break, if any
	item                     int
	alone, keep, first, last bool
	paraStart, paraEnd       int
	paraParent               int // token index of the paragraph's parent element
	stackSig                 string
	trTok, tcTok, tblTok     int
	trStart, trEnd           int
	tcStart, tcEnd           int
}

type compiler struct {
	part   string
	src    []byte
	cfg    *config
	tags0  *int // tags found in all parts so far (MaxTags)
	ntags  int  // tags found in this part (MaxTagsPerPart)
	depth  int  // sections open at the last tag found (MaxDepth)
	toks   []token
	pieces map[int][]piece
	errs   errorList
	nerr   int // errors found (listed or not)
	items  []item
	tags   []*tagOcc
	maxID  [numIDClasses]int
	split  bool           // the next literal starts a new item (element boundary)
	tables map[int][2]int // token of <w:tbl> -> its items [start, end)
	notes  []noteRef      // footnote and endnote references, by item
}

// noteRef is a footnote or endnote reference found in pass 2.
type noteRef struct {
	item int
	what string // "footnote 2"
}

func (c *compiler) errorf(tag, ctx, msg string) {
	c.nerr++
	c.errs.add(&TemplateError{Part: c.part, Tag: tag, Context: ctx, Message: msg})
}

// tooMany is the error for a limit crossed while compiling: it names the
// part, the limit and where the compiler was (the paragraph's text).
func (c *compiler) tooMany(what string, limit int, ctx string) error {
	if ctx != "" {
		ctx = " (" + cut(ctx, 60) + ")"
	}
	return fmt.Errorf("%w: %s: %s (giới hạn / limit %d)%s", ErrTooLarge, c.part, what, limit, ctx)
}

func nameIs(b []byte, s string) bool { return string(b) == s }

// compilePart compiles one XML part. It returns the program (nil when the
// part holds no tag), the errors found, and the largest numeric id seen.
func compilePart(part string, src []byte, cfg *config, tags *int) (prog []node, errs errorList, maxID [numIDClasses]int, err error) {
	// Fast path: a part holding no byte of a delimiter has nothing to
	// fill (a tag may be split over runs, "{" + "{name}}", so the first
	// byte is what counts).
	if !mayHoldTags(src, cfg) {
		return nil, errs, scanIDs(src), nil
	}
	toks, err := tokenize(src, cfg.limits.MaxMarkup)
	if err != nil {
		if errors.Is(err, errTooManyTokens) {
			return nil, errs, maxID, fmt.Errorf("%w: %s: hơn / more than %d thẻ XML / markup tokens (MaxMarkup)", ErrTooLarge, part, cfg.limits.MaxMarkup)
		}
		return nil, errs, maxID, err
	}
	c := &compiler{part: part, src: src, toks: toks, cfg: cfg, tags0: tags, errs: errorList{max: cfg.limits.MaxErrors}}
	if err := c.pass1(); err != nil {
		return nil, errs, maxID, err
	}
	if len(c.pieces) == 0 {
		return nil, c.errs, scanIDs(src), nil
	}
	c.pass2()
	prog, err = c.pass3()
	if err != nil {
		return nil, errs, maxID, err
	}
	return prog, c.errs, c.maxID, nil
}

// ---------------------------------------------------------------- pass 1

type paraCtx struct {
	texts      []int // token indices of text inside <w:t>
	firstOther int   // token index of the first content other than text, or -1
	lastOther  int   // … and of the last
	sectStart  int   // token index of the paragraph's w:sectPr (a section break), or -1
	sectEnd    int   // … and of its end tag
}

// Inside a paragraph, these elements hold no visible content of their own
// (text is counted separately) or are markup Word adds while editing.
// Anything else (a drawing, a tab, a break, a field, a footnote reference,
// a comment, a content control, …) is content a tag paragraph must keep.
var plainInPara = map[string]bool{
	"w:r": true, "w:t": true, "w:proofErr": true, "w:bookmarkStart": true, "w:bookmarkEnd": true,
	"w:lastRenderedPageBreak": true, "w:ins": true, "w:del": true, "w:delText": true,
	"w:moveFrom": true, "w:moveTo": true, "w:moveFromRangeStart": true, "w:moveFromRangeEnd": true,
	"w:moveToRangeStart": true, "w:moveToRangeEnd": true, "w:permStart": true, "w:permEnd": true,
	"w:smartTag": true, "w:customXml": true, "w:hyperlink": true, "w:dir": true, "w:bdo": true,
}

// propsElem are property elements: nothing inside them is content, except
// a section break (w:sectPr in w:pPr), which is.
var propsElem = map[string]bool{"w:pPr": true, "w:rPr": true, "w:smartTagPr": true, "w:customXmlPr": true}

func (c *compiler) pass1() error {
	src := c.src
	stack := make([][]byte, 0, 32)
	skip := make([]bool, 0, 32) // inside properties or inside content already noted
	var paras []*paraCtx
	for i := range c.toks {
		t := &c.toks[i]
		switch t.kind {
		case tokStart, tokSelfClose:
			nm := t.name(src)
			inSkip := len(skip) > 0 && skip[len(skip)-1]
			other := false
			if n := len(paras); n > 0 && (!inSkip && !plainInPara[string(nm)] && !propsElem[string(nm)] || nameIs(nm, "w:sectPr")) {
				other = true
				p := paras[n-1]
				if p.firstOther < 0 {
					p.firstOther = i
				}
				p.lastOther = i
			}
			if n, d := len(paras), len(stack); n > 0 && d >= 2 && nameIs(nm, "w:sectPr") && nameIs(stack[d-1], "w:pPr") && nameIs(stack[d-2], "w:p") {
				paras[n-1].sectStart, paras[n-1].sectEnd = i, i
			}
			if t.kind == tokSelfClose {
				continue
			}
			stack = append(stack, nm)
			if nameIs(nm, "w:p") {
				paras = append(paras, &paraCtx{firstOther: -1, lastOther: -1, sectStart: -1})
				skip = append(skip, false) // a paragraph in a text box starts afresh
			} else {
				skip = append(skip, inSkip || other || propsElem[string(nm)])
			}
		case tokEnd:
			nm := t.name(src)
			if len(stack) == 0 || !bytes.Equal(stack[len(stack)-1], nm) {
				return &TemplateError{Part: c.part, Message: "the part is not well-formed XML: unexpected </" + string(nm) + ">"}
			}
			stack = stack[:len(stack)-1]
			skip = skip[:len(skip)-1]
			if n := len(paras); n > 0 && nameIs(nm, "w:sectPr") && paras[n-1].sectStart >= 0 && paras[n-1].sectEnd == paras[n-1].sectStart {
				paras[n-1].sectEnd = i
			}
			if nameIs(nm, "w:p") && len(paras) > 0 {
				if err := c.paragraph(paras[len(paras)-1]); err != nil {
					return err
				}
				paras = paras[:len(paras)-1]
			}
		case tokText:
			if len(stack) > 0 && nameIs(stack[len(stack)-1], "w:t") && len(paras) > 0 {
				p := paras[len(paras)-1]
				p.texts = append(p.texts, i)
			}
		}
	}
	if len(stack) > 0 {
		return &TemplateError{Part: c.part, Message: "the part is not well-formed XML: unclosed <" + string(stack[len(stack)-1]) + ">"}
	}
	return nil
}

type foundTag struct {
	s, e int // byte range in the paragraph stream
	spec *tagSpec
}

func (c *compiler) paragraph(p *paraCtx) error {
	if len(p.texts) == 0 {
		return nil
	}
	open, close := c.cfg.open, c.cfg.close
	texts := make([]string, len(p.texts))
	any := false
	for k, ti := range p.texts {
		t := &c.toks[ti]
		texts[k] = unescapeText(c.src[t.start:t.end])
		if strings.IndexByte(texts[k], open[0]) >= 0 || strings.IndexByte(texts[k], close[0]) >= 0 {
			any = true
		}
	}
	if !any {
		return nil
	}
	full := strings.Join(texts, "")
	if !strings.Contains(full, open) && !strings.Contains(full, close) {
		return nil
	}
	var found []foundTag
	// Every search starts at pos, which only grows, and a position found
	// is reused while it is still ahead: the scan is linear in the
	// paragraph's length however many braces it holds.
	nextOpen, nextClose := -2, -2 // absolute positions; -1: none left, -2: unknown
	find := func(at *int, from int, what string) int {
		if *at == -2 || *at >= 0 && *at < from {
			*at = strings.Index(full[from:], what)
			if *at >= 0 {
				*at += from
			}
		}
		return *at
	}
	pos := 0
	for pos < len(full) {
		o := find(&nextOpen, pos, open)
		cl := find(&nextClose, pos, close)
		if o < 0 && cl < 0 {
			break
		}
		if o < 0 || (cl >= 0 && cl < o) {
			c.errorf(close, full, "dấu đóng \""+close+"\" không có dấu mở \""+open+"\" / closing \""+close+"\" without an opening \""+open+"\"")
			pos = cl + len(close)
			continue
		}
		s := o
		// skip additional opening braces: "{{{x}}" is reported as unknown syntax below
		e := find(&nextClose, s+len(open), close)
		next := find(&nextOpen, s+len(open), open)
		if e < 0 {
			c.errorf(cut(full[s:], 40), full, "thẻ chưa đóng: không có \""+close+"\" sau nó trong đoạn này / unclosed tag: no \""+close+"\" follows in this paragraph")
			break
		}
		if next >= 0 && next < e {
			c.errorf(cut(full[s:next], 80), full, "thẻ chưa đóng: một \""+open+"\" khác bắt đầu trước \""+close+"\" / unclosed tag: another \""+open+"\" starts before \""+close+"\"")
			pos = next
			continue
		}
		end := e + len(close)
		raw := full[s:end]
		info, msg := parseTag(raw, open, close)
		pos = end
		if msg != "" {
			c.errorf(raw, full, msg)
			continue
		}
		info.part = c.part
		info.context = full
		found = append(found, foundTag{s: s, e: end, spec: &tagSpec{info: info}})
		c.ntags++
		*c.tags0++
		// Nesting depth as the tags come (pass 3 checks it exactly):
		// a template nested far too deep is refused before any
		// structure is built for it.
		switch info.kind {
		case tagSection, tagInverted:
			if c.depth++; c.depth > c.cfg.limits.MaxDepth {
				return c.tooMany("các phần lồng nhau quá sâu / sections nested too deeply (MaxDepth) at "+cut(raw, 40), c.cfg.limits.MaxDepth, full[s:])
			}
		case tagClose:
			c.depth = max(0, c.depth-1)
		}
		if c.ntags > c.cfg.limits.MaxTagsPerPart {
			return c.tooMany("quá nhiều thẻ trong phần / too many tags in the part (MaxTagsPerPart)", c.cfg.limits.MaxTagsPerPart, full[s:])
		}
		if *c.tags0 > c.cfg.limits.MaxTags {
			return c.tooMany("quá nhiều thẻ trong mẫu / too many tags in the template (MaxTags)", c.cfg.limits.MaxTags, full[s:])
		}
	}
	if len(found) == 0 {
		return nil
	}
	// Which text nodes hold the first tag's start and the last tag's end:
	// other content before or after them (by token order) counts.
	firstTok, lastTok := -1, -1
	off := 0
	for k, ti := range p.texts {
		end := off + len(texts[k])
		if firstTok < 0 && found[0].s < end {
			firstTok = ti
		}
		if found[len(found)-1].e <= end {
			lastTok = ti
			break
		}
		off = end
	}
	f, l := found[0].spec, found[len(found)-1].spec
	f.first = strings.TrimSpace(full[:found[0].s]) == "" && (p.firstOther < 0 || p.firstOther > firstTok)
	l.last = strings.TrimSpace(full[found[len(found)-1].e:]) == "" && p.lastOther < lastTok
	if len(found) == 1 && strings.TrimSpace(full) == f.info.raw {
		f.alone = p.firstOther < 0
		f.keep = !f.alone
	}
	if p.sectStart >= 0 {
		sect := c.src[c.toks[p.sectStart].start:c.toks[p.sectEnd].end]
		for _, ft := range found {
			ft.spec.sect = sect
		}
	}
	if c.pieces == nil {
		c.pieces = make(map[int][]piece)
	}
	// Distribute: each text node keeps its characters outside tags; the
	// node holding a tag's "{{" receives the tag.
	off = 0
	fi := 0
	for k, ti := range p.texts {
		ts, te := off, off+len(texts[k])
		off = te
		var ps []piece
		cur := ts
		changed := false
		for cur < te {
			// skip tags that ended before cur
			for fi < len(found) && found[fi].e <= cur {
				fi++
			}
			if fi < len(found) && found[fi].s < te {
				f := found[fi]
				if f.s > cur {
					ps = append(ps, piece{text: full[cur:f.s]})
				}
				if f.s >= ts && f.s >= cur {
					ps = append(ps, piece{tag: f.spec})
				}
				changed = true
				if f.e >= te {
					cur = te
				} else {
					cur = f.e
					fi++
				}
				continue
			}
			ps = append(ps, piece{text: full[cur:te]})
			cur = te
		}
		if changed {
			c.pieces[ti] = ps
		}
	}
	return nil
}

func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// parseTag parses a tag (raw includes the delimiters). It returns a
// message when the tag is malformed. A closing tag without a name ({{/}})
// closes the innermost open section.
func parseTag(raw, open, close string) (*tagInfo, string) {
	inner := strings.TrimSpace(raw[len(open) : len(raw)-len(close)])
	info := &tagInfo{raw: raw}
	if inner == "" {
		return nil, "thẻ rỗng / empty tag"
	}
	switch inner[0] {
	case '#':
		info.kind = tagSection
		inner = strings.TrimSpace(inner[1:])
	case '^':
		info.kind = tagInverted
		inner = strings.TrimSpace(inner[1:])
	case '/':
		info.kind = tagClose
		inner = strings.TrimSpace(inner[1:])
		if inner == "" {
			return info, "" // anonymous: closes the innermost section
		}
	default:
		r, _ := utf8.DecodeRuneInString(inner)
		if !isNameRune(r) && r != '.' {
			return nil, "cú pháp thẻ không rõ " + strconv.QuoteRune(r) + " / unknown tag syntax " + strconv.QuoteRune(r) + ": use " + open + "name" + close + ", " + open + "#name" + close + ", " + open + "^name" + close + ", " + open + "/name" + close + " or " + open + "." + close
		}
	}
	if inner == "" {
		return nil, "thẻ không có tên / tag without a name"
	}
	info.name = inner
	if inner == "." {
		return info, ""
	}
	if len(inner) > 1000 {
		return nil, "thẻ sai: tên dài hơn 1000 byte / malformed tag: the name is longer than 1000 bytes"
	}
	for _, r := range inner {
		if unicode.IsSpace(r) {
			return nil, "thẻ sai: tên không được có dấu cách / malformed tag: a name cannot contain spaces"
		}
		if !isNameRune(r) && r != '.' {
			return nil, "thẻ sai: ký tự " + strconv.QuoteRune(r) + " không được dùng trong tên / malformed tag: character " + strconv.QuoteRune(r) + " is not allowed in a name (letters, digits, '_', '-', '.')"
		}
	}
	parts := strings.Split(inner, ".")
	for _, p := range parts {
		if p == "" {
			return nil, "thẻ sai: đường dẫn có đoạn rỗng / malformed tag: empty path segment"
		}
	}
	info.path = parts
	return info, ""
}

func isNameRune(r rune) bool {
	return r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// ---------------------------------------------------------------- pass 2

type elem struct {
	name      []byte
	tok       int
	startItem int
	tags      []*tagOcc // w:p and w:tr: tags inside
	rStart    []byte    // w:r: raw start tag
	rPr       []byte    // w:r: raw rPr element
	end       *item     // the end tag becomes an item like this (markers, dropped ids)
	lastChild []byte    // name of the last child element closed so far
	tagsAt    int       // len(c.tags) when the element started
}

// mustEndWithPara are the containers whose content must end with a
// paragraph: a table cell (Word calls a cell whose last element is not a
// paragraph corrupt), and headers, footers, footnotes, endnotes and text
// boxes (CT_HdrFtr, CT_FtnEdn and CT_TxbxContent need at least one block
// element; Word writes a paragraph last). The body is not one of them:
// CT_Body allows no paragraph at all and a table last (before w:sectPr).
var mustEndWithPara = map[string]bool{
	"w:tc": true, "w:hdr": true, "w:ftr": true, "w:footnote": true, "w:endnote": true, "w:txbxContent": true,
}

func (c *compiler) lit(b []byte) {
	if n := len(c.items); n > 0 && c.items[n-1].kind == itLit && !c.split {
		c.items[n-1].lit = append(c.items[n-1].lit, b...)
		return
	}
	c.split = false
	c.items = append(c.items, item{kind: itLit, lit: append([]byte(nil), b...)})
}

// markerFamily: elements that mark a point or a range by w:id and are
// dropped (all marks of the same id) when one of them is in repeated
// content, since the copies would share the id.
var markerFamily = map[string]string{
	"w:bookmarkStart": "b", "w:bookmarkEnd": "b",
	"w:commentRangeStart": "c", "w:commentRangeEnd": "c", "w:commentReference": "c",
	"w:moveFromRangeStart": "mf", "w:moveFromRangeEnd": "mf",
	"w:moveToRangeStart": "mt", "w:moveToRangeEnd": "mt",
	"w:permStart": "p", "w:permEnd": "p",
}

// revisionMark: elements whose w:id is a revision id.
var revisionMark = map[string]bool{
	"w:ins": true, "w:del": true, "w:moveFrom": true, "w:moveTo": true,
	"w:rPrChange": true, "w:pPrChange": true, "w:sectPrChange": true, "w:tblPrChange": true,
	"w:tblPrExChange": true, "w:trPrChange": true, "w:tcPrChange": true, "w:tblGridChange": true,
	"w:cellIns": true, "w:cellDel": true, "w:cellMerge": true, "w:numberingChange": true,
}

// idAttr tells whether the element named nm carries an id that must be
// renumbered in repeated content, and which attribute holds it.
func idAttr(nm []byte) (attr string, cls idClass, ok bool) {
	switch {
	case nameIs(nm, "wp:docPr") || bytes.HasSuffix(nm, []byte(":cNvPr")):
		return "id", idDrawing, true
	case revisionMark[string(nm)]:
		return "w:id", idRevision, true
	}
	return "", 0, false
}

// scanIDs returns the largest id of each class in a part that is not
// compiled (it holds no tag), so that ids given to repeated content in
// other parts do not collide with its ids.
func scanIDs(src []byte) (maxID [numIDClasses]int) {
	sc := scanner{src: src}
	for {
		t, ok, err := sc.next()
		if err != nil || !ok {
			return maxID
		}
		if t.kind != tokStart && t.kind != tokSelfClose {
			continue
		}
		if attr, cls, ok := idAttr(t.name(src)); ok {
			if v, ok := attrValue(src[t.start:t.end], attr); ok {
				noteID(&maxID, cls, v)
			}
		}
	}
}

func noteID(maxID *[numIDClasses]int, cls idClass, v string) {
	if n, err := strconv.Atoi(v); err == nil && n > maxID[cls] {
		maxID[cls] = n
	}
}

// withoutAttrs returns raw without the named attributes, or nil when it
// has none of them.
func withoutAttrs(raw []byte, names ...string) []byte {
	var alt []byte
	for _, a := range names {
		src := raw
		if alt != nil {
			src = alt
		}
		if s, _, _, e, ok := attrFind(src, a); ok {
			alt = append(append([]byte(nil), src[:s]...), src[e:]...)
		}
	}
	return alt
}

// Attributes Word uses to tell paragraphs, rows and drawings apart; they
// are dropped from repeated copies (Word assigns new ones).
var (
	paraIDAttrs    = []string{"w14:paraId", "w14:textId"}
	drawingIDAttrs = []string{"wp14:anchorId", "wp14:editId"}
)

func (c *compiler) pass2() {
	src := c.src
	stack := make([]elem, 0, 32)
	var buf []byte
	for i := range c.toks {
		t := &c.toks[i]
		raw := src[t.start:t.end]
		switch t.kind {
		case tokStart, tokSelfClose:
			nm := t.name(src)
			var end *item
			if fam, ok := markerFamily[string(nm)]; ok {
				id, _ := attrValue(raw, "w:id")
				it := item{kind: itMarker, lit: raw, id: fam + ":" + id}
				c.items = append(c.items, it)
				end = &it
			} else if attr, cls, ok := idAttr(nm); ok {
				if _, vs, ve, _, ok := attrFind(raw, attr); ok {
					v := string(raw[vs:ve])
					noteID(&c.maxID, cls, v)
					c.items = append(c.items, item{kind: itIDAttr, cls: cls, lit: raw[:vs], post: raw[ve:], id: v})
				} else {
					c.lit(raw)
				}
			} else if nameIs(nm, "w:id") && len(stack) > 0 && nameIs(stack[len(stack)-1].name, "w:sdtPr") {
				// A content control's id: optional, and Word gives one to a
				// control without; repeated copies go without.
				c.items = append(c.items, item{kind: itAlt, lit: raw})
				end = &item{kind: itAlt}
			} else if alt := c.altIDs(nm, raw); alt != nil {
				c.items = append(c.items, item{kind: itAlt, lit: raw, alt: alt})
			} else {
				switch string(nm) {
				case "w:p", "w:tr":
					c.split = true
					c.lit(raw)
				case "w:tbl":
					c.split = true
					c.lit(raw)
					if t.kind == tokStart {
						if c.tables == nil {
							c.tables = map[int][2]int{}
						}
						c.tables[i] = [2]int{len(c.items) - 1, -1}
					}
				case "w:footnoteReference", "w:endnoteReference":
					c.lit(raw)
					id, _ := attrValue(raw, "w:id")
					c.notes = append(c.notes, noteRef{item: len(c.items) - 1, what: strings.TrimSuffix(string(nm[2:]), "Reference") + " " + id})
				case "w:t":
					if t.kind == tokStart && i+1 < len(c.toks) && c.pieces[i+1] != nil {
						c.lit([]byte(`<w:t xml:space="preserve">`))
					} else {
						c.lit(raw)
					}
				default:
					c.lit(raw)
				}
			}
			if t.kind == tokSelfClose && len(stack) > 0 {
				stack[len(stack)-1].lastChild = nm
			}
			if t.kind == tokStart {
				e := elem{name: nm, tok: i, startItem: len(c.items) - 1, end: end, tagsAt: len(c.tags)}
				if nameIs(nm, "w:r") {
					e.rStart = raw
				}
				stack = append(stack, e)
			}
		case tokEnd:
			nm := t.name(src)
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				stack[len(stack)-1].lastChild = nm
			}
			if top.end != nil {
				it := *top.end
				it.lit = raw
				c.items = append(c.items, it)
			} else if mustEndWithPara[string(nm)] && (nameIs(top.lastChild, "w:p") || nameIs(top.lastChild, "w:tbl")) && len(c.tags) > top.tagsAt {
				// Content with tags may lose its last paragraph (or a
				// table that was last): the renderer puts an empty
				// paragraph there if so.
				c.items = append(c.items, item{kind: itEnsureP, lit: raw})
				c.split = true
			} else {
				c.lit(raw)
			}
			switch string(nm) {
			case "w:tbl":
				if r, ok := c.tables[top.tok]; ok {
					c.tables[top.tok] = [2]int{r[0], len(c.items)}
				}
				c.split = true
			case "w:p":
				c.split = true
				for _, o := range top.tags {
					o.paraEnd = len(c.items)
				}
			case "w:tr":
				c.split = true
				for _, o := range top.tags {
					o.trEnd = len(c.items)
				}
			case "w:tc":
				for _, o := range top.tags {
					o.tcEnd = len(c.items)
				}
			case "w:rPr":
				if n := len(stack); n > 0 && nameIs(stack[n-1].name, "w:r") {
					stack[n-1].rPr = src[c.toks[top.tok].start:t.end]
				}
			}
		case tokText:
			ps, ok := c.pieces[i]
			if !ok {
				c.lit(raw)
				continue
			}
			for _, p := range ps {
				if p.tag == nil {
					buf = appendEscaped(buf[:0], p.text)
					c.lit(buf)
					continue
				}
				c.placeTag(p.tag, stack)
			}
		default:
			c.lit(raw)
		}
	}
}

// altIDs returns the start tag raw without the ids Word uses to tell
// paragraphs, rows and drawings apart, or nil when it has none.
func (c *compiler) altIDs(nm, raw []byte) []byte {
	switch string(nm) {
	case "w:p", "w:tr":
		return withoutAttrs(raw, paraIDAttrs...)
	case "wp:inline", "wp:anchor":
		return withoutAttrs(raw, drawingIDAttrs...)
	}
	return nil
}

func (c *compiler) placeTag(spec *tagSpec, stack []elem) {
	o := &tagOcc{info: spec.info, sect: spec.sect, item: len(c.items), alone: spec.alone, keep: spec.keep, first: spec.first, last: spec.last, trTok: -1, tcTok: -1, tblTok: -1, paraParent: -1}
	c.items = append(c.items, item{kind: itTag, tag: len(c.tags)})
	c.tags = append(c.tags, o)
	var sig strings.Builder
	for k := range stack {
		sig.Write(stack[k].name)
		sig.WriteByte('/')
	}
	o.stackSig = sig.String()
	foundP, foundR := false, false
	for k := len(stack) - 1; k >= 0; k-- {
		e := &stack[k]
		switch string(e.name) {
		case "w:r":
			if !foundR {
				foundR = true
				ro := append([]byte(nil), e.rStart...)
				ro = append(ro, e.rPr...)
				spec.info.runOpen = ro
				spec.info.rPr = e.rPr
			}
		case "w:p":
			if !foundP {
				foundP = true
				o.paraStart = e.startItem
				e.tags = append(e.tags, o)
				if k > 0 {
					o.paraParent = stack[k-1].tok
				}
			}
		case "w:tc":
			if o.tcTok < 0 {
				o.tcTok = e.tok
				o.tcStart = e.startItem
				e.tags = append(e.tags, o)
			}
		case "w:tr":
			if o.trTok < 0 {
				o.trTok = e.tok
				o.trStart = e.startItem
				e.tags = append(e.tags, o)
				if k > 0 {
					o.tblTok = stack[k-1].tok
				}
			}
		}
	}
}

// ---------------------------------------------------------------- pass 3

type section struct {
	open, close                              *tagOcc
	outerStart, bodyStart, bodyEnd, outerEnd int
	optPara                                  bool // drop the enclosing paragraph when empty
	rows                                     bool // whole table rows
	emptyFrom, emptyTo                       int  // items rendered when the section renders nothing
	note                                     string
	sect                                     []byte // a section break the body holds in the closing tag's paragraph: moved to the opening tag's paragraph when the section renders nothing
}

func (c *compiler) hasPara(from, to int) bool {
	for k := from; k < to; k++ {
		it := &c.items[k]
		if (it.kind == itLit || it.kind == itAlt) && (bytes.Contains(it.lit, []byte("<w:p>")) || bytes.Contains(it.lit, []byte("<w:p ")) || bytes.Contains(it.lit, []byte("<w:p/>"))) {
			return true
		}
	}
	return false
}

func (c *compiler) pass3() ([]node, error) {
	nerr := c.nerr
	op, cl := c.cfg.open, c.cfg.close
	var secs []*section
	var stack []*tagOcc
	for _, o := range c.tags {
		switch o.info.kind {
		case tagSection, tagInverted:
			stack = append(stack, o)
			if len(stack) > c.cfg.limits.MaxDepth {
				return nil, c.tooMany("các phần lồng nhau quá sâu / sections nested too deeply (MaxDepth) at "+cut(o.info.raw, 40), c.cfg.limits.MaxDepth, o.info.context)
			}
		case tagClose:
			if len(stack) == 0 {
				if o.info.name == "" {
					c.errorf(o.info.raw, o.info.context, "thẻ đóng không có phần nào đang mở / closing tag without an open section")
				} else {
					c.errorf(o.info.raw, o.info.context, "thẻ đóng không có thẻ mở "+op+"#"+o.info.name+cl+" hay "+op+"^"+o.info.name+cl+" / closing tag without an opening "+op+"#"+o.info.name+cl+" or "+op+"^"+o.info.name+cl)
				}
				continue
			}
			top := stack[len(stack)-1]
			if o.info.name == "" {
				o.info.name = top.info.name // {{/}} closes the innermost section
			} else if top.info.name != o.info.name {
				// If an outer section has this name, the inner one is unclosed.
				match := -1
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k].info.name == o.info.name {
						match = k
						break
					}
				}
				if match < 0 {
					c.errorf(o.info.raw, o.info.context, "thẻ đóng không khớp: cần "+op+"/"+top.info.name+cl+" / mismatched closing tag: expected "+op+"/"+top.info.name+cl+" (opened by "+top.info.raw+")")
					continue
				}
				for k := len(stack) - 1; k > match; k-- {
					c.errorf(stack[k].info.raw, stack[k].info.context, "phần chưa đóng: không có "+op+"/"+stack[k].info.name+cl+" trước "+o.info.raw+" / unclosed section: no "+op+"/"+stack[k].info.name+cl+" before "+o.info.raw)
				}
				stack = stack[:match+1]
				top = stack[match]
			}
			stack = stack[:len(stack)-1]
			if s := c.sectionRange(top, o); s != nil {
				secs = append(secs, s)
			}
		}
	}
	for _, o := range stack {
		c.errorf(o.info.raw, o.info.context, "phần chưa đóng: không có "+op+"/"+o.info.name+cl+" theo sau / unclosed section: no "+op+"/"+o.info.name+cl+" follows")
	}
	if c.nerr > nerr {
		return nil, nil
	}
	sort.SliceStable(secs, func(i, j int) bool {
		a, b := secs[i], secs[j]
		if a.outerStart != b.outerStart {
			return a.outerStart < b.outerStart
		}
		if a.outerEnd != b.outerEnd {
			return a.outerEnd > b.outerEnd
		}
		return a.open.item < b.open.item
	})
	// nesting check
	var nest []*section
	for _, s := range secs {
		for len(nest) > 0 && nest[len(nest)-1].outerEnd <= s.outerStart {
			nest = nest[:len(nest)-1]
		}
		if len(nest) > 0 {
			p := nest[len(nest)-1]
			if s.outerStart < p.bodyStart || s.outerEnd > p.bodyEnd {
				c.errorf(s.open.info.raw, s.open.info.context, "phần chồng lên phần "+p.open.info.raw+" thay vì nằm trong nó / section overlaps section "+p.open.info.raw+" instead of nesting inside it")
				continue
			}
			if s.rows && p.rows && s.outerStart == p.outerStart && s.outerEnd == p.outerEnd && !(p.open.item < s.open.item && s.close.item < p.close.item) {
				// Two row loops side by side over the same rows would
				// multiply each other's rows.
				c.errorf(s.open.info.raw, s.open.info.context, "hai phần cùng lặp các hàng bảng ("+p.open.info.raw+", "+s.open.info.raw+"): lồng chúng, tách hàng, hoặc để mỗi phần trong một ô / two sections repeat the same table rows ("+p.open.info.raw+" and "+s.open.info.raw+"): nest them, put them in separate rows, or keep each section inside one cell")
				continue
			}
		}
		nest = append(nest, s)
		if len(nest) > c.cfg.limits.MaxDepth {
			return nil, c.tooMany("các phần lồng nhau quá sâu / sections nested too deeply (MaxDepth) at "+cut(s.open.info.raw, 40), c.cfg.limits.MaxDepth, s.open.info.context)
		}
	}
	if c.nerr > nerr {
		return nil, nil
	}
	// Repeated coverage: bookmarks and comment marks in repeated content
	// are dropped (with their other ends), ids renumbered, paragraph ids
	// removed. Depth counts (a difference array) keep this linear however
	// deeply sections nest.
	depth := make([]int32, len(c.items)+1)
	for _, s := range secs {
		if s.open.info.kind == tagSection {
			depth[s.bodyStart]++
			depth[s.bodyEnd]--
		}
	}
	rep := make([]bool, len(c.items))
	var d int32
	for k := range rep {
		d += depth[k]
		rep[k] = d > 0
	}
	drop := map[string]bool{}
	for k, it := range c.items {
		if it.kind == itMarker && rep[k] {
			drop[it.id] = true
		}
	}
	b := &builder{c: c, secs: secs, rep: rep, drop: drop, opt: map[int]*section{}, inOpt: map[int]bool{}}
	for _, s := range secs {
		if s.sect != nil {
			if b.marks == nil {
				b.marks = map[int]int{}
			}
			if _, ok := b.marks[s.open.paraStart]; !ok {
				b.marks[s.open.paraStart] = len(b.marks)
			}
		}
		if s.optPara {
			b.opt[s.open.paraStart] = s
		}
		if r, ok := c.tables[s.open.tblTok]; ok && s.rows && r[1] > r[0] {
			// A table whose rows may all vanish: Word rejects a table
			// without rows, so the renderer removes it then.
			if b.optTbl == nil {
				b.optTbl = map[int]int{}
			}
			b.optTbl[r[0]] = r[1]
		}
		if s.open.info.kind == tagSection && len(c.notes) > 0 {
			k := sort.Search(len(c.notes), func(k int) bool { return c.notes[k].item >= s.bodyStart })
			if k < len(c.notes) && c.notes[k].item < s.bodyEnd {
				s.note = c.notes[k].what
			}
		}
	}
	prog, _ := b.build(0, len(c.items), 0, nil)
	return prog, nil
}

func (c *compiler) sectionRange(o, cl *tagOcc) *section {
	s := &section{open: o, close: cl}
	switch {
	case o.paraStart == cl.paraStart:
		if o.stackSig != cl.stackSig {
			c.errorf(o.info.raw, o.info.context, "thẻ mở và thẻ đóng nằm trong các đoạn chữ lồng khác nhau (ví dụ một thẻ trong siêu liên kết): gõ lại thẻ / opening and closing tags sit in differently nested runs (for example one inside a hyperlink): retype the tags")
			return nil
		}
		s.outerStart, s.bodyStart, s.bodyEnd, s.outerEnd = o.item, o.item+1, cl.item, cl.item+1
		// A body paragraph that holds nothing but this section vanishes
		// when the section renders nothing (no empty line is left). Not
		// when it holds other content (a drawing, a section break, …)
		// outside the section: first and last say there is none.
		if o.first && cl.last && o.paraParent >= 0 && nameIs(c.toks[o.paraParent].name(c.src), "w:body") {
			s.optPara = true
		}
	case (o.alone || o.keep) && (cl.alone || cl.keep) && o.paraParent == cl.paraParent:
		s.outerStart, s.bodyStart, s.bodyEnd, s.outerEnd = o.paraStart, o.paraEnd, cl.paraStart, cl.paraEnd
		// A tag paragraph that holds other content (a picture, a tab, a
		// footnote reference, a section break, …) stays, once, outside the
		// section; only the tag's text vanishes.
		// A tag paragraph that holds other content (a picture, a tab, a
		// page break, …) belongs to the section: it is repeated per item
		// and dropped when the section renders nothing, with only the
		// tag's text removed. A section break (w:sectPr) is never
		// dropped: a tag paragraph holding one stays, once, outside.
		if o.keep {
			if o.sect != nil {
				s.outerStart = o.paraEnd
			} else {
				s.bodyStart = o.paraStart
			}
		}
		if cl.keep {
			if cl.sect != nil {
				s.outerEnd = cl.paraStart
			} else {
				s.bodyEnd = cl.paraEnd
			}
		}
		if o.alone && cl.alone && o.tcTok == o.paraParent && !c.hasPara(o.tcStart+1, o.paraStart) && !c.hasPara(cl.paraEnd, o.tcEnd) {
			// A table cell must keep a paragraph: when the section renders
			// nothing, the closing tag's paragraph (emptied) stays.
			s.emptyFrom, s.emptyTo = cl.paraStart, cl.paraEnd
		}
	case o.trTok >= 0 && cl.trTok >= 0 && o.tblTok == cl.tblTok && o.tcTok != cl.tcTok:
		// Tags in different cells (of one row or of several rows) repeat
		// the rows; both tags in one cell repeat what lies between them
		// inside the cell (below).
		s.outerStart, s.bodyStart = o.trStart, o.trStart
		s.bodyEnd, s.outerEnd = cl.trEnd, cl.trEnd
		s.rows = true
	case o.stackSig == cl.stackSig && o.trTok == cl.trTok && o.tcTok == cl.tcTok:
		s.outerStart, s.bodyStart, s.bodyEnd, s.outerEnd = o.item, o.item+1, cl.item, cl.item+1
		if cl.sect != nil && !bytes.Contains(o.sect, []byte("<w:sectPr")) {
			// The body ends inside the paragraph holding a section
			// break: when the section renders nothing, the opening tag's
			// paragraph becomes the one that ends there, so it takes the
			// break (the break is never lost).
			s.sect = cl.sect
		}
	default:
		c.errorf(o.info.raw, o.info.context, "không rõ "+o.info.raw+" … "+cl.info.raw+" lặp phần nào: đặt hai thẻ trong một đoạn, mỗi thẻ một đoạn riêng (cùng cấp), hoặc trong các ô của cùng một bảng / cannot tell what "+o.info.raw+" … "+cl.info.raw+" repeats: put both tags in one paragraph, each alone in its own paragraph (same level), or in different cells of the same table")
		return nil
	}
	return s
}

type builder struct {
	marks  map[int]int      // paragraph start item -> mark id (a section may move a section break into it)
	opt    map[int]*section // paragraph start item -> section filling it
	optTbl map[int]int      // table start item -> table end item, for tables whose rows may all vanish
	inOpt  map[int]bool
	c      *compiler
	secs   []*section
	rep    []bool
	drop   map[string]bool
}

// build compiles items [from, to) starting with section index si; it
// returns the nodes and the next section index.
func (b *builder) build(from, to, si int, sc *scope) ([]node, int) {
	var out []node
	lit := func(p []byte) {
		if n := len(out); n > 0 && out[n-1].kind == nLit {
			out[n-1].lit = append(out[n-1].lit, p...)
			return
		}
		out = append(out, node{kind: nLit, lit: append([]byte(nil), p...)})
	}
	for k := from; k < to; k++ {
		for si < len(b.secs) && b.secs[si].outerStart < k {
			si++ // sections dropped by nesting errors (never here when compiled without errors)
		}
		// A section starting here holds any optional paragraph or table
		// starting here too, so it comes first.
		if si < len(b.secs) && b.secs[si].outerStart == k && b.secs[si].outerEnd <= to {
			s := b.secs[si]
			s.open.info.scope = sc
			inner := &scope{outer: sc, name: s.open.info.name, depth: sc.len() + 1}
			var body []node
			body, si = b.build(s.bodyStart, s.bodyEnd, si+1, inner)
			nd := node{kind: nSection, tag: s.open.info, body: body, note: s.note, sect: s.sect}
			if s.sect != nil {
				nd.mark = b.marks[s.open.paraStart]
			}
			if s.emptyTo > 0 {
				nd.empty, _ = b.build(s.emptyFrom, s.emptyTo, len(b.secs), sc)
			}
			// A tag paragraph that vanishes keeps its bookmarks (and
			// other range marks), written between the blocks around it.
			if s.outerStart == s.open.paraStart && s.bodyStart == s.open.paraEnd {
				nd.lit = b.markers(s.open.paraStart, s.open.paraEnd, -1, -1)
			}
			if s.outerEnd == s.close.paraEnd && s.bodyEnd == s.close.paraStart {
				nd.post = b.markers(s.close.paraStart, s.close.paraEnd, -1, -1)
			}
			out = append(out, nd)
			k = s.outerEnd - 1
			continue
		}
		if p, ok := b.opt[k]; ok && p.open.paraEnd <= to && !b.inOpt[k] {
			b.inOpt[k] = true
			var body []node
			body, si = b.build(k, p.open.paraEnd, si, sc)
			out = append(out, node{kind: nOptPara, body: body, post: b.markers(k, p.open.paraEnd, p.open.item, p.close.item)})
			k = p.open.paraEnd - 1
			continue
		}
		if e, ok := b.optTbl[k]; ok && e <= to && !b.inOpt[k] {
			b.inOpt[k] = true
			var body []node
			body, si = b.build(k, e, si, sc)
			out = append(out, node{kind: nOptTable, body: body})
			k = e - 1
			continue
		}
		if id, ok := b.marks[k]; ok {
			out = append(out, node{kind: nMark, mark: id})
		}
		it := &b.c.items[k]
		switch it.kind {
		case itLit:
			lit(it.lit)
		case itTag:
			o := b.c.tags[it.tag]
			if o.info.kind == tagField {
				o.info.scope = sc
				out = append(out, node{kind: nField, tag: o.info})
			}
		case itMarker:
			if !b.drop[it.id] {
				lit(it.lit)
			}
		case itIDAttr:
			if b.rep[k] {
				out = append(out, node{kind: nUID, cls: it.cls, lit: bytes.Clone(it.lit), post: bytes.Clone(it.post)})
			} else {
				lit(it.lit)
				lit([]byte(it.id))
				lit(it.post)
			}
		case itAlt:
			if !b.rep[k] {
				lit(it.lit)
			} else if len(it.alt) > 0 {
				lit(it.alt)
			}
		case itEnsureP:
			out = append(out, node{kind: nEnsureP, lit: it.lit})
		}
	}
	return out, si
}

// markers returns the range marks (bookmarks, permission and move ranges)
// of the items [from, to) outside [skipFrom, skipTo] that are written
// (neither in repeated content nor dropped with a partner there): what a
// vanishing paragraph leaves behind so that no bookmark is lost.
func (b *builder) markers(from, to, skipFrom, skipTo int) []byte {
	var out []byte
	for k := from; k < to; k++ {
		if k >= skipFrom && k <= skipTo {
			continue
		}
		if it := &b.c.items[k]; it.kind == itMarker && !b.rep[k] && !b.drop[it.id] {
			out = append(out, it.lit...)
		}
	}
	return out
}
