package notice

import (
	"fmt"
	"strings"

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
	// Intro replaces the generated first paragraph; false leaves it out.
	Intro Text `yaml:"intro,omitempty"`
	// Notes are further items printed after the schedule (what to bring, whom to contact…).
	Notes []string `yaml:"notes,omitempty" validate:"dive,required"`
	// Points "plain" prints the numbered items (time, venue, the list of days, notes) as body paragraphs in
	// normal weight ("1. Thời gian: …"), none held to the next; default "headings" (label and title bold).
	Points string `yaml:"points,omitempty" validate:"omitempty,oneof=headings plain"`
	// Closing replaces the closing sentence; false leaves it out.
	Closing Text `yaml:"closing,omitempty"`
	// Headings replaces the item titles (ScheduleHeadings).
	Headings ScheduleHeadings `yaml:"headings,omitempty"`
}

// Rule returns the monthly rule of the file.
func (s *ScheduleFile) Rule() MonthlyRule { return MonthlyRule{Days: s.Days, Shift: s.Shift} }

// Occurrences expands the rule for the year on cal.
func (s *ScheduleFile) Occurrences(cal *calendar.Calendar) []Occurrence {
	return s.Rule().ExpandYear(cal, s.Year)
}

// Document builds the Thông báo lịch tiếp công dân, worded by notice/wording/reception-schedule.yaml with the
// file's headings and wording over it.
func (s *ScheduleFile) Document(cal *calendar.Calendar) (*document.Document, error) {
	d := s.frame("Thông báo")
	draftYear(d, s.Year)
	w := s.words(s.Headings)
	look := lookupOf(s.factDefs(cal))
	def := func(key string) (string, bool) {
		t, ok := w.text(key)
		return expandDefault(t, look), ok
	}
	summary, _ := def("summary")
	d.Summary = or(expand(s.Summary, look), summary)
	var opening []document.Block
	if intro, ok := def("intro"); !s.Intro.Off && (ok || s.Intro.Value != "") {
		opening = append(opening, document.Block{Kind: document.Paragraph, Text: or(expand(s.Intro.Value, look), intro)})
	}
	notes := make([]string, len(s.Notes))
	for i, n := range s.Notes {
		notes[i] = expand(n, look)
	}
	sw := &sectionWriter{w: w, look: look, root: scope{Lists: map[string][]scope{"notes": lineScopes(notes)}}}
	sections := func() []document.Block {
		out := sw.layout(sectionsOf(KindReceptionSchedule))
		if s.Points == "plain" {
			out = plainPoints(out)
		}
		return out
	}
	closing, ok := def("closing")
	if s.Closing.Off || !ok && s.Closing.Value == "" {
		closing = ""
	} else {
		closing = or(expand(s.Closing.Value, look), closing)
	}
	d.Body = s.compose(opening, sections, closing, look)
	return d, validateDoc(&s.Meta, d)
}

// plainPoints prints the items of a reception schedule as numbered paragraphs in normal weight ("1. Thời
// gian: …"), none held to the next (points: plain).
func plainPoints(bs []document.Block) []document.Block {
	n := 0
	for i, b := range bs {
		if b.Kind != document.Item {
			continue
		}
		n++
		t := b.Text
		if b.Title != "" {
			t = b.Title
			if b.Text != "" {
				t = strings.TrimSuffix(b.Title, ":") + ": " + b.Text
			}
		}
		bs[i] = document.Block{Kind: document.Paragraph, Label: fmt.Sprintf("%d.", n), Text: t}
	}
	return bs
}

// daysText writes the days of each month: "15", "15 và 25".
func (s *ScheduleFile) daysText() string {
	days := make([]string, len(s.Days))
	for i, n := range s.Days {
		days[i] = fmt.Sprint(n)
	}
	return joinVI(days)
}

// hours writes "buổi sáng từ 07 giờ 30 đến 11 giờ 00" ("buổi chiều" from 12 giờ), "" without a start time.
func (s *ScheduleFile) hours() string {
	if s.Start.IsZero() {
		return ""
	}
	h := "buổi sáng từ " + s.Start.Vietnamese()
	if s.Start.Hour >= 12 {
		h = "buổi chiều từ " + s.Start.Vietnamese()
	}
	if !s.End.IsZero() {
		h += " đến " + s.End.Vietnamese()
	}
	return h
}

// when writes the time sentence: "Ngày 15 hằng tháng; nếu trùng ngày nghỉ …; buổi sáng từ 07 giờ 30 đến 11 giờ 00".
func (s *ScheduleFile) when() string {
	w := fmt.Sprintf("Ngày %s hằng tháng; %s", s.daysText(), s.Shift.Vietnamese())
	if h := s.hours(); h != "" {
		w += "; " + h
	}
	return w
}

// texts lists the texts of the file that take placeholders, with their paths.
func (s *ScheduleFile) texts() []textRef {
	t := s.commonTexts(s.Headings)
	t = append(t, textRef{path: "summary", text: s.Summary}, textRef{path: "intro", text: s.Intro.Value},
		textRef{path: "receiver", text: s.Receiver}, textRef{path: "venue", text: s.Venue},
		textRef{path: "closing", text: s.Closing.Value})
	for i, n := range s.Notes {
		t = append(t, textRef{path: fmt.Sprintf("notes[%d]", i), text: n})
	}
	return t
}

// joinVI joins "15", "25" as "15 và 25", and "5", "15", "25" as "5, 15 và 25".
func joinVI(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " và " + xs[len(xs)-1]
}
