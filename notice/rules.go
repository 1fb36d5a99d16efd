package notice

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/problem"
)

// rules checks a session file on its own (with its plan): the errors and the warnings (a session or a notice
// on a day off, a notice dated after the invitation milestone).
func (x *SessionFile) rules(cal *calendar.Calendar) (errs, warns problem.List) {
	warns = x.docDay(cal)
	errs = x.frameRules()
	add := func(path, vi, en string) { errs = append(errs, x.errorf(path, vi, en)) }
	ps := x.PlanSession()
	if _, ok := x.p().Session(x.Session); !ok && !x.planless() {
		add("session", fmt.Sprintf("kế hoạch %s không có buổi đối thoại %q (có: %s)", x.Plan, x.Session, sessionIDs(x.p())),
			fmt.Sprintf("plan %s has no session %q (it has: %s)", x.Plan, x.Session, sessionIDs(x.p())))
		return errs, warns
	}
	if len(x.Body) == 0 && strings.TrimSpace(x.Chair) == "" && !x.src.DecodeFailed("chair") {
		add("chair", "thiếu người chủ trì (chair); chỉ được bỏ khi nội dung do body viết",
			"the chair (chair) is missing; it may be left out only when body writes the content")
	}
	switch {
	case len(x.Body) > 0 || len(x.Participants) > 0 || x.src.DecodeFailed("participants"):
	case x.Form != "invitation":
		add("participants", "thiếu thành phần mời (participants); chỉ được bỏ khi nội dung do body viết",
			"the participants (participants) are missing; they may be left out only when body writes the content")
	case len(x.Addressees) == 0 && !x.src.DecodeFailed("addressees"):
		add("participants", "thiếu thành phần mời (participants) và người được mời (addressees): giấy mời cần một trong hai (addressees là các dòng \"Kính gửi\"), trừ khi nội dung do body viết",
			"the participants (participants) and the addressees (addressees) are missing: a Giấy mời needs the participants or the addressees (its \"Kính gửi\" lines), unless body writes the content")
	}
	if x.HeldOn.IsZero() {
		add("held_on", "thiếu ngày tổ chức (held_on)", "the session's date (held_on) is missing")
		return errs, warns
	}
	if x.Start.IsZero() {
		add("start", "thiếu giờ bắt đầu (start), ví dụ \"08:00\"", "the start time (start) is missing, e.g. \"08:00\"")
	}
	if !x.End.IsZero() && !x.Start.IsZero() && x.End.Hour*60+x.End.Minute <= x.Start.Hour*60+x.Start.Minute {
		add("end", "giờ kết thúc phải sau giờ bắt đầu", "the end time must be after the start time")
	}
	// A session held on another day than the plan's (moved, postponed) is a warning that states the new day:
	// plans change, and the notice is what announces the change.
	t := ps.Time
	if !t.IsZero() && !x.planless() {
		if t.HasDay() && x.HeldOn != t.Date() || !t.HasDay() && (x.HeldOn.Year() != t.Year || x.HeldOn.Month() != t.Month) {
			verbVI, verbEN := "dời sang", "moved to"
			if x.HeldOn.After(t.LastDate()) {
				verbVI, verbEN = "lùi sang", "postponed to"
			}
			warns = append(warns, x.errorf("held_on", fmt.Sprintf("buổi %s %s %s (kế hoạch: %s)", x.Session, verbVI, LongDate(x.HeldOn), t.Vietnamese()),
				fmt.Sprintf("session %s is %s %s (the plan says %s)", x.Session, verbEN, x.HeldOn, t)))
		}
	}
	if !cal.IsWorkingDay(x.HeldOn) {
		why, whyEN := offReason(cal, x.HeldOn)
		warns = append(warns, x.errorf("held_on", fmt.Sprintf("%s (%s) không phải ngày làm việc%s", document.ShortDate(x.HeldOn), calendar.WeekdayName(x.HeldOn), why),
			fmt.Sprintf("%s (%s) is not a working day%s", x.HeldOn, x.HeldOn.Weekday(), whyEN)))
	}
	if x.Doc.Date.IsZero() || x.Doc.Date.Year() != x.HeldOn.Year() { // else said at document.date
		warns = append(warns, x.estimated(cal, "held_on", x.HeldOn)...)
	}
	if off := x.Offsets(); !off.CheckWindow() {
		add("milestones.opinions_close", fmt.Sprintf("tiếp nhận ý kiến kết thúc %d ngày làm việc trước buổi đối thoại, sớm hơn lúc bắt đầu (%d ngày trước); opinions_close phải nhỏ hơn hoặc bằng opinions_open (của tệp này hoặc của kế hoạch)", off.OpinionsClose, off.OpinionsOpen),
			fmt.Sprintf("the opinion window closes %d working days before the session, before it opens (%d days before); opinions_close must be at most opinions_open (of this file or of the plan)", off.OpinionsClose, off.OpinionsOpen))
	}
	o := x.Opinions
	switch {
	case o.From.IsZero() != o.To.IsZero():
		add("opinions", "ghi cả from và to của thời gian tiếp nhận ý kiến, hoặc bỏ cả hai", "give both opinions.from and opinions.to, or neither")
	case !o.From.IsZero() && o.To.Before(o.From):
		add("opinions.to", "ngày kết thúc tiếp nhận ý kiến trước ngày bắt đầu", "opinions.to is before opinions.from")
	case !o.From.IsZero() && !o.To.Before(x.HeldOn):
		add("opinions.to", "thời gian tiếp nhận ý kiến phải kết thúc trước ngày đối thoại", "the opinion window must end before the session")
	}
	if d := x.Doc.Date; !d.IsZero() && !o.From.IsZero() && o.From.Before(d) && !x.src.DecodeFailed("opinions.from") {
		warns = append(warns, x.errorf("opinions.from",
			fmt.Sprintf("thời gian tiếp nhận ý kiến bắt đầu ngày %s, trước ngày của thông báo này (%s)", document.ShortDate(o.From), document.ShortDate(d)),
			fmt.Sprintf("the opinion window opens on %s, before the date of the notice announcing it (%s)", o.From, d)))
	}
	if !x.Doc.Date.IsZero() && x.Doc.Date.After(x.HeldOn) {
		add("document.date", "ngày thông báo sau ngày đối thoại", "the notice is dated after the session")
	} else if inv := cal.AddWorkingDays(x.HeldOn, -x.Offsets().Invitation); !x.Doc.Date.IsZero() && x.Doc.Date.After(inv) {
		warns = append(warns, x.errorf("document.date",
			fmt.Sprintf("thông báo ngày %s muộn hơn hạn phát hành giấy mời %s (%02d ngày làm việc trước buổi đối thoại)", document.ShortDate(x.Doc.Date), document.ShortDate(inv), x.Offsets().Invitation),
			fmt.Sprintf("the notice is dated %s, after the invitation milestone %s (%d working days before the session)", x.Doc.Date, inv, x.Offsets().Invitation)))
	}
	return errs, warns
}

// docDay warns when the document of an input is dated on a day off (a weekend, a holiday, a compensatory day
// off), at document.date; --strict makes it an error like the other warnings.
func (m *Meta) docDay(cal *calendar.Calendar) problem.List {
	out := append(m.estimated(cal, "document.date", m.Doc.Date), m.abolished()...)
	if date := m.Doc.Date; !date.IsZero() && !m.src.DecodeFailed("document.date") && !cal.IsWorkingDay(date) {
		why, whyEN := offReason(cal, date)
		out = append(out, m.errorf("document.date",
			fmt.Sprintf("ngày văn bản %s (%s) không phải ngày làm việc%s", document.ShortDate(date), calendar.WeekdayName(date), why),
			fmt.Sprintf("the document is dated %s, not a working day%s", date, whyEN)))
	}
	return out
}

// rules checks a conclusion file with its plan (and its session file, when the set found it): the content
// rules, the day of the session, the due dates; the warnings are the notice's date problems.
func (c *ConclusionFile) rules(cal *calendar.Calendar) (errs, warns problem.List) {
	errs = append(c.check(), c.frameRules()...)
	warns = c.docDay(cal)
	if c.planless() && c.Intro.Value == "" && !c.Intro.Off && len(c.Body) == 0 && !c.src.DecodeFailed("intro") {
		errs = append(errs, c.errorf("intro", "thông báo kết luận không thuộc kế hoạch nào cần đoạn mở đầu (intro) nêu buổi đối thoại: ngày, địa điểm, nội dung",
			"a conclusion notice of no plan needs its opening paragraph (intro) about the session: day, venue, subject"))
	}
	if _, ok := c.p().Session(c.Session); !ok && !c.planless() {
		errs = append(errs, c.errorf("session", fmt.Sprintf("kế hoạch %s không có buổi đối thoại %q (có: %s)", c.Plan, c.Session, sessionIDs(c.p())),
			fmt.Sprintf("plan %s has no session %q (it has: %s)", c.Plan, c.Session, sessionIDs(c.p()))))
		return errs, warns
	}
	if c.SessionDay().IsZero() {
		errs = append(errs, c.errorf("held_on", "không biết ngày đối thoại: ghi held_on, hoặc tạo tệp kind: session cho buổi này cạnh tệp kế hoạch, hoặc ghi ngày trong kế hoạch",
			"the session's date is unknown: give held_on, or add a kind: session file for it next to the plan, or a day in the plan"))
		return errs, warns
	}
	if c.session != nil && !c.HeldOn.IsZero() && c.session.HeldOn != c.HeldOn {
		errs = append(errs, c.errorf("held_on", fmt.Sprintf("ngày %s khác ngày trong %s (%s)", document.ShortDate(c.HeldOn), c.session.path, document.ShortDate(c.session.HeldOn)),
			fmt.Sprintf("%s differs from the date in %s (%s)", c.HeldOn, c.session.path, c.session.HeldOn)))
	}
	r := c.resolve(cal)
	errs, warns = append(errs, r.errs...), append(warns, r.issues...)
	ids := map[string]bool{}
	for _, in := range c.assignmentInputs() {
		if ids[in.a.ID] {
			errs = append(errs, c.errorf(in.path+".id", fmt.Sprintf("mã %q bị lặp", in.a.ID), fmt.Sprintf("duplicate id %q", in.a.ID)))
		}
		ids[in.a.ID] = true
	}
	return errs, warns
}

// rules checks a follow-up report: its as-of day and the assignments its progress names.
func (f *FollowupFile) rules(cal *calendar.Calendar) (errs, warns problem.List) {
	errs = f.frameRules()
	if f.AsOf.IsZero() {
		errs = append(errs, f.errorf("as_of", "thiếu ngày tính đến (as_of)", "the as-of date (as_of) is missing"))
	}
	_, e := f.evaluate(cal)
	return append(errs, e...), f.docDay(cal)
}

// rules checks a reception schedule: its hours; a year other than its plan's is a warning.
func (x *ScheduleFile) rules(cal *calendar.Calendar) (errs, warns problem.List) {
	warns = x.docDay(cal)
	errs = x.frameRules()
	// A warning, not an error: next year's schedule may be issued in December under this year's plan
	// (its frame: issuer, signature), but more often the year was not updated when the file was copied.
	if y := x.p().Year(); y != 0 && x.Year != 0 && x.Year != y && !x.src.DecodeFailed("year") && !x.planless() {
		warns = append(warns, x.errorf("year",
			fmt.Sprintf("lịch tiếp công dân năm %d khác năm %d của kế hoạch %s", x.Year, y, x.Plan),
			fmt.Sprintf("the reception schedule is for %d, not the year %d of its plan %s", x.Year, y, x.Plan)))
	}
	if x.Start.IsZero() && !x.End.IsZero() {
		errs = append(errs, x.errorf("end", "có giờ kết thúc thì phải có giờ bắt đầu (start)", "an end time needs a start time"))
	}
	return errs, warns
}
