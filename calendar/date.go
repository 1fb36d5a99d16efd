package calendar

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Date is a civil (calendar) date without a time of day or a time zone. The zero Date is not a valid day;
// IsZero reports it. Dates are compared with ==, Before, After, Compare.
//
// Internally a Date is its Julian Day Number, so adding days and subtracting dates is integer arithmetic.
type Date struct {
	jd int32 // Julian Day Number; 0 means the zero Date
}

// unixJD is the Julian Day Number of 1970-01-01.
const unixJD = 2440588

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d (proleptic Gregorian calendar).
// Algorithm by Howard Hinnant ("chrono-compatible low-level date algorithms").
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// NewDate returns the date year-month-day. Like time.Date, it normalises values out of range:
// NewDate(2023, 2, 30) is 2023-03-02 and NewDate(2023, 13, 1) is 2024-01-01.
func NewDate(year int, month time.Month, day int) Date {
	m := int(month) - 1
	year += m / 12
	m %= 12
	if m < 0 {
		m += 12
		year--
	}
	return Date{int32(daysFromCivil(year, m+1, 1) + day - 1 + unixJD)}
}

// The first and last Julian Day Numbers a Date holds (0 is the zero Date).
const (
	minJD = 1
	maxJD = math.MaxInt32
)

// fromJD returns the Date with Julian Day Number jd, saturated to [minJD, maxJD].
func fromJD(jd int) Date { return fromJD64(int64(jd)) }

func fromJD64(jd int64) Date {
	switch {
	case jd < minJD:
		jd = minJD
	case jd > maxJD:
		jd = maxJD
	}
	return Date{int32(jd)}
}

// JDN returns the Julian Day Number of d (the day count used in astronomy; 2000-01-01 is 2451545).
func (d Date) JDN() int { return int(d.jd) }

// DateOf returns the civil date that t shows in its own location. A time.Time at local midnight in
// Hà Nội is that same day, whatever the machine's time zone.
func DateOf(t time.Time) Date {
	y, m, dd := t.Date()
	return NewDate(y, m, dd)
}

// Today returns the current date in Vietnam (UTC+7), whatever the machine's time zone.
func Today() Date { return DateOf(time.Now().In(time.FixedZone("ICT", 7*3600))) }

// ParseDate parses a date written YYYY-MM-DD (ISO 8601, four-digit year) or day first, as Vietnamese offices
// write it: DD/MM/YYYY, DD-MM-YYYY or DD.MM.YYYY, with one or two digits for the day and the month
// ("15/3/2026", "05-03-2026", "5.3.2026") and four for the year, the same separator twice. It rejects days that
// do not exist.
//
// A string of the right form that names no real day ("2023-02-30", "30/2/2023") returns an error that wraps
// ErrNoSuchDay.
func ParseDate(s string) (Date, error) {
	y, m, dd, ok := splitDate(s)
	if !ok {
		return Date{}, fmt.Errorf("invalid date %q: want YYYY-MM-DD or DD/MM/YYYY", s)
	}
	if m < 1 || m > 12 || dd < 1 || dd > daysIn(y, time.Month(m)) {
		return Date{}, fmt.Errorf("invalid date %q: %w", s, ErrNoSuchDay)
	}
	return NewDate(y, time.Month(m), dd), nil
}

// splitDate reads the year, month and day of an ISO (YYYY-MM-DD) or day-first (D/M/YYYY, D-M-YYYY, D.M.YYYY)
// date, without checking that the day exists.
func splitDate(s string) (y, m, d int, ok bool) {
	num := func(p string, minLen, maxLen int) (int, bool) {
		if len(p) < minLen || len(p) > maxLen {
			return 0, false
		}
		n := 0
		for i := 0; i < len(p); i++ {
			c := p[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := num(s[0:4], 4, 4)
		m, ok2 := num(s[5:7], 2, 2)
		d, ok3 := num(s[8:10], 2, 2)
		return y, m, d, ok1 && ok2 && ok3
	}
	if len(s) < 8 || len(s) > 10 {
		return 0, 0, 0, false
	}
	i := strings.IndexAny(s, "/-.")
	if i < 0 {
		return 0, 0, 0, false
	}
	sep := s[i]
	parts := strings.Split(s, string(sep))
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	d, ok1 := num(parts[0], 1, 2)
	m, ok2 := num(parts[1], 1, 2)
	y, ok3 := num(parts[2], 4, 4)
	return y, m, d, ok1 && ok2 && ok3
}

// ErrNoSuchDay is wrapped by the error ParseDate returns for a well-formed date that does not exist.
var ErrNoSuchDay = errors.New("no such day")

// MustParseDate is ParseDate that panics on error; for tests and constants.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func isLeapYear(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeapYear(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// DaysInMonth returns the number of days in the given month.
func DaysInMonth(year int, month time.Month) int {
	d := NewDate(year, month, 1)
	return daysIn(d.Year(), d.Month())
}

// Date returns the year, month and day of d.
func (d Date) Date() (year int, month time.Month, day int) {
	y, m, dd := civilFromDays(int(d.jd) - unixJD)
	return y, time.Month(m), dd
}

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns the month of d.
func (d Date) Month() time.Month { _, m, _ := d.Date(); return m }

// Day returns the day of the month of d.
func (d Date) Day() int { _, _, dd := d.Date(); return dd }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// JDN 0 was a Monday.
	w := (int(d.jd) + 1) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// YearDay returns the day of the year of d, 1 to 366.
func (d Date) YearDay() int { return int(d.jd) - NewDate(d.Year(), time.January, 1).JDN() + 1 }

// AddDays returns d plus n days (n may be negative).
//
// Dates are kept as Julian Day Numbers, so they reach from 4713 BC to about 5.8 million AD; AddDays saturates
// at those ends instead of wrapping around.
func (d Date) AddDays(n int) Date {
	return fromJD64(int64(d.jd) + max(min(int64(n), maxJD), -maxJD))
}

// Sub returns the number of days from e to d (d − e).
func (d Date) Sub(e Date) int { return int(d.jd) - int(e.jd) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.jd < e.jd }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.jd > e.jd }

// Equal reports whether d and e are the same day.
func (d Date) Equal(e Date) bool { return d.jd == e.jd }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.jd < e.jd:
		return -1
	case d.jd > e.jd:
		return 1
	}
	return 0
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.jd == 0 }

// String returns d as YYYY-MM-DD (the zero Date prints as "0000-00-00").
func (d Date) String() string {
	if d.IsZero() {
		return "0000-00-00"
	}
	var b [16]byte
	return string(d.appendISO(b[:0]))
}

func (d Date) appendISO(b []byte) []byte {
	y, m, dd := d.Date()
	if y < 0 || y > 9999 {
		return fmt.Appendf(b, "%04d-%02d-%02d", y, int(m), dd)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// In returns midnight at the start of d in loc.
func (d Date) In(loc *time.Location) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// MarshalText implements encoding.TextMarshaler (YYYY-MM-DD).
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return d.appendISO(nil), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (what ParseDate reads; empty text gives the zero Date).
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// UnmarshalYAML implements yaml.v3's Unmarshaler: a scalar YYYY-MM-DD or day first (ParseDate); an empty string ("", what MarshalText
// writes for the zero Date) gives the zero Date.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d column %d: want a date YYYY-MM-DD", n.Line, n.Column)
	}
	if n.Value == "" && n.Tag == "!!str" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		return fmt.Errorf("line %d column %d: %v", n.Line, n.Column, err)
	}
	*d = v
	return nil
}
