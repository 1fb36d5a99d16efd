package templates

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/docxcheck"
)

// The compatibility defects of issue 11, each from its reproduction.

// validate writes out to a temporary file and runs the Open XML validator
// on it (skipped when the validator is not installed, unless
// VANBAN_REQUIRE_TOOLS=1).
func validate(t *testing.T, out []byte) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.docx")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	docxcheck.Validate(t, p)
}

// Defect 1: a main part not named word/document.xml (Word for the web
// saves word/document2.xml) is found through _rels/.rels, and its header
// and footer through its own relationships, whatever their names.
func TestMainPartFromPackageRelationships(t *testing.T) {
	files := testDoc{body: para("Kính gửi: {{name}}"), header: para("H {{name}}"), footer: para("F {{name}}")}.files()
	ren := func(from, to string) {
		files[to] = files[from]
		delete(files, from)
	}
	ren("word/document.xml", "word/document2.xml")
	ren("word/_rels/document.xml.rels", "word/_rels/document2.xml.rels")
	ren("word/header1.xml", "word/hdrA.xml")
	ren("word/footer1.xml", "word/ftrB.xml")
	files["_rels/.rels"] = strings.Replace(files["_rels/.rels"], "word/document.xml", "word/document2.xml", 1)
	files["word/_rels/document2.xml.rels"] = strings.NewReplacer("header1.xml", "hdrA.xml", "footer1.xml", "/word/ftrB.xml").Replace(files["word/_rels/document2.xml.rels"])
	files["[Content_Types].xml"] = strings.NewReplacer("/word/document.xml", "/word/document2.xml", "/word/header1.xml", "/word/hdrA.xml", "/word/footer1.xml", "/word/ftrB.xml").Replace(files["[Content_Types].xml"])
	tpl, err := Parse(zipFiles(t, files), VerifyStrict())
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Render(map[string]string{"name": "Sở Nội vụ"})
	if err != nil {
		t.Fatal(err)
	}
	for part, want := range map[string]string{"word/document2.xml": "Kính gửi: Sở Nội vụ¶", "word/hdrA.xml": "H Sở Nội vụ¶", "word/ftrB.xml": "F Sở Nội vụ¶"} {
		if got := textOf(docxcheck.Part(t, out, part)); got != want {
			t.Errorf("%s: %q, want %q", part, got, want)
		}
	}
	if f := tpl.Fields(); len(f) != 1 || strings.Join(f[0].Parts, " ") != "word/document2.xml word/ftrB.xml word/hdrA.xml" {
		t.Errorf("Fields: %+v", f)
	}
	validate(t, out)
}

// sectionBreakDoc: Intro ¶ ABC{{#cond}} ¶ {{/cond}} in the paragraph that
// ends the first section ¶ Next section.
func sectionBreakDoc() testDoc {
	first := `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`
	return testDoc{body: para("Intro") + para("ABC{{#cond}}") +
		`<w:p><w:pPr><w:jc w:val="center"/>` + first + `</w:pPr><w:r><w:t>{{/cond}}</w:t></w:r></w:p>` + para("Next section")}
}

// wholeBody returns the inner XML of <w:body>, section breaks included.
func wholeBody(doc string) string {
	i, j := strings.Index(doc, "<w:body>"), strings.LastIndex(doc, "</w:body>")
	return doc[i+len("<w:body>") : j]
}

// Defect 2: a section that ends in the paragraph holding a section break
// never loses the break.
func TestSectionBreakNeverLost(t *testing.T) {
	cases := []struct {
		cond       any
		text       string
		breaks     int
		breakAfter string // the text of the paragraph that ends the first section
	}{
		{false, "Intro¶ABC¶Next section¶", 2, "ABC"},
		{true, "Intro¶ABC¶¶Next section¶", 2, ""},
		{[]int{1, 2}, "Intro¶ABC¶¶¶Next section¶", 3, ""},
	}
	for _, c := range cases {
		out := render(t, sectionBreakDoc(), map[string]any{"cond": c.cond}, VerifyStrict())
		doc := docxcheck.Part(t, out, "word/document.xml")
		body := wholeBody(doc)
		if got := textOf(body); got != c.text {
			t.Errorf("cond=%v: text %q, want %q", c.cond, got, c.text)
		}
		if n := strings.Count(doc, "<w:sectPr>"); n != c.breaks {
			t.Errorf("cond=%v: %d section properties, want %d:\n%s", c.cond, n, c.breaks, body)
		}
		if c.breakAfter != "" && !strings.Contains(body, `<w:p><w:pPr><w:sectPr><w:pgSz`) {
			t.Errorf("cond=%v: the break did not move into the paragraph %q:\n%s", c.cond, c.breakAfter, body)
		}
		if c.cond == false {
			validate(t, out)
		}
	}
	// The opening paragraph has properties of its own: the break goes in
	// them, in schema order.
	d := sectionBreakDoc()
	d.body = strings.Replace(d.body, para("ABC{{#cond}}"), `<w:p><w:pPr><w:spacing w:after="0"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>ABC{{#cond}}</w:t></w:r></w:p>`, 1)
	out := render(t, d, map[string]any{"cond": false})
	body := wholeBody(docxcheck.Part(t, out, "word/document.xml"))
	if !strings.Contains(body, `<w:pPr><w:spacing w:after="0"/><w:rPr><w:b/></w:rPr><w:sectPr><w:pgSz`) {
		t.Errorf("break not placed after rPr:\n%s", body)
	}
	validate(t, out)
}

// Defect 3: a section inside one table cell repeats the cell's paragraphs,
// not the row; several such sections in one row do not multiply rows.
func TestSectionInsideOneCell(t *testing.T) {
	inCell := `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>` + para("{{#items}}- {{.}}") + para("{{/items}}") + `</w:tc>`
	body := tblStart + `<w:tr>` + inCell + cell("x") + `</w:tr></w:tbl>` + para("")
	out := render(t, testDoc{body: body}, map[string]any{"items": []string{"a", "b", "c"}})
	doc := bodyOf(docxcheck.Part(t, out, "word/document.xml"))
	if n := strings.Count(doc, "<w:tr>"); n != 1 {
		t.Errorf("%d rows, want 1", n)
	}
	// As docxtemplater: the XML between the tags repeats, the closing
	// tag's paragraph (emptied) ends the list.
	if got, want := textOf(doc), "- a¶- b¶- c¶¶x¶¶"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	validate(t, out)

	// three such sections in one row, over three items: still one row
	three := tblStart + `<w:tr>` + inCell + inCell + inCell + `</w:tr></w:tbl>` + para("")
	three = strings.Replace(three, `<w:gridCol w:w="2000"/><w:gridCol w:w="2000"/>`, `<w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/>`, 1)
	out = render(t, testDoc{body: three}, map[string]any{"items": []string{"a", "b", "c"}})
	doc = bodyOf(docxcheck.Part(t, out, "word/document.xml"))
	if n := strings.Count(doc, "<w:tr>"); n != 1 {
		t.Errorf("three sections in a row: %d rows, want 1", n)
	}
	if got, want := textOf(doc), strings.Repeat("- a¶- b¶- c¶¶", 3)+"¶"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}

	// an outer row loop over three items, each row holding two in-cell
	// sections over three items: three rows, not 27
	inCellB := strings.ReplaceAll(inCell, "items", "sub")
	outer := tblStart + `<w:tr>` + cell("{{#rows}}{{n}}") + inCellB + cell("{{/rows}}") + `</w:tr></w:tbl>` + para("")
	outer = strings.Replace(outer, `<w:gridCol w:w="2000"/><w:gridCol w:w="2000"/>`, `<w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/>`, 1)
	rows := []map[string]any{{"n": 1, "sub": []string{"a", "b", "c"}}, {"n": 2, "sub": []string{"d"}}, {"n": 3, "sub": []string{}}}
	out = render(t, testDoc{body: outer}, map[string]any{"rows": rows})
	doc = bodyOf(docxcheck.Part(t, out, "word/document.xml"))
	if n := strings.Count(doc, "<w:tr>"); n != 3 {
		t.Errorf("outer row loop with in-cell sections: %d rows, want 3", n)
	}
	if got, want := textOf(doc), "1¶- a¶- b¶- c¶¶¶2¶- d¶¶¶3¶¶¶¶"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	validate(t, out)

	// two row sections side by side over the same row are refused
	side := tblStart + `<w:tr>` + cell("{{#a}}1") + cell("{{/a}}{{#b}}2") + cell("{{/b}}") + `</w:tr></w:tbl>` + para("")
	_, err := Parse(testDoc{body: side}.docx(t))
	if err == nil || !strings.Contains(err.Error(), "repeat the same table rows") {
		t.Errorf("side-by-side row sections: %v", err)
	}
}

// Defect 5: directory entries stored with Deflate (Python's
// writestr("dir/", b"") with ZIP_DEFLATED) are left out; renders succeed.
func TestDeflatedDirectoryEntries(t *testing.T) {
	files := testDoc{body: para("{{a}}")}.files()
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sortPackageNames(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, dir := range []string{"word/", "_rels/"} {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: dir, Method: zip.Deflate, CompressedSize64: 2})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte{3, 0}) // an empty deflate stream
	}
	for _, n := range names {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		io.WriteString(w, files[n])
	}
	zw.Close()
	tpl, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Render(map[string]string{"a": "x"})
	if err != nil {
		t.Fatal(err)
	}
	if got := textOf(bodyOf(docxcheck.Part(t, out, "word/document.xml"))); got != "x¶" {
		t.Errorf("got %q", got)
	}
}

// Defect 6: the anonymous closing tag {{/}}, and docxtemplater's
// delimiters { } through Delimiters.
func TestAnonymousCloseAndDelimiters(t *testing.T) {
	data := map[string]any{"name": "An", "items": []string{"x", "y"}, "no": false}
	got := textOf(renderBody(t, testDoc{body: para("{{name}}: {{#items}}[{{.}}]{{/}}{{^no}}!{{/}}") + para("{{#items}}") + para("- {{.}}") + para("{{/}}")}, data))
	if want := "An: [x][y]!¶- x¶- y¶"; got != want {
		t.Errorf("{{/}}: %q, want %q", got, want)
	}
	body := para("{name}: {#items}[{.}]{/items}{^no}!{/}") + `<w:p><w:r><w:t>{#it</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>ems}</w:t></w:r></w:p>` + para("- {.}") + para("{/}")
	got = textOf(renderBody(t, testDoc{body: body}, data, Delimiters("{", "}")))
	if want := "An: [x][y]!¶- x¶- y¶"; got != want {
		t.Errorf("{ }: %q, want %q", got, want)
	}
	// a docxtemplater tag left unknown is reported with its delimiters
	_, err := Parse(testDoc{body: para("{#a}x{/b}")}.docx(t), Delimiters("{", "}"))
	if err == nil || !strings.Contains(err.Error(), "{/a}") {
		t.Errorf("mismatch message: %v", err)
	}
	if _, err := Parse(testDoc{body: para("{{/}}")}.docx(t)); err == nil || !strings.Contains(err.Error(), "without an open section") {
		t.Errorf("stray {{/}}: %v", err)
	}
	for _, d := range [][2]string{{"", "}"}, {"[[", "[["}, {"< ", ">"}} {
		if _, err := Parse(testDoc{body: para("x")}.docx(t), Delimiters(d[0], d[1])); err == nil {
			t.Errorf("delimiters %q accepted", d)
		}
	}
	// other delimiters
	got = textOf(renderBody(t, testDoc{body: para("[[name]] {{name}}")}, data, Delimiters("[[", "]]")))
	if got != "An {{name}}¶" {
		t.Errorf("[[ ]]: %q", got)
	}
}

// Issue 8 item 8: the WordprocessingML namespace is found by its URI
// whatever the prefix; a part the engine cannot read is refused, never
// rendered untouched.
func TestNamespacePrefix(t *testing.T) {
	files := testDoc{body: para("Xin chào {{name}}")}.files()
	doc := files["word/document.xml"]
	doc = strings.ReplaceAll(doc, "<w:", "<x:")
	doc = strings.ReplaceAll(doc, "</w:", "</x:")
	doc = strings.ReplaceAll(doc, " w:", " x:")
	doc = strings.Replace(doc, "xmlns:w=", "xmlns:x=", 1)
	files["word/document.xml"] = doc
	tpl, err := Parse(zipFiles(t, files))
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Render(map[string]string{"name": "Lan"})
	if err != nil {
		t.Fatal(err)
	}
	got := docxcheck.Part(t, out, "word/document.xml")
	if textOf(bodyOf(got)) != "Xin chào Lan¶" || strings.Contains(got, "{{") {
		t.Errorf("prefix x: not filled:\n%s", got)
	}
	validate(t, out)

	// the namespace as the default namespace: refused, naming the part
	files["word/document.xml"] = `<?xml version="1.0" encoding="UTF-8"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>{{name}}</t></r></p></body></document>`
	_, err = Parse(zipFiles(t, files))
	var te *TemplateError
	if !errors.As(err, &te) || te.Part != "word/document.xml" || !strings.Contains(te.Message, "default namespace") {
		t.Errorf("default namespace: %v", err)
	}
}

// pages renders d with data, converts it with LibreOffice and returns the
// text of each page.
func pages(t *testing.T, d testDoc, data any) []string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.docx")
	if err := os.WriteFile(p, render(t, d, data), 0o644); err != nil {
		t.Fatal(err)
	}
	text := docxcheck.PDFText(t, docxcheck.ConvertPDF(t, p))
	ps := strings.Split(strings.TrimRight(text, "\f\n "), "\f")
	for i := range ps {
		ps[i] = strings.Join(strings.Fields(ps[i]), " ")
	}
	return ps
}

// TestPagesInLibreOffice: as a reader sees them, a false section ending in
// a section break leaves two pages (defect 2), and a false section whose
// tag paragraph holds a page break leaves no blank page (defect 4).
func TestPagesInLibreOffice(t *testing.T) {
	t.Parallel()
	got := pages(t, sectionBreakDoc(), map[string]any{"cond": false})
	// the first section has no header; the second section's header stays on page 2
	if len(got) != 2 || got[0] != "Intro ABC" || got[1] != "Header Next section Footer" {
		t.Errorf("section break: pages %q", got)
	}
	d := testDoc{body: para("Trước") + `<w:p><w:r><w:t>{{#no}}</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>` + para("Phụ lục") + para("{{/no}}") + para("Sau")}
	if got := pages(t, d, map[string]any{"no": false}); len(got) != 1 || !strings.Contains(got[0], "Trước Sau") {
		t.Errorf("page break in a false section: pages %q", got)
	}
	d.body = strings.ReplaceAll(d.body, "no", "l")
	d.body = strings.Replace(d.body, "Phụ lục", "Phụ lục {{.}}", 1)
	if got := pages(t, d, map[string]any{"l": []int{1, 2}}); len(got) != 3 || !strings.Contains(got[1], "Phụ lục 1") || !strings.Contains(got[2], "Phụ lục 2 Sau") {
		t.Errorf("page break repeated per item: pages %q", got)
	}
}
