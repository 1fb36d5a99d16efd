package notice_test

import (
	"fmt"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/notice"
)

// The cycle of a session held on Monday 30 January 2023, just after Tết (20–26/1/2023 off).
func ExampleSessionMilestones() {
	cal := calendar.Default()
	for _, m := range notice.SessionMilestones(cal, "q1", calendar.MustParseDate("2023-01-30"), notice.Offsets{}) {
		fmt.Printf("%s – %s  %s\n", m.Date, m.End, m.Title)
	}
	// Output:
	// 2023-01-09 – 2023-01-19  Tiếp nhận ý kiến, kiến nghị của công dân
	// 2023-01-16 – 2023-01-16  Phát hành giấy mời, thông báo trên đài truyền thanh
	// 2023-01-18 – 2023-01-18  Hạn các cơ quan gửi báo cáo phục vụ đối thoại
	// 2023-01-30 – 2023-01-30  Buổi đối thoại
	// 2023-02-08 – 2023-02-08  Hạn ban hành thông báo kết luận
}

// Citizen reception on the 15th and 25th of each month of 2026, moved to the next working day when off.
func ExampleMonthlyRule() {
	cal := calendar.Default()
	rule := notice.MonthlyRule{Days: []int{15, 25}, Shift: notice.NextWorkingDay}
	for _, o := range rule.ExpandYear(cal, 2026) {
		if o.Moved() {
			fmt.Printf("%s → %s %s\n", o.Scheduled, calendar.WeekdayName(o.Held), o.Held)
		}
	}
	// Output:
	// 2026-01-25 → thứ Hai 2026-01-26
	// 2026-02-15 → thứ Hai 2026-02-23
	// 2026-03-15 → thứ Hai 2026-03-16
	// 2026-04-25 → thứ Ba 2026-04-28
	// 2026-07-25 → thứ Hai 2026-07-27
	// 2026-08-15 → thứ Hai 2026-08-17
	// 2026-10-25 → thứ Hai 2026-10-26
	// 2026-11-15 → thứ Hai 2026-11-16
}

// An assignment due on Thursday 19/1/2023, not done by Monday 30/1/2023: Tết leaves two working days late.
func ExampleEvaluate() {
	cal := calendar.Default()
	a := notice.Assignment{ID: "q1-1", Body: "Ủy ban nhân dân thị xã", Due: calendar.MustParseDate("2023-01-19")}
	s := notice.Evaluate(cal, a, notice.Progress{}, calendar.MustParseDate("2023-01-30"))
	fmt.Println(s.State, s.Late, s.Describe())
	// Output: overdue 2 Quá hạn 2 ngày làm việc
}

// The conclusion notice of the seed's first session, rendered from its YAML file with the files it refers to
// (the plan, the session file); a late date would come back as a warning.
func ExampleRenderFile() {
	outs, warnings, err := notice.RenderFile(notice.Options{}, "../examples/duc-pho-2023/conclusion-q1.yaml")
	if err != nil {
		fmt.Println(err) // every problem, each with file:line:col, in Vietnamese and English
		return
	}
	for _, o := range outs {
		fmt.Println(o.Name, len(o.Data) > 0, len(warnings))
	}
	// Output: conclusion-q1.docx true 0
}

// What is due when for every session of the seed's plan, with its session files beside it.
func ExampleSet_Milestones() {
	set, err := notice.Load(notice.Options{}, "../examples/duc-pho-2023")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range set.Milestones() {
		if m.SessionID == "q2" {
			fmt.Println(m.Date, m.Title)
		}
	}
	// Output:
	// 2023-05-04 Tiếp nhận ý kiến, kiến nghị của công dân
	// 2023-05-11 Phát hành giấy mời, thông báo trên đài truyền thanh
	// 2023-05-15 Hạn các cơ quan gửi báo cáo phục vụ đối thoại
	// 2023-05-18 Buổi đối thoại
	// 2023-05-29 Hạn ban hành thông báo kết luận
}

// The placeholders a session notice of the seed can write, with their values for that file.
func ExampleFields() {
	fields, err := notice.Fields(notice.Options{}, "../examples/duc-pho-2023/session-q1.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fields {
		switch f.Name {
		case "day_long", "hours", "opinions_from", "opinions_to", "conclusion_deadline":
			fmt.Printf("{{%s}} = %s\n", f.Name, f.Value)
		}
	}
	// Output:
	// {{day_long}} = thứ Tư, ngày 15/3/2023
	// {{conclusion_deadline}} = 24/3/2023
	// {{hours}} = Từ 08 giờ 00 đến 11 giờ 00
	// {{opinions_from}} = 01/3/2023
	// {{opinions_to}} = 13/3/2023
}
