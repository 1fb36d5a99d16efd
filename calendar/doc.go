// Package calendar is the Vietnamese working-day calendar of vanban: civil dates, the Vietnamese lunar
// calendar, public holidays by the law in force, the official civil-servant schedules, and the working-day
// arithmetic used for the deadlines of the dialogue cycle ("trong thời hạn 07 ngày làm việc kể từ khi kết
// thúc việc đối thoại").
//
// # Dates
//
// Date is a civil date (no time of day, no time zone), stored as its Julian Day Number. DateOf takes the
// date a time.Time shows in its own location, so the answers never depend on the machine's time zone;
// Date.Time returns midnight UTC. ParseDate reads YYYY-MM-DD and, day first as Vietnamese offices write it,
// DD/MM/YYYY, DD-MM-YYYY or DD.MM.YYYY.
//
// # Working days
//
// Calendar.Day says whether a day is a working day and why not (Reason, in Vietnamese, NFC) and whether the
// answer rests on an official schedule (Official) or on an estimate from the law. AddWorkingDays counts as
// Bộ luật Dân sự 2015 Điều 147 does: a period starts on the day after the event, so the due date of
// "07 ngày làm việc" after a session on 18/01/2023 is the 7th working day after it (03/02/2023, Tết skipped).
// WorkingDaysBetween(a, b) counts the working days in (a, b]. Monthly gives "the 15th of each month; if that
// day is off, the next working day" and its variants (ShiftRule). A swapped Saturday (làm bù) is a working
// day; a nghỉ bù weekday is not.
//
// Supported range: 1968-01-01 … 2100-12-31 (SupportedRange). Outside it a Calendar knows only Saturdays and
// Sundays (Official false); the command line refuses dates outside it.
//
// # Rules and sources
//
// Holidays (ngày lễ, Tết), by the law in force on the day:
//   - Bộ luật Lao động 2019 (45/2019/QH14), Điều 112, in force 01/01/2021: 1/1; Tết Âm lịch 5 days; Giỗ Tổ
//     Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 plus one adjacent day (11 days).
//   - Bộ luật Lao động 2012 (10/2012/QH13), Điều 115, in force 01/05/2013 to 31/12/2020: the same with
//     Quốc khánh 1 day (10 days). Tết 5 days from Tết 2014 (Tết 2013 was before 01/05/2013).
//   - Bộ luật Lao động 1994, Điều 73 (with Luật 84/2007/QH11 adding Giỗ Tổ Hùng Vương from 2007): 1/1; Tết
//     4 days (the last day of the old year and days 1–3); 30/4; 1/5; 2/9.
//   - Nghỉ bù (Điều 111(3) BLLĐ 2019; Điều 115(3) BLLĐ 2012; Điều 73 BLLĐ 1994): a holiday on Saturday or
//     Sunday moves to the next working day (after any holidays that follow it).
//   - Swaps (hoán đổi) are not in the Code: the Prime Minister approves them each year for civil servants
//     (announced by Bộ LĐTBXH to 02/2025, by Bộ Nội vụ since). They come only from schedules.
//
// The official schedules 2019–2026 are embedded from schedules/vn-civil-servants.yaml, one break per entry
// with its source (Thông báo 3238/TB-LĐTBXH, Công văn 245/VPCP-KGVX, 8056/VPCP-KGVX, 2450/VPCP-KGVX,
// 8726/VPCP-KGVX, 12729/VPCP-KGVX, Thông báo 5015/TB-LĐTBXH, 6150/TB-BLĐTBXH, 9441/TB-BNV, and press copies)
// and its confidence. Every date was checked against the law and the lunar calendar (see the tests).
//
// # Estimates
//
// A year no schedule gives (1968–2018, 2027–2100) is estimated from the law in force, with Official false:
//   - Tết (5 days, BLLĐ 2012/2019): the Prime Minister fixes the split every year, so it cannot be computed.
//     The estimate takes the last day of the old lunar year and days 1–4 of the new one (the split of 2019,
//     2022 and 2026; 2020, 2021, 2023–2025 used 2 days before and 3 after). Nghỉ bù follows for the days on a
//     weekend.
//   - Quốc khánh's adjacent day (from 2021) by the weekday of 2/9, as chosen 2021–2026: 3/9 when 2/9 is a
//     Monday, Thursday or Sunday, otherwise 1/9.
//   - No swaps are estimated.
//   - Simplifications before 1995: the holiday list of BLLĐ 1994 is applied to 1968–1994 (30/4 from 1976); the
//     civil-service five-day week (Quyết định 188/1999/QĐ-TTg, October 1999) is applied to all years, so
//     Saturdays before it count as days off, which they were not in practice.
//
// # Loading schedule files
//
// New(WithScheduleFile(path)), New(WithSchedule(reader)) or New(WithNamedSchedule(name, reader)) adds a schedule in the format of the
// embedded file (described in schedules/README.md). The layers are, from the bottom: the law's estimate, the
// embedded schedules, then each loaded schedule in the order given. For each year Y a layer gives:
//   - a year with replace: true discards everything below it for Y (estimate and earlier schedules): the year
//     is exactly the file's days plus Saturdays and Sundays, and is official unless official: false;
//   - otherwise its days are merged one by one: each date listed replaces what lower layers said about that
//     date, and every other date is unchanged. A year that was an estimate stays an estimate (Official
//     false) unless the file says official: true;
//   - official: true/false always sets the year's status. Official is per year: a day is official when the
//     year its schedule entry is filed under (or, for unlisted days, its own year) is official.
//
// A file's statutory_holidays (a fixed-date holiday added to the law from a date on, e.g. 24/11) enter every
// estimated year with their nghỉ bù; years with an official schedule must list the day themselves.
//
// Days are taken literally: listing a holiday that falls on a weekend does not create its nghỉ bù; list it.
// A swap ("swapped_with") makes the weekday off and the weekend day a working day; to cancel a swap, list
// both days. A malformed file is an error naming file:line:col and what is wrong (YAML syntax errors carry
// the line only); the calendar is not built.
//
// WithoutSwaps gives the calendar of employers that do not follow the civil-servant swaps: swapped weekdays
// are working days, the Saturdays worked in exchange are rest days; holidays and nghỉ bù stay.
//
// # Lunar calendar
//
// SolarToLunar and LunarToSolar implement the Vietnamese rules (Hồ Ngọc Đức's description of them): the day
// containing the new moon is day 1; the month containing the winter solstice is month 11; when 13 months
// start between two months 11, the first month after month 11 that contains no principal solar term (trung
// khí) is the leap month and repeats the number of the month before it; all for 105°E (UTC+7). The
// astronomy is this package's own, from Jean Meeus, Astronomical Algorithms: the true new moon of chapter 49
// with all periodic and planetary terms, the apparent solar longitude of chapter 25 (low accuracy,
// about 0.01°), and ΔT from the Espenak–Meeus polynomials. No code or table of other implementations is used.
//
// Rounding: a new moon (or solar term) belongs to the civil day in UTC+7 that contains its computed instant
// (UT = TT − ΔT); an instant exactly at 00:00:00 starts the new day. Whether a month contains a principal
// term is decided by comparing the Sun's longitude at the local midnights that start the month and the next
// one. New moons within minutes of midnight are where implementations disagree. Between 1968 and 2100 eight
// new moons fall within 3 minutes of local midnight by this computation; four of them lie within about a
// minute, where the Meeus series (good to a few seconds, at most about 17 s) and the predicted ΔT of those
// years (tens of seconds of uncertainty) cannot decide the day, and published implementations split:
//
//	new moon, this package (UTC+7)   lunar month it starts        who agrees (checked 2026-11)
//	2054-05-08 00:00:23              month 4 of Giáp Tuất 2054    algorithmic ports of Hồ Ngọc Đức's method, a precise ephemeris; not his tables (7 May)
//	2072-12-09 23:58:48              month 11 of Nhâm Thìn 2072   his tables, a precise ephemeris; not the algorithmic ports
//	2077-11-15 23:59:50              month 10 of Đinh Dậu 2077    his tables; not the ports nor a precise ephemeris (16 Nov)
//	2085-10-18 23:59:32              month 9 of Ất Tỵ 2085        all three Vietnamese implementations; not a precise ephemeris
//
// These are documented rather than forced to agree with one source: the day a lunar month starts in those
// years is uncertain until it is announced, and none of them touches the 2019–2026 schedules or Tết.
//
// The lunar table covers solar dates from December 1899 to December 2200 (LunarRange) and is computed once,
// at first use (about 4 ms). Only 1968 onward is the official Vietnamese calendar. Before 1968 the North of
// Vietnam used UTC+8 (until 08/08/1967) and published tables disagree in several years (1903, 1916, 1917,
// 1925, 1935, 1939, 1965); for those years this package gives the UTC+7 calendar computed the same way,
// which may differ from the calendar people used then. Outside LunarRange SolarToLunar returns the zero
// LunarDate and LunarToSolar an error.
//
// Cross-check: every day 1968-01-01 … 2100-12-31 was compared with two independent implementations of the
// same rules (a table-based and an algorithmic one), and again later with three Vietnamese packages and a precise
// ephemeris (astronomy-engine) as referee: every disagreement is one of the lunations listed above (plus days
// where the algorithmic ports print an invalid "day 0").
//
// # Formatting
//
// FormatDateLine gives the date of the place-date line of an official document ("ngày 05 tháng 3 năm 2023":
// days below 10 and the months January and February take a leading zero, months 3–12 do not). FormatShort
// gives "18/02/2019", WeekdayName "thứ Hai" … "thứ Bảy", "Chủ nhật", FormatLunar "ngày 01 tháng Giêng năm
// Quý Mão" (month 12 is "tháng Chạp", a leap month "tháng 4 nhuận"), CanChi the name of a lunar year.
//
// # Performance and state
//
// A Calendar precomputes one entry per day of the supported range at construction (New takes 5–8 ms;
// Default is built once). IsWorkingDay, AddWorkingDays, WorkingDaysBetween, SolarToLunar and LunarToSolar do
// not allocate; adding 7 working days takes about 10 ns. The only package-level state is the Default
// calendar and the lunar table, each built once under sync.Once and read-only afterwards.
package calendar
