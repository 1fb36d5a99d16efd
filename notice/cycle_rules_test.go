package notice

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// statePlan is the ward's plan of testdata/state: sessions q1 on Thu 19/3/2026 and q2 on Thu 18/6/2026, a
// 10-working-day conclusion deadline, its summary "… giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân năm …".
func statePlan(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("testdata", "state", "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// writeInput writes an input file naming plan into a temporary directory and returns its path.
func writeInput(t *testing.T, name, plan, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(body, "PLAN", plan)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func render(t *testing.T, opts Options, path string) string {
	t.Helper()
	outs, _, err := RenderFile(opts, path)
	if err != nil {
		t.Fatal(err)
	}
	return paragraphs(t, outs[0].Data)
}

const invitationQ2 = `kind: session
form: invitation
plan: PLAN
session: q2
document: {number: 45, date: 2026-06-11}
announcer: Ủy ban nhân dân phường
held_on: 2026-06-18
start: "14:00"
chair: Đồng chí Chủ tịch Ủy ban nhân dân phường
recipients: [Như trên]
`

// TestInvitationParticipants: a Giấy mời prints its participants under "Thành phần mời" when it also has
// addressees (QA: they were dropped); when the addressees default to the participants they are printed once,
// as the "Kính gửi" lines.
func TestInvitationParticipants(t *testing.T) {
	text := render(t, Options{}, filepath.Join("testdata", "state", "invitation-q2.yaml"))
	for _, w := range []string{
		"Kính gửi:\n- Trưởng các khu phố 5, 6, 7 và 8;\n- Đại diện Nhân dân các khu phố 5, 6, 7 và 8.\n",
		"4. Địa điểm: Nhà văn hóa khu phố 6.\n5. Thành phần mời:\n- Đại diện Nhân dân các khu phố 5, 6, 7 và 8.\n6. Tiếp nhận ý kiến",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("lacks %q:\n%s", w, text)
		}
	}

	only := writeInput(t, "giay-moi.yaml", statePlan(t), invitationQ2+"participants: [\"Đại diện Nhân dân các khu phố 5, 6\"]\n")
	text = render(t, Options{}, only)
	if !strings.Contains(text, "Kính gửi: Đại diện Nhân dân các khu phố 5, 6") && !strings.Contains(text, "Kính gửi:\n- Đại diện Nhân dân các khu phố 5, 6") {
		t.Errorf("the participants are not the addressees:\n%s", text)
	}
	if strings.Contains(text, "Thành phần mời") || strings.Count(text, "Đại diện Nhân dân các khu phố 5, 6") != 1 {
		t.Errorf("the participants are printed twice:\n%s", text)
	}
}

// TestInvitationNeedsWhom: a Giấy mời with neither participants nor addressees is an error that says the
// addressees would do; a Thông báo's error does not mention them.
func TestInvitationNeedsWhom(t *testing.T) {
	_, err := Load(Options{}, writeInput(t, "giay-moi.yaml", statePlan(t), invitationQ2))
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{"participants: thiếu thành phần mời (participants) và người được mời (addressees)",
		"a Giấy mời needs the participants or the addressees"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("lacks %q:\n%v", w, err)
		}
	}
	notice := strings.Replace(invitationQ2, "form: invitation\n", "", 1)
	_, err = Load(Options{}, writeInput(t, "thong-bao.yaml", statePlan(t), notice))
	if err == nil || !strings.Contains(err.Error(), "they may be left out only when body writes the content") ||
		strings.Contains(err.Error(), "addressees") {
		t.Errorf("the notice's error: %v", err)
	}
}

// TestDayOffWarnings: a notice dated on a day off, and a reception schedule for another year than its plan's,
// are warnings at the field; --strict (StrictDeadlines) makes them errors.
func TestDayOffWarnings(t *testing.T) {
	plan := statePlan(t)
	cases := []struct{ name, body, want string }{
		// Sat 21/3/2026, within the deadline of q1 (19/3 + 10 working days = 2/4).
		{"ket-luan.yaml", `kind: conclusion
plan: PLAN
session: q1
document: {date: 2026-03-21}
announcer: Ủy ban nhân dân phường
conclusions: [Ghi nhận]
recipients: [Như trên]
`, "ket-luan.yaml:4:18: document.date: ngày văn bản 21/3/2026 (thứ Bảy) không phải ngày làm việc / the document is dated 2026-03-21, not a working day"},
		// Sun 7/6/2026, before the invitation milestone of q2 (11/6).
		{"giay-moi.yaml", strings.Replace(invitationQ2, "2026-06-11", "2026-06-07", 1) + "addressees: [Trưởng các khu phố]\n",
			"giay-moi.yaml:5:30: document.date: ngày văn bản 07/6/2026 (Chủ nhật) không phải ngày làm việc"},
		{"lich.yaml", `kind: reception-schedule
plan: PLAN
document: {date: 2026-12-21}
year: 2027
days: [15]
receiver: Chủ tịch Ủy ban nhân dân phường
venue: Trụ sở Ủy ban nhân dân phường
announcer: Ủy ban nhân dân phường
recipients: [Các khu phố]
`, "lich.yaml:4:7: year: lịch tiếp công dân năm 2027 khác năm 2026 của kế hoạch"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeInput(t, c.name, plan, c.body)
			_, warns, err := RenderFile(Options{}, path)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) != 1 || !strings.Contains(strings.ReplaceAll(warns.Error(), filepath.Dir(path)+string(filepath.Separator), ""), c.want) {
				t.Errorf("warnings %v, want %q", warns, c.want)
			}
			if _, err := Load(Options{StrictDeadlines: true}, path); err == nil || !strings.Contains(err.Error(), c.want[strings.Index(c.want, ": ")+2:]) {
				t.Errorf("strict: %v", err)
			}
		})
	}
	// The same schedule for the plan's year has no warning.
	path := writeInput(t, "lich.yaml", plan, strings.NewReplacer("year: 2027", "year: 2026").Replace(cases[2].body))
	if _, warns, err := RenderFile(Options{}, path); err != nil || len(warns) > 0 {
		t.Errorf("err %v, warnings %v", err, warns)
	}
}

// TestDialogueWording: the generated summaries and intros name whom the dialogue is with as the plan's summary
// does ("với Nhân dân", "với công dân", "với đoàn viên, thanh niên").
func TestDialogueWording(t *testing.T) {
	inv := render(t, Options{}, filepath.Join("testdata", "state", "invitation-q2.yaml"))
	con := render(t, Options{}, filepath.Join("testdata", "state", "conclusion-q1.yaml"))
	seed := render(t, Options{}, filepath.Join(example, "session-q1.yaml"))
	for _, c := range []struct{ text, want string }{
		{inv, "Dự Hội nghị đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân quý II/2026\n"},
		{inv, "trân trọng kính mời dự Hội nghị đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân quý II/2026 như sau:"},
		{con, "Kết luận của đồng chí Chủ tịch Ủy ban nhân dân phường tại Hội nghị đối thoại trực tiếp với Nhân dân quý I/2026\n"},
		{seed, "về việc tổ chức Hội nghị đối thoại trực tiếp giữa Bí thư Thị ủy với công dân quý I/2023\n"},
	} {
		// The trích yếu is printed in balanced lines (" / " marks a line break here).
		if !strings.Contains(strings.ReplaceAll(c.text, " / ", " "), c.want) {
			t.Errorf("lacks %q:\n%s", c.want, c.text)
		}
	}
	for _, c := range []struct{ summary, want string }{
		{"đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm {{year}}", "công dân"},
		{"Tổ chức đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân xã với Nhân dân năm 2026", "Nhân dân"},
		{"Đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân xã với Nhân dân", "Nhân dân"},
		{"đối thoại chuyên đề giữa Bí thư Đảng ủy xã với đoàn viên, thanh niên năm {{year}}", "đoàn viên, thanh niên"},
		{"phối hợp với Mặt trận tổ chức đối thoại với Nhân dân trên địa bàn phường năm 2026", "Nhân dân trên địa bàn phường"},
		{"công tác dân vận năm 2026", "công dân"},
		{"", "công dân"},
	} {
		if got := audienceOf(strings.ReplaceAll(c.summary, "{{year}}", "2023")); got != c.want {
			t.Errorf("%q: %q, want %q", c.summary, got, c.want)
		}
	}
}

// TestPetitionAssignmentOrder: under a petition its own assignments print first, then those it names by id, in
// the order of assignment_ids.
func TestPetitionAssignmentOrder(t *testing.T) {
	path := writeInput(t, "ket-luan.yaml", statePlan(t), `kind: conclusion
plan: PLAN
session: q1
document: {date: 2026-03-27}
announcer: Ủy ban nhân dân phường
report_to: Chủ tịch Ủy ban nhân dân phường
petitions:
  - who: Ông A
    text: kiến nghị
    answer: Đã rõ.
    assignments:
      - {id: in-1, body: Cơ quan Một, task: Việc một, due: 2026-04-30}
    assignment_ids: [ref-3, ref-2]
assignments:
  - {id: ref-2, body: Cơ quan Hai, task: Việc hai, due: 2026-04-30}
  - {id: ref-3, body: Cơ quan Ba, task: Việc ba, due: 2026-04-30}
  - {id: rest-4, body: Cơ quan Bốn, task: Việc bốn, due: 2026-04-30}
recipients: [Như trên]
`)
	text := render(t, Options{}, path)
	one, three, two, four := strings.Index(text, "Giao Cơ quan Một"), strings.Index(text, "Giao Cơ quan Ba"),
		strings.Index(text, "Giao Cơ quan Hai"), strings.Index(text, "Cơ quan Bốn")
	if one < 0 || three < 0 || two < 0 || four < 0 || !(one < three && three < two && two < four) {
		t.Errorf("order: inline %d, ref-3 %d, ref-2 %d, rest %d:\n%s", one, three, two, four, text)
	}
}
