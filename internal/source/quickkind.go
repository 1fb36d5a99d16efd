package source

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// QuickKind returns the value of the top-level kind key of a UTF-8 file (no byte order mark) that has a line
// "kind: K" at its first column before any other line at the first column that is not a plain key, a comment
// or blank: the common case, told without a YAML parse. It returns "" when unsure (a document marker, a flow
// mapping, a quoted or multi-line key, another encoding), and the caller's full parse decides; the caller also
// checks that K is a kind it knows.
func QuickKind(data []byte) string {
	if !utf8.Valid(data) || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return ""
	}
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimRight(line, "\r")
		switch {
		case len(line) == 0 || line[0] == '#' || line[0] == ' ':
			continue
		case bytes.HasPrefix(line, []byte("kind:")):
			v := string(bytes.TrimSpace(line[len("kind:"):]))
			if i := strings.Index(v, " #"); i >= 0 {
				v = strings.TrimSpace(v[:i])
			}
			return v
		case !plainKey(line):
			return ""
		}
	}
	return ""
}

// plainKey reports whether line starts a plain top-level key ("issuer:", "output: x.docx").
func plainKey(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 || (i+1 < len(line) && line[i+1] != ' ') {
		return false
	}
	for _, c := range line[:i] {
		if !(c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
