package notice

import (
	"fmt"
	"strings"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
)

// ScheduleFile is a "kind: reception-schedule" file: a recurring citizen reception (tiếp công dân định kỳ) on
// fixed days of each month, expanded for a year into dated days and a Thông báo lịch tiếp công dân.
type ScheduleFile struct {
	Meta `yaml:",inline"`
	Year int `yaml:"year" validate:"required,min=2000,max=2100"`
	// Days are the days of each month, e.g. [15, 25].
	Days []int `yaml:"days" validate:"required,min=1,max=31,dive,min=1,max=31"`
	// Shift is "next" (default), "next-in-month" or "previous" (see Shift).
	Shift Shift `yaml:"shift,omitempty" validate:"omitempty,oneof=next next-in-month previous"`
	// Receiver is who receives the citizens, e.g. "đồng chí Bí thư Thị ủy".
	Receiver string `yaml:"receiver" validate:"required"`
	Start    Clock  `yaml:"start"`
	End      Clock  `yaml:"end,omitempty"`
	Venue    string `yaml:"venue" validate:"required"`
	Summary  string `yaml:"summary,omitempty"`
	Intro    string `yaml:"intro,omitempty"`
	// Notes are further items printed after the schedule (what to bring, whom to contact…).
	Notes   []string `yaml:"notes,omitempty" validate:"dive,required"`
	Closing string   `yaml:"closing,omitempty"`
	// Headings replaces the item titles (ScheduleHeadings).
	Headings ScheduleHeadings `yaml:"headings,omitempty"`
}

// Rule returns the monthly rule of the file.
func (s *ScheduleFile) Rule() MonthlyRule { return MonthlyRule{Days: s.Days, Shift: s.Shift} }

// Occurrences expands the rule for the year on cal.
func (s *ScheduleFile) Occurrences(cal *calendar.Calendar) []Occurrence {
	return s.Rule().ExpandYear(cal, s.Year)
}

// Document builds the Thông báo lịch tiếp công dân.
func (s *ScheduleFile) Document(cal *calendar.Calendar) (*document.Document, error) {
	d := s.frame("Thông báo")
	draftYear(d, s.Year)
	d.Summary = or(s.Summary, fmt.Sprintf("lịch tiếp công dân định kỳ của %s năm %d", s.Receiver, s.Year))
	days := make([]string, len(s.Days))
	for i, n := range s.Days {
		days[i] = fmt.Sprint(n)
	}
	intro := or(s.Intro, fmt.Sprintf("%s thông báo lịch tiếp công dân định kỳ của %s năm %d như sau:", s.Announcer, s.Receiver, s.Year))
	when := fmt.Sprintf("Ngày %s hằng tháng; %s", joinVI(days), s.Shift.Vietnamese())
	if !s.Start.IsZero() {
		when += "; buổi sáng từ " + s.Start.Vietnamese()
		if !s.End.IsZero() {
			when += " đến " + s.End.Vietnamese()
		}
		if s.Start.Hour >= 12 {
			when = strings.Replace(when, "buổi sáng", "buổi chiều", 1)
		}
	}
	h := s.headings(s.Headings)
	sections := func() []document.Block {
		out := []document.Block{
			{Kind: document.Item, Title: h["time"], Text: when + "."},
			{Kind: document.Item, Title: h["venue"], Text: endSentence(s.Venue)},
			{Kind: document.Item, Title: h["schedule"]},
		}
		occ := s.Occurrences(cal)
		for m := time.January; m <= time.December; m++ {
			var parts []string
			for _, o := range occ {
				if o.Held.Month() != m || o.Held.Year() != s.Year {
					continue
				}
				p := LongDate(o.Held)
				if o.Moved() {
					p += " (chuyển từ " + LongDate(o.Scheduled) + ")"
				}
				parts = append(parts, p)
			}
			if len(parts) == 0 {
				continue
			}
			out = append(out, document.Block{Kind: document.Bullet, Text: fmt.Sprintf("Tháng %d: %s.", m, strings.Join(parts, "; "))})
		}
		for _, n := range s.Notes {
			out = append(out, document.Block{Kind: document.Item, Text: endSentence(n)})
		}
		return out
	}
	d.Body = s.compose([]document.Block{{Kind: document.Paragraph, Text: intro}}, sections,
		or(s.Closing, s.Announcer+" trân trọng thông báo để cơ quan, tổ chức, cá nhân và Nhân dân biết./."))
	return d, validateDoc(&s.Meta, d)
}

// joinVI joins "15", "25" as "15 và 25", and "5", "15", "25" as "5, 15 và 25".
func joinVI(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " và " + xs[len(xs)-1]
}
