package calendar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseSchedule: a schedule file of any bytes is a schedule or a list of problems with their positions,
// never a panic; a schedule that parses builds a calendar.
func FuzzParseSchedule(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("schedules", "*.yaml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("years:\n  2027:\n    official: true\n    breaks:\n      - name: Tết\n        days:\n          - {date: 5/2/2027, holiday: Tết}\n"))
	f.Add([]byte("years: {2027: &a {note: *a}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSchedule("s.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "s.yaml") {
				t.Fatalf("problem without the file: %q", err.Error())
			}
			return
		}
		if _, err := New(WithParsedSchedule(s)); err != nil {
			return
		}
	})
}

// FuzzParseDate: ParseDate never panics, and a date it reads prints back (ISO) to a text it reads as the same day.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-02-15", "15/3/2026", "15-03-2026", "15.3.2026", "31/2/2023", "0000-01-01", "9999-12-31", "1/1/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		again, err := ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("%q → %v → %v, %v", s, d, again, err)
		}
	})
}
