package templates

import "testing"

func TestSmoke(t *testing.T) {
	d := testDoc{body: para("Hello {{name}}!") +
		`<w:p><w:r><w:t>{{#items}}</w:t></w:r></w:p>` + para("- {{.}}") + `<w:p><w:r><w:t>{{/items}}</w:t></w:r></w:p>`,
		header: para("H {{name}}")}
	out := render(t, d, map[string]any{"name": "A&B", "items": []string{"x", "y"}})
	t.Log(bodyOf(part(t, out, "word/document.xml")))
	t.Log(textOf(part(t, out, "word/document.xml")))
	t.Log(part(t, out, "word/header1.xml"))
}
