package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRun(t *testing.T) {
	out := t.TempDir()
	if err := run(out); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(out, "ke-hoach-an-binh-2026.docx")); err != nil || st.Size() == 0 {
		t.Fatalf("no document: %v", err)
	}
}
