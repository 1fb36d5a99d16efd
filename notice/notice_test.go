package notice

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/docxcheck"
	"github.com/vanban/vanban/problem"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const example = "../examples/duc-pho-2023"

// paragraphs returns the text of each non-empty paragraph of a .docx's document.xml, one per line (<w:br/> as
// " / ", <w:tab/> as a tab).
func paragraphs(t *testing.T, docx []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var xml []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			xml, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	paraRE := regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`)
	tokRE := regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:br/>|<w:tab/>`)
	unescape := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")
	var out strings.Builder
	for _, p := range paraRE.FindAll(xml, -1) {
		var line strings.Builder
		for _, m := range tokRE.FindAllSubmatch(p, -1) {
			switch {
			case bytes.HasPrefix(m[0], []byte("<w:br")):
				line.WriteString(" / ")
			case bytes.HasPrefix(m[0], []byte("<w:tab")):
				line.WriteString("\t")
			default:
				line.WriteString(unescape.Replace(string(m[1])))
			}
		}
		if s := strings.TrimSpace(line.String()); s != "" {
			out.WriteString(s + "\n")
		}
	}
	return out.String()
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./notice -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./notice -update, then review the diff):\n--- got ---\n%s", path, got)
	}
}

// TestRenderGolden renders every input of the example and of testdata/state, compares the text with the golden
// files and runs the .docx through the Open XML validator and LibreOffice (skipped without them unless
// VANBAN_REQUIRE_TOOLS=1).
func TestRenderGolden(t *testing.T) {
	inputs := []string{
		"session-q1.yaml", "session-q2.yaml", "session-q3.yaml", "session-q4.yaml",
		"conclusion-q1.yaml", "followup-2023-04-20.yaml", "reception-2023.yaml", "calendar.yaml",
	}
	var files []string
	for _, f := range inputs {
		files = append(files, filepath.Join(example, f))
	}
	files = append(files, "testdata/state/conclusion-q1.yaml", "testdata/state/reception-2026.yaml",
		"testdata/state/invitation-q2.yaml", "testdata/state/calendar.yaml")
	dir := t.TempDir()
	for _, f := range files {
		t.Run(filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f), func(t *testing.T) {
			outs, warns, err := RenderFile(Options{}, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("unexpected warnings: %v", warns)
			}
			if len(outs) != 1 {
				t.Fatalf("%d outputs", len(outs))
			}
			o := outs[0]
			prefix := filepath.Base(filepath.Dir(f)) + "-"
			again, _, err := RenderFile(Options{}, f)
			if err != nil || !bytes.Equal(again[0].Data, o.Data) {
				t.Error("rendering twice gives different bytes")
			}
			if strings.HasSuffix(o.Name, ".ics") {
				text := strings.ReplaceAll(string(o.Data), "\r\n", "\n")
				golden(t, prefix+o.Name, text)
				return
			}
			text := paragraphs(t, o.Data)
			if !norm.NFC.IsNormalString(text) {
				t.Error("document text is not NFC")
			}
			golden(t, prefix+strings.TrimSuffix(o.Name, ".docx")+".txt", text)
			path := filepath.Join(dir, prefix+o.Name)
			if err := os.WriteFile(path, o.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			docxcheck.Validate(t, path)
			if pdf := docxcheck.ConvertPDF(t, path); pdf != "" {
				if txt := docxcheck.PDFText(t, pdf); !strings.Contains(txt, "THÔNG BÁO") && !strings.Contains(txt, "BÁO CÁO") &&
					!strings.Contains(txt, "GIẤY MỜI") {
					t.Errorf("PDF text lacks the title:\n%s", txt)
				}
			}
		})
	}
}

// TestErrors checks that bad inputs give every error with its position, in both languages.
func TestErrors(t *testing.T) {
	cases := []struct {
		file string
		want []string
	}{
		{"session-errors.yaml", []string{
			"session-errors.yaml:3:10: session: kế hoạch ../../../examples/duc-pho-2023/plan.yaml không có buổi đối thoại \"q9\" (có: q1, q2, q3, q4)",
			"session-errors.yaml:5:10: held_on: ngày không hợp lệ",
			"session-errors.yaml:6:8: start: giờ \"25:00\" không đúng dạng HH:MM, ví dụ \"08:00\" / time \"25:00\" is not HH:MM, e.g. \"08:00\"\n",
			"session-errors.yaml:9:1: colour: khóa không hợp lệ",
		}},
		{"conclusion-decode.yaml", []string{ // the cross-file checks run on what decoded
			"conclusion-decode.yaml:5:18: document.date: ngày không hợp lệ \"2023-03-32\"",
			"conclusion-decode.yaml:11:67: assignments[0].due: ngày không hợp lệ \"2023-02-30\"",
			"conclusion-decode.yaml:12:10: assignments[1].id: mã \"a1\" bị lặp / duplicate id \"a1\"",
		}},
		{"followup-decode.yaml", []string{
			"followup-decode.yaml:3:8: as_of: ngày không hợp lệ \"2023-04-31\"",
			"followup-decode.yaml:6:18: progress[0].assignment: không có nhiệm vụ \"q1-9\" trong các thông báo kết luận đã nêu",
			"followup-decode.yaml:7:33: progress[1].done_on: ngày không hợp lệ \"2023-04-99\"",
		}},
		{"session-month.yaml", []string{
			"session-month.yaml:7:6: end: giờ kết thúc phải sau giờ bắt đầu / the end time must be after the start time",
			"session-month.yaml:11:3: opinions: ghi cả from và to",
		}},
		{"conclusion-late.yaml", []string{
			"conclusion-late.yaml:6:9: document.date: thông báo kết luận ban hành chậm 2 ngày làm việc: hạn là 24/3/2023 (07 ngày làm việc sau buổi đối thoại 15/3/2023), ngày văn bản là 28/3/2023 / the conclusion notice is 2 working day(s) late",
			"conclusion-late.yaml:12:67: assignments[0].due: hạn 20/3/2023 trước ngày thông báo kết luận 28/3/2023",
			"conclusion-late.yaml:13:94: assignments[1].due_working_days: ghi hạn bằng due hoặc due_working_days, không cả hai",
			"conclusion-late.yaml:13:10: assignments[1].id: mã \"a1\" bị lặp / duplicate id \"a1\"",
		}},
		{"conclusion-early.yaml", []string{
			"conclusion-early.yaml:6:9: document.date: ngày thông báo kết luận 14/3/2023 trước ngày đối thoại 15/3/2023: không thể có / the conclusion notice is dated 2023-03-14, before the session on 2023-03-15: impossible",
		}},
		{"conclusion-free.yaml", []string{ // headings, petitions' references, free blocks, conclusions' bullets
			"conclusion-free.yaml:6:12: headings.petitons: khóa không hợp lệ \"petitons\"; có phải ý bạn là \"petitions\"?",
			"conclusion-free.yaml:8:50: petitions[0].assignment_ids[0]: không có nhiệm vụ \"q1-9\" trong assignments của thông báo / no assignment \"q1-9\"",
			"conclusion-free.yaml:10:16: before[0].paragraph: định dạng **đậm** / *nghiêng* không cân",
			"conclusion-free.yaml:11:28: before[1].content: chỉ tiêu đề (part, item, subitem) mới có content",
			"conclusion-free.yaml:12:15: before[2].sessions: khối \"sessions: true\" chỉ dùng trong tệp kế hoạch (kind: plan)",
			"conclusion-free.yaml:14:5: conclusions[0]: bullets (dòng 14): mỗi mục phải là một chuỗi không trống",
		}},
		{"conclusion-body.yaml", []string{ // body replaces the sections; the deadline checks still run
			"conclusion-body.yaml:6:14: conclusions: body thay cho các phần tự sinh nên conclusions không được in",
			"conclusion-body.yaml:8:3: before: body thay cho toàn bộ các phần tự sinh: ghi nội dung của before vào body / body replaces all the generated sections",
			"conclusion-body.yaml:12:27: body[0].content[0].text: định dạng **đậm** / *nghiêng* không cân",
			"conclusion-body.yaml:14:65: assignments[0].due: hạn 01/3/2023 trước ngày thông báo kết luận 22/3/2023",
		}},
		{"conclusion-empty.yaml", []string{
			"conclusion-empty.yaml:1:1: conclusions: thông báo kết luận chưa kết luận gì",
		}},
		{"conclusion-nothing.yaml", []string{
			"conclusion-nothing.yaml:1:1: report_to: thiếu nơi nhận báo cáo kết quả (report_to)",
			"conclusion-nothing.yaml:8:23: petitions[1].text: định dạng **đậm** / *nghiêng* không cân",
		}},
		{"session-body.yaml", []string{
			"session-body.yaml:1:1: chair: thiếu người chủ trì (chair); chỉ được bỏ khi nội dung do body viết",
			"session-body.yaml:1:1: participants: thiếu thành phần mời (participants)",
			"session-body.yaml:7:37: headings.chiar: khóa không hợp lệ \"chiar\"; có phải ý bạn là \"chair\"?",
		}},
		{"followup-errors.yaml", []string{
			"followup-errors.yaml:1:1: as_of: thiếu ngày tính đến (as_of)",
			"followup-errors.yaml:4:15: conclusions[0]: không tìm thấy tệp \"missing.yaml\"",
			"followup-errors.yaml:4:29: conclusions[1]: \"../../../examples/duc-pho-2023/session-q1.yaml\" không phải tệp kind: conclusion",
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", c.file)
			_, err := Load(Options{StrictDeadlines: true}, path)
			if err == nil {
				t.Fatal("no error")
			}
			var es problem.List
			if !errors.As(err, &es) {
				t.Fatalf("error is %T, want problem.List: %v", err, err)
			}
			msg := strings.ReplaceAll(err.Error(), filepath.Join("testdata", "bad")+string(filepath.Separator), "")
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("missing %q in:\n%s", w, msg)
				}
			}
			// No noise under a field that failed to decode: one error per line of the file at most here.
			if n := strings.Count(msg, "\n") + 1; n > len(c.want)+2 {
				t.Errorf("%d errors, want about %d:\n%s", n, len(c.want), msg)
			}
		})
	}
}

// TestDeadlineWarning: without StrictDeadlines a late notice is a warning and the document is still made.
func TestDeadlineWarning(t *testing.T) {
	path := filepath.Join("testdata", "bad", "conclusion-early.yaml")
	outs, warns, err := RenderFile(Options{}, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 || len(warns) != 1 || !strings.Contains(warns[0].EN, "before the session") {
		t.Fatalf("outs %d, warnings %v", len(outs), warns)
	}
}

// TestStateDeadline: the ward's plan gives 10 working days; the session on Thu 19/3/2026 makes 02/4/2026 the
// last day (20, 23–27, 30, 31/3, 1, 2/4). Dated 03/4/2026 the notice is one working day late.
func TestStateDeadline(t *testing.T) {
	s, err := Load(Options{}, "testdata/state/conclusion-q1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c := s.Conclusions[0]
	if got := c.Deadline(s.Cal); got != d("2026-04-02") {
		t.Fatalf("deadline %s, want 2026-04-02", got)
	}
	// pq1-1 has no due date: 10 working days (Quy định 11-QĐi/TW) after 27/3/2026: 30, 31/3, 1, 2, 3, 6, 7,
	// 8, 9, 10/4.
	if got := c.Resolved()[0].Due; got != d("2026-04-10") {
		t.Errorf("pq1-1 due %s, want 2026-04-10", got)
	}
	c.Doc.Date = d("2026-04-03")
	// Derived facts follow the edit: nothing is cached at load.
	if errs := c.resolve(s.Cal).errs; len(errs) > 0 || len(c.DeadlineIssues()) != 1 ||
		!strings.Contains(c.DeadlineIssues()[0].EN, "1 working day(s) late") {
		t.Errorf("errs %v, issues %v", errs, c.DeadlineIssues())
	}
}

// TestICSParsesBack parses the example's export with golang-ical and checks its events.
func TestICSParsesBack(t *testing.T) {
	s, err := Load(Options{}, filepath.Join(example, "calendar.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.Render(filepath.Join(example, "calendar.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(out[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	uids := map[string]bool{}
	sessions := 0
	for _, ev := range cal.Events() {
		if uids[ev.Id()] {
			t.Errorf("duplicate UID %s", ev.Id())
		}
		uids[ev.Id()] = true
		if ev.GetProperty(ics.ComponentPropertyDtstamp).Value != "20230215T000000Z" {
			t.Errorf("%s: DTSTAMP %s, want the plan's date", ev.Id(), ev.GetProperty(ics.ComponentPropertyDtstamp).Value)
		}
		if strings.HasSuffix(ev.Id(), ".session@vanban") {
			sessions++
		}
	}
	if sessions != 4 {
		t.Errorf("%d session events, want 4", sessions)
	}
	q2 := cal.Events()
	for _, ev := range q2 {
		if ev.Id() == "thi-uy-duc-pho-2023.q2.session@vanban" {
			start, _ := ev.GetStartAt()
			if start.UTC().Format("2006-01-02T15:04Z") != "2023-05-18T01:00Z" {
				t.Errorf("q2 starts %v, want 08:00 ICT on 18/5/2023", start)
			}
		}
		if ev.Id() == "thi-uy-duc-pho-2023.q2.conclusion@vanban" {
			// Thu 18/5/2023 + 7 working days: 19, 22, 23, 24, 25, 26, 29/5.
			if v := ev.GetProperty(ics.ComponentPropertyDtStart).Value; v != "20230529" {
				t.Errorf("q2 conclusion due %s, want 20230529", v)
			}
		}
	}
}

// TestStatuses checks the follow-up of the example as of two days.
func TestStatuses(t *testing.T) {
	s, err := Load(Options{}, filepath.Join(example, "followup-2023-04-20.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, st := range s.Statuses(d("2023-04-10")) {
		got[st.ID] = st.Describe()
	}
	want := map[string]string{
		"q1-1": "Đã hoàn thành (04/4/2023)",
		"q1-2": "Đang thực hiện, còn hạn",
		"q1-3": "Đang thực hiện, còn hạn",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s as of 10/4/2023: %q, want %q", id, got[id], w)
		}
	}
	var b strings.Builder
	if err := WriteStatusTable(&b, d("2023-04-20"), s.Statuses(d("2023-04-20"))); err != nil {
		t.Fatal(err)
	}
	golden(t, "status-2023-04-20.txt", b.String())
}

// TestICSAssignments: the calendar export carries each assignment of the conclusion files as an all-day event
// on its due date (DTEND the day after), with a stable UID; the bytes are the same on every run.
func TestICSAssignments(t *testing.T) {
	path := filepath.Join(example, "calendar.yaml")
	render := func() []byte {
		outs, warns, err := RenderFile(Options{}, path)
		if err != nil || len(warns) > 0 || len(outs) != 1 {
			t.Fatalf("RenderFile: %v, warnings %v, %d outputs", err, warns, len(outs))
		}
		return outs[0].Data
	}
	data := render()
	if again := render(); !bytes.Equal(data, again) {
		t.Error("the .ics differs between two runs")
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	// conclusion-q1.yaml is dated 22/3/2023: q1-1 is due 10 working days later, q1-2 on the given day, q1-3 15
	// working days later.
	want := map[string][2]string{
		"thi-uy-duc-pho-2023.q1.assignment.q1-1@vanban": {"20230405", "20230406"},
		"thi-uy-duc-pho-2023.q1.assignment.q1-2@vanban": {"20230414", "20230415"},
		"thi-uy-duc-pho-2023.q1.assignment.q1-3@vanban": {"20230412", "20230413"},
	}
	seen := 0
	for _, ev := range cal.Events() {
		w, ok := want[ev.Id()]
		if !ok {
			continue
		}
		seen++
		start, end := ev.GetProperty(ics.ComponentPropertyDtStart), ev.GetProperty(ics.ComponentPropertyDtEnd)
		if start == nil || end == nil || start.Value != w[0] || end.Value != w[1] {
			t.Errorf("%s: DTSTART %v DTEND %v, want all-day %s–%s", ev.Id(), start, end, w[0], w[1])
			continue
		}
		if v := start.ICalParameters["VALUE"]; len(v) != 1 || v[0] != "DATE" {
			t.Errorf("%s: DTSTART is not a date (VALUE=%v)", ev.Id(), v)
		}
		if s := ev.GetProperty(ics.ComponentPropertySummary); s == nil || !strings.HasPrefix(s.Value, "Hạn báo cáo, trả lời công dân: ") {
			t.Errorf("%s: summary %v", ev.Id(), s)
		}
	}
	if seen != len(want) {
		t.Errorf("%d assignment events, want %d", seen, len(want))
	}
}

// Every milestone says how its date was obtained in both languages (vanban serve shows the English in its
// English mode).
func TestMilestoneRulesInBothLanguages(t *testing.T) {
	for _, dir := range []string{"../examples/duc-pho-2023", "../examples/phuong-2026", "../examples/ubnd-tinh-2026"} {
		set, err := Load(Options{}, dir)
		if err != nil {
			t.Fatal(err)
		}
		ms := set.Milestones()
		if len(ms) == 0 {
			t.Fatalf("%s: no milestones", dir)
		}
		for _, m := range ms {
			if m.Rule == "" || m.RuleEN == "" || (m.Kind != AssignmentDue && m.Rule == m.RuleEN) {
				t.Errorf("%s: %s %s: rule %q / %q", dir, m.SessionID, m.Kind, m.Rule, m.RuleEN)
			}
		}
	}
}
