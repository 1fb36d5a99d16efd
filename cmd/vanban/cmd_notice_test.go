package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

const noticeExample = "../../examples/duc-pho-2023"

// TestRenderExampleDirectory is the README's main command: the whole 2023 set.
func TestRenderExampleDirectory(t *testing.T) {
	out := t.TempDir()
	var warn bytes.Buffer
	noticeWarnings = &warn
	defer func() { noticeWarnings = os.Stderr }()
	status, stdout, stderr := runCLI(t, "render", "--out", out, noticeExample)
	if status != 0 {
		t.Fatalf("status %d, stderr:\n%s", status, stderr)
	}
	for _, f := range []string{"ke-hoach-doi-thoai-2023.docx", "session-q1.docx", "session-q2.docx", "session-q3.docx",
		"session-q4.docx", "conclusion-q1.docx", "followup-2023-04-20.docx", "reception-2023.docx", "lich-doi-thoai-2023.ics"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s not written (stdout:\n%s)", f, stdout)
		}
	}
	if warn.Len() > 0 {
		t.Errorf("unexpected warnings:\n%s", warn.String())
	}
}

func TestICSCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "cycle.ics")
	status, _, stderr := runCLI(t, "ics", "--out", out, filepath.Join(noticeExample, "plan.yaml"))
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cal.Events()); n < 20 {
		t.Errorf("%d events", n)
	}
	if status, _, _ := runCLI(t, "ics", noticeExample); status != 2 {
		t.Errorf("ics without --out: status %d, want 2", status)
	}
}

func TestStatusCommand(t *testing.T) {
	status, stdout, stderr := runCLI(t, "status", "--as-of", "2023-04-20", filepath.Join(noticeExample, "followup-2023-04-20.yaml"))
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, want := range []string{"q1-3", "Quá hạn 6 ngày làm việc", "Hoàn thành chậm 3 ngày làm việc", "Tổng số 3"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("missing %q in:\n%s", want, stdout)
		}
	}
	if status, _, _ := runCLI(t, "status", "--as-of", "20/4/2023", noticeExample); status != 2 {
		t.Errorf("bad --as-of: status %d, want 2", status)
	}
}

func TestMilestonesCommand(t *testing.T) {
	status, stdout, stderr := runCLI(t, "milestones", filepath.Join(noticeExample, "plan.yaml"))
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, want := range []string{"24/3/2023", "Hạn ban hành thông báo kết luận", "29/5/2023"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("missing %q in:\n%s", want, stdout)
		}
	}
}

// TestNoticeBadData: bad data is exit 1 with file:line:col, nothing written; --strict turns a late conclusion
// notice into an error.
func TestNoticeBadData(t *testing.T) {
	dir := t.TempDir()
	plan, err := filepath.Abs(filepath.Join(noticeExample, "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	late := "kind: conclusion\nplan: " + plan + "\nsession: q1\nheld_on: 2023-03-15\ndocument: {date: 2023-03-28}\n" +
		"announcer: Thường trực Thị ủy\npetitions: [{who: Ông A, text: kiến nghị}]\nconclusions: [Giao giải quyết]\n" +
		"report_to: Thường trực Thị ủy\nassignments: [{id: a1, body: UBND, task: Giải quyết}]\nrecipients: [UBND]\n"
	file := filepath.Join(dir, "late.yaml")
	if err := os.WriteFile(file, []byte(late), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "x.ics")
	status, _, stderr := runCLI(t, "ics", "--strict", "--out", out, file)
	if status != 1 || !strings.Contains(stderr, "late.yaml:5:18: document.date:") || !strings.Contains(stderr, "2 working day(s) late") {
		t.Errorf("strict: status %d, stderr %q", status, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("output written despite the error")
	}
	status, _, stderr = runCLI(t, "status", "--as-of", "2023-04-20", file)
	if status != 0 || !strings.Contains(stderr, "warning") {
		t.Errorf("not strict: status %d, stderr %q", status, stderr)
	}
}
