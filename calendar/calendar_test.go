package calendar

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // time zones for TestTimeZoneIndependence on machines without zoneinfo

	"github.com/vanban/vanban/problem"
)

func d(s string) Date { return MustParseDate(s) }

func isWeekend(x Date) bool { return x.Weekday() == time.Saturday || x.Weekday() == time.Sunday }

// Every weekday off and every working Saturday of the official schedules, and nothing else.
func TestOfficialSchedules(t *testing.T) {
	c := Default()
	wantCount := map[int]int{2019: 12, 2020: 10, 2021: 11, 2022: 11, 2023: 11, 2024: 12, 2025: 12, 2026: 13}
	for y := 2019; y <= 2026; y++ {
		off := map[Date]bool{}
		for _, s := range officialWeekdaysOff[y] {
			off[d(s)] = true
		}
		if len(off) != wantCount[y] {
			t.Fatalf("%d: test data has %d weekdays off, want %d", y, len(off), wantCount[y])
		}
		ws := map[Date]bool{}
		for _, s := range officialWorkingSaturdays[y] {
			ws[d(s)] = true
		}
		// The year's days, plus late December of the year before (a break straddling 1 January).
		count := 0
		for x := NewDate(y-1, 12, 29); !x.After(NewDate(y, 12, 31)); x = x.AddDays(1) {
			info := c.Day(x)
			if x.Year() == y-1 && !off[x] {
				continue
			}
			if x.Year() == y && x.Month() == 12 && x.Day() >= 29 && officialWeekdaysOff[y+1] != nil && contains(officialWeekdaysOff[y+1], x.String()) {
				continue
			}
			switch {
			case off[x]:
				count++
				if info.Working || isWeekend(x) {
					t.Errorf("%v: want a weekday off, got %+v", x, info)
				}
				if !info.Official || info.Reason == "" || info.Source == "" {
					t.Errorf("%v: want official, reason and source, got %+v", x, info)
				}
			case ws[x]:
				if !info.Working || x.Weekday() != time.Saturday || info.Kind != WorkingWeekend {
					t.Errorf("%v: want a working Saturday, got %+v", x, info)
				}
			case isWeekend(x):
				if info.Working {
					t.Errorf("%v: weekend day working: %+v", x, info)
				}
			default:
				if !info.Working || info.Reason != "" {
					t.Errorf("%v: want a plain working day, got %+v", x, info)
				}
			}
			if x.Year() == y && !info.Official {
				t.Errorf("%v: want Official in %d", x, y)
			}
		}
		if count != wantCount[y] {
			t.Errorf("%d: %d weekdays off, want %d", y, count, wantCount[y])
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The embedded data agrees with the law and with the lunar calendar: Tết holidays surround 1/1 lunar with
// the split of the year, Giỗ Tổ is 10/3 lunar, each nghỉ bù follows a holiday on a weekend.
func TestEmbeddedDataAgreesWithLaw(t *testing.T) {
	s := EmbeddedSchedule()
	gioTo := map[int]string{2019: "2019-04-14", 2020: "2020-04-02", 2021: "2021-04-21", 2022: "2022-04-10",
		2023: "2023-04-29", 2024: "2024-04-18", 2025: "2025-04-07", 2026: "2026-04-26"}
	split := map[int]int{2019: 1, 2020: 2, 2021: 2, 2022: 1, 2023: 2, 2024: 2, 2025: 2, 2026: 1} // days before Tết
	for y, sy := range s.Years {
		counts := map[string]int{}
		var tet []Date
		for _, b := range sy.Breaks {
			for _, e := range b.Days {
				if e.Kind == EntryHoliday {
					counts[e.Name]++
					if e.Name == NameTet {
						tet = append(tet, e.Date)
					}
					if e.Name == NameHungKings {
						if l := SolarToLunar(e.Date); l.Month != 3 || l.Day != 10 || e.Date.String() != gioTo[y] {
							t.Errorf("%d: Giỗ Tổ on %v is lunar %v", y, e.Date, l)
						}
					}
				}
			}
		}
		want := map[string]int{NameNewYear: 1, NameTet: 5, NameHungKings: 1, NameVictory: 1, NameLabour: 1, NameNationalDy: 2}
		if y <= 2020 {
			want[NameNationalDy] = 1
		}
		for k, v := range want {
			if counts[k] != v {
				t.Errorf("%d: %d days of %s, want %d (law)", y, counts[k], k, v)
			}
		}
		if len(tet) == 5 {
			first := Tet(y).AddDays(-split[y])
			for i, x := range tet {
				if x != first.AddDays(i) {
					t.Errorf("%d: Tết holidays %v, want 5 days from %v", y, tet, first)
					break
				}
			}
		}
	}
}

func TestDeadlines(t *testing.T) {
	c := Default()
	cases := []struct {
		from string
		n    int
		want string
	}{
		{"2023-05-12", 7, "2023-05-23"},  // Fri; no holiday: 15–19, 22, 23
		{"2023-01-18", 7, "2023-02-03"},  // 19/1, then Tết 20–26/1 off, 27, 30, 31/1, 1, 2, 3/2
		{"2025-04-25", 7, "2025-05-08"},  // Sat 26/4 worked (swap), 28, 29; 30/4, 1/5, 2/5 off; 5–8/5
		{"2025-04-25", 1, "2025-04-26"},  // the swapped Saturday is a working day
		{"2026-01-09", 1, "2026-01-10"},  // idem
		{"2026-01-01", 1, "2026-01-05"},  // 2/1 swapped off, 3–4 weekend
		{"2023-04-28", 1, "2023-05-04"},  // 29/4–3/5 off
		{"2023-05-23", -7, "2023-05-12"}, // backwards
		{"2023-02-03", -7, "2023-01-18"},
		{"2023-05-12", 0, "2023-05-12"},
		{"2019-02-01", 1, "2019-02-11"}, // Tết 2019
		{"2018-12-28", 1, "2019-01-02"}, // 31/12/2018 swapped, 1/1 holiday
	}
	for _, tc := range cases {
		if got := c.AddWorkingDays(d(tc.from), tc.n); got.String() != tc.want {
			t.Errorf("AddWorkingDays(%s, %d) = %v, want %s", tc.from, tc.n, got, tc.want)
		}
	}
	// Without swaps (businesses): 26/4/2025 is a Saturday off and 2/5/2025 a working day.
	b, err := New(WithoutSwaps())
	if err != nil {
		t.Fatal(err)
	}
	if got := b.AddWorkingDays(d("2025-04-25"), 1); got != d("2025-04-28") {
		t.Errorf("no swaps: got %v", got)
	}
	if !b.IsWorkingDay(d("2025-05-02")) || b.IsWorkingDay(d("2025-04-26")) || !b.IsWorkingDay(d("2026-01-02")) {
		t.Error("no swaps: swapped days wrong")
	}
	if b.IsWorkingDay(d("2023-05-02")) {
		t.Error("no swaps: nghỉ bù must stay")
	}
}

func TestReasons(t *testing.T) {
	c := Default()
	cases := map[string]string{
		"2023-01-23": "Tết Nguyên đán",
		"2023-05-02": "Nghỉ bù Giỗ Tổ Hùng Vương",
		"2023-05-03": "Nghỉ bù Ngày Chiến thắng",
		"2026-01-02": "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)",
		"2026-01-10": "Làm bù cho ngày nghỉ hoán đổi 02/01/2026",
		"2023-05-13": "Thứ Bảy",
		"2023-05-14": "Chủ nhật",
		"2023-05-15": "",
		"2024-09-03": "Quốc khánh",
		"2020-01-28": "Nghỉ bù Tết Nguyên đán",
	}
	for s, want := range cases {
		if got := c.Day(d(s)).Reason; got != want {
			t.Errorf("%s: reason %q, want %q", s, got, want)
		}
	}
}

// Years without a schedule are estimated from the law in force, and say so.
func TestEstimates(t *testing.T) {
	c := Default()
	if c.IsOfficialYear(2027) || !c.IsOfficialYear(2026) || c.IsOfficialYear(2018) {
		t.Error("official years wrong")
	}
	info := c.Day(d("2027-02-08"))
	if info.Working || info.Official || info.Reason != NameTet {
		t.Errorf("2027-02-08: %+v", info)
	}
	// 2027: 1/5 on Saturday -> nghỉ bù Monday 3/5 (calendar-rules.md §3).
	if info := c.Day(d("2027-05-03")); info.Working || info.Reason != "Nghỉ bù Ngày Quốc tế lao động" {
		t.Errorf("2027-05-03: %+v", info)
	}
	// 2027 Giỗ Tổ 16/4.
	if c.IsWorkingDay(d("2027-04-16")) {
		t.Error("2027-04-16 should be Giỗ Tổ")
	}
	// 2020 and before: Quốc khánh 1 day (BLLĐ 2012); 2018-09-03 is a nghỉ bù for Sunday 2/9/2018.
	if info := c.Day(d("2018-09-03")); info.Reason != "Nghỉ bù Quốc khánh" {
		t.Errorf("2018-09-03: %+v", info)
	}
	// 2005 (BLLĐ 1994): Tết 4 days, no Giỗ Tổ (from 2007).
	tet := Tet(2005) // 2005-02-09
	for i := -1; i <= 2; i++ {
		if c.Day(tet.AddDays(i)).Reason != NameTet {
			t.Errorf("2005 Tết day %d not off", i)
		}
	}
	if c.Day(tet.AddDays(3)).Reason == NameTet {
		t.Error("2005: Tết is 4 days")
	}
	// Each estimated year has the statutory number of holiday days.
	for y := firstYear; y <= lastYear; y++ {
		if c.IsOfficialYear(y) {
			continue
		}
		n := 0
		for _, e := range estimateYear(y, nil) {
			if e.Kind == EntryHoliday {
				n++
			}
		}
		want := 11
		switch {
		case y <= 2013:
			want = 8
			if y >= 2007 {
				want++
			}
			if y < 1976 {
				want--
			}
		case y <= 2020:
			want = 10
		}
		if n != want {
			t.Errorf("%d: %d holiday days estimated, want %d", y, n, want)
		}
	}
}

// Every day of a year is classified exactly once, into one consistent kind.
func TestEveryDayClassified(t *testing.T) {
	c := Default()
	first, last := SupportedRange()
	for x := first; !x.After(last); x = x.AddDays(1) {
		info := c.Day(x)
		if info.Date != x || info.Working != c.IsWorkingDay(x) {
			t.Fatalf("%v: inconsistent %+v", x, info)
		}
		working := info.Kind == Workday || info.Kind == WorkingWeekend
		if working != info.Working {
			t.Fatalf("%v: kind %v but working %v", x, info.Kind, info.Working)
		}
		if info.Kind == WeeklyRest && !isWeekend(x) || info.Kind == WorkingWeekend && !isWeekend(x) {
			t.Fatalf("%v: kind %v on %v", x, info.Kind, x.Weekday())
		}
		if !info.Working && info.Reason == "" {
			t.Fatalf("%v: day off without reason", x)
		}
		if info.Official != c.IsOfficialYear(x.Year()) && !(x.Month() == 12 && x.Day() == 31) {
			t.Fatalf("%v: official %v", x, info.Official)
		}
	}
}

// Adding then counting working days round-trips.
func TestAddCountRoundTrip(t *testing.T) {
	for _, c := range []*Calendar{Default(), mustNew(t, WithoutSwaps())} {
		first, _ := SupportedRange()
		for x := first; x.Year() < 2101; x = x.AddDays(13) {
			for _, n := range []int{1, 2, 7, 15, 30, 100, 400} {
				e := c.AddWorkingDays(x, n)
				if !c.IsWorkingDay(e) {
					t.Fatalf("AddWorkingDays(%v, %d) = %v, not a working day", x, n, e)
				}
				if got := c.WorkingDaysBetween(x, e); got != n {
					t.Fatalf("WorkingDaysBetween(%v, %v) = %d, want %d", x, e, got, n)
				}
				if got := c.WorkingDaysBetween(e, x); got != -n {
					t.Fatalf("WorkingDaysBetween(%v, %v) = %d, want %d", e, x, got, -n)
				}
				if got := c.AddWorkingDays(e, -n); c.IsWorkingDay(x) && got != x {
					t.Fatalf("AddWorkingDays(%v, %d) = %v, want %v", e, -n, got, x)
				}
				// Backwards from x: −n working days before x, counted as documented on AddWorkingDays.
				back, want := c.AddWorkingDays(x, -n), n
				if !c.IsWorkingDay(x) {
					want = n - 1
				}
				if got := c.WorkingDaysBetween(back, x); got != want || !c.IsWorkingDay(back) {
					t.Fatalf("WorkingDaysBetween(AddWorkingDays(%v, %d), %[1]v) = %d, want %d", x, -n, got, want)
				}
				if got := c.WorkingDaysBetween(x, e.AddDays(-1)); got != n-1 {
					t.Fatalf("the n-th working day is the first one reaching n")
				}
			}
		}
	}
}

func mustNew(t testing.TB, opts ...Option) *Calendar {
	t.Helper()
	c, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestOutsideRange(t *testing.T) {
	c := Default()
	x := d("2101-01-03") // Monday
	if info := c.Day(x); !info.Working || info.Official {
		t.Errorf("%+v", info)
	}
	if got := c.AddWorkingDays(d("2100-12-31"), 3); got != d("2101-01-05") {
		t.Errorf("got %v", got)
	}
	if got := c.WorkingDaysBetween(d("2100-12-31"), d("2101-01-07")); got != 5 {
		t.Errorf("got %d", got)
	}
	if got := c.WorkingDaysBetween(d("1967-12-29"), d("1968-01-03")); got != 2 { // 1/1/1968 holiday, 2, 3
		t.Errorf("got %d", got)
	}
	if got := c.AddWorkingDays(d("1968-01-02"), -2); got != d("1967-12-28") { // 1/1/1968 holiday, 29, 28/12
		t.Errorf("got %v", got)
	}
}

func TestNextWorkingDayAndMonthly(t *testing.T) {
	c := Default()
	if got := c.NextWorkingDay(d("2023-01-19")); got != d("2023-01-27") {
		t.Errorf("NextWorkingDay = %v", got)
	}
	if got := c.OnOrAfterWorkingDay(d("2023-01-27")); got != d("2023-01-27") {
		t.Errorf("OnOrAfterWorkingDay = %v", got)
	}
	if got := c.OnOrAfterWorkingDay(d("2023-01-22")); got != d("2023-01-27") {
		t.Errorf("OnOrAfterWorkingDay = %v", got)
	}
	if got := c.PreviousWorkingDay(d("2023-01-27")); got != d("2023-01-19") {
		t.Errorf("PreviousWorkingDay = %v", got)
	}
	cases := []struct {
		y    int
		m    time.Month
		day  int
		rule ShiftRule
		want string
	}{
		{2023, 1, 15, ShiftForward, "2023-01-16"},        // Sunday → Monday
		{2023, 5, 15, ShiftForward, "2023-05-15"},        // Monday
		{2023, 4, 30, ShiftForward, "2023-05-04"},        // 30/4–3/5 off
		{2023, 4, 30, ShiftForwardInMonth, "2023-04-28"}, // stays in April
		{2023, 9, 30, ShiftForwardInMonth, "2023-09-29"}, // Saturday, next working day is in October
		{2023, 9, 30, ShiftForward, "2023-10-02"},
		{2023, 9, 30, ShiftBackward, "2023-09-29"},
		{2023, 9, 30, NoShift, "2023-09-30"},
		{2023, 2, 31, ShiftForward, "2023-02-28"}, // day beyond the month: its last day
		{2026, 1, 10, ShiftForward, "2026-01-10"}, // working Saturday
	}
	for _, tc := range cases {
		if got := c.Monthly(tc.y, tc.m, tc.day, tc.rule); got.String() != tc.want {
			t.Errorf("Monthly(%d, %d, %d, %d) = %v, want %s", tc.y, tc.m, tc.day, tc.rule, got, tc.want)
		}
	}
}

func TestScheduleOverride(t *testing.T) {
	// 24/11/2026 becomes a day off; 2/1/2026 is corrected to a working day; 2027 is announced in full.
	file := `format: vanban-schedule/1
years:
  2026:
    breaks:
      - name: Ngày Văn hóa Việt Nam
        source: test
        days:
          - {date: 2026-11-24, holiday: Ngày Văn hóa Việt Nam}
  2027:
    replace: true
    breaks:
      - name: Tết Nguyên đán
        source: test notice
        confidence: high
        days:
          - {date: 2027-02-04, holiday: Tết Nguyên đán}
          - {date: 2027-02-05, holiday: Tết Nguyên đán}
          - {date: 2027-02-08, holiday: Tết Nguyên đán}
          - {date: 2027-02-09, holiday: Tết Nguyên đán}
          - {date: 2027-02-10, holiday: Tết Nguyên đán}
  2028:
    breaks:
      - name: Ngày Văn hóa Việt Nam
        days:
          - {date: 2028-11-24, holiday: Ngày Văn hóa Việt Nam}
`
	c := mustNew(t, WithNamedSchedule("user.yaml", strings.NewReader(file)))
	if info := c.Day(d("2026-11-24")); info.Working || info.Reason != "Ngày Văn hóa Việt Nam" || !info.Official || info.Source != "test" {
		t.Errorf("2026-11-24: %+v", info)
	}
	if !c.IsWorkingDay(d("2026-11-23")) || c.IsWorkingDay(d("2026-01-02")) || c.IsWorkingDay(d("2026-02-16")) {
		t.Error("2026: the rest of the embedded year must stay")
	}
	if !c.IsOfficialYear(2027) || c.IsWorkingDay(d("2027-02-04")) || !c.IsWorkingDay(d("2027-02-11")) || !c.IsWorkingDay(d("2027-01-01")) {
		t.Error("2027 replace: only the file's days are off")
	}
	// 2028 merged into the estimate: still estimated, Tết still off.
	if c.IsOfficialYear(2028) || c.IsWorkingDay(d("2028-11-24")) || c.IsWorkingDay(d("2028-01-26")) || c.Day(d("2028-11-24")).Official {
		t.Error("2028: a merge into an estimated year keeps the estimate")
	}
	// Default is not changed.
	if !Default().IsWorkingDay(d("2026-11-24")) {
		t.Error("Default changed")
	}
}

func TestScheduleErrors(t *testing.T) {
	cases := []struct{ file, want string }{
		{"years:\n  2026:\n    breaks:\n      - name: X\n        days:\n          - {date: 2026-02-30, holiday: X}\n", "bad.yaml:6:20: year 2026: break \"X\" date: invalid date \"2026-02-30\": no such day"},
		{"years:\n  2026:\n    brakes: []\n", "bad.yaml:3:5: unknown key \"brakes\" in year 2026"},
		{"years:\n  2026:\n    breaks:\n      - name: X\n        days:\n          - {date: 2026-02-03}\n", "bad.yaml:6:13: year 2026: break \"X\": each day needs exactly one of"},
		{"years:\n  2026:\n    breaks:\n      - name: X\n        days:\n          - {date: 2026-02-03, swapped_with: 2026-02-04}\n", "bad.yaml:6:13: year 2026: break \"X\": swapped_with 2026-02-04 is a Wednesday"},
		{"years:\n  2026:\n    breaks: [\n", "bad.yaml:3:5: YAML syntax error"},
		{"format: other/2\nyears: {}\n", "bad.yaml:1:9: unsupported format"},
		{"years:\n  1500: {}\n", "bad.yaml:2:3: year key \"1500\""},
		{"years:\n  2026:\n    breaks:\n      - name: X\n        days:\n          - {date: 2026-02-03, off: x}\n          - {date: 2026-02-03, off: y}\n", "bad.yaml:7:13: year 2026: break \"X\": day 2026-02-03 is already given at line 6"},
		{"", "bad.yaml:1:1: empty schedule file"},
		{"years:\n  2026:\n    breaks:\n      - name: X\n        from: 2026-11-01\n        to: 2026-11-02\n        days:\n          - {date: 2026-11-24, off: x}\n", "bad.yaml:8:13: year 2026: break \"X\": day 2026-11-24 is outside the break"},
	}
	for _, tc := range cases {
		_, err := New(WithNamedSchedule("bad.yaml", strings.NewReader(tc.file)))
		var pe *problem.Error
		if err == nil || !errors.As(err, &pe) {
			t.Errorf("%q: want a *problem.Error, got %v", tc.file, err)
			continue
		}
		if got := pe.Position() + ": " + pe.EN; !strings.HasPrefix(got, tc.want) {
			t.Errorf("error\n %s\nwant prefix\n %s", got, tc.want)
		}
		if pe.VI == "" || pe.VI == pe.EN {
			t.Errorf("%q: no Vietnamese message: %v", tc.file, err)
		}
	}
	if _, err := New(WithScheduleFile("/nonexistent/file.yaml")); err == nil {
		t.Error("missing file: no error")
	}
}

// The embedded file round-trips through its own parser, and a copy of it loaded as a user file changes
// nothing.
func TestEmbeddedAsUserFile(t *testing.T) {
	c := mustNew(t, WithNamedSchedule("copy.yaml", strings.NewReader(string(EmbeddedScheduleYAML()))))
	first, last := SupportedRange()
	def := Default()
	for x := first; !x.After(last); x = x.AddDays(1) {
		if c.Day(x) != def.Day(x) {
			t.Fatalf("%v: %+v vs %+v", x, c.Day(x), def.Day(x))
		}
	}
}

// Results do not depend on the machine's time zone.
func TestTimeZoneIndependence(t *testing.T) {
	saved := time.Local
	defer func() { time.Local = saved }()
	var want []string
	for i, name := range []string{"UTC", "America/Los_Angeles", "Asia/Ho_Chi_Minh", "Pacific/Kiritimati"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		time.Local = loc
		midnight := time.Date(2023, 5, 12, 0, 0, 0, 0, loc)
		if DateOf(midnight) != d("2023-05-12") {
			t.Errorf("%s: DateOf(local midnight) = %v", name, DateOf(midnight))
		}
		late := time.Date(2023, 5, 12, 23, 59, 0, 0, loc)
		if DateOf(late) != d("2023-05-12") {
			t.Errorf("%s: DateOf(23:59) = %v", name, DateOf(late))
		}
		got := []string{
			Default().AddWorkingDays(DateOf(midnight), 7).String(),
			SolarToLunar(DateOf(midnight)).String(),
			FormatDateLine(DateOf(midnight)),
			d("2023-05-12").Time().Format(time.RFC3339),
			NewDate(2023, 5, 12).Weekday().String(),
		}
		if i == 0 {
			want = got
		} else if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	if want[0] != "2023-05-23" || want[3] != "2023-05-12T00:00:00Z" || want[4] != "Friday" {
		t.Errorf("got %v", want)
	}
}

func TestDefaultBuildTime(t *testing.T) {
	start := time.Now()
	_ = mustNew(t)
	t.Logf("New() took %v", time.Since(start))
}

// Default is safe for concurrent use (run with -race).
func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := Default()
			x := d("2023-01-18").AddDays(i)
			_ = c.AddWorkingDays(x, 7)
			_ = c.Day(x)
			_ = SolarToLunar(x)
		}()
	}
	wg.Wait()
}

// The example in schedules/README.md is a valid schedule file.
func TestReadmeExample(t *testing.T) {
	b, err := os.ReadFile("schedules/README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindSubmatch(b)
	if m == nil {
		t.Fatal("no yaml block")
	}
	c := mustNew(t, WithNamedSchedule("README.md", strings.NewReader(string(m[1]))))
	if c.IsWorkingDay(d("2027-02-11")) || !c.IsWorkingDay(d("2027-02-20")) || !c.IsWorkingDay(d("2027-02-12")) || c.IsWorkingDay(d("2027-11-24")) {
		t.Error("README example not applied")
	}
	if !c.IsOfficialYear(2027) || !c.IsWorkingDay(d("2027-09-02")) {
		t.Error("replace: true must make 2027 exactly the file's days")
	}
}

// A holiday added to the law enters every estimated year with its nghỉ bù.
func TestStatutoryHoliday(t *testing.T) {
	file := `statutory_holidays:
  - name: Ngày Văn hóa Việt Nam
    month: 11
    day: 24
    from: 2027-01-01
    source: Bộ luật Lao động (sửa đổi)
`
	c := mustNew(t, WithNamedSchedule("law.yaml", strings.NewReader(file)))
	if info := c.Day(d("2027-11-24")); info.Working || info.Reason != "Ngày Văn hóa Việt Nam" || info.Official {
		t.Errorf("2027-11-24: %+v", info)
	}
	if info := c.Day(d("2029-11-26")); info.Working || info.Reason != "Nghỉ bù Ngày Văn hóa Việt Nam" { // 24/11/2029 is a Saturday
		t.Errorf("2029-11-26: %+v", info)
	}
	if !c.IsWorkingDay(d("2026-11-24")) || !c.IsWorkingDay(d("2025-11-24")) {
		t.Error("official years and years before the law must not change")
	}
	if _, err := New(WithNamedSchedule("law.yaml", strings.NewReader("statutory_holidays:\n  - {name: X, month: 2, day: 30, from: 2027-01-01}\n"))); err == nil || !strings.Contains(err.Error(), "law.yaml:2:5: statutory holiday \"X\": không có ngày 30/2 / statutory holiday \"X\": there is no day 30/2") {
		t.Errorf("got %v", err)
	}
}

func TestWithScheduleReader(t *testing.T) {
	// A decomposed (NFD) name is stored in NFC.
	c := mustNew(t, WithSchedule(strings.NewReader("years:\n  2023:\n    breaks:\n      - name: x\n        days:\n          - {date: 2023-05-15, off: \"Nghi\u0309\"}\n")))
	if got := c.Day(d("2023-05-15")).Reason; got != "Nghỉ" {
		t.Errorf("reason %q", got)
	}
	_, err := New(WithSchedule(strings.NewReader("years: [")))
	if err == nil || !strings.HasPrefix(err.Error(), "schedule:1:1: lỗi cú pháp YAML") || !strings.Contains(err.Error(), "/ YAML syntax error") {
		t.Errorf("got %v", err)
	}
}

func TestExplainMatchesAddWorkingDays(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		from string
		n    int
	}{{"2023-01-18", 7}, {"2026-02-10", -5}, {"2023-05-12", 0}, {"2025-12-30", 12}} {
		from := d(tc.from)
		x := c.Explain(from, tc.n)
		if x.Due != c.AddWorkingDays(from, tc.n) {
			t.Errorf("%s %+d: due %s", tc.from, tc.n, x.Due)
		}
		if n := tc.n; len(x.Counted) != max(n, -n) {
			t.Errorf("%s %+d: %d days counted", tc.from, tc.n, len(x.Counted))
		}
		for _, s := range x.Skipped {
			if s.Working || s.Reason == "" {
				t.Errorf("%s %+d: skipped %+v", tc.from, tc.n, s)
			}
		}
		if tc.n != 0 && (len(x.Counted) == 0 || x.Counted[len(x.Counted)-1].Date != x.Due) {
			t.Errorf("%s %+d: the last day counted is not the due day: %+v", tc.from, tc.n, x.Counted)
		}
	}
}
