package notice

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
)

// ExportFile is a "kind: calendar-export" file: the iCalendar (.ics) file of a plan's cycle, for Outlook or
// Google Calendar. It takes every session, conclusion and reception-schedule file of the plan in its directory
// (or the files listed in include).
type ExportFile struct {
	Kind string `yaml:"kind" validate:"required"`
	Plan string `yaml:"plan" validate:"required"`
	// Output is the .ics file name; default: the input's base name with .ics.
	Output string `yaml:"output,omitempty" validate:"omitempty,endswith=.ics,excludesall=/\\"`
	// Name is the calendar's name; default: the plan's summary.
	Name string `yaml:"name,omitempty"`
	// Include lists the files to take, relative to this file; default: every file of the directory.
	Include []string `yaml:"include,omitempty" validate:"dive,required"`

	path string
	src  *source.Source
	plan *plan.Plan
}

// OutputName returns the .ics name.
func (e *ExportFile) OutputName() string {
	if e.Output != "" {
		return e.Output
	}
	base := filepath.Base(e.path)
	return strings.TrimSuffix(base, filepath.Ext(base)) + ".ics"
}

// export loads a calendar-export file and the files it takes.
func (s *Set) export(path string, data []byte) *ExportFile {
	e := &ExportFile{path: path}
	src, errs := source.Load(path, data, e)
	e.src = src
	s.own(src, errs)
	if e.Output != "" && !src.DecodeFailed("output") {
		if vi, en, ok := source.FileNameProblem(e.Output); !ok {
			s.errs = append(s.errs, src.Errorf("output", vi, en))
		}
	}
	if src.Root == nil || e.Plan == "" || src.DecodeFailed("plan") {
		return nil
	}
	planPath := s.files.rel(path, e.Plan)
	if !s.files.exists(planPath) {
		s.errs = append(s.errs, src.Errorf("plan", fmt.Sprintf("không tìm thấy tệp kế hoạch %q", e.Plan), fmt.Sprintf("plan file %q not found", e.Plan)))
		return nil
	}
	pf, _ := s.file(planPath, false).(*PlanFile)
	if pf == nil {
		return nil
	}
	e.plan = pf.Plan
	files := s.files.list(s.files.dir(path))
	if len(e.Include) > 0 {
		files = nil
		for i, f := range e.Include {
			p := s.files.rel(path, f)
			if !s.files.exists(p) {
				s.errs = append(s.errs, src.Errorf(fmt.Sprintf("include[%d]", i), fmt.Sprintf("không tìm thấy tệp %q", f), fmt.Sprintf("file %q not found", f)))
				continue
			}
			files = append(files, p)
		}
	}
	for _, f := range files {
		// Without include, the files of the directory that belong to the export's plan.
		if fi := s.files.info(f); fi.err == nil && (len(e.Include) > 0 || s.files.refers(f, planPath)) {
			switch fi.kind {
			case KindSession, KindConclusion, KindReceptionSchedule:
				s.file(f, len(e.Include) > 0)
			}
		}
	}
	s.Exports = append(s.Exports, e)
	return e
}

// uidPrefix names a plan in UIDs: its issuer and year, "thi-uy-duc-pho-2023".
func uidPrefix(p *plan.Plan) string {
	return Slug(strings.Join(p.Issuer.Name, " ")) + "-" + fmt.Sprint(p.Year())
}

// Milestones returns the dated steps of the set, sorted by date: the cycle of every session file (and of every
// session of a loaded plan that has a day in the plan but no session file), the due dates of the conclusions'
// assignments, and the reception days of the schedules.
func (s *Set) Milestones() []Milestone {
	var ms []Milestone
	for _, pf := range s.Plans {
		p := pf.Plan
		for _, ps := range p.Sessions {
			if !ps.Time.HasDay() || s.findSession(p, ps.ID) != nil {
				continue
			}
			ms = append(ms, SessionMilestones(s.Cal, ps.ID, ps.Time.Date(), p.Offsets())...)
		}
	}
	for _, x := range s.Sessions {
		ms = append(ms, x.MilestonesOn(s.Cal)...)
	}
	for _, c := range s.Conclusions {
		for _, a := range c.Resolved() {
			if a.Due.IsZero() {
				continue
			}
			ms = append(ms, Milestone{Kind: AssignmentDue, SessionID: c.Session, Key: a.ID, Date: a.Due, End: a.Due,
				Title: AssignmentDue.Label().VI + ": " + a.Body, TitleEN: AssignmentDue.Label().EN + ": " + a.Body, Rule: a.Task, RuleEN: a.Task})
		}
	}
	for _, x := range s.Schedules {
		id := strings.TrimSuffix(filepath.Base(x.path), filepath.Ext(x.path))
		for _, o := range x.Occurrences(s.Cal) {
			rule, ruleEN := fmt.Sprintf("Ngày %d hằng tháng", o.Scheduled.Day()), fmt.Sprintf("Day %d of each month", o.Scheduled.Day())
			if o.Moved() {
				rule, ruleEN = "Chuyển từ "+LongDate(o.Scheduled), "Moved from "+document.ShortDate(o.Scheduled)
			}
			ms = append(ms, Milestone{Kind: ReceptionDay, SessionID: id, Key: o.Held.String(), Date: o.Held, End: o.Held,
				Title: ReceptionDay.Label().VI + " (" + x.Receiver + ")", TitleEN: ReceptionDay.Label().EN + " (" + x.Receiver + ")", Rule: rule, RuleEN: ruleEN})
		}
	}
	markEstimated(s.Cal, ms, calendar.Date{})
	SortMilestones(ms)
	return ms
}

func (s *Set) findSession(p *plan.Plan, id string) *SessionFile {
	for _, x := range s.Sessions {
		if x.plan == p && x.Session == id {
			return x
		}
	}
	return nil
}

// Events returns the iCalendar events of the set's milestones: sessions and reception days are timed when
// their hours are known, the other steps are all-day events.
func (s *Set) Events() []Event {
	prefix := "vanban"
	if len(s.Plans) > 0 {
		prefix = uidPrefix(s.Plans[0].Plan)
	}
	ms := s.Milestones()
	events := MilestoneEvents(prefix, ms)
	schedules := map[string]*ScheduleFile{}
	for _, x := range s.Schedules {
		schedules[strings.TrimSuffix(filepath.Base(x.path), filepath.Ext(x.path))] = x
	}
	for i, m := range ms {
		e := &events[i]
		switch m.Kind {
		case SessionDay:
			if x := s.sessionByID(m.SessionID); x != nil {
				e.Start, e.Stop, e.Location = x.Start, x.End, x.VenueText()
				e.Summary = sessionSummary(x.p(), x.PlanSession(), x.ContentText())
			} else if p := s.planWithSession(m.SessionID); p != nil {
				ps, _ := p.Session(m.SessionID)
				if ps.Time.HasClock {
					e.Start = NewClock(ps.Time.Hour, ps.Time.Minute)
				}
				e.Location = ps.Venue
				e.Summary = sessionSummary(p, ps, ps.Content)
			}
		case ReceptionDay:
			if x := schedules[m.SessionID]; x != nil {
				e.Start, e.Stop, e.Location = x.Start, x.End, x.Venue
			}
		default:
			if m.SessionID != "" && m.Kind != AssignmentDue {
				e.Summary += " (" + s.sessionLabel(m.SessionID) + ")"
			}
		}
	}
	return events
}

// sessionSummary is the calendar title of a session: "Đối thoại Quý I/2023 (Bí thư Thị ủy): <content>".
func sessionSummary(p *plan.Plan, ps *plan.Session, content string) string {
	t := "Đối thoại " + p.SessionHeading(ps)
	if p.Issuer.Host != "" {
		t += " (" + p.Issuer.Host + ")"
	}
	return t + ": " + strings.TrimSpace(plainText(content))
}

func (s *Set) sessionByID(id string) *SessionFile {
	for _, x := range s.Sessions {
		if x.Session == id {
			return x
		}
	}
	return nil
}

func (s *Set) planWithSession(id string) *plan.Plan {
	for _, pf := range s.Plans {
		if _, ok := pf.Plan.Session(id); ok {
			return pf.Plan
		}
	}
	return nil
}

func (s *Set) sessionLabel(id string) string {
	if p := s.planWithSession(id); p != nil {
		ps, _ := p.Session(id)
		return "đối thoại " + lowerFirst(p.SessionHeading(ps))
	}
	return id
}

// Stamp returns the fixed DTSTAMP of the export: midnight UTC of the latest plan date (the 1st of January of
// the plan's year for a draft plan). It changes only when the input does.
func (s *Set) Stamp() time.Time {
	var best calendar.Date
	for _, pf := range s.Plans {
		d := pf.Plan.Doc.Date
		if d.IsZero() {
			d = calendar.NewDate(pf.Plan.Year(), time.January, 1)
		}
		if d.After(best) {
			best = d
		}
	}
	if best.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return best.Time()
}

// CalendarName returns the export's name: the plan's summary ("Kế hoạch đối thoại trực tiếp … năm 2023").
func (s *Set) CalendarName() string {
	if len(s.Plans) == 0 {
		return "vanban"
	}
	p := s.Plans[0].Plan
	return upperFirst(p.Expand(oneLine(p.Summary)))
}

// upperFirst capitalises the first letter: "đối thoại" → "Đối thoại".
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// WriteICS writes the set's calendar (events of Events, name, fixed stamp) to w.
func (s *Set) WriteICS(w io.Writer, name string) error {
	if name == "" {
		name = s.CalendarName()
	}
	return WriteICS(w, s.Events(), ICSOptions{Name: name, Stamp: s.Stamp()})
}
