package plan

//go:generate go test -run TestJSONSchema -update

import (
	"reflect"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/schemagen"
)

// SchemaID is the $id of the plan JSON Schema.
const SchemaID = "https://github.com/vanban/vanban/schema/plan.schema.json"

// JSONSchema returns the JSON Schema (draft 2020-12) of the plan format, generated from the Go types: their
// yaml names, the validator tags (required, min, max, oneof), the enum, pattern and format tags and the desc
// tags (Vietnamese / English). It is committed as schema/plan.schema.json for editors (yaml-language-server);
// the Go checks (Parse) remain the authority, with the cross-field rules the schema cannot say. Dates may be
// written ISO or day first, numbers quoted or with leading zeros, as Parse reads them.
func JSONSchema() []byte {
	g := &schemagen.Generator{Types: SchemaTypes(), Def: SchemaDef}
	return g.Schema(reflect.TypeFor[Plan](), SchemaID, "vanban plan: kế hoạch đối thoại trực tiếp với công dân", "")
}

// SchemaTypes returns the schemas of the plan's types that decode themselves, for the generators of the
// schemas of the other kinds, which use them (internal: the notice package builds on it).
func SchemaTypes() map[reflect.Type]func(reflect.StructTag) map[string]any {
	return map[reflect.Type]func(reflect.StructTag) map[string]any{
		reflect.TypeFor[Time](): func(tag reflect.StructTag) map[string]any {
			return map[string]any{"type": "string", "pattern": tag.Get("pattern")}
		},
		reflect.TypeFor[document.System](): func(reflect.StructTag) map[string]any {
			return map[string]any{"type": "string", "enum": []any{"party", "state"}}
		},
		reflect.TypeFor[Text]():    func(reflect.StructTag) map[string]any { return TextSchema(true) },
		reflect.TypeFor[Wording](): func(reflect.StructTag) map[string]any { return WordingSchema(defaultWording) },
	}
}

// TextSchema is the schema of a Text: a non-empty string, or, when off, also false to leave the piece out.
func TextSchema(off bool) map[string]any {
	if !off {
		return map[string]any{"type": "string", "minLength": 1}
	}
	return map[string]any{"oneOf": []any{map[string]any{"type": "string", "minLength": 1}, map[string]any{"const": false}}}
}

// WordingSchema is the schema of a wording: an object with the keys of a default wording.
func WordingSchema(keys []WordingKey) map[string]any {
	props := map[string]any{}
	var order []string
	for _, k := range keys {
		t := TextSchema(k.Off)
		t["description"] = k.VI + " / " + k.EN
		props[k.Key] = t
		order = append(order, k.Key)
	}
	return map[string]any{"type": "object", "description": "Câu chữ theo khóa (docs/fields.md) / Wording by key (docs/fields.md)",
		"properties": props, "x-order": order, "additionalProperties": false}
}

// SchemaDef completes the definitions of the plan's struct types: a recipient is a string or a mapping; a body
// block has exactly one of its kind keys.
func SchemaDef(t reflect.Type, def map[string]any) map[string]any {
	switch t {
	case reflect.TypeFor[Recipient]():
		return map[string]any{"oneOf": []any{
			map[string]any{"type": "string", "minLength": 1, "description": "\"Tên nơi nhận (ghi chú)\""},
			def,
		}}
	case reflect.TypeFor[Block]():
		var one []any
		for _, k := range []string{"part", "item", "subitem", "paragraph", "bullet", "sessions"} {
			one = append(one, map[string]any{"required": []any{k}})
		}
		def["oneOf"] = one
	}
	return def
}
