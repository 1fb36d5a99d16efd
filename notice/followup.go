package notice

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/problem"
)

// FollowupFile is a "kind: followup" file: the Ban Dân vận's report (Báo cáo) on the assignments of the
// conclusion notices as of a day. Assignments come from the conclusion files it names and from its own list;
// progress entries say which are done.
type FollowupFile struct {
	Meta `yaml:",inline"`
	AsOf calendar.Date `yaml:"as_of"`
	// Conclusions are conclusion files, relative to this file, whose assignments are followed up.
	Conclusions []string `yaml:"conclusions,omitempty" validate:"dive,required"`
	// Assignments are further assignments written here (e.g. from a notice not kept as a file).
	Assignments []InlineAssignment `yaml:"assignments,omitempty" validate:"dive"`
	Progress    []ProgressInput    `yaml:"progress,omitempty" validate:"dive"`
	Summary     string             `yaml:"summary,omitempty"`
	// Intro replaces the generated first paragraph; false leaves it out.
	Intro Text `yaml:"intro,omitempty"`
	// Proposals are the report's proposals (kiến nghị, đề xuất); by default, overdue assignments are proposed to
	// the inspection commission (Ủy ban Kiểm tra) as the plan's section III.5 provides.
	Proposals []string `yaml:"proposals,omitempty" validate:"dive,required"`
	// Inspection is the body that acts on delays, e.g. "Ủy ban Kiểm tra Thị ủy".
	Inspection string `yaml:"inspection,omitempty"`
	// Closing replaces the closing sentence; false leaves it out.
	Closing Text `yaml:"closing,omitempty"`
	// Headings replaces the part titles (FollowupHeadings).
	Headings FollowupHeadings `yaml:"headings,omitempty"`

	conclusions []*ConclusionFile // the conclusion files named, as the set loaded them
}

// InlineAssignment is an assignment written in a follow-up file.
type InlineAssignment struct {
	ID      string        `yaml:"id" validate:"required,excludesall= "`
	Session string        `yaml:"session,omitempty"`
	Body    string        `yaml:"body" validate:"required"`
	Task    string        `yaml:"task" validate:"required"`
	Due     calendar.Date `yaml:"due"`
}

// ProgressInput is what is known of an assignment: done on a day (done_on), with a note.
type ProgressInput struct {
	Assignment string        `yaml:"assignment" validate:"required"`
	DoneOn     calendar.Date `yaml:"done_on,omitempty"`
	Note       string        `yaml:"note,omitempty"`
}

// Statuses returns every assignment's status as of AsOf, in the order of the conclusions, then the inline ones,
// computed from the files as they are now.
func (f *FollowupFile) Statuses() []Status {
	st, _ := f.evaluate(f.calendar())
	return st
}

// evaluate computes the statuses; unknown assignment ids in progress are errors.
func (f *FollowupFile) evaluate(cal *calendar.Calendar) (statuses []Status, errs problem.List) {
	var all []Assignment
	for _, c := range f.conclusions {
		all = append(all, c.Resolved()...)
	}
	for _, a := range f.Assignments {
		all = append(all, Assignment{ID: a.ID, SessionID: a.Session, Body: a.Body, Task: a.Task, Due: a.Due})
	}
	seen := map[string]int{}
	for i, a := range all {
		if _, dup := seen[a.ID]; dup {
			errs = append(errs, f.errorf("", fmt.Sprintf("mã nhiệm vụ %q bị lặp", a.ID), fmt.Sprintf("duplicate assignment id %q", a.ID)))
		}
		seen[a.ID] = i
	}
	progress := map[string]Progress{}
	for i, p := range f.Progress {
		path := fmt.Sprintf("progress[%d]", i)
		if _, ok := seen[p.Assignment]; !ok {
			errs = append(errs, f.errorf(path+".assignment",
				fmt.Sprintf("không có nhiệm vụ %q trong các thông báo kết luận đã nêu", p.Assignment),
				fmt.Sprintf("no assignment %q in the conclusions listed", p.Assignment)))
			continue
		}
		if _, dup := progress[p.Assignment]; dup {
			errs = append(errs, f.errorf(path+".assignment", "nhiệm vụ đã được ghi ở trên", "assignment already listed above"))
		}
		progress[p.Assignment] = Progress{DoneOn: p.DoneOn, Note: p.Note}
	}
	if f.AsOf.IsZero() {
		return nil, errs // no statuses without the as-of day (reported missing or bad already)
	}
	for _, a := range all {
		statuses = append(statuses, Evaluate(cal, a, progress[a.ID], f.AsOf))
	}
	return statuses, errs
}

// Document builds the Báo cáo, worded by notice/wording/followup.yaml with the file's headings and wording
// over it.
func (f *FollowupFile) Document(cal *calendar.Calendar) (*document.Document, error) {
	d := f.frame("Báo cáo")
	draftYear(d, f.AsOf.Year())
	w := f.words(f.Headings)
	look := lookupOf(f.factDefs(cal))
	statuses, _ := f.evaluate(cal)
	def := func(key string) (string, bool) {
		t, ok := w.text(key)
		return expandDefault(t, look), ok
	}
	summary, _ := def("summary")
	d.Summary = or(expand(f.Summary, look), summary)
	var opening []document.Block
	if intro, ok := def("intro"); !f.Intro.Off && (ok || f.Intro.Value != "") {
		opening = append(opening, document.Block{Kind: document.Paragraph, Text: or(expand(f.Intro.Value, look), intro)})
	}
	sections := func() []document.Block {
		return (&sectionWriter{w: w, look: look, root: f.sectionScope(statuses, look)}).layout(sectionsOf(KindFollowup))
	}
	closing, ok := def("closing")
	if f.Closing.Off || !ok && f.Closing.Value == "" {
		closing = ""
	} else {
		closing = or(expand(f.Closing.Value, look), closing)
	}
	d.Body = f.compose(opening, sections, closing, look)
	return d, validateDoc(&f.Meta, d)
}

// overdueBodies lists the bodies with an overdue assignment, in the order of the report.
func overdueBodies(statuses []Status) []string {
	var late []string
	for _, g := range GroupByBody(statuses) {
		for _, s := range g.Statuses {
			if s.State == Overdue {
				late = append(late, g.Body)
				break
			}
		}
	}
	return late
}

// sectionScope computes the lists of the sections: groups (one body's: body; statuses: id, body, task, due,
// status, note) and proposals (the file's).
func (f *FollowupFile) sectionScope(statuses []Status, look lookup) scope {
	root := scope{Lists: map[string][]scope{"groups": nil, "proposals": lineScopes(expandAll(f.Proposals, look))}}
	for _, g := range GroupByBody(statuses) {
		e := scope{Fields: map[string]string{"body": g.Body}, Lists: map[string][]scope{"statuses": nil}}
		for _, s := range g.Statuses {
			note := ""
			if s.Note != "" {
				note = " " + endSentence(expand(s.Note, look))
			}
			e.Lists["statuses"] = append(e.Lists["statuses"], scope{Fields: map[string]string{"id": s.ID, "body": s.Body,
				"task": strings.TrimRight(strings.TrimSpace(s.Task), ".;"), "due": shortDate(s.Due), "status": s.Describe(), "note": note}})
		}
		root.Lists["groups"] = append(root.Lists["groups"], e)
	}
	return root
}

// texts lists the texts of the file that take placeholders, with their paths.
func (f *FollowupFile) texts() []textRef {
	t := f.commonTexts(f.Headings)
	t = append(t, textRef{path: "summary", text: f.Summary}, textRef{path: "intro", text: f.Intro.Value},
		textRef{path: "closing", text: f.Closing.Value})
	for i, p := range f.Proposals {
		t = append(t, textRef{path: fmt.Sprintf("proposals[%d]", i), text: p})
	}
	for i, p := range f.Progress {
		t = append(t, textRef{path: fmt.Sprintf("progress[%d].note", i), text: p.Note})
	}
	return t
}

// WriteStatusTable prints statuses as a plain table grouped by body, with a summary line.
func WriteStatusTable(w io.Writer, asOf calendar.Date, ss []Status) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Tình hình thực hiện tính đến ngày %s / status as of %s\n\n", document.ShortDate(asOf), asOf)
	fmt.Fprintln(tw, "CƠ QUAN\tMÃ\tNHIỆM VỤ\tHẠN\tTÌNH TRẠNG")
	for _, g := range GroupByBody(ss) {
		for i, s := range g.Statuses {
			body := g.Body
			if i > 0 {
				body = ""
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", clip(body, 32), s.ID, clip(s.Task, 48), document.ShortDate(s.Due), s.Describe())
		}
	}
	t := Tally(ss)
	fmt.Fprintf(tw, "\nTổng số %d: đã hoàn thành %d (chậm %d), đang thực hiện %d, quá hạn %d.\n",
		len(ss), t[Done]+t[DoneLate], t[DoneLate], t[InProgress], t[Overdue])
	return tw.Flush()
}

// clip shortens s to n runes with "…".
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
