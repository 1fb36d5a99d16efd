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

func TestText(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"plain", []byte("a: b\n"), "a: b\n"},
		{"UTF-8 BOM", []byte("\xEF\xBB\xBFa: b\n"), "a: b\n"},
		{"CRLF", []byte("a: b\r\nc: d\r\n"), "a: b\nc: d\n"},
		{"lone CR", []byte("a: b\rc: d"), "a: b\nc: d"},
		{"UTF-16 LE BOM", []byte("\xFF\xFEa\x00:\x00 \x00\xA3\x1E\n\x00"), "a: ả\n"},
		{"UTF-16 BE BOM", []byte("\xFE\xFF\x00a\x00:\x00 \x1E\xA3\x00\n"), "a: ả\n"},
		{"UTF-16 LE surrogate pair", []byte("\xFF\xFEa\x00:\x00 \x00\x3D\xD8\x00\xDE"), "a: \U0001F600"},
		{"UTF-16 LE no BOM", []byte("k\x00i\x00n\x00d\x00:\x00 \x00x\x00"), "kind: x"},
	} {
		got, err := Text("f", c.in)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
		}
		again, err := Text("f", got)
		if err != nil || string(again) != string(got) {
			t.Errorf("%s: not idempotent: %q", c.name, again)
		}
	}
	// A broken surrogate is reported at its line and column.
	_, err := Text("f", []byte("\xFF\xFEa\x00\n\x00b\x00:\x00\x00\xD8"))
	if err == nil || err.Line != 2 || err.Col != 3 {
		t.Errorf("broken surrogate: got %v", err)
	}
}
