package notice

import (
	"fmt"
	"strings"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
)

// factDef is one computed fact of a file, named in its texts as {{name}}: a text, or a list of lines (a list
// printed in a sentence is joined with "; "; a bullet or paragraph holding only it becomes one block per line).
type factDef struct {
	name, vi, en string
	text         func() string
	list         func() []string
}

func txt(name, vi, en string, f func() string) factDef {
	return factDef{name: name, vi: vi, en: en, text: f}
}

func lst(name, vi, en string, f func() []string) factDef {
	return factDef{name: name, vi: vi, en: en, list: f}
}

// ctxDef is a placeholder of a context (one assignment, one month): its name and meaning; its value is given
// where the text is printed.
type ctxDef struct{ name, vi, en string }

func names(defs []factDef) []string {
	out := make([]string, len(defs))
	for i, d := range defs {
		out[i] = d.name
	}
	return out
}

func ctxNames(defs []ctxDef) []string {
	out := make([]string, len(defs))
	for i, d := range defs {
		out[i] = d.name
	}
	return out
}

// lookupOf evaluates the facts when a text names them.
func lookupOf(defs []factDef) lookup {
	return func(name string) (string, []string, bool) {
		for _, d := range defs {
			if d.name != name {
				continue
			}
			if d.list != nil {
				l := d.list()
				if l == nil {
					l = []string{}
				}
				return "", l, true
			}
			return d.text(), nil, true
		}
		return "", nil, false
	}
}

// shortDate writes a date as "15/3/2023", "" for none.
func shortDate(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return document.ShortDate(d)
}

// common are the facts every kind shares: its plan's and its document's.
func (m *Meta) common() []factDef {
	return []factDef{
		txt("year", "năm của kế hoạch", "the plan's year", func() string { return fmt.Sprint(m.p().Year()) }),
		txt("deadline", "thời hạn ban hành thông báo kết luận của kế hoạch, số ngày làm việc (hai chữ số)", "the plan's conclusion deadline in working days (two digits)",
			func() string {
				if m.p().DeadlineDays == 0 {
					return "" // no plan, or none given
				}
				return fmt.Sprintf("%02d", m.p().DeadlineDays)
			}),
		txt("plan", "trích dẫn kế hoạch: loại, số, ngày, trích yếu", "the plan cited: type, number, date, summary", m.planCitation),
		txt("plan_number", "số và ký hiệu của kế hoạch (\"45-KH/TU\")", "the plan's number and symbol (\"45-KH/TU\")", func() string {
			if d, err := m.p().Document(); err == nil && m.p().Doc.Number > 0 {
				return d.NumberSymbol()
			}
			return ""
		}),
		txt("plan_date", "ngày của kế hoạch", "the plan's date", func() string { return shortDate(m.p().Doc.Date) }),
		txt("host", "người chủ trì đối thoại (issuer.host của kế hoạch)", "who holds the dialogues (the plan's issuer.host)", m.host),
		txt("HOST", "người chủ trì đối thoại, viết hoa", "who holds the dialogues, in capitals", func() string { return strings.ToUpper(m.host()) }),
		txt("announcer", "cơ quan, người thông báo (announcer)", "who speaks in the text (announcer)", func() string { return m.Announcer }),
		txt("audience", "đối thoại với ai, theo trích yếu của kế hoạch (\"công dân\", \"Nhân dân\")", "whom the dialogues are held with, from the plan's summary", m.audience),
		txt("date", "ngày của văn bản này (trống khi là dự thảo)", "this document's date (empty for a draft)", func() string { return shortDate(m.Doc.Date) }),
	}
}

// sessionFacts are the facts of a session, from its session file s (nil: only those the plan and a day give).
func sessionFacts(cal func() *calendar.Calendar, m *Meta, id string, held func() calendar.Date, s *SessionFile) []factDef {
	ps := func() string {
		if p, ok := m.p().Session(id); ok {
			return m.p().SessionHeading(p)
		}
		return ""
	}
	venue := func() string {
		if s != nil {
			return s.VenueText()
		}
		if p, ok := m.p().Session(id); ok {
			return p.Venue
		}
		return ""
	}
	content := func() string {
		if s != nil {
			return s.ContentText()
		}
		if p, ok := m.p().Session(id); ok {
			return p.Content
		}
		return ""
	}
	return []factDef{
		txt("session_heading", "tên buổi đối thoại trong kế hoạch (\"Quý I/2023\")", "the session's name in the plan (\"Quý I/2023\")", ps),
		txt("session_name", "tên buổi đối thoại viết thường đầu (\"quý I/2023\")", "the session's name, first letter lower (\"quý I/2023\")", func() string { return lowerFirst(ps()) }),
		txt("planned", "thời gian của buổi đối thoại trong kế hoạch (\"Tháng 3/2023\")", "the session's time in the plan (\"Tháng 3/2023\")", func() string {
			if p, ok := m.p().Session(id); ok && !p.Time.IsZero() {
				return p.Time.Vietnamese()
			}
			return ""
		}),
		txt("day", "ngày đối thoại (\"15/3/2023\")", "the session's day (\"15/3/2023\")", func() string { return shortDate(held()) }),
		txt("weekday", "thứ của ngày đối thoại (\"thứ Tư\")", "the session's weekday (\"thứ Tư\")", func() string {
			if held().IsZero() {
				return ""
			}
			return calendar.WeekdayName(held())
		}),
		txt("day_long", "thứ và ngày đối thoại (\"thứ Tư, ngày 15/3/2023\")", "the weekday and day (\"thứ Tư, ngày 15/3/2023\")", func() string {
			if held().IsZero() {
				return ""
			}
			return LongDate(held())
		}),
		txt("venue", "địa điểm", "the venue", venue),
		txt("content", "nội dung đối thoại", "the subject of the dialogue", content),
		txt("conclusion_days", "thời hạn ban hành thông báo kết luận của buổi này, số ngày làm việc (hai chữ số)", "this session's conclusion deadline in working days (two digits)", func() string {
			if s != nil {
				return fmt.Sprintf("%02d", s.Offsets().Conclusion)
			}
			return fmt.Sprintf("%02d", m.p().Offsets().Conclusion)
		}),
		txt("conclusion_deadline", "hạn ban hành thông báo kết luận (ngày)", "the day the conclusion notice is due", func() string {
			if held().IsZero() {
				return ""
			}
			off := m.p().Offsets()
			if s != nil {
				off = s.Offsets()
			}
			return shortDate(cal().AddWorkingDays(held(), off.Conclusion))
		}),
	}
}

// factDefs are the placeholders of a session file.
func (s *SessionFile) factDefs(cal *calendar.Calendar) []factDef {
	c := func() *calendar.Calendar { return cal }
	held := func() calendar.Date { return s.HeldOn }
	window := func() (calendar.Date, calendar.Date) { return s.OpinionWindowOn(cal) }
	milestone := func(k MilestoneKind) string {
		for _, ms := range s.MilestonesOn(cal) {
			if ms.Kind == k {
				return shortDate(ms.Date)
			}
		}
		return ""
	}
	defs := append(s.common(), sessionFacts(c, &s.Meta, s.Session, held, s)...)
	return append(defs,
		txt("between", "\"giữa <host> với <audience> <session_name>\"", "\"giữa <host> với <audience> <session_name>\"", func() string {
			return fmt.Sprintf("giữa %s với %s %s", s.host(), s.audience(), lowerFirst(s.Heading()))
		}),
		txt("start", "giờ bắt đầu (\"08 giờ 00\")", "the start time (\"08 giờ 00\")", func() string { return clockVI(s.Start) }),
		txt("end", "giờ kết thúc (trống khi không ghi)", "the end time (empty when not given)", func() string { return clockVI(s.End) }),
		txt("hours", "\"Từ 08 giờ 00 đến 11 giờ 00\", hoặc \"08 giờ 00\"", "\"Từ 08 giờ 00 đến 11 giờ 00\", or \"08 giờ 00\"", func() string {
			if s.End.IsZero() {
				return clockVI(s.Start)
			}
			return "Từ " + clockVI(s.Start) + " đến " + clockVI(s.End)
		}),
		txt("when", "dòng thời gian (when của tệp, hoặc giờ và ngày)", "the time line (the file's when, or hours and day)", s.When),
		txt("chair", "người chủ trì (chair)", "who chairs (chair)", func() string { return s.Chair }),
		lst("participants", "thành phần mời, mỗi dòng một người", "the participants, one line each", func() []string { return s.Participants }),
		lst("addressees", "các dòng \"Kính gửi\" của Giấy mời", "the \"Kính gửi\" lines of a Giấy mời", func() []string {
			if len(s.Addressees) > 0 {
				return s.Addressees
			}
			return s.Participants
		}),
		txt("opinions_from", "ngày đầu tiếp nhận ý kiến", "the first day of the opinion window", func() string { f, _ := window(); return shortDate(f) }),
		txt("opinions_to", "ngày cuối tiếp nhận ý kiến", "the last day of the opinion window", func() string { _, t := window(); return shortDate(t) }),
		txt("opinions_send_to", "nơi gửi ý kiến (opinions.send_to, mặc định \"cơ quan thông báo này\")", "where opinions go (opinions.send_to, default \"cơ quan thông báo này\")", func() string {
			return or(s.Opinions.SendTo, "cơ quan thông báo này")
		}),
		txt("invitation_date", "hạn phát hành giấy mời, thông báo trên đài", "the day invitations and the radio announcement are due", func() string { return milestone(InvitationDue) }),
		txt("reports_date", "hạn các cơ quan gửi báo cáo chuẩn bị", "the day the bodies' preparatory reports are due", func() string { return milestone(ReportsDue) }),
	)
}

func clockVI(c Clock) string {
	if c.IsZero() {
		return ""
	}
	return c.Vietnamese()
}

// assignmentCtx are the placeholders of one assignment, in its task and report and in the wording keys
// assignment, assignment_draft and report.
var assignmentCtx = []ctxDef{
	{"body", "cơ quan được giao", "the body assigned"},
	{"task", "nhiệm vụ", "the task"},
	{"report", "chữ giữa nhiệm vụ và hạn (headings.report hoặc report của nhiệm vụ)", "the words between task and due date"},
	{"due", "hạn của nhiệm vụ (ngày)", "the assignment's due date"},
	{"due_days", "số ngày làm việc của hạn (hai chữ số), khi tính theo ngày làm việc", "its working days (two digits), when counted so"},
}

// plainFacts are the placeholders of a conclusion file but the due dates of its assignments.
func (c *ConclusionFile) plainFacts(cal *calendar.Calendar) []factDef {
	if cal == nil {
		cal = c.calendar()
	}
	held := c.SessionDay
	defs := append(c.common(), sessionFacts(func() *calendar.Calendar { return cal }, &c.Meta, c.Session, held, c.session)...)
	for i, d := range defs {
		switch d.name {
		case "venue":
			v := d.text
			defs[i].text = func() string { return strings.TrimSuffix(lowerVenue(v()), ".") }
			defs[i].vi, defs[i].en = "địa điểm (bỏ \"Tổ chức … tại\")", "the venue (without \"Tổ chức … tại\")"
		case "content":
			v := d.text
			defs[i].text = func() string { return endSentence(plainText(v())) }
			defs[i].vi, defs[i].en = "nội dung đối thoại, thành câu", "the subject, as a sentence"
		}
	}
	return append(defs,
		txt("attendance", "câu về thành phần dự (attendance), có thể trống", "the attendance sentence (attendance), possibly empty", func() string { return endSentence(c.Attendance) }),
		txt("report_to", "nơi nhận báo cáo kết quả (report_to)", "whom the bodies report to (report_to)", func() string { return c.ReportTo }),
	)
}

// factDefs are the placeholders of a conclusion file; {{due.ID}} names the due date of assignment ID.
func (c *ConclusionFile) factDefs(cal *calendar.Calendar) []factDef {
	if cal == nil {
		cal = c.calendar()
	}
	defs := c.plainFacts(cal)
	for _, in := range c.assignmentInputs() {
		id := in.a.ID
		defs = append(defs, txt("due."+id, "hạn của nhiệm vụ "+id, "the due date of assignment "+id, func() string {
			for _, a := range c.resolve(cal).due {
				if a.ID == id {
					return shortDate(a.Due)
				}
			}
			return ""
		}))
	}
	return defs
}

// statusCtx are the placeholders of one assignment in the follow-up's status line.
var statusCtx = []ctxDef{
	{"id", "mã nhiệm vụ", "the assignment's id"},
	{"body", "cơ quan được giao", "the body assigned"},
	{"task", "nhiệm vụ", "the task"},
	{"due", "hạn", "the due date"},
	{"status", "tình trạng (\"Đã hoàn thành\", \"Quá hạn 3 ngày làm việc\"…)", "the status as printed"},
}

// factDefs are the placeholders of a follow-up file.
func (f *FollowupFile) factDefs(cal *calendar.Calendar) []factDef {
	if cal == nil {
		cal = f.calendar()
	}
	var st []Status
	evaluated := false
	statuses := func() []Status {
		if !evaluated {
			st, _ = f.evaluate(cal)
			evaluated = true
		}
		return st
	}
	count := func(states ...State) func() string {
		return func() string {
			t := Tally(statuses())
			n := 0
			for _, s := range states {
				n += t[s]
			}
			return fmt.Sprint(n)
		}
	}
	return append(f.common(),
		txt("as_of", "ngày tính đến (as_of)", "the as-of day (as_of)", func() string { return shortDate(f.AsOf) }),
		txt("total", "tổng số nhiệm vụ", "the number of assignments", func() string { return fmt.Sprint(len(statuses())) }),
		txt("done", "số nhiệm vụ đã hoàn thành (kể cả chậm)", "assignments done (late ones included)", count(Done, DoneLate)),
		txt("done_late", "số nhiệm vụ hoàn thành chậm", "assignments done late", count(DoneLate)),
		txt("in_progress", "số nhiệm vụ đang thực hiện, còn hạn", "assignments in progress", count(InProgress)),
		txt("not_issued", "số nhiệm vụ của thông báo chưa ban hành", "assignments of notices not issued yet", count(NotIssued)),
		txt("overdue", "số nhiệm vụ quá hạn", "assignments overdue", count(Overdue)),
		txt("inspection", "cơ quan xem xét việc chậm trễ (inspection)", "the body that acts on delays (inspection)", func() string { return f.Inspection }),
		txt("overdue_bodies", "các cơ quan có nhiệm vụ quá hạn", "the bodies with overdue assignments", func() string { return strings.Join(overdueBodies(statuses()), ", ") }),
	)
}

// monthCtx are the placeholders of one month's line of a reception schedule, movedCtx of a moved day's note.
var (
	monthCtx = []ctxDef{{"month", "tháng (số)", "the month (a number)"}, {"dates", "các ngày tiếp của tháng", "the month's reception days"}}
	movedCtx = []ctxDef{{"scheduled", "ngày theo lịch trước khi dời", "the day it was scheduled on"}}
)

// factDefs are the placeholders of a reception schedule file.
func (s *ScheduleFile) factDefs(cal *calendar.Calendar) []factDef {
	return append(s.common(),
		txt("receiver", "người tiếp công dân (receiver)", "who receives the citizens (receiver)", func() string { return s.Receiver }),
		txt("schedule_year", "năm của lịch (year)", "the schedule's year (year)", func() string { return fmt.Sprint(s.Year) }),
		txt("days", "các ngày trong tháng (\"15 và 25\")", "the days of each month (\"15 và 25\")", s.daysText),
		txt("shift", "quy tắc khi trùng ngày nghỉ", "the rule for a day off", func() string { return s.Shift.Vietnamese() }),
		txt("start", "giờ bắt đầu", "the start time", func() string { return clockVI(s.Start) }),
		txt("end", "giờ kết thúc", "the end time", func() string { return clockVI(s.End) }),
		txt("hours", "\"buổi sáng từ 07 giờ 30 đến 11 giờ 00\" (trống khi không có start)", "the hours (empty without start)", s.hours),
		txt("when", "câu thời gian: ngày, quy tắc, giờ", "the time sentence: days, rule, hours", s.when),
		txt("venue", "địa điểm tiếp", "the venue", func() string { return s.Venue }),
		lst("reception_dates", "các ngày tiếp, mỗi tháng một dòng", "the reception days, one line a month", func() []string { return s.monthLines(cal, nil) }),
	)
}

// monthLines are the lines of the months of the schedule, worded by w (nil: the defaults).
func (s *ScheduleFile) monthLines(cal *calendar.Calendar, w *words) []string {
	if w == nil {
		ww := s.words(s.Headings)
		w = &ww
	}
	look := lookupOf(s.factDefs(cal))
	moved, _ := w.text("moved")
	month, _ := w.text("month")
	var out []string
	occ := s.Occurrences(cal)
	for m := time.January; m <= time.December; m++ {
		var parts []string
		for _, o := range occ {
			if o.Held.Month() != m || o.Held.Year() != s.Year {
				continue
			}
			p := LongDate(o.Held)
			if o.Moved() {
				p += " " + expand(moved, with(look, map[string]string{"scheduled": LongDate(o.Scheduled)}))
			}
			parts = append(parts, p)
		}
		if len(parts) == 0 {
			continue
		}
		out = append(out, expand(month, with(look, map[string]string{"month": fmt.Sprint(int(m)), "dates": strings.Join(parts, "; ")})))
	}
	return out
}
