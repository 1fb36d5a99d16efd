package notice

import (
	"fmt"
	"maps"
	"reflect"

	"github.com/vanban/vanban/internal/schemagen"
	"github.com/vanban/vanban/plan"
)

// SchemaID returns the $id of the JSON Schema of a kind of this package ("session", …):
// https://github.com/vanban/vanban/schema/KIND.schema.json.
func SchemaID(kind string) string {
	return "https://github.com/vanban/vanban/schema/" + kind + ".schema.json"
}

// schemaKinds maps each kind to its Go type and the title of its schema.
var schemaKinds = map[string]struct {
	t     reflect.Type
	title string
}{
	KindSession:           {reflect.TypeFor[SessionFile](), "vanban session: thông báo tổ chức, giấy mời đối thoại"},
	KindConclusion:        {reflect.TypeFor[ConclusionFile](), "vanban conclusion: thông báo kết luận buổi đối thoại"},
	KindFollowup:          {reflect.TypeFor[FollowupFile](), "vanban followup: báo cáo kết quả thực hiện kết luận"},
	KindReceptionSchedule: {reflect.TypeFor[ScheduleFile](), "vanban reception-schedule: thông báo lịch tiếp công dân"},
	KindCalendarExport:    {reflect.TypeFor[ExportFile](), "vanban calendar-export: tệp lịch iCalendar của chu kỳ"},
	KindOffice:            {reflect.TypeFor[OfficeFile](), "vanban office: hồ sơ cơ quan (cơ quan ban hành, chữ ký, dòng lưu) cho văn bản không thuộc kế hoạch"},
}

// JSONSchema returns the JSON Schema (draft 2020-12) of a kind of this package (one of Kinds), generated from
// its Go type like plan.JSONSchema, for editors (yaml-language-server). It is committed as
// schema/KIND.schema.json; the Go checks (Load) remain the authority.
func JSONSchema(kind string) ([]byte, error) {
	k, ok := schemaKinds[kind]
	if !ok {
		return nil, fmt.Errorf("notice: no schema for kind %q", kind)
	}
	types := plan.SchemaTypes()
	maps.Copy(types, map[reflect.Type]func(reflect.StructTag) map[string]any{
		reflect.TypeFor[Clock](): func(reflect.StructTag) map[string]any {
			return map[string]any{"type": "string", "pattern": `^\s*\d{1,2}\s*[:hH]\s*\d{0,2}\s*$`, "description": "Giờ, ví dụ \"08:00\" hoặc \"14h30\" / Time of day"}
		},
		reflect.TypeFor[Wording](): func(reflect.StructTag) map[string]any { return plan.WordingSchema(defaultWording[kind]) },
	})
	g := &schemagen.Generator{Types: types, Def: func(t reflect.Type, def map[string]any) map[string]any {
		if t == reflect.TypeFor[Conclusion]() {
			return map[string]any{"oneOf": []any{map[string]any{"type": "string", "minLength": 1}, def}}
		}
		return plan.SchemaDef(t, def)
	}}
	return g.Schema(k.t, SchemaID(kind), k.title, kind), nil
}
