package notice

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/sections"
	"github.com/vanban/vanban/plan"
)

// SessionFile is a "kind: session" file: when and where a session of the plan is held, who chairs it, who is
// invited, and the window in which citizens' opinions are collected. It becomes the session's Thông báo (or,
// with form: invitation, a Giấy mời).
type SessionFile struct {
	Meta `yaml:",inline"`
	// Session is the id of the session in the plan, e.g. "q1".
	Session string `yaml:"session" validate:"required"`
	// Form is "notice" (Thông báo, the default) or "invitation" (Giấy mời).
	Form string `yaml:"form,omitempty" validate:"omitempty,oneof=notice invitation"`
	// Summary replaces the generated trích yếu.
	Summary string `yaml:"summary,omitempty"`
	// Intro replaces the generated first paragraph; false leaves it out.
	Intro  Text          `yaml:"intro,omitempty"`
	HeldOn calendar.Date `yaml:"held_on"`
	Start  Clock         `yaml:"start"`
	End    Clock         `yaml:"end,omitempty"`
	// When replaces the generated time line ("Từ 08 giờ 00 đến 11 giờ 00, thứ Tư, ngày 15/3/2023"), e.g.
	// "Buổi sáng, thứ Tư, ngày 15/3/2023"; start is still required (the calendar needs it).
	WhenText string `yaml:"when,omitempty"`
	// Chair is who chairs (chủ trì), e.g. "Đồng chí Nguyễn Kiên, Bí thư Thị ủy"; required unless body is given.
	Chair string `yaml:"chair,omitempty"`
	// Content and Venue default to the plan's session.
	Content string `yaml:"content,omitempty"`
	Venue   string `yaml:"venue,omitempty"`
	// Participants are the invited (thành phần mời), one line each, printed under headings.participants in a
	// Thông báo and in a Giấy mời that has addressees; required unless body is given (or, in a Giấy mời,
	// addressees).
	Participants []string `yaml:"participants,omitempty" validate:"dive,required"`
	// Addressees are the "Kính gửi" lines of a Giấy mời; default: the participants (then printed only there).
	// A Giấy mời needs participants or addressees (unless body is given).
	Addressees []string `yaml:"addressees,omitempty" validate:"dive,required"`
	Opinions   Opinions `yaml:"opinions,omitempty"`
	// Milestones overrides the plan's offsets of the cycle for this session (see plan.Offsets).
	Milestones Offsets `yaml:"milestones,omitempty"`
	// Closing replaces the closing formula; false leaves it out.
	Closing Text `yaml:"closing,omitempty"`
	// Headings replaces the item titles (SessionHeadings).
	Headings SessionHeadings `yaml:"headings,omitempty"`
}

// Opinions is the collection of citizens' opinions before the session. From and To default to the computed
// window (Offsets.OpinionsOpen, OpinionsClose).
type Opinions struct {
	From calendar.Date `yaml:"from,omitempty"`
	To   calendar.Date `yaml:"to,omitempty"`
	// SendTo is where opinions go, e.g. "Ban Dân vận Thị ủy (qua hộp thư góp ý, điện thoại 0255.3859.xxx)".
	SendTo string `yaml:"send_to,omitempty"`
	// Text replaces the generated sentence.
	Text string `yaml:"text,omitempty"`
}

// PlanSession returns the plan's session the file is about.
func (s *SessionFile) PlanSession() *plan.Session {
	if s.planless() { // a session of no plan: the file says what the plan would
		t := s.HeldOn
		return &plan.Session{ID: s.Session, Quarter: (int(t.Month()) + 2) / 3, Content: s.Content, Venue: s.Venue,
			Time: plan.Time{Year: t.Year(), Month: t.Month(), Day: t.Day()}}
	}
	return planSession(s.p(), s.Session)
}

// Offsets returns the offsets in force for the session: the file's milestones, else the plan's (its milestones
// block and conclusion deadline), else the defaults.
func (s *SessionFile) Offsets() Offsets {
	return s.Milestones.Or(s.p().Offsets())
}

// MilestonesOn computes the session's cycle on cal. An opinion window given in the file replaces the computed one.
func (s *SessionFile) MilestonesOn(cal *calendar.Calendar) []Milestone {
	ms := SessionMilestones(cal, s.Session, s.HeldOn, s.Offsets())
	for i := range ms {
		if ms[i].Kind == OpinionWindow && !s.Opinions.From.IsZero() {
			ms[i].Date, ms[i].End, ms[i].Rule, ms[i].RuleEN = s.Opinions.From, s.Opinions.To, "theo thông báo", "as the notice announces"
		}
	}
	return ms
}

// OpinionWindowOn returns the days the opinions are collected.
func (s *SessionFile) OpinionWindowOn(cal *calendar.Calendar) (from, to calendar.Date) {
	for _, m := range s.MilestonesOn(cal) {
		if m.Kind == OpinionWindow {
			return m.Date, m.End
		}
	}
	return
}

// Heading returns the session's name in the plan, "Quý I/2023".
func (s *SessionFile) Heading() string { return s.p().SessionHeading(s.PlanSession()) }

// ContentText returns the subject of the dialogue: the file's, else the plan's.
func (s *SessionFile) ContentText() string { return or(s.Content, s.PlanSession().Content) }

// VenueText returns the venue: the file's, else the plan's.
func (s *SessionFile) VenueText() string { return or(s.Venue, s.PlanSession().Venue) }

// When returns "08 giờ 00, thứ Tư, ngày 15/3/2023" or "Từ 08 giờ 00 đến 11 giờ 00, thứ Tư, ngày 15/3/2023", or
// the file's when.
func (s *SessionFile) When() string {
	if s.WhenText != "" {
		return s.WhenText
	}
	if s.End.IsZero() {
		return s.Start.Vietnamese() + ", " + LongDate(s.HeldOn)
	}
	return "Từ " + s.Start.Vietnamese() + " đến " + s.End.Vietnamese() + ", " + LongDate(s.HeldOn)
}

// Document builds the session's Thông báo (or Giấy mời) on calendar cal, worded by its kind's wording data
// (notice/wording/session.yaml) with the file's headings and wording over it.
func (s *SessionFile) Document(cal *calendar.Calendar) (*document.Document, error) {
	invitation := s.Form == "invitation"
	typ, suffix := "Thông báo", ""
	if invitation {
		typ, suffix = "Giấy mời", "_invitation"
	}
	d := s.frame(typ)
	draftYear(d, s.HeldOn.Year())
	w := s.words(s.Headings)
	look := lookupOf(s.factDefs(cal))
	def := func(key string) (string, bool) {
		t, ok := w.text(key)
		return expandDefault(t, look), ok
	}
	summary, _ := def("summary" + suffix)
	d.Summary = or(expand(s.Summary, look), summary)
	if invitation {
		d.Addressees = s.Addressees
		if len(d.Addressees) == 0 {
			d.Addressees = s.Participants
		}
		d.Addressees = expandAll(d.Addressees, look)
	}
	var opening []document.Block
	if intro, ok := def("intro" + suffix); !s.Intro.Off && (ok || s.Intro.Value != "") {
		opening = append(opening, document.Block{Kind: document.Paragraph, Text: or(expand(s.Intro.Value, look), intro)})
	}
	listed := s.Participants
	if invitation && len(s.Addressees) == 0 {
		listed = nil
	}
	sw := &sectionWriter{w: w, look: look, raw: map[string]string{},
		root: scope{Lists: map[string][]scope{"participants_listed": lineScopes(expandAll(listed, look))}}}
	if s.Opinions.Text != "" {
		sw.raw["opinions_text"] = expand(s.Opinions.Text, look)
	}
	sections := func() []document.Block { return sw.layout(sectionsOf(KindSession)) }
	closing, ok := def("closing" + suffix)
	if s.Closing.Off || !ok && s.Closing.Value == "" {
		closing = ""
	} else {
		closing = or(expand(s.Closing.Value, look), closing)
	}
	d.Body = s.compose(opening, sections, closing, look)
	return d, validateDoc(&s.Meta, d)
}

// expandAll expands the placeholders of each line.
func expandAll(lines []string, look lookup) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = expand(l, look)
	}
	return out
}

// texts lists the texts of the file that take placeholders, with their paths.
func (s *SessionFile) texts() []textRef {
	t := s.commonTexts(s.Headings)
	t = append(t, textRef{path: "summary", text: s.Summary}, textRef{path: "intro", text: s.Intro.Value},
		textRef{path: "when", text: s.WhenText}, textRef{path: "chair", text: s.Chair}, textRef{path: "content", text: s.Content},
		textRef{path: "venue", text: s.Venue}, textRef{path: "opinions.text", text: s.Opinions.Text},
		textRef{path: "closing", text: s.Closing.Value})
	for i, p := range s.Participants {
		t = append(t, textRef{path: fmt.Sprintf("participants[%d]", i), text: p})
	}
	for i, p := range s.Addressees {
		t = append(t, textRef{path: fmt.Sprintf("addressees[%d]", i), text: p})
	}
	return t
}

// validateDoc reports a document the layout would refuse at the input file.
func validateDoc(m *Meta, d *document.Document) error {
	if err := d.Validate(); err != nil {
		msg := strings.Join(strings.Fields(err.Error()), " ")
		return m.errorf("", "văn bản không hợp lệ: "+msg, "invalid document: "+msg)
	}
	return nil
}

// endSentence ends s with a full stop unless it already ends with one (inside closing emphasis marks too).
func endSentence(s string) string { return sections.EndSentence(s) }

// lowerFirst lowers the first letter: "Quý I/2023" → "quý I/2023".
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
