package notice

import (
	"encoding"
	"fmt"
	"io"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
)

// Field is one thing a file of a kind can say or name: a key it accepts (Kind "key", with its path such as
// "opinions.send_to" or "petitions[].who"), a placeholder its texts may name as {{Name}} (Kind
// "placeholder"), or a text of its default wording (Kind "wording", reworded under wording:).
type Field struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Meaning says what it is, in Vietnamese and English ("vi / en").
	Meaning string `json:"meaning"`
	// Value is its value for the file: a key's value as written (a list or mapping is summarized), a
	// placeholder's computed value (a list's lines joined with "; "), the wording text in force (placeholders
	// not expanded; "false" when switched off). Empty in Reference.
	Value string `json:"value"`
}

// The kinds of Field.
const (
	FieldKey         = "key"
	FieldPlaceholder = "placeholder"
	FieldWording     = "wording"
)

// keyMeanings are the meanings of the keys of each kind, by path ("all" for the keys every kind shares):
// notice/wording/keys.yaml, checked against the Go types by a test.
var keyMeanings = func() map[string]map[string]string {
	data, err := wordingFiles.ReadFile("wording/keys.yaml")
	if err != nil {
		panic(err)
	}
	var out map[string]map[string]string
	if err := yaml.Unmarshal(data, &out); err != nil {
		panic("notice: wording/keys.yaml: " + err.Error())
	}
	return out
}()

// inputTypes are the Go types of the kinds that make a .docx.
var inputTypes = map[string]reflect.Type{
	KindSession:           reflect.TypeFor[SessionFile](),
	KindConclusion:        reflect.TypeFor[ConclusionFile](),
	KindFollowup:          reflect.TypeFor[FollowupFile](),
	KindReceptionSchedule: reflect.TypeFor[ScheduleFile](),
}

// keyPaths lists the key paths of a type: its yaml fields, the fields of nested structs of this package as
// "a.b", of lists of them as "a[].b"; types that decode themselves (dates, clocks, texts) and the types of
// package plan (issuer, signature, blocks, milestones: documented there) are leaves.
func keyPaths(t reflect.Type, prefix string, seen map[reflect.Type]bool) []string {
	var out []string
	for _, name := range source.Fields(t) {
		f := fieldByYAML(t, name)
		p := prefix + name
		out = append(out, p)
		ft := f.Type
		list := false
		if ft.Kind() == reflect.Slice {
			ft, list = ft.Elem(), true
		}
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() != reflect.Struct || seen[ft] || decodesItself(ft) || ft.PkgPath() != inputTypes[KindSession].PkgPath() {
			continue
		}
		seen[ft] = true
		sub := p + "."
		if list {
			sub = p + "[]."
		}
		out = append(out, keyPaths(ft, sub, seen)...)
		delete(seen, ft)
	}
	return out
}

func decodesItself(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return pt.Implements(reflect.TypeFor[yaml.Unmarshaler]()) || pt.Implements(reflect.TypeFor[encoding.TextUnmarshaler]())
}

// fieldByYAML finds the struct field (inline structs flattened) of a yaml name.
func fieldByYAML(t reflect.Type, name string) reflect.StructField {
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if strings.Contains(opts, "inline") {
			if f := fieldByYAML(sf.Type, name); f.Name != "" {
				return f
			}
			continue
		}
		if tag == "" {
			tag = strings.ToLower(sf.Name)
		}
		if tag == name {
			return sf
		}
	}
	return reflect.StructField{}
}

// keyMeaning returns the meaning of a key path of a kind.
func keyMeaning(kind, path string) string {
	if key, ok := strings.CutPrefix(path, "headings."); ok {
		if k, ok := wordingKey(kind, key); ok {
			return wordingMeaning(k)
		}
	}
	if m, ok := keyMeanings[kind][path]; ok {
		return m
	}
	return keyMeanings["all"][path]
}

// Reference returns what a file of kind (session, conclusion, followup, reception-schedule) can say: its keys,
// its placeholders and its wording keys, with their meanings and no values. It is the source of docs/fields.md
// and of "vanban fields".
func Reference(kind string) []Field {
	t, ok := inputTypes[kind]
	if !ok {
		return nil
	}
	var out []Field
	for _, p := range keyPaths(t, "", map[reflect.Type]bool{}) {
		out = append(out, Field{Name: p, Kind: FieldKey, Meaning: keyMeaning(kind, p)})
	}
	v := reflect.New(t).Interface().(interface{ factDefsOf() []factDef })
	for _, d := range v.factDefsOf() {
		out = append(out, Field{Name: d.name, Kind: FieldPlaceholder, Meaning: d.vi + " / " + d.en})
	}
	for _, c := range contextDefs(kind) {
		out = append(out, Field{Name: c.name, Kind: FieldPlaceholder, Meaning: c.vi + " / " + c.en + " (" + c.where + ")"})
	}
	for _, k := range defaultWording[kind] {
		out = append(out, Field{Name: k.Key, Kind: FieldWording, Meaning: wordingMeaning(k)})
	}
	return out
}

func wordingMeaning(k WordingKey) string {
	m := k.VI + " / " + k.EN
	var notes []string
	if k.Heading {
		notes = append(notes, "headings:")
	}
	if k.Off {
		notes = append(notes, "false: bỏ / off")
	}
	if len(notes) > 0 {
		m += " [" + strings.Join(notes, "; ") + "]"
	}
	return m
}

// placeholderCtx is a context placeholder with where it may be used.
type placeholderCtx struct {
	ctxDef
	where string
}

// contextDefs lists the placeholders of the contexts of a kind (one assignment, one month…).
func contextDefs(kind string) []placeholderCtx {
	var out []placeholderCtx
	add := func(defs []ctxDef, where string) {
		for _, d := range defs {
			out = append(out, placeholderCtx{d, where})
		}
	}
	switch kind {
	case KindConclusion:
		add(assignmentCtx, "assignments[].task, report; wording.assignment, assignment_draft, report")
	case KindFollowup:
		add(statusCtx, "wording.status")
	case KindReceptionSchedule:
		add(monthCtx, "wording.month")
		add(movedCtx, "wording.moved")
	}
	return out
}

func (s *SessionFile) factDefsOf() []factDef    { return s.factDefs(nil) }
func (c *ConclusionFile) factDefsOf() []factDef { return c.factDefs(nil) }
func (f *FollowupFile) factDefsOf() []factDef   { return f.factDefs(nil) }
func (s *ScheduleFile) factDefsOf() []factDef   { return s.factDefs(nil) }

// Fields loads the input file at path with the files it refers to and returns what it can say (Reference)
// with the values for that file: the keys as written, the placeholders computed, the wording in force. A plan
// file gives its keys (their meanings from the plan's schema descriptions), its placeholders and the wording
// of its generated parts (plan/wording.yaml).
func Fields(opts Options, path string) ([]Field, error) {
	s, err := Load(opts, path)
	if err != nil {
		return nil, err
	}
	return s.Fields(path)
}

// Fields returns the fields of the input file at path, which must be in the set (see the function Fields).
func (s *Set) Fields(path string) ([]Field, error) {
	v := s.loaded[s.files.key(path)]
	if pf, ok := v.(*PlanFile); ok {
		return planFields(pf.Plan), nil
	}
	x, ok := v.(interface {
		meta() *Meta
		factDefs(*calendar.Calendar) []factDef
		headingsOf() any
	})
	if !ok {
		return nil, fmt.Errorf("%s: không phải tệp kế hoạch hoặc thông báo tạo .docx (plan, session, conclusion, followup, reception-schedule) / not a plan or a notice input file that makes a .docx", path)
	}
	m := x.meta()
	out := Reference(kindOf(x.headingsOf()))
	look := lookupOf(x.factDefs(s.Cal))
	w := m.words(x.headingsOf())
	for i := range out {
		f := &out[i]
		switch f.Kind {
		case FieldKey:
			f.Value = nodeValue(m.src, f.Name)
		case FieldPlaceholder:
			if text, list, ok := look(f.Name); ok {
				f.Value = text
				if list != nil {
					f.Value = strings.Join(list, "; ")
				}
			}
		case FieldWording:
			if t, on := w.text(f.Name); on {
				f.Value = t
			} else {
				f.Value = "false"
			}
		}
	}
	// The due dates of the assignments, named {{due.ID}}, after the placeholders.
	var extra []Field
	for _, d := range x.factDefs(s.Cal) {
		if strings.HasPrefix(d.name, "due.") {
			extra = append(extra, Field{Name: d.name, Kind: FieldPlaceholder, Meaning: d.vi + " / " + d.en, Value: d.text()})
		}
	}
	for i := range out {
		if out[i].Kind == FieldWording {
			return append(out[:i], append(extra, out[i:]...)...), nil
		}
	}
	return append(out, extra...), nil
}

// nodeValue returns the value at a key path of the file as written: a scalar as is, a list as "[n]", a
// mapping as "{…}", "" when absent. A path through a list ("petitions[].who") gives the values of its
// entries joined with "; ".
func nodeValue(src *source.Source, path string) string {
	if src == nil || src.Root == nil {
		return ""
	}
	nodes := []*yaml.Node{src.Root}
	for _, seg := range strings.Split(path, ".") {
		list := strings.HasSuffix(seg, "[]")
		seg = strings.TrimSuffix(seg, "[]")
		var next []*yaml.Node
		for _, n := range nodes {
			if n.Kind != yaml.MappingNode {
				continue
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value != seg {
					continue
				}
				v := n.Content[i+1]
				if list && v.Kind == yaml.SequenceNode {
					next = append(next, v.Content...)
				} else {
					next = append(next, v)
				}
			}
		}
		nodes = next
	}
	var vals []string
	for _, n := range nodes {
		switch n.Kind {
		case yaml.ScalarNode:
			vals = append(vals, n.Value)
		case yaml.SequenceNode:
			vals = append(vals, fmt.Sprintf("[%d]", len(n.Content)))
		case yaml.MappingNode:
			vals = append(vals, "{…}")
		}
	}
	return strings.Join(vals, "; ")
}

// WriteReference writes the reference of every kind's keys, placeholders and wording as Markdown (the
// content of docs/fields.md).
func WriteReference(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Keys, placeholders and wording of the notice kinds\n\n")
	b.WriteString("Generated from the code and its data (`notice.Reference`: the Go types, notice/wording/*.yaml) by\n")
	b.WriteString("`go test ./notice -run TestReferenceDoc -update`; do not edit. `vanban fields FILE [--json]` prints the same\n")
	b.WriteString("for one file, with its values.\n\n")
	b.WriteString("A placeholder is written `{{name}}` in any text of the file (intro, summary, closing, headings, wording,\n")
	b.WriteString("before / after / body blocks, petitions, conclusions, assignments, notes); a bullet or paragraph holding only\n")
	b.WriteString("a list placeholder prints one line per entry. A wording key is reworded under `wording:` (a heading also\n")
	b.WriteString("under `headings:`); `false` switches off the pieces marked so; an empty string is an error.\n")
	for _, kind := range []string{KindSession, KindConclusion, KindFollowup, KindReceptionSchedule} {
		fmt.Fprintf(&b, "\n## kind: %s\n", kind)
		sections := []struct{ kind, title string }{{FieldKey, "Keys"}, {FieldPlaceholder, "Placeholders"}, {FieldWording, "Wording (default: Party / State when it differs)"}}
		for _, sec := range sections {
			fmt.Fprintf(&b, "\n### %s\n\n| name | meaning |\n|---|---|\n", sec.title)
			for _, f := range Reference(kind) {
				if f.Kind != sec.kind {
					continue
				}
				meaning := f.Meaning
				if f.Kind == FieldWording {
					k, _ := wordingKey(kind, f.Name)
					meaning += "<br>`" + k.Party + "`"
					if k.State != k.Party {
						meaning += " / `" + k.State + "`"
					}
				}
				name := "`" + f.Name + "`"
				if f.Kind == FieldPlaceholder {
					name = "`{{" + f.Name + "}}`"
				}
				fmt.Fprintf(&b, "| %s | %s |\n", name, strings.ReplaceAll(meaning, "|", "\\|"))
			}
		}
	}
	b.WriteString("\n## kind: plan (wording of its generated parts)\n\n")
	b.WriteString("A plan's keys are in [schema/plan.schema.json](../schema/plan.schema.json) and plan/doc.go; its `wording:` rewords the\n")
	b.WriteString("parts vanban generates (plan/wording.yaml). Placeholders: `{{year}}`, `{{deadline}}`, and for one session `{{quarter}}`\n")
	b.WriteString("(Roman), `{{month}}`, `{{session_year}}`, `{{content}}`, `{{participants}}`, `{{time}}`, `{{venue}}`.\n\n")
	b.WriteString("| name | meaning |\n|---|---|\n")
	for _, k := range plan.DefaultWording() {
		meaning := wordingMeaning(k) + "<br>`" + k.Party + "`"
		if k.State != k.Party {
			meaning += " / `" + k.State + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s |\n", k.Key, strings.ReplaceAll(meaning, "|", "\\|"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// planFields returns what a plan file can say: its keys (with the meanings of their desc tags and their
// values), its placeholders and the wording of its generated parts (plan/wording.yaml) in force.
func planFields(p *plan.Plan) []Field {
	var out []Field
	var walk func(t reflect.Type, v reflect.Value, prefix string, seen map[reflect.Type]bool)
	walk = func(t reflect.Type, v reflect.Value, prefix string, seen map[reflect.Type]bool) {
		for i := range t.NumField() {
			sf := t.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
			if !sf.IsExported() || name == "-" || name == "" {
				continue
			}
			var fv reflect.Value
			if v.IsValid() {
				fv = v.Field(i)
			}
			out = append(out, Field{Name: prefix + name, Kind: FieldKey, Meaning: sf.Tag.Get("desc"), Value: reflectValue(fv)})
			ft := sf.Type
			list := ft.Kind() == reflect.Slice
			if list {
				ft = ft.Elem()
			}
			if ft.Kind() != reflect.Struct || seen[ft] || decodesItself(ft) || ft.PkgPath() != t.PkgPath() {
				continue
			}
			seen[ft] = true
			sub, subv := prefix+name+".", fv
			if list {
				sub, subv = prefix+name+"[].", reflect.Value{}
			}
			walk(ft, subv, sub, seen)
			delete(seen, ft)
		}
	}
	walk(reflect.TypeFor[plan.Plan](), reflect.ValueOf(p).Elem(), "", map[reflect.Type]bool{})
	out = append(out,
		Field{Name: "year", Kind: FieldPlaceholder, Meaning: "năm của kế hoạch / the plan's year", Value: fmt.Sprint(p.Year())},
		Field{Name: "deadline", Kind: FieldPlaceholder, Meaning: "thời hạn ban hành thông báo kết luận, số ngày làm việc (hai chữ số) / the conclusion deadline in working days (two digits)",
			Value: fmt.Sprintf("%02d", p.DeadlineDays)})
	for _, c := range planSessionCtx {
		out = append(out, Field{Name: c.name, Kind: FieldPlaceholder, Meaning: c.vi + " / " + c.en + " (wording)"})
	}
	for _, k := range plan.DefaultWording() {
		f := Field{Name: k.Key, Kind: FieldWording, Meaning: wordingMeaning(k), Value: k.Default(p.Issuer.System)}
		if t, ok := p.Wording[k.Key]; ok {
			f.Value = t.Value
			if t.Off {
				f.Value = "false"
			}
		}
		out = append(out, f)
	}
	return out
}

// planSessionCtx are the placeholders of one session in a plan's wording.
var planSessionCtx = []ctxDef{
	{"quarter", "quý, số La Mã", "the quarter, in Roman numerals"},
	{"month", "tháng", "the month"},
	{"session_year", "năm của buổi", "the session's year"},
	{"content", "nội dung", "the subject"},
	{"participants", "đối tượng", "the participants"},
	{"time", "thời gian (\"Tháng 3/2023\")", "the time (\"Tháng 3/2023\")"},
	{"venue", "địa điểm", "the venue"},
}

// reflectValue summarizes a value of a plan for Fields: a scalar as printed, a list as "[n]", a struct or map
// as "{…}", "" when zero or absent.
func reflectValue(v reflect.Value) string {
	if !v.IsValid() || v.IsZero() {
		return ""
	}
	if s, ok := v.Interface().(fmt.Stringer); ok {
		return s.String()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		if v.Kind() == reflect.Map {
			return "{…}"
		}
		return fmt.Sprintf("[%d]", v.Len())
	case reflect.Struct, reflect.Pointer:
		return "{…}"
	}
	return fmt.Sprint(v.Interface())
}
