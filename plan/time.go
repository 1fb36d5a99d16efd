package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/problem"
	"gopkg.in/yaml.v3"
)

// Time is when a session is held: a month ("2023-03"), a date ("2023-03-15") or a date and hour
// ("2023-03-15 08:00").
type Time struct {
	Year         int
	Month        time.Month
	Day          int // 0 when only the month is known
	Hour, Minute int
	HasClock     bool
}

var (
	timeRE = regexp.MustCompile(`^(\d{4})-(\d{2})(?:-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?)?$`)
	// Day first, as Vietnamese offices write it: "15/3/2026", "15-03-2026 08:00", "3/2026".
	dayFirstRE   = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})(?:[ T](\d{1,2})[:h](\d{2}))?$`)
	monthFirstRE = regexp.MustCompile(`^(\d{1,2})[/.-](\d{4})$`)
)

// ParseTime parses a month ("2023-03", "3/2023"), a day ("2023-03-15", "15/3/2023", "15-03-2023",
// "15.3.2023") or a day and hour ("2023-03-15 08:00", "15/3/2023 08:00").
func ParseTime(s string) (Time, error) {
	s = strings.TrimSpace(s)
	m := timeRE.FindStringSubmatch(s)
	if d := dayFirstRE.FindStringSubmatch(s); d != nil && d[2] == d[4] {
		m = []string{d[0], d[5], d[3], d[1], d[6], d[7]}
	} else if d := monthFirstRE.FindStringSubmatch(s); d != nil {
		m = []string{d[0], d[2], d[1], "", "", ""}
	}
	bad := problem.Msg(
		fmt.Sprintf("thời gian không hợp lệ %q; cần tháng (2023-03 hoặc 3/2023), ngày (2023-03-15 hoặc 15/3/2023) hoặc ngày giờ (2023-03-15 08:00)", s),
		fmt.Sprintf("invalid time %q; expected a month (2023-03 or 3/2023), a date (2023-03-15 or 15/3/2023) or a date and hour (2023-03-15 08:00)", s))
	if m == nil {
		return Time{}, bad
	}
	var t Time
	t.Year, _ = strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 {
		return Time{}, bad
	}
	t.Month = time.Month(mo)
	if m[3] != "" {
		t.Day, _ = strconv.Atoi(m[3])
		if t.Day < 1 || t.Day > calendar.DaysInMonth(t.Year, t.Month) {
			return Time{}, bad
		}
	}
	if m[4] != "" {
		t.Hour, _ = strconv.Atoi(m[4])
		t.Minute, _ = strconv.Atoi(m[5])
		if t.Hour > 23 || t.Minute > 59 {
			return Time{}, bad
		}
		t.HasClock = true
	}
	if first, last := calendar.SupportedRange(); t.Year < first.Year() || t.Year > last.Year() {
		return Time{}, problem.Msg(
			fmt.Sprintf("năm %d nằm ngoài khoảng lịch hỗ trợ (%d–%d)", t.Year, first.Year(), last.Year()),
			fmt.Sprintf("year %d is outside the supported calendar range (%d–%d)", t.Year, first.Year(), last.Year()))
	}
	return t, nil
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (t *Time) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return problem.Msg("thời gian phải là một giá trị đơn như 2023-03", "time must be a single value like 2023-03")
	}
	v, err := ParseTime(n.Value)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (t Time) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler, the inverse of MarshalText (so a Plan round-trips through
// JSON): "2023-03", "2023-03-15", "2023-03-15 08:00"; empty text gives the zero Time.
func (t *Time) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = Time{}
		return nil
	}
	v, err := ParseTime(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// IsZero reports whether the time is unset.
func (t Time) IsZero() bool { return t.Year == 0 }

// HasDay reports whether the day is known (not only the month).
func (t Time) HasDay() bool { return t.Day != 0 }

// Date returns the day, or the first day of the month when only the month is known.
func (t Time) Date() calendar.Date {
	d := t.Day
	if d == 0 {
		d = 1
	}
	return calendar.NewDate(t.Year, t.Month, d)
}

// LastDate returns the day, or the last day of the month when only the month is known.
func (t Time) LastDate() calendar.Date {
	if t.Day != 0 {
		return t.Date()
	}
	return calendar.NewDate(t.Year, t.Month, calendar.DaysInMonth(t.Year, t.Month))
}

// Quarter returns the quarter of the month, 1 to 4.
func (t Time) Quarter() int { return (int(t.Month)-1)/3 + 1 }

// String returns the YAML form: "2023-03", "2023-03-15" or "2023-03-15 08:00".
func (t Time) String() string {
	if t.IsZero() {
		return ""
	}
	s := fmt.Sprintf("%04d-%02d", t.Year, t.Month)
	if t.Day != 0 {
		s += fmt.Sprintf("-%02d", t.Day)
	}
	if t.HasClock {
		s += fmt.Sprintf(" %02d:%02d", t.Hour, t.Minute)
	}
	return s
}

// Vietnamese returns the time as printed in the plan, capitalised: "Tháng 3/2023", "Ngày 15/3/2023",
// "08 giờ 00, ngày 15/3/2023".
func (t Time) Vietnamese() string {
	switch {
	case t.IsZero():
		return ""
	case t.Day == 0:
		return fmt.Sprintf("Tháng %d/%d", t.Month, t.Year)
	case !t.HasClock:
		return "Ngày " + document.ShortDate(t.Date())
	}
	return fmt.Sprintf("%02d giờ %02d, ngày %s", t.Hour, t.Minute, document.ShortDate(t.Date()))
}

// UnmarshalYAML implements yaml.Unmarshaler: a string (a final parenthesis is the note) or {name, note}.
func (r *Recipient) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		*r = ParseRecipient(n.Value)
		return nil
	case yaml.MappingNode:
		var out Recipient
		err := source.Mapping(n, []string{"name", "note"}, func(key string, v *yaml.Node) error {
			if v.Kind != yaml.ScalarNode {
				return problem.Msg(fmt.Sprintf("%q phải là một chuỗi", key), fmt.Sprintf("%q must be a string", key))
			}
			if key == "name" {
				out.Name = v.Value
			} else {
				out.Note = v.Value
			}
			return nil
		})
		if err != nil {
			return err
		}
		*r = out
		return nil
	}
	return problem.Msg("nơi nhận phải là một chuỗi hoặc {name, note}", "a recipient must be a string or {name, note}")
}

// ParseRecipient splits "Ban Dân vận Tỉnh ủy (báo cáo)" into name and note; a trailing "," or ";" is dropped.
func ParseRecipient(s string) Recipient {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ",;")
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, " ("); i > 0 {
			return Recipient{Name: strings.TrimSpace(s[:i]), Note: s[i+2 : len(s)-1]}
		}
	}
	return Recipient{Name: s}
}
