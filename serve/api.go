package serve

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
	"github.com/vanban/vanban/render"
)

// issue is one error or warning as the page shows it.
type issue struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
	Path string `json:"path,omitempty"`
	VI   string `json:"vi"`
	EN   string `json:"en"`
}

func issues(l problem.List) []issue {
	l.Sort()
	out := make([]issue, 0, len(l))
	for _, e := range l {
		out = append(out, issue{File: e.File, Line: e.Line, Col: e.Col, Path: e.Path, VI: e.VI, EN: e.EN})
	}
	return out
}

// splitErr returns an error's Vietnamese and English texts.
func splitErr(err error) (vi, en string) {
	var pe *problem.Error
	if errors.As(err, &pe) {
		return pe.VI, pe.EN
	}
	return err.Error(), err.Error()
}

// renderOptions are the options of a run over fsys.
func (s *server) renderOptions(fsys fs.FS) render.Options {
	return render.Options{FS: fsys, Calendar: s.opts.Calendar, Strict: s.opts.Strict, Document: s.opts.Document}
}

func (s *server) noticeOptions() notice.Options {
	return notice.Options{Calendar: s.opts.Calendar, StrictDeadlines: s.opts.Strict, Render: s.opts.Document}
}

// yamlFiles lists the input files of the folder, as render.Run reads a directory: every *.yaml and *.yml file,
// recursively, hidden names left out, sorted.
func yamlFiles(fsys fs.FS) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := strings.ToLower(path.Ext(name)); !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
			files = append(files, name)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}

// fileState is a file of the folder in the overview.
type fileState struct {
	Path     string  `json:"path"`
	Kind     string  `json:"kind"`
	State    string  `json:"state"` // "valid", "warnings", "errors"
	Errors   []issue `json:"errors"`
	Warnings []issue `json:"warnings"`
}

type milestoneJSON struct {
	Date    string `json:"date"`
	End     string `json:"end,omitempty"`
	Weekday string `json:"weekday"`
	Session string `json:"session"`
	Kind    string `json:"kind"`
	Title   string `json:"title"`
	TitleEN string `json:"title_en"`
	Rule    string `json:"rule"`
	RuleEN  string `json:"rule_en"`
	// Estimated: the date rests on a calendar estimated from the law (notice.Milestone.Estimated).
	Estimated bool   `json:"estimated,omitempty"`
	When      string `json:"when"` // "past", "today", "future"
}

type statusJSON struct {
	ID         string `json:"id"`
	Session    string `json:"session"`
	Body       string `json:"body"`
	Task       string `json:"task"`
	Due        string `json:"due"`
	State      string `json:"state"`
	Late       int    `json:"late"`
	Describe   string `json:"describe"`
	DescribeEN string `json:"describe_en"`
}

type overviewJSON struct {
	Folder     string          `json:"folder"`
	Today      string          `json:"today"`
	TodayLong  string          `json:"today_long"`
	Files      []fileState     `json:"files"`
	Milestones []milestoneJSON `json:"milestones"`
	Statuses   []statusJSON    `json:"statuses"`
	// Problems are those of the time line that belong to no file of the list.
	Problems []issue  `json:"problems"`
	PDF      bool     `json:"pdf"`
	Kinds    []string `json:"kinds"`
}

// check runs what "vanban validate" runs on the inputs paths of fsys and returns the report and the problems.
func (s *server) validate(ctx context.Context, fsys fs.FS, paths ...string) (*render.Report, problem.List) {
	rep, err := render.Run(ctx, render.Discard, s.renderOptions(fsys), paths...)
	if rep == nil {
		rep = &render.Report{}
	}
	return rep, problem.From(err)
}

func (s *server) overview(w http.ResponseWriter, r *http.Request) {
	fsys := s.dir.inputs("", nil)
	today := s.today()
	out := overviewJSON{Folder: path.Base(s.dir.root.Name()), Today: today.String(), TodayLong: calendar.FormatLong(today),
		Files: []fileState{}, Milestones: []milestoneJSON{}, Statuses: []statusJSON{}, Problems: []issue{}, PDF: s.soffice != "", Kinds: skeletonKinds()}
	files, err := yamlFiles(fsys)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if len(files) == 0 {
		writeJSON(w, http.StatusOK, out)
		return
	}
	rep, errs := s.validate(r.Context(), fsys, ".")
	if r.Context().Err() != nil {
		return
	}
	warns := map[string]problem.List{}
	for _, w := range rep.Warnings {
		warns[w.File] = append(warns[w.File], w)
	}
	var good []string
	for _, f := range files {
		st := fileState{Path: f, State: "valid", Errors: []issue{}, Warnings: issues(warns[f])}
		if data, _, err := s.dir.read(f); err == nil {
			st.Kind = notice.PeekKind(data)
		}
		if fe, bad := rep.Failed[f]; bad {
			st.State, st.Errors = "errors", issues(problem.From(fe))
		} else if rep.Failed == nil && len(errs) > 0 {
			// The run failed as a whole (a sink or a layout): every file carries the errors naming it.
			for _, e := range errs {
				if e.File == f {
					st.Errors = append(st.Errors, issues(problem.List{e})...)
				}
			}
			if len(st.Errors) > 0 {
				st.State = "errors"
			}
		}
		if st.State == "valid" && len(st.Warnings) > 0 {
			st.State = "warnings"
		}
		// The time line reads the valid files; a calendar-export file is left out, as it takes in every file
		// of its directory, the broken ones too (its events are those of the set).
		if st.State != "errors" && st.Kind != notice.KindCalendarExport && (st.Kind == plan.Kind || slices.Contains(notice.Kinds, st.Kind)) {
			good = append(good, f)
		}
		out.Files = append(out.Files, st)
	}
	if rep.Failed == nil && len(errs) > 0 {
		for _, e := range errs {
			if !slices.Contains(files, e.File) {
				out.Problems = append(out.Problems, issues(problem.List{e})...)
			}
		}
	}
	if len(good) > 0 {
		set, err := notice.LoadFS(fsys, s.noticeOptions(), good...)
		if err != nil {
			// A file may pull in a broken one (a conclusion notice reads the session files beside it): keep
			// the files that load on their own, and load them together.
			var alone []string
			for _, f := range good {
				if _, err := notice.LoadFS(fsys, s.noticeOptions(), f); err == nil {
					alone = append(alone, f)
				}
			}
			if len(alone) > 0 {
				if set2, err2 := notice.LoadFS(fsys, s.noticeOptions(), alone...); err2 == nil {
					set, err = set2, nil
				}
			}
		}
		if err != nil {
			out.Problems = append(out.Problems, issues(problem.From(err))...)
		} else {
			for _, m := range set.Milestones() {
				mj := milestoneJSON{Date: m.Date.String(), Weekday: calendar.WeekdayName(m.Date), Session: m.SessionID,
					Kind: string(m.Kind), Title: m.Title, TitleEN: m.TitleEN, Rule: m.Rule, RuleEN: m.RuleEN, Estimated: m.Estimated, When: "future"}
				if m.End != m.Date {
					mj.End = m.End.String()
				}
				switch last := m.End; {
				case last.Before(today):
					mj.When = "past"
				case !m.Date.After(today):
					mj.When = "today"
				}
				out.Milestones = append(out.Milestones, mj)
			}
			for _, st := range set.Statuses(today) {
				out.Statuses = append(out.Statuses, statusJSON{ID: st.ID, Session: st.SessionID, Body: st.Body, Task: st.Task,
					Due: st.Due.String(), State: string(st.State), Late: st.Late, Describe: st.Describe(), DescribeEN: st.DescribeEN()})
			}
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// fileJSON is a file opened in the editor.
type fileJSON struct {
	Path    string `json:"path"`
	Content string `json:"content"`
	Version string `json:"version"`
	Kind    string `json:"kind"`
}

func (s *server) file(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pathParam(w, r)
	if !ok {
		return
	}
	data, ver, err := s.dir.read(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		s.fail(w, http.StatusNotFound, "không tìm thấy tệp "+p, "file not found: "+p)
		return
	case errors.Is(err, errTooBig):
		s.tooBig(w)
		return
	case err != nil:
		// Outside the folder (a symbolic link out of it), not a regular file…
		s.fail(w, http.StatusForbidden, "không mở được tệp "+p, "cannot open the file "+p)
		return
	}
	writeJSON(w, http.StatusOK, fileJSON{Path: p, Content: string(data), Version: ver, Kind: notice.PeekKind(data)})
}

func (s *server) tooBig(w http.ResponseWriter) {
	s.fail(w, http.StatusRequestEntityTooLarge, "tệp quá lớn: tối đa 1 MiB, như dòng lệnh", "file too large: at most 1 MiB, as on the command line")
}

// checkJSON is the answer to a check: the problems of the text being edited, and its preview.
type checkJSON struct {
	Kind     string  `json:"kind"`
	Errors   []issue `json:"errors"`
	Warnings []issue `json:"warnings"`
	// Preview is the document as HTML (empty when the file has errors or makes no document).
	Preview string `json:"preview"`
	// Outputs are the files the input makes.
	Outputs []string `json:"outputs"`
}

func (s *server) check(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pathParam(w, r)
	if !ok {
		return
	}
	data, ok := s.body(w, r)
	if !ok {
		return
	}
	out := checkJSON{Kind: notice.PeekKind(data), Errors: []issue{}, Warnings: []issue{}, Outputs: []string{}}
	fsys := s.dir.inputs(p, data)
	rep, errs := s.validate(r.Context(), fsys, p)
	if r.Context().Err() != nil {
		return
	}
	out.Errors, out.Warnings = issues(errs), issues(rep.Warnings)
	for _, o := range rep.Outputs {
		out.Outputs = append(out.Outputs, o.Name)
	}
	if len(errs) == 0 {
		doc, err := s.document(fsys, p, out.Kind)
		if err != nil {
			out.Errors = append(out.Errors, issues(problem.From(err))...)
		} else if doc != nil {
			out.Preview = previewHTML(doc)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// document builds the document model of the input p of fsys; nil for a kind that makes no document.
func (s *server) document(fsys fs.FS, p, kind string) (*document.Document, error) {
	if kind != plan.Kind && !slices.Contains([]string{notice.KindSession, notice.KindConclusion, notice.KindFollowup, notice.KindReceptionSchedule}, kind) {
		return nil, nil
	}
	set, err := notice.LoadFS(fsys, s.noticeOptions(), p)
	if err != nil {
		return nil, err
	}
	cal := set.Cal
	if kind == plan.Kind {
		if pl := set.Plan(p); pl != nil {
			return pl.Document()
		}
		return nil, nil
	}
	for _, f := range set.Sessions {
		if f.Path() == p {
			return f.Document(cal)
		}
	}
	for _, f := range set.Conclusions {
		if f.Path() == p {
			return f.Document(cal)
		}
	}
	for _, f := range set.Followups {
		if f.Path() == p {
			return f.Document(cal)
		}
	}
	for _, f := range set.Schedules {
		if f.Path() == p {
			return f.Document(cal)
		}
	}
	return nil, nil
}

// fields answers the keys, placeholders and wording a kind takes (notice.Reference, the source of
// "vanban fields"), with the values of the file at path when it loads.
func (s *server) fields(w http.ResponseWriter, r *http.Request) {
	kind := r.URL.Query().Get("kind")
	var fields []notice.Field
	if p := r.URL.Query().Get("path"); p != "" {
		if cp, err := cleanPath(p, false); err == nil {
			if set, err := notice.LoadFS(s.dir.inputs("", nil), s.noticeOptions(), cp); err == nil {
				fields, _ = set.Fields(cp)
			}
		}
	}
	if fields == nil && kind != "" {
		fields = notice.Reference(kind)
	}
	if fields == nil {
		fields = []notice.Field{}
	}
	writeJSON(w, http.StatusOK, fields)
}

func (s *server) save(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pathParam(w, r)
	if !ok {
		return
	}
	data, ok := s.body(w, r)
	if !ok {
		return
	}
	base := r.Header.Get("X-Vanban-Version")
	s.saveMu.Lock()
	ver, err := s.dir.write(p, data, base)
	s.saveMu.Unlock()
	switch {
	case errors.Is(err, errConflict):
		s.fail(w, http.StatusConflict,
			"tệp "+p+" đã bị thay đổi (hoặc tạo, hoặc xóa) trên đĩa từ khi anh/chị mở nó: chưa ghi gì. Hãy chép phần sửa của mình ra, tải lại tệp rồi sửa lại.",
			"the file "+p+" was changed (or created, or deleted) on disk since you opened it: nothing was saved. Copy your changes, reload the file and apply them again.")
	case errors.Is(err, errTooBig):
		s.tooBig(w)
	case err != nil:
		s.fail(w, http.StatusForbidden, "không ghi được tệp "+p+": "+err.Error(), "cannot write the file "+p+": "+err.Error())
	default:
		writeJSON(w, http.StatusOK, map[string]string{"path": p, "version": ver})
	}
}
