package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestRun(t *testing.T) {
	out := t.TempDir()
	if err := run(context.Background(), "../../duc-pho-2023", out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ke-hoach-doi-thoai-2024.docx", "session-q1.docx", "conclusion-q1.docx", "followup-2024-04-20.docx", "reception-2024.docx", "lich-doi-thoai-2024.ics"} {
		if st, err := os.Stat(filepath.Join(out, name)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}
