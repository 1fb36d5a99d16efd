package calendar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestScheduleFileBounds: --schedule /dev/zero, a directory, a file above the cap are refused before reading,
// with a message naming the file (issue 13).
func TestScheduleFileBounds(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("years: {}\n"+strings.Repeat("#", MaxScheduleSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/dev/zero": "a device",
		dir:         "a directory",
		big:         "file too large",
	} {
		_, err := New(WithScheduleFile(path))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: got %v", path, err)
		}
	}
	if _, err := New(WithNamedSchedule("big", strings.NewReader(strings.Repeat("#", MaxScheduleSize+1)))); err == nil ||
		!strings.Contains(err.Error(), "too large") {
		t.Errorf("reader above the cap: got %v", err)
	}
}

// TestScheduleUTF16: a schedule saved by Notepad as "Unicode" with CRLF reads like its UTF-8 original, and its
// errors keep their positions.
func TestScheduleUTF16(t *testing.T) {
	text := "years:\n  2027:\n    official: true\n    breaks:\n      - name: Tết\n        days:\n          - {date: 2027-02-30, holiday: Tết}\n"
	u := utf16.Encode([]rune("\uFEFF" + strings.ReplaceAll(text, "\n", "\r\n")))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		b[2*i], b[2*i+1] = byte(c), byte(c>>8)
	}
	_, err8 := ParseSchedule("s.yaml", []byte(text))
	_, err16 := ParseSchedule("s.yaml", b)
	if err8 == nil || err16 == nil || err8.Error() != err16.Error() {
		t.Errorf("UTF-8: %v\nUTF-16: %v", err8, err16)
	}
	if !strings.Contains(err16.Error(), "s.yaml:7:") {
		t.Errorf("position: %v", err16)
	}
	if _, err := ParseSchedule("s.yaml", []byte("years:\n  2027: {note: \"K\xEA\xEC ho\xF2ch\"}\n")); err == nil ||
		!strings.Contains(err.Error(), "s.yaml:2:") || !strings.Contains(err.Error(), "Windows-1258") {
		t.Errorf("Windows-1258: %v", err)
	}
}

// TestScheduleSyntaxColumn: a YAML syntax error in a schedule file has a column; an unclosed quote is reported
// where it opens.
func TestScheduleSyntaxColumn(t *testing.T) {
	_, err := ParseSchedule("s.yaml", []byte("years:\n  2027:\n    note: \"abc\n    official: true\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "s.yaml:3:11: lỗi cú pháp YAML: dấu ngoặc \" mở ở đây") {
		t.Errorf("got %v", err)
	}
	_, err = ParseSchedule("s.yaml", []byte("years:\n\t2027: {}\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "s.yaml:2:1: ") || !strings.Contains(err.Error(), "tab") {
		t.Errorf("got %v", err)
	}
}
