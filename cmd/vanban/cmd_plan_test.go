package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidateStrictNamesEveryFile: with --strict, a file whose own text is fine but which reads a file with an
// error (here a calendar export reading a late conclusion notice) still gets its line, and the error is printed
// once, at its own file.
func TestValidateStrictNamesEveryFile(t *testing.T) {
	dir := t.TempDir()
	late := lateConclusion(t, dir)
	plan, err := filepath.Abs(filepath.Join(noticeExample, "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(dir, "lich.yaml")
	if err := os.WriteFile(export, []byte("kind: calendar-export\nplan: "+plan+"\ninclude: [late.yaml]\noutput: x.ics\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	status, stdout, stderr := runCLI(t, "validate", "--strict", late, export)
	if status != 1 || !strings.Contains(stdout, "lich.yaml: phụ thuộc tệp có lỗi / depends on a file with errors") ||
		strings.Count(stderr, "late.yaml:5:18: document.date:") != 1 {
		t.Errorf("validate --strict: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
}
