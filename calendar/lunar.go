package calendar

import (
	"fmt"
	"sync"
)

// LunarDate is a date of the Vietnamese lunar calendar (âm lịch). Year is the Gregorian year in which the
// lunar year begins (lunar year 2023, Quý Mão, runs from 22/01/2023 to 09/02/2024). Month is 1–12; Leap
// marks the leap month (tháng nhuận) that repeats the month number before it. The zero LunarDate means "out
// of the supported range".
type LunarDate struct {
	Year  int  `json:"year"`
	Month int  `json:"month"`
	Day   int  `json:"day"`
	Leap  bool `json:"leap"`
}

// IsZero reports whether l is the zero LunarDate.
func (l LunarDate) IsZero() bool { return l == LunarDate{} }

// String returns l as "2023-01-02" or, for a leap month, "2033-11L-01".
func (l LunarDate) String() string {
	if l.Leap {
		return fmt.Sprintf("%04d-%02dL-%02d", l.Year, l.Month, l.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", l.Year, l.Month, l.Day)
}

// The lunar table covers the lunar months from month 11 of lunar year lunarFirstYear-1 to month 10 or 11 of
// lunarLastYear+1 (the month containing the winter solstice of lunarLastYear+1 is the sentinel end).
const (
	lunarFirstYear = 1900
	lunarLastYear  = 2199
)

// lunarTable holds the start of every lunar month in the supported range, computed once from astronomy.
type lunarTable struct {
	start  []int32 // JDN of day 1 of each month; len = months+1 (last is the end sentinel)
	year   []int16
	month  []int8
	leap   []bool
	yFirst []int32 // index in start of month 1 of lunar year lunarFirstYear+i
	yLeap  []int8  // leap month number of lunar year lunarFirstYear+i, 0 if none
}

var (
	lunarOnce sync.Once
	lunarTab  *lunarTable // written once by lunarOnce, read-only afterwards
)

func lunar() *lunarTable {
	lunarOnce.Do(func() { lunarTab = buildLunarTable() })
	return lunarTab
}

// buildLunarTable applies the rules of the Vietnamese calendar (calendar-rules.md §4) to the new moons and
// the solar terms computed for UTC+7:
//  1. the day containing the new moon is day 1 of a month;
//  2. the month containing the winter solstice is month 11;
//  3. if 13 months start between two months 11, the first of them (after month 11) that contains no
//     principal term is the leap month and takes the number of the month before it.
func buildLunarTable() *lunarTable {
	// i11[y-(first-1)] = index (into nm) of the month containing the winter solstice of year y.
	first, last := lunarFirstYear-1, lunarLastYear+1
	k0 := newMoonIndexNear(float64(NewDate(first, 11, 1).JDN())) - 1
	k1 := newMoonIndexNear(float64(NewDate(last+1, 2, 1).JDN())) + 1
	nm := make([]int, 0, k1-k0+1)
	for k := k0; k <= k1; k++ {
		nm = append(nm, newMoonDay(k))
	}
	i11 := make([]int, last-first+1)
	for y := first; y <= last; y++ {
		s := winterSolsticeDay(y)
		idx := -1
		for i, d := range nm {
			if d <= s {
				idx = i
			} else {
				break
			}
		}
		i11[y-first] = idx
	}
	t := &lunarTable{}
	a0 := i11[0]
	aN := i11[len(i11)-1]
	n := aN - a0
	t.start = make([]int32, n+1)
	t.year = make([]int16, n)
	t.month = make([]int8, n)
	t.leap = make([]bool, n)
	for i := 0; i <= n; i++ {
		t.start[i] = int32(nm[a0+i])
	}
	t.yFirst = make([]int32, lunarLastYear-lunarFirstYear+2)
	t.yLeap = make([]int8, lunarLastYear-lunarFirstYear+2)
	for y := first + 1; y <= last; y++ {
		a, b := i11[y-1-first], i11[y-first]
		leapIdx := -1
		if b-a == 13 {
			for j := a + 1; j < b; j++ {
				if termIndex(nm[j]) == termIndex(nm[j+1]) {
					leapIdx = j
					break
				}
			}
		}
		num, yr := 10, y-1
		for i := a; i < b; i++ {
			ti := i - a0
			if i == leapIdx {
				t.month[ti], t.year[ti], t.leap[ti] = int8(num), int16(yr), true
				if yr >= lunarFirstYear && yr-lunarFirstYear < len(t.yLeap) {
					t.yLeap[yr-lunarFirstYear] = int8(num)
				}
				continue
			}
			num++
			if num == 13 {
				num, yr = 1, y
				if yr-lunarFirstYear < len(t.yFirst) {
					t.yFirst[yr-lunarFirstYear] = int32(ti)
				}
			}
			t.month[ti], t.year[ti] = int8(num), int16(yr)
		}
	}
	return t
}

// LunarRange returns the first and last solar dates SolarToLunar converts (1899-12-03 to 2200-12-06; the lunar
// years 1899 and 2200 are partial there, LunarToSolar takes lunar years 1900–2199). Only 1968 onward is the
// official Vietnamese calendar; see the package documentation for earlier years.
func LunarRange() (first, last Date) {
	t := lunar()
	return fromJD(int(t.start[0])), fromJD(int(t.start[len(t.start)-1]) - 1)
}

// monthIndex returns the index of the lunar month containing jd, or -1 outside the table.
func (t *lunarTable) monthIndex(jd int32) int {
	n := len(t.start) - 1
	if jd < t.start[0] || jd >= t.start[n] {
		return -1
	}
	i := int(float64(jd-t.start[0]) / 29.530588861)
	if i >= n {
		i = n - 1
	}
	for t.start[i] > jd {
		i--
	}
	for t.start[i+1] <= jd {
		i++
	}
	return i
}

// SolarToLunar converts a solar date to the Vietnamese lunar calendar (UTC+7). It returns the zero
// LunarDate outside LunarRange. It does not allocate.
func SolarToLunar(d Date) LunarDate {
	t := lunar()
	i := t.monthIndex(d.jd)
	if i < 0 {
		return LunarDate{}
	}
	return LunarDate{Year: int(t.year[i]), Month: int(t.month[i]), Day: int(d.jd-t.start[i]) + 1, Leap: t.leap[i]}
}

// LunarToSolar converts a Vietnamese lunar date to the solar calendar. It fails when the lunar date does not
// exist (a day 30 in a 29-day month, a leap month in a year whose leap month is another one) or lies outside
// the supported range.
func LunarToSolar(l LunarDate) (Date, error) {
	t := lunar()
	if l.Year < lunarFirstYear || l.Year > lunarLastYear {
		return Date{}, fmt.Errorf("lunar year %d out of the supported range %d–%d", l.Year, lunarFirstYear, lunarLastYear)
	}
	if l.Month < 1 || l.Month > 12 || l.Day < 1 || l.Day > 30 {
		return Date{}, fmt.Errorf("invalid lunar date %v", l)
	}
	yi := l.Year - lunarFirstYear
	lm := int(t.yLeap[yi])
	if l.Leap && lm != l.Month {
		if lm == 0 {
			return Date{}, fmt.Errorf("lunar year %d has no leap month", l.Year)
		}
		return Date{}, fmt.Errorf("lunar year %d has no leap month %d (its leap month is %d)", l.Year, l.Month, lm)
	}
	i := int(t.yFirst[yi]) + l.Month - 1
	if lm != 0 && (l.Month > lm || l.Leap) {
		i++
	}
	if i+1 >= len(t.start) {
		return Date{}, fmt.Errorf("lunar date %v out of the supported range", l)
	}
	if length := int(t.start[i+1] - t.start[i]); l.Day > length {
		return Date{}, fmt.Errorf("lunar month %d of %d has %d days, not %d", l.Month, l.Year, length, l.Day)
	}
	return fromJD(int(t.start[i]) + l.Day - 1), nil
}

// LunarMonthLength returns the number of days (29 or 30) of a lunar month, or 0 if it does not exist.
func LunarMonthLength(year, month int, leap bool) int {
	d, err := LunarToSolar(LunarDate{Year: year, Month: month, Day: 1, Leap: leap})
	if err != nil {
		return 0
	}
	t := lunar()
	i := t.monthIndex(d.jd)
	return int(t.start[i+1] - t.start[i])
}

// LeapMonth returns the leap month number of a lunar year, or 0 if the year has none (or is out of range).
func LeapMonth(year int) int {
	if year < lunarFirstYear || year > lunarLastYear {
		return 0
	}
	return int(lunar().yLeap[year-lunarFirstYear])
}

// Tet returns the solar date of Tết Nguyên đán (1st day of the 1st lunar month) of a lunar year, or the zero
// Date out of range.
func Tet(year int) Date {
	d, _ := LunarToSolar(LunarDate{Year: year, Month: 1, Day: 1})
	return d
}

var (
	can = [10]string{"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"}
	chi = [12]string{"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"}
)

// CanChi returns the Can Chi name of a lunar year: 2023 "Quý Mão", 2024 "Giáp Thìn", 2026 "Bính Ngọ".
func CanChi(year int) string {
	c := (year + 6) % 10
	if c < 0 {
		c += 10
	}
	z := (year + 8) % 12
	if z < 0 {
		z += 12
	}
	return can[c] + " " + chi[z]
}

// lunarMonthName returns the Vietnamese name of a lunar month: "Giêng", "2" … "11", "Chạp", with " nhuận".
func lunarMonthName(month int, leap bool) string {
	var s string
	switch month {
	case 1:
		s = "Giêng"
	case 12:
		s = "Chạp"
	default:
		s = fmt.Sprint(month)
	}
	if leap {
		s += " nhuận"
	}
	return s
}

// FormatLunar formats a lunar date in Vietnamese: "ngày 01 tháng Giêng năm Quý Mão", "ngày 15 tháng 4 nhuận
// năm Quý Mão", "ngày 30 tháng Chạp năm Giáp Thìn".
func FormatLunar(l LunarDate) string {
	return fmt.Sprintf("ngày %02d tháng %s năm %s", l.Day, lunarMonthName(l.Month, l.Leap), CanChi(l.Year))
}
