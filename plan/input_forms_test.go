package plan

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestInputForms: what a clerk writes — dates day first, a number quoted or with a leading zero, a file saved by
// Notepad as UTF-8 with a BOM or as "Unicode" (UTF-16 with a BOM), CRLF line endings — gives the same document,
// byte for byte, as the canonical input (issue 12).
func TestInputForms(t *testing.T) {
	data, err := os.ReadFile("../examples/duc-pho-2023/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	canonical := strings.Replace(string(data), "  # number: blank while a draft\n", "  number: 8\n", 1)
	if canonical == string(data) {
		t.Fatal("example changed: no number line to replace")
	}
	render := func(t *testing.T, content []byte) []byte {
		t.Helper()
		f := filepath.Join(t.TempDir(), "plan.yaml")
		if err := os.WriteFile(f, content, 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := Load(f)
		if err != nil {
			t.Fatal(err)
		}
		out, err := p.Render()
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := render(t, []byte(canonical))
	utf16Bytes := func(s string, order binary.ByteOrder, bom bool) []byte {
		u := utf16.Encode([]rune(s))
		if bom {
			u = append([]uint16{0xFEFF}, u...)
		}
		b := make([]byte, 2*len(u))
		for i, c := range u {
			order.PutUint16(b[2*i:], c)
		}
		return b
	}
	dayFirst := strings.NewReplacer("date: 2023-02-15", "date: 15/02/2023", "date: 2019-02-18", "date: 18-2-2019",
		"date: 2022-01-14", "date: 14.01.2022", "time: 2023-03\n", "time: 3/2023\n").Replace(canonical)
	if dayFirst == canonical {
		t.Fatal("no date replaced")
	}
	for name, content := range map[string][]byte{
		"day-first dates":        []byte(dayFirst),
		"number quoted":          []byte(strings.Replace(canonical, "number: 8\n", "number: \"08\"\n", 1)),
		"number leading zero":    []byte(strings.Replace(canonical, "number: 8\n", "number: 08\n", 1)),
		"number 008":             []byte(strings.Replace(canonical, "number: 8\n", "number: 008\n", 1)),
		"UTF-8 with BOM":         append([]byte{0xEF, 0xBB, 0xBF}, canonical...),
		"CRLF":                   []byte(strings.ReplaceAll(canonical, "\n", "\r\n")),
		"UTF-16 LE with BOM":     utf16Bytes(strings.ReplaceAll(canonical, "\n", "\r\n"), binary.LittleEndian, true),
		"UTF-16 BE with BOM":     utf16Bytes(canonical, binary.BigEndian, true),
		"UTF-16 LE without BOM":  utf16Bytes(canonical, binary.LittleEndian, false),
		"all at once, UTF-16 LE": utf16Bytes(strings.ReplaceAll(dayFirst, "\n", "\r\n"), binary.LittleEndian, true),
	} {
		t.Run(name, func(t *testing.T) {
			if got := render(t, content); !bytes.Equal(got, want) {
				t.Error("the document differs from the canonical input's")
			}
		})
	}
}

// TestInputFormsPositions: an error in a UTF-16 file with CRLF line endings is reported at the line and column
// it has in an editor.
func TestInputFormsPositions(t *testing.T) {
	data, err := os.ReadFile("testdata/invalid/bad-dates.yaml")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/invalid/bad-dates.golden")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(data), "\n", "\r\n")
	u := utf16.Encode([]rune("\uFEFF" + s))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2*i:], c)
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "bad-dates.yaml")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(f)
	if err == nil {
		t.Fatal("no error")
	}
	want := strings.ReplaceAll(string(golden), "testdata/invalid/bad-dates.yaml", f)
	if got := err.Error() + "\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
