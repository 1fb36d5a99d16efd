package document

import (
	"reflect"
	"testing"

	"github.com/vanban/vanban/templates"
)

func TestParseInline(t *testing.T) {
	tests := []struct {
		in   string
		want templates.RichText
	}{
		{"", nil},
		{"plain", templates.RichText{{Text: "plain"}}},
		{"a **b** c", templates.RichText{{Text: "a "}, {Text: "b", Bold: true}, {Text: " c"}}},
		{"*i*", templates.RichText{{Text: "i", Italic: true}}},
		{"***bi***", templates.RichText{{Text: "bi", Bold: true, Italic: true}}},
		{"**a *b* c**", templates.RichText{{Text: "a ", Bold: true}, {Text: "b", Bold: true, Italic: true}, {Text: " c", Bold: true}}},
		{"***a** b*", templates.RichText{{Text: "a", Bold: true, Italic: true}, {Text: " b", Italic: true}}},
		{`5 \* 3`, templates.RichText{{Text: "5 * 3"}}},
		{`a\\b`, templates.RichText{{Text: `a\b`}}},
		{`\Đ`, templates.RichText{{Text: "Đ"}}},
		{"(*qua Ban Dân vận Thị ủy*)", templates.RichText{{Text: "("}, {Text: "qua Ban Dân vận Thị ủy", Italic: true}, {Text: ")"}}},
		{"**a****b**", nil}, // error below
		// NFD is normalised to NFC
		{"Vie\u0323\u0302t", templates.RichText{{Text: "Việt"}}},
	}
	for _, tt := range tests {
		got, err := ParseInline(tt.in)
		if tt.in == "**a****b**" {
			if err == nil {
				t.Errorf("ParseInline(%q): no error", tt.in)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseInline(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseInline(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestParseInlineErrors(t *testing.T) {
	for _, in := range []string{"**open", "*open", "***open", "a **b* c", `trailing \`, "****"} {
		if _, err := ParseInline(in); err == nil {
			t.Errorf("ParseInline(%q): no error", in)
		}
	}
}
