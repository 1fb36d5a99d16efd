package document

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/calendar"
)

// Rules returns the rule set of the document: the embedded one of its System in force on its Date (for a
// draft without a date, in force on 31 December of DraftYear, or the latest one without DraftYear).
func (d *Document) Rules() *RuleSet { return d.rulesFrom(defaultRules) }

func (d *Document) rulesFrom(r *Rules) *RuleSet {
	return r.For(d.System, d.ruleDate())
}

func (d *Document) ruleDate() calendar.Date {
	if d.Date.IsZero() && d.DraftYear > 0 {
		return calendar.NewDate(d.DraftYear, time.December, 31)
	}
	return d.Date
}

// FullSymbol returns the ký hiệu: the Symbol field when set, else built from the type code and IssuerCode by the
// rule set ("KH/TU" for Party, "KH-UBND" for State, "UBND" for a State Công văn without a type code).
func (d *Document) FullSymbol() string { return d.symbol(d.Rules()) }

func (d *Document) symbol(rs *RuleSet) string {
	if d.Symbol != "" {
		return nfc(strings.TrimSpace(d.Symbol))
	}
	code, _ := rs.TypeCode(d.Type)
	issuer := nfc(strings.TrimSpace(d.IssuerCode))
	switch {
	case code == "":
		return issuer
	case issuer == "":
		return code
	case rs.Number.TypeFirst:
		return code + rs.Number.TypeSeparator + issuer
	default:
		return issuer + rs.Number.TypeSeparator + code
	}
}

// NumberLine returns the số, ký hiệu line: "Số 45-KH/TU" (Party), "Số: 12/KH-UBND" (State), with blanks for
// the number on a draft ("Số      /KH-UBND").
func (d *Document) NumberLine() string { return d.numberLine(d.Rules()) }

func (d *Document) numberLine(rs *RuleSet) string {
	return rs.Number.Prefix + d.numberSymbol(rs)
}

// NumberSymbol returns the số and ký hiệu without the "Số"/"Số:" prefix, as another document cites it:
// "45-KH/TU" (Party), "12/KH-UBND" (State); blanks for the number on a draft.
func (d *Document) NumberSymbol() string { return d.numberSymbol(d.Rules()) }

func (d *Document) numberSymbol(rs *RuleSet) string {
	n := rs.Number
	num := n.Blank
	if d.Number > 0 {
		num = strconv.Itoa(d.Number)
		if n.LeadingZero && d.Number < 10 {
			num = "0" + num
		}
	}
	return num + n.Separator + d.symbol(rs)
}

// DateLine returns the place and date line, e.g. "Đức Phổ, ngày 05 tháng 3 năm 2023": days below 10 and the
// months 1 and 2 take a leading zero, months 3–12 do not, the year has four digits. A zero Date (a draft)
// leaves day and month blank: "Đức Phổ, ngày     tháng     năm 2023" (DraftYear; the year is blank too when
// DraftYear is 0).
func (d *Document) DateLine() string {
	place := nfc(strings.TrimSpace(d.Place))
	date := calendar.FormatDateLine(d.Date)
	if d.Date.IsZero() {
		year := "     "
		if d.DraftYear > 0 {
			year = strconv.Itoa(d.DraftYear)
		}
		date = "ngày" + draftBlank + "tháng" + draftBlank + "năm " + year
	}
	if place == "" {
		return date
	}
	return place + ", " + date
}

const draftBlank = "     "

// ShortDate writes a date as official texts cite it inside a sentence: "18/02/2019", "15/3/2023". It follows
// the leading-zero rule of the date line: the day has two digits, the month two digits only for January and
// February, the year four digits (the seed: "Quy định số 11-QĐi/TW ngày 18/02/2019", "Tháng 3/2023").
// calendar.FormatShort, which pads every month ("15/03/2023"), is the numeric form of tables, not of texts.
func ShortDate(d calendar.Date) string {
	y, m, day := d.Date()
	if m < 3 {
		return fmt.Sprintf("%02d/%02d/%d", day, m, y)
	}
	return fmt.Sprintf("%02d/%d/%d", day, m, y)
}

// TitleLine returns the printed type name: Title, or Type in capitals ("KẾ HOẠCH").
func (d *Document) TitleLine() string {
	if d.Title != "" {
		return nfc(strings.TrimSpace(d.Title))
	}
	return strings.ToUpper(nfc(strings.TrimSpace(d.Type)))
}

// Labels returns the heading label of each body block ("" for blocks that are not Part, Item or SubItem):
// Parts are numbered I, II, III…; Items restart at 1 in each Part; SubItems a, b, c… restart in each Item.
// A block's Label overrides its printed label; it still counts.
func (d *Document) Labels() []string { return d.labels(d.Rules()) }

func (d *Document) labels(rs *RuleSet) []string {
	out := make([]string, len(d.Body))
	var part, item, sub int
	for i, b := range d.Body {
		var format string
		var n int
		switch b.Kind {
		case Part:
			part++
			item, sub = 0, 0
			format, n = rs.Labels.Part, part
		case Item:
			item++
			sub = 0
			format, n = rs.Labels.Item, item
		case SubItem:
			sub++
			format, n = rs.Labels.SubItem, sub
		default:
			out[i] = nfc(b.Label)
			continue
		}
		if b.Label != "" {
			out[i] = nfc(b.Label)
		} else {
			out[i] = FormatLabel(format, n)
		}
	}
	return out
}

// FormatLabel fills a label format ({ROMAN}, {roman}, {n}, {a}) with the number n ≥ 1.
func FormatLabel(format string, n int) string {
	return strings.NewReplacer(
		"{ROMAN}", Roman(n),
		"{roman}", strings.ToLower(Roman(n)),
		"{n}", strconv.Itoa(n),
		"{a}", Letter(n),
	).Replace(format)
}

// Roman returns n (1…3999) as an upper-case Roman numeral; other numbers in Arabic digits.
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// letters is the Vietnamese alphabet without the letters with diacritics, as used for điểm: a, b, c, d, đ, e…
var letters = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}

// Letter returns the n-th (1-based) letter of điểm numbering: a, b, c, d, đ, e, g, h, i, k, … (Vietnamese
// alphabet order, NĐ 30 style); beyond y it doubles ("aa").
func Letter(n int) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	n--
	s := letters[n%len(letters)]
	for range n / len(letters) {
		s += letters[n%len(letters)]
	}
	return s
}

// RecipientLines returns the Nơi nhận lines including the archive line:
// Party "- Ban Dân vận Tỉnh ủy (báo cáo)," … "- Lưu Văn phòng thị xã.";
// State "- Như trên;" … "- Lưu: VT, BDV.".
func (d *Document) RecipientLines() []string { return d.recipientLines(d.Rules()) }

func (d *Document) recipientLines(rs *RuleSet) []string {
	r := rs.Recipients
	out := make([]string, 0, len(d.Recipients)+1)
	for _, rc := range d.Recipients {
		line := strings.TrimSpace(rc.Name)
		if note := strings.TrimSpace(rc.Note); note != "" {
			line += " (" + note + ")"
		}
		out = append(out, nfc(r.LinePrefix+line+r.LineEnd))
	}
	archive := strings.TrimSpace(d.Archive)
	if archive == "" {
		archive = r.ArchiveDefault
	}
	archive = strings.TrimRight(archive, ".")
	if d.ArchiveCopies > 0 {
		archive += strings.NewReplacer("{nn}", fmt.Sprintf("%02d", d.ArchiveCopies), "{n}", strconv.Itoa(d.ArchiveCopies)).Replace(r.CopiesFormat)
	}
	return append(out, nfc(r.LinePrefix+archive+r.LastEnd))
}

// SignatureLines returns the bold authority lines of the signature block ("T/M BAN THƯỜNG VỤ"; "TM. ỦY BAN
// NHÂN DÂN", "KT. CHỦ TỊCH"), then the position line ("BÍ THƯ", "PHÓ CHỦ TỊCH") and the signer's name.
func (d *Document) SignatureLines() (authority []string, position, name string) {
	s := d.Signature
	add := func(mark, who string) {
		line := strings.TrimSpace(strings.TrimSpace(mark) + " " + strings.TrimSpace(who))
		if line != "" {
			authority = append(authority, nfc(strings.ToUpper(line)))
		}
	}
	add(s.Mark, s.Authority)
	add(s.SubMark, s.SubAuthority)
	return authority, nfc(strings.ToUpper(strings.TrimSpace(s.Position))), nfc(strings.TrimSpace(s.Name))
}
