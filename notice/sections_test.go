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
	old := useSections(files)
	defer useSections(old)
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
	for _, k := range []string{KindSession, KindConclusion, KindFollowup, KindReceptionSchedule} {
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

// TestConclusionSectionsAreData: a conclusion sections data set that puts the general conclusions first, drops
// the answers and prints a petition's assignments as bullets naming their due date changes the notice with
// no Go change.
func TestConclusionSectionsAreData(t *testing.T) {
	path := seedInput(t, "c.yaml", `kind: conclusion
plan: PLAN
session: q1
held_on: 2023-03-15
document: {date: 2023-03-22}
announcer: Thường trực Thị ủy
petitions:
  - who: Ông Nguyễn Văn A
    text: đề nghị sửa chữa cầu tràn
    answer: Giao cơ quan chức năng kiểm tra, xử lý
    assignments:
      - id: w-1
        body: Ủy ban nhân dân thị xã
        task: kiểm tra, sửa chữa cầu tràn
        due_working_days: 10
conclusions:
  - Tăng cường đối thoại với Nhân dân
report_to: Thường trực Thị ủy
recipients: [Ủy ban nhân dân thị xã]
`)
	before := renderText(t, path)
	if !strings.Contains(before, "Kết luận:") || strings.Index(before, "cầu tràn") > strings.Index(before, "Tăng cường") {
		t.Fatalf("default sections not as expected:\n%s", before)
	}
	var after string
	withSections(t, KindConclusion, `sections:
  - part: "{{wording.conclusions}}"
    off: content
    each: conclusions
    content:
      - bullet: "{{text}}"
  - part: "{{wording.petitions}}"
    off: content
    each: petitions
    content:
      - item: "{{who}}"
        text: "{{text}}"
      - each: assignments
        content:
          - bullet: "{{body}} chủ trì: {{text}}"
`, func() { after = renderText(t, path) })
	if strings.Contains(after, "Kết luận:") {
		t.Errorf("the answer is still printed:\n%s", after)
	}
	if strings.Index(after, "Tăng cường") > strings.Index(after, "cầu tràn") {
		t.Errorf("the conclusions are not first:\n%s", after)
	}
	if !strings.Contains(after, "- Ủy ban nhân dân thị xã chủ trì: kiểm tra, sửa chữa cầu tràn;") {
		t.Errorf("the assignment is not a bullet:\n%s", after)
	}
}
