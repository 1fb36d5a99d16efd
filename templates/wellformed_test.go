package templates

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/docxcheck"
)

// TestMalformedPartsRefused: a part that is not well-formed XML is a
// template error at Parse (naming the part, line and markup around), all
// of them together, whether or not the part holds tags.
func TestMalformedPartsRefused(t *testing.T) {
	cases := []struct{ name, body, msg string }{
		{"bare ampersand", para("broken & {{name}}"), `"&" must be written "&amp;"`},
		{"bare ampersand, no tag", para("plain & no tag"), `"&" must be written`},
		{"unknown entity", para("a&nbsp;b {{name}}"), "unknown entity &nbsp;"},
		{"bad character reference", para("a&#1;b"), "names a character XML does not allow"},
		{"broken start tag", `<w:p><w:r <w:t>x {{name}}</w:t></w:r></w:p>`, "bad attribute name"},
		{"unquoted attribute", `<w:p w:rsidR=00A1><w:r><w:t>{{name}}</w:t></w:r></w:p>`, "not in quotes"},
		{"attribute twice", `<w:p w:rsidR="1" w:rsidR="2"><w:r><w:t>{{name}}</w:t></w:r></w:p>`, "appears twice"},
		{"lt in attribute", `<w:p w:rsidR="<"><w:r><w:t>x</w:t></w:r></w:p>`, `"<" is not allowed`},
		{"mismatched end tag", `<w:p><w:r><w:t>mismatch {{name}}</w:t></w:x></w:p>`, "does not match"},
		{"unclosed element", `<w:p><w:r><w:t>unclosed {{name}}</w:t></w:r>`, "does not match <w:p>"},
		{"control character", para("a\x01b"), "control character"},
		{"doctype", `<!DOCTYPE x><w:p/>`, "DOCTYPE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(testDoc{body: c.body}.docx(t))
			var te *TemplateError
			if !errors.As(err, &te) || te.Part != "word/document.xml" || te.Line == 0 || !strings.Contains(te.Message, c.msg) {
				t.Fatalf("want a template error on word/document.xml with %q, got %v", c.msg, err)
			}
			if !strings.Contains(err.Error(), "not well-formed XML") || strings.Contains(err.Error(), "internal error") {
				t.Errorf("message: %v", err)
			}
		})
	}
	// Several parts at once, tagged or not (styles.xml is copied raw),
	// with the tag errors of the other parts.
	files := testDoc{body: para("a & b"), header: para("{{#x}}"), footer: `<w:p><w:r><w:t>c &amp d</w:t></w:r></w:p>`}.files()
	files["word/styles.xml"] = strings.Replace(files["word/styles.xml"], `w:default="1"`, `w:default=1`, 1)
	files["word/_rels/document.xml.rels"] += "<extra/>"
	_, err := Parse(zipFiles(t, files))
	var tes *TemplateErrors
	if !errors.As(err, &tes) {
		t.Fatalf("got %v", err)
	}
	parts := map[string]bool{}
	for _, e := range tes.Errors {
		parts[e.Part] = true
		if e.Line > 0 && e.Context == "" {
			t.Errorf("no context: %v", e)
		}
	}
	for _, p := range []string{"word/document.xml", "word/header1.xml", "word/footer1.xml", "word/styles.xml", "word/_rels/document.xml.rels"} {
		if !parts[p] {
			t.Errorf("no error for %s in\n%v", p, err)
		}
	}
	if !strings.Contains(err.Error(), `(near "`) || !strings.Contains(err.Error(), "a &amp; b") && !strings.Contains(err.Error(), "a & b") {
		t.Errorf("context missing: %v", err)
	}
}

// TestCheckXMLAgreesWithEncodingXML: what checkXML accepts encoding/xml
// (strict) accepts too, so VerifyStrict never fails on a template part.
func TestCheckXMLAgreesWithEncodingXML(t *testing.T) {
	for _, s := range []string{
		`<a b="1" c='2'>x &amp; &#233; &#xE9;<d/><!-- c --><![CDATA[<&]]><?pi x?></a>`,
		`<?xml version="1.0"?>` + "\n" + `<a  b = "1"	/>`,
		`<a>&</a>`, `<a>&amp</a>`, `<a b=1/>`, `<a b="1"c="2"/>`, `<a><b></a></b>`, `<a/><b/>`, `x<a/>`,
		`<a b="<"/>`, `<a>&#xD800;</a>`, `<a><!-- a -- b --></a>`, `<1a/>`, `<a>]]></a>`, `<a b="&foo;"/>`,
		`<a></a >`, `<a></a b>`, `<a><!--></a>`, `<a><!---></a>`, `<a><![CDATA[]]></a>`, "<a>\x00</a>", "<a>\xff</a>", `<a b="1" b="2"/>`, ` <?xml version="1.0"?><a/>`,
	} {
		probs := checkXML([]byte(s))
		d := xml.NewDecoder(strings.NewReader(s))
		var derr error
		for {
			if _, derr = d.RawToken(); derr != nil {
				break
			}
		}
		if derr == io.EOF {
			derr = nil
		}
		if len(probs) == 0 && derr != nil {
			t.Errorf("%q: checkXML accepts, encoding/xml says %v", s, derr)
		}
	}
}

// corrupt returns a copy of a docx with the CRC of entry name changed (in
// the central directory) or, with size set, its uncompressed size.
func corrupt(t *testing.T, docx []byte, name string, size bool) []byte {
	t.Helper()
	b := bytes.Clone(docx)
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("PK\x01\x02"))
		if j < 0 {
			t.Fatalf("no entry %s", name)
		}
		i += j
		nlen := int(binary.LittleEndian.Uint16(b[i+28:]))
		if string(b[i+46:i+46+nlen]) == name {
			if size {
				binary.LittleEndian.PutUint32(b[i+24:], binary.LittleEndian.Uint32(b[i+24:])-7)
			} else {
				binary.LittleEndian.PutUint32(b[i+16:], binary.LittleEndian.Uint32(b[i+16:])^1)
			}
			return b
		}
		i += 4
	}
}

// TestCorruptEntriesRefused: an entry copied raw whose CRC or declared
// size does not match its data is refused at Parse, naming the part.
func TestCorruptEntriesRefused(t *testing.T) {
	src := testDoc{body: para("{{a}}"), image: true}.docx(t)
	if _, err := Parse(src); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"word/media/image1.png", "word/styles.xml"} {
		for _, size := range []bool{false, true} {
			_, err := Parse(corrupt(t, src, name, size))
			if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "corrupt") {
				t.Errorf("%s (size %v): got %v", name, size, err)
			}
		}
	}
}

// TestNotPrintableValues: a list, map or struct in a field is an error
// naming the field, not Go's printed form.
func TestNotPrintableValues(t *testing.T) {
	tpl, err := Parse(testDoc{body: para("{{l}} {{m}} {{s}} {{b}} {{st}}")}.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tpl.Render(map[string]any{"l": []string{"x"}, "m": map[string]int{"k": 1}, "s": struct{ A int }{1}, "b": []byte("ok"), "st": stringer{1}})
	if !errors.Is(err, ErrNotPrintable) {
		t.Fatalf("got %v", err)
	}
	for _, want := range []string{"{{l}} is a list: use {{#l}}…{{/l}}", "{{m}} is a map: use {{#m}}", "{{s}} is a struct"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in %v", want, err)
		}
	}
	if n := len(err.(*RenderErrors).Errors); n != 3 {
		t.Errorf("%d errors: %v", n, err)
	}
	tpl, _ = Parse(testDoc{body: para("{{.}}")}.docx(t))
	if _, err := tpl.Render(map[string]any{"a": 1}); !errors.Is(err, ErrNotPrintable) || !strings.Contains(err.Error(), "{{.}} is a map") {
		t.Errorf("top-level {{.}}: %v", err)
	}
	if got := textOf(renderBody(t, testDoc{body: para("{{b}}/{{st}}")}, map[string]any{"b": []byte("ok"), "st": stringer{1}})); got != "ok/S1¶" {
		t.Errorf("got %q", got)
	}
}

// TestRepeatedNoteReference: a footnote reference in content repeated for
// several items is an error (one footnote, several references); once is
// fine.
func TestRepeatedNoteReference(t *testing.T) {
	d := testDoc{
		body:      para("{{#items}}") + `<w:p><w:r><w:t>Mục {{.}}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` + para("{{/items}}"),
		footnotes: `<w:footnote w:id="1">` + para("Ghi chú") + `</w:footnote>`,
	}
	tpl, err := Parse(d.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tpl.Render(map[string]any{"items": []string{"a", "b"}})
	if !errors.Is(err, ErrRepeatedNote) || !strings.Contains(err.Error(), "footnote 1") || !strings.Contains(err.Error(), "{{#items}}") {
		t.Fatalf("got %v", err)
	}
	if err := tpl.Check(map[string]any{"items": []string{"a", "b"}}); !errors.Is(err, ErrRepeatedNote) {
		t.Errorf("Check: %v", err)
	}
	for _, v := range []any{[]string{"a"}, []string{}, true, "x"} {
		if _, err := tpl.Render(map[string]any{"items": v}); err != nil {
			t.Errorf("%v: %v", v, err)
		}
	}
}

// TestRowlessTableRemoved: a table whose rows all vanish is removed; a
// table with a row left stays; a cell that loses its last paragraph gets
// an empty one; headers, footers and notes keep a paragraph.
func TestRowlessTableRemoved(t *testing.T) {
	loop := tblStart + `<w:tr>` + cell("{{#rows}}{{a}}") + cell("{{/rows}}") + `</w:tr></w:tbl>`
	out := renderBody(t, testDoc{body: para("A") + loop + para("B")}, map[string]any{"rows": []any{}})
	if strings.Contains(out, "<w:tbl>") || textOf(out) != "A¶B¶" {
		t.Errorf("row-less table kept: %s", out)
	}
	out = renderBody(t, testDoc{body: para("A") + loop + para("B")}, map[string]any{"rows": []map[string]int{{"a": 1}}})
	if strings.Count(out, "<w:tr>") != 1 {
		t.Errorf("table with a row: %s", out)
	}
	withHead := tblStart + `<w:tr>` + cell("STT") + cell("") + `</w:tr><w:tr>` + cell("{{#rows}}{{a}}") + cell("{{/rows}}") + `</w:tr></w:tbl>`
	out = renderBody(t, testDoc{body: withHead + para("")}, map[string]any{"rows": []any{}})
	if strings.Count(out, "<w:tr>") != 1 {
		t.Errorf("header row lost: %s", out)
	}
	// nested in a cell, as its last element: the cell keeps a paragraph
	nested := tblStart + `<w:tr><w:tc>` + para("x") + loop + `</w:tc>` + cell("y") + `</w:tr></w:tbl>` + para("")
	out = renderBody(t, testDoc{body: nested}, map[string]any{"rows": []any{}})
	if strings.Count(out, "<w:tbl>") != 1 || !strings.Contains(out, "x</w:t></w:r></w:p></w:tc>") {
		t.Errorf("nested: %s", out)
	}
	nested = tblStart + `<w:tr><w:tc>` + loop + `</w:tc>` + cell("y") + `</w:tr></w:tbl>` + para("")
	out = renderBody(t, testDoc{body: nested}, map[string]any{"rows": []any{}})
	if strings.Count(out, "<w:tbl>") != 1 || !strings.HasPrefix(out[strings.Index(out, "<w:tr>"):], "<w:tr><w:tc><w:p/></w:tc>") {
		t.Errorf("nested alone: %s", out)
	}
	// a section whose closing paragraph vanishes after a nested table
	c11 := tblStart + `<w:tr><w:tc>` + para("{{#x}}") + tblStart + `<w:tr>` + cell("n") + cell("m") + `</w:tr></w:tbl>` + para("{{/x}}") + `</w:tc>` + cell("y") + `</w:tr></w:tbl>` + para("")
	out = renderBody(t, testDoc{body: c11}, map[string]any{"x": true})
	if !strings.Contains(out, "</w:tbl><w:p/></w:tc>") {
		t.Errorf("cell ends with a table: %s", out)
	}
	// headers, footers and notes keep a paragraph
	d := testDoc{body: `<w:p><w:r><w:t>b</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`,
		header: para("{{#h}}") + para("x") + para("{{/h}}"), footer: para("{{#h}}") + tblStart + `<w:tr>` + cell("f") + cell("g") + `</w:tr></w:tbl>` + para("{{/h}}"),
		footnotes: `<w:footnote w:id="1">` + para("{{#h}}") + para("n") + para("{{/h}}") + `</w:footnote>`}
	res := render(t, d, map[string]any{"h": false})
	for _, p := range []string{"word/header1.xml", "word/footer1.xml"} {
		if x := docxcheck.Part(t, res, p); !strings.Contains(x, "<w:p/>") {
			t.Errorf("%s has no paragraph: %s", p, x)
		}
	}
	if x := docxcheck.Part(t, res, "word/footnotes.xml"); !strings.Contains(x, `<w:footnote w:id="1"><w:p/></w:footnote>`) {
		t.Errorf("footnote empty: %s", x)
	}
	res = render(t, d, map[string]any{"h": true})
	if x := docxcheck.Part(t, res, "word/footer1.xml"); !strings.Contains(x, "</w:tbl><w:p/></w:ftr>") {
		t.Errorf("footer ends with a table: %s", x)
	}
	path := filepath.Join(t.TempDir(), "footer.docx")
	if err := WriteFile(path, res); err != nil {
		t.Fatal(err)
	}
	docxcheck.Validate(t, path)
}

// TestBookmarkInTagParagraphKept: a loop's tag paragraph vanishes but its
// bookmark stays (at block level), once.
func TestBookmarkInTagParagraphKept(t *testing.T) {
	body := `<w:p><w:r><w:t>{{#items}}</w:t></w:r><w:bookmarkStart w:id="1" w:name="loopbm"/><w:r><w:t xml:space="preserve"> </w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>` +
		para("{{.}}") + `<w:p><w:bookmarkStart w:id="2" w:name="end"/><w:r><w:t>{{/items}}</w:t></w:r><w:bookmarkEnd w:id="2"/></w:p>` +
		`<w:p><w:bookmarkStart w:id="3" w:name="opt"/><w:r><w:t>{{#no}}x{{/no}}</w:t></w:r><w:bookmarkEnd w:id="3"/></w:p>`
	for _, items := range [][]string{{"a", "b"}, {}} {
		out := renderBody(t, testDoc{body: body}, map[string]any{"items": items, "no": false})
		for _, name := range []string{"loopbm", "end", "opt"} {
			if n := strings.Count(out, `w:name="`+name+`"`); n != 1 {
				t.Errorf("%v: bookmark %s ×%d: %s", items, name, n, out)
			}
		}
		if dups := duplicateIDs(out); len(dups) > 0 {
			t.Errorf("duplicates %v", dups)
		}
	}
}

// TestEndsWithPara pins the check behind nEnsureP.
func TestEndsWithPara(t *testing.T) {
	for s, want := range map[string]bool{
		"<w:p></w:p>": true, "<w:p/>": true, `<w:p w:rsidR="1"/>`: true, "</w:tbl>": false, "<w:tcPr></w:tcPr>": false,
		`<w:p/><w:bookmarkEnd w:id="1"/>`: true, "<w:p></w:p>\n  ": true, "<w:p/>\n<w:bookmarkEnd w:id=\"1\"/>\n": true, `</w:tbl><w:bookmarkEnd w:id="1"/>`: false, `<w:pPr/>`: false, "": false,
	} {
		if got := endsWithPara([]byte(s)); got != want {
			t.Errorf("%q: %v", s, got)
		}
	}
}

var _ = zip.Store
