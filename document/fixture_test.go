package document

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/calendar"
)

var (
	reItem = regexp.MustCompile(`^(\d+)\. (.*)$`)
	rePart = regexp.MustCompile(`^([IVX]+)- (.*)$`)
)

// seedBody reads the body of the 2023 Thị ủy Đức Phổ plan (testdata) into blocks, numbering left to the rules.
func seedBody(t testing.TB) []Block {
	t.Helper()
	b, err := os.ReadFile("testdata/seed-2023-body.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []Block
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		// a line the transcription broke in two continues the previous paragraph
		if first := []rune(line)[0]; first >= 'a' && first <= 'z' || strings.HasPrefix(line, "đ") {
			out[len(out)-1].Text += " " + line
			continue
		}
		switch {
		case rePart.MatchString(line):
			m := rePart.FindStringSubmatch(line)
			out = append(out, Block{Kind: Part, Title: m[2]})
		case reItem.MatchString(line):
			rest := reItem.FindStringSubmatch(line)[2]
			title, text, ok := strings.Cut(rest, ": ")
			switch {
			case ok && len([]rune(title)) < 60:
				out = append(out, Block{Kind: Item, Title: title, Text: text})
			case len([]rune(rest)) < 70:
				out = append(out, Block{Kind: Item, Title: rest})
			default:
				out = append(out, Block{Kind: Item, Text: rest})
			}
		case strings.HasPrefix(line, "- "):
			out = append(out, Block{Kind: Bullet, Text: strings.TrimPrefix(line, "- ")})
		default:
			out = append(out, Block{Kind: Paragraph, Text: line})
		}
	}
	out[0].Kind = Basis
	return out
}

// seedDoc is the 2023 plan of the Thị ủy Đức Phổ (the seed), with a number and date of our own.
func seedDoc(t testing.TB) *Document {
	return &Document{
		System:     Party,
		Superior:   []string{"ĐẢNG BỘ TỈNH QUẢNG NGÃI"},
		Issuer:     []string{"THỊ ỦY ĐỨC PHỔ"},
		IssuerCode: "TU",
		Type:       "Kế hoạch",
		Number:     45,
		Place:      "Đức Phổ",
		Date:       calendar.NewDate(2023, 3, 5),
		Summary:    "đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm 2023",
		Body:       seedBody(t),
		Recipients: []Recipient{
			{Name: "Ban Dân vận Tỉnh ủy", Note: "báo cáo"},
			{Name: "Văn phòng Tỉnh ủy"},
			{Name: "Thường trực HĐND, UBND thị xã"},
			{Name: "Công an thị xã"},
			{Name: "Các cơ quan tham mưu, giúp việc Thị ủy"},
			{Name: "Mặt trận và các tổ chức CT-XH thị xã"},
			{Name: "Trung tâm TT-VH-TT thị xã"},
			{Name: "Các đồng chí UVBTV Thị ủy"},
			{Name: "Đảng ủy các xã, phường"},
			{Name: "C, PC, NC-TH VP thị xã"},
		},
		Archive:   "Lưu Văn phòng thị xã",
		Signature: Signature{Mark: "T/M", Authority: "BAN THƯỜNG VỤ", Position: "BÍ THƯ", Name: "Nguyễn Kiên"},
	}
}

// stateDoc is a State plan of a ward (two-tier local government) with căn cứ lines.
func stateDoc() *Document {
	return &Document{
		System:     State,
		Issuer:     []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG ĐỨC PHỔ"},
		IssuerCode: "UBND",
		Type:       "Kế hoạch",
		Number:     7,
		Place:      "Đức Phổ",
		Date:       calendar.NewDate(2026, 2, 9),
		Urgency:    "KHẨN",
		Summary:    "tổ chức đối thoại giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân năm 2026",
		Body: []Block{
			{Kind: Basis, Text: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"},
			{Kind: Basis, Text: "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022."},
			{Kind: Paragraph, Text: "Ủy ban nhân dân phường ban hành Kế hoạch tổ chức đối thoại với Nhân dân năm 2026 như sau:"},
			{Kind: Part, Title: "MỤC ĐÍCH, YÊU CẦU"},
			{Kind: Item, Title: "Mục đích", Text: "Lắng nghe tâm tư, nguyện vọng, kiến nghị hợp pháp, chính đáng của Nhân dân."},
			{Kind: Item, Title: "Yêu cầu"},
			{Kind: SubItem, Title: "Chuẩn bị", Text: "Chu đáo, **đúng thời gian**."},
			{Kind: SubItem, Text: "Bảo đảm *an toàn, trật tự*."},
			{Kind: Part, Title: "NỘI DUNG, THỜI GIAN"},
			{Kind: Item, Title: "Quý I/2026"},
			{Kind: Bullet, Text: "Nội dung: ***Quản lý đất đai trên địa bàn phường.***"},
			{Kind: Bullet, Text: "Thời gian: Tháng 3/2026."},
		},
		Recipients: []Recipient{{Name: "Thường trực Đảng ủy phường", Note: "báo cáo"}, {Name: "Chủ tịch, các PCT UBND phường"}, {Name: "Các tổ dân phố"}},
		Archive:    "Lưu: VT, VHXH",
		Signature: Signature{Mark: "TM.", Authority: "ỦY BAN NHÂN DÂN", SubMark: "KT.", SubAuthority: "CHỦ TỊCH",
			Position: "PHÓ CHỦ TỊCH", Name: "Trần Văn Bình"},
	}
}
