package notice

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/problem"
)

// offReason names why a day is not a working day, for the warnings: ": Tết Nguyên đán" and " (Tết Nguyên đán)",
// or nothing on a plain weekend day, which the weekday already says.
func offReason(cal *calendar.Calendar, d calendar.Date) (vi, en string) {
	info := cal.Day(d)
	if info.Reason == "" || strings.EqualFold(info.Reason, calendar.WeekdayName(d)) {
		return "", ""
	}
	return ": " + info.Reason, " (" + info.Reason + ")"
}

// estimated warns when a date of a file falls in a year whose days off are estimated from the law rather than
// announced (calendar.Calendar.IsOfficialYear: 2027 on, until the schedule is announced), at the field path of
// that date.
func (m *Meta) estimated(cal *calendar.Calendar, path string, d calendar.Date) problem.List {
	if d.IsZero() || !calendar.InRange(d) || cal.IsOfficialYear(d.Year()) || m.src.DecodeFailed(path) {
		return nil
	}
	return problem.List{m.errorf(path,
		fmt.Sprintf("lịch nghỉ năm %d chưa được công bố: ngày nghỉ lễ, nghỉ bù và các thời hạn tính theo ngày làm việc của năm này được ước tính theo luật, có thể thay đổi khi lịch chính thức được công bố (nạp lịch bằng --schedule)", d.Year()),
		fmt.Sprintf("the %d schedule of days off is not announced yet: its holidays, compensatory days and the deadlines counted in working days are estimated from the law and may move when the official schedule is announced (load it with --schedule)", d.Year()))}
}
