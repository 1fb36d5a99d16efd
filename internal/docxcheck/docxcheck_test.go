package docxcheck

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateRejectsJunk(t *testing.T) {
	p := filepath.Join(t.TempDir(), "junk.docx")
	if err := os.WriteFile(p, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := mustRun(t, p)
	if len(errs) == 0 {
		t.Fatal("validator accepted a junk file")
	}
}

func TestToolMissingSkipsOrFails(t *testing.T) {
	// toolMissing must skip without VANBAN_REQUIRE_TOOLS and fail with it.
	t.Setenv(RequireToolsEnv, "")
	ft := &fakeTB{TB: t}
	func() {
		defer func() { recover() }()
		toolMissing(ft, "x", "y")
	}()
	if !ft.skipped || ft.failed {
		t.Errorf("without %s: skipped=%v failed=%v", RequireToolsEnv, ft.skipped, ft.failed)
	}
	t.Setenv(RequireToolsEnv, "1")
	ft = &fakeTB{TB: t}
	func() {
		defer func() { recover() }()
		toolMissing(ft, "x", "y")
	}()
	if !ft.failed {
		t.Errorf("with %s=1 a missing tool must fail", RequireToolsEnv)
	}
}

type fakeTB struct {
	testing.TB
	skipped, failed bool
}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Skip(args ...any)      { f.skipped = true; panic("skip") }
func (f *fakeTB) Fatalf(string, ...any) { f.failed = true; panic("fail") }

// minimalDocx is a tiny valid document saying "Xin chào LibreOffice".
func minimalDocx(t *testing.T) string {
	t.Helper()
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Xin chào LibreOffice</w:t></w:r></w:p></w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, _ := zw.Create(f.name)
		w.Write([]byte(f.body))
	}
	zw.Close()
	p := filepath.Join(t.TempDir(), "min.docx")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestValidateAndConvertMinimal(t *testing.T) {
	p := minimalDocx(t)
	t.Run("validate", func(t *testing.T) {
		t.Parallel()
		Validate(t, p)
	})
	t.Run("pdf", func(t *testing.T) {
		t.Parallel()
		text := PDFText(t, ConvertPDF(t, p))
		if !strings.Contains(text, "Xin chào LibreOffice") {
			t.Errorf("PDF text: %q", text)
		}
	})
}

func TestValidateFindsSchemaErrors(t *testing.T) {
	// <w:br/> inside <w:t>: what nguyenthenguyen/docx writes for "\n".
	p := minimalDocx(t)
	b, _ := os.ReadFile(p)
	zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		if f.Name == "word/document.xml" {
			data = bytes.Replace(data, []byte("Xin chào"), []byte("Xin<w:br/>chào"), 1)
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	os.WriteFile(p, buf.Bytes(), 0o644)
	errs := mustRun(t, p)
	if len(errs) == 0 {
		t.Fatal("validator accepted <w:br/> inside <w:t>")
	}
	t.Logf("validator: %s: %s", errs[0].ID, errs[0].Description)
}

// mustRun runs the validator on p, skipping (or failing, under VANBAN_REQUIRE_TOOLS=1) when it is absent.
func mustRun(t *testing.T, p string) []ValidationError {
	t.Helper()
	errs, ok, why, err := Run(p)
	if !ok {
		toolMissing(t, "Open XML validator", why)
	}
	if err != nil {
		t.Fatal(err)
	}
	return errs
}
