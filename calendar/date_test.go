package calendar

import (
	"encoding/json"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
)

func TestDateBasics(t *testing.T) {
	// Agreement with the time package over a wide range.
	for tt := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC); tt.Year() < 2400; tt = tt.AddDate(0, 0, 17) {
		x := DateOf(tt)
		y, m, dd := tt.Date()
		if x.Year() != y || x.Month() != m || x.Day() != dd || x.Weekday() != tt.Weekday() || x.YearDay() != tt.YearDay() {
			t.Fatalf("%v: %v", tt, x)
		}
		if !x.Time().Equal(tt) || x.String() != tt.Format("2006-01-02") {
			t.Fatalf("%v: %v %v", tt, x.Time(), x)
		}
	}
	if NewDate(2023, 2, 30) != d("2023-03-02") || NewDate(2023, 13, 1) != d("2024-01-01") || NewDate(2023, 0, 1) != d("2022-12-01") || NewDate(2023, 3, 0) != d("2023-02-28") {
		t.Error("normalisation")
	}
	a, b := d("2023-05-12"), d("2023-05-23")
	if b.Sub(a) != 11 || a.AddDays(11) != b || !a.Before(b) || !b.After(a) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 || !a.Equal(a) {
		t.Error("arithmetic")
	}
	if !(Date{}).IsZero() || a.IsZero() || (Date{}).String() != "0000-00-00" {
		t.Error("zero")
	}
	if DaysInMonth(2024, 2) != 29 || DaysInMonth(2100, 2) != 28 || DaysInMonth(2000, 2) != 29 || DaysInMonth(2023, 4) != 30 {
		t.Error("DaysInMonth")
	}
	if a.In(time.FixedZone("ICT", 7*3600)).Format(time.RFC3339) != "2023-05-12T00:00:00+07:00" {
		t.Error("In")
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"", "2023-5-12", "2023/05/12", "2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "20230512", "2023-05-1x", " 2023-05-12"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q): want an error", s)
		}
	}
	if x, err := ParseDate("2024-02-29"); err != nil || x != NewDate(2024, 2, 29) {
		t.Error(x, err)
	}
}

func TestDateEncoding(t *testing.T) {
	type doc struct {
		D Date `json:"d" yaml:"d"`
	}
	b, err := json.Marshal(doc{d("2023-05-12")})
	if err != nil || string(b) != `{"d":"2023-05-12"}` {
		t.Fatal(string(b), err)
	}
	var back doc
	if err := json.Unmarshal(b, &back); err != nil || back.D != d("2023-05-12") {
		t.Fatal(back, err)
	}
	if err := json.Unmarshal([]byte(`{"d":"2023-02-30"}`), &back); err == nil {
		t.Error("bad date accepted")
	}
	var y doc
	if err := yaml.Unmarshal([]byte("d: 2026-01-10\n"), &y); err != nil || y.D != d("2026-01-10") {
		t.Fatal(y, err)
	}
	if err := yaml.Unmarshal([]byte("d: 2026-01-32\n"), &y); err == nil {
		t.Error("bad yaml date accepted")
	}
	if err := yaml.Unmarshal([]byte("d: [1]\n"), &y); err == nil {
		t.Error("yaml list accepted")
	}
}

// All Vietnamese text the package produces is NFC.
func TestNFC(t *testing.T) {
	c := Default()
	first, last := SupportedRange()
	seen := map[string]bool{}
	for x := first; !x.After(last); x = x.AddDays(1) {
		seen[c.Day(x).Reason] = true
		seen[WeekdayName(x)] = true
	}
	for y := 1968; y < 1980; y++ {
		seen[CanChi(y)] = true
	}
	for m := 1; m <= 12; m++ {
		seen[FormatLunar(LunarDate{2020, m, 1, m == 4})] = true
	}
	seen[string(EmbeddedScheduleYAML())] = true
	seen[FormatDateLine(d("2023-03-05"))] = true
	for s := range seen {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("not NFC: %q", s)
		}
	}
}
