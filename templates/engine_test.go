package templates

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/docxcheck"
)

type person struct {
	Name  string `docx:"name"`
	Role  string
	Boss  *person `docx:"boss"`
	Skip  string  `docx:"-"`
	Items []string
}

type stringer struct{ n int }

func (s stringer) String() string { return fmt.Sprintf("S%d", s.n) }

func TestFieldsAndPaths(t *testing.T) {
	data := map[string]any{
		"name":   "Hà Nội & <Sài Gòn>",
		"n":      42,
		"f":      1.5,
		"ok":     true,
		"s":      stringer{7},
		"p":      &person{Name: "An", Role: "Trưởng phòng", Boss: &person{Name: "Bình"}},
		"m":      map[string]string{"k": "v"},
		"iface":  any(map[string]any{"deep": []any{1}}),
		"nilptr": (*person)(nil),
	}
	cases := []struct{ body, want string }{
		{para("{{name}}"), "Hà Nội & <Sài Gòn>¶"},
		{para("{{ name }}"), "Hà Nội & <Sài Gòn>¶"},
		{para("{{n}}/{{f}}/{{ok}}/{{s}}"), "42/1.5/true/S7¶"},
		{para("{{p.name}} {{p.Role}} {{p.boss.name}}"), "An Trưởng phòng Bình¶"},
		{para("{{m.k}}"), "v¶"},
		{para("[{{nilptr}}]"), "[]¶"},
		{para("{{#p}}{{name}}-{{Role}}{{/p}}"), "An-Trưởng phòng¶"},
	}
	for _, c := range cases {
		got := textOf(renderBody(t, testDoc{body: c.body}, data))
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.body, got, c.want)
		}
	}
	// escaping is real XML escaping
	body := renderBody(t, testDoc{body: para("{{name}}")}, data)
	if !strings.Contains(body, "Hà Nội &amp; &lt;Sài Gòn&gt;") {
		t.Errorf("not escaped: %s", body)
	}
}

func TestStructTagHidesGoName(t *testing.T) {
	tpl, err := Parse(testDoc{body: para("{{Skip}}")}.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tpl.Render(person{Skip: "x"})
	if !errors.Is(err, ErrMissingField) {
		t.Fatalf("docx:\"-\" field must be invisible, got %v", err)
	}
}

func TestSections(t *testing.T) {
	data := map[string]any{
		"items": []map[string]any{{"n": "a", "sub": []string{"1", "2"}}, {"n": "b", "sub": []string{}}},
		"empty": []string{},
		"yes":   true,
		"no":    false,
		"word":  "x",
		"title": "T",
		"list":  []string{"x", "y", "z"},
	}
	cases := []struct{ name, body, want string }{
		{"inline loop", para("[{{#list}}&lt;{{.}}&gt;{{/list}}]"), "[<x><y><z>]¶"},
		{"inline cond", para("a{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!{{/no}}b"), "aY!b¶"},
		{"paragraph loop", para("{{#list}}") + para("- {{.}}") + para("{{/list}}") + para("end"), "- x¶- y¶- z¶end¶"},
		{"paragraph cond false leaves no line", para("A") + para("{{#no}}") + para("hidden") + para("{{/no}}") + para("B"), "A¶B¶"},
		{"paragraph inverted", para("{{^empty}}") + para("nothing") + para("{{/empty}}"), "nothing¶"},
		{"nested", para("{{#items}}") + para("{{n}}:{{#sub}} {{.}}{{/sub}}{{^sub}} none{{/sub}} ({{title}})") + para("{{/items}}"), "a: 1 2 (T)¶b: none (T)¶"},
		{"string truthy", para("{{#word}}W={{.}}{{/word}}"), "W=x¶"},
		{"spaces in tags", para("{{# list }}{{ . }}{{/ list }}"), "xyz¶"},
		{"paragraph holding only a false inline section vanishes", para("A") + para(" {{#no}}x{{/no}} ") + para("{{^yes}}y{{/yes}}") + para("B"), "A¶B¶"},
		{"paragraph with an inline section and other text stays", para("A") + para("-{{#no}}x{{/no}}") + para("B"), "A¶-¶B¶"},
		{"paragraph with a true inline section stays", para("{{#yes}}x{{/yes}}"), "x¶"},
		{"two sections in a paragraph", para("{{#no}}x{{/no}}{{#no}}y{{/no}}"), "¶"},
		{"cross paragraph general", para("A {{#yes}}B") + para("C{{/yes}} D"), "A B¶C D¶"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := textOf(renderBody(t, testDoc{body: c.body}, data))
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

const tblStart = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>`

func cell(text string) string {
	return `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>` + para(text) + `</w:tc>`
}

func TestTableRows(t *testing.T) {
	body := tblStart +
		`<w:tr>` + cell("STT") + cell("Tên") + `</w:tr>` +
		`<w:tr>` + cell("{{#rows}}{{stt}}") + cell("{{ten}}{{/rows}}") + `</w:tr>` +
		`<w:tr>` + cell("Σ") + cell("{{total}}") + `</w:tr></w:tbl>` + para("")
	data := map[string]any{"total": 3, "rows": []map[string]any{{"stt": 1, "ten": "A"}, {"stt": 2, "ten": "B"}, {"stt": 3, "ten": "C"}}}
	out := renderBody(t, testDoc{body: body}, data)
	if n := strings.Count(out, "<w:tr>"); n != 5 {
		t.Fatalf("want 5 rows, got %d: %s", n, out)
	}
	if got, want := textOf(out), "STT¶Tên¶1¶A¶2¶B¶3¶C¶Σ¶3¶¶"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	// zero rows: the row disappears, the table stays valid
	out = renderBody(t, testDoc{body: body}, map[string]any{"total": 0, "rows": nil})
	if n := strings.Count(out, "<w:tr>"); n != 2 {
		t.Fatalf("want 2 rows, got %d", n)
	}
	// multi-row loop: tags in first row and a later row
	body2 := tblStart + `<w:tr>` + cell("{{#g}}{{a}}") + cell("") + `</w:tr><w:tr>` + cell("") + cell("{{b}}{{/g}}") + `</w:tr></w:tbl>` + para("")
	out = renderBody(t, testDoc{body: body2}, map[string]any{"g": []map[string]string{{"a": "1", "b": "2"}, {"a": "3", "b": "4"}}})
	if n := strings.Count(out, "<w:tr>"); n != 4 {
		t.Fatalf("want 4 rows, got %d", n)
	}
	if got, want := textOf(out), "1¶¶¶2¶3¶¶¶4¶¶"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	// paragraph block inside one cell stays a paragraph block
	body3 := tblStart + `<w:tr><w:tc>` + para("{{#l}}") + para("{{.}}") + para("{{/l}}") + `</w:tc>` + cell("x") + `</w:tr></w:tbl>` + para("")
	out = renderBody(t, testDoc{body: body3}, map[string]any{"l": []string{"p", "q"}})
	if n := strings.Count(out, "<w:tr>"); n != 1 {
		t.Fatalf("want 1 row, got %d", n)
	}
	if got, want := textOf(out), "p¶q¶x¶¶"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
}

// wordEdited is the run structure Word leaves after a person edits a
// template: rsid-split runs, proofErr, bookmarks, revisions, smart quotes,
// lastRenderedPageBreak.
const wordEdited = `<w:p w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidR="00A1B2C3" w:rsidRDefault="00B2C3D4"><w:pPr><w:jc w:val="both"/></w:pPr>` +
	`<w:r w:rsidR="00C3C3C3"><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">Kính gửi: “{</w:t></w:r>` +
	`<w:r w:rsidR="00C4C3C3"><w:rPr><w:sz w:val="28"/></w:rPr><w:t>{</w:t></w:r>` +
	`<w:proofErr w:type="spellStart"/><w:r w:rsidR="00C5C3C3"><w:rPr><w:sz w:val="28"/></w:rPr><w:t>ho</w:t></w:r><w:proofErr w:type="spellEnd"/>` +
	`<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>` +
	`<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>_t</w:t></w:r></w:ins>` +
	`<w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:delText>XX}}</w:delText></w:r></w:del>` +
	`<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:lastRenderedPageBreak/><w:t>en</w:t></w:r>` +
	`<w:r w:rsidR="00C6C3C3"><w:rPr><w:sz w:val="28"/></w:rPr><w:t>}}” – số {</w:t></w:r><w:r><w:t>{ so</w:t></w:r><w:r><w:t xml:space="preserve"> }}.</w:t></w:r></w:p>`

func TestWordEditedRuns(t *testing.T) {
	out := renderBody(t, testDoc{body: wordEdited}, map[string]any{"ho_ten": "Nguyễn Văn A", "so": 12})
	if got, want := textOf(out), "Kính gửi: “Nguyễn Văn A” – số 12.¶"; got != want {
		t.Fatalf("got %q want %q\n%s", got, want, out)
	}
	// the value is in the run holding "{{" (first run, with rFonts)
	if !strings.Contains(out, `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">Kính gửi: “Nguyễn Văn A</w:t>`) {
		t.Errorf("value not in the opening run: %s", out)
	}
	// deleted text untouched, bookmark kept outside loops
	if !strings.Contains(out, "<w:delText>XX}}</w:delText>") || !strings.Contains(out, `w:name="_GoBack"`) {
		t.Errorf("markup lost: %s", out)
	}
}

func TestRepeatedIDs(t *testing.T) {
	drawing := `<w:r><w:drawing><wp:inline><wp:extent cx="10" cy="10"/><wp:docPr id="5" name="Pic"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
	body := para("{{#l}}") + `<w:p w14:paraId="00000001" w14:textId="00000002"><w:bookmarkStart w:id="3" w:name="bm"/><w:r><w:t>{{.}}</w:t></w:r><w:bookmarkEnd w:id="3"/>` + drawing + `</w:p>` + para("{{/l}}") +
		`<w:p><w:bookmarkStart w:id="4" w:name="keep"/><w:r><w:t>k</w:t></w:r><w:bookmarkEnd w:id="4"/></w:p>`
	out := renderBody(t, testDoc{body: body}, map[string]any{"l": []string{"a", "b", "c"}})
	if strings.Contains(out, `w:name="bm"`) || strings.Contains(out, "paraId") {
		t.Errorf("bookmark/paraId inside loop kept: %s", out)
	}
	if !strings.Contains(out, `w:name="keep"`) {
		t.Errorf("bookmark outside loop lost")
	}
	ids := map[string]bool{}
	for _, s := range strings.Split(out, `<wp:docPr id="`)[1:] {
		id := s[:strings.IndexByte(s, '"')]
		if ids[id] {
			t.Errorf("duplicate docPr id %s", id)
		}
		ids[id] = true
	}
	if len(ids) != 3 {
		t.Errorf("want 3 docPr, got %v", ids)
	}
}

func TestLineBreaksTabsRichText(t *testing.T) {
	body := `<w:p><w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:color w:val="FF0000"/><w:sz w:val="24"/></w:rPr><w:t>[{{v}}]</w:t></w:r></w:p>`
	out := renderBody(t, testDoc{body: body}, map[string]any{"v": "a\nb\tc\r\nd"})
	if strings.Contains(out, "<w:t><w:br/>") || !strings.Contains(out, `a</w:t><w:br/><w:t xml:space="preserve">b</w:t><w:tab/><w:t xml:space="preserve">c</w:t><w:br/>`) {
		t.Errorf("breaks: %s", out)
	}
	if got := textOf(out); got != "[a\nb\tc\nd]¶" {
		t.Errorf("text %q", got)
	}
	rt := RichText{{Text: "B", Bold: true}, {Text: "I", Italic: true}, {Text: "U", Underline: true}, {Text: "all", Bold: true, Italic: true, Underline: true}}
	out = renderBody(t, testDoc{body: body}, map[string]any{"v": rt})
	for _, want := range []string{
		`<w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:b/><w:bCs/><w:color w:val="FF0000"/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">B</w:t></w:r>`,
		`<w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:i/><w:iCs/><w:color w:val="FF0000"/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">I</w:t></w:r>`,
		`<w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:color w:val="FF0000"/><w:sz w:val="24"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">U</w:t></w:r>`,
		`<w:rPr><w:rFonts w:ascii="Arial"/><w:b/><w:bCs/><w:i/><w:iCs/><w:color w:val="FF0000"/><w:sz w:val="24"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">all</w:t>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s\nin %s", want, out)
		}
	}
	if got := textOf(out); got != "[BIUall]¶" {
		t.Errorf("text %q", got)
	}
	// run without rPr
	out = renderBody(t, testDoc{body: para("x{{v}}y")}, map[string]any{"v": RichText{{Text: "b", Bold: true}}})
	if !strings.Contains(out, `<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">b</w:t></w:r>`) {
		t.Errorf("rich text without rPr: %s", out)
	}
}

func TestNFCAndInvalidChars(t *testing.T) {
	decomposed := "Nguye\u0302\u0303n" // e + circumflex + tilde
	out := renderBody(t, testDoc{body: para("{{v}}")}, map[string]any{"v": decomposed})
	if !strings.Contains(out, "Nguyễn") {
		t.Errorf("not NFC: %q", out)
	}
	tpl, err := Parse(testDoc{body: para("{{v}}")}.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tpl.Render(map[string]any{"v": "a\x01b"})
	var re *RenderError
	if !errors.Is(err, ErrInvalidChar) || !errors.As(err, &re) || re.Path != "v" || re.Part != "word/document.xml" {
		t.Fatalf("want invalid char error naming v, got %v", err)
	}
	out = renderBody(t, testDoc{body: para("{{v}}")}, map[string]any{"v": "a\x01b\xffc"}, StripInvalidChars())
	if got := textOf(out); got != "abc¶" {
		t.Errorf("strip: %q", got)
	}
}

func TestMissing(t *testing.T) {
	d := testDoc{body: para("{{a.b}}") + para("{{#s}}x{{/s}}"), footer: para("{{f}}")}
	tpl, err := Parse(d.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tpl.Render(map[string]any{"a": map[string]any{}, "s": true, "f": 1})
	var re *RenderError
	if !errors.As(err, &re) || re.Path != "a.b" || re.Part != "word/document.xml" || !errors.Is(err, ErrMissingField) {
		t.Fatalf("got %v", err)
	}
	_, err = tpl.Render(map[string]any{"a": map[string]any{"b": 1}, "s": true})
	if !errors.As(err, &re) || re.Path != "f" || re.Part != "word/footer1.xml" {
		t.Fatalf("got %v", err)
	}
	err = tpl.Check(map[string]any{})
	if err == nil || !strings.Contains(err.Error(), `"a.b"`) || !strings.Contains(err.Error(), `"s"`) || !strings.Contains(err.Error(), `"f"`) {
		t.Fatalf("Check: %v", err)
	}
	if err := tpl.Check(map[string]any{"a": map[string]any{"b": 1}, "s": false, "f": 1}); err != nil {
		t.Fatalf("Check ok data: %v", err)
	}
	out := render(t, d, map[string]any{}, AllowMissing())
	// the {{a.b}} paragraph stays (blank); the paragraph holding only the
	// missing section vanishes
	if got := textOf(bodyOf(docxcheck.Part(t, out, "word/document.xml"))); got != "¶" {
		t.Errorf("AllowMissing: %q", got)
	}
}

func TestTemplateErrorsAllReported(t *testing.T) {
	d := testDoc{
		body: para("Dear {{a b}}") + para("{{#open}} never closed") + para("{{#x}}{{/y}}") +
			para("{{@raw}}") + para("text {{unclosed") + para("{{}}"),
		header: para("{{/stray}}"),
	}
	_, err := Parse(d.docx(t))
	var te *TemplateErrors
	if !errors.As(err, &te) {
		t.Fatalf("want *TemplateErrors, got %v", err)
	}
	want := []struct{ part, tag, msg, ctx string }{
		{"word/document.xml", "{{a b}}", "spaces", "Dear {{a b}}"},
		{"word/document.xml", "{{@raw}}", "unknown tag syntax", "{{@raw}}"},
		{"word/document.xml", "{{unclosed", "unclosed tag", "text {{unclosed"},
		{"word/document.xml", "{{}}", "empty tag", ""},
		{"word/document.xml", "{{/y}}", "mismatched", "{{#x}}{{/y}}"},
		{"word/document.xml", "{{#open}}", "unclosed section", "{{#open}} never closed"},
		{"word/document.xml", "{{#x}}", "unclosed section", "{{#x}}{{/y}}"},
		{"word/header1.xml", "{{/stray}}", "without an opening", "{{/stray}}"},
	}
	if len(te.Errors) != len(want) {
		t.Fatalf("got %d errors:\n%v", len(te.Errors), err)
	}
	for _, w := range want {
		found := false
		for _, e := range te.Errors {
			if e.Part == w.part && e.Tag == w.tag && strings.Contains(e.Message, w.msg) && (w.ctx == "" || e.Context == w.ctx) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing error %+v in\n%v", w, err)
		}
	}
}

func TestFieldsInspection(t *testing.T) {
	d := testDoc{body: para("{{title}}") + para("{{#items}}") + para("{{name}} {{title}}") + para("{{/items}}") + para("{{^items}}none{{/items}}"),
		header: para("{{title}}")}
	tpl, err := Parse(d.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range tpl.Fields() {
		got = append(got, fmt.Sprintf("%s %s %v %v", f.Path, f.Kind, f.Scope, f.Parts))
	}
	want := []string{
		"title field [] [word/document.xml word/header1.xml]",
		"items section [] [word/document.xml]",
		"name field [items] [word/document.xml]",
		"title field [items] [word/document.xml]",
		"items inverted [] [word/document.xml]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFieldsInTableRowLoop: the fields of a row loop (a table the loop may empty, dropped then) are listed too.
func TestFieldsInTableRowLoop(t *testing.T) {
	body := tblStart + `<w:tr>` + cell("{{#rows}}{{stt}}") + cell("{{ten}}{{/rows}}") + `</w:tr></w:tbl>` + para("")
	tpl, err := Parse(testDoc{body: body, header: para("{{co_quan}}")}.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range tpl.Fields() {
		got = append(got, fmt.Sprintf("%s %s %v", f.Path, f.Kind, f.Scope))
	}
	want := []string{"rows section []", "stt field [rows]", "ten field [rows]", "co_quan field []"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEmptySectionParagraphInCellStays(t *testing.T) {
	body := tblStart + `<w:tr>` + cell("{{#no}}x{{/no}}") + cell("b") + `</w:tr></w:tbl>` + para("")
	out := renderBody(t, testDoc{body: body}, map[string]any{"no": false})
	if n := strings.Count(out, "<w:p>"); n != 3 {
		t.Fatalf("a cell lost its paragraph: %s", out)
	}
}

func TestParagraphBlockInCellKeepsAParagraph(t *testing.T) {
	body := tblStart + `<w:tr><w:tc>` + para("{{#l}}") + para("{{.}}") + para("{{/l}}") + `</w:tc>` + cell("x") + `</w:tr></w:tbl>` + para("")
	out := renderBody(t, testDoc{body: body}, map[string]any{"l": []string{}})
	first := out[strings.Index(out, "<w:tc>"):strings.Index(out, "</w:tc>")]
	if !strings.Contains(first, "<w:p>") {
		t.Fatalf("cell without paragraph: %s", out)
	}
	// with a paragraph of its own, the cell loses both tag paragraphs
	body = tblStart + `<w:tr><w:tc>` + para("head") + para("{{#l}}") + para("{{.}}") + para("{{/l}}") + `</w:tc>` + cell("x") + `</w:tr></w:tbl>` + para("")
	out = renderBody(t, testDoc{body: body}, map[string]any{"l": []string{"a"}})
	if got := textOf(out); got != "head¶a¶x¶¶" {
		t.Fatalf("got %q", got)
	}
}

func TestNestedRowLoopsAndConditionalRows(t *testing.T) {
	body := tblStart +
		`<w:tr>` + cell("{{#groups}}{{name}}") + cell("{{#people}}{{.}}, {{/people}}") + `</w:tr>` +
		`<w:tr>` + cell("{{#lead}}Lead") + cell("{{lead}}{{/lead}}{{/groups}}") + `</w:tr>` +
		`</w:tbl>` + para("")
	data := map[string]any{"groups": []map[string]any{
		{"name": "G1", "people": []string{"a", "b"}, "lead": "L1"},
		{"name": "G2", "people": []string{}, "lead": ""},
	}}
	out := renderBody(t, testDoc{body: body}, data)
	if got, want := textOf(out), "G1¶a, b, ¶Lead¶L1¶G2¶¶¶"; got != want {
		t.Fatalf("got %q want %q", got, want)
	}
	if n := strings.Count(out, "<w:tr>"); n != 3 {
		t.Fatalf("rows %d", n)
	}
}

func TestSplitSectionTagsInRow(t *testing.T) {
	c1 := `<w:tc><w:p><w:r><w:t>{{#it</w:t></w:r><w:proofErr w:type="gramStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>ems}}{{n}}</w:t></w:r></w:p></w:tc>`
	c2 := `<w:tc><w:p><w:r><w:t>{{/</w:t></w:r><w:r><w:t>items}}</w:t></w:r></w:p></w:tc>`
	body := tblStart + `<w:tr>` + c1 + c2 + `</w:tr></w:tbl>` + para("")
	out := renderBody(t, testDoc{body: body}, map[string]any{"items": []map[string]int{{"n": 1}, {"n": 2}}})
	if got, want := textOf(out), "1¶¶2¶¶¶"; got != want {
		t.Fatalf("got %q want %q", got, want)
	}
}

func TestEndnotesAndHyperlinkRichText(t *testing.T) {
	files := testDoc{body: `<w:p><w:hyperlink r:id="rIdS"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{{link}}</w:t></w:r></w:hyperlink></w:p>`}.files()
	files["word/endnotes.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:endnotes ` + nsW + `><w:endnote w:id="1"><w:p><w:r><w:t>E {{e}}</w:t></w:r></w:p></w:endnote></w:endnotes>`
	tpl, err := Parse(zipFiles(t, files))
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Render(map[string]any{"e": "x", "link": RichText{{Text: "b", Bold: true}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(docxcheck.Part(t, out, "word/endnotes.xml"), "E x<") {
		t.Error("endnotes not filled")
	}
	doc := docxcheck.Part(t, out, "word/document.xml")
	if !strings.Contains(doc, `<w:hyperlink r:id="rIdS"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve"></w:t></w:r><w:r><w:rPr><w:rStyle w:val="Hyperlink"/><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">b</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve"></w:t></w:r></w:hyperlink>`) {
		t.Errorf("rich text in hyperlink: %s", bodyOf(doc))
	}
}

// TestNFCQuickYes: a value that starts on the fast path of internal/nfc (whose tests check the fast path
// itself) and then needs normalising is normalised whole.
func TestNFCQuickYes(t *testing.T) {
	// a value that starts on the fast path and then needs normalising
	out := renderBody(t, testDoc{body: para("{{v}}")}, map[string]any{"v": "Hà Nội – Nguye\u0302\u0303n & <x>"})
	if !strings.Contains(out, "Hà Nội – Nguyễn &amp; &lt;x&gt;") {
		t.Errorf("got %s", out)
	}
}
