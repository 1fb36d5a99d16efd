package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/placeholder"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/problem"
)

// Check applies the cross-field rules a clerk expects and returns every violation at its field's position:
//
//   - the plan's year is given (year, or document.date);
//   - a numbered document has a date; the document date is in the plan's year or the year before it;
//   - document.type is in the type table of the system (unless a symbol is given);
//   - the signature marks are authority marks of the system (T/M, K/T, T/L or TM., KT., TL., TUQ., Q.), and a
//     mark has its authority;
//   - session ids are unique; each session has a time; its time is in the plan's year; its quarter matches the
//     month; sessions are in order of time; the document date comes before the first session;
//   - the body: each block is exactly one of part, item, subitem, paragraph, bullet, sessions; parts only at
//     the top level, subitems only inside items; paragraphs and bullets have no content; "sessions: true"
//     appears once when there are sessions and not at all when there are none (a plan may announce its
//     sessions later); ad_hoc needs it, so it needs sessions;
//   - every text has balanced inline markup and only the placeholders {{deadline}} and {{year}}; a literal
//     "NN ngày làm việc" in a text must equal conclusion_deadline_working_days (write {{deadline}} instead);
//   - each legal basis has a type or a text, not both a text and other fields;
//   - the archive line is in archive, not among the recipients;
//   - the output file name is one every common file system accepts (no control or bidirectional character,
//     no reserved device name such as CON, at most 120 characters).
//
// Parse runs it; it is exported for callers that build a Plan in Go.
func (p *Plan) Check() problem.List {
	c := &checker{p: p, src: p.src}
	c.run()
	return c.errs
}

type checker struct {
	p    *Plan
	src  *source.Source
	errs problem.List

	nSessions     int    // "sessions: true" blocks seen
	sessionsBlock string // the field path of the first one
	noDeadline    bool   // skip the literal "NN ngày làm việc" rule (texts of other files than the plan)
	ownNames      bool   // the caller checks the placeholders (the files of package notice have their own)
}

func (c *checker) add(path, vi, en string) { c.errs = append(c.errs, c.src.Errorf(path, vi, en)) }

var (
	deadlineRE = regexp.MustCompile(`(\d+)\s+ngày\s+làm\s+việc`)
)

func (c *checker) run() {
	p := c.p
	year := p.Year()
	date := p.Doc.Date
	sys := p.Issuer.System
	if year == 0 && !c.src.DecodeFailed("document.date") { // a date that failed to decode is reported already
		c.add("year", "thiếu năm của kế hoạch: ghi year hoặc document.date", "the plan's year is missing: give year or document.date")
	}
	if p.Doc.Number > 0 && date.IsZero() {
		c.add("document.date", "văn bản đã có số thì phải có ngày ban hành", "a numbered document needs its date")
	}
	if !date.IsZero() && year != 0 && date.Year() != year && date.Year() != year-1 {
		c.add("document.date", fmt.Sprintf("ngày văn bản (%s) phải thuộc năm %d hoặc năm trước đó", date, year),
			fmt.Sprintf("the document date (%s) must be in %d or the year before", date, year))
	}

	if rs := document.RulesFor(sys, p.ruleDate()); rs != nil && sys != "" {
		if t := p.Doc.Type; t != "" && p.Doc.Symbol == "" {
			if _, ok := rs.TypeCode(t); !ok {
				known := strings.Join(rs.TypeNames(), ", ")
				c.add("document.type", fmt.Sprintf("loại văn bản %q không có trong bảng loại văn bản của hệ thống %s; các loại: %s", t, sys, known),
					fmt.Sprintf("document type %q is not in the type table of the %s system; known: %s", t, sys, known))
			}
		}
		c.mark("signature.mark", p.Signature.Mark, p.Signature.Authority, "signature.authority", rs)
		c.mark("signature.sub_mark", p.Signature.SubMark, p.Signature.SubAuthority, "signature.sub_authority", rs)
	}

	if p.Output != "" && !c.src.DecodeFailed("output") {
		if vi, en, ok := source.FileNameProblem(p.Output); !ok {
			c.add("output", vi, en)
		}
	}
	c.sessions(year)
	c.milestones()
	c.body()
	c.bases()
	c.texts()

	for i, r := range p.Recipients {
		if strings.HasPrefix(r.Name, "Lưu ") || strings.HasPrefix(r.Name, "Lưu:") {
			c.add(fmt.Sprintf("recipients[%d]", i), "dòng lưu trữ ghi ở khóa archive, không ghi trong recipients",
				"the archive line goes in archive, not in recipients")
		}
	}
}

// milestones checks the plan's offsets: the conclusion deadline has its own key, and the opinion window must
// close after it opens.
func (c *checker) milestones() {
	p := c.p
	if p.Milestones.Conclusion != 0 {
		c.add("milestones.conclusion", "thời hạn thông báo kết luận của kế hoạch ghi ở conclusion_deadline_working_days; bỏ milestones.conclusion",
			"a plan gives the conclusion deadline as conclusion_deadline_working_days; remove milestones.conclusion")
	}
	if o := p.Offsets(); !o.CheckWindow() && !c.src.DecodeFailed("milestones.opinions_open") {
		c.add("milestones.opinions_close", fmt.Sprintf("tiếp nhận ý kiến kết thúc %d ngày làm việc trước buổi đối thoại, sớm hơn lúc bắt đầu (%d ngày trước); opinions_close phải nhỏ hơn hoặc bằng opinions_open", o.OpinionsClose, o.OpinionsOpen),
			fmt.Sprintf("the opinion window closes %d working days before the session, before it opens (%d days before); opinions_close must be at most opinions_open", o.OpinionsClose, o.OpinionsOpen))
	}
}

func (c *checker) mark(path, mark, authority, authPath string, rs *document.RuleSet) {
	if mark == "" {
		return
	}
	if !rs.MarkAllowed(mark) {
		allowed := strings.Join(rs.Marks, ", ")
		if want := rs.SuggestMark(mark); want != "" {
			c.add(path, fmt.Sprintf("%q không phải quyền hạn ký của văn bản hệ thống %s; văn bản hệ thống này ghi %q (các quyền hạn ký: %s)", mark, rs.System, want, allowed),
				fmt.Sprintf("%q is not an authority mark of %s documents; they write it %q (marks: %s)", mark, rs.System, want, allowed))
		} else {
			c.add(path, fmt.Sprintf("%q không phải quyền hạn ký của văn bản hệ thống %s; dùng: %s", mark, rs.System, allowed),
				fmt.Sprintf("%q is not an authority mark of %s documents; use: %s", mark, rs.System, allowed))
		}
	}
	if strings.TrimSpace(authority) == "" {
		c.add(authPath, fmt.Sprintf("có %q thì phải ghi tập thể hoặc người đứng đầu được ký thay", mark),
			fmt.Sprintf("mark %q needs the collective or head it signs for", mark))
	}
}

func (c *checker) sessions(year int) {
	p := c.p
	ids := map[string]int{}
	var prev *Session
	first := -1
	for i := range p.Sessions {
		s := &p.Sessions[i]
		path := fmt.Sprintf("sessions[%d]", i)
		if j, ok := ids[s.ID]; ok && s.ID != "" {
			c.add(path+".id", fmt.Sprintf("mã buổi đối thoại %q bị trùng với sessions[%d]", s.ID, j),
				fmt.Sprintf("session id %q is already used by sessions[%d]", s.ID, j))
		} else {
			ids[s.ID] = i
		}
		if s.Time.IsZero() {
			if !c.src.Has(path + ".time") {
				c.add(path+".time", "thiếu thời gian của buổi đối thoại", "the session's time is missing")
			}
			continue
		}
		// A cycle may cross the year end: sessions from this year into the first quarter of the next. A plan
		// whose sessions are in the next year is more likely one made in December for that year without year:.
		crosses := s.Time.Year == year+1 && s.Time.Month <= time.March && len(p.Sessions) > 0 && p.Sessions[0].Time.Year == year
		if year != 0 && s.Time.Year != year && !crosses {
			var hintVI, hintEN string
			switch {
			case s.Time.Year == year+1 && !c.src.Has("year"):
				hintVI = fmt.Sprintf("; nếu kế hoạch là của năm %d (ban hành cuối năm trước), ghi year: %d", s.Time.Year, s.Time.Year)
				hintEN = fmt.Sprintf("; if the plan is for %d (issued at the end of the year before), write year: %d", s.Time.Year, s.Time.Year)
			case c.src.Has("year"):
				hintVI = fmt.Sprintf("; kế hoạch ghi year: %d: sửa year: hoặc thời gian của buổi", year)
				hintEN = fmt.Sprintf("; the plan says year: %d: correct year: or the session's time", year)
			default:
				hintVI = "; năm của kế hoạch lấy theo document.date: sửa thời gian của buổi, hoặc ghi year: là năm của kế hoạch"
				hintEN = "; the plan's year is that of document.date: correct the session's time, or write year: with the plan's year"
			}
			c.add(path+".time", fmt.Sprintf("thời gian %s không thuộc năm của kế hoạch (%d)%s", s.Time, year, hintVI),
				fmt.Sprintf("time %s is not in the plan's year (%d)%s", s.Time, year, hintEN))
		}
		if s.Quarter >= 1 && s.Quarter <= 4 && s.Time.Quarter() != s.Quarter {
			c.add(path+".quarter", fmt.Sprintf("quý %d không khớp với tháng %d (thuộc quý %d)", s.Quarter, s.Time.Month, s.Time.Quarter()),
				fmt.Sprintf("quarter %d does not match month %d (quarter %d)", s.Quarter, s.Time.Month, s.Time.Quarter()))
		}
		if prev != nil && s.Time.Date().Before(prev.Time.Date()) {
			c.add(path+".time", fmt.Sprintf("các buổi đối thoại phải theo thứ tự thời gian: %s trước %s", s.Time, prev.Time),
				fmt.Sprintf("sessions must be in order of time: %s comes before %s", s.Time, prev.Time))
		}
		prev = s
		if first < 0 {
			first = i
		}
	}
	if d := p.Doc.Date; first >= 0 && !d.IsZero() {
		s := p.Sessions[first]
		if !d.Before(s.Time.LastDate()) {
			c.add("document.date", fmt.Sprintf("ngày văn bản (%s) phải trước buổi đối thoại đầu tiên (%s)", d, s.Time),
				fmt.Sprintf("the document date (%s) must come before the first session (%s)", d, s.Time))
		}
	}
}

// blockKinds returns the kinds set on a block.
func blockKinds(b *Block) []string {
	var k []string
	for _, x := range []struct {
		name string
		set  bool
	}{{"part", b.Part != ""}, {"item", b.Item != ""}, {"subitem", b.SubItem != ""}, {"paragraph", b.Paragraph != ""},
		{"bullet", b.Bullet != ""}, {"sessions", b.Sessions}} {
		if x.set {
			k = append(k, x.name)
		}
	}
	return k
}

func (c *checker) body() {
	n := c.blocks(c.p.Body, "body", 0, "")
	if c.src.DecodeFailed("sessions") {
		return // the sessions did not decode: whether there are any is unknown
	}
	has := len(c.p.Sessions) > 0
	switch {
	case !has && c.p.AdHoc != "":
		c.add("ad_hoc", "ad_hoc được in sau các buổi đối thoại, nhưng kế hoạch không có buổi nào (sessions): thêm sessions và khối \"sessions: true\" trong body, hoặc viết điều khoản này thành một đoạn (paragraph) trong body",
			"ad_hoc is printed after the sessions, but the plan has none (sessions): add sessions and a \"sessions: true\" block in body, or write the clause as a paragraph in body")
	case n == 0 && c.p.AdHoc != "":
		c.add("ad_hoc", "ad_hoc được in sau các buổi đối thoại: cần một khối \"sessions: true\" trong body",
			"ad_hoc is printed after the sessions: the body needs a \"sessions: true\" block")
	case n == 0 && has:
		c.add("body", "body cần một khối \"sessions: true\" đánh dấu chỗ in các buổi đối thoại",
			"the body needs a \"sessions: true\" block where the sessions are printed")
	}
	if !has && c.sessionsBlock != "" {
		c.add(c.sessionsBlock, "khối \"sessions: true\" in các buổi đối thoại, nhưng kế hoạch không có buổi nào (sessions): thêm sessions, hoặc bỏ khối này (khi thời gian sẽ thông báo sau, ghi điều đó bằng một đoạn văn)",
			"the \"sessions: true\" block prints the sessions, but the plan has none (sessions): add sessions, or remove this block (when the sessions are announced later, say so in a paragraph)")
	}
}

// blocks checks a list of blocks at a nesting level and returns how many sessions placeholders it holds.
func (c *checker) blocks(bs []Block, path string, depth int, parent string) int {
	count := 0
	for i := range bs {
		b := &bs[i]
		bp := fmt.Sprintf("%s[%d]", path, i)
		kinds := blockKinds(b)
		if len(kinds) != 1 {
			if len(kinds) == 0 {
				c.add(bp, "khối phải có đúng một trong: part, item, subitem, paragraph, bullet, sessions",
					"a block must have exactly one of: part, item, subitem, paragraph, bullet, sessions")
			} else {
				c.add(bp, "khối chỉ được có một trong: "+strings.Join(kinds, ", "),
					"a block may have only one of: "+strings.Join(kinds, ", "))
			}
			continue
		}
		kind := kinds[0]
		switch {
		case kind == "part" && parent != "":
			c.add(bp+".part", "phần (part) chỉ được ở mức ngoài cùng của body", "a part may only be at the top level of body")
		case kind == "subitem" && parent != "item":
			c.add(bp+".subitem", "tiểu mục (subitem) phải nằm trong một mục (item)", "a subitem must be inside an item")
		case kind == "item" && parent != "" && parent != "part":
			c.add(bp+".item", "mục (item) phải ở mức ngoài cùng hoặc trong một phần (part)", "an item must be at the top level or inside a part")
		case kind == "sessions" && parent != "" && parent != "part":
			c.add(bp+".sessions", "khối sessions phải ở mức ngoài cùng hoặc trong một phần (part)", "the sessions block must be at the top level or inside a part")
		}
		heading := kind == "part" || kind == "item" || kind == "subitem"
		if !heading && b.Text != "" {
			c.add(bp+".text", "text chỉ dùng cho tiêu đề (part, item, subitem)", "text is only for headings (part, item, subitem)")
		}
		if !heading && len(b.Content) > 0 {
			c.add(bp+".content", "chỉ tiêu đề (part, item, subitem) mới có content", "only headings (part, item, subitem) have content")
		}
		if kind == "sessions" {
			count++
			c.nSessions++
			if c.sessionsBlock == "" {
				c.sessionsBlock = bp + ".sessions"
			}
			if c.nSessions > 1 {
				c.add(bp+".sessions", "chỉ được có một khối \"sessions: true\"", "there may be only one \"sessions: true\" block")
			}
			continue
		}
		count += c.blocks(b.Content, bp+".content", depth+1, kind)
	}
	return count
}

func (c *checker) bases() {
	for i, b := range c.p.Bases.Items {
		path := fmt.Sprintf("bases.items[%d]", i)
		other := b.Type != "" || b.Number != "" || !b.Date.IsZero() || b.Issuer != "" || b.Subject != ""
		switch {
		case b.Text != "" && other:
			c.add(path+".text", "text thay thế toàn bộ trích dẫn: bỏ type, number, date, issuer, subject",
				"text replaces the whole citation: drop type, number, date, issuer, subject")
		case b.Text == "" && b.Type == "":
			c.add(path, "căn cứ cần type (loại văn bản) hoặc text", "a basis needs a type or a text")
		}
	}
}

// texts checks inline markup, placeholders and literal deadlines in every text of the plan.
func (c *checker) texts() {
	c.forEachText(c.text)
	c.checkWording()
}

// text checks one text: its placeholders, its literal deadlines (unless c.noDeadline) and its inline markup.
func (c *checker) text(path, s string) {
	p := c.p
	var placeholders, deadlines [][]string
	if strings.Contains(s, "{{") { // what the expressions need, checked first: most texts have neither
		placeholders = placeholder.FindAll(s)
	}
	if strings.Contains(s, "ngày") {
		deadlines = deadlineRE.FindAllStringSubmatch(s, -1)
	}
	for _, m := range placeholders {
		if !c.ownNames && m[1] != "deadline" && m[1] != "year" {
			hintVI, hintEN := "", ""
			if s := source.Closest(m[1], []string{"deadline", "year"}); s != "" {
				hintVI, hintEN = fmt.Sprintf(" (có phải ý bạn là {{%s}}?)", s), fmt.Sprintf(" (did you mean {{%s}}?)", s)
			}
			c.add(path, fmt.Sprintf("chỗ thay thế không hợp lệ %q; chỉ dùng {{deadline}} hoặc {{year}}%s", m[0], hintVI),
				fmt.Sprintf("unknown placeholder %q; use {{deadline}} or {{year}}%s", m[0], hintEN))
		}
	}
	for _, m := range deadlines {
		if n, err := strconv.Atoi(m[1]); err == nil && !c.noDeadline && p.DeadlineDays != 0 && n != p.DeadlineDays {
			c.add(path, fmt.Sprintf("%q khác thời hạn conclusion_deadline_working_days (%d); hãy viết {{deadline}} ngày làm việc", m[0], p.DeadlineDays),
				fmt.Sprintf("%q differs from conclusion_deadline_working_days (%d); write {{deadline}} ngày làm việc", m[0], p.DeadlineDays))
		}
	}
	if _, err := document.ParseInline(p.Expand(s)); err != nil {
		c.add(path, "định dạng **đậm** / *nghiêng* không cân: "+err.Error(), "unbalanced **bold** / *italic* markup: "+err.Error())
	}
}

// forEachText calls f with the path and value of every printed text of the plan.
func (c *checker) forEachText(f func(path, s string)) {
	p := c.p
	text := func(path, s string) {
		if s != "" {
			f(path, s)
		}
	}
	text("title", p.Title)
	text("summary", p.Summary)
	text("bases.then", p.Bases.Then)
	for i, b := range p.Bases.Items {
		bp := fmt.Sprintf("bases.items[%d]", i)
		text(bp+".text", b.Text)
		text(bp+".subject", b.Subject)
	}
	blockTexts(p.Body, "body", text)
	for i, s := range p.Sessions {
		sp := fmt.Sprintf("sessions[%d]", i)
		text(sp+".heading", s.Heading)
		text(sp+".content", s.Content)
		text(sp+".participants", s.Participants)
		text(sp+".venue", s.Venue)
	}
	text("ad_hoc", p.AdHoc)
	text("closing", p.Closing)
}

// blockTexts calls f with the path and value of every text of the blocks bs at path, nested content included.
func blockTexts(bs []Block, path string, f func(path, s string)) {
	for i, b := range bs {
		bp := fmt.Sprintf("%s[%d]", path, i)
		for _, t := range []struct{ key, s string }{{"part", b.Part}, {"item", b.Item}, {"subitem", b.SubItem},
			{"paragraph", b.Paragraph}, {"bullet", b.Bullet}, {"text", b.Text}} {
			if t.s != "" {
				f(bp+"."+t.key, t.s)
			}
		}
		blockTexts(b.Content, bp+".content", f)
	}
}
