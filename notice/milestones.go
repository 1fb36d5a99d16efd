package notice

import (
	"fmt"
	"slices"

	"github.com/vanban/vanban/calendar"
)

// Offsets are the distances, in working days, between a session and the steps of its cycle. Zero fields take
// the defaults of DefaultOffsets (see the package documentation for where each comes from).
type Offsets struct {
	// OpinionsOpen: the collection of citizens' opinions (tiếp nhận ý kiến) opens this many working days before
	// the session. Default 10.
	OpinionsOpen int `yaml:"opinions_open" validate:"gte=0,lte=60"`
	// OpinionsClose: it closes this many working days before the session. Default 2.
	OpinionsClose int `yaml:"opinions_close" validate:"gte=0,lte=60"`
	// Invitation: the invitations (giấy mời) go out and the session is announced on the radio this many working
	// days before the session. Default 5.
	Invitation int `yaml:"invitation" validate:"gte=0,lte=60"`
	// Reports: the bodies' preparatory reports (báo cáo phục vụ đối thoại) are due this many working days before
	// the session. Default 3.
	Reports int `yaml:"reports" validate:"gte=0,lte=60"`
	// Conclusion: the Secretary's conclusion notice (thông báo kết luận) is due within this many working days
	// after the session. Default 7 (the local Quy chế, 879-QĐ/TU; the plan's own value wins).
	Conclusion int `yaml:"conclusion" validate:"gte=0,lte=60"`
	// Reply: each assigned body reports and replies to the citizens within this many working days after the
	// conclusion notice, unless the notice gives a due date. Default 10 (Quy định 11-QĐi/TW).
	Reply int `yaml:"reply" validate:"gte=0,lte=120"`
}

// DefaultOffsets returns the documented defaults: opinions from 10 to 2 working days before, invitations 5,
// reports 3 before; conclusion notice within 7 after; reply within 10 after the notice.
func DefaultOffsets() Offsets {
	return Offsets{OpinionsOpen: 10, OpinionsClose: 2, Invitation: 5, Reports: 3, Conclusion: 7, Reply: 10}
}

// Or returns o with every zero field taken from d.
func (o Offsets) Or(d Offsets) Offsets {
	pick := func(a, b int) int {
		if a != 0 {
			return a
		}
		return b
	}
	return Offsets{
		OpinionsOpen:  pick(o.OpinionsOpen, d.OpinionsOpen),
		OpinionsClose: pick(o.OpinionsClose, d.OpinionsClose),
		Invitation:    pick(o.Invitation, d.Invitation),
		Reports:       pick(o.Reports, d.Reports),
		Conclusion:    pick(o.Conclusion, d.Conclusion),
		Reply:         pick(o.Reply, d.Reply),
	}
}

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
	// Rule says how the date was obtained, e.g. "07 ngày làm việc sau buổi đối thoại".
	Rule string
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
		{Kind: OpinionWindow, Date: open, End: closeDay, Title: "Tiếp nhận ý kiến, kiến nghị của công dân",
			Rule: "từ " + twoDigits(o.OpinionsOpen) + " đến " + twoDigits(o.OpinionsClose) + " ngày làm việc trước buổi đối thoại"},
		{Kind: InvitationDue, Date: cal.AddWorkingDays(held, -o.Invitation), Title: "Phát hành giấy mời, thông báo trên đài truyền thanh",
			Rule: twoDigits(o.Invitation) + " ngày làm việc trước buổi đối thoại"},
		{Kind: ReportsDue, Date: cal.AddWorkingDays(held, -o.Reports), Title: "Hạn các cơ quan gửi báo cáo phục vụ đối thoại",
			Rule: twoDigits(o.Reports) + " ngày làm việc trước buổi đối thoại"},
		{Kind: SessionDay, Date: held, Title: "Buổi đối thoại", Rule: "ngày tổ chức đối thoại"},
		{Kind: ConclusionDue, Date: cal.AddWorkingDays(held, o.Conclusion), Title: "Hạn ban hành thông báo kết luận",
			Rule: "trong thời hạn " + twoDigits(o.Conclusion) + " ngày làm việc kể từ khi kết thúc đối thoại"},
	}
	for i := range ms {
		ms[i].SessionID = sessionID
		if ms[i].End.IsZero() {
			ms[i].End = ms[i].Date
		}
	}
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
