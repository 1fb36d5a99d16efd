package plan

import (
	"fmt"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
)

// Warnings returns the problems of the plan that need a working-day calendar and do not stop the document: each
// session whose time names a day (a date, or a date and hour) that is not a working day on cal (a weekend, a
// holiday, a compensatory day off), at the position of its time. A session given by its month only gets none.
// Parse does not call it, so that a plan needs no calendar; the command line prints these warnings, and its
// --strict flag makes them errors.
func (p *Plan) Warnings(cal *calendar.Calendar) source.Errors {
	if cal == nil {
		cal = calendar.Default()
	}
	var out source.Errors
	for i, s := range p.Sessions {
		if !s.Time.HasDay() {
			continue
		}
		d := s.Time.Date()
		info := cal.Day(d)
		if info.Working {
			continue
		}
		why, whyEN := "", ""
		if info.Reason != "" {
			why, whyEN = ": "+info.Reason, " ("+info.Reason+")"
		}
		out = append(out, p.Src.Errorf(fmt.Sprintf("sessions[%d].time", i),
			fmt.Sprintf("ngày %s (%s) không phải ngày làm việc%s; chọn ngày làm việc khác cho buổi đối thoại %s", document.ShortDate(d), calendar.WeekdayName(d), why, s.ID),
			fmt.Sprintf("%s (%s) is not a working day%s; choose a working day for session %s", d, d.Weekday(), whyEN, s.ID)))
	}
	return out
}
