package notice

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
)

// The values of the top-level "kind" key of the files this package reads.
const (
	KindSession           = "session"            // a session's Thông báo / Giấy mời
	KindConclusion        = "conclusion"         // a session's Thông báo kết luận
	KindFollowup          = "followup"           // the Báo cáo on the assignments as of a day
	KindReceptionSchedule = "reception-schedule" // the Thông báo lịch tiếp công dân of a year
	KindCalendarExport    = "calendar-export"    // the .ics of a plan's sessions and milestones
)

// Kinds lists the kinds of file this package reads.
var Kinds = []string{KindSession, KindConclusion, KindFollowup, KindReceptionSchedule, KindCalendarExport, KindOffice}

// PeekKind returns the value of the top-level "kind" key of a YAML file, "" when there is none or the file does
// not parse (the strict loader then reports why).
func PeekKind(data []byte) string {
	data = asText(data)
	var n yaml.Node
	if yaml.Unmarshal(data, &n) != nil || len(n.Content) == 0 {
		return ""
	}
	m := n.Content[0]
	if m.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "kind" && m.Content[i+1].Kind == yaml.ScalarNode {
			return m.Content[i+1].Value
		}
	}
	return ""
}

// PlanRef returns the value of the top-level "plan" key of a YAML file, the plan it belongs to, "" when there
// is none. A file that does not parse as YAML is read by its "plan:" line, so that its errors are still
// reported with its plan's files.
func PlanRef(data []byte) string {
	data = asText(data)
	var n yaml.Node
	if yaml.Unmarshal(data, &n) == nil {
		if len(n.Content) == 0 || n.Content[0].Kind != yaml.MappingNode {
			return ""
		}
		m := n.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "plan" && m.Content[i+1].Kind == yaml.ScalarNode {
				return m.Content[i+1].Value
			}
		}
		return ""
	}
	if m := planLineRE.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return ""
}

var planLineRE = regexp.MustCompile(`(?m)^plan:[ \t]*["']?([^"'#\s]+)`)

// PlanInputs returns the plan file at planPath followed by the .yaml and .yml files of its directory whose plan
// key names it (its session, conclusion, followup, … files), in name order. The other files of the directory
// (other plans and their files, files of other kinds, files that do not read) are left out; a file that names
// the plan is kept however broken, so that its errors are reported.
func PlanInputs(planPath string) []string {
	out := []string{planPath}
	fl := newFiles(nil)
	for _, f := range fl.list(filepath.Dir(planPath)) {
		if abs(f) == abs(planPath) {
			continue
		}
		if fl.refers(f, planPath) {
			out = append(out, f)
		}
	}
	return out
}

// Meta is what every file of this package shares: its kind, the plan it belongs to, the document's number and
// date, and the frame of the document (recipients, archive line, signature, issuer), each defaulting to the
// plan's.
type Meta struct {
	Kind string `yaml:"kind" validate:"required"`
	// Plan is the plan file, relative to this file, e.g. "plan.yaml". A notice that belongs to no plan leaves
	// it out and names an office profile (Office) or gives issuer, signature and archive itself.
	Plan string `yaml:"plan,omitempty" validate:"required_without_all=Office Issuer"`
	// Office is an office profile file (kind: office), relative to this file, holding the issuer, signature
	// and archive line of a notice that belongs to no plan.
	Office string `yaml:"office,omitempty"`
	// Output is the output file name; default: the input's base name with .docx.
	Output string  `yaml:"output,omitempty" validate:"omitempty,endswith=.docx,excludesall=/\\"`
	Doc    DocInfo `yaml:"document,omitempty"`
	// Issuer replaces the plan's issuing body (e.g. the Văn phòng issues the invitations).
	Issuer *plan.Issuer `yaml:"issuer,omitempty"`
	// Announcer is who speaks in the text, e.g. "Thường trực Thị ủy" ("… trân trọng thông báo").
	Announcer  string           `yaml:"announcer" validate:"required"`
	Recipients []plan.Recipient `yaml:"recipients" validate:"required,min=1,dive"`
	// Archive defaults to the plan's archive line, unless Issuer names another body than the plan's: then
	// to the rule set's default line of the issuer's system ("Lưu Văn phòng", "Lưu: VT"), the plan's line
	// naming the plan's office.
	Archive string `yaml:"archive,omitempty"`
	// ArchiveCopies is the number of copies kept on the archive line (1–99); default: the plan's when the
	// archive line is the plan's too.
	ArchiveCopies int `yaml:"archive_copies,omitempty" validate:"omitempty,min=1,max=99"`
	// Signature defaults to the plan's signature.
	Signature *plan.Signature `yaml:"signature,omitempty"`

	// Before and After are free blocks (the plan's body model: part, item, subitem, paragraph, bullet) printed
	// before and after the generated sections of the kind; Body replaces the generated sections (see free.go).
	Before []plan.Block `yaml:"before,omitempty" validate:"dive"`
	After  []plan.Block `yaml:"after,omitempty" validate:"dive"`
	Body   []plan.Block `yaml:"body,omitempty" validate:"dive"`
	// Wording rewords the texts of the kind's default wording (notice/wording/<kind>.yaml), by key, or
	// switches a piece off with false; "vanban fields FILE" lists the keys.
	Wording Wording `yaml:"wording,omitempty"`
	// Numbering false prints the headings of the body without their numbers ("I-", "1.").
	Numbering *bool `yaml:"numbering,omitempty"`

	path   string
	data   []byte // the file's bytes, for the columns of placeholders
	src    *source.Source
	plan   *plan.Plan
	office *OfficeFile        // the office profile, for a notice that belongs to no plan
	cal    *calendar.Calendar // the calendar of the set, or of the constructor; nil: calendar.Default()
}

// KindOffice is the kind of an office profile file.
const KindOffice = "office"

// OfficeFile is a "kind: office" file: the frame of an office's documents (issuing body, signature, archive
// line), for the notices that belong to no plan (an invitation to an ad-hoc dialogue, a reception schedule):
// they name it in their office key instead of plan.
type OfficeFile struct {
	Kind      string         `yaml:"kind" validate:"required,eq=office"`
	Issuer    plan.Issuer    `yaml:"issuer" validate:"required"`
	Archive   string         `yaml:"archive" validate:"required"`
	Signature plan.Signature `yaml:"signature" validate:"required"`

	path string
}

// Path returns the file the profile was read from.
func (o *OfficeFile) Path() string { return o.path }

// UseOffice sets the office profile of a notice that belongs to no plan (its issuer, signature and archive
// line, unless the notice gives its own).
func (m *Meta) UseOffice(o *OfficeFile) { m.office = o }

// planless reports whether the input belongs to no plan and says who issues it (an office profile or its own
// issuer).
func (m *Meta) planless() bool { return m.plan == nil && (m.office != nil || m.Issuer != nil) }

// standalone returns the frame of a plan-less input as a plan without sessions: issuer, signature, archive
// (the input's own, else its office profile's) and the year of its date. It is built on each call, so that it
// follows the input's fields.
func (m *Meta) standalone() *plan.Plan {
	p := &plan.Plan{Kind: plan.Kind}
	if o := m.office; o != nil {
		p.Issuer, p.Signature, p.Archive = o.Issuer, o.Signature, o.Archive
	}
	if m.Issuer != nil {
		p.Issuer = *m.Issuer
	}
	if m.Signature != nil {
		p.Signature = *m.Signature
	}
	if m.Archive != "" {
		p.Archive = m.Archive
	}
	if !m.Doc.Date.IsZero() {
		p.PlanYear = m.Doc.Date.Year()
	}
	return p
}

// frameRules checks the output name (source.FileNameProblem) and who issues the input: a plan, or an office
// profile, or its own issuer, signature and archive line; not a plan and an office profile both.
func (m *Meta) frameRules() (errs problem.List) {
	if m.Output != "" && !m.src.DecodeFailed("output") {
		if vi, en, ok := source.FileNameProblem(m.Output); !ok {
			errs = append(errs, m.errorf("output", vi, en))
		}
	}
	if m.Plan != "" && m.Office != "" {
		errs = append(errs, m.errorf("office", "ghi plan hoặc office, không cả hai: tệp thuộc một kế hoạch lấy khung văn bản của kế hoạch",
			"give plan or office, not both: a file of a plan takes the plan's frame"))
	}
	if !m.planless() || m.office != nil {
		return errs
	}
	if m.Signature == nil && !m.src.DecodeFailed("signature") {
		errs = append(errs, m.errorf("signature", "văn bản không thuộc kế hoạch nào cần chữ ký (signature) hoặc hồ sơ cơ quan (office)",
			"a notice of no plan needs its signature (signature) or an office profile (office)"))
	}
	if strings.TrimSpace(m.Archive) == "" && !m.src.DecodeFailed("archive") {
		errs = append(errs, m.errorf("archive", "văn bản không thuộc kế hoạch nào cần dòng lưu (archive) hoặc hồ sơ cơ quan (office)",
			"a notice of no plan needs its archive line (archive) or an office profile (office)"))
	}
	return errs
}

// cite is the opening "Thực hiện <the plan>, " of a sentence, or "" for an input of no plan.
func (m *Meta) cite(format string) string {
	if c := m.planCitation(); c != "" && !m.planless() {
		return fmt.Sprintf(format, c)
	}
	return ""
}

// emptyPlan stands for the plan of an input that has none yet (a value built in Go): the helpers read it
// rather than a nil pointer, and Validate reports the missing plan.
var emptyPlan = &plan.Plan{}

// p returns the plan of the input: its plan, the frame of a plan-less input (standalone), or emptyPlan.
func (m *Meta) p() *plan.Plan {
	if m.plan != nil {
		return m.plan
	}
	if m.planless() {
		return m.standalone()
	}
	return emptyPlan
}

// calendar returns the calendar the input's derived facts (due dates, statuses) are computed on.
func (m *Meta) calendar() *calendar.Calendar {
	if m.cal != nil {
		return m.cal
	}
	return calendar.Default()
}

// DocInfo is the number, symbol and date of a document; a zero number leaves it blank, a zero date makes a
// draft.
type DocInfo struct {
	Number int           `yaml:"number,omitempty" validate:"min=0,max=99999"`
	Symbol string        `yaml:"symbol,omitempty" validate:"omitempty,excludesall= "`
	Date   calendar.Date `yaml:"date,omitempty"`
}

// Path returns the file the input was read from.
func (m *Meta) Path() string { return m.path }

// PlanOf returns the plan the input belongs to.
func (m *Meta) PlanOf() *plan.Plan { return m.plan }

// errorf returns an error at a field path of the input.
func (m *Meta) errorf(path, vi, en string) *problem.Error { return m.src.Errorf(path, vi, en) }

// OutputName returns the .docx name: Output, or the input's base name with .docx.
func (m *Meta) OutputName() string {
	if m.Output != "" {
		return m.Output
	}
	base := filepath.Base(m.path)
	return strings.TrimSuffix(base, filepath.Ext(base)) + ".docx"
}

// frame returns a document with the header, number, date, recipients, archive and signature of the input,
// defaulting to the plan's.
func (m *Meta) frame(typ string) *document.Document {
	p := m.p()
	is := p.Issuer
	if m.Issuer != nil {
		is = *m.Issuer
	}
	sig := p.Signature
	if m.Signature != nil {
		sig = *m.Signature
	}
	d := &document.Document{
		System:        is.System,
		Superior:      is.Superior,
		Issuer:        is.Name,
		IssuerCode:    is.Code,
		Type:          typ,
		Number:        m.Doc.Number,
		Symbol:        m.Doc.Symbol,
		Place:         is.Place,
		Date:          m.Doc.Date,
		Archive:       m.archive(),
		ArchiveCopies: m.archiveCopies(),
		Signature: document.Signature{Mark: sig.Mark, Authority: sig.Authority, SubMark: sig.SubMark,
			SubAuthority: sig.SubAuthority, Position: sig.Position, Name: sig.Name},
	}
	if d.Date.IsZero() {
		d.DraftYear = p.Year()
	}
	for _, r := range m.Recipients {
		d.Recipients = append(d.Recipients, document.Recipient{Name: r.Name, Note: r.Note})
	}
	return d
}

// host returns who holds the dialogues ("Bí thư Thị ủy").
func (m *Meta) host() string { return or(m.p().Issuer.Host, "người đứng đầu cấp ủy") }

// planCitation cites the plan in a sentence: "Kế hoạch số 45-KH/TU ngày 15/02/2023 về đối thoại …"; a draft
// plan without number or date is cited by name only.
func (m *Meta) planCitation() string {
	p := m.p()
	s := p.Doc.Type
	if doc, err := p.Document(); err == nil && p.Doc.Number > 0 {
		s += " số " + doc.NumberSymbol()
	}
	if !p.Doc.Date.IsZero() {
		s += " ngày " + document.ShortDate(p.Doc.Date)
	}
	if sum := oneLine(p.Summary); sum != "" {
		sum = p.Expand(sum)
		if !strings.HasPrefix(sum, "về ") {
			sum = "về " + lowerFirst(sum)
		}
		s += " " + sum
	}
	return s
}

// audience returns whom the plan's dialogues are held with, as its summary says (audienceOf): "công dân",
// "Nhân dân", "đoàn viên, thanh niên".
func (m *Meta) audience() string { return audienceOf(m.p().Expand(oneLine(m.p().Summary))) }

// oneLine joins the lines of a plan's summary (a "\n" in it is a line break the user forced in the printed
// trích yếu) for use inside a sentence.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// yearRE is the year that ends a plan's summary: "… với Nhân dân năm 2026".
var yearRE = regexp.MustCompile(`\s+năm\s+\d{4}\b`)

// audienceOf takes from a plan's summary whom the dialogues are held with: the words after the first "với"
// that follows "đối thoại", up to " năm <year>" ("Tổ chức đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân
// phường với Nhân dân năm 2026" → "Nhân dân"); "công dân" when the summary does not say.
func audienceOf(summary string) string {
	const def = "công dân"
	i := strings.Index(summary, "đối thoại")
	if j := strings.Index(summary, "Đối thoại"); i < 0 || j >= 0 && j < i {
		i = j
	}
	if i < 0 {
		return def
	}
	rest := summary[i:]
	j := strings.Index(rest, " với ")
	if j < 0 {
		return def
	}
	who := rest[j+len(" với "):]
	if loc := yearRE.FindStringIndex(who); loc != nil {
		who = who[:loc[0]]
	}
	who = strings.TrimSpace(strings.TrimRight(plainText(who), " .,;:"))
	if who == "" {
		return def
	}
	return who
}

// LongDate writes "thứ Tư, ngày 15/3/2023".
func LongDate(d calendar.Date) string {
	return calendar.WeekdayName(d) + ", ngày " + document.ShortDate(d)
}

func or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// Slug turns a name into an ASCII identifier for UIDs and file names: "Thị ủy Đức Phổ" → "thi-uy-duc-pho".
func Slug(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	plain, _, _ := transform.String(t, s)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(plain) {
		switch {
		case r == 'đ':
			r = 'd'
		case r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)):
			if b.Len() > 0 {
				dash = true
			}
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// archive is the file's archive line: its own (archive:); else the plan's, unless the file's own issuer:
// is another body than the plan's. The plan's line names the plan's office ("Lưu Văn phòng Thị ủy"), not
// the overriding issuer's, so such a file without archive: gets the rule set's default line of its system
// ("Lưu Văn phòng", "Lưu: VT"), which names no body; archive: names its office.
func (m *Meta) archive() string {
	if m.Archive != "" || m.otherIssuer() {
		return m.Archive
	}
	return m.p().Archive
}

// otherIssuer tells whether the file's own issuer: names another body than its plan's issuer.
func (m *Meta) otherIssuer() bool {
	return m.Issuer != nil && strings.Join(strings.Fields(strings.Join(m.Issuer.Name, " ")), " ") !=
		strings.Join(strings.Fields(strings.Join(m.p().Issuer.Name, " ")), " ")
}

// archiveCopies is the file's number of copies kept, else the plan's when the file keeps the plan's archive line.
func (m *Meta) archiveCopies() int {
	if m.ArchiveCopies > 0 || m.Archive != "" || m.otherIssuer() {
		return m.ArchiveCopies
	}
	return m.p().ArchiveCopies
}

// planSession returns the session id of p, or a zero session when p has none (Validate reports it).
func planSession(p *plan.Plan, id string) *plan.Session {
	if ps, ok := p.Session(id); ok {
		return ps
	}
	return &plan.Session{}
}

// draftYear gives a draft (no date) the year of its content when its plan gives none (a notice of no plan).
func draftYear(d *document.Document, year int) {
	if d.Date.IsZero() && d.DraftYear == 0 {
		d.DraftYear = year
	}
}
