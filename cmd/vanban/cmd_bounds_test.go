//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNothingHangsOnSpecialFiles: a FIFO or /dev/zero given as an input, inside an input folder or as
// --schedule is refused with a message naming it, exit 1, without hanging or reading without end (issue 13).
func TestNothingHangsOnSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(t.TempDir(), "in")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(folder, "a.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", fifo}, "a pipe (FIFO)"},
		{[]string{"validate", folder}, "a pipe (FIFO)"},
		{[]string{"render", "--out", t.TempDir(), fifo}, "a pipe (FIFO)"},
		{[]string{"deadline", "--from", "2026-03-02", "--working-days", "3", "--schedule", "/dev/zero"}, "a device"},
		{[]string{"deadline", "--from", "2026-03-02", "--working-days", "3", "--schedule", fifo}, "a pipe (FIFO)"},
	} {
		type result struct {
			status         int
			stdout, stderr string
		}
		done := make(chan result, 1)
		go func() {
			s, o, e := runCLI(t, c.args...)
			done <- result{s, o, e}
		}()
		select {
		case r := <-done:
			if r.status != 1 || !strings.Contains(r.stderr+r.stdout, c.want) {
				t.Errorf("%v: status %d, stdout %q, stderr %q; want 1 and %q", c.args, r.status, r.stdout, r.stderr, c.want)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%v hangs", c.args)
		}
	}
}

// TestLegacyEncodingExit: a file saved in Windows-1258 exits 1 with a message naming the encoding and UTF-8,
// at its line (issue 12 contract).
func TestLegacyEncodingExit(t *testing.T) {
	f := filepath.Join(t.TempDir(), "plan.yaml")
	if err := os.WriteFile(f, []byte("kind: plan\nsummary: K\xEA\xEC ho\xF2ch \xF0\xF4\xECi tho a\xF2i\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	status, _, stderr := runCLI(t, "validate", f)
	if status != 1 || !strings.Contains(stderr, "plan.yaml:2:11:") || !strings.Contains(stderr, "Windows-1258") ||
		!strings.Contains(stderr, "UTF-8") || !strings.Contains(stderr, "Notepad") {
		t.Errorf("status %d, stderr %q", status, stderr)
	}
}
