package notice

import (
	"context"
	"io"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
)

// NewSession returns the notice of the session id of plan p (with Form "invitation", its Giấy mời), to fill
// in Go; issuer, archive and signature default to the plan's. Fill at least Announcer, Recipients, HeldOn,
// Start, Chair and Participants, then Validate or Render.
func NewSession(p *plan.Plan, id string) *SessionFile {
	x := &SessionFile{Session: id}
	x.Kind = KindSession
	x.plan = p
	return x
}

// NewConclusion returns the conclusion notice of the session id of plan p, to fill in Go. The session's day is
// HeldOn, else the plan's day for the session.
func NewConclusion(p *plan.Plan, id string) *ConclusionFile {
	c := &ConclusionFile{Session: id}
	c.Kind = KindConclusion
	c.plan = p
	return c
}

// NewFollowup returns the follow-up report of plan p as of asOf on the assignments of the conclusion notices
// given (and of its own Assignments), to fill in Go.
func NewFollowup(p *plan.Plan, asOf calendar.Date, conclusions ...*ConclusionFile) *FollowupFile {
	f := &FollowupFile{AsOf: asOf, conclusions: conclusions}
	f.Kind = KindFollowup
	f.plan = p
	return f
}

// NewSchedule returns the reception schedule of year under plan p, to fill in Go (Days, Receiver, Venue…).
func NewSchedule(p *plan.Plan, year int) *ScheduleFile {
	x := &ScheduleFile{Year: year}
	x.Kind = KindReceptionSchedule
	x.plan = p
	return x
}

// UsePlan sets the plan the input belongs to: the defaults of its frame, its session, its offsets. A file
// loaded with its plan has it already.
func (m *Meta) UsePlan(p *plan.Plan) { m.plan = p }

// UseCalendar sets the calendar the input's dates are counted on (nil: calendar.Default()). A loaded file has
// its set's.
func (m *Meta) UseCalendar(cal *calendar.Calendar) { m.cal = cal }

// Validate runs every rule of a session notice however it was made: the struct rules (validate tags), the
// free blocks' rules and the rules of the kind with its plan. It returns nil or a problem.List with field
// paths (and file positions for a loaded file).
func (x *SessionFile) Validate() error { return validateOn(x, x.calendar()) }

// Validate runs every rule of a conclusion notice (see SessionFile.Validate).
func (c *ConclusionFile) Validate() error { return validateOn(c, c.calendar()) }

// Validate runs every rule of a follow-up report (see SessionFile.Validate).
func (f *FollowupFile) Validate() error { return validateOn(f, f.calendar()) }

// Validate runs every rule of a reception schedule (see SessionFile.Validate).
func (x *ScheduleFile) Validate() error { return validateOn(x, x.calendar()) }

// Warnings returns the problems of the notice that do not stop it (a date on a day off, a late notice).
func (x *SessionFile) Warnings() problem.List { _, w := x.rules(x.calendar()); return w }

// Warnings returns the problems of the notice that do not stop it (a late notice, a date on a day off).
func (c *ConclusionFile) Warnings() problem.List { _, w := c.rules(c.calendar()); return w }

// Warnings returns the problems of the report that do not stop it (a date on a day off).
func (f *FollowupFile) Warnings() problem.List { _, w := f.rules(f.calendar()); return w }

// Warnings returns the problems of the schedule that do not stop it (another year than the plan's).
func (x *ScheduleFile) Warnings() problem.List { _, w := x.rules(x.calendar()); return w }

// ruled is an input with the rules of its kind.
type ruled interface {
	input
	rules(*calendar.Calendar) (errs, warns problem.List)
}

// validateOn runs the rules every input shares and those of its kind, counting days on cal.
func validateOn(v ruled, cal *calendar.Calendar) error {
	m := v.meta()
	if m.plan == nil && !m.planless() {
		return problem.List{m.errorf("plan", "chưa có kế hoạch: tải tệp cùng kế hoạch của nó, gọi UsePlan, hoặc với văn bản không thuộc kế hoạch nào, gọi UseOffice hoặc ghi issuer, signature, archive",
			"no plan: load the file with its plan, call UsePlan, or, for a notice of no plan, call UseOffice or set issuer, signature and archive")}
	}
	var errs problem.List
	for _, e := range m.src.Validate(v) {
		if e.Path == "plan" && m.Plan == "" && (m.plan != nil || m.office != nil) {
			continue // a value built in Go names its plan (or office) by pointer, not by file
		}
		errs = append(errs, e)
	}
	errs = append(errs, m.checkFree()...)
	errs = append(errs, checkWords(v)...)
	e, _ := v.rules(cal)
	errs = append(errs, e...)
	if m.src != nil {
		errs = m.src.Filter(errs)
	}
	return errs.Err()
}

// documenter is what the kinds that make a .docx share.
type documenter interface {
	ruled
	Document(*calendar.Calendar) (*document.Document, error)
	OutputName() string
}

// Render validates the session notice and lays it out as a .docx with opts (its calendar, its document
// options; with StrictDeadlines, warnings are errors). It stops with ctx's error when ctx is done.
func (x *SessionFile) Render(ctx context.Context, opts Options) ([]byte, error) {
	return renderInput(ctx, x, opts)
}

// Render validates the conclusion notice and lays it out as a .docx (see SessionFile.Render).
func (c *ConclusionFile) Render(ctx context.Context, opts Options) ([]byte, error) {
	return renderInput(ctx, c, opts)
}

// Render validates the follow-up report and lays it out as a .docx (see SessionFile.Render).
func (f *FollowupFile) Render(ctx context.Context, opts Options) ([]byte, error) {
	return renderInput(ctx, f, opts)
}

// Render validates the reception schedule and lays it out as a .docx (see SessionFile.Render).
func (x *ScheduleFile) Render(ctx context.Context, opts Options) ([]byte, error) {
	return renderInput(ctx, x, opts)
}

// RenderTo renders the session notice (Render) and writes it to w; nothing is written when it fails.
func (x *SessionFile) RenderTo(ctx context.Context, w io.Writer, opts Options) (int64, error) {
	return writeOut(w)(x.Render(ctx, opts))
}

// RenderTo renders the conclusion notice (Render) and writes it to w; nothing is written when it fails.
func (c *ConclusionFile) RenderTo(ctx context.Context, w io.Writer, opts Options) (int64, error) {
	return writeOut(w)(c.Render(ctx, opts))
}

// RenderTo renders the follow-up report (Render) and writes it to w; nothing is written when it fails.
func (f *FollowupFile) RenderTo(ctx context.Context, w io.Writer, opts Options) (int64, error) {
	return writeOut(w)(f.Render(ctx, opts))
}

// RenderTo renders the reception schedule (Render) and writes it to w; nothing is written when it fails.
func (x *ScheduleFile) RenderTo(ctx context.Context, w io.Writer, opts Options) (int64, error) {
	return writeOut(w)(x.Render(ctx, opts))
}

func writeOut(w io.Writer) func([]byte, error) (int64, error) {
	return func(b []byte, err error) (int64, error) {
		if err != nil {
			return 0, err
		}
		n, err := w.Write(b)
		return int64(n), err
	}
}

func renderInput(ctx context.Context, x documenter, opts Options) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cal := opts.Calendar
	if cal == nil {
		cal = x.meta().calendar()
	}
	if err := validateOn(x, cal); err != nil {
		return nil, err
	}
	if opts.StrictDeadlines {
		if _, warns := x.rules(cal); len(warns) > 0 {
			return nil, warns.Err()
		}
	}
	return renderDoc(ctx, x, cal, opts.Render)
}

// renderDoc builds the document of x on cal and lays it out; a layout failure keeps its cause.
func renderDoc(ctx context.Context, x documenter, cal *calendar.Calendar, opts []document.RenderOption) ([]byte, error) {
	d, err := x.Document(cal)
	if err != nil {
		return nil, err
	}
	data, err := document.RenderContext(ctx, d, opts...)
	if err != nil {
		e := x.meta().errorf("", "không tạo được văn bản: "+err.Error(), "cannot render the document: "+err.Error())
		e.Err = err
		return nil, e
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return data, nil
}
