package notice

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/source"
)

// seedInput writes a YAML input next to nothing: its plan key is the absolute path of the seed's plan.
func seedInput(t *testing.T, name, body string) string {
	t.Helper()
	planPath, err := filepath.Abs(filepath.Join("..", "examples", "duc-pho-2023", "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(body, "PLAN", planPath)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// renderText renders an input and returns its paragraphs.
func renderText(t *testing.T, path string) string {
	t.Helper()
	outs, _, err := RenderFile(Options{}, path)
	if err != nil {
		t.Fatal(err)
	}
	return paragraphs(t, outs[0].Data)
}

const sessionHead = `kind: session
plan: PLAN
session: q2
document: {date: 2023-05-10}
announcer: Thường trực Thị ủy
held_on: 2023-05-17
start: "07:30"
end: "11:00"
chair: Đồng chí Nguyễn Kiên, Bí thư Thị ủy
participants: [Các đồng chí Ủy viên Ban Thường vụ Thị ủy, Đại diện Nhân dân các phường]
recipients: [Các thành phần mời]
`

// TestPlaceholdersInBlocks is the contract: a placeholder in a before, after or body block prints the computed
// value; a bullet holding only a list placeholder prints one bullet per entry.
func TestPlaceholdersInBlocks(t *testing.T) {
	text := renderText(t, seedInput(t, "s.yaml", sessionHead+`before:
  - paragraph: "Hội nghị tổ chức vào {{day_long}}, {{hours}}; ý kiến gửi từ {{opinions_from}} đến {{opinions_to}}."
after:
  - item: Thành phần
    content:
      - bullet: "{{participants}}"
  - paragraph: "Thông báo kết luận ban hành chậm nhất ngày {{conclusion_deadline}} ({{conclusion_days}} ngày làm việc)."
`))
	for _, want := range []string{
		"Hội nghị tổ chức vào thứ Tư, ngày 17/5/2023, Từ 07 giờ 30 đến 11 giờ 00; ý kiến gửi từ 28/4/2023 đến 15/5/2023.",
		"- Các đồng chí Ủy viên Ban Thường vụ Thị ủy\n- Đại diện Nhân dân các phường\n",
		"Thông báo kết luận ban hành chậm nhất ngày 26/5/2023 (07 ngày làm việc).",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	body := renderText(t, seedInput(t, "b.yaml", strings.Replace(sessionHead, "chair: Đồng chí Nguyễn Kiên, Bí thư Thị ủy\n", "", 1)+`body:
  - part: Thời gian
    text: "{{hours}}, {{day_long}}"
`))
	if !strings.Contains(body, "Thời gian: Từ 07 giờ 30 đến 11 giờ 00, thứ Tư, ngày 17/5/2023") {
		t.Errorf("body placeholder not expanded:\n%s", body)
	}
}

// TestSwitches rewords and switches off generated pieces: a heading off, the closing off, the opinion window
// reworded, the numbering off.
func TestSwitches(t *testing.T) {
	text := renderText(t, seedInput(t, "s.yaml", sessionHead+`headings:
  chair: false
  participants: "Thành phần tham dự:"
wording:
  opinions_text: Ý kiến gửi về Ban Dân vận Thị ủy đến hết ngày {{opinions_to}}.
closing: false
numbering: false
`))
	for _, want := range []string{"Thành phần tham dự:", "Ý kiến gửi về Ban Dân vận Thị ủy đến hết ngày 15/5/2023.",
		"Nội dung: Đổi thoại"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	for _, not := range []string{"Chủ trì", "trân trọng thông báo và kính mời", "1. ", "2. "} {
		if strings.Contains(text, not) {
			t.Errorf("has %q:\n%s", not, text)
		}
	}
}

// TestWordingErrors: an unknown placeholder at its line and column with the nearest name, an empty value, a
// piece that cannot be switched off, an unknown wording key.
func TestWordingErrors(t *testing.T) {
	path := seedInput(t, "bad.yaml", sessionHead+`before:
  - paragraph: "Ngày {{day}} ({{weekdya}})."
closing: ""
summary: ""
wording:
  clossing: Xin cảm ơn.
  opinions_text: false
`)
	_, err := Load(Options{}, path)
	var es source.Errors
	if !errors.As(err, &es) {
		t.Fatalf("want source.Errors, got %v", err)
	}
	got := es.Error()
	for _, want := range []string{
		"bad.yaml:13:31: before[0].paragraph: chỗ thay thế không có \"{{weekdya}}\"; có phải ý bạn là \"weekday\"?",
		"did you mean \"weekday\"?",
		"bad.yaml:14:10: closing:",
		"an empty string has no effect",
		"bad.yaml:15:10: summary: giá trị trống không có tác dụng",
		"wording.clossing: khóa không hợp lệ \"clossing\" trong wording; có phải ý bạn là \"closing\"?",
		"wording.opinions_text: \"opinions_text\" không bỏ được (false)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
}

// TestConclusionShapes: a petition without a named citizen, a due date written inside the task, and
// {{due.ID}} in a general conclusion.
func TestConclusionShapes(t *testing.T) {
	text := renderText(t, seedInput(t, "c.yaml", `kind: conclusion
plan: PLAN
session: q1
held_on: 2023-03-15
document: {date: 2023-03-22}
announcer: Thường trực Thị ủy
petitions:
  - text: nhiều ý kiến phản ánh tình trạng xe tải chở đất làm hư hỏng tuyến đường liên xã
    answer: Giao cơ quan chức năng kiểm tra, xử lý
    assignments:
      - id: w-1
        body: Ủy ban nhân dân thị xã
        task: chỉ đạo kiểm tra, xử lý nghiêm các trường hợp vi phạm, trả lời công dân trước ngày {{due}}
        due_working_days: 10
  - who: Ông Nguyễn Văn A
    text: đề nghị sửa chữa cầu tràn
conclusions:
  - Ủy ban nhân dân thị xã báo cáo kết quả trước ngày {{due.w-1}}
recipients: [Ủy ban nhân dân thị xã]
`))
	for _, want := range []string{
		"1. Nhiều ý kiến phản ánh tình trạng xe tải chở đất làm hư hỏng tuyến đường liên xã.\n",
		"Giao Ủy ban nhân dân thị xã: chỉ đạo kiểm tra, xử lý nghiêm các trường hợp vi phạm, trả lời công dân trước ngày 05/4/2023.\n",
		"2. Ông Nguyễn Văn A: đề nghị sửa chữa cầu tràn.\n",
		"- Ủy ban nhân dân thị xã báo cáo kết quả trước ngày 05/4/2023.\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
}

// TestNotIssued: the assignments of a conclusion notice without a date are "not issued yet", not in progress.
func TestNotIssued(t *testing.T) {
	path := seedInput(t, "c.yaml", `kind: conclusion
plan: PLAN
session: q1
held_on: 2023-03-15
announcer: Thường trực Thị ủy
report_to: Thường trực Thị ủy
assignments:
  - {id: n-1, body: Ủy ban nhân dân thị xã, task: kiểm tra}
recipients: [Ủy ban nhân dân thị xã]
`)
	s, err := Load(Options{}, path)
	if err != nil {
		t.Fatal(err)
	}
	ss := s.Statuses(s.Conclusions[0].HeldOn)
	if len(ss) != 1 || ss[0].State != NotIssued || !strings.Contains(ss[0].Describe(), "Chưa ban hành") {
		t.Errorf("statuses %+v", ss)
	}
}

// TestMovedSession: a session held in another month than the plan's is a warning stating the new day, and an
// opinion window given to open before the notice's date is a warning.
func TestMovedSession(t *testing.T) {
	path := seedInput(t, "s.yaml", strings.Replace(sessionHead, "held_on: 2023-05-17", "held_on: 2023-06-07", 1)+
		"opinions: {from: 2023-05-02, to: 2023-06-02}\n")
	outs, warns, err := RenderFile(Options{}, path)
	if err != nil || len(outs) != 1 {
		t.Fatal(err)
	}
	got := warns.Error()
	for _, want := range []string{
		"s.yaml:6:10: held_on: buổi q2 lùi sang thứ Tư, ngày 07/6/2023 (kế hoạch: Tháng 5/2023) / session q2 is postponed to 2023-06-07 (the plan says 2023-05)",
		"s.yaml:12:18: opinions.from: thời gian tiếp nhận ý kiến bắt đầu ngày 02/5/2023, trước ngày của thông báo này (10/5/2023)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
}

// TestReadmeWording renders the README's "Our office words it differently" snippet in a session notice.
func TestReadmeWording(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "## Our office words it differently")
	_, rest, ok2 := strings.Cut(rest, "```yaml\n")
	snippet, _, ok3 := strings.Cut(rest, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("README: no YAML snippet under \"Our office words it differently\"")
	}
	text := renderText(t, seedInput(t, "s.yaml", sessionHead+snippet))
	for _, want := range []string{"Thành phần tham dự:", "Căn cứ Kế hoạch ngày 15/02/2023", "từ ngày 28/4/2023 đến hết ngày 15/5/2023",
		"gửi báo cáo trước ngày 12/5/2023.", "Đề nghị các đồng chí có tên trên đến dự đúng giờ./."} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Chủ trì") {
		t.Errorf("the chair item is not switched off:\n%s", text)
	}
}

// BenchmarkWordedConclusion builds the provincial conclusion notice worded with wording:, headings: and
// placeholders (examples/ubnd-tinh-2026), the facts computed and the texts expanded on each build.
func BenchmarkWordedConclusion(b *testing.B) {
	s, err := Load(Options{}, filepath.Join("..", "examples", "ubnd-tinh-2026", "ket-luan-dt-03.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	c := s.Conclusions[0]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Document(s.Cal); err != nil {
			b.Fatal(err)
		}
	}
}
