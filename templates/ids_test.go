package templates

import (
	"errors"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/docxcheck"
)

// repeatedIDsDoc loops over a paragraph holding everything that carries an
// id Word wants unique, and a table row with a paragraph id; a comment and
// a bookmark outside the loop must stay as they are.
func repeatedIDsDoc() testDoc {
	item := `<w:p w14:paraId="1234ABCD" w14:textId="0000ABCD">` +
		`<w:bookmarkStart w:id="7" w:name="muc"/><w:commentRangeStart w:id="0"/>` +
		`<w:r><w:t xml:space="preserve">Mục {{.}} </w:t></w:r>` +
		`<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:bookmarkEnd w:id="7"/>` +
		`<w:ins w:id="5" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">mới </w:t></w:r></w:ins>` +
		`<w:sdt><w:sdtPr><w:id w:val="-1234567"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>ô</w:t></w:r></w:sdtContent></w:sdt>` +
		picture(2, 11) + `</w:p>`
	row := `<w:tr w14:paraId="2234ABCD" w14:textId="1000ABCD">` + cell("{{#items}}{{.}}") + cell("{{/items}}") + `</w:tr>`
	return testDoc{
		image: true,
		body: `<w:p><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">Danh sách </w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>` +
			`<w:p><w:r><w:t>{{#items}}</w:t></w:r>` + picture(1, 10) + `</w:p>` + item + para("{{/items}}") +
			tblStart + row + `</w:tbl>` +
			`<w:p><w:bookmarkStart w:id="8" w:name="cuoi"/><w:r><w:t>Hết</w:t></w:r><w:bookmarkEnd w:id="8"/></w:p>`,
		comments: `<w:comment w:id="0" w:author="A" w:date="2024-01-01T00:00:00Z" w:initials="A"><w:p><w:r><w:t>mỗi mục</w:t></w:r></w:p></w:comment>` +
			`<w:comment w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z" w:initials="A"><w:p><w:r><w:t>danh sách</w:t></w:r></w:p></w:comment>`,
	}
}

func TestRepeatedIDsUnique(t *testing.T) {
	d := repeatedIDsDoc()
	// Before rendering the template is consistent: no id twice.
	if dups := duplicateIDs(bodyOf(d.files()["word/document.xml"])); len(dups) > 0 {
		t.Fatalf("template has duplicate ids: %v", dups)
	}
	out := renderBody(t, d, map[string]any{"items": []string{"I", "II", "III"}})
	if dups := duplicateIDs(out); len(dups) > 0 {
		t.Errorf("duplicate ids after the loops: %v\n%s", dups, out)
	}
	// the {{#items}} paragraph holds a picture: it is repeated with each item
	if got := textOf(out); got != "Danh sách ¶¶Mục I mới ô¶¶Mục II mới ô¶¶Mục III mới ô¶I¶¶II¶¶III¶¶Hết¶" {
		t.Errorf("text %q", got)
	}
	for _, want := range []string{
		`<w:commentRangeStart w:id="1"/>`, `<w:commentReference w:id="1"/>`, // outside: kept
		`w:name="cuoi"`,                                                                          // outside: kept
		`<wp:docPr id="12" `, `<pic:cNvPr id="13" `, `<wp:docPr id="16" `, `<pic:cNvPr id="17" `, // renumbered from the largest (11)
		`<w:ins w:id="6" `, `<w:ins w:id="7" `, `<w:ins w:id="8" `,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s", want)
		}
	}
	for _, gone := range []string{`<wp:docPr id="1" `, `w:id="0"`, `w:name="muc"`, `w14:paraId`, `<w:id `, `<w:ins w:id="5"`} {
		if strings.Contains(out, gone) {
			t.Errorf("repeated copies still hold %s", gone)
		}
	}
	if n := strings.Count(out, `<pic:cNvPr id="`); n != 6 {
		t.Errorf("%d pictures, want 6", n)
	}
}

func TestRepeatedIDsAcrossParts(t *testing.T) {
	// A drawing in the (tagless) footer with id 9: repeated drawings in the
	// body must not reuse it.
	d := testDoc{image: true, body: para("{{#items}}") + `<w:p>` + picture(2, 3) + `</w:p>` + para("{{/items}}"),
		footer: `<w:p>` + picture(9, 9) + `</w:p>`}
	out := render(t, d, map[string]any{"items": []int{1, 2}})
	doc := docxcheck.Part(t, out, "word/document.xml")
	if !strings.Contains(doc, `<wp:docPr id="10" `) || !strings.Contains(doc, `<wp:docPr id="12" `) {
		t.Errorf("ids not counted from the footer's: %s", bodyOf(doc))
	}
}

func TestRepeatedMarkersLongForm(t *testing.T) {
	// Marks written with an end tag instead of "/>" are dropped whole.
	body := para("{{#l}}") + `<w:p><w:bookmarkStart w:id="3" w:name="x"></w:bookmarkStart><w:r><w:t>{{.}}</w:t></w:r><w:bookmarkEnd w:id="3"></w:bookmarkEnd>` +
		`<w:sdt><w:sdtPr><w:id w:val="4"></w:id></w:sdtPr><w:sdtContent><w:r><w:t>s</w:t></w:r></w:sdtContent></w:sdt></w:p>` + para("{{/l}}")
	out := renderBody(t, testDoc{body: body}, map[string]any{"l": []string{"a", "b"}}, VerifyStrict())
	if strings.Contains(out, "bookmark") || strings.Contains(out, "<w:id") || textOf(out) != "as¶bs¶" {
		t.Errorf("got %s", out)
	}
	// Word's drawing and row ids are dropped from copies too.
	body = para("{{#l}}") + `<w:p><w:r><w:t>{{.}}</w:t></w:r><w:r><w:drawing><wp:inline wp14:anchorId="1A2B3C4D" wp14:editId="5E6F7A8B"><wp:docPr id="1" name="p"/></wp:inline></w:drawing></w:r></w:p>` + para("{{/l}}")
	out = renderBody(t, testDoc{body: body}, map[string]any{"l": []string{"a", "b"}})
	if strings.Contains(out, "wp14:") || strings.Count(out, "<wp:inline>") != 2 {
		t.Errorf("got %s", out)
	}
}

func TestRenderReportsEveryProblem(t *testing.T) {
	d := testDoc{
		body:   para("{{a}} {{b.c}}") + para("{{#rows}}") + para("{{name}} {{missing}} {{v}}") + para("{{/rows}}") + para("{{#gone}}x{{/gone}}"),
		header: para("{{h}}"),
		footer: para("{{bad}}"),
	}
	tpl, err := Parse(d.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{
		"b":    map[string]any{},
		"rows": []map[string]any{{"name": "x", "v": "ok"}, {"name": "y", "v": "a\x01b"}, {"name": "z", "v": "\x02"}},
		"bad":  "\x00",
	}
	_, err = tpl.Render(data)
	var res *RenderErrors
	if !errors.As(err, &res) {
		t.Fatalf("want *RenderErrors, got %T %v", err, err)
	}
	type want struct{ part, path, tag string }
	wants := []want{
		{"word/document.xml", "a", "{{a}}"},
		{"word/document.xml", "b.c", "{{b.c}}"},
		{"word/document.xml", "missing", "{{missing}}"},
		{"word/document.xml", "v", "{{v}}"},
		{"word/document.xml", "gone", "{{#gone}}"},
		{"word/header1.xml", "h", "{{h}}"},
		{"word/footer1.xml", "bad", "{{bad}}"},
	}
	if len(res.Errors) != len(wants) {
		t.Errorf("got %d errors, want %d (each path once per part):\n%v", len(res.Errors), len(wants), err)
	}
	for _, w := range wants {
		found := false
		for _, e := range res.Errors {
			if e.Part == w.part && e.Path == w.path && e.Tag == w.tag {
				found = true
			}
		}
		if !found {
			t.Errorf("no error for %+v in\n%v", w, err)
		}
	}
	if !errors.Is(err, ErrMissingField) || !errors.Is(err, ErrInvalidChar) {
		t.Errorf("sentinels not found: %v", err)
	}
	var one *RenderError
	if !errors.As(err, &one) {
		t.Error("errors.As does not find a *RenderError")
	}
	// Check reports the same problems.
	cerr := tpl.Check(data)
	var cres *RenderErrors
	if !errors.As(cerr, &cres) || len(cres.Errors) != len(res.Errors) {
		t.Errorf("Check: %v", cerr)
	}
	// A template that fails nowhere gives no error, and the pooled
	// buffers of a failed render do not leak into the next one.
	data["a"], data["b"], data["h"], data["bad"], data["gone"] = 1, map[string]any{"c": 2}, 3, "4", false
	data["rows"] = []map[string]any{{"name": "n", "missing": "m", "v": "v"}}
	out, err := tpl.Render(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := textOf(bodyOf(docxcheck.Part(t, out, "word/document.xml"))); got != "1 2¶n m v¶" {
		t.Errorf("text %q", got)
	}
}

// TestTagParagraphContentFollowsSection (issue 11, defect 4): what stands
// in a section's tag paragraph besides the tag (a picture, a tab, a page
// break) follows the section: repeated per item, dropped when the section
// renders nothing. A section break stays, once, outside.
func TestTagParagraphContentFollowsSection(t *testing.T) {
	data := map[string]any{"l": []string{"a", "b"}, "no": false, "yes": true}
	pageBreak := `<w:r><w:br w:type="page"/></w:r>`
	cases := []struct {
		name, body, want string
		counts           map[string]int // element -> count in the output
	}{
		{"picture before the opening tag repeats per item",
			`<w:p>` + picture(1, 1) + `<w:r><w:t>{{#l}}</w:t></w:r></w:p>` + para("{{.}}") + para("{{/l}}"),
			"¶a¶¶b¶", map[string]int{"<w:drawing>": 2}},
		{"tab after the closing tag repeats per item",
			para("{{#l}}") + para("{{.}}") + `<w:p><w:r><w:t>{{/l}}</w:t><w:tab/></w:r></w:p>`,
			"a¶\t¶b¶\t¶", map[string]int{"<w:tab/>": 2}},
		{"page break with a false condition leaves no page",
			`<w:p><w:r><w:t>{{#no}}</w:t></w:r>` + pageBreak + `</w:p>` + para("x") + para("{{/no}}") + para("end"),
			"end¶", map[string]int{`<w:br w:type="page"/>`: 0}},
		{"page break repeated per item",
			`<w:p><w:r><w:t>{{#l}}</w:t></w:r>` + pageBreak + `</w:p>` + para("{{.}}") + para("{{/l}}"),
			"¶a¶¶b¶", map[string]int{`<w:br w:type="page"/>`: 2}},
		{"picture in the closing paragraph of a false section is dropped",
			para("{{#no}}") + para("x") + `<w:p><w:r><w:t>{{/no}}</w:t></w:r>` + picture(1, 1) + `</w:p>` + para("end"),
			"end¶", map[string]int{"<w:drawing>": 0}},
		{"picture in the closing paragraph of a true section is kept once",
			para("{{#yes}}") + para("x") + `<w:p><w:r><w:t>{{/yes}}</w:t></w:r>` + picture(1, 1) + `</w:p>`,
			"x¶¶", map[string]int{"<w:drawing>": 1}},
		{"footnote reference with an inverted section",
			para("{{^no}}") + para("x") + `<w:p><w:r><w:t>{{/no}}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`,
			"x¶¶", map[string]int{"<w:footnoteReference": 1}},
		{"section break in the closing paragraph stays",
			para("{{#no}}") + para("x") + `<w:p><w:pPr>` + sectPr + `</w:pPr><w:r><w:t>{{/no}}</w:t></w:r></w:p>`,
			"¶", map[string]int{"<w:sectPr>": 2}},
		{"section break in the opening paragraph stays",
			`<w:p><w:pPr>` + sectPr + `</w:pPr><w:r><w:t>{{#l}}</w:t></w:r></w:p>` + para("{{.}}") + para("{{/l}}"),
			"¶a¶b¶", map[string]int{"<w:sectPr>": 2}},
		{"inline section beside a picture",
			`<w:p><w:r><w:t>{{#no}}x{{/no}}</w:t></w:r>` + picture(1, 1) + `</w:p>`,
			"¶", map[string]int{"<w:drawing>": 1}},
		{"plain tag paragraphs still vanish",
			para("{{#l}}") + `<w:p><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="1" w:name="b"/><w:r><w:t>{{.}}</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>` + para("{{/l}}") + para("{{#no}}x{{/no}}"),
			"a¶b¶", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testDoc{image: true, body: c.body, footnotes: `<w:footnote w:id="1"><w:p><w:r><w:t>n</w:t></w:r></w:p></w:footnote>`}
			out := docxcheck.Part(t, render(t, d, data, VerifyStrict()), "word/document.xml")
			if got := textOf(out); got != c.want {
				t.Errorf("text %q, want %q\n%s", got, c.want, out)
			}
			for el, n := range c.counts {
				if got := strings.Count(out, el); got != n {
					t.Errorf("%s: %d in the output, want %d:\n%s", el, got, n, out)
				}
			}
			if dups := duplicateIDs(out); len(dups) > 0 {
				t.Errorf("duplicate ids %v", dups)
			}
		})
	}
}
