package plan

import (
	"fmt"
	"strings"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/placeholder"
	"github.com/vanban/vanban/internal/sections"
)

// Default labels of a session's bullets (as in plan/wording.yaml).
const (
	LabelContent      = "Nội dung"
	LabelParticipants = "Đối tượng"
	LabelTime         = "Thời gian"
	LabelVenue        = "Địa điểm"
)

// Expand replaces the placeholders of a text of the plan: {{deadline}} (the conclusion deadline in working
// days, two digits: "07") and {{year}}. Package notice uses it for the texts it quotes from the plan.
func (p *Plan) Expand(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	return placeholder.Replace(s, func(m, name string) string {
		switch name {
		case "deadline":
			return fmt.Sprintf("%02d", p.DeadlineDays)
		case "year":
			return fmt.Sprint(p.Year())
		}
		return m
	})
}

// ruleDate is the date that picks the rule set: the document date, or the end of the plan's year for a draft.
func (p *Plan) ruleDate() calendar.Date {
	if !p.Doc.Date.IsZero() {
		return p.Doc.Date
	}
	if y := p.Year(); y > 0 {
		return calendar.NewDate(y, time.December, 31)
	}
	return calendar.Date{}
}

// Document returns the official document (văn bản) of the plan, ready for document.Render.
func (p *Plan) Document() (*document.Document, error) {
	d := &document.Document{
		System:        p.Issuer.System,
		Superior:      p.Issuer.Superior,
		Issuer:        p.Issuer.Name,
		IssuerCode:    p.Issuer.Code,
		Type:          p.Doc.Type,
		Number:        p.Doc.Number,
		Symbol:        p.Doc.Symbol,
		Place:         p.Issuer.Place,
		Date:          p.Doc.Date,
		Title:         p.Expand(p.Title),
		Summary:       p.Expand(p.Summary),
		Archive:       p.Expand(p.Archive),
		ArchiveCopies: p.ArchiveCopies,
		Signature: document.Signature{
			Mark:         p.Signature.Mark,
			Authority:    p.Signature.Authority,
			SubMark:      p.Signature.SubMark,
			SubAuthority: p.Signature.SubAuthority,
			Position:     p.Signature.Position,
			Name:         p.Signature.Name,
		},
	}
	if d.Date.IsZero() {
		d.DraftYear = p.Year()
	}
	d.Body = append(d.Body, p.basesBlocks()...)
	d.Body = append(d.Body, p.bodyBlocks(p.Body)...)
	if p.Closing != "" {
		d.Body = append(d.Body, document.Block{Kind: document.Paragraph, Text: p.Expand(p.Closing)})
	}
	for _, r := range p.Recipients {
		d.Recipients = append(d.Recipients, document.Recipient{Name: p.Expand(r.Name), Note: r.Note})
	}
	if err := d.Validate(); err != nil {
		return nil, p.src.Errorf("", "văn bản không hợp lệ: "+oneLine(err.Error()), "invalid document: "+oneLine(err.Error()))
	}
	return d, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Citation returns the printed citation of a basis: "<type> số <number> ngày <dd/mm/yyyy> của <issuer> <subject>".
func (b Basis) Citation() string {
	if b.Text != "" {
		return b.Text
	}
	parts := []string{b.Type}
	if b.Number != "" {
		parts = append(parts, "số "+b.Number)
	}
	if !b.Date.IsZero() {
		parts = append(parts, "ngày "+document.ShortDate(b.Date))
	}
	if b.Issuer != "" {
		parts = append(parts, "của "+b.Issuer)
	}
	if b.Subject != "" {
		parts = append(parts, b.Subject)
	}
	return strings.Join(parts, " ")
}

// BasesForm returns the layout of the bases: "paragraph" (Party default) or "lines" (State default).
func (p *Plan) BasesForm() string {
	if p.Bases.Form != "" {
		return p.Bases.Form
	}
	if p.Issuer.System == document.State {
		return "lines"
	}
	return "paragraph"
}

// BasesLead returns the word before each basis: "Thực hiện" (Party default) or "Căn cứ" (State default).
func (p *Plan) BasesLead() string {
	if p.Bases.Lead != "" {
		return p.Bases.Lead
	}
	lead, _ := p.word("bases_lead", nil)
	return lead
}

// Intro returns the intro paragraph generated from the bases (form "paragraph"):
// "Thực hiện A; B, <then>"; "" when there are neither bases nor a then-sentence.
func (p *Plan) Intro() string {
	var cites []string
	for _, b := range p.Bases.Items {
		cites = append(cites, p.Expand(b.Citation()))
	}
	then := p.Expand(p.Bases.Then)
	switch {
	case len(cites) == 0:
		return then
	case then == "":
		return p.BasesLead() + " " + strings.Join(cites, "; ") + "."
	}
	return p.BasesLead() + " " + strings.Join(cites, "; ") + ", " + then
}

func (p *Plan) basesBlocks() []document.Block {
	if p.BasesForm() == "paragraph" {
		if s := p.Intro(); s != "" {
			return []document.Block{{Kind: document.Paragraph, Text: s}}
		}
		return nil
	}
	var out []document.Block
	then := p.Expand(p.Bases.Then)
	for i, b := range p.Bases.Items {
		end := ";"
		if i == len(p.Bases.Items)-1 && then == "" {
			end = "."
		}
		out = append(out, document.Block{Kind: document.Basis, Text: p.BasesLead() + " " + p.Expand(b.Citation()) + end})
	}
	if then != "" {
		out = append(out, document.Block{Kind: document.Paragraph, Text: then})
	}
	return out
}

func (p *Plan) bodyBlocks(bs []Block) []document.Block {
	var out []document.Block
	for _, b := range bs {
		switch {
		case b.Sessions:
			out = append(out, p.sessionBlocks()...)
			continue
		case b.Part != "":
			out = append(out, document.Block{Kind: document.Part, Title: p.Expand(b.Part), Text: p.Expand(b.Text), Label: b.Label})
		case b.Item != "":
			out = append(out, document.Block{Kind: document.Item, Title: p.Expand(b.Item), Text: p.Expand(b.Text), Label: b.Label})
		case b.SubItem != "":
			out = append(out, document.Block{Kind: document.SubItem, Title: p.Expand(b.SubItem), Text: p.Expand(b.Text), Label: b.Label})
		case b.Paragraph != "":
			out = append(out, document.Block{Kind: document.Paragraph, Text: p.Expand(b.Paragraph), Label: b.Label})
		case b.Bullet != "":
			out = append(out, document.Block{Kind: document.Bullet, Text: p.Expand(b.Bullet), Label: b.Label})
		}
		out = append(out, p.bodyBlocks(b.Content)...)
	}
	return out
}

// HeadingText returns the session's item heading by the default wording: Heading, or "Quý I/2023", or, for a
// session that is not a quarter's, "Tháng 3/2026". (*Plan).SessionHeading gives it with the plan's wording.
func (s *Session) HeadingText() string {
	return (&Plan{}).SessionHeading(s)
}

// SessionHeading returns the session's item heading: its Heading, or the plan's wording of session_heading
// ("Quý I/2023") or, for a session that is not a quarter's, session_heading_month ("Tháng 3/2026").
func (p *Plan) SessionHeading(s *Session) string {
	if s.Heading != "" {
		return s.Heading
	}
	key := "session_heading"
	if s.Quarter == 0 {
		key = "session_heading_month"
	}
	h, _ := p.word(key, p.sessionWords(s))
	return h
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// sessionBlocks prints the sessions as items with their bullets, then the ad-hoc clause as an item, as the
// sections data plan/wording/sessions.sections.yaml orders and words them; Go gives the facts of each session.
func (p *Plan) sessionBlocks() []document.Block {
	list := make([]sections.Scope, len(p.Sessions))
	for i := range p.Sessions {
		s := &p.Sessions[i]
		ctx := p.sessionWords(s)
		ctx["heading"] = p.Expand(p.SessionHeading(s))
		l := s.Labels
		for _, b := range []struct{ key, label, end string }{
			{"content", l.Content, ""}, {"participants", l.Participants, ""}, {"time", l.Time, "."}, {"venue", l.Venue, ""},
		} {
			if b.label != "" { // the session's own label words its bullet
				ctx["wording."+b.key] = b.label + ": " + ctx[b.key] + b.end
			}
		}
		list[i] = sections.Scope{Fields: ctx}
	}
	facts := map[string]string{"ad_hoc": p.Expand(p.AdHoc), "deadline": fmt.Sprintf("%02d", p.DeadlineDays), "year": fmt.Sprint(p.Year())}
	expand := func(s string, look sections.Lookup) string { return p.Expand(sections.Expand(s, look)) }
	w := &sections.Writer{
		Text: p.wordText,
		Look: func(name string) (string, []string, bool) {
			v, ok := facts[name]
			return v, nil, ok
		},
		Root:          sections.Scope{Lists: map[string][]sections.Scope{"sessions": list}},
		Expand:        expand,
		ExpandWording: expand,
	}
	return w.Layout(sectionSet.Get("sessions"))
}
