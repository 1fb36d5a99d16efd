package document_test

// One test per layout rule of docs/layout-rules.md, over the XML property that encodes it, for every State kind
// (plan, session notice, invitation, conclusion notice, follow-up report, reception schedule) and, where the
// rule is shared, for the Party documents of the examples.

import (
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/docxcheck"
	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/plan"
)

// rendered is one generated document of the corpora.
type rendered struct {
	name string // "state/invitation-q2"
	docx []byte
}

// para is a paragraph of word/document.xml: its style, direct indents and text ("\n" for a line break).
type para struct {
	style                           string
	left, right, hanging, firstLine int
	text                            string
}

func paras(t testing.TB, docx []byte) []para {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(docxcheck.Part(t, docx, "word/document.xml")))
	var out []para
	var cur *para
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				out = append(out, para{})
				cur = &out[len(out)-1]
			case "pStyle":
				cur.style = attr(e, "val")
			case "ind":
				if cur != nil {
					cur.left, _ = strconv.Atoi(attr(e, "left"))
					cur.right, _ = strconv.Atoi(attr(e, "right"))
					cur.hanging, _ = strconv.Atoi(attr(e, "hanging"))
					cur.firstLine, _ = strconv.Atoi(attr(e, "firstLine"))
				}
			case "t":
				inText = true
			case "br":
				cur.text += "\n"
			}
		case xml.EndElement:
			if e.Name.Local == "t" {
				inText = false
			}
		case xml.CharData:
			if inText && cur != nil {
				cur.text += string(e)
			}
		}
	}
	return out
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func withStyle(ps []para, style string) []para {
	var out []para
	for _, p := range ps {
		if p.style == style {
			out = append(out, p)
		}
	}
	return out
}

// style returns the <w:style> element of id in word/styles.xml.
func style(t testing.TB, docx []byte, id string) string {
	t.Helper()
	s := docxcheck.Part(t, docx, "word/styles.xml")
	i := strings.Index(s, `w:styleId="`+id+`"`)
	if i < 0 {
		t.Fatalf("no style %s", id)
	}
	j := strings.Index(s[i:], "</w:style>")
	return s[i : i+j]
}

// num returns the integer attribute attr of the first element elem in x.
func num(t testing.TB, x, elem, attr string) int {
	t.Helper()
	m := regexp.MustCompile(`<w:` + elem + `\b[^>]*\bw:` + attr + `="(-?\d+)"`).FindStringSubmatch(x)
	if m == nil {
		t.Fatalf("no w:%s/@w:%s in %s", elem, attr, x)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// stateDocs renders every State kind: the examples/phuong-2026 files and, beside them, a session notice and a
// follow-up report (testdata/state-kinds). extraPlan is appended to the plan file.
func stateDocs(t testing.TB, extraPlan string) []rendered {
	t.Helper()
	dir := t.TempDir()
	for _, src := range []string{"../examples/phuong-2026", "testdata/state-kinds"} {
		files, err := filepath.Glob(filepath.Join(src, "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Base(f) == "plan.yaml" {
				b = append(b, extraPlan...)
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return renderDir(t, dir, "state")
}

// partyDocs renders every Party document of the examples (told by the heading it prints).
func partyDocs(t testing.TB) []rendered {
	t.Helper()
	var out []rendered
	for _, d := range exampleDocs(t) {
		if sys, _ := document.DetectSystem(d.docx); sys == document.Party {
			out = append(out, d)
		}
	}
	return out
}

// exampleDocs renders every document of every directory of examples/.
func exampleDocs(t testing.TB) []rendered {
	t.Helper()
	dirs, err := filepath.Glob("../examples/*")
	if err != nil {
		t.Fatal(err)
	}
	var out []rendered
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			out = append(out, renderDir(t, dir, filepath.Base(dir))...)
		}
	}
	return out
}

func renderDir(t testing.TB, dir, label string) []rendered {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var out []rendered
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := label + "/" + strings.TrimSuffix(filepath.Base(f), ".yaml")
		switch notice.PeekKind(data) {
		case "plan":
			p, err := plan.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			b, err := p.Render()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, rendered{name, b})
		case "calendar-export", "office", "":
		default:
			outs, _, err := notice.RenderFile(notice.Options{}, f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, rendered{name, outs[0].Data})
		}
	}
	return out
}

func checkStateCorpus(t *testing.T, docs []rendered) {
	t.Helper()
	for _, k := range []string{"plan", "session", "invitation", "conclusion", "followup", "reception"} {
		found := false
		for _, d := range docs {
			found = found || strings.HasPrefix(strings.TrimPrefix(d.name, "state/"), k)
		}
		if !found {
			t.Fatalf("the State corpus lacks a %s", k)
		}
	}
}

// The trích yếu rule line: a drawn line 1/3 to 1/2 as long as the longest trích yếu line, centred, in a
// paragraph of its own below the trích yếu with space above it, so that it clears the descenders [P: NĐ 30].
func TestND30TrichYeuRuleIsAThirdToAHalfOfTheTrichYeu(t *testing.T) {
	docs := stateDocs(t, "")
	checkStateCorpus(t, docs)
	for _, d := range docs {
		ps := paras(t, d.docx)
		var sum, rule = -1, -1
		for i, p := range ps {
			switch p.style {
			case "VBSummary":
				sum = i
			case "VBTitleRule":
				if rule >= 0 {
					t.Errorf("%s: two trích yếu rules", d.name)
				}
				rule = i
			}
		}
		if sum < 0 || rule != sum+1 {
			t.Errorf("%s: the rule (paragraph %d) does not follow the trích yếu (paragraph %d)", d.name, rule, sum)
			continue
		}
		longest := 0
		for _, l := range strings.Split(ps[sum].text, "\n") {
			longest = max(longest, document.TextWidth(l, true, 28))
		}
		r := ps[rule]
		width := 9354 - r.left - r.right
		if r.left != r.right || width*3 < longest || width*2 > longest {
			t.Errorf("%s: rule %d twips (indents %d/%d) for a trích yếu line of %d twips; want 1/3–1/2, centred", d.name, width, r.left, r.right, longest)
		}
		st := style(t, d.docx, "VBTitleRule")
		if !strings.Contains(st, `<w:top w:val="single"`) || num(t, st, "spacing", "before") < 100 {
			t.Errorf("%s: VBTitleRule is not a top border with at least 5 pt above it: %s", d.name, st)
		}
	}
}

// The trích yếu of a State document starts with a capital ("Về công tác…") [P: NĐ 30]; a Party one keeps its
// lowercase start ("về việc…").
func TestND30TrichYeuStartsWithACapital(t *testing.T) {
	docs := stateDocs(t, "")
	checkStateCorpus(t, docs)
	for _, d := range docs {
		s := withStyle(paras(t, d.docx), "VBSummary")
		if len(s) != 1 {
			t.Fatalf("%s: %d trích yếu paragraphs", d.name, len(s))
		}
		if r, _ := utf8.DecodeRuneInString(s[0].text); !unicode.IsUpper(r) {
			t.Errorf("%s: trích yếu %q starts in lowercase", d.name, s[0].text)
		}
	}
	lower := 0
	for _, d := range partyDocs(t) {
		for _, s := range withStyle(paras(t, d.docx), "VBSummary") {
			if r, _ := utf8.DecodeRuneInString(s.text); unicode.IsLower(r) {
				lower++
			}
		}
	}
	if lower == 0 {
		t.Error("no Party trích yếu kept its lowercase start")
	}
}

// The "I."-level headings of State plans and reports are printed in capitals whatever was typed [P: NĐ 30].
func TestND30PartHeadingsInCapitals(t *testing.T) {
	docs := stateDocs(t, "")
	checkStateCorpus(t, docs)
	seen := 0
	for _, d := range docs {
		for _, p := range withStyle(paras(t, d.docx), "VBPart") {
			seen++
			if p.text != strings.ToUpper(p.text) {
				t.Errorf("%s: heading %q is not in capitals", d.name, p.text)
			}
		}
	}
	if seen < 4 {
		t.Errorf("only %d State part headings in the corpus", seen)
	}
	// A heading typed in lowercase, in every State type.
	for _, typ := range []string{"Kế hoạch", "Thông báo", "Báo cáo", "Giấy mời"} {
		d := stateDoc(typ)
		d.Body = []document.Block{{Kind: document.Part, Title: "mục đích, **yêu cầu**"}, {Kind: document.Paragraph, Text: "Nội dung."}}
		b, err := document.Render(d)
		if err != nil {
			t.Fatal(err)
		}
		if ps := withStyle(paras(t, b), "VBPart"); len(ps) != 1 || ps[0].text != "I. MỤC ĐÍCH, YÊU CẦU" {
			t.Errorf("%s: part heading %+v", typ, ps)
		}
	}
}

// stateDoc is a small State document of type typ.
func stateDoc(typ string) *document.Document {
	return &document.Document{
		System: document.State, Issuer: []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG AN HÒA"}, IssuerCode: "UBND",
		Type: typ, Number: 7, Place: "An Hòa", Date: calendar.NewDate(2026, 3, 5),
		Summary:    "về công tác tiếp công dân năm 2026",
		Body:       []document.Block{{Kind: document.Paragraph, Text: "Nội dung."}},
		Recipients: []document.Recipient{{Name: "Như trên"}},
		Archive:    "Lưu: VT, VP",
		Signature:  document.Signature{Mark: "TM.", Authority: "ỦY BAN NHÂN DÂN", Position: "Chủ tịch", Name: "Nguyễn Văn A"},
	}
}

// "Kính gửi:" with several recipients: each "- …;" on its own line, the dashes under the colon, a long one
// wrapping under its own text [P: NĐ 30].
func TestND30KinhGuiDashesUnderTheColon(t *testing.T) {
	check := func(name string, b []byte, want int) {
		t.Helper()
		ps := paras(t, b)
		lines := withStyle(ps, "VBAddresseeLine")
		if len(lines) != want {
			t.Fatalf("%s: %d addressee lines, want %d", name, len(lines), want)
		}
		head := withStyle(ps, "VBAddressee")
		if len(head) != 1 || head[0].text != "Kính gửi:" {
			t.Fatalf("%s: Kính gửi paragraphs %+v", name, head)
		}
		left := num(t, style(t, b, "VBAddressee"), "ind", "left")
		st := style(t, b, "VBAddresseeLine")
		colon := left + document.TextWidth("Kính gửi", false, 28)
		dash := document.TextWidth("- ", false, 28)
		if got := num(t, st, "ind", "left") - num(t, st, "ind", "hanging"); got < colon-15 || got > colon+15 {
			t.Errorf("%s: the dashes start at %d twips, the colon at %d", name, got, colon)
		}
		if got := num(t, st, "ind", "hanging"); got < dash-10 || got > dash+10 {
			t.Errorf("%s: hanging indent %d, want the width of \"- \" (%d)", name, got, dash)
		}
		for i, l := range lines {
			end := ";"
			if i == len(lines)-1 {
				end = "."
			}
			if !strings.HasPrefix(l.text, "- ") || !strings.HasSuffix(l.text, end) {
				t.Errorf("%s: addressee line %q", name, l.text)
			}
		}
	}
	docs := stateDocs(t, "")
	checkStateCorpus(t, docs)
	for _, d := range docs {
		if strings.Contains(d.name, "invitation") {
			check(d.name, d.docx, 2)
		}
	}
	for _, typ := range []string{"Kế hoạch", "Thông báo", "Báo cáo", "Giấy mời", "Công văn"} {
		d := stateDoc(typ)
		d.Addressees = []string{"Ủy ban Mặt trận Tổ quốc Việt Nam phường An Hòa", "Các khu phố", "Các cơ quan, đơn vị, trường học, doanh nghiệp và hộ kinh doanh trên địa bàn phường"}
		b, err := document.Render(d)
		if err != nil {
			t.Fatal(err)
		}
		check(typ, b, 3)
	}
}

// The last căn cứ line ends with "." [P: NĐ 30], the others with ";".
func TestND30LastBasisEndsWithAFullStop(t *testing.T) {
	docs := stateDocs(t, "")
	checkStateCorpus(t, docs)
	seen := 0
	for _, d := range docs {
		bs := withStyle(paras(t, d.docx), "VBBasis")
		for i, b := range bs {
			seen++
			end := ";"
			if i == len(bs)-1 {
				end = "."
			}
			if !strings.HasSuffix(b.text, end) {
				t.Errorf("%s: căn cứ %d of %d %q does not end with %q", d.name, i+1, len(bs), b.text, end)
			}
		}
	}
	if seen < 2 {
		t.Errorf("only %d căn cứ lines in the State corpus", seen)
	}
	for _, typ := range []string{"Kế hoạch", "Thông báo", "Báo cáo", "Giấy mời"} {
		d := stateDoc(typ)
		d.Body = []document.Block{{Kind: document.Basis, Text: "Căn cứ Luật A;"}, {Kind: document.Basis, Text: "Căn cứ Luật B;"},
			{Kind: document.Paragraph, Text: "Ủy ban nhân dân phường ban hành …"}}
		b, err := document.Render(d)
		if err != nil {
			t.Fatal(err)
		}
		if bs := withStyle(paras(t, b), "VBBasis"); len(bs) != 2 || bs[0].text != "Căn cứ Luật A;" || bs[1].text != "Căn cứ Luật B." {
			t.Errorf("%s: căn cứ lines %+v", typ, bs)
		}
	}
}

// The number of copies kept on the "Lưu:" line, optional [P: NĐ 30]: archive_copies in the plan, inherited by
// the notices that keep the plan's archive line.
func TestND30ArchiveCopiesOnTheLuuLine(t *testing.T) {
	docs := stateDocs(t, "\narchive_copies: 2\n")
	checkStateCorpus(t, docs)
	for _, d := range docs {
		rs := withStyle(paras(t, d.docx), "VBRecipient")
		if last := rs[len(rs)-1].text; last != "- Lưu: VT, VP (02b)." {
			t.Errorf("%s: archive line %q", d.name, last)
		}
	}
	for _, d := range stateDocs(t, "") {
		rs := withStyle(paras(t, d.docx), "VBRecipient")
		if last := rs[len(rs)-1].text; last != "- Lưu: VT, VP." {
			t.Errorf("%s without copies: archive line %q", d.name, last)
		}
	}
}

// The Khẩn / Thượng khẩn / Hỏa tốc stamp: capitals 13 pt bold, red, in a single red frame about 8 mm high,
// 20 mm wide for KHẨN [P: NĐ 30] (30 and 40 mm for the longer words, [U]).
func TestND30UrgencyStampRed20x8mm(t *testing.T) {
	widths := map[string]int{"KHẨN": 20, "HỎA TỐC": 30, "THƯỢNG KHẨN": 40}
	for _, typ := range []string{"Kế hoạch", "Thông báo", "Báo cáo", "Giấy mời"} {
		for mark, mm := range widths {
			d := stateDoc(typ)
			d.Urgency = strings.ToLower(mark)
			b, err := document.Render(d)
			if err != nil {
				t.Fatal(err)
			}
			us := withStyle(paras(t, b), "VBUrgency")
			if len(us) != 1 || us[0].text != mark {
				t.Fatalf("%s %s: urgency paragraphs %+v", typ, mark, us)
			}
			want := (mm*14400 + 127) / 254
			if w := 3742 - us[0].left - us[0].right; w < want-2 || w > want+2 || us[0].left != us[0].right {
				t.Errorf("%s %s: stamp %d twips wide (indents %d/%d), want %d (%d mm), centred", typ, mark, w, us[0].left, us[0].right, want, mm)
			}
			st := style(t, b, "VBUrgency")
			for _, side := range []string{"top", "left", "bottom", "right"} {
				if !regexp.MustCompile(`<w:` + side + ` w:val="single" w:sz="\d+" w:space="\d+" w:color="FF0000"/>`).MatchString(st) {
					t.Errorf("%s: no red %s border: %s", mark, side, st)
				}
			}
			if !strings.Contains(st, `<w:color w:val="FF0000"/>`) || !strings.Contains(st, "<w:b/>") || num(t, st, "sz", "val") != 26 {
				t.Errorf("%s: the stamp's text is not red 13 pt bold: %s", mark, st)
			}
			// Height: the exact line, the spaces above and below the text (pt) and the two borders (1/8 pt).
			h := num(t, st, "spacing", "line") + 20*(num(t, st, "top", "space")+num(t, st, "bottom", "space")) +
				20*(num(t, st, "top", "sz")+num(t, st, "bottom", "sz"))/8
			if h < 430 || h > 480 {
				t.Errorf("%s: stamp %d twips high, want about 8 mm (454)", mark, h)
			}
		}
	}
	// Party: the mark alone, no stamp.
	d := stateDoc("Kế hoạch")
	d.System, d.IssuerCode, d.Urgency = document.Party, "ĐU", "KHẨN"
	d.Signature.Mark = "T/M"
	b, err := document.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if us := withStyle(paras(t, b), "VBUrgency"); len(us) != 1 || us[0].text != "KHẨN" {
		t.Errorf("Party urgency %+v", us)
	}
}

// namePairs are syllable pairs a line break must never split.
var namePairs = []string{"Nhân dân", "nhân dân", "Chủ tịch", "Bí thư", "Ủy ban", "Thị ủy", "Đảng ủy", "công dân", "Hội nghị", "đối thoại", "trực tiếp", "Mặt trận"}

// Title and trích yếu lines are balanced: no line wider than the text allows, never a lone word on the last
// line, never a number or a Roman numeral alone at a line start, never a name split across lines.
func TestTitleAndTrichYeuLinesBalanced(t *testing.T) {
	docs := append(stateDocs(t, ""), exampleDocs(t)...)
	for _, d := range docs {
		for _, p := range paras(t, d.docx) {
			if p.style != "VBSummary" && p.style != "VBTitle" {
				continue
			}
			size := 28
			if p.style == "VBTitle" {
				size = 32
			}
			lines := strings.Split(p.text, "\n")
			for i, l := range lines {
				if w := document.TextWidth(l, true, size); w > 9354*9/10 {
					t.Errorf("%s: line %q is %d twips wide", d.name, l, w)
				}
				if i == 0 {
					continue
				}
				prev := strings.Fields(lines[i-1])
				words := strings.Fields(l)
				if r, _ := utf8.DecodeRuneInString(words[0]); unicode.IsDigit(r) {
					t.Errorf("%s: line %q starts with a number", d.name, l)
				}
				pair := prev[len(prev)-1] + " " + words[0]
				for _, n := range namePairs {
					if pair == n {
						t.Errorf("%s: %q split across lines %q / %q", d.name, n, lines[i-1], l)
					}
				}
				if i == len(lines)-1 && len(words) < 2 {
					t.Errorf("%s: lone word %q on the last line", d.name, l)
				}
			}
		}
	}
}

// A break typed in the YAML ("\n" in the trích yếu) is kept; each piece is balanced on its own.
func TestTrichYeuForcedBreak(t *testing.T) {
	d := stateDoc("Kế hoạch")
	d.Summary = "về công tác tiếp công dân\nnăm 2026"
	b, err := document.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if s := withStyle(paras(t, b), "VBSummary"); len(s) != 1 || s[0].text != "Về công tác tiếp công dân\nnăm 2026" {
		t.Errorf("trích yếu %+v", s)
	}
}

// The rule lines under the Quốc hiệu / Tiêu ngữ and the Party heading are drawn (a paragraph border, not a
// text underline) as long as their text; the State issuer's is 1/3–1/2 of the issuer's longest line; the Party
// issuer has a "*" and no line.
func TestRuleLinesDrawnUnderHeadings(t *testing.T) {
	type want struct {
		cell      int
		motto     string
		mottoSize int
	}
	check := func(name string, b []byte, w want, state bool) {
		t.Helper()
		doc := docxcheck.Part(t, b, "word/document.xml")
		head := doc[:strings.Index(doc, "</w:tbl>")]
		if strings.Contains(head, "<w:u ") {
			t.Errorf("%s: a text underline in the header block", name)
		}
		ps := paras(t, b)
		var rules []para
		var issuer []string
		for _, p := range ps {
			if p.style == "VBRule" {
				rules = append(rules, p)
			}
			if p.style == "VBIssuer" {
				issuer = append(issuer, p.text)
			}
		}
		heading := rules[len(rules)-1]
		tw := document.TextWidth(w.motto, true, w.mottoSize)
		if got := w.cell - heading.left - heading.right; got < tw-40 || got > tw+40 {
			t.Errorf("%s: the line under %q is %d twips, the text %d", name, w.motto, got, tw)
		}
		if state {
			if len(rules) != 2 {
				t.Fatalf("%s: %d rule lines in the header, want 2", name, len(rules))
			}
			longest := 0
			for _, l := range issuer {
				longest = max(longest, document.TextWidth(l, true, 26))
			}
			if got := 3742 - rules[0].left - rules[0].right; got*3 < longest || got*2 > longest {
				t.Errorf("%s: issuer line %d twips for an issuer line of %d", name, got, longest)
			}
		} else if len(rules) != 1 || len(withStyle(ps, "VBIssuerMark")) != 1 {
			t.Errorf("%s: Party header: %d rules, want 1 and a \"*\"", name, len(rules))
		}
		st := style(t, b, "VBRule")
		if !strings.Contains(st, `<w:top w:val="single"`) || num(t, st, "spacing", "before") < 100 {
			t.Errorf("%s: VBRule is not a top border with space above: %s", name, st)
		}
	}
	docs := stateDocs(t, "")
	checkStateCorpus(t, docs)
	for _, d := range append(docs, exampleDocs(t)...) {
		if sys, _ := document.DetectSystem(d.docx); sys == document.State {
			check(d.name, d.docx, want{5612, "Độc lập - Tự do - Hạnh phúc", 28}, true)
		} else {
			check(d.name, d.docx, want{4959, "ĐẢNG CỘNG SẢN VIỆT NAM", 30}, false)
		}
	}
}

// Nơi nhận items wrap under their own text: a hanging indent of the width of "- ".
func TestNoiNhanHangingIndent(t *testing.T) {
	for _, d := range append(stateDocs(t, ""), exampleDocs(t)...) {
		st := style(t, d.docx, "VBRecipient")
		dash := document.TextWidth("- ", false, num(t, st, "sz", "val"))
		if l, h := num(t, st, "ind", "left"), num(t, st, "ind", "hanging"); l != h || h < dash-10 || h > dash+10 {
			t.Errorf("%s: Nơi nhận indent left %d hanging %d, want both the width of \"- \" (%d)", d.name, l, h, dash)
		}
		for _, p := range withStyle(paras(t, d.docx), "VBRecipient") {
			if !strings.HasPrefix(p.text, "- ") {
				t.Errorf("%s: Nơi nhận item %q", d.name, p.text)
			}
		}
	}
}
