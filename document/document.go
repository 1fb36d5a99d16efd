package document

import "github.com/vanban/vanban/calendar"

// System is the family of rules a document follows.
type System string

const (
	// Party documents (văn bản của Đảng): Hướng dẫn 36-HD/VPTW, then the 2026 rules.
	Party System = "party"
	// State documents (văn bản hành chính): Nghị định 30/2020/NĐ-CP.
	State System = "state"
)

// Document is one official document (văn bản): the frame every kind shares (header, number, place-date line,
// title, body, Nơi nhận, signature). The input packages (plan, notice) fill it; Render lays it out by the rules
// of its System in force on its Date. Text fields hold Vietnamese as it is to be printed; body text may carry the
// inline markup of ParseInline (**bold**, *italic*).
type Document struct {
	System System

	// Superior is the superior body (cơ quan cấp trên), one entry per printed line, e.g. "ĐẢNG BỘ TỈNH QUẢNG NGÃI".
	// Empty when there is none (an Ủy ban nhân dân has no parent line).
	Superior []string
	// Issuer is the issuing body (cơ quan ban hành), one entry per printed line, e.g. "THỊ ỦY ĐỨC PHỔ" or
	// "ỦY BAN NHÂN DÂN", "PHƯỜNG HÀ ĐÔNG".
	Issuer []string
	// IssuerCode is the body's abbreviation in the symbol (ký hiệu), e.g. "TU", "UBND".
	IssuerCode string

	// Type is the document type's name as in the type tables, e.g. "Kế hoạch", "Thông báo", "Giấy mời", "Báo cáo".
	Type string
	// Number is the document number (số); 0 leaves it blank for the clerk (a draft).
	Number int
	// Symbol overrides the symbol (ký hiệu) built from Type and IssuerCode by the rules, e.g. "KH/TU" or "KH-UBND".
	Symbol string

	// Place is the place name of the date line, e.g. "Đức Phổ".
	Place string
	// Date is the document's date; it also picks the rule set. A zero Date leaves day and month blank (a draft)
	// and DraftYear is printed instead.
	Date      calendar.Date
	DraftYear int

	// Urgency is "", "KHẨN", "THƯỢNG KHẨN" or "HỎA TỐC".
	Urgency string

	// Title overrides the printed type name (defaults to Type in capitals, e.g. "KẾ HOẠCH").
	Title string
	// Summary is the trích yếu printed under the title, e.g. "đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm 2023".
	// It is broken into balanced lines by the package; a "\n" in it forces a break there. A State trích yếu
	// starts with a capital whatever was typed (rule set text.summary_first).
	Summary string

	// Addressees are the "Kính gửi:" lines (Giấy mời, Công văn); empty for none.
	Addressees []string

	Body []Block

	// Recipients is the Nơi nhận list, without the archive line.
	Recipients []Recipient
	// Archive is the archive line's text without its dash and final full stop, e.g. "Lưu Văn phòng thị xã" or
	// "Lưu: VT, BDV".
	Archive string
	// ArchiveCopies is the number of copies kept, printed at the end of the archive line as the rule set says
	// ("- Lưu: VT, VP (02b)."); 0 prints none.
	ArchiveCopies int

	Signature Signature
}

// BlockKind says how a body block is laid out.
type BlockKind string

const (
	Part      BlockKind = "part"      // level-1 heading: "I- Mục đích, yêu cầu" (Party HD 36), "I. …" (State)
	Item      BlockKind = "item"      // level-2 numbered item: "1. Mục đích"
	SubItem   BlockKind = "subitem"   // level-3: "a) …"
	Paragraph BlockKind = "paragraph" // a body paragraph with first-line indent
	Bullet    BlockKind = "bullet"    // "- …" paragraph
	Basis     BlockKind = "basis"     // a legal basis line (State: italic "Căn cứ …;")
)

// Block is one paragraph of the body.
type Block struct {
	Kind BlockKind
	// Title is the heading text of a Part, Item or SubItem (inline markup allowed).
	Title string
	// Text is the paragraph text; on a heading it is run-in text printed after "Title: " in the same paragraph.
	Text string
	// Label overrides the automatic numbering label ("I-", "1.", "a)").
	Label string
}

// Recipient is one line of the Nơi nhận list.
type Recipient struct {
	Name string // "Ban Dân vận Tỉnh ủy"
	Note string // "báo cáo", "để biết", "thực hiện"; printed in parentheses
}

// Signature is the signature block (thể thức đề ký).
//
// Party: Mark "T/M", Authority "BAN THƯỜNG VỤ", Position "BÍ THƯ" prints "T/M BAN THƯỜNG VỤ" / "BÍ THƯ".
// State: Mark "TM.", Authority "ỦY BAN NHÂN DÂN", SubMark "KT.", SubAuthority "CHỦ TỊCH", Position
// "PHÓ CHỦ TỊCH" prints "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH".
type Signature struct {
	Mark         string // "T/M", "K/T", "T/L" (Party); "TM.", "KT.", "TL.", "TUQ.", "Q." (State); "" for none
	Authority    string
	SubMark      string
	SubAuthority string
	Position     string
	Name         string
}
