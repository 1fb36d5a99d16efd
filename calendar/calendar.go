package calendar

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"sync"
	"time"
)

//go:embed schedules/vn-civil-servants.yaml
var embeddedSchedule []byte

// EmbeddedScheduleName is the name of the embedded schedule in messages and sources.
const EmbeddedScheduleName = "calendar/schedules/vn-civil-servants.yaml"

// The range of days classified from the law and the schedules. Outside it a Calendar knows only the weekly
// rest days (see Calendar.Day).
const (
	firstYear = 1968
	lastYear  = 2100
)

// SupportedRange returns the first and last day a Calendar classifies by law and schedule:
// 1968-01-01 and 2100-12-31.
func SupportedRange() (first, last Date) {
	return NewDate(firstYear, 1, 1), NewDate(lastYear, 12, 31)
}

// InRange reports whether d lies in SupportedRange.
func InRange(d Date) bool {
	f, l := SupportedRange()
	return !d.Before(f) && !d.After(l)
}

// DayKind classifies a day.
type DayKind uint8

// Kinds of day.
const (
	Workday        DayKind = iota // an ordinary working day (Monday–Friday)
	WorkingWeekend                // a Saturday or Sunday made a working day (làm bù for a swap, or a correction)
	WeeklyRest                    // Saturday or Sunday
	PublicHoliday                 // a public holiday (ngày lễ, Tết), whatever the weekday
	Compensatory                  // nghỉ bù: a holiday fell on a weekly rest day
	SwappedDayOff                 // nghỉ hoán đổi: a weekday off against a worked Saturday
	OtherDayOff                   // another day off given by a schedule file ("off:")
)

var kindNames = [...]string{"workday", "working weekend", "weekly rest", "public holiday", "compensatory", "swapped day off", "other day off"}

func (k DayKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("DayKind(%d)", k)
}

// DayInfo says whether a day is a working day, and why not.
type DayInfo struct {
	Date    Date
	Working bool
	Kind    DayKind
	// Reason is empty on an ordinary working day; otherwise, in Vietnamese: "Thứ Bảy", "Chủ nhật",
	// "Tết Nguyên đán", "Nghỉ bù Giỗ Tổ Hùng Vương", "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)",
	// "Làm bù cho ngày nghỉ hoán đổi 02/01/2026".
	Reason string
	// Official is true when the day rests on an official schedule (embedded, or a loaded file that says so),
	// false when it is estimated from the law (and outside SupportedRange).
	Official bool
	// Source is where the classification comes from (a notice, a file, or "estimate from …"); empty for
	// plain weekdays and weekly rest days.
	Source string
}

type dayClass struct {
	kind     DayKind
	working  bool
	official bool
	reason   string
	source   string
}

// Calendar answers working-day questions. It is immutable and safe for concurrent use.
type Calendar struct {
	base     int32      // JDN of the first day of the table
	cls      []uint16   // class index per day
	work     []bool     // working day flag per day
	cum      []int32    // cum[i] = working days among the first i days of the table
	classes  []dayClass // distinct classifications
	official []bool     // per year (index year-firstYear): rests on an official schedule
	noSwaps  bool
}

type config struct {
	schedules  []*Schedule
	noSwaps    bool
	noEmbedded bool
	errs       []error
}

// Option configures New.
type Option func(*config)

// WithScheduleFile loads a schedule file (same format as the embedded one) on top of the embedded
// schedules and of any schedule given before it. See the package documentation for the merge rules.
func WithScheduleFile(path string) Option {
	return func(c *config) {
		s, err := ReadScheduleFile(path)
		if err != nil {
			c.errs = append(c.errs, err)
			return
		}
		c.schedules = append(c.schedules, s)
	}
}

// WithSchedule loads a schedule from r, like WithScheduleFile; error messages call it "schedule".
func WithSchedule(r io.Reader) Option { return WithNamedSchedule("schedule", r) }

// WithNamedSchedule loads a schedule from r, like WithScheduleFile; name is used in error messages.
func WithNamedSchedule(name string, r io.Reader) Option {
	return func(c *config) {
		s, err := ReadSchedule(name, r)
		if err != nil {
			c.errs = append(c.errs, err)
			return
		}
		c.schedules = append(c.schedules, s)
	}
}

// WithParsedSchedule adds an already parsed schedule.
func WithParsedSchedule(s *Schedule) Option {
	return func(c *config) { c.schedules = append(c.schedules, s) }
}

// WithoutSwaps gives the calendar of employers that do not follow the civil-servant swaps (hoán đổi):
// swapped weekdays are working days and the Saturdays worked in exchange are weekly rest days. Holidays and
// nghỉ bù stay. Entries "working:" on a Saturday or Sunday are ignored too.
func WithoutSwaps() Option { return func(c *config) { c.noSwaps = true } }

// WithoutEmbeddedSchedules ignores the embedded official schedules: every year is estimated from the law
// unless a loaded schedule gives it.
func WithoutEmbeddedSchedules() Option { return func(c *config) { c.noEmbedded = true } }

var (
	defaultOnce sync.Once
	defaultCal  *Calendar
)

// Default returns the calendar of civil servants with the embedded official schedules. It is built once.
func Default() *Calendar {
	defaultOnce.Do(func() {
		c, err := New()
		if err != nil {
			panic("calendar: embedded schedule is invalid: " + err.Error())
		}
		defaultCal = c
	})
	return defaultCal
}

// EmbeddedSchedule returns the embedded official schedules, parsed.
func EmbeddedSchedule() *Schedule {
	s, err := ParseSchedule(EmbeddedScheduleName, embeddedSchedule)
	if err != nil {
		panic("calendar: embedded schedule is invalid: " + err.Error())
	}
	return s
}

// EmbeddedScheduleYAML returns the embedded schedule file, a template for user files.
func EmbeddedScheduleYAML() []byte { return bytes.Clone(embeddedSchedule) }

// New builds a calendar: the embedded schedules, then the options' schedules in order, and the law's
// estimate for every year no schedule gives.
func New(opts ...Option) (*Calendar, error) {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	if len(cfg.errs) > 0 {
		return nil, cfg.errs[0]
	}
	layers := cfg.schedules
	if !cfg.noEmbedded {
		layers = append([]*Schedule{EmbeddedSchedule()}, layers...)
	}
	return build(layers, !cfg.noEmbedded, cfg.noSwaps), nil
}

// plainClass returns the class of a weekly rest day or a plain workday.
func plainClass(d Date, official bool) dayClass {
	switch d.Weekday() {
	case time.Saturday:
		return dayClass{kind: WeeklyRest, reason: "Thứ Bảy", official: official}
	case time.Sunday:
		return dayClass{kind: WeeklyRest, reason: "Chủ nhật", official: official}
	}
	return dayClass{kind: Workday, working: true, official: official}
}

func build(layers []*Schedule, embeddedFirst, noSwaps bool) *Calendar {
	first, last := SupportedRange()
	n := last.Sub(first) + 1
	c := &Calendar{
		base:     first.jd,
		cls:      make([]uint16, n),
		work:     make([]bool, n),
		cum:      make([]int32, n+1),
		official: make([]bool, lastYear-firstYear+1),
		noSwaps:  noSwaps,
	}
	index := map[dayClass]uint16{}
	intern := func(dc dayClass) uint16 {
		if i, ok := index[dc]; ok {
			return i
		}
		i := uint16(len(c.classes))
		c.classes = append(c.classes, dc)
		index[dc] = i
		return i
	}
	// Merge the layers per year (rules in the package documentation, "Loading schedule files").
	type yearData struct {
		scheduled bool
		official  bool
		entries   map[Date]Entry
	}
	years := make([]yearData, lastYear-firstYear+1)
	var statutory []StatutoryHoliday
	for _, s := range layers {
		statutory = append(statutory, s.Statutory...)
	}
	for li, s := range layers {
		complete := li == 0 && embeddedFirst
		for y, sy := range s.Years {
			if y < firstYear || y > lastYear {
				continue
			}
			yd := &years[y-firstYear]
			switch {
			case sy.Replace || (complete && !yd.scheduled):
				yd.entries = map[Date]Entry{}
				yd.official = true
			case !yd.scheduled:
				// a file adding days to an estimated year: the rest of the year stays estimated
				yd.entries = map[Date]Entry{}
				for _, e := range estimateYear(y, statutory) {
					yd.entries[e.Date] = e
				}
			}
			if sy.Official != nil {
				yd.official = *sy.Official
			}
			yd.scheduled = true
			for _, b := range sy.Breaks {
				for _, e := range b.Days {
					yd.entries[e.Date] = e
					if e.Kind == EntrySwapped {
						yd.entries[e.With] = Entry{Date: e.With, Kind: EntryWorking, With: e.Date, Break: e.Break, Line: -1}
					}
				}
			}
		}
	}
	// Plain days.
	for i := 0; i < n; i++ {
		d := fromJD(int(first.jd) + i)
		c.cls[i] = intern(plainClass(d, years[d.Year()-firstYear].official))
	}
	for y := range years {
		c.official[y] = years[y].official
	}
	apply := func(e Entry, official bool) {
		i := e.Date.Sub(first)
		if i < 0 || i >= n {
			return
		}
		var dc dayClass
		src := ""
		if e.Break != nil {
			src = e.Break.Source
		}
		weekend := e.Date.Weekday() == time.Saturday || e.Date.Weekday() == time.Sunday
		switch e.Kind {
		case EntryHoliday:
			dc = dayClass{kind: PublicHoliday, reason: e.Name}
		case EntryCompensatory:
			dc = dayClass{kind: Compensatory, reason: "Nghỉ bù " + e.Name}
		case EntrySwapped:
			if noSwaps {
				return
			}
			dc = dayClass{kind: SwappedDayOff, reason: fmt.Sprintf("Nghỉ hoán đổi (làm bù %s %s)", WeekdayName(e.With), FormatShort(e.With))}
		case EntryOff:
			dc = dayClass{kind: OtherDayOff, reason: e.Name}
		case EntryWorking:
			if weekend && noSwaps {
				return
			}
			reason := e.Name
			if reason == "" && !e.With.IsZero() {
				reason = "Làm bù cho ngày nghỉ hoán đổi " + FormatShort(e.With)
			}
			dc = dayClass{kind: Workday, working: true, reason: reason}
			if weekend {
				dc.kind = WorkingWeekend
			}
		default:
			return
		}
		dc.official, dc.source = official, src
		c.cls[i] = intern(dc)
	}
	// Estimated years first, then scheduled years, so that a schedule's day in a neighbouring year wins.
	for y := firstYear; y <= lastYear; y++ {
		if !years[y-firstYear].scheduled {
			for _, e := range estimateYear(y, statutory) {
				apply(e, false)
			}
		}
	}
	for y := firstYear; y <= lastYear; y++ {
		yd := years[y-firstYear]
		if !yd.scheduled {
			continue
		}
		for _, e := range sortedEntries(yd.entries) {
			apply(e, yd.official)
		}
	}
	for i := 0; i < n; i++ {
		c.work[i] = c.classes[c.cls[i]].working
		c.cum[i+1] = c.cum[i]
		if c.work[i] {
			c.cum[i+1]++
		}
	}
	return c
}

func sortedEntries(m map[Date]Entry) []Entry {
	out := make([]Entry, 0, len(m))
	for _, e := range m {
		out = append(out, e)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Date.Before(out[j-1].Date); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// SwapsIgnored reports whether the calendar was built WithoutSwaps.
func (c *Calendar) SwapsIgnored() bool { return c.noSwaps }

// IsOfficialYear reports whether year y rests on an official schedule.
func (c *Calendar) IsOfficialYear(y int) bool {
	if y < firstYear || y > lastYear {
		return false
	}
	return c.official[y-firstYear]
}

// Day classifies d. Outside SupportedRange only Saturdays and Sundays are days off, and Official is false.
func (c *Calendar) Day(d Date) DayInfo {
	i := int(d.jd - c.base)
	var dc dayClass
	if uint(i) < uint(len(c.cls)) {
		dc = c.classes[c.cls[i]]
	} else {
		dc = plainClass(d, false)
	}
	return DayInfo{Date: d, Working: dc.working, Kind: dc.kind, Reason: dc.reason, Official: dc.official, Source: dc.source}
}

// IsWorkingDay reports whether d is a working day.
func (c *Calendar) IsWorkingDay(d Date) bool {
	i := int(d.jd - c.base)
	if uint(i) < uint(len(c.work)) {
		return c.work[i]
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddWorkingDays returns the n-th working day after d (Bộ luật Dân sự 2015 Điều 147: the period starts on
// the day after the event, so d itself is never counted). For n < 0 it returns the |n|-th working day before
// d; for n == 0, d itself. WorkingDaysBetween(d, AddWorkingDays(d, n)) == n for every n ≥ 0; for n < 0,
// WorkingDaysBetween(AddWorkingDays(d, n), d) == −n when d is a working day, and −n − 1 when d is a day off
// (WorkingDaysBetween counts the later day, not the earlier one). Any n answers at once: a result beyond what a
// Date holds saturates at its first or last day.
func (c *Calendar) AddWorkingDays(d Date, n int) Date {
	if n > walkLimit || n < -walkLimit {
		return c.addFar(d, n)
	}
	i := int(d.jd - c.base)
	switch {
	case n > 0:
		for n > 0 {
			i++
			if uint(i) < uint(len(c.work)) {
				if c.work[i] {
					n--
				}
			} else if c.IsWorkingDay(fromJD(int(c.base) + i)) {
				n--
			}
		}
	case n < 0:
		for n < 0 {
			i--
			if uint(i) < uint(len(c.work)) {
				if c.work[i] {
					n++
				}
			} else if c.IsWorkingDay(fromJD(int(c.base) + i)) {
				n++
			}
		}
	}
	return fromJD(int(c.base) + i)
}

// walkLimit is the largest |n| AddWorkingDays counts day by day (fast for the deadlines of real documents);
// beyond it addFar searches the cumulative count, so any n answers at once.
const walkLimit = 256

// addFar is AddWorkingDays for a large |n|: a binary search for the first day whose cumulative working-day
// count (workingUpTo) reaches the target. Working days are at least half of all days in any span of two weeks
// or more, so the due date lies within 2|n|+30 days. A result beyond what a Date holds saturates.
func (c *Calendar) addFar(d Date, n int) Date {
	n = max(min(n, maxJD), -maxJD) // no span of Dates is longer; keeps 2n below overflow
	var target, lo, hi int
	if n > 0 {
		target = c.workingUpTo(d) + n
		lo, hi = int(d.jd)+1, int(d.jd)+2*n+30
	} else {
		// The |n|-th working day x before d has |n| working days in [x, d): W(x−1) = W(d−1) − |n|, and x is
		// itself a working day, so x is the first day with W(x) ≥ W(d−1) − |n| + 1.
		target = c.workingUpTo(d.AddDays(-1)) + n + 1
		lo, hi = int(d.jd)+2*n-30, int(d.jd)-1
	}
	lo, hi = max(lo, minJD), min(hi, maxJD)
	if lo > hi || c.workingUpTo(fromJD(hi)) < target {
		return fromJD(hi)
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if c.workingUpTo(fromJD(mid)) >= target {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return fromJD(lo)
}

// workingUpTo returns the number of working days from the start of the table to d inclusive (it may be
// negative before the table).
func (c *Calendar) workingUpTo(d Date) int {
	i := int(d.jd - c.base)
	n := len(c.work)
	switch {
	case i < 0:
		return -weekdaysIn(d.AddDays(1), fromJD(int(c.base)-1))
	case i >= n:
		return int(c.cum[n]) + weekdaysIn(fromJD(int(c.base)+n), d)
	}
	return int(c.cum[i+1])
}

// weekdaysIn counts Monday–Friday days in [a, b] (0 if b < a).
func weekdaysIn(a, b Date) int {
	if b.Before(a) {
		return 0
	}
	days := b.Sub(a) + 1
	full := days / 7 * 5
	wd := a.Weekday()
	for k := 0; k < days%7; k++ {
		if w := (int(wd) + k) % 7; w != 0 && w != 6 {
			full++
		}
	}
	return full
}

// WorkingDaysBetween returns the number of working days after a up to and including b (the counting of
// Điều 147: WorkingDaysBetween(d, AddWorkingDays(d, n)) == n for n ≥ 0). If b is before a the result is
// negative: −WorkingDaysBetween(b, a).
func (c *Calendar) WorkingDaysBetween(a, b Date) int { return c.workingUpTo(b) - c.workingUpTo(a) }

// NextWorkingDay returns the first working day strictly after d.
func (c *Calendar) NextWorkingDay(d Date) Date { return c.AddWorkingDays(d, 1) }

// PreviousWorkingDay returns the last working day strictly before d.
func (c *Calendar) PreviousWorkingDay(d Date) Date { return c.AddWorkingDays(d, -1) }

// OnOrAfterWorkingDay returns d if it is a working day, else the next working day.
func (c *Calendar) OnOrAfterWorkingDay(d Date) Date {
	if c.IsWorkingDay(d) {
		return d
	}
	return c.NextWorkingDay(d)
}

// OnOrBeforeWorkingDay returns d if it is a working day, else the previous working day.
func (c *Calendar) OnOrBeforeWorkingDay(d Date) Date {
	if c.IsWorkingDay(d) {
		return d
	}
	return c.PreviousWorkingDay(d)
}

// ShiftRule says where a recurring date goes when it falls on a day off.
type ShiftRule uint8

// Shift rules for Monthly.
const (
	// ShiftForward: the next working day ("nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo").
	ShiftForward ShiftRule = iota
	// ShiftForwardInMonth: the next working day, unless that leaves the month: then the previous working day.
	ShiftForwardInMonth
	// ShiftBackward: the previous working day.
	ShiftBackward
	// NoShift: the date itself, working day or not.
	NoShift
)

// Monthly returns the date of a monthly recurring event: day of month of year, shifted by rule when it is not
// a working day. A day beyond the end of the month means the month's last day (31 → 30/4, 28 or 29/2).
func (c *Calendar) Monthly(year int, month time.Month, day int, rule ShiftRule) Date {
	first := NewDate(year, month, 1)
	if day < 1 {
		day = 1
	}
	if dim := daysIn(first.Year(), first.Month()); day > dim {
		day = dim
	}
	d := first.AddDays(day - 1)
	if c.IsWorkingDay(d) || rule == NoShift {
		return d
	}
	switch rule {
	case ShiftForwardInMonth:
		next := c.NextWorkingDay(d)
		if next.Month() == d.Month() {
			return next
		}
		return c.PreviousWorkingDay(d)
	case ShiftBackward:
		return c.PreviousWorkingDay(d)
	}
	return c.NextWorkingDay(d)
}

// DaysOff returns every day in [from, to] that is not a working day.
func (c *Calendar) DaysOff(from, to Date) []DayInfo {
	var out []DayInfo
	for d := from; !d.After(to); d = d.AddDays(1) {
		if !c.IsWorkingDay(d) {
			out = append(out, c.Day(d))
		}
	}
	return out
}
