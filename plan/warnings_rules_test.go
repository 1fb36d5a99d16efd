package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/calendar"
)

func loadVariant(t *testing.T, r *strings.Replacer) *Plan {
	t.Helper()
	data, err := os.ReadFile("../examples/dang-uy-xa-2026/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := r.Replace(string(data))
	if text == string(data) {
		t.Fatal("nothing replaced")
	}
	f := filepath.Join(t.TempDir(), "plan.yaml")
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWarnAbolishedSuperior: a superior line of the abolished district level in a document of 2026 is warned at
// that line; the same line in a document of 2024 is not (issue 12).
func TestWarnAbolishedSuperior(t *testing.T) {
	for _, superior := range []string{"ĐẢNG BỘ HUYỆN BÌNH SƠN", "UBND HUYỆN BÌNH SƠN", "Huyện ủy Bình Sơn"} {
		p := loadVariant(t, strings.NewReplacer("superior: [ĐẢNG BỘ TỈNH QUẢNG NGÃI]", "superior: [ĐẢNG BỘ TỈNH QUẢNG NGÃI, "+superior+"]"))
		ws := p.Warnings(calendar.Default())
		if len(ws) != 1 || ws[0].Path != "issuer.superior[1]" || ws[0].Line != 13 || !strings.Contains(ws[0].VI, superior) ||
			!strings.Contains(ws[0].EN, "abolished on 2025-07-01") {
			t.Errorf("%s: got %v", superior, ws)
		}
	}
	p := loadVariant(t, strings.NewReplacer("superior: [ĐẢNG BỘ TỈNH QUẢNG NGÃI]", "superior: [ĐẢNG BỘ HUYỆN BÌNH SƠN]",
		"date: 2026-06-15", "date: 2024-06-15", "time: 2026-08-20 08:00", "time: 2024-08-20 08:00", "time: 2026-11", "time: 2024-11"))
	if ws := p.Warnings(calendar.Default()); len(ws) != 0 {
		t.Errorf("2024: got %v", ws)
	}
}

// TestWarnEstimatedYear: a plan dated in a year whose days off are not announced (2027 on) is warned once for
// that year, in both languages, at its first date.
func TestWarnEstimatedYear(t *testing.T) {
	p := loadVariant(t, strings.NewReplacer("date: 2026-06-15", "date: 2027-06-15", "time: 2026-08-20 08:00", "time: 2027-08-20 08:00",
		"time: 2026-11", "time: 2027-11"))
	ws := p.Warnings(calendar.Default())
	if len(ws) != 1 || ws[0].Path != "document.date" || !strings.Contains(ws[0].VI, "năm 2027 chưa được công bố") ||
		!strings.Contains(ws[0].EN, "estimated") {
		t.Fatalf("got %v", ws)
	}
	cal, err := calendar.New(calendar.WithNamedSchedule("2027.yaml", strings.NewReader("years:\n  2027:\n    official: true\n")))
	if err != nil {
		t.Fatal(err)
	}
	if ws := p.Warnings(cal); len(ws) != 0 {
		t.Errorf("with an official 2027 schedule: %v", ws)
	}
}
