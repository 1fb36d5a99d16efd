package notice

import (
	"slices"
	"time"

	"github.com/vanban/vanban/calendar"
)

// Shift says where a scheduled day goes when it is not a working day (the rule as written in a YAML file).
type Shift string

const (
	// NextWorkingDay moves an off day to the next working day, into the next month if need be
	// ("nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo"). The default.
	NextWorkingDay Shift = "next"
	// NextWorkingDayInMonth moves it to the next working day of the same month, or, when none is left in the
	// month, to the last working day before it: the reception stays in its month.
	NextWorkingDayInMonth Shift = "next-in-month"
	// PreviousWorkingDay moves it to the working day before it.
	PreviousWorkingDay Shift = "previous"
)

// rule returns the calendar's shift rule.
func (s Shift) rule() calendar.ShiftRule {
	switch s {
	case NextWorkingDayInMonth:
		return calendar.ShiftForwardInMonth
	case PreviousWorkingDay:
		return calendar.ShiftBackward
	}
	return calendar.ShiftForward
}

// Vietnamese returns the rule as printed in the schedule notice.
func (s Shift) Vietnamese() string {
	switch s {
	case NextWorkingDayInMonth:
		return "nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo trong tháng (ngày nghỉ cuối tháng thì lùi về ngày làm việc liền trước)"
	case PreviousWorkingDay:
		return "nếu trùng ngày nghỉ thì tổ chức vào ngày làm việc liền trước"
	}
	return "nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo"
}

// MonthlyRule is a recurring schedule on fixed days of each month, e.g. citizen reception "on the 15th and 25th of
// each month" (tiếp công dân định kỳ vào ngày 15 và 25 hằng tháng). A day past the end of a short month (31 in
// April) falls on the month's last day. The dates come from (*calendar.Calendar).Monthly.
type MonthlyRule struct {
	Days  []int
	Shift Shift
}

// Occurrence is one dated instance of a rule: the day it was scheduled on and the day it is held.
type Occurrence struct {
	Scheduled, Held calendar.Date
}

// Moved reports whether the occurrence was moved off its scheduled day.
func (o Occurrence) Moved() bool { return o.Scheduled != o.Held }

// Expand lists the occurrences of r whose scheduled day is in [from, to], on calendar cal, in order of the day
// held, without duplicates (two scheduled days moved onto the same day are held once, under the first).
func (r MonthlyRule) Expand(cal *calendar.Calendar, from, to calendar.Date) []Occurrence {
	days := slices.Clone(r.Days)
	slices.Sort(days)
	days = slices.Compact(days)
	var out []Occurrence
	seen := map[calendar.Date]bool{}
	for m := calendar.NewDate(from.Year(), from.Month(), 1); !m.After(to); m = calendar.NewDate(m.Year(), m.Month()+1, 1) {
		last := calendar.DaysInMonth(m.Year(), m.Month())
		for _, d := range days {
			sched := calendar.NewDate(m.Year(), m.Month(), min(d, last))
			if sched.Before(from) || sched.After(to) {
				continue
			}
			held := cal.Monthly(m.Year(), m.Month(), d, r.Shift.rule())
			if seen[held] {
				continue
			}
			seen[held] = true
			out = append(out, Occurrence{Scheduled: sched, Held: held})
		}
	}
	slices.SortStableFunc(out, func(a, b Occurrence) int { return a.Held.Compare(b.Held) })
	return out
}

// ExpandYear lists the occurrences of r in year.
func (r MonthlyRule) ExpandYear(cal *calendar.Calendar, year int) []Occurrence {
	return r.Expand(cal, calendar.NewDate(year, time.January, 1), calendar.NewDate(year, time.December, 31))
}
