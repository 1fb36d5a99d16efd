package source

import (
	"strings"
	"testing"
)

// The same line, "summary: Kế hoạch đối thoại", in the three old Vietnamese encodings, written byte by byte.
var legacySamples = map[string][]byte{
	// Windows-1258: ê (0xEA) + combining acute (0xEC); a + combining dot below (0xF2); đ (0xF0), ô (0xF4).
	"Windows-1258": []byte("kind: plan\nsummary: K\xEA\xEC ho\xF2ch \xF0\xF4\xECi tho a\xF2i\n"),
	// VNI: e + 0xE1 (ế), a + 0xEF (ạ), 0xF1 (đ), o + 0xE1 (ố).
	"VNI": []byte("kind: plan\nsummary: Ke\xE1 hoa\xEFch \xF1o\xE1i thoa\xEFi\n"),
	// TCVN3: 0xD5 (ế), 0xB9 (ạ), 0xAE (đ), 0xE8 (ố); "B\xB6o Th\xBEng" is Bảo Thắng.
	"TCVN3": []byte("kind: plan\nsummary: K\xD5 ho\xB9ch \xAE\xE8i tho\xB9i B\xB6o Th\xBEng\n"),
}

func TestLegacyEncodings(t *testing.T) {
	for enc, data := range legacySamples {
		t.Run(enc, func(t *testing.T) {
			var v struct {
				Kind    string `yaml:"kind"`
				Summary string `yaml:"summary"`
			}
			_, errs := Decode("a.yaml", data, &v)
			if len(errs) != 1 {
				t.Fatalf("want one error, got %v", errs)
			}
			e := errs[0]
			col := 10 + strings.IndexFunc(string(data[20:]), func(r rune) bool { return r == '\uFFFD' })
			if e.Line != 2 || e.Col != col {
				t.Errorf("at %d:%d, want 2:%d (the first byte that is not UTF-8)", e.Line, e.Col, col)
			}
			msg := e.Error()
			for _, want := range []string{enc, "UTF-8", "Notepad", "Word", " / "} {
				if !strings.Contains(msg, want) {
					t.Errorf("message without %q: %s", want, msg)
				}
			}
			for other := range legacySamples {
				if other != enc && strings.Contains(msg, other) {
					t.Errorf("message names %s too: %s", other, msg)
				}
			}
		})
	}
}

func TestNotUTF8Unknown(t *testing.T) {
	_, errs := Decode("a.yaml", []byte("kind: plan\n\nsummary: x\xFF\n"), new(struct {
		Kind    string `yaml:"kind"`
		Summary string `yaml:"summary"`
	}))
	if len(errs) != 1 || errs[0].Line != 3 || errs[0].Col != 11 || !strings.Contains(errs[0].EN, "UTF-8") {
		t.Fatalf("got %v", errs)
	}
}
