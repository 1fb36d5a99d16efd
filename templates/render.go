package templates

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

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
type renderer struct {
	t       *Template
	part    string
	out     []byte
	scopes  []reflect.Value
	nextID  *int
	collect bool    // Check mode: collect errors instead of stopping
	errs    []error // Check mode
	seen    map[string]bool
}

var (
	richTextType = reflect.TypeFor[RichText]()
	stringerType = reflect.TypeFor[fmt.Stringer]()
)

func (r *renderer) fail(tag *tagInfo, err error) error {
	e := &RenderError{Part: r.part, Path: tag.name, Tag: tag.raw, Err: err}
	if r.collect {
		key := r.part + "\x00" + tag.name + "\x00" + err.Error()
		if !r.seen[key] {
			r.seen[key] = true
			r.errs = append(r.errs, e)
		}
		return nil
	}
	return e
}

func (r *renderer) run(nodes []node) error {
	for i := range nodes {
		n := &nodes[i]
		switch n.kind {
		case nLit:
			r.out = append(r.out, n.lit...)
		case nUID:
			*r.nextID++
			r.out = append(r.out, n.lit...)
			r.out = strconv.AppendInt(r.out, int64(*r.nextID), 10)
			r.out = append(r.out, n.post...)
		case nField:
			v, ok := r.lookup(n.tag)
			if !ok {
				if r.t.cfg.allowMissing {
					continue
				}
				if err := r.fail(n.tag, ErrMissingField); err != nil {
					return err
				}
				continue
			}
			if err := r.field(n.tag, v); err != nil {
				return err
			}
		case nSection:
			k, err := r.section(n)
			if err != nil {
				return err
			}
			if k == 0 && n.empty != nil {
				if err := r.run(n.empty); err != nil { // the emptied closing paragraph
					return err
				}
			}
		case nOptPara:
			mark := len(r.out)
			kept := 0
			for j := range n.body {
				b := &n.body[j]
				if b.kind != nSection {
					if err := r.run(n.body[j : j+1]); err != nil {
						return err
					}
					continue
				}
				k, err := r.section(b)
				if err != nil {
					return err
				}
				kept += k
			}
			if kept == 0 && !r.collect {
				r.out = r.out[:mark]
			}
		}
	}
	return nil
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
func (r *renderer) section(n *node) (int, error) {
	v, ok := r.lookup(n.tag)
	if !ok {
		if !r.t.cfg.allowMissing {
			if err := r.fail(n.tag, ErrMissingField); err != nil {
				return 0, err
			}
			if n.tag.kind == tagInverted {
				return 0, nil
			}
			// Check mode: still visit the body to find more problems.
			return 0, r.body(n.body, reflect.Value{})
		}
		v = reflect.Value{}
	}
	iv := indirect(v)
	if n.tag.kind == tagInverted {
		if !truthy(iv) {
			return 1, r.run(n.body)
		}
		return 0, nil
	}
	if iv.IsValid() && (iv.Kind() == reflect.Slice || iv.Kind() == reflect.Array) && iv.Type() != richTextType {
		if iv.Kind() == reflect.Slice && iv.Type().Elem().Kind() == reflect.Uint8 { // []byte: a scalar
			if iv.Len() > 0 {
				return 1, r.body(n.body, iv)
			}
			return 0, nil
		}
		for i := 0; i < iv.Len(); i++ {
			if err := r.body(n.body, iv.Index(i)); err != nil {
				return i, err
			}
		}
		return iv.Len(), nil
	}
	if truthy(iv) {
		return 1, r.body(n.body, iv)
	}
	return 0, nil
}

func (r *renderer) body(nodes []node, scope reflect.Value) error {
	r.scopes = append(r.scopes, scope)
	err := r.run(nodes)
	r.scopes = r.scopes[:len(r.scopes)-1]
	return err
}

// field writes a value at the position of a tag (inside <w:t>).
func (r *renderer) field(tag *tagInfo, v reflect.Value) error {
	v = indirect(v)
	if !v.IsValid() {
		return nil
	}
	if v.Type() == richTextType {
		return r.richText(tag, v.Interface().(RichText))
	}
	s := valueString(v)
	return r.text(tag, s)
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
func (r *renderer) text(tag *tagInfo, s string) error {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	out := r.out
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' {
			i++
			continue
		}
		out = append(out, s[last:i]...)
		size := 1
		switch c {
		case '&':
			out = append(out, "&amp;"...)
		case '<':
			out = append(out, "&lt;"...)
		case '>':
			out = append(out, "&gt;"...)
		case '\n':
			out = append(out, brXML...)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				size = 2
			}
			out = append(out, brXML...)
		case '\t':
			out = append(out, tabXML...)
		default:
			var ru rune
			ru, size = utf8.DecodeRuneInString(s[i:])
			if (ru == utf8.RuneError && size == 1) || !validXMLRune(ru) {
				if !r.t.cfg.stripInvalid {
					r.out = out
					return r.fail(tag, fmt.Errorf("%w: %U at byte %d of the value (use StripInvalidChars to drop it)", ErrInvalidChar, ru, i))
				}
			} else {
				out = append(out, s[i:i+size]...)
			}
		}
		i += size
		last = i
	}
	r.out = append(out, s[last:]...)
	return nil
}

// richText closes the placeholder's run, writes one run per span with the
// placeholder run's properties plus the span's emphasis, and reopens a run
// like the placeholder's for the text that follows the tag.
func (r *renderer) richText(tag *tagInfo, rt RichText) error {
	if len(tag.runOpen) == 0 {
		var sb strings.Builder
		for _, s := range rt {
			sb.WriteString(s.Text)
		}
		return r.text(tag, sb.String())
	}
	r.out = append(r.out, "</w:t></w:r>"...)
	for _, sp := range rt {
		r.out = append(r.out, "<w:r>"...)
		r.out = append(r.out, spanRPr(tag.rPr, sp)...)
		r.out = append(r.out, `<w:t xml:space="preserve">`...)
		if err := r.text(tag, sp.Text); err != nil {
			return err
		}
		r.out = append(r.out, "</w:t></w:r>"...)
	}
	r.out = append(r.out, tag.runOpen...)
	r.out = append(r.out, `<w:t xml:space="preserve">`...)
	return nil
}
