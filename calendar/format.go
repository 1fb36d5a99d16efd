package calendar

import (
	"strconv"
	"time"
)

var weekdayNames = [7]string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}

// WeekdayName returns the Vietnamese name of d's weekday: "thứ Hai" … "thứ Bảy", "Chủ nhật".
// At the start of a sentence, capitalise the first letter ("Thứ Hai").
func WeekdayName(d Date) string { return weekdayNames[d.Weekday()] }

// VietnameseWeekday returns the Vietnamese name of a time.Weekday, as WeekdayName.
func VietnameseWeekday(w time.Weekday) string { return weekdayNames[w%7] }

func twoDigits(b []byte, n int) []byte { return append(b, byte('0'+n/10%10), byte('0'+n%10)) }

// FormatDateLine returns the date as written in the place-date line of an official document (Nghị định
// 30/2020/NĐ-CP, Phụ lục I): "ngày 05 tháng 3 năm 2023". Days below 10 and the months January and February
// take a leading zero ("ngày 01 tháng 02 năm 2024"); months 3–12 do not.
func FormatDateLine(d Date) string {
	y, m, dd := d.Date()
	b := make([]byte, 0, 32)
	b = append(b, "ngày "...)
	b = twoDigits(b, dd)
	b = append(b, " tháng "...)
	if m <= 2 {
		b = twoDigits(b, int(m))
	} else {
		b = strconv.AppendInt(b, int64(m), 10)
	}
	b = append(b, " năm "...)
	b = strconv.AppendInt(b, int64(y), 10)
	return string(b)
}

// FormatShort returns the date as dd/mm/yyyy: "18/02/2019".
func FormatShort(d Date) string {
	y, m, dd := d.Date()
	b := make([]byte, 0, 10)
	b = twoDigits(b, dd)
	b = append(b, '/')
	b = twoDigits(b, int(m))
	b = append(b, '/')
	if y >= 0 && y < 1000 {
		b = append(b, byte('0'+y/1000), byte('0'+y/100%10))
		b = twoDigits(b, y%100)
	} else {
		b = strconv.AppendInt(b, int64(y), 10)
	}
	return string(b)
}

// FormatLong returns "thứ Sáu, ngày 12 tháng 5 năm 2023".
func FormatLong(d Date) string { return WeekdayName(d) + ", " + FormatDateLine(d) }
