//go:build unix

package notice

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPlanRefProblems: what a plan: key names is checked before it is read and reported at the plan: line —
// a device, a FIFO (which would hang), a directory, a file of another kind — and a plan with a syntax error
// gets its own error with its position, not "not a notice input file" (issues 12 and 13).
func TestPlanRefProblems(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("kind: plan\nsummary: \"unclosed\nissuer:\n  name: \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.yaml")
	if err := os.WriteFile(other, []byte("kind: calendar-export\nplan: plan.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	session, err := os.ReadFile("../examples/phuong-2026/invitation-q2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for ref, want := range map[string][]string{
		"/dev/zero": {"s.yaml:5:7: plan: tệp kế hoạch \"/dev/zero\": một thiết bị", "a device, not a regular file"},
		fifo:        {"s.yaml:5:7: plan: ", "a pipe (FIFO), not a regular file"},
		dir:         {"s.yaml:5:7: plan: ", "a directory, not a regular file"},
		other:       {"s.yaml:5:7: plan: ", `is not a plan file (kind: plan) but kind: "calendar-export"`},
		broken:      {"broken.yaml:2:10: lỗi cú pháp YAML: dấu ngoặc \" mở ở đây", "s.yaml:5:7: plan: tệp kế hoạch"},
	} {
		in := strings.Replace(string(session), "plan: plan.yaml", "plan: "+ref, 1)
		f := filepath.Join(t.TempDir(), "s.yaml")
		if err := os.WriteFile(f, []byte(in), 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { _, err := Load(Options{}, f); done <- err }()
		select {
		case err := <-done:
			if err == nil {
				t.Errorf("%s: no error", ref)
				continue
			}
			for _, w := range want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%s: %q not in\n%v", ref, w, err)
				}
			}
			if strings.Contains(err.Error(), "not a notice input file") {
				t.Errorf("%s: misleading message: %v", ref, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Load hangs", ref)
		}
	}
}

// TestConclusionRefProblems: a follow-up's conclusions entry naming a FIFO or a device is refused at that entry,
// without hanging (issue 13).
func TestConclusionRefProblems(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../examples/duc-pho-2023/followup-2023-04-20.yaml")
	if err != nil {
		t.Fatal(err)
	}
	plan, _ := filepath.Abs("../examples/duc-pho-2023/plan.yaml")
	for ref, want := range map[string]string{fifo: "a pipe (FIFO)", "/dev/zero": "a device"} {
		in := strings.NewReplacer("plan: plan.yaml", "plan: "+plan, "  - conclusion-q1.yaml", "  - "+ref).Replace(string(data))
		f := filepath.Join(t.TempDir(), "f.yaml")
		if err := os.WriteFile(f, []byte(in), 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { _, err := Load(Options{}, f); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "f.yaml:19:5: conclusions[0]: tệp \""+ref+"\"") || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: got %v", ref, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Load hangs", ref)
		}
	}
}

// TestOfficeRefProblems: an office: key naming a device is refused at that key, naming it.
func TestOfficeRefProblems(t *testing.T) {
	data, err := os.ReadFile("../examples/office-adhoc/invitation-adhoc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Replace(string(data), "office: office.yaml", "office: /dev/zero", 1)
	if in == string(data) {
		t.Fatal("no office line")
	}
	f := filepath.Join(t.TempDir(), "s.yaml")
	if err := os.WriteFile(f, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(Options{}, f)
	if err == nil || !strings.Contains(err.Error(), ": office: tệp hồ sơ cơ quan \"/dev/zero\": một thiết bị") {
		t.Errorf("got %v", err)
	}
}
