package templates

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/nfc"
	"golang.org/x/text/unicode/norm"
)

// RichText is a value that becomes several runs. Each run keeps the
// properties (font, size, …) of the run holding the placeholder and adds its
// own emphasis.
type RichText []Span

// Span is one piece of RichText.
type Span struct {
	Text      string
	Bold      bool
	Italic    bool
	Underline bool
}

// renderer fills one part. It is created per render and never shared.
// Problems with the data do not stop it: each is recorded once (per part,
// path and kind) and rendering goes on, so that a render reports all of
// them together.
type renderer struct {
	t      *Template
	part   string
	out    []byte
	scopes []reflect.Value
	nextID *[numIDClasses]int
	errs   []*RenderError
	seen   map[errKey]bool // problems recorded (listed or counted)
	more   int             // problems beyond Limits.MaxErrors
	marks  []int           // output offsets of nMark nodes, by id
	st     *renderState
}

type errKey struct {
	path string
	kind error
}

// renderState is shared by the parts of one render: the limits on the
// work done (iterations, output size) and the context.
type renderState struct {
	ctx     context.Context
	iters   int   // section bodies rendered
	written int64 // bytes of the parts rendered before this one
	err     error // a limit crossed or the context cancelled: rendering stops
}

// stopped tells whether rendering must stop; it checks the limits (and
// the context every 256 iterations).
func (r *renderer) stopped(tag *tagInfo) bool {
	st := r.st
	if st.err != nil {
		return true
	}
	lim := &r.t.cfg.limits
	where := func() string {
		if tag == nil {
			return r.part
		}
		return r.part + ": " + cut(tag.raw, 60)
	}
	switch {
	case st.iters > lim.MaxIterations:
		st.err = fmt.Errorf("%w: %s: hơn / more than %d lần lặp / section repetitions (MaxIterations); sections nested over lists multiply", ErrRenderLimit, where(), lim.MaxIterations)
	case st.written+int64(len(r.out)) > lim.MaxOutput:
		st.err = fmt.Errorf("%w: %s: kết quả hơn / output larger than %d byte (MaxOutput)", ErrRenderLimit, where(), lim.MaxOutput)
	case st.iters&255 == 0 && st.ctx.Err() != nil:
		st.err = fmt.Errorf("dừng / stopped at %s: %w", where(), st.ctx.Err())
	}
	return st.err != nil
}

var (
	richTextType = reflect.TypeFor[RichText]()
	stringerType = reflect.TypeFor[fmt.Stringer]()
)

// fail records a problem; kind is the sentinel it wraps, so that a path
// missing in every item of a list is reported once.
func (r *renderer) fail(tag *tagInfo, kind, err error) {
	k := errKey{tag.name, kind}
	if r.seen[k] {
		return
	}
	if r.seen == nil {
		r.seen = map[errKey]bool{}
	}
	r.seen[k] = true
	if max := r.t.cfg.limits.MaxErrors; max > 0 && len(r.errs) >= max {
		r.more++
		return
	}
	r.errs = append(r.errs, &RenderError{Part: r.part, Path: tag.name, Tag: tag.raw, Err: err})
}

func (r *renderer) run(nodes []node) {
	for i := range nodes {
		if r.st.err != nil {
			return
		}
		n := &nodes[i]
		switch n.kind {
		case nLit:
			r.out = append(r.out, n.lit...)
		case nUID:
			r.nextID[n.cls]++
			r.out = append(r.out, n.lit...)
			r.out = strconv.AppendInt(r.out, int64(r.nextID[n.cls]), 10)
			r.out = append(r.out, n.post...)
		case nField:
			if v, ok := r.lookup(n.tag); ok {
				r.field(n.tag, v)
			} else if !r.t.cfg.allowMissing {
				r.fail(n.tag, ErrMissingField, ErrMissingField)
			}
		case nSection:
			r.sectionNode(n)
		case nOptPara:
			mark := len(r.out)
			kept := 0
			for j := range n.body {
				if b := &n.body[j]; b.kind == nSection {
					kept += r.sectionNode(b)
				} else {
					r.run(n.body[j : j+1])
				}
			}
			if kept == 0 {
				r.out = append(r.out[:mark], n.post...) // the paragraph's bookmarks stay
			}
		case nOptTable:
			mark := len(r.out)
			r.run(n.body)
			// No row left (rows are the only place "<w:tr" can appear):
			// Word rejects a table without rows, so it goes.
			if !bytes.Contains(r.out[mark:], []byte("<w:tr")) {
				r.out = r.out[:mark]
			}
		case nEnsureP:
			if !endsWithPara(r.out) {
				r.out = append(r.out, "<w:p/>"...)
			}
			r.out = append(r.out, n.lit...)
		case nMark:
			for len(r.marks) <= n.mark {
				r.marks = append(r.marks, -1)
			}
			r.marks[n.mark] = len(r.out)
		}
	}
}

// moveSect puts a section break into the paragraph that starts at offset
// at of the output: into its w:pPr (before w:pPrChange, as CT_PPr orders
// them), or in a new w:pPr. A paragraph that already ends a section is
// left as it is.
func (r *renderer) moveSect(at int, sect []byte) {
	if at < 0 || at >= len(r.out) || !bytes.HasPrefix(r.out[at:], []byte("<w:p")) {
		return
	}
	gt := bytes.IndexByte(r.out[at:], '>')
	if gt < 0 || r.out[at+gt-1] == '/' {
		return
	}
	pos := at + gt + 1
	rest := r.out[pos:]
	var ins []byte
	skip := 0
	switch {
	case bytes.HasPrefix(rest, []byte("<w:pPr/>")):
		skip = len("<w:pPr/>")
		ins = append(append([]byte("<w:pPr>"), sect...), "</w:pPr>"...)
	case bytes.HasPrefix(rest, []byte("<w:pPr>")) || bytes.HasPrefix(rest, []byte("<w:pPr ")):
		end := bytes.Index(rest, []byte("</w:pPr>"))
		if end < 0 {
			return
		}
		if ch := bytes.Index(rest, []byte("<w:pPrChange")); ch >= 0 && ch < end {
			end = ch
		}
		if bytes.Contains(rest[:end], []byte("<w:sectPr")) {
			return
		}
		pos += end
		ins = sect
	default:
		ins = append(append([]byte("<w:pPr>"), sect...), "</w:pPr>"...)
	}
	tail := bytes.Clone(r.out[pos+skip:])
	r.out = append(append(r.out[:pos], ins...), tail...)
}

// sectionNode renders a section with the range marks of its vanished tag
// paragraphs, and returns how many times its body was rendered.
func (r *renderer) sectionNode(n *node) int {
	r.out = append(r.out, n.lit...)
	k := r.section(n)
	if k == 0 && n.sect != nil && n.mark < len(r.marks) {
		r.moveSect(r.marks[n.mark], n.sect)
	}
	if k == 0 && n.empty != nil {
		r.run(n.empty) // the emptied closing paragraph (with its marks)
	} else {
		r.out = append(r.out, n.post...)
	}
	return k
}

// rangeMarks are the elements that may follow a container's last
// paragraph without counting as its last block.
var rangeMarks = []string{"<w:bookmarkStart", "<w:bookmarkEnd", "<w:permStart", "<w:permEnd",
	"<w:moveFromRangeStart", "<w:moveFromRangeEnd", "<w:moveToRangeStart", "<w:moveToRangeEnd"}

// endsWithPara reports whether out (ending at the content of a cell,
// header, footer or note) ends with a paragraph, range marks aside.
func endsWithPara(out []byte) bool {
	for {
		out = bytes.TrimRight(out, " \t\r\n")
		if bytes.HasSuffix(out, []byte("</w:p>")) {
			return true
		}
		if !bytes.HasSuffix(out, []byte("/>")) {
			return false
		}
		i := bytes.LastIndexByte(out, '<')
		if i < 0 {
			return false
		}
		el := out[i:]
		if bytes.HasPrefix(el, []byte("<w:p/")) || bytes.HasPrefix(el, []byte("<w:p ")) {
			return true
		}
		mark := false
		for _, m := range rangeMarks {
			if bytes.HasPrefix(el, []byte(m)) && (el[len(m)] == ' ' || el[len(m)] == '/') {
				mark = true
				break
			}
		}
		if !mark {
			return false
		}
		out = out[:i]
	}
}

// lookup resolves a tag's path: the first segment in the innermost scope
// that has it, then the rest from there.
func (r *renderer) lookup(tag *tagInfo) (reflect.Value, bool) {
	if tag.path == nil { // "."
		if len(r.scopes) == 0 {
			return reflect.Value{}, false
		}
		return r.scopes[len(r.scopes)-1], true
	}
	for i := len(r.scopes) - 1; i >= 0; i-- {
		v, ok := child(r.scopes[i], tag.path[0])
		if !ok {
			continue
		}
		for _, seg := range tag.path[1:] {
			v, ok = child(v, seg)
			if !ok {
				return reflect.Value{}, false
			}
		}
		return v, true
	}
	return reflect.Value{}, false
}

func indirect(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

var fieldCache sync.Map // reflect.Type -> map[string][]int

func structFields(t reflect.Type) map[string][]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string][]int)
	}
	m := map[string][]int{}
	byName := map[string][]int{}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous && f.Type.Kind() == reflect.Struct {
			continue
		}
		if tag, ok := f.Tag.Lookup("docx"); ok {
			name, _, _ := strings.Cut(tag, ",")
			if name == "-" {
				continue
			}
			if name != "" {
				m[name] = f.Index
				continue
			}
		}
		byName[f.Name] = f.Index
	}
	for k, v := range byName {
		if _, ok := m[k]; !ok {
			m[k] = v
		}
	}
	fieldCache.Store(t, m)
	return m
}

// child returns v[name] for structs (field name or docx tag) and maps with
// string keys, following pointers and interfaces.
func child(v reflect.Value, name string) (reflect.Value, bool) {
	v = indirect(v)
	if !v.IsValid() {
		return reflect.Value{}, false
	}
	switch v.Kind() {
	case reflect.Map:
		// fast paths for the common map types: no reflect key conversion
		var m any
		if v.CanInterface() {
			m = v.Interface()
		}
		switch m := m.(type) {
		case map[string]any:
			e, ok := m[name]
			if !ok {
				return reflect.Value{}, false
			}
			return reflect.ValueOf(e), true
		case map[string]string:
			e, ok := m[name]
			if !ok {
				return reflect.Value{}, false
			}
			return reflect.ValueOf(e), true
		}
		if v.Type().Key().Kind() != reflect.String {
			return reflect.Value{}, false
		}
		k := reflect.ValueOf(name).Convert(v.Type().Key())
		e := v.MapIndex(k)
		if !e.IsValid() {
			return reflect.Value{}, false
		}
		return e, true
	case reflect.Struct:
		idx, ok := structFields(v.Type())[name]
		if !ok {
			return reflect.Value{}, false
		}
		f, err := v.FieldByIndexErr(idx)
		if err != nil { // nil embedded pointer
			return reflect.Value{}, true
		}
		return f, true
	}
	return reflect.Value{}, false
}

func truthy(v reflect.Value) bool {
	v = indirect(v)
	if !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.String, reflect.Slice, reflect.Array, reflect.Map:
		return v.Len() > 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0
	}
	return true
}

// section renders a section and returns how many times its body was
// rendered.
func (r *renderer) section(n *node) int {
	v, ok := r.lookup(n.tag)
	if !ok && !r.t.cfg.allowMissing {
		r.fail(n.tag, ErrMissingField, ErrMissingField)
		if n.tag.kind != tagInverted {
			// Visit the body once all the same, to find more problems.
			r.body(n.tag, n.body, reflect.Value{})
		}
		return 0
	}
	iv := indirect(v)
	if n.tag.kind == tagInverted {
		if !truthy(iv) {
			r.st.iters++
			if !r.stopped(n.tag) {
				r.run(n.body)
			}
			return 1
		}
		return 0
	}
	if iv.IsValid() && (iv.Kind() == reflect.Slice || iv.Kind() == reflect.Array) && iv.Type() != richTextType &&
		!(iv.Kind() == reflect.Slice && iv.Type().Elem().Kind() == reflect.Uint8) { // []byte is a scalar
		if n.note != "" && iv.Len() > 1 {
			r.fail(n.tag, ErrRepeatedNote, fmt.Errorf("%w: %s repeats the reference to %s (%d items); a note can be referenced once: move the reference out of the section, or give the section one item", ErrRepeatedNote, n.tag.raw, n.note, iv.Len()))
		}
		for i := 0; i < iv.Len(); i++ {
			r.body(n.tag, n.body, iv.Index(i))
			if r.st.err != nil || r.stopped(n.tag) {
				return i + 1
			}
		}
		return iv.Len()
	}
	if truthy(iv) {
		r.body(n.tag, n.body, iv)
		return 1
	}
	return 0
}

func (r *renderer) body(tag *tagInfo, nodes []node, scope reflect.Value) {
	r.st.iters++
	if r.stopped(tag) {
		return
	}
	r.scopes = append(r.scopes, scope)
	r.run(nodes)
	r.scopes = r.scopes[:len(r.scopes)-1]
}

// field writes a value at the position of a tag (inside <w:t>).
func (r *renderer) field(tag *tagInfo, v reflect.Value) {
	v = indirect(v)
	if !v.IsValid() {
		return
	}
	if v.Type() == richTextType {
		r.richText(tag, v.Interface().(RichText))
		return
	}
	if what := compositeKind(v); what != "" {
		name := tag.name
		use := "{{#" + name + "}}…{{/" + name + "}}"
		if tag.path == nil {
			use = "a section over its items or fields"
		}
		r.fail(tag, ErrNotPrintable, fmt.Errorf("%w: %s is a %s: use %s", ErrNotPrintable, tag.raw, what, use))
		return
	}
	r.text(tag, valueString(v))
}

// compositeKind names the kind of a value a field cannot print (Go's
// fmt form of a list, map or struct means nothing to a reader), or "".
func compositeKind(v reflect.Value) string {
	if v.Type().Implements(stringerType) || v.CanAddr() && reflect.PointerTo(v.Type()).Implements(stringerType) {
		return ""
	}
	switch v.Kind() {
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return "" // []byte: printed as text
		}
		return "list"
	case reflect.Array:
		return "list"
	case reflect.Map:
		return "map"
	case reflect.Struct:
		return "struct"
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return v.Kind().String()
	}
	return ""
}

func valueString(v reflect.Value) string {
	if v.Type().Implements(stringerType) {
		return v.Interface().(fmt.Stringer).String()
	}
	if v.CanAddr() && reflect.PointerTo(v.Type()).Implements(stringerType) {
		return v.Addr().Interface().(fmt.Stringer).String()
	}
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Slice: // []byte
		return string(v.Bytes())
	}
	return fmt.Sprint(v.Interface())
}

const (
	brXML  = `</w:t><w:br/><w:t xml:space="preserve">`
	tabXML = `</w:t><w:tab/><w:t xml:space="preserve">`
)

func validXMLRune(c rune) bool {
	return c == 0x9 || c == 0xA || c == 0xD ||
		(c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)
}

// text appends s escaped, NFC-normalised, with \n as <w:br/> and \t as
// <w:tab/> placed between <w:t> elements of the same run (never inside).
func (r *renderer) text(tag *tagInfo, s string) {
	start := len(r.out)
	nfcChecked := false
again:
	out := r.out[:start]
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' {
			i++
			continue
		}
		size := 1
		var rep string
		switch c {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '\n':
			rep = brXML
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				size = 2
			}
			rep = brXML
		case '\t':
			rep = tabXML
		default:
			var ru rune
			ru, size = utf8.DecodeRuneInString(s[i:])
			valid := (ru != utf8.RuneError || size > 1) && validXMLRune(ru)
			if valid && !nfcChecked && !nfc.QuickYes(ru) {
				// The first character that may not be in NFC: normalise the
				// whole value (when needed) and start again.
				nfcChecked = true
				if !norm.NFC.IsNormalString(s) {
					s = norm.NFC.String(s)
					goto again
				}
			}
			if valid {
				i += size
				continue // copied with the run it belongs to
			}
			if !r.t.cfg.stripInvalid {
				r.out = out
				r.fail(tag, ErrInvalidChar, fmt.Errorf("%w: %U at byte %d of the value (use StripInvalidChars to drop it)", ErrInvalidChar, ru, i))
				return
			}
		}
		out = append(out, s[last:i]...)
		out = append(out, rep...)
		i += size
		last = i
	}
	r.out = append(out, s[last:]...)
}

// richText closes the placeholder's run, writes one run per span with the
// placeholder run's properties plus the span's emphasis, and reopens a run
// like the placeholder's for the text that follows the tag.
func (r *renderer) richText(tag *tagInfo, rt RichText) {
	if len(tag.runOpen) == 0 {
		var sb strings.Builder
		for _, s := range rt {
			sb.WriteString(s.Text)
		}
		r.text(tag, sb.String())
		return
	}
	r.out = append(r.out, "</w:t></w:r>"...)
	for _, sp := range rt {
		r.out = append(r.out, "<w:r>"...)
		r.out = append(r.out, spanRPr(tag.rPr, sp)...)
		r.out = append(r.out, `<w:t xml:space="preserve">`...)
		r.text(tag, sp.Text)
		r.out = append(r.out, "</w:t></w:r>"...)
	}
	r.out = append(r.out, tag.runOpen...)
	r.out = append(r.out, `<w:t xml:space="preserve">`...)
}
