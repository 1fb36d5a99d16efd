package calendar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/internal/fsread"
	"github.com/vanban/vanban/internal/nfc"
	"github.com/vanban/vanban/problem"
)

// ScheduleFormat is the value of the optional top-level "format" key of a schedule file.
const ScheduleFormat = "vanban-schedule/1"

// EntryKind is what a schedule entry says about one day.
type EntryKind uint8

// Kinds of schedule entries (the key that carries the value in the file is given in brackets).
const (
	EntryHoliday      EntryKind = iota + 1 // a public holiday [holiday: NAME]
	EntryCompensatory                      // nghỉ bù for a holiday that fell on a weekly rest day [compensatory: NAME]
	EntrySwapped                           // a weekday off in exchange for a worked weekend day [swapped_with: DATE]
	EntryOff                               // any other day off [off: REASON]
	EntryWorking                           // a day that is a working day [working: REASON]
)

// Schedule is the content of a schedule file: announced days off, per year, and holidays added to the law.
type Schedule struct {
	Name      string // file name used in messages
	Years     map[int]*ScheduleYear
	Statutory []StatutoryHoliday
}

// StatutoryHoliday is a fixed-date (solar) public holiday added to the law from a date on, e.g. Ngày Văn hóa
// Việt Nam on 24/11 if the Labour Code is amended. It enters every year estimated from the law, with nghỉ
// bù; years with an official schedule must list it themselves.
type StatutoryHoliday struct {
	Name   string
	Month  int
	Day    int
	From   Date // first day the law is in force
	Source string
}

// ScheduleYear is the schedule of one year. Breaks that straddle 1 January are filed under the year of the
// holiday (the 2019 schedule holds 31/12/2018).
type ScheduleYear struct {
	Year       int
	Official   *bool // nil: unchanged (see package documentation)
	Replace    bool  // discard what lower layers say about this year
	LegalBasis string
	Note       string
	Breaks     []Break
}

// Break is one holiday period ("đợt nghỉ") with its source.
type Break struct {
	Name       string
	From, To   Date // whole continuous break, inclusive (optional, informative)
	Source     string
	Confidence string // high, medium or low
	Note       string
	Days       []Entry
}

// Entry classifies one day.
type Entry struct {
	Date  Date
	Kind  EntryKind
	Name  string // holiday name (EntryHoliday, EntryCompensatory) or reason (EntryOff, EntryWorking)
	With  Date   // EntrySwapped: the weekend day worked instead
	Line  int    // position in the file, for messages
	Col   int
	Break *Break
}

// ScheduleError is the list of problems found in a schedule file, each a *problem.Error with file:line:col and a
// message in Vietnamese and English; errors.As reaches each of them.
type ScheduleError = problem.List

// MaxScheduleSize is the largest schedule file read, in bytes (the cap of every YAML input of vanban).
const MaxScheduleSize = 1 << 20

// ReadScheduleFile reads and checks a schedule file. Only a regular file of at most MaxScheduleSize bytes is
// read, checked before reading: a directory, a FIFO, /dev/stdin or a device is refused with a message naming
// it, as is a larger file.
func ReadScheduleFile(path string) (*Schedule, error) {
	b, err := fsread.Read(path, MaxScheduleSize)
	if err != nil {
		return nil, readError(path, err)
	}
	return ParseSchedule(path, b)
}

// readError turns an fsread error into a problem.List naming the file, in both languages.
func readError(name string, err error) error {
	var fe *fsread.Error
	if errors.As(err, &fe) {
		return problem.List{{File: name, VI: "tệp lịch: " + fe.VI, EN: "schedule file: " + fe.EN, Err: err}}
	}
	return problem.List{{File: name, VI: "tệp lịch: " + err.Error(), EN: "schedule file: " + err.Error(), Err: err}}
}

// ReadSchedule reads and checks a schedule from r, of at most MaxScheduleSize bytes; name is used in messages.
func ReadSchedule(name string, r io.Reader) (*Schedule, error) {
	b, err := fsread.ReadAll(name, r, MaxScheduleSize)
	if err != nil {
		return nil, readError(name, err)
	}
	return ParseSchedule(name, b)
}

// ParseSchedule parses and checks a schedule file's content. Every problem is reported as
// "name:line:col: what is wrong".
//
// The content may be UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark, with LF or
// CRLF line endings; a file in an old Vietnamese encoding is refused at its first invalid byte.
func ParseSchedule(name string, data []byte) (*Schedule, error) {
	if len(data) > MaxScheduleSize {
		return nil, problem.List{{File: name, VI: fmt.Sprintf("tệp lịch quá lớn (tối đa %d byte)", MaxScheduleSize),
			EN: fmt.Sprintf("schedule file too large (at most %d bytes)", MaxScheduleSize), Err: fsread.ErrTooLarge}}
	}
	data, terr := fsread.Text(data)
	if terr != nil {
		return nil, problem.List{{File: name, Line: terr.Line, Col: terr.Col, VI: terr.VI, EN: terr.EN}}
	}
	p := &parser{name: name}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if err == io.EOF {
			return nil, problem.List{{File: name, Line: 1, Col: 1, VI: "tệp lịch trống: cần một bảng có khóa \"years\"",
				EN: "empty schedule file: want a mapping with a \"years\" key"}}
		}
		// The line yaml.v3 gives, a column where the line shows it (an unclosed quote at its opening, a tab…).
		e := fsread.Syntax(data, err)
		return nil, problem.List{{File: name, Line: e.Line, Col: e.Col, VI: e.VI, EN: e.EN, Err: err}}
	}
	s := &Schedule{Name: name, Years: map[int]*ScheduleYear{}}
	p.schedule(&root, s)
	if len(p.problems) > 0 {
		return nil, p.problems
	}
	return s, nil
}

type parser struct {
	name     string
	problems problem.List
}

// errf records a problem at n; format is the English message, whose Vietnamese is looked up in scheduleVI.
func (p *parser) errf(n *yaml.Node, format string, args ...any) {
	if len(p.problems) >= 20 {
		return
	}
	vi := format
	if f, ok := scheduleVI[format]; ok {
		vi = f
	}
	p.problems = append(p.problems, &problem.Error{File: p.name, Line: n.Line, Col: n.Column,
		VI: fmt.Sprintf(vi, args...), EN: fmt.Sprintf(format, args...)})
}

// scheduleVI gives the Vietnamese of each message of the schedule reader, by its English format (same verbs,
// same order). The names in the messages (year 2027: break "Tết", keys) stay as written in the file.
var scheduleVI = map[string]string{
	"%s must be a mapping (key: value), found %s": "%s phải là một bảng khóa: giá trị, nhưng gặp %s",
	"duplicate key %q in %s":                      "khóa %q bị lặp trong %s",
	"unknown key %q in %s (allowed: %s)":          "khóa không hợp lệ %q trong %s (được dùng: %s)",
	"%s must be text, found %s":                   "%s phải là văn bản, nhưng gặp %s",
	"%s must be true or false, found %s":          "%s phải là true hoặc false, nhưng gặp %s",
	"%s must be a date YYYY-MM-DD, found %s":      "%s phải là ngày dạng YYYY-MM-DD, nhưng gặp %s",
	"%s: %v":                                      "%s: ngày không hợp lệ (%v)",
	"unsupported format %q: want %q":              "định dạng %q không được hỗ trợ: cần %q",
	"missing key \"years\"":                       "thiếu khóa \"years\"",
	"years must be a mapping from a year (e.g. 2027) to that year's schedule, found %s": "years phải là một bảng từ năm (ví dụ 2027) đến lịch của năm đó, nhưng gặp %s",
	"year key %q: want a year between %d and %d":                                        "khóa năm %q: cần một năm từ %d đến %d",
	"year %d appears twice":                      "năm %d xuất hiện hai lần",
	"%s: breaks must be a list, found %s":        "%s: breaks phải là một danh sách, nhưng gặp %s",
	"%s confidence %q: want high, medium or low": "%s: confidence %q: cần high, medium hoặc low",
	"%s: missing key \"name\"":                   "%s: thiếu khóa \"name\"",
	"%s: to %v is before from %v":                "%s: to %v trước from %v",
	"%s: missing key \"days\"":                   "%s: thiếu khóa \"days\"",
	"%s: days must be a list of {date: …, holiday|compensatory|swapped_with|off|working: …}, found %s": "%s: days phải là một danh sách {date: …, holiday|compensatory|swapped_with|off|working: …}, nhưng gặp %s",
	"%s: each day needs exactly one of holiday, compensatory, swapped_with, off, working (found %d)":   "%s: mỗi ngày cần đúng một trong holiday, compensatory, swapped_with, off, working (đang có %d)",
	"%s: day without a date":                           "%s: ngày không có date",
	"%s: day %v: the name or reason must not be empty": "%s: ngày %v: tên hoặc lý do không được để trống",
	"%s: day %v is outside the break (from %v to %v): widen from/to or move the day to its own break":    "%s: ngày %v nằm ngoài đợt nghỉ (từ %v đến %v): mở rộng from/to hoặc đưa ngày này sang một đợt nghỉ riêng",
	"%s: day %v is filed under year %d: a year holds its own days and a break straddling 1 January only": "%s: ngày %v được ghi dưới năm %d: mỗi năm chỉ giữ các ngày của nó và đợt nghỉ vắt qua ngày 1 tháng 1",
	"%s: day %v is already given at line %d":                                                             "%s: ngày %v đã được ghi ở dòng %d",
	"%s: day %v is a %s: a swapped day off must be a weekday (Monday–Friday)":                            "%s: ngày %v là %s: ngày nghỉ hoán đổi phải là ngày thường (thứ Hai – thứ Sáu)",
	"%s: swapped_with %v is a %s: the day worked instead must be a Saturday or Sunday":                   "%s: swapped_with %v là %s: ngày làm bù phải là thứ Bảy hoặc Chủ nhật",
	"statutory_holidays must be a list, found %s":                                                        "statutory_holidays phải là một danh sách, nhưng gặp %s",
	"%s %s: want a number from 1 to %d, found %s":                                                        "%s %s: cần một số từ 1 đến %d, nhưng gặp %s",
	"%s: name, month, day and from are required":                                                         "%s: cần name, month, day và from",
	"%s %q: there is no day %d/%d":                                                                       "%s %q: không có ngày %d/%d",
}

// fields walks a mapping node, checking for unknown and duplicate keys.
func (p *parser) fields(n *yaml.Node, what string, allowed []string, f func(key string, k, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		p.errf(n, "%s must be a mapping (key: value), found %s", what, kindName(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			p.errf(k, "duplicate key %q in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		ok := false
		for _, a := range allowed {
			if a == k.Value {
				ok = true
				break
			}
		}
		if !ok {
			p.errf(k, "unknown key %q in %s (allowed: %s)", k.Value, what, strings.Join(allowed, ", "))
			continue
		}
		f(k.Value, k, v)
	}
	return true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "an empty document"
}

func (p *parser) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errf(n, "%s must be text, found %s", what, kindName(n))
		return ""
	}
	return nfc.String(n.Value) // reasons are shown to users: always NFC
}

func (p *parser) boolean(n *yaml.Node, what string) bool {
	if n.Kind != yaml.ScalarNode || (n.Value != "true" && n.Value != "false") {
		p.errf(n, "%s must be true or false, found %s", what, kindName(n))
		return false
	}
	return n.Value == "true"
}

func (p *parser) date(n *yaml.Node, what string) Date {
	if n.Kind != yaml.ScalarNode {
		p.errf(n, "%s must be a date YYYY-MM-DD, found %s", what, kindName(n))
		return Date{}
	}
	d, err := ParseDate(n.Value)
	if err != nil {
		p.errf(n, "%s: %v", what, err)
		return Date{}
	}
	return d
}

func (p *parser) schedule(root *yaml.Node, s *Schedule) {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	var years *yaml.Node
	if !p.fields(n, "the schedule file", []string{"format", "description", "statutory_holidays", "years"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "statutory_holidays":
			p.statutory(v, s)
		case "format":
			if f := p.str(v, "format"); f != "" && f != ScheduleFormat {
				p.errf(v, "unsupported format %q: want %q", f, ScheduleFormat)
			}
		case "description":
			p.str(v, "description")
		case "years":
			years = v
		}
	}) {
		return
	}
	if years == nil {
		if s.Statutory == nil {
			p.errf(n, "missing key \"years\"")
		}
		return
	}
	if years.Kind != yaml.MappingNode {
		p.errf(years, "years must be a mapping from a year (e.g. 2027) to that year's schedule, found %s", kindName(years))
		return
	}
	seenDates := map[Date]*yaml.Node{}
	for i := 0; i+1 < len(years.Content); i += 2 {
		k, v := years.Content[i], years.Content[i+1]
		y, err := strconv.Atoi(k.Value)
		if err != nil || y < lunarFirstYear || y > lunarLastYear {
			p.errf(k, "year key %q: want a year between %d and %d", k.Value, lunarFirstYear, lunarLastYear)
			continue
		}
		if _, dup := s.Years[y]; dup {
			p.errf(k, "year %d appears twice", y)
			continue
		}
		sy := &ScheduleYear{Year: y}
		s.Years[y] = sy
		p.year(v, sy, seenDates)
	}
}

func (p *parser) year(n *yaml.Node, sy *ScheduleYear, seen map[Date]*yaml.Node) {
	what := fmt.Sprintf("year %d", sy.Year)
	p.fields(n, what, []string{"official", "replace", "legal_basis", "note", "breaks"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "official":
			b := p.boolean(v, what+": official")
			sy.Official = &b
		case "replace":
			sy.Replace = p.boolean(v, what+": replace")
		case "legal_basis":
			sy.LegalBasis = p.str(v, what+": legal_basis")
		case "note":
			sy.Note = p.str(v, what+": note")
		case "breaks":
			if v.Kind != yaml.SequenceNode {
				p.errf(v, "%s: breaks must be a list, found %s", what, kindName(v))
				return
			}
			sy.Breaks = make([]Break, len(v.Content))
			for i, bn := range v.Content {
				p.brk(bn, sy, &sy.Breaks[i], seen)
			}
		}
	})
}

func (p *parser) brk(n *yaml.Node, sy *ScheduleYear, b *Break, seen map[Date]*yaml.Node) {
	what := fmt.Sprintf("year %d: break", sy.Year)
	var daysNode *yaml.Node
	if !p.fields(n, what, []string{"name", "from", "to", "source", "confidence", "note", "days"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			b.Name = p.str(v, what+" name")
		case "from":
			b.From = p.date(v, what+" from")
		case "to":
			b.To = p.date(v, what+" to")
		case "source":
			b.Source = p.str(v, what+" source")
		case "confidence":
			b.Confidence = p.str(v, what+" confidence")
			if b.Confidence != "" && b.Confidence != "high" && b.Confidence != "medium" && b.Confidence != "low" {
				p.errf(v, "%s confidence %q: want high, medium or low", what, b.Confidence)
			}
		case "note":
			b.Note = p.str(v, what+" note")
		case "days":
			daysNode = v
		}
	}) {
		return
	}
	if b.Name == "" {
		p.errf(n, "%s: missing key \"name\"", what)
	} else {
		what = fmt.Sprintf("year %d: break %q", sy.Year, b.Name)
	}
	if !b.From.IsZero() && !b.To.IsZero() && b.To.Before(b.From) {
		p.errf(n, "%s: to %v is before from %v", what, b.To, b.From)
	}
	if daysNode == nil {
		p.errf(n, "%s: missing key \"days\"", what)
		return
	}
	if daysNode.Kind != yaml.SequenceNode {
		p.errf(daysNode, "%s: days must be a list of {date: …, holiday|compensatory|swapped_with|off|working: …}, found %s", what, kindName(daysNode))
		return
	}
	for _, dn := range daysNode.Content {
		e := Entry{Line: dn.Line, Col: dn.Column, Break: b}
		kinds, dated := 0, false
		p.fields(dn, what+" day", []string{"date", "holiday", "compensatory", "swapped_with", "off", "working"}, func(key string, k, v *yaml.Node) {
			switch key {
			case "date":
				e.Date, dated = p.date(v, what+" date"), true
				return
			case "holiday":
				e.Kind, e.Name = EntryHoliday, p.str(v, what+" holiday")
			case "compensatory":
				e.Kind, e.Name = EntryCompensatory, p.str(v, what+" compensatory")
			case "swapped_with":
				e.Kind, e.With = EntrySwapped, p.date(v, what+" swapped_with")
			case "off":
				e.Kind, e.Name = EntryOff, p.str(v, what+" off")
			case "working":
				e.Kind = EntryWorking
				if v.Tag != "!!null" {
					e.Name = p.str(v, what+" working")
				}
			}
			kinds++
		})
		if dn.Kind != yaml.MappingNode {
			continue
		}
		if kinds != 1 {
			p.errf(dn, "%s: each day needs exactly one of holiday, compensatory, swapped_with, off, working (found %d)", what, kinds)
			continue
		}
		if e.Date.IsZero() {
			if !dated {
				p.errf(dn, "%s: day without a date", what)
			}
			continue
		}
		if (e.Kind == EntryHoliday || e.Kind == EntryCompensatory || e.Kind == EntryOff) && e.Name == "" {
			p.errf(dn, "%s: day %v: the name or reason must not be empty", what, e.Date)
		}
		if e.Kind != EntryWorking && !b.From.IsZero() && !b.To.IsZero() && (e.Date.Before(b.From) || e.Date.After(b.To)) {
			p.errf(dn, "%s: day %v is outside the break (from %v to %v): widen from/to or move the day to its own break", what, e.Date, b.From, b.To)
		}
		if dy := e.Date.Year(); dy < sy.Year-1 || dy > sy.Year+1 {
			p.errf(dn, "%s: day %v is filed under year %d: a year holds its own days and a break straddling 1 January only", what, e.Date, sy.Year)
		}
		if prev, dup := seen[e.Date]; dup {
			p.errf(dn, "%s: day %v is already given at line %d", what, e.Date, prev.Line)
		} else {
			seen[e.Date] = dn
		}
		if e.Kind == EntrySwapped && !e.With.IsZero() {
			if wd := e.Date.Weekday(); wd == 0 || wd == 6 {
				p.errf(dn, "%s: day %v is a %s: a swapped day off must be a weekday (Monday–Friday)", what, e.Date, e.Date.Weekday())
			}
			if wd := e.With.Weekday(); wd != 0 && wd != 6 {
				p.errf(dn, "%s: swapped_with %v is a %s: the day worked instead must be a Saturday or Sunday", what, e.With, e.With.Weekday())
			}
			if prev, dup := seen[e.With]; dup {
				p.errf(dn, "%s: day %v is already given at line %d", what, e.With, prev.Line)
			} else {
				seen[e.With] = dn
			}
		}
		b.Days = append(b.Days, e)
	}
	sort.SliceStable(b.Days, func(i, j int) bool { return b.Days[i].Date.Before(b.Days[j].Date) })
}

func (p *parser) statutory(n *yaml.Node, s *Schedule) {
	if n.Kind != yaml.SequenceNode {
		p.errf(n, "statutory_holidays must be a list, found %s", kindName(n))
		return
	}
	s.Statutory = []StatutoryHoliday{}
	for _, hn := range n.Content {
		var h StatutoryHoliday
		what := "statutory holiday"
		intField := func(v *yaml.Node, name string, max int) int {
			x, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || x < 1 || x > max {
				p.errf(v, "%s %s: want a number from 1 to %d, found %s", what, name, max, kindName(v))
				return 0
			}
			return x
		}
		if !p.fields(hn, what, []string{"name", "month", "day", "from", "source"}, func(key string, k, v *yaml.Node) {
			switch key {
			case "name":
				h.Name = p.str(v, what+" name")
			case "month":
				h.Month = intField(v, "month", 12)
			case "day":
				h.Day = intField(v, "day", 31)
			case "from":
				h.From = p.date(v, what+" from")
			case "source":
				h.Source = p.str(v, what+" source")
			}
		}) {
			continue
		}
		if h.Name == "" || h.Month == 0 || h.Day == 0 || h.From.IsZero() {
			p.errf(hn, "%s: name, month, day and from are required", what)
			continue
		}
		if h.Day > daysIn(2024, time.Month(h.Month)) {
			p.errf(hn, "%s %q: there is no day %d/%d", what, h.Name, h.Day, h.Month)
			continue
		}
		if h.Source == "" {
			h.Source = p.name
		}
		s.Statutory = append(s.Statutory, h)
	}
}
