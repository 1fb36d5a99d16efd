package plan

import (
	"fmt"
	"github.com/vanban/vanban/problem"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
)

// Warnings returns the problems of the plan that do not stop the document: each session whose time names a day
// (a date, or a date and hour) that is not a working day on cal (a weekend, a holiday, a compensatory day off),
// at the position of its time — a session given by its month only gets none; and an issuer of an
// administrative level abolished by the plan's date (the district level, from 01/7/2025: document.Rules,
// AbolishedIssuer), at the position of issuer.name.
// Parse does not call it, so that a plan needs no calendar; the command line prints these warnings, and its
// --strict flag makes them errors.
func (p *Plan) Warnings(cal *calendar.Calendar) problem.List {
	if cal == nil {
		cal = calendar.Default()
	}
	var out problem.List
	when := p.Doc.Date
	if when.IsZero() && p.Year() != 0 {
		when = calendar.NewDate(p.Year(), time.January, 1)
	}
	if lvl, ok := document.DefaultRules().AbolishedIssuer(p.Issuer.Name, when); !when.IsZero() && ok {
		out = append(out, p.src.Errorf("issuer.name",
			fmt.Sprintf("%s không còn từ ngày %s (%s); văn bản ngày %s của cơ quan này chỉ đúng nếu là văn bản cũ in lại", lvl.Name, document.ShortDate(lvl.From), lvl.Source, document.ShortDate(when)),
			fmt.Sprintf("that administrative level (%s) was abolished on %s (%s); a document of this body dated %s is only right as a reprint of an old one", lvl.Name, lvl.From, lvl.Source, when)))
	}
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
		out = append(out, p.src.Errorf(fmt.Sprintf("sessions[%d].time", i),
			fmt.Sprintf("ngày %s (%s) không phải ngày làm việc%s; chọn ngày làm việc khác cho buổi đối thoại %s", document.ShortDate(d), calendar.WeekdayName(d), why, s.ID),
			fmt.Sprintf("%s (%s) is not a working day%s; choose a working day for session %s", d, d.Weekday(), whyEN, s.ID)))
	}
	return out
}
