package source

import (
	"testing"

	"gopkg.in/yaml.v3"
)

// TestQuickKind: the fast path answers only for the plain case; anything else goes to the YAML parse, which
// gives the same kind (or the error).
func TestQuickKind(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"# c\nkind: plan\n", "plan"},
		{"output: a.docx\nkind: session # x\nplan: p.yaml\n", "session"},
		{"issuer:\n  kind: plan\nkind: office\r\n", "office"},
		{"kind: memo\n", "memo"}, // the caller checks the kind is one it knows
		{"\xef\xbb\xbfkind: plan\n", ""},
		{"---\nkind: plan\n", ""},
		{"{kind: plan}\n", ""},
		{"\"a\": x\nkind: plan\n", ""},
		{"note: |\nkind: plan\n", "plan"}, // an empty block scalar: its lines would be indented
	} {
		if got := QuickKind([]byte(tc.data)); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.data, got, tc.want)
		}
		if tc.want != "" { // the YAML parse agrees
			var m map[string]any
			if err := yaml.Unmarshal([]byte(tc.data), &m); err != nil || m["kind"] != tc.want {
				t.Errorf("%q: the parse says %v (%v)", tc.data, m["kind"], err)
			}
		}
	}
}
