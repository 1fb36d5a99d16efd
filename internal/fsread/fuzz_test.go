package fsread

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzText: Text never panics; what it returns is UTF-8 without CR, and converting it again changes nothing.
func FuzzText(f *testing.F) {
	f.Add([]byte("kind: plan\r\n"))
	f.Add([]byte("\xEF\xBB\xBFkind: plan\n"))
	f.Add([]byte("\xFF\xFEk\x00i\x00n\x00d\x00"))
	f.Add([]byte("\xFE\xFF\x00k\x00i\x00n\x00d"))
	f.Add([]byte("summary: K\xEA\xEC ho\xF2ch\n"))
	f.Add([]byte("summary: Ke\xE1 hoa\xEFch\n"))
	f.Add([]byte("summary: K\xD5 ho\xB9ch\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Text(data)
		if err != nil {
			if err.Line < 1 || err.Col < 1 || err.VI == "" || err.EN == "" {
				t.Fatalf("bad error %+v", err)
			}
			return
		}
		if !utf8.Valid(out) || bytes.IndexByte(out, '\r') >= 0 {
			t.Fatalf("not UTF-8 without CR: %q", out)
		}
		again, err := Text(out)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not idempotent: %q → %q, %v", out, again, err)
		}
	})
}
