package document_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
)

func ExampleDocument_NumberLine() {
	party := document.Document{System: document.Party, Type: "Kế hoạch", IssuerCode: "TU", Number: 45,
		Place: "Đức Phổ", Date: calendar.NewDate(2023, time.March, 5)}
	state := document.Document{System: document.State, Type: "Kế hoạch", IssuerCode: "UBND", Number: 7,
		Place: "Đức Phổ", Date: calendar.NewDate(2026, time.February, 9)}
	fmt.Println(party.NumberLine(), "|", party.DateLine(), "|", party.Rules().ID)
	fmt.Println(state.NumberLine(), "|", state.DateLine(), "|", state.Rules().ID)
	// Output:
	// Số 45-KH/TU | Đức Phổ, ngày 05 tháng 3 năm 2023 | party-hd36
	// Số: 07/KH-UBND | Đức Phổ, ngày 09 tháng 02 năm 2026 | state-nd30
}

func ExampleRender() {
	doc := &document.Document{
		System:     document.Party,
		Superior:   []string{"ĐẢNG BỘ TỈNH QUẢNG NGÃI"},
		Issuer:     []string{"THỊ ỦY ĐỨC PHỔ"},
		IssuerCode: "TU",
		Type:       "Kế hoạch",
		Number:     45,
		Place:      "Đức Phổ",
		Date:       calendar.NewDate(2023, time.March, 5),
		Summary:    "đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm 2023",
		Body: []document.Block{
			{Kind: document.Part, Title: "Mục đích, yêu cầu"},
			{Kind: document.Item, Title: "Mục đích"},
			{Kind: document.Bullet, Text: "Lắng nghe tâm tư, nguyện vọng, kiến nghị hợp pháp, chính đáng của công dân."},
			{Kind: document.Item, Title: "Yêu cầu", Text: "Hình thức tổ chức phù hợp, hiệu quả, **đúng thời gian**."},
		},
		Recipients: []document.Recipient{{Name: "Ban Dân vận Tỉnh ủy", Note: "báo cáo"}},
		Archive:    "Lưu Văn phòng thị xã",
		Signature:  document.Signature{Mark: "T/M", Authority: "BAN THƯỜNG VỤ", Position: "BÍ THƯ", Name: "Nguyễn Kiên"},
	}
	docx, err := document.Render(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		fmt.Println(err)
		return
	}
	data, _ := doc.TemplateData()
	fmt.Println(zr.File[0].Name, data.NumberLine, data.Recipients)
	for _, b := range data.Body {
		for _, sp := range b.Text {
			if sp.Bold {
				fmt.Printf("[%s]", sp.Text)
			} else {
				fmt.Print(sp.Text)
			}
		}
		fmt.Println()
	}
	// Output:
	// [Content_Types].xml Số 45-KH/TU [- Ban Dân vận Tỉnh ủy (báo cáo), - Lưu Văn phòng thị xã.]
	// [I- Mục đích, yêu cầu]
	// [1. Mục đích]
	// - Lắng nghe tâm tư, nguyện vọng, kiến nghị hợp pháp, chính đáng của công dân.
	// [2. Yêu cầu:] Hình thức tổ chức phù hợp, hiệu quả, [đúng thời gian].
}

// TextWidth measures text as the layouts set it, e.g. to size a line drawn under it in an office's own
// template: the Tiêu ngữ, 14 pt bold, is about 6 cm wide (1440 twips to the inch).
func ExampleTextWidth() {
	w := document.TextWidth("Độc lập - Tự do - Hạnh phúc", true, 28)
	fmt.Printf("%d twips, %.1f cm\n", w, float64(w)/1440*2.54)
	// Output: 3427 twips, 6.0 cm
}
