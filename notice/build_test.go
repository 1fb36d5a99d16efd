package notice_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
)

func seedPlan(t testing.TB) *plan.Plan {
	t.Helper()
	p, err := plan.Load("../examples/duc-pho-2023/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Nothing built in Go panics: zero values, nil plans and unknown sessions give errors.
func TestZeroValuesDoNotPanic(t *testing.T) {
	cal := calendar.Default()
	ctx := context.Background()
	p := seedPlan(t)
	type kind interface {
		Validate() error
		Warnings() problem.List
		Render(context.Context, notice.Options) ([]byte, error)
		OutputName() string
		PlanOf() *plan.Plan
	}
	values := map[string]kind{
		"zero session":       &notice.SessionFile{},
		"zero conclusion":    &notice.ConclusionFile{},
		"zero followup":      &notice.FollowupFile{},
		"zero schedule":      &notice.ScheduleFile{},
		"nil-plan session":   notice.NewSession(nil, "q1"),
		"unknown session":    notice.NewSession(p, "q9"),
		"unknown conclusion": notice.NewConclusion(p, "q9"),
		"empty conclusion":   notice.NewConclusion(p, "q1"),
		"empty followup":     notice.NewFollowup(p, calendar.Date{}),
		"empty schedule":     notice.NewSchedule(p, 0),
	}
	for name, v := range values {
		if err := v.Validate(); err == nil {
			t.Errorf("%s: Validate: no error", name)
		}
		if _, err := v.Render(ctx, notice.Options{}); err == nil {
			t.Errorf("%s: Render: no error", name)
		}
		_ = v.Warnings()
		_ = v.OutputName()
	}
	// The accessors and derived facts of zero values do not panic either.
	var s notice.SessionFile
	s.MilestonesOn(cal)
	s.Heading()
	s.When()
	s.Document(cal)
	var c notice.ConclusionFile
	c.Resolved()
	c.DeadlineIssues()
	c.Deadline(cal)
	c.Document(cal)
	var f notice.FollowupFile
	f.Statuses()
	f.Document(cal)
	var r notice.ScheduleFile
	r.Occurrences(cal)
	r.Document(cal)
}

// A session notice built in Go from a loaded plan validates, renders to a writer, and reports its mistakes
// with field paths.
func TestSessionBuiltInGo(t *testing.T) {
	p := seedPlan(t)
	x := notice.NewSession(p, "q1")
	x.Announcer = "Thường trực Thị ủy"
	x.Recipients = []plan.Recipient{{Name: "Các thành phần mời"}}
	x.HeldOn = calendar.NewDate(2023, 3, 15)
	x.Start = notice.NewClock(8, 0)
	x.Chair = "Đồng chí Nguyễn Kiên, Bí thư Thị ủy"
	x.Participants = []string{"Cán bộ, hội viên Hội Cựu chiến binh"}
	if err := x.Validate(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if n, err := x.RenderTo(context.Background(), &buf, notice.Options{}); err != nil || n == 0 || n != int64(buf.Len()) {
		t.Fatalf("RenderTo: %d, %v", n, err)
	}
	x.HeldOn = calendar.NewDate(2023, 4, 12) // not in March, as the plan says
	x.Chair = ""
	err := x.Validate()
	var list problem.List
	if !errors.As(err, &list) {
		t.Fatalf("want a problem.List, got %v", err)
	}
	paths := map[string]bool{}
	for _, e := range list {
		paths[e.Path] = true
	}
	if !paths["chair"] {
		t.Errorf("want an error at chair, got:\n%v", err)
	}
	// A session moved out of the plan's month is a warning stating the new day, not an error (issue 9).
	if w := x.Warnings(); len(w) == 0 || w[0].Path != "held_on" || !strings.Contains(w[0].Error(), "12/4/2023") {
		t.Errorf("want a warning at held_on naming the new day, got %v", w)
	}
}

// The due dates of a conclusion built in Go follow its edits: nothing is cached.
func TestConclusionDueDatesFollowEdits(t *testing.T) {
	p := seedPlan(t)
	c := notice.NewConclusion(p, "q1")
	c.HeldOn = calendar.NewDate(2023, 3, 15)
	c.Doc.Date = calendar.NewDate(2023, 3, 20)
	c.Announcer = "Thường trực Thị ủy"
	c.Recipients = []plan.Recipient{{Name: "Các cơ quan liên quan"}}
	c.ReportTo = "Thường trực Thị ủy"
	c.Assignments = []notice.AssignmentInput{{ID: "a1", Body: "Ủy ban nhân dân thị xã", Task: "Rà soát", DueWorkingDays: 5}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := c.Resolved()[0].Due; got != calendar.NewDate(2023, 3, 27) {
		t.Errorf("due %s, want 2023-03-27", got)
	}
	c.Assignments[0].DueWorkingDays = 10
	if got := c.Resolved()[0].Due; got != calendar.NewDate(2023, 4, 3) {
		t.Errorf("after the edit: due %s, want 2023-04-03", got)
	}
	f := notice.NewFollowup(p, calendar.NewDate(2023, 4, 20), c)
	f.Announcer = "Ban Dân vận Thị ủy"
	f.Recipients = []plan.Recipient{{Name: "Thường trực Thị ủy"}}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	if st := f.Statuses(); len(st) != 1 || st[0].State != notice.Overdue {
		t.Errorf("statuses %+v", st)
	}
	if _, err := f.Render(context.Background(), notice.Options{}); err != nil {
		t.Error(err)
	}
}
