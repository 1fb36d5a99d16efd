package templates

import (
	"errors"
	"reflect"
	"strings"
)

// FieldKind tells how a path is used in a template.
type FieldKind uint8

const (
	KindField    FieldKind = iota // {{name}}
	KindSection                   // {{#name}}…{{/name}}
	KindInverted                  // {{^name}}…{{/name}}
)

func (k FieldKind) String() string {
	switch k {
	case KindSection:
		return "section"
	case KindInverted:
		return "inverted"
	}
	return "field"
}

// Field is one path a template uses.
type Field struct {
	Path  string    // as written: "issuer.name", "." for the current item
	Kind  FieldKind // field, section or inverted section
	Scope []string  // enclosing section paths, outermost first (nil at top level)
	Parts []string  // parts using it, e.g. "word/document.xml", "word/header1.xml"
}

// Fields lists every field and section of the template in order of first
// use. Inside a section a name is looked up in the item first, then in the
// enclosing scopes, so Scope tells where the path may resolve.
func (t *Template) Fields() []Field {
	out := make([]Field, len(t.fields))
	for i, f := range t.fields {
		out[i] = f
		out[i].Scope = append([]string(nil), f.Scope...)
		out[i].Parts = append([]string(nil), f.Parts...)
	}
	return out
}

func collectFields(entries []entry) []Field {
	var out []Field
	idx := map[string]int{}
	var walk func(part string, nodes []node)
	walk = func(part string, nodes []node) {
		for i := range nodes {
			n := &nodes[i]
			if n.kind == nOptPara {
				walk(part, n.body)
				continue
			}
			if n.kind != nField && n.kind != nSection {
				continue
			}
			k := KindField
			switch n.tag.kind {
			case tagSection:
				k = KindSection
			case tagInverted:
				k = KindInverted
			}
			key := strings.Join(n.tag.scope, "\x00") + "\x01" + n.tag.name + "\x01" + k.String()
			j, ok := idx[key]
			if !ok {
				j = len(out)
				idx[key] = j
				out = append(out, Field{Path: n.tag.name, Kind: k, Scope: n.tag.scope})
			}
			ps := out[j].Parts
			if len(ps) == 0 || ps[len(ps)-1] != part {
				out[j].Parts = append(ps, part)
			}
			if n.kind == nSection {
				walk(part, n.body)
			}
		}
	}
	for _, e := range entries {
		if e.prog != nil {
			walk(e.name, e.prog)
		}
	}
	return out
}

// Check reports, all together, what rendering data would fail on: missing
// fields (unless AllowMissing) and invalid characters (unless
// StripInvalidChars). Sections are checked for every item of a list. The
// result is nil or an error joining *RenderError values.
func (t *Template) Check(data any) error {
	root := reflect.ValueOf(data)
	var errs []error
	nextID := 0
	for _, e := range t.entries {
		if e.prog == nil {
			continue
		}
		r := renderer{t: t, part: e.name, collect: true, seen: map[string]bool{}, nextID: &nextID}
		if root.IsValid() {
			r.scopes = []reflect.Value{root}
		}
		_ = r.run(e.prog)
		errs = append(errs, r.errs...)
	}
	return errors.Join(errs...)
}
