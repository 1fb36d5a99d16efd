package calendar

import (
	"fmt"
	"slices"
	"time"
)

// Explanation says how a deadline in working days was counted: from which day, how many days, the due day,
// every day counted and every day skipped, each with the calendar's classification (and its reason).
type Explanation struct {
	From Date `json:"from"`
	N    int  `json:"working_days"`
	Due  Date `json:"due"`
	// Counted are the working days counted, in order of counting (backwards for a negative N); len(Counted)
	// is |N|.
	Counted []DayInfo `json:"counted"`
	// Skipped are the days off passed over between From and Due (weekends, holidays, compensatory and swapped
	// days off), in date order, each with its Reason.
	Skipped []DayInfo `json:"skipped"`
	// Estimated lists the years, in order, whose days in the span are estimated from the law rather than an
	// official schedule (DayInfo.Official false).
	Estimated []int `json:"estimated,omitempty"`
}

// Explain counts n working days from d like AddWorkingDays and returns the explanation: the due day, the
// days counted and the days skipped with their reasons.
func (c *Calendar) Explain(d Date, n int) Explanation {
	x := Explanation{From: d, N: n, Due: c.AddWorkingDays(d, n)}
	lo, hi := d.AddDays(1), x.Due
	if n < 0 {
		lo, hi = x.Due, d.AddDays(-1)
	}
	seen := map[int]bool{}
	for day := lo; !day.After(hi); day = day.AddDays(1) {
		info := c.Day(day)
		if !info.Official && !seen[day.Year()] {
			seen[day.Year()] = true
			x.Estimated = append(x.Estimated, day.Year())
		}
		if info.Working {
			x.Counted = append(x.Counted, info)
		} else {
			x.Skipped = append(x.Skipped, info)
		}
	}
	if n < 0 {
		for i, j := 0, len(x.Counted)-1; i < j; i, j = i+1, j-1 {
			x.Counted[i], x.Counted[j] = x.Counted[j], x.Counted[i]
		}
	}
	return x
}

// WorkedWeekends returns the counted days that fall on a Saturday or Sunday (days worked in exchange for a
// swapped day off).
func (x Explanation) WorkedWeekends() []DayInfo {
	var out []DayInfo
	for _, d := range x.Counted {
		if wd := d.Date.Weekday(); wd == time.Saturday || wd == time.Sunday {
			out = append(out, d)
		}
	}
	return out
}

// Rule states the counting rule in Vietnamese: "7 ngày làm việc kể từ ngày sau 2023-05-12 (Bộ luật Dân sự
// 2015, Điều 147)". RuleEN says the same in English.
func (x Explanation) Rule() string {
	switch {
	case x.N > 0:
		return fmt.Sprintf("%d ngày làm việc kể từ ngày sau %s (Bộ luật Dân sự 2015, Điều 147)", x.N, x.From)
	case x.N < 0:
		return fmt.Sprintf("%d ngày làm việc trước ngày %s, không tính ngày đó", -x.N, x.From)
	}
	return fmt.Sprintf("0 ngày làm việc: chính ngày %s", x.From)
}

// RuleEN states the counting rule in English: "7 working days from the day after 2023-05-12 (Civil Code
// 2015, Article 147)".
func (x Explanation) RuleEN() string {
	switch {
	case x.N > 0:
		return fmt.Sprintf("%d working days from the day after %s (Civil Code 2015, Article 147)", x.N, x.From)
	case x.N < 0:
		return fmt.Sprintf("%d working days before %s, that day not counted", -x.N, x.From)
	}
	return fmt.Sprintf("0 working days: %s itself", x.From)
}

// Notable returns, in date order, the days a reader of the count wants to see: every day skipped and every
// weekend day counted (worked in exchange for a swapped day off).
func (x Explanation) Notable() []DayInfo {
	days := append(slices.Clone(x.Skipped), x.WorkedWeekends()...)
	slices.SortFunc(days, func(a, b DayInfo) int { return a.Date.Compare(b.Date) })
	return days
}
