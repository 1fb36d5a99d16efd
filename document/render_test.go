package document

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/docxcheck"
	"github.com/vanban/vanban/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// docXML returns word/document.xml of a rendered .docx.
func docXML(t testing.TB, docx []byte) []byte {
	t.Helper()
	return []byte(docxcheck.Part(t, docx, "word/document.xml"))
}

// party2026Doc is a Party notice of a ward Party committee after the 2026 switch, a draft without number.
func party2026Doc() *Document {
	return &Document{
		System:     Party,
		Superior:   []string{"ĐẢNG BỘ TỈNH QUẢNG NGÃI"},
		Issuer:     []string{"ĐẢNG ỦY PHƯỜNG ĐỨC PHỔ"},
		IssuerCode: "ĐU",
		Type:       "Giấy mời",
		DraftYear:  2026,
		Place:      "Đức Phổ",
		Urgency:    "Khẩn",
		Summary:    "dự Hội nghị đối thoại giữa Bí thư Đảng ủy phường với Nhân dân",
		Addressees: []string{"Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Các chi bộ trực thuộc"},
		Body: []Block{
			{Kind: Paragraph, Text: "Ban Thường vụ Đảng ủy phường trân trọng kính mời dự Hội nghị đối thoại."},
			{Kind: Bullet, Text: "Thời gian: **07 giờ 30 phút**, ngày 10/12/2026."},
			{Kind: Bullet, Text: "Địa điểm: Hội trường Ủy ban nhân dân phường."},
		},
		Recipients: []Recipient{{Name: "Như trên"}},
		Signature:  Signature{Mark: "T/M", Authority: "BAN THƯỜNG VỤ", Position: "Phó Bí thư", Name: "Lê Thị Hoa"},
	}
}

func testDocs(t testing.TB) map[string]*Document {
	return map[string]*Document{
		"party-2023": seedDoc(t),
		"party-2026": party2026Doc(),
		"state-2026": stateDoc(),
	}
}

func TestRenderGolden(t *testing.T) {
	for name, d := range testDocs(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b, err := Render(d)
			if err != nil {
				t.Fatal(err)
			}
			again, err := Render(d)
			if err != nil || !bytes.Equal(b, again) {
				t.Errorf("Render is not deterministic (%v)", err)
			}
			got := docXML(t, b)
			golden := filepath.Join("testdata", "golden", name+".document.xml")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("document.xml differs from %s (run go test -update after checking the change)", golden)
			}
			path := filepath.Join(t.TempDir(), name+".docx")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			checkDocx(t, path)
			if dir := os.Getenv("VANBAN_OUT"); dir != "" {
				_ = os.WriteFile(filepath.Join(dir, name+".docx"), b, 0o644)
			}
		})
	}
}

// TestRenderContent checks the printed lines of each system in the rendered XML.
func TestRenderContent(t *testing.T) {
	tests := []struct {
		name string
		want []string
		not  []string
	}{
		{"party-2023", []string{"ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH QUẢNG NGÃI", "THỊ ỦY ĐỨC PHỔ", ">*<",
			"Số 45-KH/TU", "Đức Phổ, ngày 05 tháng 3 năm 2023", "KẾ HOẠCH", ">-----<", "I- Mục đích, yêu cầu",
			"II- Nội dung", "III- Tổ chức thực hiện", ">2. Yêu cầu:<", "- Ban Dân vận Tỉnh ủy (báo cáo),",
			"- Lưu Văn phòng thị xã.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Kiên", "Nơi nhận", "w:titlePg"},
			[]string{"{{", "CỘNG HÒA", "Số:", "Kính gửi"}},
		{"party-2026", []string{"Số      -GM/ĐU", "Đức Phổ, ngày     tháng     năm 2026", "GIẤY MỜI", "KHẨN",
			"Kính gửi:", "- Ủy ban Mặt trận Tổ quốc Việt Nam phường,", "- Các chi bộ trực thuộc.", "PHÓ BÍ THƯ",
			"- Như trên,", "- Lưu Văn phòng."},
			[]string{"{{"}},
		{"state-2026", []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
			"PHƯỜNG ĐỨC PHỔ", "Số: 07/KH-UBND", "Đức Phổ, ngày 09 tháng 02 năm 2026", "KHẨN", "I. MỤC ĐÍCH, YÊU CẦU",
			"a) ", "b) ", "II. NỘI DUNG", "- Thường trực Đảng ủy phường (báo cáo);", "- Lưu: VT, VHXH.",
			"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nơi nhận:"},
			[]string{"{{", "ĐẢNG CỘNG SẢN", ">-----<"}},
	}
	docs := testDocs(t)
	for _, tt := range tests {
		b, err := Render(docs[tt.name])
		if err != nil {
			t.Fatal(err)
		}
		x := string(docXML(t, b))
		for _, w := range tt.want {
			if !strings.Contains(x, w) {
				t.Errorf("%s: document.xml lacks %q", tt.name, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(x, w) {
				t.Errorf("%s: document.xml has %q", tt.name, w)
			}
		}
	}
}

// TestLayoutByRuleSet checks that each rule set names a layout that exists and that the layouts use nothing
// TemplateData lacks.
func TestLayoutByRuleSet(t *testing.T) {
	for _, rs := range DefaultRules().RuleSets() {
		tpl, err := templates.Layout(rs.Layout)
		if err != nil {
			t.Fatalf("%s: %v", rs.ID, err)
		}
		d := seedDoc(t)
		d.System, d.Date = rs.System, rs.ValidFrom
		if rs.System == State {
			d = stateDoc()
			d.Date = rs.ValidFrom
		}
		data, err := d.templateData(rs)
		if err != nil {
			t.Fatal(err)
		}
		if err := tpl.Check(data); err != nil {
			t.Errorf("%s: layout %s: %v", rs.ID, rs.Layout, err)
		}
	}
}

func TestRenderWithTemplate(t *testing.T) {
	b, err := templates.LayoutDocx("state")
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("x"), []byte("x"), 1) // an office's copy of the layout
	tpl, err := templates.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(stateDoc(), WithTemplate(tpl))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(docXML(t, out)), "Số: 07/KH-UBND") {
		t.Error("number line missing")
	}
	// a Party document rendered with a forced rule set
	d := seedDoc(t)
	out, err = Render(d, WithRuleSet(DefaultRules().ByID("party-2026")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(docXML(t, out)), "I- Mục đích") {
		t.Error("forced rule set: labels missing")
	}
	if _, err := Render(d, WithRuleSet(DefaultRules().ByID("state-nd30"))); err == nil {
		t.Error("a Party document with State rules: no error (the marks differ)")
	}
}

func TestRenderConcurrent(t *testing.T) {
	want, err := Render(seedDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan []byte)
	for range 8 {
		go func() {
			b, _ := Render(seedDoc(t))
			done <- b
		}()
	}
	for range 8 {
		if b := <-done; !bytes.Equal(b, want) {
			t.Error("concurrent render differs")
		}
	}
}

// TestClauseWithoutKeepNext: a numbered item without a title (the plan's "5. Ngoài ra, …") is a body paragraph
// in style VBClause, which every layout defines without keep-with-next, so it does not leave a gap at the
// bottom of a page in LibreOffice; so does an item whose text runs on after its title; a titled item alone in
// its paragraph keeps the heading style VBItem, held to its next paragraph.
func TestClauseWithoutKeepNext(t *testing.T) {
	for name, d := range testDocs(t) {
		d.Body = append(d.Body, Block{Kind: Item, Title: "Kinh phí", Text: "theo dự toán."},
			Block{Kind: Item, Title: "Tiến độ"}, Block{Kind: Paragraph, Text: "Hoàn thành trong quý III."},
			Block{Kind: Item, Text: "Ngoài ra, khi cần thiết tổ chức đối thoại đột xuất."},
			Block{Kind: Paragraph, Text: "Đoạn kết."})
		b, err := Render(d)
		if err != nil {
			t.Fatal(err)
		}
		x := string(docXML(t, b))
		styleOf := func(text string) string {
			for _, p := range strings.Split(x, "<w:p>") {
				if strings.Contains(p, text) {
					if m := regexp.MustCompile(`<w:pStyle w:val="([A-Za-z]+)"/>`).FindStringSubmatch(p); m != nil {
						return m[1]
					}
					return ""
				}
			}
			return "(missing)"
		}
		if s := styleOf("Ngoài ra, khi cần thiết"); s != "VBClause" {
			t.Errorf("%s: the title-less item is in style %q, want VBClause", name, s)
		}
		if s := styleOf("Kinh phí"); s != "VBClause" {
			t.Errorf("%s: the item with run-in text is in style %q, want VBClause", name, s)
		}
		if s := styleOf("Tiến độ"); s != "VBItem" {
			t.Errorf("%s: the titled item is in style %q, want VBItem", name, s)
		}
		styles := docxcheck.Part(t, b, "word/styles.xml")
		style := func(id string) string {
			return regexp.MustCompile(`<w:style [^>]*w:styleId="` + id + `".*?</w:style>`).FindString(styles)
		}
		if s := style("VBClause"); s == "" || strings.Contains(s, "keepNext") || !strings.Contains(s, `<w:basedOn w:val="VBBody"/>`) {
			t.Errorf("%s: VBClause style %q: want one based on VBBody without keepNext", name, s)
		}
		if s := style("VBItem"); !strings.Contains(s, "<w:keepNext/>") {
			t.Errorf("%s: VBItem style %q lost keepNext", name, s)
		}
	}
}

// TestClosingKeptWithSignature: the last body paragraph (a paragraph, bullet or clause) is in style VBClosing,
// which every layout defines as the body style kept with the next paragraph and on one page, and the row of
// the Nơi nhận / signature table does not split: the signature never stands alone on the last page.
func TestClosingKeptWithSignature(t *testing.T) {
	for name, d := range testDocs(t) {
		for _, last := range []Block{{Kind: Paragraph, Text: "Yêu cầu các cơ quan triển khai thực hiện."}, {Kind: Bullet, Text: "gạch cuối."}, {Kind: Item, Text: "Ngoài ra, khi cần."}} {
			d := *d
			d.Body = append(slices.Clone(d.Body), Block{Kind: Paragraph, Text: "Đoạn áp chót."}, last)
			b, err := Render(&d)
			if err != nil {
				t.Fatal(err)
			}
			x := string(docXML(t, b))
			paras := regexp.MustCompile(`<w:p>.*?</w:p>`).FindAllString(x[:strings.LastIndex(x, "<w:tbl>")], -1)
			lastP := paras[len(paras)-1]
			if !strings.Contains(lastP, `<w:pStyle w:val="VBClosing"/>`) || !strings.Contains(lastP, strings.TrimSuffix(last.Text, ".")) {
				t.Errorf("%s, last %s: the last body paragraph is %s", name, last.Kind, lastP)
			}
			if n := strings.Count(x, `w:val="VBClosing"`); n != 1 {
				t.Errorf("%s, last %s: %d paragraphs in VBClosing, want 1", name, last.Kind, n)
			}
			if !strings.Contains(x[strings.LastIndex(x, "<w:tbl>"):], "<w:tr><w:trPr><w:cantSplit/></w:trPr>") {
				t.Errorf("%s: the signature table row may split", name)
			}
			styles := docxcheck.Part(t, b, "word/styles.xml")
			s := regexp.MustCompile(`<w:style [^>]*w:styleId="VBClosing".*?</w:style>`).FindString(styles)
			if !strings.Contains(s, "<w:keepNext/>") || !strings.Contains(s, "<w:keepLines/>") || !strings.Contains(s, `<w:basedOn w:val="VBBody"/>`) {
				t.Errorf("%s: VBClosing style %q", name, s)
			}
		}
	}
}

func TestRenderContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := RenderContext(ctx, party2026Doc()); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: got %v, want context.Canceled", err)
	}
	out, err := RenderContext(context.Background(), party2026Doc())
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Render(party2026Doc())
	if err != nil || !bytes.Equal(out, plain) {
		t.Fatalf("RenderContext and Render differ (err %v)", err)
	}
}
