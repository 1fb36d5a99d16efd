package notice

import (
	"io"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/vanban/vanban/calendar"
)

// Event is one entry of the iCalendar export. An event with a Start clock is timed (From..To on Date, Vietnam
// time, written in UTC); otherwise it is an all-day event from Date to End inclusive.
type Event struct {
	// UID is the stable identity of the event, so that importing a new export updates events instead of
	// duplicating them; e.g. "duc-pho-2023.q1.conclusion@vanban".
	UID         string
	Summary     string
	Description string
	Location    string
	Date, End   calendar.Date
	Start, Stop Clock
	Categories  []string
}

// defaultSessionLength is the length given to a session with a start and no end time.
const defaultSessionLength = 3 * time.Hour

// ICSOptions set the calendar's name and fixed stamp.
type ICSOptions struct {
	// Name is the calendar's display name (X-WR-CALNAME).
	Name string
	// Stamp is the DTSTAMP of every event. Derive it from the input (e.g. the plan's date) so that the same input
	// gives the same bytes.
	Stamp time.Time
}

// BuildICS builds an RFC 5545 calendar of events (in the order given).
func BuildICS(events []Event, o ICSOptions) *ics.Calendar {
	cal := ics.NewCalendarFor("vanban")
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	if o.Name != "" {
		cal.SetXWRCalName(o.Name)
	}
	cal.SetXWRTimezone("Asia/Ho_Chi_Minh")
	for _, e := range events {
		ev := cal.AddEvent(e.UID)
		ev.SetDtStampTime(o.Stamp)
		ev.SetSummary(e.Summary)
		if e.Description != "" {
			ev.SetDescription(e.Description)
		}
		if e.Location != "" {
			ev.SetLocation(e.Location)
		}
		for _, c := range e.Categories {
			ev.AddCategory(c)
		}
		if !e.Start.IsZero() {
			start := e.Start.At(e.Date)
			end := start.Add(defaultSessionLength)
			if !e.Stop.IsZero() && e.Stop.At(e.Date).After(start) {
				end = e.Stop.At(e.Date)
			}
			ev.SetStartAt(start)
			ev.SetEndAt(end)
			continue
		}
		last := e.End
		if last.IsZero() || last.Before(e.Date) {
			last = e.Date
		}
		ev.SetAllDayStartAt(e.Date.Time())
		ev.SetAllDayEndAt(last.AddDays(1).Time()) // DTEND of an all-day event is exclusive
		ev.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
	}
	return cal
}

// WriteICS writes the calendar of events to w with CRLF line ends (RFC 5545 §3.1).
func WriteICS(w io.Writer, events []Event, o ICSOptions) error {
	return BuildICS(events, o).SerializeTo(w, ics.WithNewLine("\r\n"))
}

// MilestoneEvents turns milestones into all-day events with stable UIDs: uidPrefix + "." + session id + "." +
// kind (+ "." + key) + "@vanban". uidPrefix makes them unique across plans, e.g. "duc-pho-2023".
func MilestoneEvents(uidPrefix string, ms []Milestone) []Event {
	out := make([]Event, 0, len(ms))
	for _, m := range ms {
		uid := uidPrefix + "." + m.SessionID + "." + string(m.Kind)
		if m.Key != "" {
			uid += "." + m.Key
		}
		out = append(out, Event{
			UID:         uid + "@vanban",
			Summary:     m.Title,
			Description: m.Rule,
			Date:        m.Date,
			End:         m.End,
			Categories:  []string{"vanban", string(m.Kind)},
		})
	}
	return out
}
