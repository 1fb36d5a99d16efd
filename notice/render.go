package notice

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
)

// Output is one file made from an input: its name (without directory) and bytes.
type Output struct {
	Name string
	Data []byte
}

// RenderFile loads the input file at path with the files it refers to and renders it: the .docx of a session,
// conclusion, followup or reception-schedule file, the .ics of a calendar-export file. It returns the warnings
// about that file (late conclusion notices, sessions on a day off) apart from the errors; with
// Options.StrictDeadlines the warnings are errors.
func RenderFile(opts Options, path string) ([]Output, problem.List, error) {
	s, err := Load(opts, path)
	if err != nil {
		return nil, nil, err
	}
	out, err := s.Render(path)
	var warns problem.List
	for _, w := range s.Warnings {
		if filepath.Clean(w.File) == filepath.Clean(path) {
			warns = append(warns, w)
		}
	}
	return out, warns, err
}

// Render renders the input file at path, which must be in the set.
func (s *Set) Render(path string) ([]Output, error) {
	v := s.loaded[s.files.key(path)]
	switch x := v.(type) {
	case documenter:
		data, err := renderDoc(context.Background(), x, s.Cal, s.opts.Render)
		if err != nil {
			return nil, err
		}
		return []Output{{Name: x.OutputName(), Data: data}}, nil
	case *ExportFile:
		var b bytes.Buffer
		if err := s.WriteICS(&b, x.Name); err != nil {
			return nil, x.src.Errorf("", "không tạo được tệp lịch: "+err.Error(), "cannot write the calendar: "+err.Error())
		}
		return []Output{{Name: x.OutputName(), Data: b.Bytes()}}, nil
	}
	return nil, fmt.Errorf("%s: không phải tệp của thông báo / not a notice input file", path)
}

// Statuses returns the status of every assignment of the set as of asOf: the assignments of the conclusion
// files and of the follow-up files, each once, with the progress the follow-up files record.
func (s *Set) Statuses(asOf calendar.Date) []Status {
	var all []Assignment
	seen := map[string]bool{}
	add := func(a Assignment) {
		if !seen[a.ID] {
			seen[a.ID] = true
			all = append(all, a)
		}
	}
	progress := map[string]Progress{}
	for _, f := range s.Followups {
		for _, st := range f.Statuses() {
			add(st.Assignment)
		}
		for _, p := range f.Progress {
			progress[p.Assignment] = Progress{DoneOn: p.DoneOn, Note: p.Note}
		}
	}
	for _, c := range s.Conclusions {
		for _, a := range c.Resolved() {
			add(a)
		}
	}
	out := make([]Status, 0, len(all))
	for _, a := range all {
		out = append(out, Evaluate(s.Cal, a, progress[a.ID], asOf))
	}
	return out
}

// Plan returns the plan loaded from the file at path (a plan file of the set, named or needed by another
// file), nil when there is none.
func (s *Set) Plan(path string) *plan.Plan {
	if pf, ok := s.loaded[s.files.key(path)].(*PlanFile); ok {
		return pf.Plan
	}
	return nil
}

// OutputNames returns the names of the files Render(path) makes, without making them; nil for a file that is
// not in the set or makes none (a plan: package plan renders it).
func (s *Set) OutputNames(path string) []string {
	switch x := s.loaded[s.files.key(path)].(type) {
	case documenter:
		return []string{x.OutputName()}
	case *ExportFile:
		return []string{x.OutputName()}
	}
	return nil
}

// RenderContext is Render, stopping with ctx's error when ctx is done.
func (s *Set) RenderContext(ctx context.Context, path string) ([]Output, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return s.Render(path)
}
