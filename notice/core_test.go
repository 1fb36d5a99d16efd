package notice

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/vanban/vanban/calendar"
)

func d(s string) calendar.Date { return calendar.MustParseDate(s) }

func milestoneMap(ms []Milestone) map[MilestoneKind]Milestone {
	m := map[MilestoneKind]Milestone{}
	for _, x := range ms {
		m[x.Kind] = x
	}
	return m
}

// The deadline cases are worked out by hand on the official schedules (calendar-rules.md §3).
func TestSessionMilestonesByHand(t *testing.T) {
	cal := calendar.Default()
	cases := []struct {
		name                        string
		held                        string
		open, close, invite, report string
		conclusion                  string
	}{
		// Tết 2023: 20–26/1 off. Back from Mon 30/1: 27/1 is the 1st working day before, then 19, 18, …
		{"after Tết 2023", "2023-01-30", "2023-01-09", "2023-01-19", "2023-01-16", "2023-01-18", "2023-02-08"},
		// Thu 19/1/2023, the day before Tết: 27/1 is the 1st working day after, 06/2 the 7th.
		{"before Tết 2023", "2023-01-19", "2023-01-05", "2023-01-17", "2023-01-12", "2023-01-16", "2023-02-06"},
		// Fri 28/4/2023: 29/4–3/5 off (Giỗ Tổ merged with 30/4–1/5); 4/5 is the 1st working day after.
		{"30/4 2023", "2023-04-28", "2023-04-14", "2023-04-26", "2023-04-21", "2023-04-25", "2023-05-12"},
		// Thu 24/4/2025: Sat 26/4 worked, 30/4–4/5 off with Fri 2/5 swapped: 25, 26, 28, 29, 5, 6, 7.
		{"swap 2025", "2025-04-24", "2025-04-10", "2025-04-22", "2025-04-17", "2025-04-21", "2025-05-07"},
		// Mon 12/1/2026: Sat 10/1 worked, 1–4/1 off with Fri 2/1 swapped. Backwards: 10, 9, 8, 7, 6, 5, 31/12,
		// 30, 29, 26/12.
		{"swap 2026", "2026-01-12", "2025-12-26", "2026-01-09", "2026-01-06", "2026-01-08", "2026-01-21"},
		// Wed 31/12/2025: 1/1 and 2/1 off; 5, 6, 7, 8, 9, Sat 10, 12/1.
		{"new year 2026", "2025-12-31", "2025-12-17", "2025-12-29", "2025-12-24", "2025-12-26", "2026-01-12"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := milestoneMap(SessionMilestones(cal, "s", d(c.held), Offsets{}))
			check := func(what string, got calendar.Date, want string) {
				t.Helper()
				if got != d(want) {
					t.Errorf("%s: got %s, want %s", what, got, want)
				}
			}
			check("opinions open", m[OpinionWindow].Date, c.open)
			check("opinions close", m[OpinionWindow].End, c.close)
			check("invitation", m[InvitationDue].Date, c.invite)
			check("reports", m[ReportsDue].Date, c.report)
			check("session", m[SessionDay].Date, c.held)
			check("conclusion", m[ConclusionDue].Date, c.conclusion)
		})
	}
}

func TestOffsetsOverride(t *testing.T) {
	cal := calendar.Default()
	m := milestoneMap(SessionMilestones(cal, "q2", d("2023-04-28"), Offsets{Conclusion: 3, Invitation: 1}))
	if got := m[ConclusionDue].Date; got != d("2023-05-08") {
		t.Errorf("conclusion after 3 working days: got %s, want 2023-05-08", got)
	}
	if got := m[InvitationDue].Date; got != d("2023-04-27") {
		t.Errorf("invitation 1 working day before: got %s, want 2023-04-27", got)
	}
	if got := m[ReportsDue].Date; got != d("2023-04-25") {
		t.Errorf("reports keep the default 3: got %s", got)
	}
}

func TestEvaluate(t *testing.T) {
	cal := calendar.Default()
	a := Assignment{ID: "x", Body: "UBND", Task: "t", Due: d("2023-01-19")}
	cases := []struct {
		name   string
		p      Progress
		asOf   string
		state  State
		late   int
		prefix string
	}{
		{"due day, not done", Progress{}, "2023-01-19", InProgress, 0, "Đang thực hiện"},
		{"across Tết", Progress{}, "2023-01-30", Overdue, 2, "Quá hạn 2 ngày làm việc"},
		{"inside Tết", Progress{}, "2023-01-24", Overdue, 0, "Quá hạn"},
		{"done on time", Progress{DoneOn: d("2023-01-18")}, "2023-02-01", Done, 0, "Đã hoàn thành (18/01/2023)"},
		{"done late", Progress{DoneOn: d("2023-01-31")}, "2023-02-01", DoneLate, 3, "Hoàn thành chậm 3 ngày làm việc"},
		{"done after as-of", Progress{DoneOn: d("2023-01-31")}, "2023-01-27", Overdue, 1, "Quá hạn 1 ngày làm việc"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Evaluate(cal, a, c.p, d(c.asOf))
			if s.State != c.state || s.Late != c.late {
				t.Errorf("got %s late %d, want %s late %d", s.State, s.Late, c.state, c.late)
			}
			if !strings.HasPrefix(s.Describe(), c.prefix) {
				t.Errorf("Describe() = %q, want prefix %q", s.Describe(), c.prefix)
			}
		})
	}
}

func TestGroupByBody(t *testing.T) {
	ss := []Status{{Assignment: Assignment{ID: "1", Body: "B"}}, {Assignment: Assignment{ID: "2", Body: "A"}},
		{Assignment: Assignment{ID: "3", Body: "B"}}}
	g := GroupByBody(ss)
	if len(g) != 2 || g[0].Body != "B" || len(g[0].Statuses) != 2 || g[1].Body != "A" {
		t.Fatalf("GroupByBody = %+v", g)
	}
}

func dates(os []Occurrence) []string {
	var out []string
	for _, o := range os {
		out = append(out, o.Held.String())
	}
	return out
}

func TestMonthlyRule2026(t *testing.T) {
	cal := calendar.Default()
	got := MonthlyRule{Days: []int{15, 25}, Shift: NextWorkingDay}.ExpandYear(cal, 2026)
	want := []string{
		"2026-01-15", "2026-01-26", // 25/1 Sunday
		"2026-02-23", "2026-02-25", // 15/2 Sunday, 16–20/2 Tết, 21–22 weekend
		"2026-03-16", "2026-03-25", // 15/3 Sunday
		"2026-04-15", "2026-04-28", // 25/4 Saturday, 26 Sunday, 27/4 Giỗ Tổ (bù)
		"2026-05-15", "2026-05-25",
		"2026-06-15", "2026-06-25",
		"2026-07-15", "2026-07-27", // 25/7 Saturday
		"2026-08-17", "2026-08-25", // 15/8 Saturday (22/8 is the worked Saturday, not 15/8)
		"2026-09-15", "2026-09-25",
		"2026-10-15", "2026-10-26", // 25/10 Sunday
		"2026-11-16", "2026-11-25", // 15/11 Sunday
		"2026-12-15", "2026-12-25",
	}
	if strings.Join(dates(got), " ") != strings.Join(want, " ") {
		t.Errorf("15 and 25 in 2026:\n got %v\nwant %v", dates(got), want)
	}
	if !got[1].Moved() || got[0].Moved() {
		t.Errorf("Moved: %v %v", got[0], got[1])
	}
}

func TestMonthlyRuleEdges2026(t *testing.T) {
	cal := calendar.Default()
	next := MonthlyRule{Days: []int{2, 10, 22, 30}, Shift: NextWorkingDay}
	in := MonthlyRule{Days: []int{2, 10, 22, 30}, Shift: NextWorkingDayInMonth}
	cases := []struct{ day, next, in string }{
		{"2026-01-02", "2026-01-05", "2026-01-05"}, // swapped Friday off
		{"2026-01-10", "2026-01-10", "2026-01-10"}, // worked Saturday
		{"2026-02-28", "2026-03-02", "2026-02-27"}, // 30 → last day of February, a Saturday
		{"2026-04-30", "2026-05-04", "2026-04-29"}, // 30/4, 1/5 off, weekend
		{"2026-08-22", "2026-08-22", "2026-08-22"}, // worked Saturday
		{"2026-08-30", "2026-09-03", "2026-08-28"}, // Sunday, then 31/8 swapped, 1–2/9 off
		{"2026-09-02", "", "2026-09-03"},           // next: merged into the occurrence of 30/8 (both held 3/9)
	}
	find := func(os []Occurrence, sched calendar.Date) calendar.Date {
		for _, o := range os {
			if o.Scheduled == sched {
				return o.Held
			}
		}
		return calendar.Date{}
	}
	gotNext, gotIn := next.ExpandYear(cal, 2026), in.ExpandYear(cal, 2026)
	for _, c := range cases {
		wantNext := calendar.Date{}
		if c.next != "" {
			wantNext = d(c.next)
		}
		if g := find(gotNext, d(c.day)); g != wantNext {
			t.Errorf("next: %s held %s, want %s", c.day, g, c.next)
		}
		if g := find(gotIn, d(c.day)); g != d(c.in) {
			t.Errorf("next-in-month: %s held %s, want %s", c.day, g, c.in)
		}
	}
}

func TestMonthlyRuleMergesCollisions(t *testing.T) {
	cal := calendar.Default()
	// 14 and 15/2/2026 (Saturday, Sunday) both move to Monday 23/2 after Tết: held once.
	got := MonthlyRule{Days: []int{14, 15}}.Expand(cal, d("2026-02-01"), d("2026-02-28"))
	if strings.Join(dates(got), " ") != "2026-02-23" {
		t.Errorf("got %v", dates(got))
	}
}

func TestICSRoundTrip(t *testing.T) {
	cal := calendar.Default()
	ms := SessionMilestones(cal, "q1", d("2023-03-15"), Offsets{})
	events := MilestoneEvents("test", ms)
	for i := range events {
		if ms[i].Kind == SessionDay {
			events[i].Start, events[i].Stop = NewClock(8, 0), NewClock(11, 30)
			events[i].Location = "Hội trường Ủy ban nhân dân thị xã"
		}
	}
	stamp := time.Date(2023, 2, 10, 0, 0, 0, 0, time.UTC)
	var a, b bytes.Buffer
	if err := WriteICS(&a, events, ICSOptions{Name: "Đối thoại 2023", Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	if err := WriteICS(&b, events, ICSOptions{Name: "Đối thoại 2023", Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("output not deterministic")
	}
	if !strings.Contains(a.String(), "\r\n") {
		t.Error("want CRLF line ends")
	}
	parsed, err := ics.ParseCalendar(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	evs := parsed.Events()
	if len(evs) != len(ms) {
		t.Fatalf("%d events, want %d", len(evs), len(ms))
	}
	for i, ev := range evs {
		if ev.Id() != events[i].UID {
			t.Errorf("UID %q, want %q", ev.Id(), events[i].UID)
		}
		st, err := ev.GetDtStampTime()
		if err != nil || !st.Equal(stamp) {
			t.Errorf("DTSTAMP %v %v", st, err)
		}
		if ms[i].Kind == SessionDay {
			start, err := ev.GetStartAt()
			if err != nil {
				t.Fatal(err)
			}
			if want := time.Date(2023, 3, 15, 1, 0, 0, 0, time.UTC); !start.Equal(want) {
				t.Errorf("session start %v, want %v (08:00 ICT)", start, want)
			}
			end, _ := ev.GetEndAt()
			if want := time.Date(2023, 3, 15, 4, 30, 0, 0, time.UTC); !end.Equal(want) {
				t.Errorf("session end %v, want %v", end, want)
			}
			if loc := ev.GetProperty(ics.ComponentPropertyLocation); loc == nil || loc.Value != "Hội trường Ủy ban nhân dân thị xã" {
				t.Errorf("location %v", loc)
			}
			continue
		}
		p := ev.GetProperty(ics.ComponentPropertyDtStart)
		if p.ICalParameters["VALUE"][0] != "DATE" {
			t.Errorf("%s: want an all-day event, got %v", ms[i].Kind, p)
		}
		start, _ := ev.GetAllDayStartAt()
		if calendar.DateOf(start) != ms[i].Date {
			t.Errorf("%s: start %v, want %s", ms[i].Kind, start, ms[i].Date)
		}
		endp := ev.GetProperty(ics.ComponentPropertyDtEnd)
		if endp.Value != ms[i].End.AddDays(1).Time().Format("20060102") {
			t.Errorf("%s: DTEND %s, want the day after %s", ms[i].Kind, endp.Value, ms[i].End)
		}
	}
}

// TestPlanMilestones: the plan's milestones block sets the offsets of every session; a session file's
// milestones override them for its session; the rest keep the defaults. The conclusion's assignments without
// a due date take the plan's reply offset.
func TestPlanMilestones(t *testing.T) {
	dir := t.TempDir()
	copyWith := func(name string, edit func(string) string) {
		t.Helper()
		data, err := os.ReadFile(filepath.Join("../examples/duc-pho-2023", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(edit(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyWith("plan.yaml", func(s string) string {
		return strings.Replace(s, "conclusion_deadline_working_days: 7\n",
			"conclusion_deadline_working_days: 7\nmilestones:\n  opinions_open: 12\n  invitation: 6\n  reply: 15\n", 1)
	})
	copyWith("session-q1.yaml", func(s string) string { return s + "milestones:\n  invitation: 4\n" })
	copyWith("conclusion-q1.yaml", func(s string) string {
		return strings.Replace(s, "    due_working_days: 10      # 10 working days after the notice (Quy định 11-QĐi/TW): 05/4/2023\n", "", 1)
	})
	s, err := Load(Options{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	cal := calendar.Default()
	held := d("2023-03-15")
	var got = map[MilestoneKind]Milestone{}
	var due calendar.Date
	for _, m := range s.Milestones() {
		if m.SessionID == "q1" && m.Kind != AssignmentDue {
			got[m.Kind] = m
		}
		if m.Kind == AssignmentDue && m.Key == "q1-1" {
			due = m.Date
		}
	}
	for _, c := range []struct {
		kind MilestoneKind
		want calendar.Date
		why  string
	}{
		{OpinionWindow, cal.AddWorkingDays(held, -12), "plan opinions_open 12"},
		{InvitationDue, cal.AddWorkingDays(held, -4), "session file's invitation 4 over the plan's 6"},
		{ReportsDue, cal.AddWorkingDays(held, -3), "default reports 3"},
		{ConclusionDue, cal.AddWorkingDays(held, 7), "plan conclusion_deadline_working_days 7"},
	} {
		if g := got[c.kind].Date; g != c.want {
			t.Errorf("%s: %s, want %s (%s)", c.kind, g, c.want, c.why)
		}
	}
	if want := cal.AddWorkingDays(d("2023-03-22"), 15); due != want {
		t.Errorf("q1-1 due %s, want %s (plan reply 15 after the notice)", due, want)
	}
	if rule := got[InvitationDue].Rule; !strings.HasPrefix(rule, "04 ngày") {
		t.Errorf("invitation rule %q", rule)
	}
}

// TestSessionWindowCheck: a session file whose offsets (with the plan's) close the opinion window before it
// opens is an error at its milestones.
func TestSessionWindowCheck(t *testing.T) {
	dir := t.TempDir()
	plan, _ := filepath.Abs("../examples/duc-pho-2023/plan.yaml")
	data, err := os.ReadFile("../examples/duc-pho-2023/session-q1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Replace(string(data), "plan: plan.yaml", "plan: "+plan, 1) + "milestones: {opinions_close: 11}\n"
	file := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(file, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(Options{}, file)
	if err == nil || !strings.Contains(err.Error(), "s.yaml:30:30: milestones.opinions_close: tiếp nhận ý kiến kết thúc 11 ngày") {
		t.Errorf("got %v", err)
	}
}
