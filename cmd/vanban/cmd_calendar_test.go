package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	status = run(args, &o, &e)
	return status, o.String(), e.String()
}

func TestDeadlineCLI(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"deadline", "--from", "2023-05-12", "--working-days", "7"}, "2023-05-23\n"},
		{[]string{"deadline", "--from", "2023-01-18", "--working-days", "7"}, "2023-02-03\n"},
		{[]string{"deadline", "--from", "2025-04-25", "--working-days", "7"}, "2025-05-08\n"},
		{[]string{"deadline", "--from", "2026-01-09", "--working-days", "1"}, "2026-01-10\n"},
		{[]string{"deadline", "--from", "2026-01-09", "--working-days", "1", "--no-swaps"}, "2026-01-12\n"},
		{[]string{"deadline", "--from", "2023-05-23", "--working-days", "-7"}, "2023-05-12\n"},
		{[]string{"deadline", "-from=2023-05-12", "-working-days=0"}, "2023-05-12\n"},
	}
	for _, tc := range cases {
		status, out, errOut := runCLI(t, tc.args...)
		if status != 0 || out != tc.want || errOut != "" {
			t.Errorf("%v: status %d, stdout %q, stderr %q; want %q", tc.args, status, out, errOut, tc.want)
		}
	}
}

func TestDeadlineExplain(t *testing.T) {
	status, out, _ := runCLI(t, "deadline", "--from", "2023-01-18", "--working-days", "7", "--explain")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if status != 0 || lines[0] != "2023-02-03" {
		t.Fatalf("status %d, out %q", status, out)
	}
	for _, want := range []string{"2023-01-20 thứ Sáu: Tết Nguyên đán", "2023-01-26 thứ Năm: Nghỉ bù Tết Nguyên đán", "2023-01-29 Chủ nhật: Chủ nhật",
		"bỏ qua / skipped 2023-01-20", "(Civil Code 2015, Article 147)"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	// 9 skipped days + header + footer
	if len(lines) != 11 {
		t.Errorf("%d lines:\n%s", len(lines), out)
	}
}

func TestDeadlineEstimateWarning(t *testing.T) {
	status, out, errOut := runCLI(t, "deadline", "--from", "2027-02-01", "--working-days", "7")
	if status != 0 || !strings.HasPrefix(out, "2027-") || !strings.Contains(errOut, "warning: no official schedule for 2027") {
		t.Errorf("status %d, out %q, err %q", status, out, errOut)
	}
}

func TestCalendarJSON(t *testing.T) {
	status, out, errOut := runCLI(t, "calendar", "--from", "2023-01-01", "--to", "2023-12-31", "--json")
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, err %q", status, errOut)
	}
	var days []map[string]any
	if err := json.Unmarshal([]byte(out), &days); err != nil {
		t.Fatal(err)
	}
	if len(days) != 365 {
		t.Fatalf("%d days", len(days))
	}
	want := `{"date":"2023-01-23","weekday":"Monday","working":false,"reason":"Tết Nguyên đán","official":true,"lunar":{"year":2023,"month":1,"day":2,"leap":false}}`
	if !strings.Contains(out, want) {
		t.Errorf("missing %s", want)
	}
	if !strings.Contains(out, `{"date":"2023-05-15","weekday":"Monday","working":true,"reason":"","official":true,"lunar":{"year":2023,"month":3,"day":26,"leap":false}}`) {
		t.Error("plain working day wrong")
	}
	_, out, _ = runCLI(t, "calendar", "--from", "2027-01-01", "--to", "2027-01-01", "--json")
	if !strings.Contains(out, `"official":false`) {
		t.Errorf("2027 must be an estimate: %s", out)
	}
	_, out, _ = runCLI(t, "calendar", "--from", "2023-03-22", "--to", "2023-03-22", "--json")
	if !strings.Contains(out, `"lunar":{"year":2023,"month":2,"day":1,"leap":true}`) {
		t.Errorf("leap month: %s", out)
	}
}

func TestCalendarTable(t *testing.T) {
	status, out, _ := runCLI(t, "calendar", "--from", "2026-01-01", "--to", "2026-01-10")
	if status != 0 || !strings.Contains(out, "02/01/2026") || !strings.Contains(out, "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)") {
		t.Errorf("status %d:\n%s", status, out)
	}
}

func TestCalendarCLIErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("years:\n  2027:\n    breaks:\n      - name: X\n        days:\n          - {date: 2027-02-30, holiday: X}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte("years:\n  2023:\n    breaks:\n      - name: Test\n        days:\n          - {date: 2023-05-15, off: Nghỉ thử}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args   []string
		status int
		errHas string
	}{
		{[]string{"deadline", "--working-days", "7"}, 2, "missing --from"},
		{[]string{"deadline", "--from", "2023-05-12"}, 2, "missing --working-days"},
		{[]string{"deadline", "--from", "2023/05/12", "--working-days", "7"}, 2, "want YYYY-MM-DD"},
		{[]string{"deadline", "--from", "2023-05-12", "--working-days", "x"}, 2, "invalid value"},
		{[]string{"deadline", "--from", "2023-05-12", "--working-days", "7", "extra"}, 2, "unexpected argument"},
		{[]string{"deadline", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"deadline", "--from", "1960-01-01", "--working-days", "7"}, 1, "outside the supported range"},
		{[]string{"deadline", "--from", "2023-02-30", "--working-days", "7"}, 1, "no such day"},
		{[]string{"calendar", "--from", "2023-01-01", "--to", "2023-13-01"}, 1, "no such day"},
		{[]string{"deadline", "--from", "2100-12-30", "--working-days", "7"}, 1, "due date 2101-01-"},
		{[]string{"deadline", "--from", "2023-05-12", "--working-days", "7", "--schedule", bad}, 1, "bad.yaml:6:20:"},
		{[]string{"deadline", "--from", "2023-05-12", "--working-days", "7", "--schedule", filepath.Join(dir, "none.yaml")}, 1, "no such file"},
		{[]string{"calendar", "--from", "2023-01-02"}, 2, "missing --to"},
		{[]string{"calendar", "--from", "2023-01-02", "--to", "2023-01-01"}, 2, "before --from"},
		{[]string{"calendar", "--from", "2023-01-02", "--to", "2101-01-01"}, 1, "outside the supported range"},
	}
	for _, tc := range cases {
		status, out, errOut := runCLI(t, tc.args...)
		if status != tc.status || !strings.Contains(errOut, tc.errHas) || strings.Count(strings.TrimRight(errOut, "\n"), "\n") > 0 && tc.status == 1 {
			t.Errorf("%v: status %d, stdout %q, stderr %q; want status %d and %q", tc.args, status, out, errOut, tc.status, tc.errHas)
		}
	}
	status, out, _ := runCLI(t, "deadline", "--from", "2023-05-12", "--working-days", "1", "--schedule", good)
	if status != 0 || out != "2023-05-16\n" {
		t.Errorf("schedule file: %d %q", status, out)
	}
	status, _, errOut := runCLI(t, "deadline", "-h")
	if status != 0 || !strings.Contains(errOut, "usage: vanban deadline") {
		t.Errorf("-h: %d %q", status, errOut)
	}
}
