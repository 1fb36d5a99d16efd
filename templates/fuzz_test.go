package templates

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/docxcheck"
)

// xmlText makes s usable as XML character data.
func xmlText(s string) string {
	return string(appendEscaped(nil, strings.ToValidUTF8(strings.Map(func(r rune) rune {
		if validXMLRune(r) {
			return r
		}
		return -1
	}, s), "")))
}

// fuzzBody builds paragraphs from fuzzed text, each split into runs at '|'.
func fuzzBody(paras ...string) string {
	var body strings.Builder
	for _, p := range paras {
		body.WriteString("<w:p>")
		for _, run := range strings.Split(p, "|") {
			body.WriteString(`<w:r><w:t xml:space="preserve">`)
			body.WriteString(xmlText(run))
			body.WriteString("</w:t></w:r>")
		}
		body.WriteString("</w:p>")
	}
	return body.String()
}

// fuzzLimits keeps every fuzzed template within a fraction of a second:
// the limits, not a skip, bound what loops nested over the data produce.
var fuzzLimits = WithLimits(Limits{MaxDepth: 8, MaxTagsPerPart: 400, MaxTags: 800, MaxIterations: 20000, MaxOutput: 8 << 20, MaxErrors: 10})

func watchdog(t *testing.T, input ...any) func() bool {
	t.Helper()
	return time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("slow input %q", input)) }).Stop
}

// FuzzParse puts fuzzed markup into the body of word/document.xml (and
// fuzzed bytes in place of a whole .docx): Parse must never panic, and a
// template it accepts must render to a document that passes the output
// check.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		para("{{#a}}") + para("{{.}}") + para("{{/a}}"),
		`<w:p><w:r><w:t>{{#a}}</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id="1" name="x"/></wp:inline></w:drawing></w:r></w:p><w:p><w:r><w:t>{{/a}}</w:t><w:tab/></w:r></w:p>`,
		`<w:p><w:bookmarkStart w:id="1" w:name="b"></w:bookmarkStart><w:r><w:t>{{a}}</w:t></w:r><w:commentReference w:id="0"/></w:p>`,
		`<w:p><w:sdt><w:sdtPr><w:id w:val="3"/></w:sdtPr><w:sdtContent><w:r><w:t>{{#a}}x{{/a}}</w:t></w:r></w:sdtContent></w:sdt></w:p>`,
		tblStart + `<w:tr w14:paraId="1">` + cell("{{#a}}{{b}}") + cell("{{/a}}") + `</w:tr></w:tbl>`,
		`<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>{{^a}}</w:t></w:r></w:p>` + para("y") + para("{{/a}}"),
		`<w:p><w:r><w:t>{</w:t></w:r><w:r><w:t>{a}</w:t></w:r><w:r><w:t>}</w:t></w:r></w:p>`,
		`<w:p a='>'><w:r><w:t>&amp;{{a}}&#x41;</w:t></w:r></w:p><!-- c --><![CDATA[x]]>`,
		`<w:p><w:r><w:t>{{a}}`,
		// hostile shapes of issue 11: deep nesting, loops nested over one
		// list, stray braces, a section break in a section
		strings.Repeat("<w:p><w:r><w:t>{{#a}}</w:t></w:r></w:p>", 12) + para("{{.}}") + strings.Repeat(para("{{/a}}"), 12),
		para(strings.Repeat("{{#a}}", 30) + "x" + strings.Repeat("{{/}}", 30)),
		para("{{a}}" + strings.Repeat("}}", 300)),
		para("ABC{{#a}}") + `<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>{{/a}}</w:t></w:r></w:p>`,
		tblStart + `<w:tr><w:tc>` + para("{{#a}}- {{b}}") + para("{{/a}}") + `</w:tc></w:tr></w:tbl>`,
	} {
		f.Add(s, []byte(nil))
	}
	f.Add("", testDoc{body: para("{{a}}")}.docx(f))
	f.Add("", hostilePackage(f, func(m map[string]string) { m["word/../x.xml"] = "<x/>" }))
	data := map[string]any{"a": []map[string]any{{"b": "v\n<&>"}, {"b": true}}, "b": RichText{{Text: "r", Bold: true}}}
	f.Fuzz(func(t *testing.T, body string, raw []byte) {
		defer watchdog(t, body, raw)()
		if len(raw) > 0 {
			if tpl, err := Parse(raw, AllowMissing(), fuzzLimits); err == nil {
				if _, err := tpl.Render(data); err != nil && !errors.Is(err, ErrRenderLimit) && !onlyErrors(err, ErrNotPrintable, ErrRepeatedNote, ErrInvalidChar) {
					t.Fatalf("Render of fuzzed package: %v", err)
				}
			}
		}
		tpl, err := Parse(testDoc{body: body}.docx(t), AllowMissing(), StripInvalidChars(), fuzzLimits)
		if err != nil {
			return // malformed markup or template errors: reported, not a panic
		}
		if _, err := tpl.Render(data); err != nil && !errors.Is(err, ErrRenderLimit) && !onlyErrors(err, ErrNotPrintable, ErrRepeatedNote) {
			t.Fatalf("Render: %v", err)
		}
	})
}

// onlyErrors reports whether err is a *RenderErrors whose every error
// wraps one of kinds: a problem of the data, not of the engine.
func onlyErrors(err error, kinds ...error) bool {
	var re *RenderErrors
	if !errors.As(err, &re) {
		return false
	}
	for _, e := range re.Errors {
		ok := false
		for _, k := range kinds {
			ok = ok || errors.Is(e, k)
		}
		if !ok {
			return false
		}
	}
	return true
}

// FuzzRender builds templates from three paragraphs of fuzzed text (each
// split into runs at '|') and fills them with a fuzzed value: Parse never
// panics, a template it accepts renders to well-formed parts or reports
// the value's forbidden characters, and Check agrees with Render.
func FuzzRender(f *testing.F) {
	for _, s := range [][3]string{
		{"{{#a}}", "x {{.}}", "{{/a}}"},
		{"{{#a}}x|{{b}}", "y{{/a}}", "{{^a}}z{{/a}}"},
		{"{|{a}|}", "{{a.b.c}}", "“{{ a }}”"},
		{"{{#a}}{{#b}}", "{{/b}}", "{{/a}}"},
		{"}}", "{{", "{{a b}}"},
		{"{{c}}|{{#a}}{{b}}{{/a}}", "{{^d}}{{c}}{{/d}}", "{{d}}"},
	} {
		f.Add(s[0], s[1], s[2], "v\n<&>\t", uint8(2))
	}
	f.Add("{{b}}", "{{c}}", "{{#a}}{{b}}{{/a}}", "a\x01\ufffe\xff", uint8(3))
	f.Add("{#a}{#a}{#a}", "{b}{/}{/}", "{/}{c}", "v", uint8(7)) // docxtemplater delimiters (n&4)
	f.Add("{{#a}}{{#a}}{{#a}}{{#a}}", "{{#a}}{{#a}}{{b}}{{/}}{{/}}{{/}}", "{{/}}{{/}}{{/}}", "v", uint8(3))
	f.Fuzz(func(t *testing.T, p1, p2, p3, val string, n uint8) {
		defer watchdog(t, p1, p2, p3, val, n)()
		items := make([]map[string]any, n%4)
		for i := range items {
			items[i] = map[string]any{"b": val, "d": i%2 == 0}
		}
		data := map[string]any{"a": items, "b": val, "c": RichText{{Text: val, Bold: true}, {Text: val}}}
		opts := []Option{AllowMissing(), fuzzLimits}
		if n&4 != 0 {
			opts = append(opts, Delimiters("{", "}"))
		}
		tpl, err := Parse(testDoc{body: fuzzBody(p1, p2, p3)}.docx(t), opts...)
		if err != nil {
			if _, ok := err.(*TemplateErrors); !ok && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("Parse: non-template error %v", err)
			}
			return
		}
		out, err := tpl.Render(data)
		cerr := tpl.Check(data)
		if (err == nil) != (cerr == nil) {
			t.Fatalf("Render says %v, Check says %v", err, cerr)
		}
		if err != nil {
			if !errors.Is(err, ErrRenderLimit) && !onlyErrors(err, ErrInvalidChar, ErrNotPrintable, ErrRepeatedNote) {
				t.Fatalf("Render: %v", err)
			}
			return
		}
		if err := checkWellFormed([]byte(docxcheck.Part(t, out, "word/document.xml"))); err != nil {
			t.Fatal(err)
		}
	})
}
