package plan

//go:generate go test -run TestJSONSchema -update

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
)

// SchemaID is the $id of the plan JSON Schema.
const SchemaID = "https://github.com/vanban/vanban/schema/plan.schema.json"

// JSONSchema returns the JSON Schema (draft 2020-12) of the plan format, generated from the Go types: their
// yaml names, the validator tags (required, min, max, oneof), the enum, pattern and format tags and the desc
// tags (Vietnamese / English). It is committed as schema/plan.schema.json for editors (yaml-language-server);
// the Go checks (Parse) remain the authority, with the cross-field rules the schema cannot say.
func JSONSchema() []byte {
	g := &schemaGen{defs: map[string]any{}}
	root := g.object(reflect.TypeFor[Plan]())
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = SchemaID
	root["title"] = "vanban plan: kế hoạch đối thoại trực tiếp với công dân"
	root["$defs"] = g.defs
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(orderedSchema(root)); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

type schemaGen struct{ defs map[string]any }

var (
	dateType      = reflect.TypeFor[calendar.Date]()
	timeType      = reflect.TypeFor[Time]()
	recipientType = reflect.TypeFor[Recipient]()
	systemType    = reflect.TypeFor[document.System]()
)

// ref returns a $ref to the named struct type, generating its definition once.
func (g *schemaGen) ref(t reflect.Type) map[string]any {
	name := t.Name()
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = nil // mark before recursing (Block contains Block)
		def := g.object(t)
		if t == recipientType {
			def = map[string]any{"oneOf": []any{
				map[string]any{"type": "string", "minLength": 1, "description": "\"Tên nơi nhận (ghi chú)\""},
				def,
			}}
		}
		if t == reflect.TypeFor[Block]() {
			var one []any
			for _, k := range []string{"part", "item", "subitem", "paragraph", "bullet", "sessions"} {
				one = append(one, map[string]any{"required": []any{k}})
			}
			def["oneOf"] = one
		}
		g.defs[name] = def
	}
	return map[string]any{"$ref": "#/$defs/" + name}
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var order, required []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !f.IsExported() || name == "-" || f.Tag.Get("schema") == "-" {
			continue
		}
		rules := validateRules(f.Tag.Get("validate"))
		s := g.schema(f.Type, f.Tag, rules)
		if d := f.Tag.Get("desc"); d != "" {
			s["description"] = d
		}
		props[name] = s
		order = append(order, name)
		if _, ok := rules["required"]; ok {
			required = append(required, name)
		}
	}
	out := map[string]any{"type": "object", "properties": props, "additionalProperties": false, "x-order": order}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

// validateRules splits a validate tag up to its first "dive": "required,min=1" → {required:"", min:"1"}.
func validateRules(tag string) map[string]string {
	m := map[string]string{}
	for _, r := range strings.Split(tag, ",") {
		if r == "dive" {
			break
		}
		k, v, _ := strings.Cut(r, "=")
		if k != "" {
			m[k] = v
		}
	}
	return m
}

func (g *schemaGen) schema(t reflect.Type, tag reflect.StructTag, rules map[string]string) map[string]any {
	num := func(s string) any { n, _ := strconv.Atoi(s); return n }
	switch t {
	case dateType:
		return map[string]any{"type": "string", "format": "date", "pattern": `^\d{4}-\d{2}-\d{2}$`}
	case timeType:
		return map[string]any{"type": "string", "pattern": tag.Get("pattern")}
	case systemType:
		return map[string]any{"type": "string", "enum": []any{"party", "state"}}
	}
	switch t.Kind() {
	case reflect.String:
		s := map[string]any{"type": "string"}
		if e := tag.Get("enum"); e != "" {
			var vals []any
			for _, v := range strings.Split(e, ",") {
				vals = append(vals, v)
			}
			s["enum"] = vals
		}
		if v, ok := rules["eq"]; ok {
			s["const"] = v
		}
		if v, ok := rules["oneof"]; ok {
			var vals []any
			for _, x := range strings.Fields(v) {
				vals = append(vals, x)
			}
			s["enum"] = vals
		}
		if _, ok := rules["required"]; ok {
			s["minLength"] = 1
		}
		if v, ok := rules["max"]; ok {
			s["maxLength"] = num(v)
		}
		if v, ok := rules["endswith"]; ok {
			s["pattern"] = regexpQuote(v) + "$"
		}
		return s
	case reflect.Int:
		s := map[string]any{"type": "integer"}
		if v, ok := rules["min"]; ok {
			s["minimum"] = num(v)
		}
		if v, ok := rules["max"]; ok {
			s["maximum"] = num(v)
		}
		return s
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Slice:
		s := map[string]any{"type": "array", "items": g.schema(t.Elem(), "", map[string]string{"required": ""})}
		if t.Elem().Kind() == reflect.String {
			s["items"] = map[string]any{"type": "string", "minLength": 1}
		}
		if v, ok := rules["min"]; ok {
			s["minItems"] = num(v)
		} else if _, ok := rules["required"]; ok {
			s["minItems"] = 1
		}
		if v, ok := rules["max"]; ok {
			s["maxItems"] = num(v)
		}
		return s
	case reflect.Struct:
		return g.ref(t)
	}
	panic("plan: no JSON Schema for " + t.String())
}

func regexpQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`.+*?()|[]{}^$\`, r) {
			b.WriteRune('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// orderedSchema turns the maps into ordered JSON objects: schema keywords first, properties in field order.
func orderedSchema(v any) any {
	switch x := v.(type) {
	case map[string]any:
		var keys []string
		if order, ok := x["x-order"].([]string); ok {
			delete(x, "x-order")
			props := x["properties"].(map[string]any)
			po := make(orderedMap, 0, len(order))
			for _, k := range order {
				po = append(po, kv{k, orderedSchema(props[k])})
			}
			x["properties"] = po
		}
		for _, k := range []string{"$schema", "$id", "title", "description", "$ref", "type", "const", "enum", "format",
			"pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "items", "required",
			"properties", "additionalProperties", "oneOf", "$defs"} {
			if _, ok := x[k]; ok {
				keys = append(keys, k)
			}
		}
		var rest []string
		for k := range x {
			found := false
			for _, kk := range keys {
				found = found || kk == k
			}
			if !found {
				rest = append(rest, k)
			}
		}
		slices.Sort(rest)
		keys = append(keys, rest...)
		out := make(orderedMap, 0, len(keys))
		for _, k := range keys {
			if k == "$defs" {
				defs := x[k].(map[string]any)
				names := make([]string, 0, len(defs))
				for n := range defs {
					names = append(names, n)
				}
				slices.Sort(names)
				dm := make(orderedMap, 0, len(names))
				for _, n := range names {
					dm = append(dm, kv{n, orderedSchema(defs[n])})
				}
				out = append(out, kv{k, dm})
				continue
			}
			out = append(out, kv{k, orderedSchema(x[k])})
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = orderedSchema(e)
		}
		return out
	case orderedMap:
		return x
	}
	return v
}

type kv struct {
	k string
	v any
}

type orderedMap []kv

func (m orderedMap) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.k)
		b.Write(k)
		b.WriteByte(':')
		var vb bytes.Buffer
		enc := json.NewEncoder(&vb)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e.v); err != nil {
			return nil, err
		}
		b.Write(bytes.TrimRight(vb.Bytes(), "\n"))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
