package notice

import (
	"fmt"
	"github.com/vanban/vanban/problem"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
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
	Intro       string             `yaml:"intro,omitempty"`
	// Proposals are the report's proposals (kiến nghị, đề xuất); by default, overdue assignments are proposed to
	// the inspection commission (Ủy ban Kiểm tra) as the plan's section III.5 provides.
	Proposals []string `yaml:"proposals,omitempty" validate:"dive,required"`
	// Inspection is the body that acts on delays, e.g. "Ủy ban Kiểm tra Thị ủy".
	Inspection string `yaml:"inspection,omitempty"`
	Closing    string `yaml:"closing,omitempty"`
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

// Document builds the Báo cáo.
func (f *FollowupFile) Document(cal *calendar.Calendar) (*document.Document, error) {
	d := f.frame("Báo cáo")
	host := f.host()
	d.Summary = or(f.Summary, fmt.Sprintf("kết quả thực hiện thông báo kết luận của đồng chí %s tại các hội nghị đối thoại trực tiếp với %s (tính đến ngày %s)",
		host, f.audience(), document.ShortDate(f.AsOf)))
	intro := or(f.Intro, fmt.Sprintf("Thực hiện %s, %s báo cáo kết quả theo dõi, đôn đốc các cơ quan, đơn vị thực hiện thông báo kết luận của đồng chí %s, tính đến ngày %s như sau:",
		f.planCitation(), f.Announcer, host, document.ShortDate(f.AsOf)))
	statuses, _ := f.evaluate(cal)
	t := Tally(statuses)
	h := f.headings(f.Headings)
	sections := func() []document.Block {
		out := []document.Block{
			{Kind: document.Part, Title: h["overview"]},
			{Kind: document.Paragraph, Text: fmt.Sprintf("Tổng số nhiệm vụ được giao: %d. Đã hoàn thành: %d (trong đó hoàn thành chậm: %d); đang thực hiện, còn hạn: %d; quá hạn chưa hoàn thành: %d.",
				len(statuses), t[Done]+t[DoneLate], t[DoneLate], t[InProgress], t[Overdue])},
			{Kind: document.Part, Title: h["details"]},
		}
		for _, g := range GroupByBody(statuses) {
			out = append(out, document.Block{Kind: document.Item, Title: g.Body})
			for _, s := range g.Statuses {
				text := fmt.Sprintf("%s (mã %s; hạn %s): **%s**.", strings.TrimRight(strings.TrimSpace(s.Task), ".;"), s.ID, document.ShortDate(s.Due), s.Describe())
				if s.Note != "" {
					text += " " + endSentence(s.Note)
				}
				out = append(out, document.Block{Kind: document.Bullet, Text: text})
			}
		}
		out = append(out, document.Block{Kind: document.Part, Title: h["proposals"]})
		for _, p := range f.proposals(statuses) {
			out = append(out, document.Block{Kind: document.Bullet, Text: endSentence(p)})
		}
		return out
	}
	d.Body = f.compose([]document.Block{{Kind: document.Paragraph, Text: intro}}, sections, or(f.Closing, f.Announcer+" báo cáo./."))
	return d, validateDoc(&f.Meta, d)
}

// proposals returns the report's proposals: the file's, else the default ones on overdue assignments.
func (f *FollowupFile) proposals(statuses []Status) []string {
	proposals := f.Proposals
	if len(proposals) == 0 {
		var late []string
		for _, g := range GroupByBody(statuses) {
			for _, s := range g.Statuses {
				if s.State == Overdue {
					late = append(late, g.Body)
					break
				}
			}
		}
		if len(late) > 0 {
			proposals = append(proposals, fmt.Sprintf("Đề nghị %s khẩn trương hoàn thành các nhiệm vụ quá hạn, báo cáo kết quả và trả lời công dân.",
				strings.Join(late, ", ")))
			if f.Inspection != "" {
				proposals = append(proposals, fmt.Sprintf("Đề nghị %s xem xét, giám sát, kiểm tra theo thẩm quyền việc chấp hành thông báo kết luận đối với các nhiệm vụ quá hạn.", f.Inspection))
			}
		} else {
			proposals = append(proposals, "Các nhiệm vụ được giao đang được thực hiện đúng tiến độ; tiếp tục theo dõi, đôn đốc.")
		}
	}
	return proposals
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
