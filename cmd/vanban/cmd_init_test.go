package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitCommand: init writes a folder that validate accepts, refuses to write over it, and reports a wrong
// kind as a usage error.
func TestInitCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "xa")
	status, stdout, stderr := runCLI(t, "init", dir, "--kind", "dang-uy-xa")
	if status != 0 || !strings.Contains(stdout, "plan.yaml") || !strings.Contains(stderr, "vanban validate") {
		t.Fatalf("init: %d %q %q", status, stdout, stderr)
	}
	if status, _, stderr := runCLI(t, "validate", "--strict", dir); status != 0 {
		t.Errorf("validate: %d %s", status, stderr)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "plan.yaml"))
	status, _, stderr = runCLI(t, "init", dir)
	if status != 0 {
		// another kind into the same folder: its files differ but office.yaml and plan.yaml exist
		if status != 1 || !strings.Contains(stderr, "không ghi đè") || !strings.Contains(stderr, "not overwritten") {
			t.Errorf("init over a folder: %d %q", status, stderr)
		}
	} else {
		t.Errorf("init over an existing folder succeeded")
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "plan.yaml")); string(after) != string(before) {
		t.Error("plan.yaml overwritten")
	}
	if status, _, stderr := runCLI(t, "init", "--kind", "ubnd-huyen", t.TempDir()); status != 2 || !strings.Contains(stderr, "no such kind") {
		t.Errorf("wrong kind: %d %q", status, stderr)
	}
	if status, _, _ := runCLI(t, "init"); status != 2 {
		t.Errorf("no folder: %d", status)
	}
}

// TestRenderPDF: render --pdf writes a PDF beside each .docx; without LibreOffice it says which program is
// missing, in both languages, and writes nothing.
func TestRenderPDF(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	if status, _, stderr := runCLI(t, "init", "--kind", "ubnd-xa", src); status != 0 {
		t.Fatal(stderr)
	}
	out := filepath.Join(t.TempDir(), "out")
	t.Setenv("VANBAN_SOFFICE", filepath.Join(t.TempDir(), "soffice"))
	status, _, stderr := runCLI(t, "render", src, "--out", out, "--pdf")
	if status != 1 || !strings.Contains(stderr, "soffice") || !strings.Contains(stderr, "không tìm thấy LibreOffice") || !strings.Contains(stderr, "LibreOffice not found") {
		t.Errorf("no LibreOffice: %d %q", status, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("render --pdf without LibreOffice wrote the outputs")
	}
	os.Unsetenv("VANBAN_SOFFICE")
	if _, err := exec.LookPath("soffice"); err != nil && os.Getenv("VANBAN_REQUIRE_TOOLS") != "1" {
		t.Skip("LibreOffice not installed")
	}
	status, stdout, stderr := runCLI(t, "render", src, "--out", out, "--pdf")
	if status != 0 {
		t.Fatalf("render --pdf: %d %s", status, stderr)
	}
	for _, name := range []string{"ke-hoach-doi-thoai-2026.pdf", "invitation-q3.pdf"} {
		if st, err := os.Stat(filepath.Join(out, name)); err != nil || st.Size() == 0 || !strings.Contains(stdout, name) {
			t.Errorf("%s: %v; stdout %q", name, err, stdout)
		}
	}
}
