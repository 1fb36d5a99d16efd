package notice

import (
	"fmt"
	"slices"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/plan"
)

// Offsets are the distances, in working days, between a session and the steps of its cycle; their defaults
// and meaning are documented once, at plan.Offsets. A plan sets them for all its sessions (its milestones
// block and conclusion_deadline_working_days), a session file may override them for its session.
type Offsets = plan.Offsets

// DefaultOffsets returns the documented defaults (plan.DefaultOffsets).
func DefaultOffsets() Offsets { return plan.DefaultOffsets() }

// MilestoneKind names a step of the cycle.
type MilestoneKind string

// The steps of a session's cycle, in the order they happen.
const (
	OpinionWindow MilestoneKind = "opinions"   // Thời gian tiếp nhận ý kiến của công dân (a window: Date..End)
	InvitationDue MilestoneKind = "invitation" // Phát hành giấy mời, thông báo trên đài truyền thanh
	ReportsDue    MilestoneKind = "reports"    // Hạn các cơ quan gửi báo cáo phục vụ đối thoại
	SessionDay    MilestoneKind = "session"    // Buổi đối thoại
	ConclusionDue MilestoneKind = "conclusion" // Hạn ban hành thông báo kết luận
	AssignmentDue MilestoneKind = "assignment" // Hạn một cơ quan báo cáo và trả lời công dân
	ReceptionDay  MilestoneKind = "reception"  // Ngày tiếp công dân định kỳ
)

// Milestone is one dated step. A window (the opinion collection) runs from Date to End inclusive; for a single
// day End equals Date.
type Milestone struct {
	Kind      MilestoneKind
	SessionID string
	// Key tells apart the milestones of one kind and session: the assignment id, the reception day.
	Key       string
	Date, End calendar.Date
	// Title is the Vietnamese label, e.g. "Hạn ban hành thông báo kết luận".
	Title string
	// TitleEN is the English title, e.g. "Conclusion notice due" (the labels: MilestoneKind.Label).
	TitleEN string
	// Rule says how the date was obtained, e.g. "trong thời hạn 07 ngày làm việc kể từ khi kết thúc đối thoại".
	Rule string
	// RuleEN is Rule in English, e.g. "within 07 working days after the session" (an assignment's task, which
	// the file words, is the same in both).
	RuleEN string
	// Estimated marks a date that rests on a calendar estimated from the law, not on an announced schedule of
	// days off (calendar.Calendar.IsOfficialYear: 2027 on, until announced): the day itself, its end or the
	// day it is counted from falls in such a year. It may move when the schedule is announced.
	Estimated bool
}

// SessionMilestones computes the cycle of a session held on day held, on calendar cal, with offsets o (zero
// fields take the defaults). The dates before the session count working days backwards (the session's day is
// not counted: "5 ngày làm việc trước" is the 5th working day before it); the conclusion deadline counts forwards
// by Điều 147 BLDS (the 7th working day after the session). A window given explicitly (from, to non-zero)
// replaces the computed opinion window.
func SessionMilestones(cal *calendar.Calendar, sessionID string, held calendar.Date, o Offsets) []Milestone {
	o = o.Or(DefaultOffsets())
	open := cal.AddWorkingDays(held, -o.OpinionsOpen)
	closeDay := cal.AddWorkingDays(held, -o.OpinionsClose)
	ms := []Milestone{
		{Kind: OpinionWindow, Date: open, End: closeDay, Title: OpinionWindow.Label().VI,
			Rule:   "từ " + twoDigits(o.OpinionsOpen) + " đến " + twoDigits(o.OpinionsClose) + " ngày làm việc trước buổi đối thoại",
			RuleEN: "from " + twoDigits(o.OpinionsOpen) + " to " + twoDigits(o.OpinionsClose) + " working days before the session"},
		{Kind: InvitationDue, Date: cal.AddWorkingDays(held, -o.Invitation), Title: InvitationDue.Label().VI,
			Rule: twoDigits(o.Invitation) + " ngày làm việc trước buổi đối thoại", RuleEN: twoDigits(o.Invitation) + " working days before the session"},
		{Kind: ReportsDue, Date: cal.AddWorkingDays(held, -o.Reports), Title: ReportsDue.Label().VI,
			Rule: twoDigits(o.Reports) + " ngày làm việc trước buổi đối thoại", RuleEN: twoDigits(o.Reports) + " working days before the session"},
		{Kind: SessionDay, Date: held, Title: SessionDay.Label().VI, Rule: "ngày tổ chức đối thoại", RuleEN: "the day of the session"},
		{Kind: ConclusionDue, Date: cal.AddWorkingDays(held, o.Conclusion), Title: ConclusionDue.Label().VI,
			Rule:   "trong thời hạn " + twoDigits(o.Conclusion) + " ngày làm việc kể từ khi kết thúc đối thoại",
			RuleEN: "within " + twoDigits(o.Conclusion) + " working days after the session ends"},
	}
	for i := range ms {
		ms[i].SessionID = sessionID
		if ms[i].End.IsZero() {
			ms[i].End = ms[i].Date
		}
		if ms[i].TitleEN == "" {
			ms[i].TitleEN = ms[i].Kind.Label().EN
		}
	}
	markEstimated(cal, ms, held)
	return ms
}

// SortMilestones orders milestones by date, then by their order in the cycle, then by session.
func SortMilestones(ms []Milestone) {
	order := map[MilestoneKind]int{OpinionWindow: 0, InvitationDue: 1, ReportsDue: 2, SessionDay: 3, ReceptionDay: 3,
		ConclusionDue: 4, AssignmentDue: 5}
	slices.SortStableFunc(ms, func(a, b Milestone) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if c := order[a.Kind] - order[b.Kind]; c != 0 {
			return c
		}
		if a.SessionID < b.SessionID {
			return -1
		}
		if a.SessionID > b.SessionID {
			return 1
		}
		return 0
	})
}

// twoDigits writes a count of days the way official documents do: "07", "10".
func twoDigits(n int) string {
	return fmt.Sprintf("%02d", n)
}
