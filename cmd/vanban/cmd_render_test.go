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
