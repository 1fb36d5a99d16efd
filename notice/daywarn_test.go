package notice

import (
	"strings"
	"testing"
)

// TestDayOffNamesHoliday: a document dated on a public holiday is warned with the holiday's name (issue 12); a
// date in a year whose days off are only estimated is warned as such.
func TestDayOffNamesHoliday(t *testing.T) {
	plan := statePlan(t)
	body := `kind: reception-schedule
plan: PLAN
document: {date: DATE}
year: 2026
days: [15]
receiver: Chủ tịch Ủy ban nhân dân phường
venue: Trụ sở Ủy ban nhân dân phường
announcer: Ủy ban nhân dân phường
recipients: [Các khu phố]
`
	path := writeInput(t, "lich.yaml", plan, strings.Replace(body, "DATE", "2026-01-01", 1))
	_, warns, err := RenderFile(Options{}, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].VI, "không phải ngày làm việc: Tết Dương lịch") ||
		!strings.Contains(warns[0].EN, "not a working day (Tết Dương lịch)") {
		t.Errorf("got %v", warns)
	}
}

func TestEstimatedYearWarned(t *testing.T) {
	body := `kind: reception-schedule
plan: PLAN
document: {date: 2027-01-05}
year: 2027
days: [15]
receiver: Chủ tịch Ủy ban nhân dân phường
venue: Trụ sở Ủy ban nhân dân phường
announcer: Ủy ban nhân dân phường
recipients: [Các khu phố]
`
	path := writeInput(t, "lich.yaml", statePlan(t), body)
	_, warns, err := RenderFile(Options{}, path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range warns {
		if strings.Contains(w.VI, "lịch nghỉ năm 2027 chưa được công bố") && strings.Contains(w.EN, "estimated") && w.Path == "document.date" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("got %v", warns)
	}
}

// TestNoticeAbolishedSuperior: a notice whose own issuer prints a superior line of the abolished district level,
// dated 2026, is warned at that line (issue 12).
func TestNoticeAbolishedSuperior(t *testing.T) {
	body := `kind: reception-schedule
plan: PLAN
document: {date: 2026-01-05}
issuer: {system: state, superior: [UBND HUYỆN BÌNH SƠN], name: [ỦY BAN NHÂN DÂN XÃ BÌNH MINH], code: UBND, place: Bình Minh}
year: 2026
days: [15]
receiver: Chủ tịch Ủy ban nhân dân xã
venue: Trụ sở Ủy ban nhân dân xã
announcer: Ủy ban nhân dân xã
recipients: [Các thôn]
`
	path := writeInput(t, "lich.yaml", statePlan(t), body)
	_, warns, err := RenderFile(Options{}, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 1 || warns[0].Path != "issuer.superior[0]" || warns[0].Line != 4 || !strings.Contains(warns[0].VI, "UBND HUYỆN BÌNH SƠN") ||
		!strings.Contains(warns[0].EN, "abolished on 2025-07-01") {
		t.Errorf("got %v", warns)
	}
}

// TestPeekUTF16: the kind and plan of a file given as bytes in UTF-16 (Notepad's "Unicode") are read like those
// of its UTF-8 text.
func TestPeekUTF16(t *testing.T) {
	text := "kind: session\r\nplan: plan.yaml\r\n"
	b := []byte{0xFF, 0xFE}
	for _, r := range text {
		b = append(b, byte(r), 0)
	}
	if k, p := PeekKind(b), PlanRef(b); k != "session" || p != "plan.yaml" {
		t.Errorf("got %q, %q", k, p)
	}
}
