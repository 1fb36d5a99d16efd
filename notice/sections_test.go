package notice

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// withSections runs f with another sections data set for kind (the other kinds keep theirs): a new default
// wording, no Go change.
func withSections(t *testing.T, kind, data string, f func()) {
	t.Helper()
	files := fstest.MapFS{}
	for _, k := range []string{KindSession, KindConclusion, KindFollowup, KindReceptionSchedule} {
		name := "wording/" + k + ".sections.yaml"
		if b, err := fs.ReadFile(wordingFiles, name); err == nil {
			files[name] = &fstest.MapFile{Data: b}
		}
	}
	files["wording/"+kind+".sections.yaml"] = &fstest.MapFile{Data: []byte(data)}
	old := sectionFS
	sectionFS = files
	resetSections()
	defer func() { sectionFS = old; resetSections() }()
	f()
}

// TestSectionsAreData: a sections data set that drops the chair, puts the venue before the time, adds a
// paragraph over the computed facts and words the participants as a paragraph each changes the session
// notice with no Go change.
func TestSectionsAreData(t *testing.T) {
	path := seedInput(t, "s.yaml", sessionHead)
	before := renderText(t, path)
	for _, want := range []string{"Chủ trì", "Thời gian: Từ 07 giờ 30"} {
		if !strings.Contains(before, want) {
			t.Fatalf("default sections lack %q:\n%s", want, before)
		}
	}
	var after string
	withSections(t, KindSession, `sections:
  - item: "{{wording.content}}"
    text: "{{content}}"
    sentence: true
  - item: "{{wording.venue}}"
    text: "{{venue}}"
    sentence: true
  - item: "{{wording.time}}"
    text: "{{when}}"
    sentence: true
  - paragraph: "Thông báo kết luận ban hành chậm nhất ngày {{conclusion_deadline}}."
  - paragraph: "Kính mời:"
    each: participants_listed
    content:
      - paragraph: "{{item}} ({{day}}){{end}}"
`, func() { after = renderText(t, path) })
	if strings.Contains(after, "Chủ trì") {
		t.Errorf("the chair is still printed:\n%s", after)
	}
	venue, when := strings.Index(after, "Địa điểm"), strings.Index(after, "Thời gian")
	if venue < 0 || when < 0 || venue > when {
		t.Errorf("the venue is not before the time:\n%s", after)
	}
	for _, want := range []string{"Thông báo kết luận ban hành chậm nhất ngày 26/5/2023.", "Kính mời:",
		"Các đồng chí Ủy viên Ban Thường vụ Thị ủy (17/5/2023);", "Đại diện Nhân dân các phường (17/5/2023)."} {
		if !strings.Contains(after, want) {
			t.Errorf("lacks %q:\n%s", want, after)
		}
	}
	if again := renderText(t, path); again != before {
		t.Errorf("the default sections did not come back")
	}
}

// TestSectionsData loads the sections data of every kind that has one.
func TestSectionsData(t *testing.T) {
	for _, k := range []string{KindSession, KindReceptionSchedule} {
		if len(sectionsOf(k)) == 0 {
			t.Errorf("%s: no sections", k)
		}
	}
	for _, bad := range []string{"sections: [{item: a, bullet: b}]", "sections: [{text: a}]", "sections: [{item: a, off: yes}]", "sections: [{itm: a}]"} {
		if _, err := parseSections([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
