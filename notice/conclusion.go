package notice

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
)

// ConclusionFile is a "kind: conclusion" file: the Secretary's conclusion notice (Thông báo kết luận) after a
// session: the petitions raised, the conclusions, and what each body must do by when.
type ConclusionFile struct {
	Meta `yaml:",inline"`
	// Session is the id of the session in the plan.
	Session string `yaml:"session" validate:"required"`
	// HeldOn is the day of the session; default: held_on of the session file of the same plan and session.
	HeldOn calendar.Date `yaml:"held_on,omitempty"`
	// Illustration marks example content: the document prints "(Nội dung minh họa)".
	Illustration bool   `yaml:"illustration,omitempty"`
	Summary      string `yaml:"summary,omitempty"`
	// Intro replaces the generated first paragraph.
	Intro string `yaml:"intro,omitempty"`
	// Attendance is an optional sentence on who attended.
	Attendance  string     `yaml:"attendance,omitempty"`
	Petitions   []Petition `yaml:"petitions" validate:"required,min=1,dive"`
	Conclusions []string   `yaml:"conclusions" validate:"required,min=1,dive,required"`
	// ReportTo is whom the bodies report to, e.g. "Thường trực Thị ủy (qua Ban Dân vận Thị ủy)".
	ReportTo    string            `yaml:"report_to" validate:"required"`
	Assignments []AssignmentInput `yaml:"assignments" validate:"required,min=1,dive"`
	Closing     string            `yaml:"closing,omitempty"`

	session *SessionFile  // the session file, when found
	due     []Assignment  // resolved assignments
	issues  source.Errors // deadline problems (warnings unless strict)
}

// Petition is one opinion or petition raised at the session (ý kiến, kiến nghị).
type Petition struct {
	// Who raised it, e.g. "Ông Nguyễn Văn A".
	Who string `yaml:"who" validate:"required"`
	// From is where they come from, e.g. "Hội Cựu chiến binh phường Nguyễn Nghiêm".
	From string `yaml:"from,omitempty"`
	Text string `yaml:"text" validate:"required"`
}

// AssignmentInput is an assignment as written in YAML: a date, or a number of working days counted from the
// notice's date (Điều 147 BLDS: from the day after). With neither, the reply offset in force: the session
// file's, else the plan's milestones.reply, else 10 working days (Quy định 11-QĐi/TW).
type AssignmentInput struct {
	// ID identifies the assignment in follow-up files, e.g. "q1-1"; unique within the plan.
	ID   string `yaml:"id" validate:"required,excludesall= "`
	Body string `yaml:"body" validate:"required"`
	Task string `yaml:"task" validate:"required"`
	// Due is the last day; DueWorkingDays the count of working days after the notice's date.
	Due            calendar.Date `yaml:"due,omitempty"`
	DueWorkingDays int           `yaml:"due_working_days,omitempty" validate:"gte=0,lte=250"`
}

// Resolved returns the assignments with their due dates resolved.
func (c *ConclusionFile) Resolved() []Assignment { return c.due }

// Deadline returns the last day on which the conclusion notice is on time: the session day plus the deadline
// in working days of offsets.
func (c *ConclusionFile) Deadline(cal *calendar.Calendar) calendar.Date {
	return cal.AddWorkingDays(c.HeldOn, c.offsets().Conclusion)
}

// offsets returns the offsets in force for the session: its session file's, else its plan's.
func (c *ConclusionFile) offsets() Offsets {
	if c.session != nil {
		return c.session.Offsets()
	}
	return c.plan.Offsets()
}

// DeadlineIssues returns the problems with the notice's date: before the session (impossible) or after the
// deadline (late). They are warnings unless Options.StrictDeadlines.
func (c *ConclusionFile) DeadlineIssues() source.Errors { return c.issues }

// resolve computes the due dates and checks the notice's date against the deadline.
func (c *ConclusionFile) resolve(cal *calendar.Calendar) source.Errors {
	var errs source.Errors
	date := c.Doc.Date
	c.issues = nil
	if !date.IsZero() && !c.HeldOn.IsZero() {
		deadline := c.Deadline(cal)
		switch {
		case date.Before(c.HeldOn):
			c.issues = append(c.issues, c.errorf("document.date",
				fmt.Sprintf("ngày thông báo kết luận %s trước ngày đối thoại %s: không thể có", document.ShortDate(date), document.ShortDate(c.HeldOn)),
				fmt.Sprintf("the conclusion notice is dated %s, before the session on %s: impossible", date, c.HeldOn)))
		case date.After(deadline):
			late := cal.WorkingDaysBetween(deadline, date)
			c.issues = append(c.issues, c.errorf("document.date",
				fmt.Sprintf("thông báo kết luận ban hành chậm %d ngày làm việc: hạn là %s (%02d ngày làm việc sau buổi đối thoại %s), ngày văn bản là %s",
					late, document.ShortDate(deadline), c.offsets().Conclusion, document.ShortDate(c.HeldOn), document.ShortDate(date)),
				fmt.Sprintf("the conclusion notice is %d working day(s) late: due %s (%d working days after the session on %s), dated %s",
					late, deadline, c.offsets().Conclusion, c.HeldOn, date)))
		}
	}
	from := date
	if from.IsZero() && !c.HeldOn.IsZero() {
		from = c.Deadline(cal) // a draft: count from the day the notice is due
	}
	reply := c.offsets().Reply
	c.due = nil
	for i, a := range c.Assignments {
		path := fmt.Sprintf("assignments[%d]", i)
		out := Assignment{ID: a.ID, SessionID: c.Session, Body: a.Body, Task: a.Task, Due: a.Due, DueDays: a.DueWorkingDays}
		switch {
		case !a.Due.IsZero() && a.DueWorkingDays != 0:
			errs = append(errs, c.errorf(path+".due_working_days", "ghi hạn bằng due hoặc due_working_days, không cả hai",
				"give the due date as due or due_working_days, not both"))
		case a.Due.IsZero():
			if out.DueDays == 0 {
				out.DueDays = reply
			}
			if !from.IsZero() {
				out.Due = cal.AddWorkingDays(from, out.DueDays)
			}
		case !date.IsZero() && a.Due.Before(date):
			errs = append(errs, c.errorf(path+".due",
				fmt.Sprintf("hạn %s trước ngày thông báo kết luận %s", document.ShortDate(a.Due), document.ShortDate(date)),
				fmt.Sprintf("due %s is before the notice's date %s", a.Due, date)))
		}
		c.due = append(c.due, out)
	}
	return errs
}

// Document builds the Thông báo kết luận.
func (c *ConclusionFile) Document(cal *calendar.Calendar) (*document.Document, error) {
	d := c.frame("Thông báo")
	host := c.host()
	heading := lowerFirst(c.PlanSessionHeading())
	d.Summary = or(c.Summary, fmt.Sprintf("kết luận của đồng chí %s tại Hội nghị đối thoại trực tiếp với công dân %s", host, heading))
	intro := c.Intro
	if intro == "" {
		ps, _ := c.plan.Session(c.Session)
		venue, content := ps.Venue, ps.Content
		if c.session != nil {
			venue, content = c.session.VenueText(), c.session.ContentText()
		}
		intro = fmt.Sprintf("Ngày %s, tại %s, đồng chí %s đã chủ trì Hội nghị đối thoại trực tiếp với công dân %s theo %s. Nội dung: %s",
			document.ShortDate(c.HeldOn), strings.TrimSuffix(lowerVenue(venue), "."), host, heading, c.planCitation(), endSentence(plainText(content)))
		if c.Attendance != "" {
			intro += " " + endSentence(c.Attendance)
		}
		intro += fmt.Sprintf(" Sau khi nghe ý kiến, kiến nghị của công dân và ý kiến giải trình của các cơ quan, đơn vị liên quan, đồng chí %s kết luận như sau:", host)
	}
	d.Body = []document.Block{{Kind: document.Paragraph, Text: intro}}
	if c.Illustration {
		d.Body = append(d.Body, document.Block{Kind: document.Paragraph, Text: "*(Nội dung minh họa)*"})
	}
	d.Body = append(d.Body, document.Block{Kind: document.Part, Title: "Ý kiến, kiến nghị của công dân"})
	for _, p := range c.Petitions {
		who := p.Who
		if p.From != "" {
			who += " (" + p.From + ")"
		}
		d.Body = append(d.Body, document.Block{Kind: document.Bullet, Text: who + ": " + endSentence(p.Text)})
	}
	d.Body = append(d.Body, document.Block{Kind: document.Part, Title: "Kết luận của đồng chí " + host})
	for _, s := range c.Conclusions {
		d.Body = append(d.Body, document.Block{Kind: document.Bullet, Text: endSentence(s)})
	}
	d.Body = append(d.Body, document.Block{Kind: document.Part, Title: "Giao nhiệm vụ"})
	for _, a := range c.due {
		text := strings.TrimRight(strings.TrimSpace(a.Task), ".;") + "; báo cáo kết quả về " + c.ReportTo + " và trả lời công dân "
		if a.Due.IsZero() {
			text += fmt.Sprintf("trong thời hạn %02d ngày làm việc kể từ ngày ban hành Thông báo này.", a.DueDays)
		} else {
			text += "trước ngày " + document.ShortDate(a.Due) + "."
		}
		d.Body = append(d.Body, document.Block{Kind: document.Item, Title: a.Body, Text: text})
	}
	closing := or(c.Closing, c.Announcer+" thông báo để các cơ quan, đơn vị, địa phương liên quan biết, thực hiện./.")
	d.Body = append(d.Body, document.Block{Kind: document.Paragraph, Text: closing})
	return d, validateDoc(&c.Meta, d)
}

// PlanSessionHeading returns the plan's heading of the session ("Quý I/2023").
func (c *ConclusionFile) PlanSessionHeading() string {
	ps, _ := c.plan.Session(c.Session)
	return ps.HeadingText()
}

// lowerVenue turns "Tổ chức Hội nghị trực tiếp tại Hội trường …" into "Hội trường …"; other venues are kept.
func lowerVenue(v string) string {
	if i := strings.Index(v, " tại "); i >= 0 && strings.HasPrefix(v, "Tổ chức") {
		return v[i+len(" tại "):]
	}
	return v
}

// plainText drops the inline emphasis marks of a text that is quoted inside another sentence.
func plainText(s string) string { return strings.ReplaceAll(s, "*", "") }
