package notice

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
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
	// Warnings are the problems that do not stop the documents (late conclusion notices), unless
	// StrictDeadlines made them errors.
	Warnings source.Errors

	opts       Options
	loaded     map[string]any // by absolute path: *PlanFile, *SessionFile, …
	checked    map[*SessionFile]bool
	errs       source.Errors
	srcs       map[string]*source.Source // the input files decoded, by file name as in their errors
	decodeErrs map[*source.Error]bool    // the errors of decoding and validating them
}

// PlanFile is a plan with the path it was read from.
type PlanFile struct {
	Path string
	Plan *plan.Plan
}

// Load reads the files and directories in paths (a directory: every .yaml and .yml file in it, not recursive,
// in name order), with the plans and the files they refer to. Files of a kind this package does not read
// ("plan" apart) are errors when named, skipped in a directory. All the errors come back together as
// source.Errors, each with its file:line:col.
func Load(opts Options, paths ...string) (*Set, error) {
	s := &Set{Cal: opts.cal(), opts: opts, loaded: map[string]any{}, checked: map[*SessionFile]bool{},
		srcs: map[string]*source.Source{}, decodeErrs: map[*source.Error]bool{}}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			s.errs = append(s.errs, &source.Error{File: p, VI: "không mở được: " + err.Error(), EN: "cannot open: " + err.Error()})
			continue
		}
		if !st.IsDir() {
			s.file(p, true)
			continue
		}
		for _, f := range yamlFiles(p) {
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
	if err := s.errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// yamlFiles lists the .yaml and .yml files of dir in name order.
func yamlFiles(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if ext := strings.ToLower(filepath.Ext(e.Name())); !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	return out
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return a
}

// file loads one input file (once).
func (s *Set) file(path string, named bool) any {
	key := abs(path)
	if v, ok := s.loaded[key]; ok {
		return v
	}
	s.loaded[key] = nil
	data, err := source.ReadFile(path)
	if err != nil {
		s.addErr(err)
		return nil
	}
	var v any // nil, not a typed nil pointer, when the file has errors
	switch kind := PeekKind(data); kind {
	case plan.Kind:
		if pf := s.plan(path, data); pf != nil {
			v = pf
		}
	case KindSession:
		v = load(s, path, data, &SessionFile{})
	case KindConclusion:
		v = load(s, path, data, &ConclusionFile{})
	case KindFollowup:
		v = load(s, path, data, &FollowupFile{})
	case KindReceptionSchedule:
		v = load(s, path, data, &ScheduleFile{})
	case KindCalendarExport:
		if e := s.export(path, data); e != nil {
			v = e
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
			s.errs = append(s.errs, &source.Error{File: path, Line: 1, Col: 1, Path: "kind",
				VI: fmt.Sprintf("loại tệp %q không được hỗ trợ; cần một trong: plan, %s", kind, strings.Join(Kinds, ", ")),
				EN: fmt.Sprintf("unsupported file kind %q; expected one of: plan, %s", kind, strings.Join(Kinds, ", "))})
		}
		return nil
	}
	s.loaded[key] = v
	return v
}

// own records the source of an input file and its decoding and validation errors, which filter keeps.
func (s *Set) own(src *source.Source, errs source.Errors) {
	s.errs = append(s.errs, errs...)
	s.srcs[src.File] = src
	for _, e := range errs {
		s.decodeErrs[e] = true
	}
}

// filter drops the errors of the cross-file rules at or under a field of an input that failed to decode: the
// value there is zero or half-filled, and its decoding error is reported already.
func (s *Set) filter(errs source.Errors) source.Errors {
	var out source.Errors
	for _, e := range errs {
		if src := s.srcs[e.File]; src != nil && !s.decodeErrs[e] && src.DecodeFailed(e.Path) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func (s *Set) addErr(err error) {
	var es source.Errors
	switch e := err.(type) {
	case source.Errors:
		es = e
	case *source.Error:
		es = source.Errors{e}
	default:
		es = source.Errors{{VI: err.Error(), EN: err.Error()}}
	}
	s.errs = append(s.errs, es...)
}

func (s *Set) plan(path string, data []byte) *PlanFile {
	p, err := plan.Parse(path, data)
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

// load decodes one file of this package's kinds and its plan; it returns v, or nil when the file has errors.
func load[T input](s *Set, path string, data []byte, v T) any {
	src, errs := source.Load(path, data, v)
	m := v.meta()
	m.path, m.src, m.data = path, src, data
	s.own(src, errs)
	if src.Root == nil || m.Plan == "" || src.DecodeFailed("plan") {
		return nil // no YAML, or no plan to check it against
	}
	// The cross-file rules run on what decoded, whatever the errors (Load filters theirs under a field that
	// failed to decode), so that every mistake is reported at once.
	planPath := m.Plan
	if !filepath.IsAbs(planPath) {
		planPath = filepath.Join(filepath.Dir(path), planPath)
	}
	if _, err := os.Stat(planPath); err != nil {
		s.errs = append(s.errs, m.errorf("plan", fmt.Sprintf("không tìm thấy tệp kế hoạch %q", m.Plan),
			fmt.Sprintf("plan file %q not found", m.Plan)))
		return nil
	}
	pf, _ := s.file(planPath, false).(*PlanFile)
	if pf == nil {
		return nil // the plan's own errors are reported
	}
	m.plan = pf.Plan
	s.errs = append(s.errs, m.checkFree()...)
	s.errs = append(s.errs, checkWords(v)...)
	switch x := any(v).(type) {
	case *SessionFile:
		s.Sessions = append(s.Sessions, x)
	case *ConclusionFile:
		s.Conclusions = append(s.Conclusions, x)
	case *FollowupFile:
		s.Followups = append(s.Followups, x)
	case *ScheduleFile:
		s.Schedules = append(s.Schedules, x)
	}
	return v
}

// resolve applies the cross-file rules, in dependency order.
func (s *Set) resolve() {
	for _, f := range s.Followups { // load the conclusions they name first
		for i, c := range f.Conclusions {
			p := c
			if !filepath.IsAbs(p) {
				p = filepath.Join(filepath.Dir(f.path), p)
			}
			if _, err := os.Stat(p); err != nil {
				s.errs = append(s.errs, f.errorf(fmt.Sprintf("conclusions[%d]", i), fmt.Sprintf("không tìm thấy tệp %q", c), fmt.Sprintf("file %q not found", c)))
				continue
			}
			data, err := source.ReadFile(p)
			if err != nil {
				s.addErr(err)
				continue
			}
			if PeekKind(data) != KindConclusion {
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
		if f.AsOf.IsZero() {
			s.errs = append(s.errs, f.errorf("as_of", "thiếu ngày tính đến (as_of)", "the as-of date (as_of) is missing"))
		}
		for _, err := range f.evaluate(s.Cal) {
			s.addErr(err)
		}
		s.checkDocDay(&f.Meta)
	}
	for _, x := range s.Schedules {
		s.checkDocDay(&x.Meta)
		// A warning, not an error: next year's schedule may be issued in December under this year's plan
		// (its frame: issuer, signature), but more often the year was not updated when the file was copied.
		if y := x.plan.Year(); y != 0 && x.Year != 0 && x.Year != y && !x.src.DecodeFailed("year") {
			s.Warnings = append(s.Warnings, x.errorf("year",
				fmt.Sprintf("lịch tiếp công dân năm %d khác năm %d của kế hoạch %s", x.Year, y, x.Plan),
				fmt.Sprintf("the reception schedule is for %d, not the year %d of its plan %s", x.Year, y, x.Plan)))
		}
		if x.Start.IsZero() && !x.End.IsZero() {
			s.errs = append(s.errs, x.errorf("end", "có giờ kết thúc thì phải có giờ bắt đầu (start)", "an end time needs a start time"))
		}
	}
	slices.SortStableFunc(s.Sessions, func(a, b *SessionFile) int { return cmpDate(a.HeldOn, b.HeldOn, a.path, b.path) })
	slices.SortStableFunc(s.Conclusions, func(a, b *ConclusionFile) int { return cmpDate(a.HeldOn, b.HeldOn, a.path, b.path) })
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
	s.checkDocDay(&x.Meta)
	add := func(path, vi, en string) { s.errs = append(s.errs, x.errorf(path, vi, en)) }
	ps, ok := x.plan.Session(x.Session)
	if !ok {
		add("session", fmt.Sprintf("kế hoạch %s không có buổi đối thoại %q (có: %s)", x.Plan, x.Session, sessionIDs(x.plan)),
			fmt.Sprintf("plan %s has no session %q (it has: %s)", x.Plan, x.Session, sessionIDs(x.plan)))
		return
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
		return
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
	if !t.IsZero() {
		if t.HasDay() && x.HeldOn != t.Date() || !t.HasDay() && (x.HeldOn.Year() != t.Year || x.HeldOn.Month() != t.Month) {
			verbVI, verbEN := "dời sang", "moved to"
			if x.HeldOn.After(t.LastDate()) {
				verbVI, verbEN = "lùi sang", "postponed to"
			}
			s.Warnings = append(s.Warnings, x.errorf("held_on", fmt.Sprintf("buổi %s %s %s (kế hoạch: %s)", x.Session, verbVI, LongDate(x.HeldOn), t.Vietnamese()),
				fmt.Sprintf("session %s is %s %s (the plan says %s)", x.Session, verbEN, x.HeldOn, t)))
		}
	}
	if !s.Cal.IsWorkingDay(x.HeldOn) {
		s.Warnings = append(s.Warnings, x.errorf("held_on", fmt.Sprintf("%s (%s) không phải ngày làm việc", document.ShortDate(x.HeldOn), calendar.WeekdayName(x.HeldOn)),
			fmt.Sprintf("%s is not a working day", x.HeldOn)))
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
		s.Warnings = append(s.Warnings, x.errorf("opinions.from",
			fmt.Sprintf("thời gian tiếp nhận ý kiến bắt đầu ngày %s, trước ngày của thông báo này (%s)", document.ShortDate(o.From), document.ShortDate(d)),
			fmt.Sprintf("the opinion window opens on %s, before the date of the notice announcing it (%s)", o.From, d)))
	}
	if !x.Doc.Date.IsZero() && x.Doc.Date.After(x.HeldOn) {
		add("document.date", "ngày thông báo sau ngày đối thoại", "the notice is dated after the session")
	} else if inv := s.Cal.AddWorkingDays(x.HeldOn, -x.Offsets().Invitation); !x.Doc.Date.IsZero() && x.Doc.Date.After(inv) {
		s.Warnings = append(s.Warnings, x.errorf("document.date",
			fmt.Sprintf("thông báo ngày %s muộn hơn hạn phát hành giấy mời %s (%02d ngày làm việc trước buổi đối thoại)", document.ShortDate(x.Doc.Date), document.ShortDate(inv), x.Offsets().Invitation),
			fmt.Sprintf("the notice is dated %s, after the invitation milestone %s (%d working days before the session)", x.Doc.Date, inv, x.Offsets().Invitation)))
	}
	for _, other := range s.Sessions {
		if other != x && other.plan == x.plan && other.Session == x.Session && other.path < x.path {
			add("session", fmt.Sprintf("buổi %s đã có tệp %s", x.Session, other.path), fmt.Sprintf("session %s already has file %s", x.Session, other.path))
		}
	}
}

// checkDocDay warns when the document of an input is dated on a day off (a weekend, a holiday, a compensatory
// day off), at document.date; --strict makes it an error like the other warnings.
func (s *Set) checkDocDay(m *Meta) {
	if date := m.Doc.Date; !date.IsZero() && !m.src.DecodeFailed("document.date") && !s.Cal.IsWorkingDay(date) {
		s.Warnings = append(s.Warnings, m.errorf("document.date",
			fmt.Sprintf("ngày văn bản %s (%s) không phải ngày làm việc", document.ShortDate(date), calendar.WeekdayName(date)),
			fmt.Sprintf("the document is dated %s, not a working day", date)))
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
	var dir string
	for _, pf := range s.Plans {
		if pf.Plan == p {
			dir = filepath.Dir(pf.Path)
		}
	}
	for _, f := range yamlFiles(dir) {
		if _, done := s.loaded[abs(f)]; done {
			continue
		}
		data, err := source.ReadFile(f)
		if err == nil && PeekKind(data) == KindSession && s.refersTo(f, data, p) {
			if x, ok := s.file(f, false).(*SessionFile); ok {
				s.checkSession(x)
			}
		}
	}
	return find()
}

func (s *Set) checkConclusion(c *ConclusionFile) {
	s.errs = append(s.errs, c.check()...)
	s.checkDocDay(&c.Meta)
	if _, ok := c.plan.Session(c.Session); !ok {
		s.errs = append(s.errs, c.errorf("session", fmt.Sprintf("kế hoạch %s không có buổi đối thoại %q (có: %s)", c.Plan, c.Session, sessionIDs(c.plan)),
			fmt.Sprintf("plan %s has no session %q (it has: %s)", c.Plan, c.Session, sessionIDs(c.plan))))
		return
	}
	c.session = s.sessionFile(c.plan, c.Session)
	if c.HeldOn.IsZero() && c.session != nil {
		c.HeldOn = c.session.HeldOn
	}
	if ps, _ := c.plan.Session(c.Session); c.HeldOn.IsZero() && ps.Time.HasDay() {
		c.HeldOn = ps.Time.Date()
	}
	if c.HeldOn.IsZero() {
		s.errs = append(s.errs, c.errorf("held_on", "không biết ngày đối thoại: ghi held_on, hoặc tạo tệp kind: session cho buổi này cạnh tệp kế hoạch, hoặc ghi ngày trong kế hoạch",
			"the session's date is unknown: give held_on, or add a kind: session file for it next to the plan, or a day in the plan"))
		return
	}
	if c.session != nil && c.session.HeldOn != c.HeldOn {
		s.errs = append(s.errs, c.errorf("held_on", fmt.Sprintf("ngày %s khác ngày trong %s (%s)", document.ShortDate(c.HeldOn), c.session.path, document.ShortDate(c.session.HeldOn)),
			fmt.Sprintf("%s differs from the date in %s (%s)", c.HeldOn, c.session.path, c.session.HeldOn)))
	}
	s.errs = append(s.errs, c.resolve(s.Cal)...)
	s.Warnings = append(s.Warnings, c.issues...)
	ids := map[string]bool{}
	for _, in := range c.assignmentInputs() {
		if ids[in.a.ID] {
			s.errs = append(s.errs, c.errorf(in.path+".id", fmt.Sprintf("mã %q bị lặp", in.a.ID), fmt.Sprintf("duplicate id %q", in.a.ID)))
		}
		ids[in.a.ID] = true
	}
}

// refersTo reports whether the input file f (with its bytes) belongs to the loaded plan p.
func (s *Set) refersTo(f string, data []byte, p *plan.Plan) bool {
	for _, pf := range s.Plans {
		if pf.Plan == p {
			return refersTo(f, data, pf.Path)
		}
	}
	return false
}
