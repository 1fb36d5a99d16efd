package notice

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
	"gopkg.in/yaml.v3"
)

// Options change how inputs are loaded.
type Options struct {
	// Calendar counts the working days; nil means calendar.Default().
	Calendar *calendar.Calendar
	// StrictDeadlines turns the warnings (Set.Warnings: a conclusion notice dated late or before its session, a
	// session notice dated after its invitation milestone, a session or a document dated on a day off, a
	// reception schedule for another year than its plan's) into errors.
	StrictDeadlines bool
	// Render are the options every document is rendered with, e.g. document.WithTemplate for an office's own
	// letterhead.
	Render []document.RenderOption
}

func (o Options) cal() *calendar.Calendar {
	if o.Calendar != nil {
		return o.Calendar
	}
	return calendar.Default()
}

// Set is the inputs loaded together: the files given (a directory stands for its *.yaml files), the plans they
// refer to, and the session and conclusion files those need. Its slices are in the order of the file names.
type Set struct {
	Cal         *calendar.Calendar
	Plans       []*PlanFile
	Sessions    []*SessionFile
	Conclusions []*ConclusionFile
	Followups   []*FollowupFile
	Schedules   []*ScheduleFile
	Exports     []*ExportFile
	// Offices are the office profiles (kind: office) loaded: named, in a directory, or named by a notice.
	Offices []*OfficeFile
	// Warnings are the problems that do not stop the documents (late conclusion notices), unless
	// StrictDeadlines made them errors.
	Warnings problem.List

	opts       Options
	files      *files
	loaded     map[string]any // by file key (files.key): *PlanFile, *SessionFile, …
	checked    map[*SessionFile]bool
	errs       problem.List
	srcs       map[string]*source.Source // the input files decoded, by file name as in their errors
	decodeErrs map[*problem.Error]bool   // the errors of decoding and validating them
}

// PlanFile is a plan with the path it was read from.
type PlanFile struct {
	Path string
	Plan *plan.Plan
}

// Load reads the files and directories in paths (a directory: every .yaml and .yml file in it, not recursive,
// in name order), with the plans and the files they refer to. Files of a kind this package does not read
// ("plan" apart) are errors when named, skipped in a directory. All the errors come back together as
// problem.List, each with its file:line:col.
func Load(opts Options, paths ...string) (*Set, error) {
	return load(newFiles(nil), opts, paths)
}

// LoadFS is Load reading from fsys (an embed.FS, an os.DirFS, a zip archive, an in-memory fstest.MapFS): paths
// are slash-separated fs paths ("." for the root directory), and the plan, conclusions and include keys of the
// files are resolved inside fsys, relative to the file that names them.
func LoadFS(fsys fs.FS, opts Options, paths ...string) (*Set, error) {
	return load(newFiles(fsys), opts, paths)
}

func load(fl *files, opts Options, paths []string) (*Set, error) {
	s := &Set{Cal: opts.cal(), opts: opts, files: fl, loaded: map[string]any{}, checked: map[*SessionFile]bool{},
		srcs: map[string]*source.Source{}, decodeErrs: map[*problem.Error]bool{}}
	var names []string // the files to load, read and parsed ahead concurrently
	for _, p := range paths {
		if isDir, err := fl.stat(p); err == nil && isDir {
			names = append(names, fl.list(p)...)
		} else if err == nil {
			names = append(names, p)
		}
	}
	fl.prefetch(names)
	for _, p := range paths {
		isDir, err := fl.stat(p)
		if err != nil {
			s.errs = append(s.errs, &problem.Error{File: p, VI: "không mở được: " + err.Error(), EN: "cannot open: " + err.Error(), Err: err})
			continue
		}
		if !isDir {
			s.file(p, true)
			continue
		}
		for _, f := range fl.list(p) {
			s.file(f, false)
		}
	}
	s.resolve()
	s.errs, s.Warnings = s.filter(s.errs), s.filter(s.Warnings)
	if s.opts.StrictDeadlines {
		s.errs = append(s.errs, s.Warnings...)
		s.Warnings = nil
	}
	s.Warnings.Sort()
	s.errs = source.Cap(s.errs, source.MaxErrors)
	if err := s.errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// file loads one input file (once).
func (s *Set) file(path string, named bool) any {
	key := s.files.key(path)
	if v, ok := s.loaded[key]; ok {
		return v
	}
	s.loaded[key] = nil
	fi := s.files.info(path)
	data, err := fi.data, fi.err
	if err != nil {
		s.addErr(err)
		return nil
	}
	var v any // nil, not a typed nil pointer, when the file has errors
	switch kind := fi.kind; kind {
	case plan.Kind:
		if pf := s.plan(path, data); pf != nil {
			v = pf
		}
	case KindSession:
		v = loadInput(s, path, data, &SessionFile{})
	case KindConclusion:
		v = loadInput(s, path, data, &ConclusionFile{})
	case KindFollowup:
		v = loadInput(s, path, data, &FollowupFile{})
	case KindReceptionSchedule:
		v = loadInput(s, path, data, &ScheduleFile{})
	case KindCalendarExport:
		if e := s.export(path, data); e != nil {
			v = e
		}
	case KindOffice:
		o := &OfficeFile{path: path}
		src, errs := source.Load(path, data, o)
		s.own(src, errs)
		if len(errs) == 0 {
			v = o
			s.Offices = append(s.Offices, o)
		}
	default:
		if err := yaml.Unmarshal(data, new(yaml.Node)); err != nil && named {
			// Not YAML at all (a syntax error, a control character): the strict decoder says where.
			var none struct{}
			if _, errs := source.Decode(path, data, &none); len(errs) > 0 {
				s.errs = append(s.errs, errs...)
				return nil
			}
		}
		if named {
			s.errs = append(s.errs, &problem.Error{File: path, Line: 1, Col: 1, Path: "kind",
				VI: fmt.Sprintf("loại tệp %q không được hỗ trợ; cần một trong: plan, %s", kind, strings.Join(Kinds, ", ")),
				EN: fmt.Sprintf("unsupported file kind %q; expected one of: plan, %s", kind, strings.Join(Kinds, ", "))})
		}
		return nil
	}
	s.loaded[key] = v
	return v
}

// own records the source of an input file and its decoding and validation errors, which filter keeps.
func (s *Set) own(src *source.Source, errs problem.List) {
	s.errs = append(s.errs, errs...)
	s.Warnings = append(s.Warnings, src.Warnings()...)
	s.srcs[src.File] = src
	for _, e := range errs {
		s.decodeErrs[e] = true
	}
}

// filter drops the errors of the cross-file rules at or under a field of an input that failed to decode: the
// value there is zero or half-filled, and its decoding error is reported already.
func (s *Set) filter(errs problem.List) problem.List {
	var out problem.List
	for _, e := range errs {
		if src := s.srcs[e.File]; src != nil && !s.decodeErrs[e] && src.DecodeFailed(e.Path) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func (s *Set) addErr(err error) { s.errs = append(s.errs, problem.From(err)...) }

// plan parses a plan file, or takes the plan prefetch parsed under the same name.
func (s *Set) plan(path string, data []byte) *PlanFile {
	if fi := s.files.cache[s.files.key(path)]; fi != nil && fi.planName == path {
		p, err := fi.plan, fi.planErr
		fi.plan, fi.planErr, fi.planName = nil, nil, "" // taken: the set holds it from now on
		if err == nil {
			fi.data, fi.dropped = nil, true // parsed: the bytes are not held (files.read reads them again)
		}
		return s.addPlan(path, p, err)
	}
	p, err := plan.Parse(path, data)
	return s.addPlan(path, p, err)
}

func (s *Set) addPlan(path string, p *plan.Plan, err error) *PlanFile {
	if err != nil {
		s.addErr(err)
		return nil
	}
	pf := &PlanFile{Path: path, Plan: p}
	s.Plans = append(s.Plans, pf)
	return pf
}

// input is what the four kinds share.
type input interface{ meta() *Meta }

func (m *Meta) meta() *Meta { return m }

// loadInput decodes one file of this package's kinds and its plan; it returns v, or nil when the file has
// errors.
func loadInput[T input](s *Set, path string, data []byte, v T) any {
	src, errs := source.Load(path, data, v)
	m := v.meta()
	m.path, m.src, m.cal, m.data = path, src, s.Cal, data
	s.own(src, errs)
	if src.Root == nil || src.DecodeFailed("plan") {
		return nil // no YAML
	}
	if m.Plan == "" { // a notice of no plan: its office profile, or its own issuer
		if m.Office != "" && !src.DecodeFailed("office") {
			o, ok := s.officeFile(m)
			if !ok {
				return nil
			}
			m.office = o
		}
		if !m.planless() {
			return nil // neither plan, office nor issuer: reported by the validator tags
		}
		s.errs = append(s.errs, m.checkFree()...)
		s.add(v)
		return v
	}
	// The cross-file rules run on what decoded, whatever the errors (Load filters theirs under a field that
	// failed to decode), so that every mistake is reported at once.
	planPath := s.files.rel(path, m.Plan)
	if !s.checkPlanRef(m, planPath) {
		return nil
	}
	pf, _ := s.file(planPath, false).(*PlanFile)
	if pf == nil {
		s.planNotLoaded(m, planPath)
		return nil
	}
	m.plan = pf.Plan
	if m.Office != "" {
		s.errs = append(s.errs, m.frameRules()...) // plan and office both
	}
	s.errs = append(s.errs, m.checkFree()...)
	s.errs = append(s.errs, checkWords(v)...)
	s.add(v)
	return v
}

// add files a loaded input under its kind.
func (s *Set) add(v any) {
	switch x := v.(type) {
	case *SessionFile:
		s.Sessions = append(s.Sessions, x)
	case *ConclusionFile:
		s.Conclusions = append(s.Conclusions, x)
	case *FollowupFile:
		s.Followups = append(s.Followups, x)
	case *ScheduleFile:
		s.Schedules = append(s.Schedules, x)
	}
}

// officeFile loads the office profile an input names, reporting a missing or wrong file at its office key.
func (s *Set) officeFile(m *Meta) (*OfficeFile, bool) {
	p := s.files.rel(m.path, m.Office)
	if !s.checkRef(m, "office", m.Office, p, "tệp hồ sơ cơ quan", "office profile file") {
		return nil, false
	}
	if fi := s.files.info(p); fi.err == nil && fi.kind != KindOffice {
		s.errs = append(s.errs, m.errorf("office", fmt.Sprintf("%q không phải tệp hồ sơ cơ quan (kind: office)", m.Office),
			fmt.Sprintf("%q is not an office profile file (kind: office)", m.Office)))
		return nil, false
	}
	o, ok := s.file(p, false).(*OfficeFile)
	return o, ok // a broken profile reports its own errors
}

// resolve applies the cross-file rules, in dependency order.
func (s *Set) resolve() {
	for _, f := range s.Followups { // load the conclusions they name first
		for i, c := range f.Conclusions {
			p := s.files.rel(f.path, c)
			if !s.checkRef(&f.Meta, fmt.Sprintf("conclusions[%d]", i), c, p, "tệp", "file") {
				continue
			}
			fi := s.files.info(p)
			if fi.err != nil {
				s.addErr(fi.err)
				continue
			}
			if fi.kind != KindConclusion {
				s.errs = append(s.errs, f.errorf(fmt.Sprintf("conclusions[%d]", i), fmt.Sprintf("%q không phải tệp kind: conclusion", c),
					fmt.Sprintf("%q is not a kind: conclusion file", c)))
				continue
			}
			if cf, ok := s.file(p, false).(*ConclusionFile); ok {
				f.conclusions = append(f.conclusions, cf)
			}
		}
	}
	for _, x := range s.Sessions {
		s.checkSession(x)
	}
	for _, c := range s.Conclusions {
		s.checkConclusion(c)
	}
	for _, f := range s.Followups {
		errs, warns := f.rules(s.Cal)
		s.errs, s.Warnings = append(s.errs, errs...), append(s.Warnings, warns...)
	}
	for _, x := range s.Schedules {
		errs, warns := x.rules(s.Cal)
		s.errs, s.Warnings = append(s.errs, errs...), append(s.Warnings, warns...)
	}
	slices.SortStableFunc(s.Sessions, func(a, b *SessionFile) int { return cmpDate(a.HeldOn, b.HeldOn, a.path, b.path) })
	slices.SortStableFunc(s.Conclusions, func(a, b *ConclusionFile) int { return cmpDate(a.SessionDay(), b.SessionDay(), a.path, b.path) })
}

func cmpDate(a, b calendar.Date, pa, pb string) int {
	if c := a.Compare(b); c != 0 {
		return c
	}
	return strings.Compare(pa, pb)
}

func (s *Set) checkSession(x *SessionFile) {
	if s.checked[x] {
		return
	}
	s.checked[x] = true
	errs, warns := x.rules(s.Cal)
	s.errs, s.Warnings = append(s.errs, errs...), append(s.Warnings, warns...)
	for _, other := range s.Sessions {
		if other != x && x.plan != nil && other.plan == x.plan && other.Session == x.Session && other.path < x.path {
			s.errs = append(s.errs, x.errorf("session", fmt.Sprintf("buổi %s đã có tệp %s", x.Session, other.path), fmt.Sprintf("session %s already has file %s", x.Session, other.path)))
		}
	}
}

// sessionIDs lists the ids of a plan's sessions for messages; "—" when it has none (yet).
func sessionIDs(p *plan.Plan) string {
	var ids []string
	for _, s := range p.Sessions {
		ids = append(ids, s.ID)
	}
	if len(ids) == 0 {
		return "—"
	}
	return strings.Join(ids, ", ")
}

// sessionFile finds the session file of a plan's session: among the loaded files, else in the plan's
// directory.
func (s *Set) sessionFile(p *plan.Plan, id string) *SessionFile {
	find := func() *SessionFile {
		for _, x := range s.Sessions {
			if x.plan == p && x.Session == id {
				return x
			}
		}
		return nil
	}
	if x := find(); x != nil {
		return x
	}
	var planPath string
	for _, pf := range s.Plans {
		if pf.Plan == p {
			planPath = pf.Path
		}
	}
	if planPath == "" {
		return nil // a plan built in Go has no directory
	}
	for _, f := range s.files.list(s.files.dir(planPath)) {
		if _, done := s.loaded[s.files.key(f)]; done {
			continue
		}
		if s.files.info(f).kind == KindSession && s.files.refers(f, planPath) {
			if x, ok := s.file(f, false).(*SessionFile); ok {
				s.checkSession(x)
			}
		}
	}
	return find()
}

func (s *Set) checkConclusion(c *ConclusionFile) {
	if _, ok := c.p().Session(c.Session); ok {
		c.session = s.sessionFile(c.plan, c.Session)
	}
	errs, warns := c.rules(s.Cal)
	s.errs, s.Warnings = append(s.errs, errs...), append(s.Warnings, warns...)
}
