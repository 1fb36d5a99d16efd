package notice

import (
	"github.com/vanban/vanban/calendar"
)

// Assignment is one task a conclusion notice gives a body (giao nhiệm vụ): report on it and reply to the citizens
// by Due.
type Assignment struct {
	// ID identifies the assignment across files, e.g. "q1-1"; unique within a plan.
	ID        string
	SessionID string
	// Body is the body in charge (cơ quan chủ trì), e.g. "Ủy ban nhân dân thị xã".
	Body string
	Task string
	// Due is the last day to report and reply. DueDays is the count of working days it came from, 0 when the
	// notice gave a date.
	Due     calendar.Date
	DueDays int
	// NotIssued marks an assignment of a conclusion notice not issued yet (no date): its due date is counted
	// from the day the notice is due, and it is not under way.
	NotIssued bool
}

// State is where an assignment stands on a given day.
type State string

// The states of an assignment.
const (
	Done       State = "done"        // Đã hoàn thành (on time)
	DoneLate   State = "done-late"   // Hoàn thành chậm (done after its due date)
	InProgress State = "in-progress" // Đang thực hiện, còn hạn
	Overdue    State = "overdue"     // Quá hạn, chưa hoàn thành
	NotIssued  State = "not-issued"  // Thông báo kết luận chưa ban hành
)

// Vietnamese returns the state's label as printed in the follow-up report.
func (s State) Vietnamese() string { return s.Label().VI }

// Progress is what a follow-up file says about an assignment: done on a day, or not (yet).
type Progress struct {
	DoneOn calendar.Date // zero: not done
	Note   string
}

// Status is an assignment's standing as of a day.
type Status struct {
	Assignment
	State State
	// Late is the number of working days past Due: for Overdue, the working days after Due up to and including
	// the as-of day; for DoneLate, up to and including the day it was done. 0 otherwise.
	Late   int
	DoneOn calendar.Date
	Note   string
}

// Evaluate computes the status of a as of day asOf on calendar cal. Work done after asOf is not yet known on
// asOf and counts as not done.
func Evaluate(cal *calendar.Calendar, a Assignment, p Progress, asOf calendar.Date) Status {
	s := Status{Assignment: a, Note: p.Note}
	switch {
	case !p.DoneOn.IsZero() && !p.DoneOn.After(asOf):
		s.DoneOn = p.DoneOn
		s.State = Done
		if p.DoneOn.After(a.Due) {
			s.State = DoneLate
			s.Late = cal.WorkingDaysBetween(a.Due, p.DoneOn)
		}
	case a.NotIssued:
		s.State = NotIssued
	case asOf.After(a.Due):
		s.State = Overdue
		s.Late = cal.WorkingDaysBetween(a.Due, asOf)
	default:
		s.State = InProgress
	}
	return s
}

// BodyGroup is the statuses of one body, in the order of the input.
type BodyGroup struct {
	Body     string
	Statuses []Status
}

// GroupByBody groups statuses by body, bodies in the order they first appear.
func GroupByBody(ss []Status) []BodyGroup {
	var out []BodyGroup
	index := map[string]int{}
	for _, s := range ss {
		i, ok := index[s.Body]
		if !ok {
			i = len(out)
			index[s.Body] = i
			out = append(out, BodyGroup{Body: s.Body})
		}
		out[i].Statuses = append(out[i].Statuses, s)
	}
	return out
}

// Tally counts statuses by state.
func Tally(ss []Status) map[State]int {
	m := map[State]int{}
	for _, s := range ss {
		m[s.State]++
	}
	return m
}
