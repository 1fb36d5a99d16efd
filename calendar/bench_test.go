package calendar

import "testing"

var sinkDate Date
var sinkBool bool
var sinkLunar LunarDate

func BenchmarkIsWorkingDay(b *testing.B) {
	c := Default()
	x := d("2023-05-12")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkBool = c.IsWorkingDay(x.AddDays(i & 1023))
	}
}

func BenchmarkAddWorkingDays7(b *testing.B) {
	c := Default()
	x := d("2023-01-18")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkDate = c.AddWorkingDays(x.AddDays(i&255), 7)
	}
}

func BenchmarkAddWorkingDays30(b *testing.B) {
	c := Default()
	x := d("2023-01-18")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkDate = c.AddWorkingDays(x.AddDays(i&255), 30)
	}
}

func BenchmarkWorkingDaysBetween(b *testing.B) {
	c := Default()
	x, y := d("2023-01-18"), d("2024-06-30")
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = c.WorkingDaysBetween(x, y) > 0
	}
}

func BenchmarkSolarToLunar(b *testing.B) {
	x := d("2023-01-18")
	SolarToLunar(x)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkLunar = SolarToLunar(x.AddDays(i & 16383))
	}
}

func BenchmarkLunarToSolar(b *testing.B) {
	l := LunarDate{Year: 2023, Month: 3, Day: 10}
	SolarToLunar(d("2023-01-18"))
	b.ReportAllocs()
	for b.Loop() {
		sinkDate, _ = LunarToSolar(l)
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuildLunarTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		buildLunarTable()
	}
}

func BenchmarkFormatDateLine(b *testing.B) {
	x := d("2023-03-05")
	b.ReportAllocs()
	for b.Loop() {
		_ = FormatDateLine(x)
	}
}
