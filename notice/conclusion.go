package notice

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/placeholder"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
	"gopkg.in/yaml.v3"
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
	// Intro replaces the generated first paragraph; false leaves it out.
	Intro Text `yaml:"intro,omitempty"`
	// Attendance is an optional sentence on who attended.
	Attendance string `yaml:"attendance,omitempty"`
	// Petitions may be absent (a thematic dialogue); each may carry its answer and its assignments.
	Petitions []Petition `yaml:"petitions,omitempty" validate:"dive"`
	// Conclusions are the general conclusions, each a text or {text, bullets}; optional when the petitions
	// carry answers or assignments, but something must be concluded.
	Conclusions []Conclusion `yaml:"conclusions,omitempty" validate:"dive"`
	// ReportTo is whom the bodies report to, e.g. "Thường trực Thị ủy (qua Ban Dân vận Thị ủy)"; required when
	// assignments are printed.
	ReportTo string `yaml:"report_to,omitempty"`
	// Assignments are printed in their own part, except those a petition names in assignment_ids (printed
	// under it).
	Assignments []AssignmentInput `yaml:"assignments,omitempty" validate:"dive"`
	// Closing replaces the closing sentence; false leaves it out.
	Closing Text `yaml:"closing,omitempty"`
	// Headings replaces the part titles and labels (ConclusionHeadings).
	Headings ConclusionHeadings `yaml:"headings,omitempty"`

	session *SessionFile // the session file, when the set found it
}

// Petition is one opinion or petition raised at the session (ý kiến, kiến nghị), with, optionally, the answer
// given to it and the assignments that answer it, printed right under it.
type Petition struct {
	// Who raised it, e.g. "Ông Nguyễn Văn A"; optional (a petition of several citizens, or of a whole
	// hamlet, names none: its text then starts the line).
	Who string `yaml:"who,omitempty"`
	// From is where they come from, e.g. "Hội Cựu chiến binh phường Nguyễn Nghiêm".
	From string `yaml:"from,omitempty"`
	Text string `yaml:"text" validate:"required"`
	// Answer is the conclusion on this petition, printed under it after the answer label ("Kết luận: …").
	Answer string `yaml:"answer,omitempty"`
	// Assignments are written here and printed under the petition (they count with the notice's others).
	Assignments []AssignmentInput `yaml:"assignments,omitempty" validate:"dive"`
	// AssignmentIDs name assignments of the notice's list, printed under the petition instead of in their part.
	AssignmentIDs []string `yaml:"assignment_ids,omitempty" validate:"dive,required"`
}

// answered reports whether the petition carries an answer or assignments.
func (p *Petition) answered() bool {
	return p.Answer != "" || len(p.Assignments) > 0 || len(p.AssignmentIDs) > 0
}

// Conclusion is one general conclusion: in YAML a text, or {text, bullets} for a text with sub-bullets
// (printed "+ …").
type Conclusion struct {
	Text    string
	Bullets []string
}

// UnmarshalYAML implements yaml.Unmarshaler: a string, or a mapping with text and bullets (a list of strings).
func (c *Conclusion) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		if strings.TrimSpace(n.Value) == "" {
			return problem.Msg("kết luận trống", "empty conclusion")
		}
		c.Text = n.Value
		return nil
	case yaml.MappingNode:
		var out Conclusion
		err := source.Mapping(n, []string{"text", "bullets"}, func(key string, v *yaml.Node) error {
			if key == "text" {
				if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
					return problem.Msg("text phải là một chuỗi không trống", "text must be a non-empty string")
				}
				out.Text = v.Value
				return nil
			}
			if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
				return problem.Msg("bullets phải là một danh sách chuỗi", "bullets must be a list of strings")
			}
			for _, b := range v.Content {
				if b.Kind != yaml.ScalarNode || strings.TrimSpace(b.Value) == "" {
					return problem.Msg(fmt.Sprintf("bullets (dòng %d): mỗi mục phải là một chuỗi không trống", b.Line),
						fmt.Sprintf("bullets (line %d): each entry must be a non-empty string", b.Line))
				}
				out.Bullets = append(out.Bullets, b.Value)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if out.Text == "" {
			return problem.Msg("thiếu text", "text is missing")
		}
		*c = out
		return nil
	}
	return problem.Msg("kết luận phải là một chuỗi hoặc {text, bullets}", "a conclusion must be a string or {text, bullets}")
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
	// Report replaces, for this assignment, the words between the task and the due date (the conclusion's
	// headings.report, by default "báo cáo kết quả về {report_to} và trả lời công dân").
	Report string `yaml:"report,omitempty"`
}

// Resolved returns the assignments with their due dates resolved on the input's calendar, computed from the
// notice as it is now (an assignment or a date changed after loading gives its new due date).
func (c *ConclusionFile) Resolved() []Assignment { return c.resolve(c.calendar()).due }

// SessionDay returns the day of the session: held_on, else the day of the session file the set found for it,
// else the day the plan gives the session; zero when none is known.
func (c *ConclusionFile) SessionDay() calendar.Date {
	if !c.HeldOn.IsZero() {
		return c.HeldOn
	}
	if c.session != nil && !c.session.HeldOn.IsZero() {
		return c.session.HeldOn
	}
	if ps, ok := c.p().Session(c.Session); ok && ps.Time.HasDay() {
		return ps.Time.Date()
	}
	return calendar.Date{}
}

// Deadline returns the last day on which the conclusion notice is on time: the session day plus the deadline
// in working days of offsets.
func (c *ConclusionFile) Deadline(cal *calendar.Calendar) calendar.Date {
	return cal.AddWorkingDays(c.SessionDay(), c.offsets().Conclusion)
}

// offsets returns the offsets in force for the session: its session file's, else its plan's.
func (c *ConclusionFile) offsets() Offsets {
	if c.session != nil {
		return c.session.Offsets()
	}
	return c.p().Offsets()
}

// DeadlineIssues returns the problems with the notice's date: before the session (impossible) or after the
// deadline (late). They are warnings unless Options.StrictDeadlines.
func (c *ConclusionFile) DeadlineIssues() problem.List { return c.resolve(c.calendar()).issues }

// resolution is what resolve computes from a conclusion notice as it is.
type resolution struct {
	due      []Assignment // resolved assignments: the top-level ones, then those of the petitions
	petition []int        // for each of due, the petition it was written under, or -1
	errs     problem.List // errors of the due dates
	issues   problem.List // deadline problems (warnings unless strict)
}

// resolve computes the due dates and checks the notice's date against the deadline.
func (c *ConclusionFile) resolve(cal *calendar.Calendar) (r resolution) {
	date := c.Doc.Date
	held := c.SessionDay()
	if !date.IsZero() && !held.IsZero() {
		deadline := c.Deadline(cal)
		switch {
		case date.Before(held):
			r.issues = append(r.issues, c.errorf("document.date",
				fmt.Sprintf("ngày thông báo kết luận %s trước ngày đối thoại %s: không thể có", document.ShortDate(date), document.ShortDate(held)),
				fmt.Sprintf("the conclusion notice is dated %s, before the session on %s: impossible", date, held)))
		case date.After(deadline):
			late := cal.WorkingDaysBetween(deadline, date)
			r.issues = append(r.issues, c.errorf("document.date",
				fmt.Sprintf("thông báo kết luận ban hành chậm %d ngày làm việc: hạn là %s (%02d ngày làm việc sau buổi đối thoại %s), ngày văn bản là %s",
					late, document.ShortDate(deadline), c.offsets().Conclusion, document.ShortDate(held), document.ShortDate(date)),
				fmt.Sprintf("the conclusion notice is %d working day(s) late: due %s (%d working days after the session on %s), dated %s",
					late, deadline, c.offsets().Conclusion, held, date)))
		}
	}
	from := date
	if from.IsZero() && !held.IsZero() {
		from = c.Deadline(cal) // a draft: count from the day the notice is due
	}
	reply := c.offsets().Reply
	for _, in := range c.assignmentInputs() {
		a, path := in.a, in.path
		out := Assignment{ID: a.ID, SessionID: c.Session, Body: a.Body, Task: a.Task, Due: a.Due, DueDays: a.DueWorkingDays,
			NotIssued: date.IsZero()}
		switch {
		case !a.Due.IsZero() && a.DueWorkingDays != 0:
			r.errs = append(r.errs, c.errorf(path+".due_working_days", "ghi hạn bằng due hoặc due_working_days, không cả hai",
				"give the due date as due or due_working_days, not both"))
		case a.Due.IsZero():
			if out.DueDays == 0 {
				out.DueDays = reply
			}
			if !from.IsZero() {
				out.Due = cal.AddWorkingDays(from, out.DueDays)
			}
		case !date.IsZero() && a.Due.Before(date):
			r.errs = append(r.errs, c.errorf(path+".due",
				fmt.Sprintf("hạn %s trước ngày thông báo kết luận %s", document.ShortDate(a.Due), document.ShortDate(date)),
				fmt.Sprintf("due %s is before the notice's date %s", a.Due, date)))
		}
		if strings.Contains(out.Task, "{{") { // a due date written in the task ({{due}}): the status and calendar say it too
			days := ""
			if out.DueDays > 0 {
				days = fmt.Sprintf("%02d", out.DueDays)
			}
			out.Task = expand(out.Task, with(lookupOf(c.plainFacts(cal)), map[string]string{"body": out.Body, "due": shortDate(out.Due), "due_days": days}))
		}
		r.due = append(r.due, out)
		r.petition = append(r.petition, in.petition)
	}
	return r
}

// needsReportTo reports whether a printed assignment names report_to: through {{report_to}} in its report
// words, when the assignment wording prints them ({{report}}), or in the assignment wording itself.
func (c *ConclusionFile) needsReportTo() bool {
	w := c.words(c.Headings)
	report, _ := w.text("report")
	key := "assignment"
	if c.Doc.Date.IsZero() {
		key = "assignment_draft"
	}
	if t, _ := w.text(key); !strings.Contains(upgrade(t), "{{report}}") {
		return strings.Contains(upgrade(t), "{{report_to}}") && len(c.assignmentInputs()) > 0
	}
	for _, in := range c.assignmentInputs() {
		if dueInTask(in.a) {
			continue
		}
		if strings.Contains(upgrade(or(in.a.Report, report)), "{{report_to}}") {
			return true
		}
	}
	return false
}

// dueInTask reports whether an assignment writes its due date in its own sentence ({{due}} or {{due_days}} in
// its task): then the task is printed as written, without the report words and the due date after it.
func dueInTask(a AssignmentInput) bool {
	for _, mt := range placeholder.FindAll(a.Task) {
		if mt[1] == "due" || mt[1] == "due_days" {
			return true
		}
	}
	return false
}

// assignmentInput is an assignment as written, with its field path and the petition it is under (-1: none).
type assignmentInput struct {
	a        AssignmentInput
	path     string
	petition int
}

// assignmentInputs lists the assignments of the notice: its list, then those written under the petitions.
func (c *ConclusionFile) assignmentInputs() []assignmentInput {
	var out []assignmentInput
	for i, a := range c.Assignments {
		out = append(out, assignmentInput{a, fmt.Sprintf("assignments[%d]", i), -1})
	}
	for i, p := range c.Petitions {
		for j, a := range p.Assignments {
			out = append(out, assignmentInput{a, fmt.Sprintf("petitions[%d].assignments[%d]", i, j), i})
		}
	}
	return out
}

// check applies the rules of the content: something is concluded, the petitions' assignment ids name
// assignments of the list, report_to is given when assignments are printed, body is not given with the
// sections it replaces, and the inline markup of the texts is balanced.
func (c *ConclusionFile) check() problem.List {
	var errs problem.List
	add := func(path, vi, en string) { errs = append(errs, c.errorf(path, vi, en)) }
	if len(c.Body) > 0 {
		for _, key := range []string{"petitions", "conclusions"} {
			if c.src.Has(key) {
				add(key, fmt.Sprintf("body thay cho các phần tự sinh nên %s không được in: ghi nội dung này vào body", key),
					fmt.Sprintf("body replaces the generated sections, so %s would not be printed: write it in body", key))
			}
		}
	} else {
		answered := false
		for i := range c.Petitions {
			answered = answered || c.Petitions[i].answered()
		}
		if len(c.Conclusions) == 0 && !answered && len(c.Assignments) == 0 && !c.src.DecodeFailed("conclusions") {
			add("conclusions", "thông báo kết luận chưa kết luận gì: ghi conclusions, hoặc answer / assignments dưới từng kiến nghị (petitions), hoặc assignments, hoặc viết toàn bộ nội dung bằng body",
				"the conclusion notice concludes nothing: give conclusions, or an answer / assignments under each petition, or assignments, or write the whole content as body")
		}
		if c.needsReportTo() && strings.TrimSpace(c.ReportTo) == "" && !c.src.DecodeFailed("report_to") {
			add("report_to", "thiếu nơi nhận báo cáo kết quả (report_to), cần cho các nhiệm vụ được giao",
				"whom the bodies report to (report_to) is missing; the assignments need it")
		}
	}
	ids := map[string]bool{}
	for _, a := range c.Assignments {
		ids[a.ID] = true
	}
	var texts [][2]string
	for i, p := range c.Petitions {
		pp := fmt.Sprintf("petitions[%d]", i)
		for j, id := range p.AssignmentIDs {
			if id != "" && !ids[id] {
				add(fmt.Sprintf("%s.assignment_ids[%d]", pp, j), fmt.Sprintf("không có nhiệm vụ %q trong assignments của thông báo", id),
					fmt.Sprintf("no assignment %q in the notice's assignments", id))
			}
		}
		texts = append(texts, [2]string{pp + ".who", p.Who}, [2]string{pp + ".from", p.From}, [2]string{pp + ".text", p.Text},
			[2]string{pp + ".answer", p.Answer})
	}
	for i, k := range c.Conclusions {
		cp := fmt.Sprintf("conclusions[%d]", i)
		texts = append(texts, [2]string{cp, k.Text})
		for _, b := range k.Bullets {
			texts = append(texts, [2]string{cp, b})
		}
	}
	for _, in := range c.assignmentInputs() {
		texts = append(texts, [2]string{in.path + ".body", in.a.Body}, [2]string{in.path + ".task", in.a.Task},
			[2]string{in.path + ".report", in.a.Report})
	}
	texts = append(texts, [2]string{"intro", c.Intro.Value}, [2]string{"attendance", c.Attendance}, [2]string{"report_to", c.ReportTo},
		[2]string{"closing", c.Closing.Value})
	return append(errs, c.textErrors(texts)...)
}

// Document builds the Thông báo kết luận, worded by notice/wording/conclusion.yaml with the file's headings
// and wording over it.
func (c *ConclusionFile) Document(cal *calendar.Calendar) (*document.Document, error) {
	d := c.frame("Thông báo")
	draftYear(d, c.SessionDay().Year())
	w := c.words(c.Headings)
	look := lookupOf(c.factDefs(cal))
	def := func(key string) (string, bool) {
		t, ok := w.text(key)
		return expandDefault(t, look), ok
	}
	summary, _ := def("summary")
	d.Summary = or(expand(c.Summary, look), summary)
	var opening []document.Block
	if intro, ok := def("intro"); !c.Intro.Off && (ok || c.Intro.Value != "") {
		opening = append(opening, document.Block{Kind: document.Paragraph, Text: or(expand(c.Intro.Value, look), intro)})
	}
	if note, ok := def("illustration"); c.Illustration && ok {
		opening = append(opening, document.Block{Kind: document.Paragraph, Text: "*" + note + "*"})
	}
	closing, ok := def("closing")
	if c.Closing.Off || !ok && c.Closing.Value == "" {
		closing = ""
	} else {
		closing = or(expand(c.Closing.Value, look), closing)
	}
	r := c.resolve(cal)
	d.Body = c.compose(opening, func() []document.Block { return c.sections(r, w, look) }, closing, look)
	return d, validateDoc(&c.Meta, d)
}

// sections lays out the generated parts by notice/wording/conclusion.sections.yaml over the lists of the
// file: the petitions (each with its answer and the assignments printed under it), the general conclusions,
// and the assignments not printed under a petition.
func (c *ConclusionFile) sections(r resolution, w words, look lookup) []document.Block {
	return (&sectionWriter{w: w, look: look, root: c.sectionScope(r, w, look)}).layout(sectionsOf(KindConclusion))
}

// sectionScope computes the lists of the sections: petitions (who, text, answer; assignments: body, text),
// conclusions (text; bullets: text), assignments (body, text) and whether the petitions are detailed (one has
// an answer or assignments).
func (c *ConclusionFile) sectionScope(r resolution, w words, look lookup) scope {
	root := scope{Fields: map[string]string{"detailed": ""}, Lists: map[string][]scope{"petitions": nil, "conclusions": nil}}
	assignment := func(a Assignment) scope {
		return scope{Fields: map[string]string{"body": expand(a.Body, look), "text": c.assignmentText(a, w, look)}}
	}
	byID := map[string]Assignment{}
	for i, a := range r.due {
		if r.petition[i] < 0 {
			byID[a.ID] = a
		}
	}
	placed := map[string]bool{}
	for i, p := range c.Petitions {
		if p.answered() {
			root.Fields["detailed"] = "true"
		}
		who := expand(p.Who, look)
		if from := expand(p.From, look); from != "" && who != "" {
			who += " (" + from + ")"
		} else if from != "" {
			who = from
		}
		text := endSentence(expand(p.Text, look))
		if who == "" {
			text = upperFirst(text)
		}
		e := scope{Fields: map[string]string{"who": who, "text": text, "answer": endSentence(expand(p.Answer, look))},
			Lists: map[string][]scope{"assignments": nil}}
		// Its own assignments first, in file order, then those it names, in the order of assignment_ids.
		for j, a := range r.due {
			if r.petition[j] == i {
				e.Lists["assignments"] = append(e.Lists["assignments"], assignment(a))
			}
		}
		for _, id := range p.AssignmentIDs {
			if a, ok := byID[id]; ok && !placed[id] {
				e.Lists["assignments"] = append(e.Lists["assignments"], assignment(a))
				placed[id] = true
			}
		}
		root.Lists["petitions"] = append(root.Lists["petitions"], e)
	}
	if root.Fields["detailed"] == "" {
		// Brief petitions print no assignments under them: those they name stay in the assignments part.
		placed = map[string]bool{}
		for i := range root.Lists["petitions"] {
			root.Lists["petitions"][i].Lists["assignments"] = nil
		}
	}
	for _, k := range c.Conclusions {
		e := scope{Fields: map[string]string{"text": endSentence(expand(k.Text, look))}, Lists: map[string][]scope{"bullets": nil}}
		for _, b := range k.Bullets {
			e.Lists["bullets"] = append(e.Lists["bullets"], scope{Fields: map[string]string{"text": endSentence(expand(b, look))}})
		}
		root.Lists["conclusions"] = append(root.Lists["conclusions"], e)
	}
	root.Lists["assignments"] = nil
	for i, a := range r.due {
		if r.petition[i] < 0 && !placed[a.ID] {
			root.Lists["assignments"] = append(root.Lists["assignments"], assignment(a))
		}
	}
	return root
}

// assignmentText writes an assignment's task, whom to report to (its report, else the wording's report) and by
// when, by the wording keys assignment (a due date known) and assignment_draft (counted from the notice's
// date, not known yet). A task that writes its own due date ({{due}}) is printed as written.
func (c *ConclusionFile) assignmentText(a Assignment, w words, look lookup) string {
	report, _ := w.text("report")
	var in AssignmentInput
	for _, x := range c.assignmentInputs() {
		if x.a.ID == a.ID {
			in = x.a
		}
	}
	report = or(in.Report, report)
	ctx := map[string]string{"body": a.Body, "due": shortDate(a.Due), "due_days": fmt.Sprintf("%02d", a.DueDays)}
	if a.DueDays == 0 {
		ctx["due_days"] = ""
	}
	l := with(look, ctx)
	task := strings.TrimSpace(expand(in.Task, l))
	if dueInTask(in) {
		return endSentence(task)
	}
	ctx["task"] = strings.TrimRight(task, ".;")
	ctx["report"] = strings.TrimSpace(expand(report, l))
	key := "assignment"
	if a.Due.IsZero() {
		key = "assignment_draft"
	}
	text, _ := w.text(key)
	return expandDefault(text, l)
}

// texts lists the texts of the file that take placeholders, with their paths; those of an assignment also
// take its own ({{due}}, {{task}}…).
func (c *ConclusionFile) texts() []textRef {
	t := c.commonTexts(c.Headings)
	t = append(t, textRef{path: "summary", text: c.Summary}, textRef{path: "intro", text: c.Intro.Value},
		textRef{path: "attendance", text: c.Attendance}, textRef{path: "report_to", text: c.ReportTo},
		textRef{path: "closing", text: c.Closing.Value})
	for i, p := range c.Petitions {
		pp := fmt.Sprintf("petitions[%d]", i)
		t = append(t, textRef{path: pp + ".who", text: p.Who}, textRef{path: pp + ".from", text: p.From},
			textRef{path: pp + ".text", text: p.Text}, textRef{path: pp + ".answer", text: p.Answer})
	}
	for i, k := range c.Conclusions {
		cp := fmt.Sprintf("conclusions[%d]", i)
		t = append(t, textRef{path: cp, text: k.Text})
		for _, b := range k.Bullets {
			t = append(t, textRef{path: cp, text: b})
		}
	}
	ctx := ctxNames(assignmentCtx)
	for _, in := range c.assignmentInputs() {
		t = append(t, textRef{path: in.path + ".body", text: in.a.Body}, textRef{path: in.path + ".task", text: in.a.Task, ctx: ctx},
			textRef{path: in.path + ".report", text: in.a.Report, ctx: ctx})
	}
	return t
}

// PlanSessionHeading returns the plan's heading of the session ("Quý I/2023").
func (c *ConclusionFile) PlanSessionHeading() string {
	ps := c.planSession()
	return c.p().SessionHeading(ps)
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

// planSession returns the plan's session of the notice; for a notice of no plan, one made of its day.
func (c *ConclusionFile) planSession() *plan.Session {
	if c.planless() {
		t := c.HeldOn
		return &plan.Session{ID: c.Session, Quarter: (int(t.Month()) + 2) / 3, Time: plan.Time{Year: t.Year(), Month: t.Month(), Day: t.Day()}}
	}
	return planSession(c.p(), c.Session)
}
