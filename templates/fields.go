package templates

import (
	"context"
	"fmt"
	"reflect"
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
	t.fieldsOnce.Do(func() { t.fields = collectFields(t.entries) })
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
	type scopeKey struct {
		outer int
		name  string
	}
	type fieldKey struct {
		scope int
		name  string
		kind  FieldKind
	}
	// Equal scopes (the same names) get the same number, so that a path
	// used in two sections of the same name is one Field.
	scopeIDs := map[*scope]int{nil: 0}
	interned := map[scopeKey]int{}
	var scopeID func(s *scope) int
	scopeID = func(s *scope) int {
		if id, ok := scopeIDs[s]; ok {
			return id
		}
		k := scopeKey{scopeID(s.outer), s.name}
		id, ok := interned[k]
		if !ok {
			id = len(interned) + 1
			interned[k] = id
		}
		scopeIDs[s] = id
		return id
	}
	idx := map[fieldKey]int{}
	var walk func(part string, nodes []node)
	walk = func(part string, nodes []node) {
		for i := range nodes {
			n := &nodes[i]
			if n.kind == nOptPara || n.kind == nOptTable {
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
			key := fieldKey{scopeID(n.tag.scope), n.tag.name, k}
			j, ok := idx[key]
			if !ok {
				j = len(out)
				idx[key] = j
				out = append(out, Field{Path: n.tag.name, Kind: k, Scope: n.tag.scope.names()})
			}
			ps := out[j].Parts
			if len(ps) == 0 || ps[len(ps)-1] != part {
				out[j].Parts = append(ps, part)
			}
			if n.kind == nSection {
				walk(part, n.body)
				walk(part, n.empty)
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

// Check reports what rendering data would fail on, all together, as
// *RenderErrors: missing fields (unless AllowMissing) and invalid
// characters (unless StripInvalidChars). Sections are checked for every
// item of a list. It is Render without writing the document.
func (t *Template) Check(data any) error {
	return t.CheckContext(context.Background(), data)
}

// CheckContext is Check with a context, as RenderContext. Besides the
// problems of the data, it reports each relationship that points outside
// the package (ErrExternalRelationship, with the relationships part, the
// id and the target): the template renders, but a person should know
// where it points.
func (t *Template) CheckContext(ctx context.Context, data any) error {
	var errs []*RenderError
	more := 0
	var out []byte
	nextID := t.maxID
	root := reflect.ValueOf(data)
	st := &renderState{ctx: ctx}
	for i := range t.entries {
		if e := &t.entries[i]; e.prog != nil {
			var perr []*RenderError
			var pmore int
			out, perr, pmore = t.renderPart(e, root, &nextID, out[:0], st)
			if st.err != nil {
				return t.cfg.wrap(st.err)
			}
			st.written += int64(len(out))
			errs = append(errs, perr...)
			more += pmore
		}
	}
	for _, x := range t.external {
		errs = append(errs, &RenderError{Part: x.Part, Tag: x.ID, Err: fmt.Errorf("%w: %s → %s", ErrExternalRelationship, x.Type, x.Target)})
	}
	if len(errs) > 0 {
		return t.renderErrors(errs, more)
	}
	return nil
}
