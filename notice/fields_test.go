package notice

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestReferenceKeys checks that every key of the Go types of the kinds has its meaning in
// notice/wording/keys.yaml, and that no meaning there names a key that does not exist.
func TestReferenceKeys(t *testing.T) {
	used := map[string]bool{}
	for kind, typ := range inputTypes {
		for _, p := range keyPaths(typ, "", map[reflect.Type]bool{}) {
			if keyMeaning(kind, p) == "" {
				t.Errorf("%s: key %q has no meaning in notice/wording/keys.yaml", kind, p)
			}
			if _, ok := keyMeanings[kind][p]; ok {
				used[kind+"/"+p] = true
			} else {
				used["all/"+p] = true
			}
		}
	}
	for kind, m := range keyMeanings {
		for p := range m {
			if !used[kind+"/"+p] {
				t.Errorf("notice/wording/keys.yaml: %s.%s is not a key of that kind", kind, p)
			}
		}
	}
	for _, kind := range []string{KindSession, KindConclusion, KindFollowup, KindReceptionSchedule} {
		for _, f := range Reference(kind) {
			if f.Meaning == "" || !strings.Contains(f.Meaning, " / ") {
				t.Errorf("%s: %s %q: meaning %q is not \"vi / en\"", kind, f.Kind, f.Name, f.Meaning)
			}
		}
	}
}

// TestReferenceDoc keeps docs/fields.md equal to WriteReference (go test ./notice -run TestReferenceDoc -update).
func TestReferenceDoc(t *testing.T) {
	var b bytes.Buffer
	if err := WriteReference(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "docs", "fields.md")
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./notice -run TestReferenceDoc -update)", err)
	}
	if !bytes.Equal(want, b.Bytes()) {
		t.Errorf("docs/fields.md is out of date: go test ./notice -run TestReferenceDoc -update")
	}
}

// TestFields checks the values of a session file's fields: a key as written, a placeholder computed, the
// wording in force.
func TestFields(t *testing.T) {
	fs, err := Fields(Options{}, filepath.Join("..", "examples", "duc-pho-2023", "session-q1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Field{}
	for _, f := range fs {
		got[f.Kind+" "+f.Name] = f
	}
	for name, want := range map[string]string{
		"key held_on":                     "2023-03-15",
		"key participants":                "[4]",
		"key opinions.send_to":            "Ban Dân vận Thị ủy hoặc Hội Cựu chiến binh thị xã",
		"key closing":                     "",
		"placeholder day":                 "15/3/2023",
		"placeholder weekday":             "thứ Tư",
		"placeholder hours":               "Từ 08 giờ 00 đến 11 giờ 00",
		"placeholder opinions_from":       "01/3/2023",
		"placeholder opinions_to":         "13/3/2023",
		"placeholder plan_date":           "15/02/2023",
		"placeholder conclusion_deadline": "24/3/2023",
		"wording chair":                   "Chủ trì",
		"wording closing":                 "{{announcer}} trân trọng thông báo và kính mời các đồng chí, công dân có tên trong thành phần nêu trên đến dự Hội nghị đúng thời gian, địa điểm./.",
	} {
		f, ok := got[name]
		if !ok {
			t.Errorf("no field %q", name)
			continue
		}
		if f.Value != want {
			t.Errorf("%s = %q, want %q", name, f.Value, want)
		}
	}
}

// TestSetFieldsFS: a set loaded from an fs.FS gives the fields of its files by their fs path.
func TestSetFieldsFS(t *testing.T) {
	set, err := LoadFS(os.DirFS(filepath.Join("..", "examples", "duc-pho-2023")), Options{}, "session-q1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fields, err := set.Fields("session-q1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fields {
		if f.Kind == FieldKey && f.Name == "chair" && !strings.Contains(f.Value, "Nguyễn Kiên") {
			t.Errorf("chair = %q", f.Value)
		}
	}
	if len(fields) == 0 {
		t.Error("no fields")
	}
}

// TestPlanFields: the fields of a plan file, its keys with their values and the wording of its generated parts.
func TestPlanFields(t *testing.T) {
	fs, err := Fields(Options{}, filepath.Join("..", "examples", "ubnd-tinh-2026", "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Field{}
	for _, f := range fs {
		got[f.Kind+" "+f.Name] = f
	}
	for name, want := range map[string]string{
		"key document.number":     "18",
		"key sessions[].quarter":  "",
		"placeholder deadline":    "05",
		"wording venue":           "false",
		"wording participants":    "Thành phần: {{participants}}",
		"wording bases_lead":      "Căn cứ",
		"wording session_heading": "Quý {{quarter}}/{{session_year}}",
	} {
		if f, ok := got[name]; !ok || f.Value != want {
			t.Errorf("%s = %q (%v), want %q", name, f.Value, ok, want)
		}
	}
}
