package document

import (
	"testing"

	"github.com/vanban/vanban/calendar"
)

func TestAbolishedIssuer(t *testing.T) {
	r := DefaultRules()
	d := calendar.MustParseDate
	cases := []struct {
		issuer []string
		date   string
		want   bool
	}{
		{[]string{"THỊ ỦY ĐỨC PHỔ"}, "2023-02-15", false},   // before 01/7/2025: the seed is fine
		{[]string{"THỊ ỦY ĐỨC PHỔ"}, "2025-07-01", true},    // the first day without districts
		{[]string{"Huyện ủy Định Hóa"}, "2026-01-05", true}, // any case
		{[]string{"ỦY BAN NHÂN DÂN", "THỊ XÃ ĐỨC PHỔ"}, "2026-03-01", true},
		{[]string{"ỦY BAN NHÂN DÂN", "PHƯỜNG AN HÒA"}, "2026-03-01", false},
		{[]string{"ĐẢNG ỦY XÃ PHỔ AN"}, "2026-03-01", false},
		{[]string{"THÀNH ỦY HÀ NỘI"}, "2026-03-01", false}, // a province: not listed
		{[]string{"HUYỆNX"}, "2026-03-01", false},          // a prefix is a whole word
	}
	for _, c := range cases {
		lvl, got := r.AbolishedIssuer(c.issuer, d(c.date))
		if got != c.want {
			t.Errorf("%v on %s: %v, want %v", c.issuer, c.date, got, c.want)
		}
		if got && (lvl.Source == "" || lvl.From != d("2025-07-01")) {
			t.Errorf("%v: level without source or date: %+v", c.issuer, lvl)
		}
	}
	moved, err := r.WithValidFrom("party-2026", d("2026-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := moved.AbolishedIssuer([]string{"HUYỆN ỦY X"}, d("2026-01-01")); !ok {
		t.Error("WithValidFrom lost the abolished levels")
	}
}
