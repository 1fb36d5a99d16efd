package notice

import (
	"reflect"
	"strings"

	"github.com/vanban/vanban/document"
)

// The headings and labels of the generated sections of each kind are the keys of its default wording marked
// "heading: true" (notice/wording/<kind>.yaml, by system). A file's "headings:" rewords any of them
// (SessionHeadings, ConclusionHeadings, FollowupHeadings, ScheduleHeadings; the yaml keys are the wording keys),
// or switches it off with false where the piece may be left out; "wording:" takes the same keys and the other
// texts. "{{host}}" stands for the plan's host ("Bí thư Thị ủy"), "{{HOST}}" for it in capitals (the older
// "{host}" / "{HOST}" / "{report_to}" still read). The numbering labels ("I-", "I.", "1.") are not here: they
// come from the document's rule set (document/rules.yaml); "numbering: false" leaves them out.
//
// State documents (NĐ 30) number their parts "I." and, in the notices of Ủy ban nhân dân seen, write the
// part titles in capitals; Party documents write them in sentence case.

// SessionHeadings are the item titles of a session's Thông báo or Giấy mời; absent ones take the defaults.
type SessionHeadings struct {
	Chair        Text `yaml:"chair,omitempty" desc:"Tiêu đề mục chủ trì (false: bỏ mục) / Chair item title (false: leave the item out)"`
	Content      Text `yaml:"content,omitempty" desc:"Tiêu đề mục nội dung / Subject item title"`
	Time         Text `yaml:"time,omitempty" desc:"Tiêu đề mục thời gian / Time item title"`
	Venue        Text `yaml:"venue,omitempty" desc:"Tiêu đề mục địa điểm / Venue item title"`
	Participants Text `yaml:"participants,omitempty" desc:"Tiêu đề mục thành phần mời / Participants item title"`
	Opinions     Text `yaml:"opinions,omitempty" desc:"Tiêu đề mục tiếp nhận ý kiến / Opinion window item title"`
}

// ConclusionHeadings are the part titles and labels of a conclusion notice; absent ones take the defaults.
type ConclusionHeadings struct {
	Petitions   Text `yaml:"petitions,omitempty" desc:"Tiêu đề phần kiến nghị / Petitions part title"`
	Conclusions Text `yaml:"conclusions,omitempty" desc:"Tiêu đề phần kết luận / Conclusions part title"`
	Assignments Text `yaml:"assignments,omitempty" desc:"Tiêu đề phần giao nhiệm vụ / Assignments part title"`
	// Answer is the label of a petition's answer ("Kết luận: …").
	Answer Text `yaml:"answer,omitempty" desc:"Nhãn câu trả lời kiến nghị / Label of a petition's answer"`
	// Assign is the word before the body of an assignment printed under its petition ("Giao …").
	Assign Text `yaml:"assign,omitempty" desc:"Chữ trước cơ quan được giao / Word before the assigned body"`
	// Report is the words between an assignment's task and its due date; "{{report_to}}" stands for report_to.
	Report Text `yaml:"report,omitempty" desc:"Chữ giữa nhiệm vụ và hạn / Words between task and due date"`
	// Illustration is the note printed when illustration is true.
	Illustration Text `yaml:"illustration,omitempty" desc:"Ghi chú nội dung minh họa / Illustration note"`
}

// FollowupHeadings are the part titles of a follow-up report; absent ones take the defaults.
type FollowupHeadings struct {
	Overview  Text `yaml:"overview,omitempty" desc:"Tiêu đề phần tình hình chung / Overview part title"`
	Details   Text `yaml:"details,omitempty" desc:"Tiêu đề phần kết quả cụ thể / Details part title"`
	Proposals Text `yaml:"proposals,omitempty" desc:"Tiêu đề phần kiến nghị, đề xuất / Proposals part title"`
}

// ScheduleHeadings are the item titles of a reception schedule notice; absent ones take the defaults.
type ScheduleHeadings struct {
	Time     Text `yaml:"time,omitempty" desc:"Tiêu đề mục thời gian / Time item title"`
	Venue    Text `yaml:"venue,omitempty" desc:"Tiêu đề mục địa điểm / Venue item title"`
	Schedule Text `yaml:"schedule,omitempty" desc:"Tiêu đề mục lịch cụ thể / Title of the list of days"`
}

// DefaultHeadings returns the default headings of a kind for a system, by key (a copy), as in its wording data.
func DefaultHeadings(kind string, sys document.System) map[string]string {
	out := map[string]string{}
	for _, k := range defaultWording[kind] {
		if !k.Heading {
			continue
		}
		out[k.Key] = k.Party
		if sys == document.State {
			out[k.Key] = k.State
		}
	}
	return out
}

// headingTexts returns the headings a file gives (one of the *Headings structs), by key.
func headingTexts(h any) map[string]Text {
	out := map[string]Text{}
	if h == nil {
		return out
	}
	v := reflect.ValueOf(h)
	for i := 0; i < v.NumField(); i++ {
		key, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
		if t := v.Field(i).Interface().(Text); !t.IsZero() {
			out[key] = t
		}
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
