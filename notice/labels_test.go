package notice

import (
	"testing"

	"github.com/vanban/vanban/calendar"
)

// TestLabelsComplete: every kind of milestone and every state of an assignment has its Vietnamese and English
// label, and the Vietnamese names are those the documents print.
func TestLabelsComplete(t *testing.T) {
	for _, k := range []MilestoneKind{OpinionWindow, InvitationDue, ReportsDue, SessionDay, ConclusionDue, AssignmentDue, ReceptionDay} {
		if l := k.Label(); l.VI == "" || l.EN == "" || l.VI == l.EN {
			t.Errorf("milestone %s: %+v", k, l)
		}
	}
	for _, s := range []State{Done, DoneLate, InProgress, Overdue, NotIssued} {
		if l := s.Label(); l.VI == "" || l.EN == "" || l.VI == l.EN || s.Vietnamese() != l.VI {
			t.Errorf("state %s: %+v", s, l)
		}
		st := Status{State: s, Late: 2, DoneOn: calendar.NewDate(2026, 3, 5)}
		if st.Describe() == "" || st.DescribeEN() == "" || st.Describe() == st.DescribeEN() {
			t.Errorf("state %s: %q / %q", s, st.Describe(), st.DescribeEN())
		}
	}
	if got := (Status{State: NotIssued}).DescribeEN(); got != "Not issued yet (the conclusion notice has no date)" {
		t.Errorf("not issued: %q", got)
	}
}

// TestMilestonesEstimated: the cycle of a session in 2027 (no announced schedule of days off) is marked as
// estimated, one in 2026 is not, and one early in January 2027 marks its steps counted back into December 2026.
func TestMilestonesEstimated(t *testing.T) {
	cal := calendar.Default()
	for _, tc := range []struct {
		held calendar.Date
		want bool
	}{
		{calendar.NewDate(2026, 6, 15), false},
		{calendar.NewDate(2027, 6, 15), true},
		{calendar.NewDate(2027, 1, 6), true},
	} {
		if cal.IsOfficialYear(2027) {
			t.Skip("the 2027 schedule is embedded: nothing is estimated any more")
		}
		for _, m := range SessionMilestones(cal, "q", tc.held, Offsets{}) {
			if m.Estimated != tc.want {
				t.Errorf("held %s: %s on %s estimated=%v", tc.held, m.Kind, m.Date, m.Estimated)
			}
			if m.TitleEN != m.Kind.Label().EN || m.Title != m.Kind.Label().VI {
				t.Errorf("%s: %q / %q", m.Kind, m.Title, m.TitleEN)
			}
		}
	}
}
