package source

import (
	"fmt"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/internal/fsread"
)

// maxCharErrors bounds the errors reported for the forbidden characters of one file.
const maxCharErrors = 20

// yamlPrintable reports whether YAML 1.2 allows r in a file (c-printable, as yaml.v3's reader checks it).
func yamlPrintable(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0x7E) || r == 0x85 ||
		(r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// xmlAllowed reports whether XML 1.0 allows r in a document (the .docx files are XML): tab, line feed,
// carriage return and the characters from U+0020 on, except the surrogates, U+FFFE and U+FFFF.
func xmlAllowed(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= 0x10FFFF)
}

// charName names a character for messages: "U+0001".
func charName(r rune) string { return fmt.Sprintf("U+%04X", r) }

// controlChars reports, at its line and column, every character of the file that YAML does not allow (a NUL
// byte, another control character): yaml.v3 refuses them without saying where.
func controlChars(file string, data []byte) Errors {
	var errs Errors
	line, col := 1, 0
	for _, r := range string(data) {
		col++
		if r == '\n' {
			line, col = line+1, 0
			continue
		}
		if yamlPrintable(r) || (r == 0xFEFF) {
			continue
		}
		if len(errs) == maxCharErrors {
			break
		}
		errs = append(errs, &Error{File: file, Line: line, Col: col,
			VI: fmt.Sprintf("tệp chứa ký tự điều khiển %s, không được phép trong YAML (thường do sao chép từ phần mềm khác); hãy xóa ký tự này", charName(r)),
			EN: fmt.Sprintf("the file contains the control character %s, which YAML does not allow (it often comes from copying from another program); delete it", charName(r))})
	}
	return errs
}

// text checks that a scalar (a value or a key) holds only characters a .docx may contain; it reports the first
// one that is not and returns false. Such characters reach a value through the escapes of double-quoted
// strings ("\x01", "\0").
func (d *decoder) text(n *yaml.Node, path string) bool {
	i := 0
	for j, r := range n.Value {
		i++
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(n.Value[j:]); size == 1 {
				d.errorf(n, path, fmt.Sprintf("văn bản chứa byte không phải UTF-8 ở ký tự thứ %d; hãy xóa chuỗi thoát tạo ra nó", i),
					fmt.Sprintf("the text contains a byte that is not UTF-8 at character %d; remove the escape that makes it", i))
				return false
			}
		}
		if xmlAllowed(r) {
			continue
		}
		d.errorf(n, path, fmt.Sprintf("văn bản chứa ký tự điều khiển %s ở ký tự thứ %d, không dùng được trong văn bản Word; hãy xóa ký tự này (hoặc chuỗi thoát như \"\\x01\" tạo ra nó)", charName(r), i),
			fmt.Sprintf("the text contains the control character %s at character %d, which a Word document cannot hold; delete it (or the escape such as \"\\x01\" that makes it)", charName(r), i))
		return false
	}
	return true
}

// resolve returns a copy of n with its aliases replaced by the values they name, for the types that decode
// themselves, which then see the same values as the fields this decoder walks. It counts the nodes against the
// decoder's budget, checks every scalar (text) and reports undefined aliases; it returns false after an error.
func (d *decoder) resolve(n *yaml.Node, path string, depth int) (*yaml.Node, bool) {
	d.nodes++
	if d.nodes > maxNodes || depth > maxDepth {
		if d.nodes == maxNodes+1 || depth == maxDepth+1 {
			d.errorf(n, path, "tệp quá phức tạp (quá nhiều giá trị hoặc bí danh lồng nhau)",
				"file too complex (too many values or nested aliases)")
		}
		return nil, false
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			d.errorf(n, path, "bí danh không xác định", "undefined alias")
			return nil, false
		}
		c, ok := d.resolve(n.Alias, path, depth+1)
		if !ok {
			return nil, false
		}
		cc := *c
		cc.Line, cc.Column = n.Line, n.Column // report at the alias, where the value is used
		return &cc, true
	case yaml.ScalarNode:
		return n, d.text(n, path)
	}
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	ok := true
	for i, x := range n.Content {
		p := path
		switch {
		case n.Kind == yaml.SequenceNode:
			p = fmt.Sprintf("%s[%d]", path, i)
		case n.Kind == yaml.MappingNode && i%2 == 1:
			p = join(path, n.Content[i-1].Value)
		}
		r, good := d.resolve(x, p, depth+1)
		if !good {
			ok = false
			continue
		}
		c.Content[i] = r
	}
	return &c, ok
}

// syntaxError turns a yaml.v3 parse error into an Error at the line and column fsread.Syntax finds, with its
// Vietnamese explanation of the common cases and yaml.v3's own text in English.
func syntaxError(file string, data []byte, err error) *Error {
	e := fsread.Syntax(data, err)
	return &Error{File: file, Line: e.Line, Col: e.Col, VI: e.VI, EN: e.EN, Err: err}
}
