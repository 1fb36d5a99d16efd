package notice

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
)

// Label is a short text in Vietnamese and in English: the Vietnamese one is what documents and the Vietnamese
// output print, the English one what an English page or report shows beside or instead of it.
type Label struct{ VI, EN string }

// milestoneLabels are the titles of the steps of a cycle. An assignment's title adds the body (": body"), a
// reception day's the receiver (" (receiver)").
var milestoneLabels = map[MilestoneKind]Label{
	OpinionWindow: {"Tiếp nhận ý kiến, kiến nghị của công dân", "Citizens' opinions and petitions received"},
	InvitationDue: {"Phát hành giấy mời, thông báo trên đài truyền thanh", "Invitations issued, announced on the local radio"},
	ReportsDue:    {"Hạn các cơ quan gửi báo cáo phục vụ đối thoại", "Bodies' reports for the session due"},
	SessionDay:    {"Buổi đối thoại", "Dialogue session"},
	ConclusionDue: {"Hạn ban hành thông báo kết luận", "Conclusion notice due"},
	AssignmentDue: {"Hạn báo cáo, trả lời công dân", "Report and answer to citizens due"},
	ReceptionDay:  {"Tiếp công dân định kỳ", "Regular citizen reception"},
}

// stateLabels are the names of the states of an assignment.
var stateLabels = map[State]Label{
	Done:       {"Đã hoàn thành", "Done"},
	DoneLate:   {"Hoàn thành chậm", "Done late"},
	InProgress: {"Đang thực hiện", "In progress"},
	Overdue:    {"Quá hạn", "Overdue"},
	NotIssued:  {"Chưa ban hành", "Not issued yet"},
}

// Label returns the title of a kind of milestone in both languages (the kind itself when it is unknown).
func (k MilestoneKind) Label() Label {
	if l, ok := milestoneLabels[k]; ok {
		return l
	}
	return Label{string(k), string(k)}
}

// Label returns the name of a state in both languages (the state itself when it is unknown).
func (s State) Label() Label {
	if l, ok := stateLabels[s]; ok {
		return l
	}
	return Label{string(s), string(s)}
}

// statusTexts word Status.Describe in both languages: the fmt formats of each state, "%[1]d" the working days
// late and "%[2]s" the day done.
var statusTexts = map[State]Label{
	Done:       {"Đã hoàn thành (%[2]s)", "Done (%[2]s)"},
	DoneLate:   {"Hoàn thành chậm %[1]d ngày làm việc (%[2]s)", "Done %[1]d working days late (%[2]s)"},
	Overdue:    {"Quá hạn %[1]d ngày làm việc", "Overdue by %[1]d working days"},
	NotIssued:  {"Chưa ban hành (thông báo kết luận chưa có ngày)", "Not issued yet (the conclusion notice has no date)"},
	InProgress: {"Đang thực hiện, còn hạn", "In progress, not yet due"},
}

// describe returns the status in the language pick chooses from a Label.
func (s Status) describe(pick func(Label) string) string {
	if s.State == Overdue && s.Late == 0 {
		return pick(stateLabels[Overdue])
	}
	t, ok := statusTexts[s.State]
	if !ok {
		t = statusTexts[InProgress]
	}
	f := pick(t)
	if !strings.Contains(f, "%") {
		return f
	}
	return fmt.Sprintf(f, s.Late, document.ShortDate(s.DoneOn))
}

// Describe returns the status in Vietnamese, e.g. "Quá hạn 3 ngày làm việc" or "Đã hoàn thành (10/4/2023)".
func (s Status) Describe() string { return s.describe(func(l Label) string { return l.VI }) }

// DescribeEN is Describe in English: "Overdue by 3 working days", "Done (05/3/2027)".
func (s Status) DescribeEN() string { return s.describe(func(l Label) string { return l.EN }) }

// markEstimated sets Estimated on the milestones whose day, end, or the day they are counted from (from; zero:
// none) falls in a year whose days off cal estimates rather than knows from an announced schedule.
func markEstimated(cal *calendar.Calendar, ms []Milestone, from calendar.Date) {
	est := func(d calendar.Date) bool { return !d.IsZero() && !cal.IsOfficialYear(d.Year()) }
	for i := range ms {
		ms[i].Estimated = ms[i].Estimated || est(ms[i].Date) || est(ms[i].End) || est(from)
	}
}
