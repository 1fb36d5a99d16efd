package templates

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/docxcheck"
)

// referenceDoc is the reference workload: 20 fields p01…p20 (p01 in the
// header, p20 in the footer) and a one-row table repeated per item.
func referenceDoc() testDoc {
	var body strings.Builder
	body.WriteString(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>KẾ HOẠCH</w:t></w:r></w:p>`)
	for i := 2; i <= 19; i++ {
		fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">Mục %d: {{p%02d}}</w:t></w:r></w:p>`, i, i)
	}
	body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="4000"/><w:gridCol w:w="3000"/></w:tblGrid>`)
	body.WriteString(`<w:tr><w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{{#items}}{{stt}}</w:t></w:r></w:p></w:tc>`)
	body.WriteString(`<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{{ten}}</w:t></w:r></w:p></w:tc>`)
	body.WriteString(`<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{{chuc_vu}}{{/items}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)
	body.WriteString(`<w:p/>`)
	return testDoc{body: body.String(), header: para("{{p01}}"), footer: para("{{p20}}")}
}

func referenceData(rows int) map[string]any {
	data := map[string]any{}
	for i := 1; i <= 20; i++ {
		data[fmt.Sprintf("p%02d", i)] = fmt.Sprintf("Giá trị số %d – Hà Nội & <ví dụ>", i)
	}
	items := make([]map[string]any, rows)
	for i := range items {
		role := "Phó Giám đốc"
		if i%2 == 1 {
			role = "Trưởng phòng"
		}
		items[i] = map[string]any{"stt": i + 1, "ten": fmt.Sprintf("Nguyễn Văn %d", i+1), "chuc_vu": role}
	}
	data["items"] = items
	return data
}

func TestReferenceWorkload(t *testing.T) {
	src := referenceDoc().docx(t)
	tpl, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Render(referenceData(50))
	if err != nil {
		t.Fatal(err)
	}
	doc := docxcheck.Part(t, out, "word/document.xml")
	if n := strings.Count(doc, "<w:tr>"); n != 50 {
		t.Fatalf("rows: %d", n)
	}
	if !strings.Contains(doc, "Giá trị số 19 – Hà Nội &amp; &lt;ví dụ&gt;") || !strings.Contains(doc, "Nguyễn Văn 50") {
		t.Fatal("content missing")
	}
	if !strings.Contains(docxcheck.Part(t, out, "word/header1.xml"), "Giá trị số 1 –") || !strings.Contains(docxcheck.Part(t, out, "word/footer1.xml"), "Giá trị số 20 –") {
		t.Fatal("header/footer not filled")
	}
	t.Logf("template document.xml %d bytes, docx %d bytes, output %d bytes", len(referenceDoc().files()["word/document.xml"]), len(src), len(out))
}

func benchReference(b *testing.B, rows int, opts ...Option) {
	src := referenceDoc().docx(b)
	data := referenceData(rows)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		tpl, err := Parse(src, opts...)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tpl.Render(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReferenceWorkload: open + compile + fill + zip, from the
// template's bytes to the output's bytes, 50 rows.
func BenchmarkReferenceWorkload(b *testing.B) { benchReference(b, 50) }

// BenchmarkReferenceWorkload1000Rows: the same with 1,000 rows.
func BenchmarkReferenceWorkload1000Rows(b *testing.B) { benchReference(b, 1000) }

// BenchmarkReferenceWorkloadStrict: with VerifyStrict (full re-read of the output).
func BenchmarkReferenceWorkloadStrict(b *testing.B) { benchReference(b, 50, VerifyStrict()) }

// BenchmarkReferenceWorkloadNoVerify: without the output check.
func BenchmarkReferenceWorkloadNoVerify(b *testing.B) { benchReference(b, 50, SkipVerify()) }

// BenchmarkRender: Render alone on a compiled template, 50 rows.
func BenchmarkRender(b *testing.B) {
	tpl, err := Parse(referenceDoc().docx(b))
	if err != nil {
		b.Fatal(err)
	}
	data := referenceData(50)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tpl.Render(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse: compile alone.
func BenchmarkParse(b *testing.B) {
	src := referenceDoc().docx(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}
