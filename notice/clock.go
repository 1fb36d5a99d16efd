package notice

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/problem"
)

// Clock is a time of day (giờ) in Vietnam, e.g. 08:00 or 14:30.
type Clock struct {
	Hour, Minute int
	set          bool
}

// NewClock returns the time of day h:m.
func NewClock(h, m int) Clock { return Clock{Hour: h, Minute: m, set: true} }

// ParseClock reads "8:00", "08:00" or "14h30".
func ParseClock(s string) (Clock, error) {
	t := strings.TrimSpace(strings.ToLower(s))
	sep := strings.IndexAny(t, ":h")
	if sep < 0 {
		return Clock{}, badClock(s)
	}
	mm := t[sep+1:]
	if mm == "" {
		mm = "0"
	}
	h, err1 := strconv.Atoi(t[:sep])
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return Clock{}, badClock(s)
	}
	return NewClock(h, m), nil
}

func badClock(s string) error {
	return problem.Msg(fmt.Sprintf("giờ %q không đúng dạng HH:MM, ví dụ \"08:00\"", s), fmt.Sprintf("time %q is not HH:MM, e.g. \"08:00\"", s))
}

// IsZero reports whether no time was given.
func (c Clock) IsZero() bool { return !c.set }

// String returns "08:00".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// Vietnamese returns the time as printed in notices: "08 giờ 00" (the usual form "08 giờ 00 phút" is shortened
// by most offices; "08 giờ 00" is what the seed's office prints).
func (c Clock) Vietnamese() string { return fmt.Sprintf("%02d giờ %02d", c.Hour, c.Minute) }

// MarshalText implements encoding.TextMarshaler.
func (c Clock) MarshalText() ([]byte, error) {
	if !c.set {
		return []byte{}, nil
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler, the inverse of MarshalText: "08:00"; empty text (what
// MarshalText writes for no time) gives the zero Clock.
func (c *Clock) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = Clock{}
		return nil
	}
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// vietnam is Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving since 1975); a fixed zone keeps the output
// independent of the machine's time zone database.
var vietnam = time.FixedZone("ICT", 7*3600)

// At returns the instant of clock c on day d in Vietnam.
func (c Clock) At(d calendar.Date) time.Time {
	return d.In(vietnam).Add(time.Duration(c.Hour)*time.Hour + time.Duration(c.Minute)*time.Minute)
}
