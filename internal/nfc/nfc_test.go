package nfc

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestQuickYes: every character String passes without asking norm is in NFC and cannot combine with what
// precedes it.
func TestQuickYes(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0x2FFFF; r++ {
		if !QuickYes(r) || !utf8.ValidRune(r) {
			continue
		}
		n++
		s := string(r)
		if p := norm.NFC.PropertiesString(s); !norm.NFC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 {
			t.Errorf("%U is taken as NFC without a check but is not safe", r)
		}
	}
	if n < 900 {
		t.Errorf("only %d characters on the fast path", n)
	}
}

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"":                        "",
		"Hà Nội – “Nguyễn”":       "Hà Nội – “Nguyễn”",
		"Nguye\u0302\u0303n":      "Nguyễn",
		"Ha\u0300 Nô\u0323i":      "Hà Nội",
		"\u212B (Angstrom sign)":  "\u00C5 (Angstrom sign)",
		"Ω (ohm) \u2126":          "Ω (ohm) \u03A9",
		"Đồng Nai \u0110\u1ED3ng": "Đồng Nai Đồng",
		"tab\tand\nline ₫ € 漢字 😀": "tab\tand\nline ₫ € 漢字 😀",
	} {
		if got := String(in); got != want || got != norm.NFC.String(in) {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzString(f *testing.F) {
	f.Add("Hà Nội")
	f.Add("Nguye\u0302\u0303n")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := String(s), norm.NFC.String(s); got != want {
			t.Fatalf("String(%q) = %q, norm gives %q", s, got, want)
		}
	})
}

func BenchmarkString(b *testing.B) {
	s := "Thực hiện Quy chế dân chủ ở cơ sở, Ban Thường vụ Thị ủy xây dựng kế hoạch đối thoại trực tiếp năm 2023"
	for range b.N {
		String(s)
	}
}
