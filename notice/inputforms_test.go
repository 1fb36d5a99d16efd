package notice

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestNoticeInputForms: a session notice with its dates day first, saved as UTF-16 with CRLF (Notepad's
// "Unicode"), gives the same document as its canonical form (issue 12).
func TestNoticeInputForms(t *testing.T) {
	plan, err := os.ReadFile("../examples/duc-pho-2023/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	session, err := os.ReadFile("../examples/duc-pho-2023/session-q1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	render := func(t *testing.T, content []byte) []byte {
		t.Helper()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "plan.yaml"), plan, 0o644); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, "session-q1.yaml")
		if err := os.WriteFile(f, content, 0o644); err != nil {
			t.Fatal(err)
		}
		out, _, err := RenderFile(Options{}, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != 1 {
			t.Fatalf("%d outputs", len(out))
		}
		return out[0].Data
	}
	want := render(t, session)
	dayFirst := strings.NewReplacer("date: 2023-03-08", "date: 08/03/2023", "held_on: 2023-03-15", "held_on: 15.3.2023").Replace(string(session))
	if dayFirst == string(session) {
		t.Fatal("no date replaced")
	}
	u := utf16.Encode([]rune("\uFEFF" + strings.ReplaceAll(dayFirst, "\n", "\r\n")))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2*i:], c)
	}
	for name, content := range map[string][]byte{"day first": []byte(dayFirst), "UTF-16 CRLF day first": b} {
		if got := render(t, content); !bytes.Equal(got, want) {
			t.Errorf("%s: the document differs from the canonical input's", name)
		}
	}
}
