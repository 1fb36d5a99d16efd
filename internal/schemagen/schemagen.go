// Package schemagen generates the JSON Schemas (draft 2020-12) of the YAML inputs from their Go types — yaml
// names, validator tags (required, min, max, oneof, eq, endswith), the enum, pattern and desc tags — and
// checks a YAML document against such a schema (Validate), for the tests that keep the committed schemas in
// sync with the types and every example valid against its schema.
//
// The Go checks (source.Load and the cross-field rules) remain the authority: a schema is for editors
// (yaml-language-server) and says less than they do.
package schemagen

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/vanban/vanban/calendar"
)

// DatePattern is the pattern of a date: ISO (2023-02-15) or day first (15/02/2023, 15-2-2023, 15.2.2023), as
// calendar.ParseDate reads it.
const DatePattern = `^(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4})$`

// IntPattern is the pattern of an integer written as text ("08", " 5"), which the decoder reads as a number.
const IntPattern = `^\s*[+-]?[0-9]+\s*$`

// Generator builds one schema. Types maps the types that decode themselves to their schema (the tag of the
// field is given, for its pattern); Def may change the definition of a struct type (add a oneOf, …).
type Generator struct {
	Types map[reflect.Type]func(tag reflect.StructTag) map[string]any
	Def   func(t reflect.Type, def map[string]any) map[string]any
	defs  map[string]any
}

var dateType = reflect.TypeFor[calendar.Date]()

// Schema returns the JSON text of the schema of root (a struct type), with its $id and title; kind, when not
// empty, is the const value of its "kind" key.
func (g *Generator) Schema(root reflect.Type, id, title, kind string) []byte {
	g.defs = map[string]any{}
	s := g.object(root)
	if kind != "" {
		if props, ok := s["properties"].(map[string]any); ok {
			if k, ok := props["kind"].(map[string]any); ok {
				delete(k, "minLength")
				k["const"] = kind
			}
		}
	}
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = id
	s["title"] = title
	if len(g.defs) > 0 {
		s["$defs"] = g.defs
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(ordered(s)); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// ref returns a $ref to the named struct type, generating its definition once.
func (g *Generator) ref(t reflect.Type) map[string]any {
	name := t.Name()
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = nil // mark before recursing (Block contains Block)
		def := g.object(t)
		if g.Def != nil {
			def = g.Def(t, def)
		}
		g.defs[name] = def
	}
	return map[string]any{"$ref": "#/$defs/" + name}
}

// fieldsOf lists the yaml-visible fields of t, inline structs flattened, in declaration order.
func fieldsOf(t reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !f.IsExported() || name == "-" || f.Tag.Get("schema") == "-" {
			continue
		}
		if strings.Contains(opts, "inline") {
			out = append(out, fieldsOf(f.Type)...)
			continue
		}
		out = append(out, f)
	}
	return out
}

func (g *Generator) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var order, required []string
	for _, f := range fieldsOf(t) {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" {
			name = strings.ToLower(f.Name)
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

// diveRules returns the rules after the first "dive" of a validate tag (those of a list's items).
func diveRules(tag string) map[string]string {
	_, after, ok := strings.Cut(tag, "dive")
	if !ok {
		return map[string]string{}
	}
	return validateRules(strings.TrimPrefix(after, ","))
}

func (g *Generator) schema(t reflect.Type, tag reflect.StructTag, rules map[string]string) map[string]any {
	num := func(s string) any { n, _ := strconv.Atoi(s); return n }
	if f, ok := g.Types[t]; ok {
		return f(tag)
	}
	if t == dateType {
		return map[string]any{"type": "string", "pattern": DatePattern}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schema(t.Elem(), tag, rules)
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
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		// A quoted number or one with leading zeros ("08") is read as a number too.
		s := map[string]any{"type": []any{"integer", "string"}, "pattern": IntPattern}
		for _, k := range []string{"min", "gte"} {
			if v, ok := rules[k]; ok {
				s["minimum"] = num(v)
			}
		}
		for _, k := range []string{"max", "lte"} {
			if v, ok := rules[k]; ok {
				s["maximum"] = num(v)
			}
		}
		return s
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Slice:
		s := map[string]any{"type": "array", "items": g.schema(t.Elem(), "", mergeRequired(diveRules(tag.Get("validate"))))}
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
	panic("schemagen: no JSON Schema for " + t.String())
}

// mergeRequired returns the rules of a list's items, with required (an item is never empty).
func mergeRequired(r map[string]string) map[string]string {
	r["required"] = ""
	return r
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

// ordered turns the maps into ordered JSON objects: schema keywords first, properties in field order.
func ordered(v any) any {
	switch x := v.(type) {
	case map[string]any:
		var keys []string
		if order, ok := x["x-order"].([]string); ok {
			delete(x, "x-order")
			props := x["properties"].(map[string]any)
			po := make(orderedMap, 0, len(order))
			for _, k := range order {
				po = append(po, kv{k, ordered(props[k])})
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
			if !slices.Contains(keys, k) {
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
					dm = append(dm, kv{n, ordered(defs[n])})
				}
				out = append(out, kv{k, dm})
				continue
			}
			out = append(out, kv{k, ordered(x[k])})
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = ordered(e)
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
