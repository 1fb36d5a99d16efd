package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRenderPlanExamples(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	if st := run([]string{"render", "--out", out, "../../examples/duc-pho-2023", "../../examples/phuong-2026/plan.yaml"}, &stdout, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	for _, name := range []string{"ke-hoach-doi-thoai-2023.docx", "ke-hoach-doi-thoai-2026.docx"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || !bytes.HasPrefix(data, []byte("PK")) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestRenderWritesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile("../../examples/duc-pho-2023/plan.yaml")
	os.WriteFile(filepath.Join(dir, "a.yaml"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "b.yaml"), []byte("kind: plan\nsumary: x\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.yaml"), []byte("title: x\n"), 0o644)
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if st := run([]string{"render", "--out", out, dir}, &stdout, &stderr); st != 1 {
		t.Fatalf("status %d, want 1", st)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output directory written despite errors")
	}
	msg := stderr.String()
	for _, want := range []string{"b.yaml:2:1: sumary:", "c.yaml:1:1: kind: thiếu khóa kind"} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msg)
		}
	}
}

func TestValidate(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if st := run([]string{"validate", "../../examples/duc-pho-2023/plan.yaml"}, &stdout, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	if stdout.String() != "../../examples/duc-pho-2023/plan.yaml: OK\n" {
		t.Errorf("stdout %q", stdout.String())
	}
	stdout.Reset()
	if st := run([]string{"validate", "../../plan/testdata/invalid/sessions.yaml"}, &stdout, &stderr); st != 1 {
		t.Errorf("status %d, want 1", st)
	}
	if st := run([]string{"render", "x.yaml"}, &stdout, &stderr); st != 2 {
		t.Errorf("render without --out: status %d, want 2", st)
	}
}

// TestNothingWrittenWhenThirdFileBad: of three inputs the third is bad; render, ics and validate exit 1 with
// file:line:col, field path and both languages for each mistake, and render creates neither the output
// directory nor any file, ics no file.
func TestNothingWrittenWhenThirdFileBad(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"plan.yaml", "session-q1.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../examples/duc-pho-2023", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := "kind: conclusion\nplan: plan.yaml\nsession: q1\nheld_on: 2023-13-01\nannouncer: X\npetitions: [{who: A}]\n" +
		"conclusions: [C]\nreport_to: Y\nassignments: [{id: a, body: B, task: T, due_working_days: -1}]\nrecipients: [R]\ncolour: red\n"
	if err := os.WriteFile(filepath.Join(in, "z-conclusion.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`z-conclusion.yaml:4:10: held_on: ngày không hợp lệ "2023-13-01", cần dạng NĂM-THÁNG-NGÀY hoặc NGÀY/THÁNG/NĂM có thật, ví dụ 2023-02-15 hoặc 15/02/2023 / invalid date "2023-13-01", expected a real date YYYY-MM-DD or DD/MM/YYYY, e.g. 2023-02-15 or 15/02/2023`,
		`z-conclusion.yaml:6:13: petitions[0].text: thiếu giá trị bắt buộc / a value is required`,
		`z-conclusion.yaml:9:59: assignments[0].due_working_days: phải lớn hơn hoặc bằng 0 (đang là -1) / must be at least 0 (is -1)`,
		`z-conclusion.yaml:11:1: colour: khóa không hợp lệ "colour"`,
	}
	out := filepath.Join(dir, "out")
	ics := filepath.Join(dir, "cycle.ics")
	for _, args := range [][]string{{"render", "--out", out, in}, {"ics", "--out", ics, in}, {"validate", in}} {
		var stdout, stderr bytes.Buffer
		if st := run(args, &stdout, &stderr); st != 1 {
			t.Errorf("%v: status %d, want 1", args, st)
		}
		for _, w := range want {
			if strings.Count(stderr.String(), w) != 1 {
				t.Errorf("%v: stderr lacks (or repeats) %q:\n%s", args, w, stderr.String())
			}
		}
		if args[0] != "validate" && stdout.Len() > 0 {
			t.Errorf("%v: stdout %q", args, stdout.String())
		}
	}
	for _, p := range []string{out, ics} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s exists despite the errors", p)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files written next to the input: %v", entries)
	}
}

// TestPlanDayOffWarning: a plan session dated on a day off is a warning with its position (an error with
// --strict), through render and validate.
func TestPlanDayOffWarning(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../examples/phuong-2026/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Replace(string(data), "time: 2026-03-19 08:00", "time: 2026-04-27 08:00", 1)
	if in == string(data) {
		t.Fatal("session time not found in the example")
	}
	in = strings.Replace(in, "quarter: 1", "quarter: 2", 1)
	file := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(file, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if st := run([]string{"validate", file}, &stdout, &stderr); st != 0 {
		t.Fatalf("validate: status %d: %s", st, stderr.String())
	}
	const want = "sessions[0].time: ngày 27/4/2026 (thứ Hai) không phải ngày làm việc"
	if !strings.Contains(stderr.String(), "cảnh báo / warning: "+file+":") || !strings.Contains(stderr.String(), want) {
		t.Errorf("validate: stderr %q", stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	out := filepath.Join(dir, "out")
	if st := run([]string{"render", "--strict", "--out", out, file}, &stdout, &stderr); st != 1 || !strings.Contains(stderr.String(), want) || strings.Contains(stderr.String(), "warning") {
		t.Errorf("render --strict: status %d, stderr %q", st, stderr.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("render --strict wrote output")
	}
}

// TestPlanWithoutSessionsCLI: a plan whose sessions are announced later validates and renders.
func TestPlanWithoutSessionsCLI(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(file, []byte(planWithoutSessions), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if st := run([]string{"validate", file}, &stdout, &stderr); st != 0 || stderr.Len() != 0 {
		t.Fatalf("validate: status %d: %s", st, stderr.String())
	}
	if st := run([]string{"render", "--out", filepath.Join(dir, "out"), file}, &stdout, &stderr); st != 0 {
		t.Fatalf("render: status %d: %s", st, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "plan.docx")); err != nil {
		t.Error(err)
	}
}

const planWithoutSessions = `kind: plan
issuer: {system: state, name: [ỦY BAN NHÂN DÂN, PHƯỜNG AN HÒA], code: UBND, place: An Hòa}
document: {type: Kế hoạch, date: 2026-01-10}
summary: Đối thoại trực tiếp với Nhân dân năm {{year}}
conclusion_deadline_working_days: 10
body:
  - part: Nội dung, thời gian
    content:
      - paragraph: Thời gian, địa điểm cụ thể sẽ có thông báo sau.
recipients: [Ủy ban nhân dân thành phố (báo cáo)]
archive: "Lưu: VT"
signature: {mark: TM., authority: ỦY BAN NHÂN DÂN, position: CHỦ TỊCH, name: Nguyễn Văn A}
`
