package plan

import (
	"fmt"
	"slices"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/problem"
)

// Warnings returns the problems of the plan that do not stop the document: each session whose time names a day
// (a date, or a date and hour) that is not a working day on cal (a weekend, a holiday, a compensatory day off),
// at the position of its time — a session given by its month only gets none; an issuer of an
// administrative level abolished by the plan's date (the district level, from 01/7/2025: document.Rules,
// AbolishedIssuer), at the position of issuer.name, and a superior-body line of such a level
// (AbolishedSuperior), at its line; a year whose days off are estimated, not announced (estimated); and the
// YAML slips found while decoding.
// Parse does not call it, so that a plan needs no calendar; the command line prints these warnings, and its
// --strict flag makes them errors.
func (p *Plan) Warnings(cal *calendar.Calendar) problem.List {
	if cal == nil {
		cal = calendar.Default()
	}
	out := slices.Clone(p.src.Warnings()) // YAML slips: a list split by a comma, a value cut by " #"
	when := p.Doc.Date
	if when.IsZero() && p.Year() != 0 {
		when = calendar.NewDate(p.Year(), time.January, 1)
	}
	if lvl, ok := document.DefaultRules().AbolishedIssuer(p.Issuer.Name, when); !when.IsZero() && ok {
		out = append(out, p.src.Errorf("issuer.name",
			fmt.Sprintf("%s không còn từ ngày %s (%s); văn bản ngày %s của cơ quan này chỉ đúng nếu là văn bản cũ in lại", lvl.Name, document.ShortDate(lvl.From), lvl.Source, document.ShortDate(when)),
			fmt.Sprintf("that administrative level (%s) was abolished on %s (%s); a document of this body dated %s is only right as a reprint of an old one", lvl.Name, lvl.From, lvl.Source, when)))
	}
	if lvl, i, ok := document.DefaultRules().AbolishedSuperior(p.Issuer.Superior, when); !when.IsZero() && ok {
		line := p.Issuer.Superior[i]
		out = append(out, p.src.Errorf(fmt.Sprintf("issuer.superior[%d]", i),
			fmt.Sprintf("cơ quan cấp trên %q thuộc %s, không còn từ ngày %s (%s); văn bản ngày %s cần cơ quan cấp trên hiện nay (cấp tỉnh)", line, lvl.Name, document.ShortDate(lvl.From), lvl.Source, document.ShortDate(when)),
			fmt.Sprintf("the superior body %q is of an administrative level (%s) abolished on %s (%s); a document dated %s needs today's superior body (the province)", line, lvl.Name, lvl.From, lvl.Source, when)))
	}
	out = append(out, p.estimated(cal)...)
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

// estimated warns, once per year, when the plan's dates fall in a year whose days off are estimated from the
// law rather than read from an announced schedule (calendar.Calendar.IsOfficialYear: 2027 on, until the
// Government announces it): the working days counted there, and the deadlines, may move. The warning is at the
// first field dated in that year (document.date, else a session's time).
func (p *Plan) estimated(cal *calendar.Calendar) problem.List {
	var out problem.List
	seen := map[int]bool{}
	check := func(path string, y int) {
		if y == 0 || seen[y] || cal.IsOfficialYear(y) {
			return
		}
		if first, last := calendar.SupportedRange(); y < first.Year() || y > last.Year() {
			return
		}
		seen[y] = true
		out = append(out, p.src.Errorf(path,
			fmt.Sprintf("lịch nghỉ năm %d chưa được công bố: ngày nghỉ lễ, nghỉ bù và các thời hạn tính theo ngày làm việc của năm này được ước tính theo luật, có thể thay đổi khi lịch chính thức được công bố (nạp lịch bằng --schedule)", y),
			fmt.Sprintf("the %d schedule of days off is not announced yet: its holidays, compensatory days and the deadlines counted in working days are estimated from the law and may move when the official schedule is announced (load it with --schedule)", y)))
	}
	if !p.Doc.Date.IsZero() {
		check("document.date", p.Doc.Date.Year())
	}
	for i, s := range p.Sessions {
		if !s.Time.IsZero() {
			check(fmt.Sprintf("sessions[%d].time", i), s.Time.Year)
		}
	}
	return out
}
