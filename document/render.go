package document

import (
	"fmt"

	"github.com/vanban/vanban/templates"
)

// RenderOption changes how Render works.
type RenderOption func(*renderConfig)

type renderConfig struct {
	tpl     *templates.Template
	rules   *Rules
	ruleSet *RuleSet
}

// WithTemplate renders with t instead of the embedded layout of the rule set, e.g. an office's own letterhead
// edited in Word. t may use every name of TemplateData.
func WithTemplate(t *templates.Template) RenderOption { return func(c *renderConfig) { c.tpl = t } }

// WithRules picks the rule set from r instead of the embedded rules (e.g. a moved switch date:
// DefaultRules().WithValidFrom("party-2026", date)).
func WithRules(r *Rules) RenderOption { return func(c *renderConfig) { c.rules = r } }

// WithRuleSet uses rs whatever the document's date.
func WithRuleSet(rs *RuleSet) RenderOption { return func(c *renderConfig) { c.ruleSet = rs } }

// Render validates doc and lays it out as a .docx by the rule set in force on its date, with the embedded
// layout that rule set names (templates.Layout) or the template of WithTemplate. The bytes are deterministic.
func Render(doc *Document, opts ...RenderOption) ([]byte, error) {
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
	tpl := c.tpl
	if tpl == nil {
		if tpl, err = templates.Layout(rs.Layout); err != nil {
			return nil, fmt.Errorf("document: layout %q: %w", rs.Layout, err)
		}
	}
	out, err := tpl.Render(data)
	if err != nil {
		return nil, fmt.Errorf("document: render (%s): %w", rs.ID, err)
	}
	return out, nil
}
