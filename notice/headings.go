package notice

import (
	"reflect"
	"strings"

	"github.com/vanban/vanban/document"
)

// defaultHeadings are the headings and labels of the generated sections of each kind, by system: the one
// place they are written. A file's "headings:" replaces any of them (SessionHeadings, ConclusionHeadings,
// FollowupHeadings, ScheduleHeadings; the yaml keys are the keys here). "{host}" stands for the plan's host
// ("Bí thư Thị ủy"), "{HOST}" for it in capitals. The numbering labels ("I-", "I.", "1.") are not here: they
// come from the document's rule set (document/rules.yaml).
//
// State documents (NĐ 30) number their parts "I." and, in the notices of Ủy ban nhân dân seen, write the
// part titles in capitals; Party documents write them in sentence case.
var defaultHeadings = map[string]map[document.System]map[string]string{
	KindSession: {
		document.Party: sessionHeadings,
		document.State: sessionHeadings,
	},
	KindConclusion: {
		document.Party: {
			"petitions":    "Ý kiến, kiến nghị của công dân",
			"conclusions":  "Kết luận của đồng chí {host}",
			"assignments":  "Giao nhiệm vụ",
			"answer":       "Kết luận",
			"assign":       "Giao",
			"report":       "báo cáo kết quả về {report_to} và trả lời công dân",
			"illustration": "(Nội dung minh họa)",
		},
		document.State: {
			"petitions":    "Ý KIẾN, KIẾN NGHỊ CỦA CÔNG DÂN",
			"conclusions":  "KẾT LUẬN CỦA ĐỒNG CHÍ {HOST}",
			"assignments":  "GIAO NHIỆM VỤ",
			"answer":       "Kết luận",
			"assign":       "Giao",
			"report":       "báo cáo kết quả về {report_to} và trả lời công dân",
			"illustration": "(Nội dung minh họa)",
		},
	},
	KindFollowup: {
		document.Party: {
			"overview":  "Tình hình chung",
			"details":   "Kết quả cụ thể theo từng cơ quan, đơn vị",
			"proposals": "Kiến nghị, đề xuất",
		},
		document.State: {
			"overview":  "TÌNH HÌNH CHUNG",
			"details":   "KẾT QUẢ CỤ THỂ THEO TỪNG CƠ QUAN, ĐƠN VỊ",
			"proposals": "KIẾN NGHỊ, ĐỀ XUẤT",
		},
	},
	KindReceptionSchedule: {
		document.Party: receptionHeadings,
		document.State: receptionHeadings,
	},
}

var (
	sessionHeadings = map[string]string{
		"chair":        "Chủ trì",
		"content":      "Nội dung",
		"time":         "Thời gian",
		"venue":        "Địa điểm",
		"participants": "Thành phần mời:",
		"opinions":     "Tiếp nhận ý kiến của công dân",
	}
	receptionHeadings = map[string]string{
		"time":     "Thời gian",
		"venue":    "Địa điểm",
		"schedule": "Lịch cụ thể:",
	}
)

// SessionHeadings are the item titles of a session's Thông báo or Giấy mời; empty ones take the defaults.
type SessionHeadings struct {
	Chair        string `yaml:"chair,omitempty"`
	Content      string `yaml:"content,omitempty"`
	Time         string `yaml:"time,omitempty"`
	Venue        string `yaml:"venue,omitempty"`
	Participants string `yaml:"participants,omitempty"`
	Opinions     string `yaml:"opinions,omitempty"`
}

// ConclusionHeadings are the part titles and labels of a conclusion notice; empty ones take the defaults.
type ConclusionHeadings struct {
	Petitions   string `yaml:"petitions,omitempty"`
	Conclusions string `yaml:"conclusions,omitempty"`
	Assignments string `yaml:"assignments,omitempty"`
	// Answer is the label of a petition's answer ("Kết luận: …").
	Answer string `yaml:"answer,omitempty"`
	// Assign is the word before the body of an assignment printed under its petition ("Giao …").
	Assign string `yaml:"assign,omitempty"`
	// Report is the words between an assignment's task and its due date; "{report_to}" stands for report_to.
	Report string `yaml:"report,omitempty"`
	// Illustration is the note printed when illustration is true.
	Illustration string `yaml:"illustration,omitempty"`
}

// FollowupHeadings are the part titles of a follow-up report; empty ones take the defaults.
type FollowupHeadings struct {
	Overview  string `yaml:"overview,omitempty"`
	Details   string `yaml:"details,omitempty"`
	Proposals string `yaml:"proposals,omitempty"`
}

// ScheduleHeadings are the item titles of a reception schedule notice; empty ones take the defaults.
type ScheduleHeadings struct {
	Time     string `yaml:"time,omitempty"`
	Venue    string `yaml:"venue,omitempty"`
	Schedule string `yaml:"schedule,omitempty"`
}

// DefaultHeadings returns the default headings of a kind for a system, by key (a copy).
func DefaultHeadings(kind string, sys document.System) map[string]string {
	out := map[string]string{}
	for k, v := range defaultHeadings[kind][sys] {
		out[k] = v
	}
	return out
}

// headings returns the headings of the input's kind: the defaults of its system with the overrides of h (one
// of the *Headings structs) and the host filled in.
func (m *Meta) headings(h any) map[string]string {
	sys := m.system()
	out := DefaultHeadings(m.Kind, sys)
	v := reflect.ValueOf(h)
	for i := 0; i < v.NumField(); i++ {
		key, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
		if s := strings.TrimSpace(v.Field(i).String()); s != "" {
			out[key] = s
		}
	}
	host := m.host()
	r := strings.NewReplacer("{host}", host, "{HOST}", strings.ToUpper(host))
	for k, s := range out {
		out[k] = r.Replace(s)
	}
	return out
}

// system returns the document system of the input: its issuer's, else its plan's.
func (m *Meta) system() document.System {
	if m.Issuer != nil && m.Issuer.System != "" {
		return m.Issuer.System
	}
	return m.p().Issuer.System
}
