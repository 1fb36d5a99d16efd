package document

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/templates"
)

// TemplateData is exactly what the layouts in templates/layouts use; the docx tag is the placeholder name.
// An office's own template (WithTemplate) may use any of these names.
type TemplateData struct {
	Superior   []string `docx:"superior"`   // superior body lines (upright capitals)
	Issuer     []string `docx:"issuer"`     // issuing body lines (bold capitals)
	NumberLine string   `docx:"numberLine"` // "Số 45-KH/TU", "Số: 12/KH-UBND"
	Urgency    string   `docx:"urgency"`    // "KHẨN" … or ""
	DateLine   string   `docx:"dateLine"`   // "Đức Phổ, ngày 05 tháng 3 năm 2023"
	Title      string   `docx:"title"`      // "KẾ HOẠCH", broken into balanced lines ("\n")
	Summary    string   `docx:"summary"`    // trích yếu, broken into balanced lines ("\n")

	// SummaryRule, IssuerRule and UrgencyStamp select the one paragraph of a set the State layout prints, each
	// a rule line (or stamp) of one width: keys "w10", "w15" … "w80" (millimetres), exactly one true (none for
	// UrgencyStamp without urgency or stamp). SummaryRule is 1/3–1/2 of the longest trích yếu line, IssuerRule
	// 1/3–1/2 of the longest issuer line, UrgencyStamp the stamp width of the rule set (urgency_stamps).
	SummaryRule  map[string]bool `docx:"summaryRule"`
	IssuerRule   map[string]bool `docx:"issuerRule"`
	UrgencyStamp map[string]bool `docx:"urgencyStamp"`

	// Addressee is the single "Kính gửi:" addressee (printed "Kính gửi: …" on one line), empty otherwise.
	Addressee string `docx:"addressee"`
	// HasAddresseeList is true with two or more addressees, printed under "Kính gửi:" as AddresseeLines
	// ("- Ủy ban nhân dân phường A;" … ".").
	HasAddresseeList bool     `docx:"hasAddresseeList"`
	AddresseeLines   []string `docx:"addresseeLines"`

	Body []BlockData `docx:"body"`

	Recipients []string `docx:"recipients"` // Nơi nhận lines, archive line last

	SignatureAuthority []string `docx:"signatureAuthority"` // "T/M BAN THƯỜNG VỤ"; "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
	SignaturePosition  string   `docx:"signaturePosition"`  // "BÍ THƯ"
	SignatureName      string   `docx:"signatureName"`      // "Nguyễn Kiên"

	RuleSet string `docx:"ruleSet"` // id of the rule set used, e.g. "party-hd36"
}

// BlockData is one body paragraph for the layouts: exactly one kind flag is true (Closing for the last one); Text holds the label,
// the heading title (bold) and the run-in text, or the paragraph text ("- " first for a Bullet).
type BlockData struct {
	Basis   bool `docx:"basis"`
	Part    bool `docx:"part"`
	Item    bool `docx:"item"`
	SubItem bool `docx:"subItem"`
	// Clause is a numbered Part, Item or SubItem without a title, such as the plan's "5. Ngoài ra, …", or an
	// Item or SubItem whose text runs on after its title ("4. Ban Tuyên giáo Thị ủy: Phối hợp …"): the label
	// (and title) in bold and the text, in the body style without keep-with-next (a heading style would hold
	// it to the next paragraph and leave a gap at the bottom of a page).
	Clause bool `docx:"clause"`
	// Closing is the last body paragraph (a paragraph, bullet or clause), in style VBClosing: the body style
	// kept with the next paragraph and on one page, so that the Nơi nhận and signature table (whose row does
	// not split across pages) never stands alone on the last page.
	Closing   bool               `docx:"closing"`
	Paragraph bool               `docx:"paragraph"`
	Bullet    bool               `docx:"bullet"`
	Label     string             `docx:"label"`
	Text      templates.RichText `docx:"text"`
}

// TemplateData returns what the layouts need, by the document's rule set (see Rules). It fails on invalid
// inline markup; it does not run Validate.
func (d *Document) TemplateData() (*TemplateData, error) { return d.templateData(d.Rules()) }

func (d *Document) templateData(rs *RuleSet) (*TemplateData, error) {
	if rs == nil {
		return nil, fmt.Errorf("document: no rule set for system %q", d.System)
	}
	td := &TemplateData{
		Superior:   nfcAll(d.Superior),
		Issuer:     nfcAll(d.Issuer),
		NumberLine: d.numberLine(rs),
		Urgency:    strings.ToUpper(nfc(strings.TrimSpace(d.Urgency))),
		DateLine:   d.DateLine(),
		Recipients: d.recipientLines(rs),
		RuleSet:    rs.ID,
	}
	lb := rs.breaks
	if lb == nil {
		lb = defaultRules.breaks
	}
	td.Title = strings.Join(lb.lines(d.TitleLine(), boldWidths, typeHalfPoints, maxTitleLine), "\n")
	summary := nfc(strings.TrimSpace(d.Summary))
	if rs.Text.SummaryFirst == "upper" {
		summary = upperFirst(summary)
	}
	sumLines := lb.lines(summary, boldWidths, titleHalfPoints, maxTitleLine)
	td.Summary = strings.Join(sumLines, "\n")
	td.SummaryRule = ruleWidths(longest(sumLines, boldWidths, titleHalfPoints))
	td.IssuerRule = ruleWidths(longest(td.Issuer, boldWidths, issuerHalfPoints))
	td.UrgencyStamp = stampWidths(rs.UrgencyStamps[td.Urgency])
	switch adds := nfcAll(d.Addressees); len(adds) {
	case 0:
	case 1:
		td.Addressee = adds[0]
	default:
		td.HasAddresseeList = true
		for i, a := range adds {
			end := rs.Recipients.LineEnd
			if i == len(adds)-1 {
				end = "."
			}
			td.AddresseeLines = append(td.AddresseeLines, "- "+strings.TrimRight(a, ",;.")+end)
		}
	}
	td.SignatureAuthority, td.SignaturePosition, td.SignatureName = d.SignatureLines()

	labels := d.labels(rs)
	lastBasis := -1
	for i, b := range d.Body {
		if b.Kind == Basis {
			lastBasis = i
		}
	}
	for i, b := range d.Body {
		bd := BlockData{Label: labels[i]}
		title, err := ParseInline(strings.TrimSpace(b.Title))
		if err != nil {
			return nil, fmt.Errorf("document: body[%d] title: %w", i, err)
		}
		text, err := ParseInline(strings.TrimSpace(b.Text))
		if err != nil {
			return nil, fmt.Errorf("document: body[%d] text: %w", i, err)
		}
		if b.Kind == Part && rs.Text.PartCase == "upper" {
			title = upperSpans(title)
		}
		if b.Kind == Part && len(text) == 0 {
			title = lb.bindLastLine(bd.Label, title)
		}
		if i == lastBasis && rs.Text.BasisLastEnd != "" {
			text = endWith(text, rs.Text.BasisLastEnd)
		}
		switch b.Kind {
		case Part, Item, SubItem:
			// A heading with no title, or an item (not a part) whose text runs on after its title ("4. Ban
			// Tuyên giáo Thị ủy: Phối hợp …"), is a body paragraph, not a heading held to the next one.
			if len(title) == 0 || (b.Kind != Part && len(text) > 0) {
				bd.Clause = true
			} else {
				bd.Part, bd.Item, bd.SubItem = b.Kind == Part, b.Kind == Item, b.Kind == SubItem
			}
			bd.Text = heading(bd.Label, title, text)
		case Bullet:
			bd.Bullet = true
			bd.Text = join(plain(prefixed(bd.Label, "- ")), text)
		case Basis:
			bd.Basis = true
			bd.Text = join(plain(prefixed(bd.Label, "")), text)
		case Paragraph, "":
			bd.Paragraph = true
			bd.Text = join(plain(prefixed(bd.Label, "")), text)
		default:
			return nil, fmt.Errorf("document: body[%d]: unknown block kind %q", i, b.Kind)
		}
		td.Body = append(td.Body, bd)
	}
	if n := len(td.Body); n > 0 {
		if last := &td.Body[n-1]; last.Paragraph || last.Bullet || last.Clause {
			last.Paragraph, last.Bullet, last.Clause, last.Closing = false, false, false, true
		}
	}
	return td, nil
}

// heading builds "label title: text" with label and title (and the colon) bold; with no title the text follows
// the bold label directly.
func heading(label string, title, text templates.RichText) templates.RichText {
	var out templates.RichText
	if len(title) == 0 {
		if label != "" {
			out = append(out, templates.Span{Text: label + " ", Bold: true})
		}
		return join(out, text)
	}
	head := label
	if head != "" {
		head += " "
	}
	out = append(out, templates.Span{Text: head, Bold: true})
	for _, sp := range title {
		sp.Bold = true
		out = append(out, sp)
	}
	if len(text) > 0 {
		out = append(out, templates.Span{Text: ":", Bold: true}, templates.Span{Text: " "})
		out = append(out, text...)
	}
	return merge(out)
}

// The issuer lines are 13 pt bold in the State layout (the only one that draws a line under them).
const issuerHalfPoints = 26

// longest returns the width in twips of the longest of lines.
func longest(lines []string, t widthTable, halfPoints int) int {
	m := 0
	for _, l := range lines {
		m = max(m, t.twips(l, halfPoints))
	}
	return m
}

// upperFirst puts the first letter of s in capitals ("về công tác…" → "Về công tác…").
func upperFirst(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
	}
	return s
}

// upperSpans puts every span's text in capitals.
func upperSpans(rt templates.RichText) templates.RichText {
	out := make(templates.RichText, len(rt))
	for i, sp := range rt {
		sp.Text = nfc(strings.ToUpper(sp.Text))
		out[i] = sp
	}
	return out
}

// endWith makes the text end with end: a final ";", "," or "." is replaced.
func endWith(rt templates.RichText, end string) templates.RichText {
	out := append(templates.RichText(nil), rt...)
	for i := len(out) - 1; i >= 0; i-- {
		t := strings.TrimRight(out[i].Text, " ")
		if t == "" {
			continue
		}
		out[i].Text = strings.TrimRight(t, ";,.") + end
		return out
	}
	return out
}

func prefixed(label, def string) string {
	if label == "" {
		return def
	}
	return label + " "
}

func join(a, b templates.RichText) templates.RichText {
	return merge(append(append(templates.RichText(nil), a...), b...))
}

// merge joins adjacent spans of equal emphasis and drops empty ones.
func merge(rt templates.RichText) templates.RichText {
	var out templates.RichText
	for _, sp := range rt {
		if sp.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Bold == sp.Bold && out[n-1].Italic == sp.Italic && out[n-1].Underline == sp.Underline {
			out[n-1].Text += sp.Text
			continue
		}
		out = append(out, sp)
	}
	return out
}

func nfcAll(in []string) []string {
	var out []string
	for _, s := range in {
		if s = nfc(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}
