package sections

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/document"
)

func TestParseRejects(t *testing.T) {
	for _, bad := range []string{
		"sections:\n  - text: x\n",                                // no kind
		"sections:\n  - item: a\n    bullet: b\n",                 // two kinds
		"sections:\n  - item: a\n    off: maybe\n",                // unknown off
		"sections:\n  - item: a\n    colour: red\n",               // unknown key
		"sections:\n  - item: a\n    content:\n      - text: x\n", // nested block without kind
	} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

// TestWriter: each: over records and lines, if:/unless:, a switched-off wording title (left out, or its text
// as a paragraph), a scope's own "wording.KEY" over a switched-off key, sentence: and label:.
func TestWriter(t *testing.T) {
	bs, err := Parse([]byte(`sections:
  - each: rows
    content:
      - item: "{{name}}"
      - bullet: "{{wording.label}}"
        label: "+"
        sentence: true
  - paragraph: "Ghi chú: "
    each: notes
    content:
      - bullet: "{{item}}{{end}}"
  - paragraph: "có {{who}}"
    if: who
  - paragraph: "không có {{nobody}}"
    unless: who
  - item: "{{wording.gone}}"
    text: "thay thế"
    off: paragraph
  - item: "{{wording.gone}}"
    text: "bỏ"
`))
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{"label": "Nhãn: {{value}}"}
	w := &Writer{
		Text: func(key string) (string, bool) { v, ok := texts[key]; return v, ok },
		Look: func(name string) (string, []string, bool) {
			switch name {
			case "who":
				return "Ban", nil, true
			case "nobody":
				return "", nil, true
			case "notes":
				return "", []string{"một.", "hai"}, true
			}
			return "", nil, false
		},
		Root: Scope{Lists: map[string][]Scope{"rows": {
			{Fields: map[string]string{"name": "A", "value": "x"}},
			{Fields: map[string]string{"name": "B", "value": "y", "wording.label": "Riêng: y"}},
		}}},
	}
	var got []string
	for _, b := range w.Layout(bs) {
		got = append(got, string(b.Kind)+"|"+b.Label+"|"+b.Title+"|"+b.Text)
	}
	want := []string{
		string(document.Item) + "||A|", string(document.Bullet) + "|+||Nhãn: x.",
		string(document.Item) + "||B|", string(document.Bullet) + "|+||Riêng: y.",
		string(document.Paragraph) + "|||Ghi chú: ",
		string(document.Bullet) + "|||một;", string(document.Bullet) + "|||hai.",
		string(document.Paragraph) + "|||có Ban",
		string(document.Paragraph) + "|||thay thế",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEndSentence(t *testing.T) {
	for in, want := range map[string]string{"a": "a.", "a.": "a.", "**a**": "**a**.", "**a.**": "**a.**", " ": ""} {
		if got := EndSentence(in); got != want {
			t.Errorf("EndSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
