package plan

import (
	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
)

// Kind is the value of the top-level "kind" key of a plan file.
const Kind = "plan"

// Plan is an annual citizen-dialogue plan (kế hoạch đối thoại trực tiếp với công dân) as described in YAML.
type Plan struct {
	// Kind must be "plan".
	Kind string `yaml:"kind" validate:"required,eq=plan" json:"kind" desc:"Loại tệp: luôn là \"plan\" / File kind: always \"plan\""`
	// Output is the output file name; default: the input's base name with .docx.
	Output string `yaml:"output,omitempty" validate:"omitempty,endswith=.docx,excludesall=/\\" json:"output,omitempty" desc:"Tên tệp .docx kết quả / Output .docx file name"`

	Issuer Issuer  `yaml:"issuer" validate:"required" json:"issuer" desc:"Cơ quan ban hành / Issuing body"`
	Doc    DocInfo `yaml:"document" validate:"required" json:"document" desc:"Loại, số, ký hiệu, ngày văn bản / Type, number, symbol, date"`
	// PlanYear is the year the plan covers; default: the year of Document.Date.
	PlanYear int `yaml:"year,omitempty" validate:"omitempty,min=2000,max=2100" json:"year,omitempty" desc:"Năm của kế hoạch (mặc định: năm của ngày văn bản) / Plan year (default: year of the document date)"`

	// Title overrides the printed type name (default: the type in capitals, "KẾ HOẠCH").
	Title string `yaml:"title,omitempty" json:"title,omitempty" desc:"Tên loại in ở đầu (mặc định: loại văn bản viết hoa) / Printed title"`
	// Summary is the trích yếu under the title.
	Summary string `yaml:"summary" validate:"required" json:"summary" desc:"Trích yếu nội dung / Summary line under the title"`

	// DeadlineDays is the deadline of the conclusion notice after each session, in working days; {{deadline}}
	// in any text prints it with two digits.
	DeadlineDays int `yaml:"conclusion_deadline_working_days" validate:"required,min=1,max=60" json:"conclusion_deadline_working_days" desc:"Thời hạn ban hành thông báo kết luận (ngày làm việc); {{deadline}} in ra số này / Conclusion notice deadline in working days"`

	// Milestones sets the offsets of the session cycle in working days for every session (see Offsets).
	Milestones Offsets `yaml:"milestones,omitempty" json:"milestones,omitempty" desc:"Mốc của chu trình mỗi buổi đối thoại, tính bằng ngày làm việc; bỏ trống thì lấy mặc định / Session-cycle offsets in working days; empty keys take the defaults"`

	Bases Bases   `yaml:"bases,omitempty" json:"bases,omitempty" desc:"Căn cứ, cơ sở ban hành / Legal bases"`
	Body  []Block `yaml:"body" validate:"required,min=1,dive" json:"body" desc:"Nội dung: phần, mục, đoạn, gạch đầu dòng / Body: parts, items, paragraphs, bullets"`

	// Sessions may be empty: a plan may announce its sessions later ("thời gian cụ thể sẽ có thông báo sau"); then
	// its body has no "sessions: true" block.
	Sessions []Session `yaml:"sessions,omitempty" validate:"omitempty,dive" json:"sessions,omitempty" desc:"Các buổi đối thoại; bỏ trống khi thời gian sẽ thông báo sau (khi đó body không có khối sessions: true) / Dialogue sessions; none when they are announced later (then body has no sessions: true block)"`
	// AdHoc is the ad-hoc dialogue clause (đối thoại đột xuất), printed as the item after the sessions.
	AdHoc string `yaml:"ad_hoc,omitempty" json:"ad_hoc,omitempty" desc:"Điều khoản đối thoại đột xuất, in sau các buổi đối thoại / Ad-hoc dialogue clause after the sessions"`

	// Closing is the paragraph after the body.
	Closing string `yaml:"closing,omitempty" json:"closing,omitempty" desc:"Đoạn kết / Closing paragraph"`

	// Wording rewords the generated parts (the sessions' headings and bullets, the lead of the bases), by
	// the keys of plan/wording.yaml.
	Wording    Wording     `yaml:"wording,omitempty" json:"wording,omitempty" desc:"Câu chữ của các phần tự sinh (tiêu đề, gạch đầu dòng của các buổi; từ dẫn căn cứ) / Wording of the generated parts"`
	Recipients []Recipient `yaml:"recipients" validate:"required,min=1,dive" json:"recipients" desc:"Nơi nhận (không gồm dòng Lưu) / Recipients, without the archive line"`
	// Archive is the archive line without dash and full stop, e.g. "Lưu Văn phòng thị xã" or "Lưu: VT, VP".
	Archive string `yaml:"archive" validate:"required" json:"archive" desc:"Dòng lưu, không có gạch đầu dòng và dấu chấm / Archive line"`
	// ArchiveCopies is the number of copies kept, printed at the end of the archive line ("Lưu: VT, VP (02b)."),
	// which NĐ 30 provides for when needed; 0 prints none.
	ArchiveCopies int `yaml:"archive_copies,omitempty" validate:"omitempty,min=1,max=99" json:"archive_copies,omitempty" desc:"Số bản lưu, in cuối dòng Lưu (1-99) / Number of copies kept, printed at the end of the archive line (1-99)"`

	Signature Signature `yaml:"signature" validate:"required" json:"signature" desc:"Chữ ký / Signature block"`

	// src is where the plan was read from (nil for a plan built in Go), for the positions of later errors.
	src *source.Source
}

// Issuer is the issuing body (cơ quan ban hành).
type Issuer struct {
	System document.System `yaml:"system" validate:"required,oneof=party state" json:"system" enum:"party,state" desc:"Hệ thống văn bản: party (Đảng) hoặc state (Nhà nước) / Rule system"`
	// Superior is the superior body (cơ quan cấp trên), one entry per line; none for an Ủy ban nhân dân.
	Superior []string `yaml:"superior,omitempty" validate:"omitempty,max=3,dive,required" json:"superior,omitempty" desc:"Cơ quan cấp trên, mỗi dòng một mục / Superior body lines"`
	// Name is the issuing body, one entry per line, e.g. ["THỊ ỦY ĐỨC PHỔ"] or ["ỦY BAN NHÂN DÂN", "PHƯỜNG …"].
	Name []string `yaml:"name" validate:"required,min=1,max=3,dive,required" json:"name" desc:"Tên cơ quan ban hành, mỗi dòng một mục / Issuing body lines"`
	// Code is the body's abbreviation in the symbol (ký hiệu), e.g. "TU", "UBND".
	Code string `yaml:"code" validate:"required,max=20,excludesall= /" json:"code" desc:"Chữ viết tắt tên cơ quan trong ký hiệu / Body abbreviation in the symbol"`
	// Place is the place name of the date line, e.g. "Đức Phổ".
	Place string `yaml:"place" validate:"required" json:"place" desc:"Địa danh ở dòng ngày tháng / Place name of the date line"`
	// Host is who holds the dialogues, e.g. "Bí thư Thị ủy", "Chủ tịch Ủy ban nhân dân phường".
	Host string `yaml:"host,omitempty" json:"host,omitempty" desc:"Người chủ trì đối thoại / Who holds the dialogues"`
}

// DocInfo is the document's type, number (số), symbol (ký hiệu) and date.
type DocInfo struct {
	// Type is the document type as in the type table of the system, e.g. "Kế hoạch".
	Type string `yaml:"type" validate:"required" json:"type" desc:"Loại văn bản, ví dụ \"Kế hoạch\" / Document type"`
	// Number is the document number; 0 (or absent) leaves it blank for the clerk (a draft).
	Number int `yaml:"number,omitempty" validate:"min=0,max=99999" json:"number,omitempty" desc:"Số văn bản; bỏ trống khi là dự thảo / Number; blank for a draft"`
	// Symbol overrides the symbol built by the system's rule, e.g. "KH/TU" or "KH-UBND".
	Symbol string `yaml:"symbol,omitempty" validate:"omitempty,excludesall= " json:"symbol,omitempty" desc:"Ký hiệu, nếu khác quy tắc / Symbol override"`
	// Date is the document's date; absent for a draft (then the plan's year is required).
	Date calendar.Date `yaml:"date,omitempty" json:"date,omitempty" format:"date" desc:"Ngày ban hành YYYY-MM-DD; bỏ trống khi là dự thảo / Date"`
}

// Bases are the legal bases of the plan (căn cứ ban hành) and the sentence that follows them.
type Bases struct {
	// Lead is the word before each basis: default "Thực hiện" (Party) or "Căn cứ" (State).
	Lead string `yaml:"lead,omitempty" json:"lead,omitempty" desc:"Từ dẫn: mặc định \"Thực hiện\" (Đảng), \"Căn cứ\" (Nhà nước) / Leading word"`
	// Form is "paragraph" (one paragraph; Party default) or "lines" (one line per basis; State default).
	Form  string  `yaml:"form,omitempty" validate:"omitempty,oneof=paragraph lines" json:"form,omitempty" enum:"paragraph,lines" desc:"paragraph: một đoạn; lines: mỗi căn cứ một dòng / Layout of the bases"`
	Items []Basis `yaml:"items,omitempty" validate:"dive" json:"items,omitempty" desc:"Các văn bản làm căn cứ / Documents cited"`
	// Then is the sentence after the bases, e.g. "Ban Thường vụ Thị ủy ban hành Kế hoạch …, cụ thể như sau:".
	Then string `yaml:"then,omitempty" json:"then,omitempty" desc:"Câu sau căn cứ / Sentence after the bases"`
}

// Basis is one document cited as a basis: "<type> số <number> ngày <date> của <issuer> <subject>".
type Basis struct {
	Type    string        `yaml:"type,omitempty" json:"type,omitempty" desc:"Loại và tên văn bản, ví dụ \"Quy định\", \"Luật Tiếp công dân\" / Type (and name)"`
	Number  string        `yaml:"number,omitempty" validate:"omitempty,excludesall= " json:"number,omitempty" desc:"Số và ký hiệu, ví dụ \"11-QĐi/TW\" / Number and symbol"`
	Date    calendar.Date `yaml:"date,omitempty" json:"date,omitempty" format:"date" desc:"Ngày ban hành / Date"`
	Issuer  string        `yaml:"issuer,omitempty" json:"issuer,omitempty" desc:"Cơ quan ban hành (sau \"của\") / Issuer (after \"của\")"`
	Subject string        `yaml:"subject,omitempty" json:"subject,omitempty" desc:"Trích yếu, ví dụ \"về …\" / Subject"`
	// Text replaces the generated citation.
	Text string `yaml:"text,omitempty" json:"text,omitempty" desc:"Toàn văn trích dẫn, thay cho các trường trên / Whole citation text"`
}

// Block is one element of the body: exactly one of Part, Item, SubItem, Paragraph, Bullet or Sessions.
// Headings (Part, Item, SubItem) may have run-in Text ("Yêu cầu: Việc …") and Content below them.
type Block struct {
	Part      string `yaml:"part,omitempty" json:"part,omitempty" desc:"Phần (I-, II-…; I., II.… ) / Level-1 heading"`
	Item      string `yaml:"item,omitempty" json:"item,omitempty" desc:"Mục (1., 2.…) / Level-2 heading"`
	SubItem   string `yaml:"subitem,omitempty" json:"subitem,omitempty" desc:"Tiểu mục (a), b)…) / Level-3 heading"`
	Paragraph string `yaml:"paragraph,omitempty" json:"paragraph,omitempty" desc:"Đoạn văn / Paragraph"`
	Bullet    string `yaml:"bullet,omitempty" json:"bullet,omitempty" desc:"Gạch đầu dòng \"- …\" (không gõ dấu -) / Bullet (without the dash)"`
	// Sessions marks where the sessions (then the ad-hoc clause) are printed, as items.
	Sessions bool `yaml:"sessions,omitempty" json:"sessions,omitempty" desc:"Chèn các buổi đối thoại tại đây / Place the sessions here"`

	// Text is run-in text printed after "Title: " on a heading.
	Text string `yaml:"text,omitempty" json:"text,omitempty" desc:"Nội dung in liền sau tiêu đề mục: \"Tiêu đề: nội dung\" / Run-in text"`
	// Label overrides the generated numbering label.
	Label   string  `yaml:"label,omitempty" json:"label,omitempty" desc:"Nhãn đánh số thay cho nhãn tự sinh / Numbering label override"`
	Content []Block `yaml:"content,omitempty" validate:"dive" json:"content,omitempty" desc:"Các khối bên trong / Nested blocks"`
}

// Session is one dialogue session (buổi đối thoại) of the plan.
type Session struct {
	// ID names the session for the session notices, e.g. "q1".
	ID string `yaml:"id" validate:"required,max=40,excludesall= /\\" json:"id" desc:"Mã buổi đối thoại, dùng trong các thông báo / Session id"`
	// Quarter is 1 to 4, or absent for a session that is not a quarter's (monthly, ad hoc): then its heading
	// defaults to its month ("Tháng 3/2026").
	Quarter int `yaml:"quarter,omitempty" validate:"omitempty,min=1,max=4" json:"quarter,omitempty" desc:"Quý 1-4; bỏ trống cho buổi hằng tháng, đột xuất (tiêu đề mặc định: tháng) / Quarter; absent for a monthly or ad-hoc session (default heading: its month)"`
	// Heading overrides the item heading (default "Quý I/2023").
	Heading string `yaml:"heading,omitempty" json:"heading,omitempty" desc:"Tiêu đề mục (mặc định \"Quý I/2023\") / Heading override"`
	// Content is the subject of the dialogue (nội dung).
	Content string `yaml:"content" validate:"required" json:"content" desc:"Nội dung đối thoại / Subject"`
	// Participants are who is invited (đối tượng).
	Participants string `yaml:"participants" validate:"required" json:"participants" desc:"Đối tượng / Participants"`
	// Time is a month (2023-03), a date (2023-03-15) or a date and hour (2023-03-15 08:00).
	Time Time `yaml:"time" json:"time" pattern:"^(\\d{4}-\\d{2}(-\\d{2}( \\d{1,2}:\\d{2})?)?|\\d{1,2}([/.-])\\d{1,2}[/.-]\\d{4}( \\d{1,2}[:h]\\d{2})?|\\d{1,2}[/.-]\\d{4})$" desc:"Tháng (2023-03), ngày (2023-03-15) hoặc ngày giờ (2023-03-15 08:00) / Month, date or date and hour"`
	// Venue is where (địa điểm).
	Venue string `yaml:"venue" validate:"required" json:"venue" desc:"Địa điểm / Venue"`
	// Labels override the bullet labels.
	Labels SessionLabels `yaml:"labels,omitempty" json:"labels,omitempty" desc:"Nhãn các gạch đầu dòng / Bullet labels"`
}

// SessionLabels are the labels of a session's bullets; empty ones take the defaults.
type SessionLabels struct {
	Content      string `yaml:"content,omitempty" json:"content,omitempty" desc:"mặc định \"Nội dung\""`
	Participants string `yaml:"participants,omitempty" json:"participants,omitempty" desc:"mặc định \"Đối tượng\""`
	Time         string `yaml:"time,omitempty" json:"time,omitempty" desc:"mặc định \"Thời gian\""`
	Venue        string `yaml:"venue,omitempty" json:"venue,omitempty" desc:"mặc định \"Địa điểm\""`
}

// Recipient is one line of the Nơi nhận list. In YAML it is a string, "Ban Dân vận Tỉnh ủy (báo cáo)" (a final
// parenthesis is the note), or a mapping {name, note}.
type Recipient struct {
	Name string `yaml:"name" validate:"required" json:"name" desc:"Nơi nhận / Recipient"`
	Note string `yaml:"note,omitempty" json:"note,omitempty" desc:"Ghi chú trong ngoặc: báo cáo, để biết, thực hiện / Note"`
}

// Signature is the signature block (thể thức đề ký).
type Signature struct {
	// Mark is the authority mark: T/M, K/T, T/L (Party); TM., KT., TL., TUQ., Q. (State); empty for none.
	Mark         string `yaml:"mark,omitempty" json:"mark,omitempty" enum:"T/M,K/T,T/L,TM.,KT.,TL.,TUQ.,Q." desc:"Quyền hạn ký / Authority mark"`
	Authority    string `yaml:"authority,omitempty" json:"authority,omitempty" desc:"Tập thể / người đứng đầu sau dấu, ví dụ BAN THƯỜNG VỤ / Authority after the mark"`
	SubMark      string `yaml:"sub_mark,omitempty" json:"sub_mark,omitempty" enum:"T/M,K/T,T/L,TM.,KT.,TL.,TUQ.,Q." desc:"Dấu thứ hai, ví dụ KT. / Second mark"`
	SubAuthority string `yaml:"sub_authority,omitempty" json:"sub_authority,omitempty" desc:"ví dụ CHỦ TỊCH / Authority after the second mark"`
	Position     string `yaml:"position" validate:"required" json:"position" desc:"Chức vụ người ký / Signer's position"`
	Name         string `yaml:"name" validate:"required" json:"name" desc:"Họ và tên người ký / Signer's name"`
}
