package source

import (
	"testing"

	"github.com/vanban/vanban/calendar"
)

// TestDatesOutOfRange: a date outside the calendar's range is an error at its own line, column and field
// (issue 13: "0000-01-01" was reported at another field, "0001-02-15" printed "năm 1").
func TestDatesOutOfRange(t *testing.T) {
	var v struct {
		A calendar.Date `yaml:"a"`
		B struct {
			C calendar.Date `yaml:"c"`
		} `yaml:"b"`
		D []calendar.Date `yaml:"d"`
		E calendar.Date   `yaml:"e"`
	}
	_, errs := Decode("f.yaml", []byte("a: 0000-01-01\nb:\n  c: 0001-02-15\nd: [2026-01-05, 31/12/9999]\ne: 15/3/2026\n"), &v)
	want := []struct {
		line, col int
		path      string
	}{{1, 4, "a"}, {3, 6, "b.c"}, {4, 17, "d[1]"}}
	if len(errs) != len(want) {
		t.Fatalf("got %v", errs)
	}
	for i, w := range want {
		if e := errs[i]; e.Line != w.line || e.Col != w.col || e.Path != w.path || e.EN == "" {
			t.Errorf("error %d: %v, want %d:%d %s", i, e, w.line, w.col, w.path)
		}
	}
	if !v.A.IsZero() || v.E != calendar.NewDate(2026, 3, 15) || v.D[0] != calendar.NewDate(2026, 1, 5) {
		t.Errorf("decoded %v %v %v", v.A, v.E, v.D)
	}
}
