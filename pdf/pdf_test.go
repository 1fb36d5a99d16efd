package pdf_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/pdf"
	"github.com/vanban/vanban/render"
	"github.com/vanban/vanban/starter"
)

// need skips t when a tool is missing, or fails it with VANBAN_REQUIRE_TOOLS=1 (CI).
func need(t *testing.T, tool string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("VANBAN_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is required (VANBAN_REQUIRE_TOOLS=1) but not installed", tool)
	}
	t.Skipf("%s not installed", tool)
}

var pageSize = regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`)

// TestConvertA4: the documents of a starting folder, rendered, become one A4 PDF each beside its .docx, in
// one LibreOffice run; no staging folder is left.
func TestConvertA4(t *testing.T) {
	_, err := pdf.Find()
	need(t, "LibreOffice (soffice)", err == nil)
	_, err = exec.LookPath("pdfinfo")
	need(t, "pdfinfo (poppler-utils)", err == nil)
	src := filepath.Join(t.TempDir(), "src")
	if _, err := starter.Write(src, starter.PartyCommune); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	rep, err := render.Run(context.Background(), render.Dir(out), render.Options{}, src)
	if err != nil {
		t.Fatal(err)
	}
	var docx []string
	for _, o := range rep.Outputs {
		docx = append(docx, filepath.Join(out, o.Name))
	}
	pdfs, err := pdf.Convert(context.Background(), docx...)
	if err != nil {
		t.Fatal(err)
	}
	if len(pdfs) != len(docx) {
		t.Fatalf("pdfs %v for %v", pdfs, docx)
	}
	for i, p := range pdfs {
		if want := strings.TrimSuffix(docx[i], ".docx") + ".pdf"; p != want {
			t.Errorf("pdf %s, want %s", p, want)
		}
		info, err := exec.Command("pdfinfo", p).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", p, err)
		}
		m := pageSize.FindStringSubmatch(string(info))
		if m == nil || !near(m[1], 595.3) || !near(m[2], 841.9) {
			t.Errorf("%s: not A4: %q", p, m)
		}
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left %s", e.Name())
		}
	}
	// A read-only PDF is refused, not replaced.
	if err := os.Chmod(pdfs[0], 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(pdfs[0])
	if _, err := pdf.Convert(context.Background(), docx[0]); !errors.Is(err, os.ErrPermission) || !strings.Contains(err.Error(), pdfs[0]) {
		t.Errorf("read-only PDF: %v", err)
	}
	if after, _ := os.ReadFile(pdfs[0]); string(after) != string(before) {
		t.Error("read-only PDF replaced")
	}
}

func near(s string, want float64) bool {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false
	}
	return v > want-1 && v < want+1
}

// TestNoLibreOffice: without LibreOffice, Find and Convert name the missing program in both languages.
func TestNoLibreOffice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	saved := *pdf.Places
	*pdf.Places = nil
	defer func() { *pdf.Places = saved }()
	_, err := pdf.Find()
	if !errors.Is(err, pdf.ErrNoLibreOffice) || !strings.Contains(err.Error(), "soffice") || !strings.Contains(err.Error(), "không tìm thấy") {
		t.Errorf("Find: %v", err)
	}
	f := filepath.Join(t.TempDir(), "a.docx")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := pdf.Convert(context.Background(), f); !errors.Is(err, pdf.ErrNoLibreOffice) {
		t.Errorf("Convert: %v", err)
	}
}
