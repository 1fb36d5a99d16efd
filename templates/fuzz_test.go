package templates

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// FuzzTemplate builds templates from three paragraphs of fuzzed text (each
// split into runs at '|') and checks that Parse never panics and that a
// template it accepts renders to well-formed parts.
func FuzzTemplate(f *testing.F) {
	for _, s := range [][3]string{
		{"{{#a}}", "x {{.}}", "{{/a}}"},
		{"{{#a}}x|{{b}}", "y{{/a}}", "{{^a}}z{{/a}}"},
		{"{|{a}|}", "{{a.b.c}}", "“{{ a }}”"},
		{"{{#a}}{{#b}}", "{{/b}}", "{{/a}}"},
		{"}}", "{{", "{{a b}}"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	data := map[string]any{"a": []map[string]any{{"b": "v\n<&>"}, {"b": true}}, "b": RichText{{Text: "r", Bold: true}}}
	f.Fuzz(func(t *testing.T, p1, p2, p3 string) {
		if strings.Count(p1+p2+p3, "{") > 24 {
			t.Skip("nested loops over the data grow exponentially")
		}
		watchdog := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("slow input %q %q %q", p1, p2, p3)) })
		defer watchdog.Stop()
		var body strings.Builder
		for _, p := range []string{p1, p2, p3} {
			body.WriteString("<w:p>")
			for _, run := range strings.Split(p, "|") {
				body.WriteString(`<w:r><w:t xml:space="preserve">`)
				body.Write(appendEscaped(nil, strings.ToValidUTF8(strings.Map(func(r rune) rune {
					if validXMLRune(r) {
						return r
					}
					return -1
				}, run), "")))
				body.WriteString("</w:t></w:r>")
			}
			body.WriteString("</w:p>")
		}
		tpl, err := Parse(testDoc{body: body.String()}.docx(t), AllowMissing(), StripInvalidChars())
		if err != nil {
			if _, ok := err.(*TemplateErrors); !ok {
				t.Fatalf("Parse: non-template error %v", err)
			}
			return
		}
		out, err := tpl.Render(data)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if err := checkWellFormed([]byte(part(t, out, "word/document.xml"))); err != nil {
			t.Fatal(err)
		}
	})
}
