package plan

import (
	"fmt"
	"github.com/vanban/vanban/problem"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
)

// Load reads and checks the plan file at path. Its errors are problem.List (all of them, with positions).
func Load(path string) (*Plan, error) {
	data, err := source.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
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
		errs = append(errs, src.Filter(p.Check())...)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
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

// Render lays out the plan as a .docx by the rules of its system (document.Render).
func (p *Plan) Render(opts ...document.RenderOption) ([]byte, error) {
	doc, err := p.Document()
	if err != nil {
		return nil, err
	}
	out, err := document.Render(doc, opts...)
	if err != nil {
		return nil, p.src.Errorf("", "không tạo được văn bản: "+err.Error(), "cannot render the document: "+err.Error())
	}
	return out, nil
}

// Errorf returns an error at the position of a field path of the plan file.
func (p *Plan) Errorf(path, vi, en string) *problem.Error { return p.src.Errorf(path, vi, en) }
