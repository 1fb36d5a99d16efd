package calendar_test

import (
	"fmt"
	"time"

	"github.com/vanban/vanban/calendar"
)

func ExampleCalendar_AddWorkingDays() {
	c := calendar.Default()
	// "trong thời hạn 07 ngày làm việc kể từ khi kết thúc việc đối thoại": the session's day is not counted.
	session := calendar.MustParseDate("2023-01-18")
	due := c.AddWorkingDays(session, 7)
	fmt.Println(due, calendar.WeekdayName(due))
	// Output: 2023-02-03 thứ Sáu
}

func ExampleCalendar_Day() {
	c := calendar.Default()
	for _, s := range []string{"2023-05-02", "2026-01-02", "2026-01-10", "2027-02-08"} {
		info := c.Day(calendar.MustParseDate(s))
		fmt.Printf("%s working=%v official=%v %s\n", s, info.Working, info.Official, info.Reason)
	}
	// Output:
	// 2023-05-02 working=false official=true Nghỉ bù Giỗ Tổ Hùng Vương
	// 2026-01-02 working=false official=true Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)
	// 2026-01-10 working=true official=true Làm bù cho ngày nghỉ hoán đổi 02/01/2026
	// 2027-02-08 working=false official=false Tết Nguyên đán
}

func ExampleCalendar_WorkingDaysBetween() {
	c := calendar.Default()
	fmt.Println(c.WorkingDaysBetween(calendar.MustParseDate("2023-01-18"), calendar.MustParseDate("2023-02-03")))
	// Output: 7
}

func ExampleCalendar_Monthly() {
	c := calendar.Default()
	// "ngày 30 hằng tháng; nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo", and the variant that
	// stays inside the month.
	fmt.Println(c.Monthly(2023, time.April, 30, calendar.ShiftForward))
	fmt.Println(c.Monthly(2023, time.April, 30, calendar.ShiftForwardInMonth))
	// Output:
	// 2023-05-04
	// 2023-04-28
}

func ExampleFormatDateLine() {
	fmt.Println(calendar.FormatDateLine(calendar.NewDate(2023, time.March, 5)))
	fmt.Println(calendar.FormatDateLine(calendar.NewDate(2024, time.February, 1)))
	// Output:
	// ngày 05 tháng 3 năm 2023
	// ngày 01 tháng 02 năm 2024
}

func ExampleFormatShort() {
	fmt.Println(calendar.FormatShort(calendar.NewDate(2019, time.February, 18)))
	// Output: 18/02/2019
}

func ExampleWeekdayName() {
	fmt.Println(calendar.WeekdayName(calendar.NewDate(2023, time.May, 12)))
	// Output: thứ Sáu
}

func ExampleSolarToLunar() {
	l := calendar.SolarToLunar(calendar.NewDate(2023, time.January, 22))
	fmt.Println(l, calendar.FormatLunar(l))
	l = calendar.SolarToLunar(calendar.NewDate(2033, time.December, 22))
	fmt.Println(l, calendar.FormatLunar(l))
	// Output:
	// 2023-01-01 ngày 01 tháng Giêng năm Quý Mão
	// 2033-11L-01 ngày 01 tháng 11 nhuận năm Quý Sửu
}

func ExampleLunarToSolar() {
	d, err := calendar.LunarToSolar(calendar.LunarDate{Year: 2026, Month: 3, Day: 10}) // Giỗ Tổ Hùng Vương
	fmt.Println(d, err)
	// Output: 2026-04-26 <nil>
}

func ExampleCanChi() {
	fmt.Println(calendar.CanChi(2026))
	// Output: Bính Ngọ
}

func ExampleNew() {
	c, err := calendar.New(calendar.WithoutSwaps()) // businesses: no civil-servant swaps
	if err != nil {
		panic(err)
	}
	fmt.Println(c.IsWorkingDay(calendar.MustParseDate("2025-05-02")), calendar.Default().IsWorkingDay(calendar.MustParseDate("2025-05-02")))
	// Output: true false
}

// A deadline with its explanation: the days counted and the days skipped, with the reason of each.
func ExampleCalendar_Explain() {
	x := calendar.Default().Explain(calendar.MustParseDate("2023-01-18"), 7)
	fmt.Println("due", x.Due, "—", x.Rule())
	fmt.Println(len(x.Counted), "days counted; skipped:")
	for _, d := range x.Skipped[:3] {
		fmt.Println(" ", d.Date, d.Reason)
	}
	// Output:
	// due 2023-02-03 — 7 ngày làm việc kể từ ngày sau 2023-01-18 (Bộ luật Dân sự 2015, Điều 147)
	// 7 days counted; skipped:
	//   2023-01-20 Tết Nguyên đán
	//   2023-01-21 Tết Nguyên đán
	//   2023-01-22 Tết Nguyên đán
}
