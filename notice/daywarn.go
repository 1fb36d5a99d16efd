package notice

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/fsread"
	"github.com/vanban/vanban/problem"
)

// offReason names why a day is not a working day, for the warnings: ": Tết Nguyên đán" and " (Tết Nguyên đán)",
// or nothing on a plain weekend day, which the weekday already says.
func offReason(cal *calendar.Calendar, d calendar.Date) (vi, en string) {
	info := cal.Day(d)
	if info.Reason == "" || strings.EqualFold(info.Reason, calendar.WeekdayName(d)) {
		return "", ""
	}
	return ": " + info.Reason, " (" + info.Reason + ")"
}

// estimated warns when a date of a file falls in a year whose days off are estimated from the law rather than
// announced (calendar.Calendar.IsOfficialYear: 2027 on, until the schedule is announced), at the field path of
// that date.
func (m *Meta) estimated(cal *calendar.Calendar, path string, d calendar.Date) problem.List {
	if d.IsZero() || !calendar.InRange(d) || cal.IsOfficialYear(d.Year()) || m.src.DecodeFailed(path) {
		return nil
	}
	return problem.List{m.errorf(path,
		fmt.Sprintf("lịch nghỉ năm %d chưa được công bố: ngày nghỉ lễ, nghỉ bù và các thời hạn tính theo ngày làm việc của năm này được ước tính theo luật, có thể thay đổi khi lịch chính thức được công bố (nạp lịch bằng --schedule)", d.Year()),
		fmt.Sprintf("the %d schedule of days off is not announced yet: its holidays, compensatory days and the deadlines counted in working days are estimated from the law and may move when the official schedule is announced (load it with --schedule)", d.Year()))}
}

// abolished warns when the file's own issuer (issuer:, not the plan's, which the plan's warnings cover) names a
// level abolished by the document's date: its name (document.Rules.AbolishedIssuer) or a superior-body line
// ("ĐẢNG BỘ HUYỆN …", "UBND HUYỆN …": AbolishedSuperior), at that line.
func (m *Meta) abolished() problem.List {
	date := m.Doc.Date
	if m.Issuer == nil || date.IsZero() || m.src.DecodeFailed("issuer") {
		return nil
	}
	var out problem.List
	rules := document.DefaultRules()
	if lvl, ok := rules.AbolishedIssuer(m.Issuer.Name, date); ok {
		out = append(out, m.errorf("issuer.name",
			fmt.Sprintf("%s không còn từ ngày %s (%s); văn bản ngày %s của cơ quan này chỉ đúng nếu là văn bản cũ in lại", lvl.Name, document.ShortDate(lvl.From), lvl.Source, document.ShortDate(date)),
			fmt.Sprintf("that administrative level (%s) was abolished on %s (%s); a document of this body dated %s is only right as a reprint of an old one", lvl.Name, lvl.From, lvl.Source, date)))
	}
	if lvl, i, ok := rules.AbolishedSuperior(m.Issuer.Superior, date); ok {
		line := m.Issuer.Superior[i]
		out = append(out, m.errorf(fmt.Sprintf("issuer.superior[%d]", i),
			fmt.Sprintf("cơ quan cấp trên %q thuộc %s, không còn từ ngày %s (%s); văn bản ngày %s cần cơ quan cấp trên hiện nay (cấp tỉnh)", line, lvl.Name, document.ShortDate(lvl.From), lvl.Source, document.ShortDate(date)),
			fmt.Sprintf("the superior body %q is of an administrative level (%s) abolished on %s (%s); a document dated %s needs today's superior body (the province)", line, lvl.Name, lvl.From, lvl.Source, date)))
	}
	return out
}

// asText returns the UTF-8 text of a file's bytes as the decoder reads them (fsread.Text: UTF-16 converted, a
// byte order mark dropped, CRLF made LF), or the bytes as they are when they are not text.
func asText(data []byte) []byte {
	if t, err := fsread.Text(data); err == nil {
		return t
	}
	return data
}
