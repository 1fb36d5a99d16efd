package fsread

import "testing"

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
		got, err := Text(c.in)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
		}
		again, err := Text(got)
		if err != nil || string(again) != string(got) {
			t.Errorf("%s: not idempotent: %q", c.name, again)
		}
	}
	// A broken surrogate is reported at its line and column.
	_, err := Text([]byte("\xFF\xFEa\x00\n\x00b\x00:\x00\x00\xD8"))
	if err == nil || err.Line != 2 || err.Col != 3 {
		t.Errorf("broken surrogate: got %v", err)
	}
}

func TestTextRefusesNUL(t *testing.T) {
	for _, c := range []struct {
		in        string
		line, col int
	}{
		{"a: b\r\nc: d\x00", 2, 5},
		{"x\ry\x00", 2, 2},
	} {
		_, err := Text([]byte(c.in))
		if err == nil || err.Line != c.line || err.Col != c.col {
			t.Errorf("Text(%q) = %v, want an error at %d:%d", c.in, err, c.line, c.col)
		}
	}
}
