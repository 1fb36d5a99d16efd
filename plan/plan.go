package plan

import (
	"context"
	"fmt"
	"io"
	"io/fs"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/problem"
)

// Load reads and checks the plan file at path. Its errors are problem.List (all of them, with positions); a
// file that cannot be opened keeps its cause, so errors.Is(err, fs.ErrNotExist) tells a missing file.
func Load(path string) (*Plan, error) {
	data, err := source.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// LoadFS is Load reading the file name of fsys (e.g. an embed.FS or os.DirFS).
func LoadFS(fsys fs.FS, name string) (*Plan, error) {
	data, err := source.ReadFS(fsys, name)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// Validate runs every rule on the plan however it was made (loaded, built in Go, changed after loading): the
// struct rules of the model's validate tags and the cross-field rules of Check. It returns nil or a
// problem.List, each error with its field path ("sessions[0].quarter") and, for a loaded plan, its file
// position.
func (p *Plan) Validate() error {
	if p == nil {
		return problem.List{problem.New("", "không có kế hoạch (nil)", "no plan (nil)")}
	}
	errs := p.src.Validate(p)
	errs = append(errs, p.Check()...)
	if p.src != nil {
		errs = p.src.Filter(errs)
	}
	return errs.Err()
}

// Parse decodes and checks a plan; file names the input in the errors. It returns all the errors at once as
// problem.List: decoding, the struct rules and the cross-field rules of Check, the last two run on what
// decoded and without the errors at or under a field that failed to decode. A file
// that does not parse as YAML gets only that error.
func Parse(file string, data []byte) (*Plan, error) {
	var p Plan
	src, errs := source.Load(file, data, &p)
	p.src = src
	if src.Root != nil {
		errs = source.Cap(append(errs, src.Filter(p.Check())...), source.MaxErrors)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	src.Root = nil // the positions stay (src.At); the node tree is not used after checking: memory
	return &p, nil
}

// Year returns the year the plan covers: the year key, else the year of the document date.
func (p *Plan) Year() int {
	if p.PlanYear != 0 {
		return p.PlanYear
	}
	if p.Doc.Date.IsZero() {
		return 0
	}
	return p.Doc.Date.Year()
}

// Session returns the session with the given id.
func (p *Plan) Session(id string) (*Session, bool) {
	for i := range p.Sessions {
		if p.Sessions[i].ID == id {
			return &p.Sessions[i], true
		}
	}
	return nil, false
}

// SessionPath returns the field path of the session with the given id ("sessions[2]"), for positioned errors;
// "sessions" when there is none.
func (p *Plan) SessionPath(id string) string {
	for i := range p.Sessions {
		if p.Sessions[i].ID == id {
			return fmt.Sprintf("sessions[%d]", i)
		}
	}
	return "sessions"
}

// Deadline returns the conclusion-notice deadline in working days.
func (p *Plan) Deadline() int { return p.DeadlineDays }

// Rules returns the document rule set the plan is laid out by (its system, in force on its date).
func (p *Plan) Rules() *document.RuleSet {
	return document.RulesFor(p.Issuer.System, p.ruleDate())
}

// Render validates the plan (Validate) and lays it out as a .docx by the rules of its system
// (document.Render). A failure of the layout is a *problem.Error whose cause is the document's error, so
// errors.Is(err, templates.ErrMissingField) holds when an office's template names a field the data lacks.
func (p *Plan) Render(opts ...document.RenderOption) ([]byte, error) {
	return p.RenderContext(context.Background(), opts...)
}

// RenderContext is Render, stopping with ctx's error when ctx is done, also while the layout repeats its sections.
func (p *Plan) RenderContext(ctx context.Context, opts ...document.RenderOption) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	doc, err := p.Document()
	if err != nil {
		return nil, err
	}
	out, err := document.RenderContext(ctx, doc, opts...)
	if err != nil {
		e := p.src.Errorf("", "không tạo được văn bản: "+err.Error(), "cannot render the document: "+err.Error())
		e.Err = err
		return nil, e
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// RenderTo renders the plan (RenderContext) and writes the .docx to w: an HTTP response, a zip entry, a
// buffer. Nothing is written when rendering fails.
func (p *Plan) RenderTo(ctx context.Context, w io.Writer, opts ...document.RenderOption) (int64, error) {
	out, err := p.RenderContext(ctx, opts...)
	if err != nil {
		return 0, err
	}
	n, err := w.Write(out)
	return int64(n), err
}

// WriteTo writes the plan's .docx, rendered with the embedded layouts, to w (io.WriterTo).
func (p *Plan) WriteTo(w io.Writer) (int64, error) { return p.RenderTo(context.Background(), w) }

// Errorf returns an error at the position of a field path of the plan file.
func (p *Plan) Errorf(path, vi, en string) *problem.Error { return p.src.Errorf(path, vi, en) }
