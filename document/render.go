package document

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	textnfc "github.com/vanban/vanban/internal/nfc"
	"github.com/vanban/vanban/problem"
	"github.com/vanban/vanban/templates"
)

// RenderOption changes how Render works.
type RenderOption func(*renderConfig)

type renderConfig struct {
	tpl      *templates.Template
	bySystem map[System]*templates.Template
	rules    *Rules
	ruleSet  *RuleSet
}

// WithTemplate renders with t instead of the embedded layout of the rule set, e.g. an office's own letterhead
// edited in Word. t may use every name of TemplateData. Render refuses a document whose output prints the
// other system's heading (a State letterhead on a Party plan): ErrTemplateSystem. ParseTemplate checks a
// template's system before any rendering.
func WithTemplate(t *templates.Template) RenderOption { return func(c *renderConfig) { c.tpl = t } }

// WithTemplateFor renders the documents of system sys with t, and leaves the others to the embedded layouts (or
// to WithTemplate): an office that adapted the Party layout does not want it on its State documents. It may be
// given once per system; it wins over WithTemplate.
func WithTemplateFor(sys System, t *templates.Template) RenderOption {
	return func(c *renderConfig) {
		if c.bySystem == nil {
			c.bySystem = map[System]*templates.Template{}
		}
		c.bySystem[sys] = t
	}
}

// WithRules picks the rule set from r instead of the embedded rules (e.g. a moved switch date:
// DefaultRules().WithValidFrom("party-2026", date)).
func WithRules(r *Rules) RenderOption { return func(c *renderConfig) { c.rules = r } }

// WithRuleSet uses rs whatever the document's date.
func WithRuleSet(rs *RuleSet) RenderOption { return func(c *renderConfig) { c.ruleSet = rs } }

// Render validates doc and lays it out as a .docx by the rule set in force on its date, with the embedded
// layout that rule set names (templates.Layout) or the template of WithTemplate. The bytes are deterministic.
func Render(doc *Document, opts ...RenderOption) ([]byte, error) {
	return RenderContext(context.Background(), doc, opts...)
}

// RenderContext is Render, stopping with ctx's error when ctx is done, also while the template repeats its
// sections (templates.Template.RenderContext).
func RenderContext(ctx context.Context, doc *Document, opts ...RenderOption) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var c renderConfig
	for _, o := range opts {
		o(&c)
	}
	rs := c.ruleSet
	if rs == nil {
		r := c.rules
		if r == nil {
			r = defaultRules
		}
		rs = doc.rulesFrom(r)
	}
	if err := doc.validate(rs); err != nil {
		return nil, fmt.Errorf("document: %w", err)
	}
	data, err := doc.templateData(rs)
	if err != nil {
		return nil, err
	}
	tpl := c.bySystem[doc.System]
	if tpl == nil {
		tpl = c.tpl
	}
	custom := tpl != nil
	if tpl == nil {
		if tpl, err = templates.Layout(rs.Layout); err != nil {
			return nil, fmt.Errorf("document: layout %q: %w", rs.Layout, err)
		}
	}
	out, err := tpl.RenderContext(ctx, data)
	if err != nil {
		return nil, fmt.Errorf("document: render (%s): %w", rs.ID, err)
	}
	// An office's template prints its own system's heading: a State letterhead must not lay out a Party
	// document, nor the reverse. A template without either heading is taken as it is.
	if custom { // an embedded layout is of the system it was chosen for: no need to read its text again
		if got, ok := DetectSystem(out); ok && got != doc.System {
			return nil, wrongSystem(got, doc.System)
		}
	}
	return out, nil
}

// ErrTemplateSystem is the cause of the errors about a template of the other system: a State letterhead given
// for a Party document, or the reverse.
var ErrTemplateSystem = errors.New("document: template of another system")

func wrongSystem(tpl, doc System) error {
	return &problem.Error{
		VI:  fmt.Sprintf("mẫu văn bản in tiêu đề của hệ thống %s, nhưng văn bản thuộc hệ thống %s", systemVI(tpl), systemVI(doc)),
		EN:  fmt.Sprintf("the template prints the heading of the %s system, but the document is a %s one", tpl, doc),
		Err: ErrTemplateSystem,
	}
}

func systemVI(s System) string {
	switch s {
	case Party:
		return "Đảng"
	case State:
		return "Nhà nước"
	}
	return string(s)
}

// ParseTemplate parses an office's own .docx template (its letterhead, edited in Word from an embedded layout)
// and returns the option that lays out the documents of its system with it, and that system. sys names the
// system the template is for; "" means the heading it prints tells (ĐẢNG CỘNG SẢN VIỆT NAM: Party, the Quốc
// hiệu: State). A template that prints the other system's heading, or, with sys "", neither, is an error whose
// cause is ErrTemplateSystem; a template that does not parse keeps the templates error as its cause.
func ParseTemplate(docx []byte, sys System, opts ...templates.Option) (RenderOption, System, error) {
	if sys != "" && sys != Party && sys != State {
		return nil, "", &problem.Error{Path: "system", VI: fmt.Sprintf("hệ thống %q không hợp lệ; dùng party hoặc state", sys),
			EN: fmt.Sprintf("invalid system %q; use party or state", sys)}
	}
	tpl, err := templates.Parse(docx, opts...)
	if err != nil {
		return nil, "", &problem.Error{VI: "mẫu văn bản không hợp lệ: " + err.Error(), EN: "invalid template: " + err.Error(), Err: err}
	}
	detected, ok := DetectSystem(docx)
	switch {
	case sys == "" && !ok:
		return nil, "", &problem.Error{
			VI:  "không rõ mẫu của hệ thống nào (không thấy tiêu đề ĐẢNG CỘNG SẢN VIỆT NAM hay Quốc hiệu); hãy nêu hệ thống (party hoặc state)",
			EN:  "cannot tell which system the template is for (neither ĐẢNG CỘNG SẢN VIỆT NAM nor the Quốc hiệu); name the system (party or state)",
			Err: ErrTemplateSystem}
	case sys == "":
		sys = detected
	case ok && detected != sys:
		return nil, "", wrongSystem(detected, sys)
	}
	return WithTemplateFor(sys, tpl), sys, nil
}

// The headings that tell the two systems' layouts apart (docs/layout-rules.md, header block): the Party heading, and
// the State// Quốc hiệu in either placement of its tone mark.
var systemHeadings = []struct {
	sys  System
	text string
}{
	{Party, "ĐẢNG CỘNG SẢN VIỆT NAM"},
	{State, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
	{State, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
}

// DetectSystem tells, from the text of a .docx template's main document, which system's layout it is: Party when
// it prints "ĐẢNG CỘNG SẢN VIỆT NAM", State when it prints the Quốc hiệu. It reads the text of the w:t elements
// joined, so a heading Word split across runs is still found; ok is false when neither or both are there.
func DetectSystem(docx []byte) (sys System, ok bool) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return "", false
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" || f.UncompressedSize64 > 64<<20 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return "", false
		}
		defer rc.Close()
		var text strings.Builder
		dec := xml.NewDecoder(io.LimitReader(rc, 64<<20))
		inText := false
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			switch t := tok.(type) {
			case xml.StartElement:
				inText = t.Name.Local == "t"
			case xml.EndElement:
				inText = false
			case xml.CharData:
				if inText {
					text.Write(t)
				}
			}
		}
		all := textnfc.String(text.String())
		found := map[System]bool{}
		for _, h := range systemHeadings {
			if strings.Contains(all, h.text) {
				found[h.sys] = true
			}
		}
		if len(found) != 1 {
			return "", false
		}
		for s := range found {
			return s, true
		}
	}
	return "", false
}
