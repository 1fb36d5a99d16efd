package calendar

import "time"

// Holiday names as the Labour Code writes them; used in DayInfo.Reason.
const (
	NameNewYear    = "Tết Dương lịch"
	NameTet        = "Tết Nguyên đán"
	NameHungKings  = "Giỗ Tổ Hùng Vương"
	NameVictory    = "Ngày Chiến thắng"
	NameLabour     = "Ngày Quốc tế lao động"
	NameNationalDy = "Quốc khánh"
)

// Dates on which the law changed (see the package documentation for the sources):
// Bộ luật Lao động 1994 in force 01/01/1995, applied as a simplification to every earlier year too;
// Giỗ Tổ Hùng Vương a paid holiday from 2007 (Luật 84/2007/QH11 amending Điều 73 BLLĐ 1994);
// Bộ luật Lao động 2012 (10/2012/QH13) in force 01/05/2013: Tết 5 days (from Tết 2014);
// Bộ luật Lao động 2019 (45/2019/QH14) in force 01/01/2021: Quốc khánh 2 days.

// code2012InForce reports whether Bộ luật Lao động 2012 (or a later code) is in force on d.
func code2012InForce(d Date) bool { return !d.Before(NewDate(2013, time.May, 1)) }

// LawFor returns the short name of the labour law whose holiday list applies on d.
func LawFor(d Date) string {
	switch {
	case d.Year() >= 2021:
		return "Bộ luật Lao động 2019 (45/2019/QH14), Điều 112"
	case code2012InForce(d):
		return "Bộ luật Lao động 2012 (10/2012/QH13), Điều 115"
	case d.Year() >= 1995:
		return "Bộ luật Lao động 1994, Điều 73"
	}
	return "ước tính theo Bộ luật Lao động 1994, Điều 73 (giản lược cho năm trước 1995)"
}

// estimateYear returns the days off of year y estimated from the law in force (used for years without a
// schedule): the statutory holidays, the documented default for the days the Prime Minister fixes each year
// (Tết split, Quốc khánh adjacent day) and nghỉ bù. It never contains swaps.
func estimateYear(y int, extra []StatutoryHoliday) []Entry {
	src := &Break{Name: "ước tính theo luật", Source: "estimate from " + LawFor(NewDate(y, 6, 1)), Confidence: "low"}
	var hol []Entry
	add := func(d Date, name string) {
		if d.IsZero() {
			return
		}
		hol = append(hol, Entry{Date: d, Kind: EntryHoliday, Name: name, Break: src})
	}
	add(NewDate(y, 1, 1), NameNewYear)
	tet := Tet(y)
	if !tet.IsZero() {
		if code2012InForce(tet) {
			// 5 days; default split: the last day of the old year and days 1–4 of the new year.
			for i := -1; i <= 3; i++ {
				add(tet.AddDays(i), NameTet)
			}
		} else {
			// BLLĐ 1994: 4 days, the last day of the old year and days 1–3.
			for i := -1; i <= 2; i++ {
				add(tet.AddDays(i), NameTet)
			}
		}
	}
	if y >= 2007 {
		if d, err := LunarToSolar(LunarDate{Year: y, Month: 3, Day: 10}); err == nil {
			add(d, NameHungKings)
		}
	}
	if y >= 1976 {
		add(NewDate(y, 4, 30), NameVictory)
	}
	add(NewDate(y, 5, 1), NameLabour)
	qk := NewDate(y, 9, 2)
	add(qk, NameNationalDy)
	if y >= 2021 {
		// The adjacent day the Prime Minister chose 2021–2026, by weekday of 2/9: the one that joins the
		// weekend or the other holiday day to a weekend.
		switch qk.Weekday() {
		case time.Monday, time.Thursday, time.Sunday:
			add(qk.AddDays(1), NameNationalDy)
		default:
			add(qk.AddDays(-1), NameNationalDy)
		}
	}
	for _, h := range extra {
		if x := NewDate(y, time.Month(h.Month), h.Day); x.Month() == time.Month(h.Month) && !x.Before(h.From) {
			hol = append(hol, Entry{Date: x, Kind: EntryHoliday, Name: h.Name,
				Break: &Break{Name: h.Name, Source: "estimate from the law; holiday added by " + h.Source, Confidence: "low"}})
		}
	}
	sortEntries(hol)
	// Nghỉ bù: a holiday on Saturday or Sunday moves to the next working day.
	off := map[Date]bool{}
	for _, e := range hol {
		off[e.Date] = true
	}
	out := hol
	for _, e := range hol {
		if wd := e.Date.Weekday(); wd != time.Saturday && wd != time.Sunday {
			continue
		}
		d := e.Date.AddDays(1)
		for {
			wd := d.Weekday()
			if wd != time.Saturday && wd != time.Sunday && !off[d] {
				break
			}
			d = d.AddDays(1)
		}
		off[d] = true
		out = append(out, Entry{Date: d, Kind: EntryCompensatory, Name: e.Name, Break: src})
	}
	sortEntries(out)
	return out
}

func sortEntries(es []Entry) {
	// insertion sort: a dozen entries
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Date.Before(es[j-1].Date); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}
