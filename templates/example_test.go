package templates_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"regexp"
	"strings"
	"testing/fstest"

	"github.com/vanban/vanban/templates"
)

// letter returns a minimal unzipped .docx package whose body holds the
// given paragraphs (text as typed in Word).
func letter(paras ...string) fstest.MapFS {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	var body strings.Builder
	for _, p := range paras {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + p + `</w:t></w:r></w:p>`)
	}
	return fstest.MapFS{
		"[Content_Types].xml": {Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)},
		"_rels/.rels":         {Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)},
		"word/document.xml":   {Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><w:document ` + w + `><w:body>` + body.String() + `</w:body></w:document>`)},
	}
}

// visibleText returns the text of word/document.xml, one line per paragraph.
func visibleText(docx []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			s := strings.ReplaceAll(string(b), "</w:p>", "\n")
			s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, "")
			return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(s)
		}
	}
	return ""
}

func ExampleParse() {
	// A .docx file's bytes would normally come from os.ReadFile or
	// templates.ParseFile; here the package is zipped from memory.
	docx, err := templates.ZipFS(letter("Dear {{name}},", "{{#items}}", "- {{.}}", "{{/items"))
	if err != nil {
		log.Fatal(err)
	}
	_, err = templates.Parse(docx)
	var te *templates.TemplateErrors
	if errors.As(err, &te) {
		for _, e := range te.Errors {
			fmt.Printf("%s: %s: %s\n", e.Part, e.Tag, e.Message)
		}
	}
	// Output:
	// word/document.xml: {{/items: thẻ chưa đóng: không có "}}" sau nó trong đoạn này / unclosed tag: no "}}" follows in this paragraph
	// word/document.xml: {{#items}}: phần chưa đóng: không có {{/items}} theo sau / unclosed section: no {{/items}} follows
}

func ExampleTemplate_Render() {
	tpl, err := templates.ParseFS(letter(
		"Kính gửi: {{recipient.name}}",
		"{{#items}}",
		"{{no}}. {{title}}{{#urgent}} (khẩn){{/urgent}}",
		"{{/items}}",
		"{{^items}}Không có nội dung.{{/items}}",
	))
	if err != nil {
		log.Fatal(err)
	}
	type Item struct {
		No     int    `docx:"no"`
		Title  string `docx:"title"`
		Urgent bool   `docx:"urgent"`
	}
	out, err := tpl.Render(map[string]any{
		"recipient": map[string]string{"name": "Sở Nội vụ & Ban Tổ chức"},
		"items":     []Item{{1, "Báo cáo quý", true}, {2, "Kế hoạch năm", false}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(visibleText(out))
	for _, f := range tpl.Fields() {
		fmt.Println(f.Kind, f.Path, f.Scope)
	}
	// Output:
	// Kính gửi: Sở Nội vụ & Ban Tổ chức
	// 1. Báo cáo quý (khẩn)
	// 2. Kế hoạch năm
	// field recipient.name []
	// section items []
	// field no [items]
	// field title [items]
	// section urgent [items]
	// inverted items []
}

// A template written for docxtemplater ({name}, {#items}…{/}) runs with
// Delimiters; RenderContext stops when the context is cancelled, and the
// error chain reaches the cause.
func ExampleDelimiters() {
	tpl, err := templates.ParseFS(letter("Kính gửi: {recipient}", "{#items}", "- {.}", "{/}"), templates.Delimiters("{", "}"))
	if err != nil {
		log.Fatal(err)
	}
	data := map[string]any{"recipient": "Sở Nội vụ", "items": []string{"Báo cáo", "Kế hoạch"}}
	out, err := tpl.RenderContext(context.Background(), data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(visibleText(out))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = tpl.RenderContext(ctx, data)
	fmt.Println(errors.Is(err, context.Canceled))
	// Output:
	// Kính gửi: Sở Nội vụ
	// - Báo cáo
	// - Kế hoạch
	// true
}

// Limits bound what a hostile template can cost: nine sections nested
// over one 8-item list would write 8^9 copies.
func ExampleWithLimits() {
	paras := []string{}
	for range 9 {
		paras = append(paras, "{{#l}}")
	}
	paras = append(paras, "{{.}}")
	for range 9 {
		paras = append(paras, "{{/l}}")
	}
	tpl, err := templates.ParseFS(letter(paras...), templates.WithLimits(templates.Limits{MaxIterations: 10000}))
	if err != nil {
		log.Fatal(err)
	}
	_, err = tpl.Render(map[string]any{"l": []int{1, 2, 3, 4, 5, 6, 7, 8}})
	fmt.Println(errors.Is(err, templates.ErrRenderLimit))
	// Output:
	// true
}
