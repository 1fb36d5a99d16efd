package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/docxcheck"
)

// TestLayoutAndTemplate exports the embedded layouts, changes the Party one as an office would in Word (a
// letterhead line added to the first-page header area of the body), renders the seed with it and checks the
// change is in the output; bad --template values are reported.
func TestLayoutAndTemplate(t *testing.T) {
	dir := t.TempDir()
	status, out, errOut := runCLI(t, "layout", "--out", dir)
	if status != 0 {
		t.Fatalf("layout: %d %s", status, errOut)
	}
	for _, n := range []string{"party", "party-2026", "state"} {
		if !strings.Contains(out, filepath.Join(dir, n+".docx")) {
			t.Errorf("layout did not write %s.docx: %q", n, out)
		}
	}
	src, err := os.ReadFile(filepath.Join(dir, "party.docx"))
	if err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "mine.docx")
	if err := os.WriteFile(mine, rewritePart(t, src, "word/document.xml", func(x string) string {
		return strings.Replace(x, "{{title}}", "{{title}} (MẪU RIÊNG)", 1)
	}), 0o644); err != nil {
		t.Fatal(err)
	}
	outDir := filepath.Join(dir, "out")
	status, _, errOut = runCLI(t, "render", "--out", outDir, "--template", mine, "../../examples/duc-pho-2023/plan.yaml")
	if status != 0 {
		t.Fatalf("render --template: %d %s", status, errOut)
	}
	got, err := os.ReadFile(filepath.Join(outDir, "ke-hoach-doi-thoai-2023.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if doc := docxcheck.Part(t, got, "word/document.xml"); !strings.Contains(doc, "KẾ HOẠCH (MẪU RIÊNG)") {
		t.Error("the office's template was not used")
	}

	// The State layout given for a Party document leaves it on the embedded Party layout.
	plainDir, stateDir := filepath.Join(dir, "plain"), filepath.Join(dir, "with-state")
	if status, _, errOut := runCLI(t, "render", "--out", plainDir, "../../examples/duc-pho-2023/plan.yaml"); status != 0 {
		t.Fatal(errOut)
	}
	if status, _, errOut := runCLI(t, "render", "--out", stateDir, "--template", filepath.Join(dir, "state.docx"), "../../examples/duc-pho-2023/plan.yaml"); status != 0 {
		t.Fatal(errOut)
	}
	a, _ := os.ReadFile(filepath.Join(plainDir, "ke-hoach-doi-thoai-2023.docx"))
	b, _ := os.ReadFile(filepath.Join(stateDir, "ke-hoach-doi-thoai-2023.docx"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Error("a State template changed a Party document")
	}
	headless := filepath.Join(dir, "headless.docx")
	if err := os.WriteFile(headless, rewritePart(t, src, "word/document.xml", func(x string) string {
		return strings.ReplaceAll(x, "ĐẢNG CỘNG SẢN VIỆT NAM", "")
	}), 0o644); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		args   []string
		status int
		errHas string
	}{
		{[]string{"render", "--out", outDir, "--template", filepath.Join(dir, "none.docx"), "../../examples/duc-pho-2023/plan.yaml"}, 2, "file not found"},
		{[]string{"render", "--out", outDir, "--template", "../../README.md", "../../examples/duc-pho-2023/plan.yaml"}, 1, "not a .docx"},
		{[]string{"layout", "--out", dir, "nope"}, 2, `no layout "nope"`},
		{[]string{"render", "--out", outDir, "--template", "party=" + filepath.Join(dir, "state.docx"), "../../examples/duc-pho-2023/plan.yaml"}, 2, "prints the heading of the state system"},
		{[]string{"render", "--out", outDir, "--template", headless, "../../examples/duc-pho-2023/plan.yaml"}, 2, "cannot tell which system"},
		{[]string{"render", "--out", outDir, "--template", mine, "--template", filepath.Join(dir, "party.docx"), "../../examples/duc-pho-2023/plan.yaml"}, 2, "two templates for the party system"},
		{[]string{"status", "--template", mine, "../../examples/duc-pho-2023"}, 2, "flag provided but not defined: -template"},
		{[]string{"layout"}, 2, "--out DIR is required"},
	}
	for _, tc := range cases {
		status, _, errOut := runCLI(t, tc.args...)
		if status != tc.status || !strings.Contains(errOut, tc.errHas) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q", tc.args, status, errOut, tc.status, tc.errHas)
		}
	}
}

func rewritePart(t *testing.T, docx []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			b = []byte(edit(string(b)))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
