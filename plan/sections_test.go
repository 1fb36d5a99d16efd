package plan

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/document"
)

func sessionText(bs []document.Block) string {
	var b strings.Builder
	for _, x := range bs {
		b.WriteString(x.Title + "|" + x.Text + "\n")
	}
	return b.String()
}

// TestSessionSectionsAreData: another sections data set for the plan's session items — the venue before the
// time, no participants bullet, no ad-hoc item, a paragraph over a session's facts — changes the plan's
// sessions with no Go change; the session's own labels still word their bullets.
func TestSessionSectionsAreData(t *testing.T) {
	p, err := Load("../examples/duc-pho-2023/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	before := sessionText(p.sessionBlocks())
	for _, want := range []string{"Đối tượng", "Ngoài ra"} {
		if !strings.Contains(before, want) {
			t.Fatalf("default sessions lack %q:\n%s", want, before)
		}
	}
	if v, tm := strings.Index(before, "Địa điểm"), strings.Index(before, "Thời gian"); v < 0 || tm < 0 || v < tm {
		t.Fatalf("default sessions: the time is not before the venue:\n%s", before)
	}
	old := useSections(fstest.MapFS{"wording/sessions.sections.yaml": &fstest.MapFile{Data: []byte(`sections:
  - each: sessions
    content:
      - item: "{{heading}}"
      - bullet: "{{wording.content}}"
      - bullet: "{{wording.venue}}"
      - bullet: "{{wording.time}}"
      - paragraph: "Buổi đối thoại quý {{quarter}} năm {{session_year}}."
`)}})
	defer useSections(old)
	after := sessionText(p.sessionBlocks())
	for _, gone := range []string{"Đối tượng", "Ngoài ra"} {
		if strings.Contains(after, gone) {
			t.Errorf("%q is still printed:\n%s", gone, after)
		}
	}
	if v, tm := strings.Index(after, "Địa điểm"), strings.Index(after, "Thời gian"); v < 0 || tm < 0 || v > tm {
		t.Errorf("the venue is not before the time:\n%s", after)
	}
	if !strings.Contains(after, "Buổi đối thoại quý II năm 2023.") {
		t.Errorf("no paragraph over the session's facts:\n%s", after)
	}
	if !strings.Contains(after, "Thời gian thực hiện: ") {
		t.Errorf("the session's own label is lost:\n%s", after)
	}
	if n := strings.Count(after, "Nội dung"); n != len(p.Sessions) {
		t.Errorf("%d content bullets, want %d:\n%s", n, len(p.Sessions), after)
	}
}

// TestSessionSectionsLoad: the embedded sections data of the plan parses.
func TestSessionSectionsLoad(t *testing.T) {
	if len(sectionSet.Get("sessions")) == 0 {
		t.Fatal("no sessions sections")
	}
}
