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
	if stderr != "" {
		t.Errorf("unexpected warnings:\n%s", stderr)
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
	if status, _, _ := runCLI(t, "status", "--as-of", "2023/04/20", noticeExample); status != 2 {
		t.Errorf("bad --as-of: status %d, want 2", status)
	}
	if status, _, stderr := runCLI(t, "status", "--as-of", "9999-12-31", noticeExample); status != 1 || !strings.Contains(stderr, "outside the supported range") {
		t.Errorf("--as-of 9999-12-31: status %d, stderr %q", status, stderr)
	}
	// Day first, as Vietnamese offices write dates.
	if status, _, stderr := runCLI(t, "status", "--as-of", "20/4/2023", noticeExample); status != 0 {
		t.Errorf("--as-of 20/4/2023: status %d, stderr %q", status, stderr)
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
	file := lateConclusion(t, dir)
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

// lateConclusion writes a conclusion notice dated 2 working days after its deadline into dir.
func lateConclusion(t *testing.T, dir string) string {
	t.Helper()
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
	return file
}

// TestRenderStrict: a late conclusion notice is a warning on the command's stderr (the document is written);
// with --strict it is an error, exit 1, and nothing is written. validate behaves the same.
func TestRenderStrict(t *testing.T) {
	dir := t.TempDir()
	file := lateConclusion(t, dir)
	const where = "late.yaml:5:18: document.date:"

	out := filepath.Join(dir, "out")
	status, stdout, stderr := runCLI(t, "render", "--out", out, file)
	if status != 0 || !strings.Contains(stderr, "cảnh báo / warning: ") || !strings.Contains(stderr, where) {
		t.Fatalf("render: status %d, stderr %q", status, stderr)
	}
	if !strings.Contains(stdout, "late.docx") {
		t.Errorf("render: stdout %q", stdout)
	}

	out2 := filepath.Join(dir, "out-strict")
	status, stdout, stderr = runCLI(t, "render", "--strict", "--out", out2, file)
	if status != 1 || !strings.Contains(stderr, where) || strings.Contains(stderr, "warning") || stdout != "" {
		t.Errorf("render --strict: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Errorf("render --strict created %s", out2)
	}

	status, stdout, stderr = runCLI(t, "validate", file)
	if status != 0 || !strings.HasSuffix(stdout, "late.yaml: OK\n") || !strings.Contains(stderr, where) {
		t.Errorf("validate: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	status, stdout, stderr = runCLI(t, "validate", "--strict", file)
	if status != 1 || stdout != "" || !strings.Contains(stderr, where) || strings.Count(stderr, where) != 1 {
		t.Errorf("validate --strict: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
}

// TestRenderCalendarFlags: render and validate take the calendar flags; a missing schedule file is a usage
// error, a schedule that does not read is bad data.
func TestRenderCalendarFlags(t *testing.T) {
	dir := t.TempDir()
	if status, _, stderr := runCLI(t, "validate", "--no-swaps", filepath.Join(noticeExample, "session-q1.yaml")); status != 0 {
		t.Errorf("--no-swaps: status %d: %s", status, stderr)
	}
	if status, _, _ := runCLI(t, "render", "--out", filepath.Join(dir, "o"), "--schedule", filepath.Join(dir, "none.yaml"), noticeExample); status != 2 {
		t.Errorf("missing --schedule file: status %d, want 2", status)
	}
	bad := filepath.Join(dir, "bad-schedule.yaml")
	if err := os.WriteFile(bad, []byte("năm: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	status, _, stderr := runCLI(t, "render", "--out", filepath.Join(dir, "o"), "--schedule", bad, noticeExample)
	if status != 1 || !strings.Contains(stderr, "bad-schedule.yaml") {
		t.Errorf("bad --schedule file: status %d, stderr %q", status, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "o")); !os.IsNotExist(err) {
		t.Error("output directory created despite the bad schedule")
	}
}

// TestPlanFileInputs: given a plan FILE, milestones, status and ics read that plan and the files beside it that
// name it; unrelated bad files beside it do not matter, but a bad file that names the plan is an error. Given
// the directory, every file counts.
func TestPlanFileInputs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"plan.yaml", "session-q1.yaml", "conclusion-q1.yaml"} {
		data, err := os.ReadFile(filepath.Join(noticeExample, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("notes.yaml", "kind: nothing\nx: [\n")                                                            // not YAML at all
	write("other-plan.yaml", "kind: plan\nsummary: x\n")                                                    // another (broken) plan
	write("other-session.yaml", "kind: session\nplan: other-plan.yaml\nsession: q1\nheld_on: 2023-02-30\n") // of the other plan
	planFile := filepath.Join(dir, "plan.yaml")

	status, stdout, stderr := runCLI(t, "milestones", planFile)
	if status != 0 || !strings.Contains(stdout, "24/3/2023") || stderr != "" {
		t.Fatalf("milestones PLAN: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	if status, stdout, stderr := runCLI(t, "status", "--as-of", "2023-04-20", planFile); status != 0 || !strings.Contains(stdout, "q1-1") {
		t.Errorf("status PLAN: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	if status, _, stderr := runCLI(t, "ics", "--out", filepath.Join(t.TempDir(), "x.ics"), planFile); status != 0 {
		t.Errorf("ics PLAN: status %d, stderr %q", status, stderr)
	}
	// The directory: every file, the bad ones too.
	if status, _, stderr := runCLI(t, "milestones", dir); status != 1 || !strings.Contains(stderr, "other-session.yaml:") {
		t.Errorf("milestones DIR: status %d, stderr %q", status, stderr)
	}
	// A broken file that names the plan is still an error, with its position.
	write("session-q2.yaml", "kind: session\nplan: plan.yaml\nsession: q2\nheld_on: 2023-05-32\n")
	status, _, stderr = runCLI(t, "milestones", planFile)
	if status != 1 || !strings.Contains(stderr, "session-q2.yaml:4:10: held_on:") || strings.Contains(stderr, "other-") || strings.Contains(stderr, "notes.yaml") {
		t.Errorf("milestones PLAN with a bad session file: status %d, stderr %q", status, stderr)
	}
	// -h documents it.
	if _, _, stderr := runCLI(t, "milestones", "-h"); !strings.Contains(stderr, `whose "plan:" key names it`) {
		t.Errorf("milestones -h: %q", stderr)
	}
}

// TestCLIDataErrors: a date that does not exist and a missing input are bad data (exit 1), with the command's
// prefix and both languages; flag mistakes are one line (exit 2).
func TestCLIDataErrors(t *testing.T) {
	status, _, stderr := runCLI(t, "status", "--as-of", "2023-02-30", noticeExample)
	if status != 1 || !strings.HasPrefix(stderr, "vanban status: --as-of: ngày 2023-02-30 không có thật / ") {
		t.Errorf("status --as-of 2023-02-30: status %d, stderr %q", status, stderr)
	}
	for _, cmd := range [][]string{{"validate"}, {"render", "--out", t.TempDir()}, {"milestones"}, {"status"}, {"ics", "--out", "x.ics"}} {
		name := cmd[0]
		status, _, stderr := runCLI(t, append(cmd, "nonexist.yaml")...)
		want := "vanban " + name + ": không tìm thấy tệp hoặc thư mục nonexist.yaml / file or directory not found: nonexist.yaml\n"
		if status != 1 || stderr != want {
			t.Errorf("%s nonexist.yaml: status %d, stderr %q, want %q", name, status, stderr, want)
		}
		status, _, stderr = runCLI(t, append(cmd, "--bogus", "x.yaml")...)
		if status != 2 || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "vanban "+name+": ") {
			t.Errorf("%s --bogus: status %d, stderr %q", name, status, stderr)
		}
	}
}

// TestPlanFileBrokenYAML: a file beside the plan that names it but is not YAML at all is reported with its
// line and column.
func TestPlanFileBrokenYAML(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join(noticeExample, "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plan.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte("kind: session\nplan: plan.yaml\nsession: q1\nheld_on: 2023\x00-03-15\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	status, _, stderr := runCLI(t, "milestones", filepath.Join(dir, "plan.yaml"))
	if status != 1 || !strings.Contains(stderr, "s.yaml:4:14: tệp chứa ký tự điều khiển U+0000") {
		t.Errorf("status %d, stderr %q", status, stderr)
	}
}

// TestRenderOtherBodies renders the documents of other bodies kept in notice/testdata/other-bodies, each
// directory with its plan, strictly: their YAML alone shapes them (headings, answers under petitions, free
// blocks), and a mistake in the new keys is a positioned data error.
func TestRenderOtherBodies(t *testing.T) {
	root := filepath.Join("..", "..", "notice", "testdata", "other-bodies")
	for dir, want := range map[string][]string{
		"ubnd-xa":        {"plan.docx", "thong-bao-ket-luan.docx"},
		"dang-uy-phuong": {"plan.docx", "giay-moi-q3.docx"},
		"chuyen-de":      {"plan.docx", "ket-luan-cd2.docx"},
	} {
		out := t.TempDir()
		status, stdout, stderr := runCLI(t, "render", "--strict", "--out", out, filepath.Join(root, dir))
		if status != 0 || stderr != "" {
			t.Fatalf("%s: status %d, stderr:\n%s", dir, status, stderr)
		}
		for _, f := range want {
			if _, err := os.Stat(filepath.Join(out, f)); err != nil {
				t.Errorf("%s: %s not written (stdout:\n%s)", dir, f, stdout)
			}
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	plan, err := filepath.Abs(filepath.Join(root, "ubnd-xa", "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	data := "kind: conclusion\nplan: " + plan + "\nsession: q3\nannouncer: UBND xã\n" +
		"headings: {answers: Trả lời}\nafter: [{paragraph: \"**x\"}]\nrecipients: [Phòng Kinh tế]\n"
	if err := os.WriteFile(bad, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	status, _, stderr := runCLI(t, "validate", bad)
	for _, w := range []string{"bad.yaml:5:12: headings.answers: khóa không hợp lệ", "bad.yaml:6:21: after[0].paragraph:",
		"bad.yaml:1:1: conclusions: thông báo kết luận chưa kết luận gì"} {
		if status != 1 || !strings.Contains(stderr, w) {
			t.Errorf("status %d, stderr lacks %q:\n%s", status, w, stderr)
		}
	}
}

// TestMilestonesEstimatedMarked: the milestones of a year whose days off are estimated (no announced schedule)
// carry a "*" and a note in Vietnamese and English; those of an announced year do not.
func TestMilestonesEstimatedMarked(t *testing.T) {
	dir := t.TempDir()
	names, _ := filepath.Glob(filepath.Join(noticeExample, "*.yaml"))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(n)), []byte(strings.ReplaceAll(string(data), "2023", "2027")), 0o644)
	}
	status, stdout, stderr := runCLI(t, "milestones", filepath.Join(dir, "plan.yaml"))
	if status != 0 || !strings.Contains(stdout, "/2027 *") || !strings.Contains(stdout, "* ngày ước tính") || !strings.Contains(stdout, "estimated date") {
		t.Errorf("milestones of 2027: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	_, stdout, _ = runCLI(t, "milestones", filepath.Join(noticeExample, "plan.yaml"))
	if strings.Contains(stdout, "*") {
		t.Errorf("milestones of 2023 marked estimated:\n%s", stdout)
	}
}
