package plan

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/problem"
)

var update = flag.Bool("update", false, "rewrite the golden files (schema, invalid-plan errors)")

const schemaFile = "../schema/plan.schema.json"

func TestJSONSchema(t *testing.T) {
	got := JSONSchema()
	if *update {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run go generate ./plan (go test ./plan -run TestJSONSchema -update)", schemaFile)
	}
}

// TestInvalidCorpus checks the errors of each broken plan in testdata/invalid against its .golden file.
func TestInvalidCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*.yaml")
	if len(files) == 0 {
		t.Fatal("no broken plans")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, err := Load(f)
			if err == nil {
				t.Fatal("no error")
			}
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(f, ".yaml") + ".golden"
			if *update {
				os.WriteFile(golden, []byte(got), 0o644)
			}
			want, _ := os.ReadFile(golden)
			if got != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
				if !strings.HasPrefix(line, f+":") || !strings.Contains(line, " / ") {
					t.Errorf("line without position or both languages: %q", line)
				}
			}
		})
	}
}

func TestExamples(t *testing.T) {
	for _, f := range []string{"../examples/duc-pho-2023/plan.yaml", "../examples/phuong-2026/plan.yaml"} {
		p, err := Load(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := p.Document()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Render(); err != nil {
			t.Fatal(err)
		}
		if _, ok := p.Session("q1"); !ok {
			t.Errorf("%s: no session q1", f)
		}
		_ = d
	}
}

func TestStateExample(t *testing.T) {
	p, err := Load("../examples/phuong-2026/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Document()
	if err != nil {
		t.Fatal(err)
	}
	if got := d.NumberLine(); got != "Số: 15/KH-UBND" {
		t.Errorf("number line %q", got)
	}
	if d.Body[0].Kind != document.Basis || d.Body[0].Text != "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025;" {
		t.Errorf("first basis %+v", d.Body[0])
	}
	if d.Body[4].Kind != document.Paragraph || !strings.HasSuffix(d.Body[4].Text, "năm 2026 như sau:") {
		t.Errorf("then %+v", d.Body[4])
	}
	docx, _ := p.Render()
	lines := strings.Join(docxLines(t, docx), "\n")
	for _, want := range []string{"I. MỤC ĐÍCH, YÊU CẦU", "- Thời gian: 08 giờ 00, ngày 19/3/2026.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
		"- Lưu: VT, VP.", "trong thời hạn 10 ngày làm việc"} {
		if !strings.Contains(lines, want) {
			t.Errorf("rendered State plan lacks %q", want)
		}
	}
}

func TestSeedIntro(t *testing.T) {
	p, err := Load("../examples/duc-pho-2023/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := "Thực hiện Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân; Quyết định số 879-QĐ/TU ngày 14/01/2022 của Ban Thường vụ Thị ủy ban hành Quy chế Bí thư Thị ủy tiếp công dân, đối thoại trực tiếp với công dân và xử lý những khiếu nại, tố cáo, kiến nghị, phản ánh của công dân, Ban Thường vụ Thị ủy ban hành Kế hoạch đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm 2023, cụ thể như sau:"
	if got := p.Intro(); got != want {
		t.Errorf("intro\n got %q\nwant %q", got, want)
	}
	if p.Year() != 2023 || p.Deadline() != 7 || len(p.Sessions) != 4 {
		t.Errorf("year %d deadline %d sessions %d", p.Year(), p.Deadline(), len(p.Sessions))
	}
	s, ok := p.Session("q2")
	if !ok || s.Time.String() != "2023-05" || s.Time.Vietnamese() != "Tháng 5/2023" || p.SessionPath("q2") != "sessions[1]" {
		t.Errorf("session q2: %+v", s)
	}
}

// base is a small valid plan; the rule tests change one line of it.
const base = `kind: plan
issuer:
  system: party
  superior: [ĐẢNG BỘ TỈNH X]
  name: [THỊ ỦY Y]
  code: TU
  place: Y
document:
  type: Kế hoạch
  date: 2023-02-15
summary: đối thoại năm {{year}}
conclusion_deadline_working_days: 7
body:
  - part: Nội dung
    content:
      - sessions: true
  - part: Tổ chức thực hiện
    content:
      - item: Văn phòng
        text: trong thời hạn {{deadline}} ngày làm việc
sessions:
  - id: q1
    quarter: 1
    content: a
    participants: b
    time: 2023-03
    venue: c
  - id: q2
    quarter: 2
    content: a
    participants: b
    time: 2023-05-10 08:00
    venue: c
recipients: [A (báo cáo), B]
archive: Lưu Văn phòng
signature: {mark: T/M, authority: BAN THƯỜNG VỤ, position: BÍ THƯ, name: N}
`

func TestRules(t *testing.T) {
	if _, err := Parse("p.yaml", []byte(base)); err != nil {
		t.Fatalf("base plan: %v", err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"quarter matches month", "quarter: 2", "quarter: 3", "p.yaml:29:14: sessions[1].quarter: quý 3 không khớp với tháng 5 (thuộc quý 2) / quarter 3 does not match month 5 (quarter 2)"},
		{"time in year", "time: 2023-05-10 08:00", "time: 2024-05-10 08:00", "p.yaml:32:11: sessions[1].time: thời gian 2024-05-10 08:00 không thuộc năm của kế hoạch (2023); nếu kế hoạch là của năm 2024 (ban hành cuối năm trước), ghi year: 2024 / time 2024-05-10 08:00 is not in the plan's year (2023); if the plan is for 2024 (issued at the end of the year before), write year: 2024"},
		{"unique ids", "id: q2", "id: q1", "p.yaml:28:9: sessions[1].id: mã buổi đối thoại \"q1\" bị trùng với sessions[0] / session id \"q1\" is already used by sessions[0]"},
		{"date before first session", "date: 2023-02-15", "date: 2023-04-01", "p.yaml:10:9: document.date: ngày văn bản (2023-04-01) phải trước buổi đối thoại đầu tiên (2023-03) / the document date (2023-04-01) must come before the first session (2023-03)"},
		{"order", "time: 2023-03\n", "time: 2023-06\n", "sessions must be in order of time"},
		{"mark of system", "mark: T/M", "mark: TM.", "p.yaml:36:19: signature.mark: \"TM.\" không phải quyền hạn ký của văn bản hệ thống party; văn bản hệ thống này ghi \"T/M\" (các quyền hạn ký: T/M, K/T, T/L) / \"TM.\" is not an authority mark of party documents; they write it \"T/M\" (marks: T/M, K/T, T/L)"},
		{"mark without its dot", "mark: T/M", "mark: TM", "p.yaml:36:19: signature.mark: \"TM\" không phải quyền hạn ký của văn bản hệ thống party; văn bản hệ thống này ghi \"T/M\""},
		{"unknown mark", "mark: T/M", "mark: XY", "p.yaml:36:19: signature.mark: \"XY\" không phải quyền hạn ký của văn bản hệ thống party; dùng: T/M, K/T, T/L"},
		{"mark needs authority", "authority: BAN THƯỜNG VỤ, ", "", "signature.authority:"},
		{"type known", "type: Kế hoạch", "type: Công điện", "document.type: loại văn bản \"Công điện\" không có trong bảng"},
		{"system", "system: party", "system: church", "issuer.system: giá trị \"church\" không hợp lệ; chỉ được là một trong: party, state"},
		{"placeholder", "{{year}}", "{{nam}}", "p.yaml:11:10: summary: chỗ thay thế không hợp lệ \"{{nam}}\""},
		{"literal deadline", "{{deadline}} ngày", "05 ngày", "\"05 ngày làm việc\" differs from conclusion_deadline_working_days (7)"},
		{"markup", "content: a\n    participants: b\n    time: 2023-03", "content: '**a'\n    participants: b\n    time: 2023-03", "sessions[0].content: định dạng **đậm** / *nghiêng* không cân"},
		{"no sessions block", "      - sessions: true\n", "      - paragraph: x\n", "body: body cần một khối \"sessions: true\""},
		{"two kinds", "      - sessions: true\n", "      - sessions: true\n        bullet: x\n", "khối chỉ được có một trong: bullet, sessions"},
		{"subitem outside item", "      - sessions: true\n", "      - sessions: true\n      - subitem: x\n", "body[0].content[1].subitem: tiểu mục (subitem) phải nằm trong một mục (item)"},
		{"archive in recipients", "[A (báo cáo), B]", "[A (báo cáo), Lưu VP]", "recipients[1]: dòng lưu trữ ghi ở khóa archive"},
		{"numbered needs date", "  date: 2023-02-15\n", "  number: 5\nyear: 2023\n", "document.date: văn bản đã có số thì phải có ngày ban hành"},
		{"year missing", "  date: 2023-02-15\n", "", "year: thiếu năm của kế hoạch"},
		{"bad time", "time: 2023-03\n", "time: 2023-13\n", "sessions[0].time: thời gian không hợp lệ \"2023-13\""},
		{"bad date", "date: 2023-02-15", "date: 2023-02-30", "p.yaml:10:9: document.date: ngày không hợp lệ \"2023-02-30\""},
		{"deadline required", "conclusion_deadline_working_days: 7\n", "", "conclusion_deadline_working_days: thiếu giá trị bắt buộc"},
		{"output readable", "kind: plan\n", "kind: plan\noutput: ../../x.docx\n", `p.yaml:2:9: output: không được chứa ký tự "/", "\" / must not contain the characters "/", "\"`},
		{"control character", "content: a\n    participants: b\n    time: 2023-03", "content: \"Lắng\\x01 nghe.\"\n    participants: b\n    time: 2023-03", "p.yaml:24:14: sessions[0].content: văn bản chứa ký tự điều khiển U+0001 ở ký tự thứ 5"},
		{"control character in a recipient", "[A (báo cáo), B]", "[A (báo cáo), {name: \"B\\x1f\"}]", "p.yaml:34:34: recipients[1].name: văn bản chứa ký tự điều khiển U+001F"},
		{"block without sessions", "sessions:\n  - id: q1", "other:\n  - id: q1", "p.yaml:16:19: body[0].content[0].sessions: khối \"sessions: true\" in các buổi đối thoại, nhưng kế hoạch không có buổi nào (sessions)"},
		{"sessions without block", "      - sessions: true\n", "      - paragraph: Thời gian cụ thể sẽ có thông báo sau.\n", "body: body cần một khối \"sessions: true\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Replace(base, tt.old, tt.new, 1)
			if in == base {
				t.Fatalf("replacement %q not found", tt.old)
			}
			_, err := Parse("p.yaml", []byte(in))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("errors:\n%v\nwant a line containing\n%s", err, tt.want)
			}
			if _, ok := err.(problem.List); !ok {
				t.Errorf("error type %T", err)
			}
		})
	}
}

func TestAllErrorsAtOnce(t *testing.T) {
	in := strings.NewReplacer("quarter: 2", "quarter: 3", "id: q2", "id: q1", "{{year}}", "{{x}}").Replace(base)
	_, err := Parse("p.yaml", []byte(in))
	if n := len(err.(problem.List)); n != 3 {
		t.Errorf("%d errors, want 3:\n%v", n, err)
	}
}

func TestParseTime(t *testing.T) {
	for in, want := range map[string]string{"2023-03": "Tháng 3/2023", "2023-03-05": "Ngày 05/3/2023", "2023-01-05 7:30": "07 giờ 30, ngày 05/01/2023"} {
		tm, err := ParseTime(in)
		if err != nil || tm.Vietnamese() != want {
			t.Errorf("ParseTime(%q) = %q, %v; want %q", in, tm.Vietnamese(), err, want)
		}
	}
	for _, in := range []string{"2023", "2023-3", "2023-02-29", "2023-01-01 24:00", "March"} {
		if _, err := ParseTime(in); err == nil {
			t.Errorf("ParseTime(%q): no error", in)
		}
	}
}

func TestRecipientForms(t *testing.T) {
	in := strings.Replace(base, "[A (báo cáo), B]", "\n  - {name: A, note: báo cáo}\n  - B (để biết),\n", 1)
	p, err := Parse("p.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(p.Recipients) != "[{A báo cáo} {B để biết}]" {
		t.Errorf("recipients %v", p.Recipients)
	}
}

func ExampleParse() {
	_, err := Parse("plan.yaml", []byte(strings.Replace(base, "quarter: 2", "quarter: 3", 1)))
	fmt.Println(err)
	// Output:
	// plan.yaml:29:14: sessions[1].quarter: quý 3 không khớp với tháng 5 (thuộc quý 2) / quarter 3 does not match month 5 (quarter 2)
}

func ExampleLoad() {
	p, err := Load("../examples/duc-pho-2023/plan.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := p.Document()
	fmt.Println(d.NumberLine())
	fmt.Println(d.DateLine())
	for _, s := range p.Sessions {
		fmt.Println(s.ID, s.HeadingText(), s.Time.Vietnamese())
	}
	// Output:
	// Số      -KH/TU
	// Đức Phổ, ngày 15 tháng 02 năm 2023
	// q1 Quý I/2023 Tháng 3/2023
	// q2 Quý II/2023 Tháng 5/2023
	// q3 Quý III/2023 Tháng 7/2023
	// q4 Quý IV/2023 Tháng 10/2023
}

// withoutSessions is base with its sessions to be announced later.
var withoutSessions = strings.NewReplacer(
	"      - sessions: true\n", "      - paragraph: Thời gian, địa điểm cụ thể sẽ có thông báo sau.\n",
	base[strings.Index(base, "sessions:\n  - id: q1"):strings.Index(base, "recipients:")], "",
).Replace(base)

func TestPlanWithoutSessions(t *testing.T) {
	p, err := Parse("p.yaml", []byte(withoutSessions))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sessions) != 0 {
		t.Fatalf("sessions %v", p.Sessions)
	}
	docx, err := p.Render()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Join(docxLines(t, docx), "\n")
	if !strings.Contains(lines, "Thời gian, địa điểm cụ thể sẽ có thông báo sau.") {
		t.Errorf("rendered plan lacks the paragraph:\n%s", lines)
	}
	// ad_hoc has nowhere to go without sessions.
	_, err = Parse("p.yaml", []byte(withoutSessions+"ad_hoc: Ngoài ra, đối thoại đột xuất.\n"))
	if err == nil || !strings.Contains(err.Error(), "p.yaml:24:9: ad_hoc: ad_hoc được in sau các buổi đối thoại, nhưng kế hoạch không có buổi nào (sessions)") {
		t.Errorf("ad_hoc without sessions: %v", err)
	}
	// "sessions: []" is the same as no sessions.
	if _, err := Parse("p.yaml", []byte(withoutSessions+"sessions: []\n")); err != nil {
		t.Errorf("sessions: []: %v", err)
	}
}

func TestAliasesInRecipients(t *testing.T) {
	in := strings.Replace(base, "archive: Lưu Văn phòng", "archive: &a0 Lưu Văn phòng", 1)
	in = strings.Replace(in, "[A (báo cáo), B]", "\n  - {name: &n Ban Dân vận, note: &b báo cáo}\n  - {name: *n, note: *b}\n  - &r {name: C, note: để biết}\n  - *r\n", 1)
	p, err := Parse("p.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(p.Recipients); got != "[{Ban Dân vận báo cáo} {Ban Dân vận báo cáo} {C để biết} {C để biết}]" {
		t.Errorf("recipients %s", got)
	}
}

func TestWarningsDayOff(t *testing.T) {
	for _, tt := range []struct{ time, want string }{
		{"2023-05-10 08:00", ""},
		{"2023-05-01 08:00", "p.yaml:32:11: sessions[1].time: ngày 01/5/2023 (thứ Hai) không phải ngày làm việc"},
		{"2023-05-14", "p.yaml:32:11: sessions[1].time: ngày 14/5/2023 (Chủ nhật) không phải ngày làm việc: Chủ nhật; chọn ngày làm việc khác cho buổi đối thoại q2 / 2023-05-14 (Sunday) is not a working day (Chủ nhật); choose a working day for session q2"},
		{"2023-05", ""},
	} {
		p, err := Parse("p.yaml", []byte(strings.Replace(base, "time: 2023-05-10 08:00", "time: "+tt.time, 1)))
		if err != nil {
			t.Fatal(err)
		}
		got := p.Warnings(nil).Error()
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("%s: warnings %q, want %q", tt.time, got, tt.want)
		}
	}
	// 2026: the compensatory day off after 30/4 (27/4, for Giỗ Tổ on a Sunday) and Quốc khánh.
	in := strings.NewReplacer("2023-02-15", "2026-02-15", "time: 2023-03", "time: 2026-04-27 08:00", "time: 2023-05-10 08:00", "time: 2026-09-02").Replace(base)
	in = strings.Replace(in, "quarter: 1", "quarter: 2", 1)
	in = strings.Replace(in, "quarter: 2\n    content: a\n    participants: b\n    time: 2026-09-02", "quarter: 3\n    content: a\n    participants: b\n    time: 2026-09-02", 1)
	p, err := Parse("p.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	// A Thị ủy in 2026: the district level was abolished on 01/7/2025 (document/rules.yaml).
	ws := p.Warnings(nil)
	if len(ws) != 3 || ws[0].Path != "issuer.name" || !strings.Contains(ws[0].Error(), "cấp huyện không còn từ ngày 01/7/2025") ||
		ws[1].Path != "sessions[0].time" || ws[2].Path != "sessions[1].time" {
		t.Errorf("warnings %v", ws)
	}
	// A commune Party committee in 2026: only the days off.
	p, err = Parse("p.yaml", []byte(strings.Replace(in, "name: [THỊ ỦY Y]", "name: [ĐẢNG ỦY XÃ Y]", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if ws := p.Warnings(nil); len(ws) != 2 || ws[0].Path != "sessions[0].time" || ws[1].Path != "sessions[1].time" {
		t.Errorf("warnings %v", ws)
	}
}

// TestSessionsBeyondQuarters: sessions that are not a quarter's (a monthly one, headed by its month), a cycle
// across the year end (a session in January of the next year), and a plan made in December for the next year
// with year:.
func TestSessionsBeyondQuarters(t *testing.T) {
	monthly := strings.Replace(base, "    quarter: 2\n", "", 1)
	p, err := Parse("p.yaml", []byte(monthly))
	if err != nil {
		t.Fatalf("a session without quarter: %v", err)
	}
	if h := p.Sessions[1].HeadingText(); h != "Tháng 5/2023" {
		t.Errorf("heading %q, want Tháng 5/2023", h)
	}
	across := strings.Replace(strings.Replace(base, "quarter: 2", "quarter: 1", 1), "time: 2023-05-10 08:00", "time: 2024-01-10 08:00", 1)
	if _, err := Parse("p.yaml", []byte(across)); err != nil {
		t.Errorf("a cycle across the year end: %v", err)
	}
	december := strings.Replace(strings.Replace(strings.Replace(base, "date: 2023-02-15", "date: 2023-12-20", 1),
		"time: 2023-03\n", "time: 2024-03\n", 1), "time: 2023-05-10 08:00", "time: 2024-05-10 08:00", 1)
	_, err = Parse("p.yaml", []byte(december))
	if err == nil || !strings.Contains(err.Error(), "write year: 2024") {
		t.Errorf("a December plan for the next year without year: %v", err)
	}
	if _, err := Parse("p.yaml", []byte(strings.Replace(december, "kind: plan\n", "kind: plan\nyear: 2024\n", 1))); err != nil {
		t.Errorf("with year: 2024: %v", err)
	}
	// Every session outside the plan's year names year:, whether the plan gives it or takes it from its date.
	for _, tc := range []struct{ name, text, want string }{
		{"year given", strings.Replace(strings.Replace(base, "kind: plan\n", "kind: plan\nyear: 2023\n", 1), "time: 2023-05-10 08:00", "time: 2025-05-10 08:00", 1), "correct year: or the session's time"},
		{"year from the date", strings.Replace(base, "time: 2023-05-10 08:00", "time: 2022-05-10 08:00", 1), "or write year: with the plan's year"},
	} {
		_, err := Parse("p.yaml", []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "year:") || !strings.Contains(err.Error(), "sessions[1].time") {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// TestPlanWording rewords the generated parts of a plan (plan/wording.yaml) and switches a bullet off; an
// unknown key, false on a piece that cannot be left out and an unknown placeholder are errors.
func TestPlanWording(t *testing.T) {
	src := strings.Replace(base, "kind: plan\n", `kind: plan
wording:
  session_heading: "Đợt {{quarter}} năm {{session_year}}"
  participants: false
  time: "Thời gian dự kiến: {{time}} ({{year}})."
  bases_lead: Căn cứ
`, 1)
	p, err := Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Document()
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, b := range d.Body {
		text = append(text, b.Title+"|"+b.Text)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"Đợt I năm 2023|", "|Thời gian dự kiến: Tháng 3/2023 (2023).", "|Nội dung: a"} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "Đối tượng") {
		t.Errorf("the participants bullet is not switched off:\n%s", all)
	}
	if p.BasesLead() != "Căn cứ" {
		t.Errorf("bases lead %q", p.BasesLead())
	}
	bad := strings.Replace(base, "kind: plan\n", "kind: plan\nwording:\n  headng: x\n  bases_lead: false\n  venue: \"{{place}}\"\n", 1)
	_, err = Parse("p.yaml", []byte(bad))
	for _, want := range []string{"wording.headng: khóa không hợp lệ", "wording.bases_lead: \"bases_lead\" không bỏ được", "wording.venue: chỗ thay thế không hợp lệ \"{{place}}\""} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("lacks %q: %v", want, err)
		}
	}
}
