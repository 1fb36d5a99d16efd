package document

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/calendar"
	textnfc "github.com/vanban/vanban/internal/nfc"
)

//go:embed rules.yaml
var defaultRulesYAML []byte

// RuleSet is one set of layout rules of a System, in force from ValidFrom until the next rule set of the same
// system. Its values come from rules.yaml (see the package documentation); a RuleSet is read-only once built.
type RuleSet struct {
	ID        string        // "party-hd36", "party-2026", "state-nd30"
	System    System        // Party or State
	Name      string        // the source, in Vietnamese
	ValidFrom calendar.Date // first day in force
	Layout    string        // name of the embedded layout (templates.Layout)

	Number     NumberRules
	Recipients RecipientRules
	Labels     LabelRules
	Marks      []string // authority marks allowed in the signature block: "T/M", "K/T", "T/L" or "TM.", "KT.", …
	Text       TextRules

	// UrgencyStamps gives the width in millimetres of the stamp of each urgency mark ("KHẨN": 20); empty when
	// the system prints the mark without a stamp (Party). Widths are multiples of 5 from 10 to 80 (the layout
	// has a stamp of each).
	UrgencyStamps map[string]int

	types  map[string]typeEntry // key: NFC lower-case type name
	breaks *lineBreaker         // the line_breaks data of the rules file
}

// NumberRules say how the number and symbol line (số, ký hiệu) is written.
type NumberRules struct {
	Prefix        string // "Số " (Party) or "Số: " (State)
	Separator     string // between number and symbol: "-" (Party "45-KH/TU") or "/" (State "12/KH-UBND")
	TypeFirst     bool   // the type code comes before the issuer code in the symbol
	TypeSeparator string // between type code and issuer code: "/" (Party) or "-" (State)
	LeadingZero   bool   // numbers 1…9 are written 01…09
	Blank         string // printed instead of the number on a draft (Number 0)
}

// RecipientRules say how the Nơi nhận lines are written.
type RecipientRules struct {
	LinePrefix     string // "- "
	LineEnd        string // "," (Party) or ";" (State)
	LastEnd        string // "." after the archive line
	ArchiveDefault string // archive line when the document gives none: "Lưu Văn phòng" or "Lưu: VT"
	// CopiesFormat is appended to the archive line when the document gives a number of copies kept
	// (Document.ArchiveCopies): {n} is the number, {nn} the number with two digits ("Lưu: VT, VP (02b).").
	CopiesFormat string
}

// TextRules say how some texts of the frame are cased and ended.
type TextRules struct {
	// SummaryFirst is "upper" when the trích yếu starts with a capital (State: "Về công tác…"), "" to print it
	// as written (Party: "về việc…").
	SummaryFirst string
	// PartCase is "upper" when the titles of "I."-level headings are printed in capitals whatever was typed
	// (State plans and reports: "I. MỤC ĐÍCH, YÊU CẦU"), "" to print them as written.
	PartCase string
	// BasisLastEnd replaces the final ";" or "," of the last legal basis line (State: "."); "" leaves it.
	BasisLastEnd string
}

// LabelRules are the formats of the automatic heading labels. In a format, {ROMAN} is an upper-case Roman
// numeral, {roman} a lower-case one, {n} an Arabic number and {a} a lower-case Vietnamese-alphabet letter.
type LabelRules struct {
	Part    string // "{ROMAN}-" (Party HD 36) or "{ROMAN}." (State)
	Item    string // "{n}."
	SubItem string // "{a})"
}

type typeEntry struct {
	name, code string
}

// Rules is a complete table of rule sets of both systems. It is immutable and safe for concurrent use.
type Rules struct {
	sets      []*RuleSet // sorted by system, then ValidFrom
	abolished []AbolishedLevel
	breaks    *lineBreaker
}

// AbolishedLevel is an administrative level that no longer exists from a date (the district level on
// 01/7/2025): a document dated from then whose issuer is of that level is suspect.
type AbolishedLevel struct {
	Name     string        // "cấp huyện (…)"
	From     calendar.Date // the first day without it
	Source   string        // the law that abolished it
	Prefixes []string      // an issuer line starting with one of these (in capitals) is of that level
	// SuperiorPrefixes: a superior-body line (cơ quan cấp trên) starting with one of these or with one of
	// Prefixes names that level ("ĐẢNG BỘ HUYỆN …", "UBND HUYỆN …").
	SuperiorPrefixes []string
}

type rulesFile struct {
	RuleSets []struct {
		ID        string `yaml:"id"`
		System    string `yaml:"system"`
		Name      string `yaml:"name"`
		ValidFrom string `yaml:"valid_from"`
		Layout    string `yaml:"layout"`
		Types     string `yaml:"types"`
		Number    struct {
			Prefix        string `yaml:"prefix"`
			Separator     string `yaml:"separator"`
			TypeFirst     bool   `yaml:"type_first"`
			TypeSeparator string `yaml:"type_separator"`
			LeadingZero   bool   `yaml:"leading_zero"`
			Blank         string `yaml:"blank"`
		} `yaml:"number"`
		Recipients struct {
			LinePrefix     string `yaml:"line_prefix"`
			LineEnd        string `yaml:"line_end"`
			LastEnd        string `yaml:"last_end"`
			ArchiveDefault string `yaml:"archive_default"`
			CopiesFormat   string `yaml:"copies_format"`
		} `yaml:"recipients"`
		Labels struct {
			Part    string `yaml:"part"`
			Item    string `yaml:"item"`
			SubItem string `yaml:"subitem"`
		} `yaml:"labels"`
		Marks []string `yaml:"marks"`
		Text  struct {
			SummaryFirst string `yaml:"summary_first"`
			PartCase     string `yaml:"part_case"`
			BasisLastEnd string `yaml:"basis_last_end"`
		} `yaml:"text"`
		UrgencyStamps map[string]int `yaml:"urgency_stamps"`
	} `yaml:"rule_sets"`
	LineBreaks struct {
		PhraseStarts []string `yaml:"phrase_starts"`
		BindsNext    []string `yaml:"binds_next"`
	} `yaml:"line_breaks"`
	Types     map[string]map[string]string `yaml:"types"`
	Abolished []struct {
		Name     string   `yaml:"name"`
		From     string   `yaml:"from"`
		Source   string   `yaml:"source"`
		Prefixes []string `yaml:"prefixes"`
		Superior []string `yaml:"superior_prefixes"`
	} `yaml:"abolished_levels"`
}

// ParseRules reads a rules file in the format of the embedded rules.yaml (unknown keys are errors).
func ParseRules(data []byte) (*Rules, error) {
	var f rulesFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("document: rules: %w", err)
	}
	var errs []error
	r := &Rules{}
	seen := map[string]bool{}
	for i, s := range f.RuleSets {
		where := fmt.Sprintf("document: rules: rule_sets[%d] (%s)", i, s.ID)
		if s.ID == "" || seen[s.ID] {
			errs = append(errs, fmt.Errorf("%s: missing or duplicate id", where))
		}
		seen[s.ID] = true
		sys := System(s.System)
		if sys != Party && sys != State {
			errs = append(errs, fmt.Errorf("%s: system %q is neither %q nor %q", where, s.System, Party, State))
		}
		from, err := calendar.ParseDate(s.ValidFrom)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: valid_from: %w", where, err))
		}
		table, ok := f.Types[s.Types]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: unknown type table %q", where, s.Types))
		}
		if s.Layout == "" {
			errs = append(errs, fmt.Errorf("%s: missing layout", where))
		}
		rs := &RuleSet{
			ID: s.ID, System: sys, Name: nfc(s.Name), ValidFrom: from, Layout: s.Layout,
			Number: NumberRules{
				Prefix: nfc(s.Number.Prefix), Separator: s.Number.Separator, TypeFirst: s.Number.TypeFirst,
				TypeSeparator: s.Number.TypeSeparator, LeadingZero: s.Number.LeadingZero, Blank: s.Number.Blank,
			},
			Recipients: RecipientRules{
				LinePrefix: s.Recipients.LinePrefix, LineEnd: s.Recipients.LineEnd, LastEnd: s.Recipients.LastEnd,
				ArchiveDefault: nfc(s.Recipients.ArchiveDefault), CopiesFormat: nfc(s.Recipients.CopiesFormat),
			},
			Text:   TextRules{SummaryFirst: s.Text.SummaryFirst, PartCase: s.Text.PartCase, BasisLastEnd: s.Text.BasisLastEnd},
			Labels: LabelRules{Part: s.Labels.Part, Item: s.Labels.Item, SubItem: s.Labels.SubItem},
			Marks:  slices.Clone(s.Marks),
			types:  map[string]typeEntry{},
		}
		for _, v := range []struct{ key, val string }{{"text.summary_first", s.Text.SummaryFirst}, {"text.part_case", s.Text.PartCase}} {
			if v.val != "" && v.val != "upper" {
				errs = append(errs, fmt.Errorf("%s: %s: %q is neither \"upper\" nor empty", where, v.key, v.val))
			}
		}
		if len(s.UrgencyStamps) > 0 {
			rs.UrgencyStamps = map[string]int{}
		}
		for mark, mm := range s.UrgencyStamps {
			if !slices.Contains(urgencies, nfc(mark)) || mark == "" {
				errs = append(errs, fmt.Errorf("%s: urgency_stamps: %q is not one of KHẨN, THƯỢNG KHẨN, HỎA TỐC", where, mark))
			}
			if mm%5 != 0 || mm < ruleMinMM || mm > ruleMaxMM {
				errs = append(errs, fmt.Errorf("%s: urgency_stamps: %s: %d mm is not a multiple of 5 from %d to %d", where, mark, mm, ruleMinMM, ruleMaxMM))
			}
			rs.UrgencyStamps[nfc(mark)] = mm
		}
		for name, code := range table {
			rs.types[typeKey(name)] = typeEntry{name: nfc(name), code: nfc(code)}
		}
		r.sets = append(r.sets, rs)
	}
	for i, a := range f.Abolished {
		from, err := calendar.ParseDate(a.From)
		if err != nil || len(a.Prefixes) == 0 {
			errs = append(errs, fmt.Errorf("document: rules: abolished_levels[%d]: needs a from date and prefixes", i))
			continue
		}
		lvl := AbolishedLevel{Name: nfc(a.Name), From: from, Source: nfc(a.Source)}
		for _, p := range a.Prefixes {
			lvl.Prefixes = append(lvl.Prefixes, nfc(strings.ToUpper(p)))
		}
		for _, p := range a.Superior {
			lvl.SuperiorPrefixes = append(lvl.SuperiorPrefixes, nfc(strings.ToUpper(p)))
		}
		r.abolished = append(r.abolished, lvl)
	}
	r.breaks = newLineBreaker(f.LineBreaks.PhraseStarts, f.LineBreaks.BindsNext)
	for _, s := range r.sets {
		s.breaks = r.breaks
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	r.sort()
	return r, nil
}

// AbolishedIssuer reports whether an issuer (its printed lines) belongs to a level abolished on or before date,
// and which. Lines are compared in capitals after NFC, so "Thị ủy Đức Phổ" and "THỊ ỦY ĐỨC PHỔ" both match.
func (r *Rules) AbolishedIssuer(issuer []string, date calendar.Date) (AbolishedLevel, bool) {
	for _, a := range r.abolished {
		if date.Before(a.From) {
			continue
		}
		for _, line := range issuer {
			up := nfc(strings.ToUpper(strings.TrimSpace(line)))
			for _, p := range a.Prefixes {
				if strings.HasPrefix(up, p) && (len(up) == len(p) || up[len(p)] == ' ') {
					return a, true
				}
			}
		}
	}
	return AbolishedLevel{}, false
}

// AbolishedSuperior reports whether a line of a superior body (cơ quan cấp trên) names a level abolished on or
// before date ("ĐẢNG BỘ HUYỆN X", "UBND HUYỆN X" in a document of 2026), with the index of the first such line.
// Lines are compared in capitals after NFC, against the level's SuperiorPrefixes and Prefixes.
func (r *Rules) AbolishedSuperior(superior []string, date calendar.Date) (AbolishedLevel, int, bool) {
	for _, a := range r.abolished {
		if date.Before(a.From) {
			continue
		}
		for i, line := range superior {
			up := nfc(strings.ToUpper(strings.TrimSpace(line)))
			for _, p := range slices.Concat(a.SuperiorPrefixes, a.Prefixes) {
				if strings.HasPrefix(up, p) && (len(up) == len(p) || up[len(p)] == ' ') {
					return a, i, true
				}
			}
		}
	}
	return AbolishedLevel{}, 0, false
}

func (r *Rules) sort() {
	slices.SortStableFunc(r.sets, func(a, b *RuleSet) int {
		if c := strings.Compare(string(a.System), string(b.System)); c != 0 {
			return c
		}
		return a.ValidFrom.Compare(b.ValidFrom)
	})
}

var defaultRules = func() *Rules {
	r, err := ParseRules(defaultRulesYAML)
	if err != nil {
		panic(err)
	}
	return r
}()

// DefaultRules returns the embedded rule sets (rules.yaml).
func DefaultRules() *Rules { return defaultRules }

// RuleSets returns the rule sets, by system and then by date.
func (r *Rules) RuleSets() []*RuleSet { return slices.Clone(r.sets) }

// ByID returns the rule set with that id, or nil.
func (r *Rules) ByID(id string) *RuleSet {
	for _, s := range r.sets {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// WithValidFrom returns a copy of r in which rule set id comes into force on from, e.g. to move the switch to
// the 2026 Party rules (Hướng dẫn 05-HD/VPTW, whose date is unconfirmed) to the date a committee applies it.
func (r *Rules) WithValidFrom(id string, from calendar.Date) (*Rules, error) {
	n := &Rules{abolished: r.abolished, breaks: r.breaks}
	found := false
	for _, s := range r.sets {
		if s.ID == id {
			c := *s
			c.ValidFrom = from
			s = &c
			found = true
		}
		n.sets = append(n.sets, s)
	}
	if !found {
		return nil, fmt.Errorf("document: no rule set %q", id)
	}
	n.sort()
	return n, nil
}

// For returns the rule set of sys in force on date: the latest one whose ValidFrom is not after date. A date
// before every rule set gets the earliest one. A zero date (a draft) gets the latest. It returns nil for an
// unknown system.
func (r *Rules) For(sys System, date calendar.Date) *RuleSet {
	var first, best *RuleSet
	for _, s := range r.sets {
		if s.System != sys {
			continue
		}
		if first == nil {
			first = s
		}
		if date.IsZero() || !s.ValidFrom.After(date) {
			best = s
		}
	}
	if best == nil {
		return first
	}
	return best
}

// RulesFor returns the embedded rule set of sys in force on date (see Rules.For):
// Party before the 2026 switch: Hướng dẫn 36-HD/VPTW; from it: Quy định 399-QĐ/TW and Hướng dẫn 05-HD/VPTW;
// State: Nghị định 30/2020/NĐ-CP.
func RulesFor(sys System, date calendar.Date) *RuleSet { return defaultRules.For(sys, date) }

// TypeCode returns the abbreviation of a document type in the type table of sys in force today (the tables of
// a system do not differ between its rule sets in the embedded data), e.g. TypeCode(State, "Kế hoạch") = "KH".
// The name is matched without regard to case. ok is false for an unknown type; Công văn of State is known and
// has the empty code.
func TypeCode(sys System, typeName string) (code string, ok bool) {
	rs := defaultRules.For(sys, calendar.Date{})
	if rs == nil {
		return "", false
	}
	return rs.TypeCode(typeName)
}

// TypeCode returns the abbreviation of a document type in this rule set's type table.
func (rs *RuleSet) TypeCode(typeName string) (code string, ok bool) {
	e, ok := rs.types[typeKey(typeName)]
	return e.code, ok
}

// TypeNames returns the type names of the rule set's table, sorted.
func (rs *RuleSet) TypeNames() []string {
	names := make([]string, 0, len(rs.types))
	for _, e := range rs.types {
		names = append(names, e.name)
	}
	slices.Sort(names)
	return names
}

// MarkAllowed reports whether mark is an authority mark of this rule set ("" is always allowed).
func (rs *RuleSet) MarkAllowed(mark string) bool {
	return mark == "" || slices.Contains(rs.Marks, nfc(mark))
}

// SuggestMark returns the authority mark of this rule set that mark was probably meant to be, written the way
// of this system: "TM" or "T/M" in a State document is "TM.", "TM" or "TM." in a Party document is "T/M"; ""
// when mark is allowed already or resembles none. Marks are compared in capitals without dots, slashes and
// spaces.
func (rs *RuleSet) SuggestMark(mark string) string {
	if rs.MarkAllowed(mark) {
		return ""
	}
	key := markKey(mark)
	for _, m := range rs.Marks {
		if markKey(m) == key {
			return m
		}
	}
	return ""
}

func markKey(m string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '/' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToUpper(nfc(strings.TrimSpace(m))))
}

func typeKey(name string) string { return strings.ToLower(nfc(strings.TrimSpace(name))) }

func nfc(s string) string { return textnfc.String(s) }
