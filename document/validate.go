package document

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Urgency marks (độ khẩn).
var urgencies = []string{"", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"}

// Validate checks what a layout needs, by the document's rule set (see Rules): the system is known; issuer,
// type, place and signer are present; the type is in the type table unless Symbol is given; the issuer code is
// present unless Symbol is given; the authority marks are those of the system; the urgency is known; body
// kinds are known and inline markup is balanced; a draft has DraftYear. All problems are returned together
// (errors.Join), each a plain sentence naming the field; plan and notice add file positions.
func (d *Document) Validate() error { return d.validate(d.Rules()) }

func (d *Document) validate(rs *RuleSet) error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if d.System != Party && d.System != State {
		add("system: %q is neither %q nor %q", d.System, Party, State)
		return errors.Join(errs...)
	}
	if rs == nil {
		add("system %q: no rule set", d.System)
		return errors.Join(errs...)
	}
	if len(nfcAll(d.Issuer)) == 0 {
		add("issuer: the issuing body is missing")
	}
	if strings.TrimSpace(d.Type) == "" {
		add("type: the document type is missing")
	} else if _, ok := rs.TypeCode(d.Type); !ok && d.Symbol == "" {
		add("type: %q is not a document type of %s (%s); known: %s", d.Type, d.System, rs.ID, strings.Join(rs.TypeNames(), ", "))
	}
	if d.Symbol == "" && strings.TrimSpace(d.IssuerCode) == "" {
		add("issuer code: the issuing body's abbreviation (e.g. %q) is missing", map[System]string{Party: "TU", State: "UBND"}[d.System])
	}
	if d.ArchiveCopies < 0 || d.ArchiveCopies > 99 {
		add("archive copies: %d is not a number of copies from 1 to 99 (0 for none)", d.ArchiveCopies)
	}
	if d.Number < 0 {
		add("number: %d is negative", d.Number)
	}
	if strings.TrimSpace(d.Place) == "" {
		add("place: the place name of the date line is missing")
	}
	if d.Date.IsZero() && d.DraftYear != 0 && (d.DraftYear < 1900 || d.DraftYear > 9999) {
		add("draft year: %d is not a year", d.DraftYear)
	}
	if !slices.Contains(urgencies, strings.ToUpper(nfc(strings.TrimSpace(d.Urgency)))) {
		add("urgency: %q is not one of KHẨN, THƯỢNG KHẨN, HỎA TỐC", d.Urgency)
	}
	s := d.Signature
	for _, m := range []struct{ field, mark string }{{"signature mark", s.Mark}, {"signature sub-mark", s.SubMark}} {
		if !rs.MarkAllowed(strings.TrimSpace(m.mark)) {
			if want := rs.SuggestMark(m.mark); want != "" {
				add("%s: %q is not an authority mark of %s documents: they write it %q (allowed: %s)", m.field, m.mark, d.System, want, strings.Join(rs.Marks, ", "))
			} else {
				add("%s: %q is not an authority mark of %s documents (allowed: %s)", m.field, m.mark, d.System, strings.Join(rs.Marks, ", "))
			}
		}
	}
	if strings.TrimSpace(s.Mark) != "" && strings.TrimSpace(s.Authority) == "" {
		add("signature authority: mark %q needs the collective or head it signs for", s.Mark)
	}
	if strings.TrimSpace(s.SubMark) != "" && strings.TrimSpace(s.SubAuthority) == "" {
		add("signature sub-authority: mark %q needs the head it signs for", s.SubMark)
	}
	if strings.TrimSpace(s.Position) == "" {
		add("signature position: the signer's position is missing")
	}
	if strings.TrimSpace(s.Name) == "" {
		add("signature name: the signer's name is missing")
	}
	for i, r := range d.Recipients {
		if strings.TrimSpace(r.Name) == "" {
			add("recipients[%d]: the name is empty", i)
		}
	}
	for i, b := range d.Body {
		switch b.Kind {
		case Part, Item, SubItem:
			if strings.TrimSpace(b.Title) == "" && strings.TrimSpace(b.Text) == "" {
				add("body[%d]: a %s needs a title or text", i, b.Kind)
			}
		case Paragraph, Bullet, Basis, "":
			if strings.TrimSpace(b.Text) == "" {
				add("body[%d]: a %s needs text", i, kindName(b.Kind))
			}
			if strings.TrimSpace(b.Title) != "" {
				add("body[%d]: a %s has no title", i, kindName(b.Kind))
			}
		default:
			add("body[%d]: unknown kind %q (part, item, subitem, paragraph, bullet, basis)", i, b.Kind)
			continue
		}
		if _, err := ParseInline(b.Title); err != nil {
			add("body[%d] title: %v", i, err)
		}
		if _, err := ParseInline(b.Text); err != nil {
			add("body[%d] text: %v", i, err)
		}
	}
	return errors.Join(errs...)
}

func kindName(k BlockKind) string {
	if k == "" {
		return string(Paragraph)
	}
	return string(k)
}
