package docxcheck

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// Part returns the uncompressed content of the part name (e.g. "word/document.xml") of a .docx held in memory,
// failing t when the package does not open or has no such part.
func Part(t testing.TB, docx []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t.Fatalf("no %s in the package", name)
	return ""
}
