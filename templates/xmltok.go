package templates

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A minimal, allocation-light XML tokenizer for WordprocessingML parts.
//
// encoding/xml is not used for compiling because it rewrites namespace
// prefixes, loses the exact bytes of the markup we must copy through
// unchanged, and is an order of magnitude slower than this scanner. The
// scanner keeps every token as an offset range into the source, so
// untouched markup is copied byte for byte.

type tokKind uint8

const (
	tokText      tokKind = iota // character data
	tokStart                    // <a ...>
	tokEnd                      // </a>
	tokSelfClose                // <a .../>
	tokOther                    // <?pi?>, <!-- -->, <!DOCTYPE>, CDATA
)

type token struct {
	kind      tokKind
	start     int // byte range of the whole token in the source
	end       int
	nameStart int // byte range of the element name (start/end/selfclose)
	nameEnd   int
}

func (t *token) name(src []byte) []byte { return src[t.nameStart:t.nameEnd] }

// tokenize splits src into tokens. It reports an error for markup that is
// not well formed at the lexical level (unterminated tags, comments).
func tokenize(src []byte) ([]token, error) {
	toks := make([]token, 0, len(src)/24+8)
	sc := scanner{src: src}
	for {
		t, ok, err := sc.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return toks, nil
		}
		toks = append(toks, t)
	}
}

// scanner yields the tokens of src one by one without allocating.
type scanner struct {
	src []byte
	i   int
}

func (sc *scanner) next() (token, bool, error) {
	src, i, n := sc.src, sc.i, len(sc.src)
	if i >= n {
		return token{}, false, nil
	}
	if src[i] != '<' {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			j = n - i
		}
		sc.i = i + j
		return token{kind: tokText, start: i, end: i + j}, true, nil
	}
	if i+1 >= n {
		return token{}, false, fmt.Errorf("offset %d: unterminated markup", i)
	}
	switch src[i+1] {
	case '?':
		j := bytes.Index(src[i+2:], []byte("?>"))
		if j < 0 {
			return token{}, false, fmt.Errorf("offset %d: unterminated processing instruction", i)
		}
		sc.i = i + 2 + j + 2
		return token{kind: tokOther, start: i, end: sc.i}, true, nil
	case '!':
		var end []byte
		switch {
		case bytes.HasPrefix(src[i:], []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(src[i:], []byte("<![CDATA[")):
			end = []byte("]]>")
		default:
			end = []byte(">")
		}
		j := bytes.Index(src[i+2:], end)
		if j < 0 {
			return token{}, false, fmt.Errorf("offset %d: unterminated declaration", i)
		}
		sc.i = i + 2 + j + len(end)
		return token{kind: tokOther, start: i, end: sc.i}, true, nil
	case '/':
		j := bytes.IndexByte(src[i:], '>')
		if j < 0 {
			return token{}, false, fmt.Errorf("offset %d: unterminated end tag", i)
		}
		ns, ne := i+2, i+j
		for ne > ns && isSpace(src[ne-1]) {
			ne--
		}
		sc.i = i + j + 1
		return token{kind: tokEnd, start: i, end: sc.i, nameStart: ns, nameEnd: ne}, true, nil
	}
	ns := i + 1
	k := ns
	for k < n && !isSpace(src[k]) && src[k] != '>' && src[k] != '/' {
		k++
	}
	ne := k
	// find the closing '>' outside quoted attribute values: quoted values
	// are skipped whole, so the scan is one pass over the tag.
	for k < n {
		c := src[k]
		if c == '>' {
			break
		}
		if c == '"' || c == '\'' {
			e := bytes.IndexByte(src[k+1:], c)
			if e < 0 {
				k = n
				break
			}
			k += e + 2
			continue
		}
		k++
	}
	if k >= n || ne == ns {
		return token{}, false, fmt.Errorf("offset %d: unterminated or empty start tag", i)
	}
	kind := tokStart
	if src[k-1] == '/' {
		kind = tokSelfClose
	}
	sc.i = k + 1
	return token{kind: kind, start: i, end: k + 1, nameStart: ns, nameEnd: ne}, true, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// checkWellFormed verifies that src is a single well-formed XML element tree
// as far as tag balance goes. It is the fast output check run after every
// render (see VerifyStrict for the encoding/xml check).
func checkWellFormed(src []byte) error {
	var stackArr [64][]byte
	stack := stackArr[:0]
	roots := 0
	sc := scanner{src: src}
	for {
		tok, ok, err := sc.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		t := &tok
		switch t.kind {
		case tokStart:
			if len(stack) == 0 {
				roots++
			}
			stack = append(stack, t.name(src))
		case tokSelfClose:
			if len(stack) == 0 {
				roots++
			}
		case tokEnd:
			if len(stack) == 0 || !bytes.Equal(stack[len(stack)-1], t.name(src)) {
				return fmt.Errorf("offset %d: unexpected end tag </%s>", t.start, t.name(src))
			}
			stack = stack[:len(stack)-1]
		case tokText:
			if len(stack) == 0 && len(bytes.TrimSpace(src[t.start:t.end])) > 0 {
				return fmt.Errorf("offset %d: text outside the root element", t.start)
			}
		}
	}
	if len(stack) > 0 {
		return fmt.Errorf("unclosed element <%s>", stack[len(stack)-1])
	}
	if roots != 1 {
		return fmt.Errorf("%d root elements", roots)
	}
	return nil
}

// unescapeText decodes the five predefined entities and character
// references in XML character data.
func unescapeText(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c != '&' {
			sb.WriteByte(c)
			i++
			continue
		}
		j := bytes.IndexByte(b[i:], ';')
		if j < 0 {
			sb.Write(b[i:])
			break
		}
		ent := string(b[i+1 : i+j])
		switch ent {
		case "amp":
			sb.WriteByte('&')
		case "lt":
			sb.WriteByte('<')
		case "gt":
			sb.WriteByte('>')
		case "quot":
			sb.WriteByte('"')
		case "apos":
			sb.WriteByte('\'')
		default:
			var r uint64
			var err error = strconv.ErrSyntax
			if strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X") {
				r, err = strconv.ParseUint(ent[2:], 16, 32)
			} else if strings.HasPrefix(ent, "#") {
				r, err = strconv.ParseUint(ent[1:], 10, 32)
			}
			if err != nil || r > utf8.MaxRune {
				sb.Write(b[i : i+j+1])
			} else {
				sb.WriteRune(rune(r))
			}
		}
		i += j + 1
	}
	return sb.String()
}

// appendEscaped appends s escaped as XML character data.
func appendEscaped(dst []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		dst = append(dst, s[last:i]...)
		dst = append(dst, rep...)
		last = i + 1
	}
	return append(dst, s[last:]...)
}

// attrValue returns the value of attribute name in the start tag raw.
func attrValue(raw []byte, name string) (string, bool) {
	_, vs, ve, _, ok := attrFind(raw, name)
	if !ok {
		return "", false
	}
	return string(raw[vs:ve]), true
}

// attrFind finds attribute name in the start tag raw: [s,e) is the whole
// attribute ` name="v"` (with its leading space), [vs,ve) the value.
func attrFind(raw []byte, name string) (s, vs, ve, e int, ok bool) {
	i := 0
	for {
		j := bytes.Index(raw[i:], []byte(name))
		if j < 0 {
			return 0, 0, 0, 0, false
		}
		p := i + j
		i = p + len(name)
		if p == 0 || !isSpace(raw[p-1]) {
			continue
		}
		k := i
		for k < len(raw) && isSpace(raw[k]) {
			k++
		}
		if k >= len(raw) || raw[k] != '=' {
			continue
		}
		k++
		for k < len(raw) && isSpace(raw[k]) {
			k++
		}
		if k >= len(raw) || (raw[k] != '"' && raw[k] != '\'') {
			return 0, 0, 0, 0, false
		}
		end := bytes.IndexByte(raw[k+1:], raw[k])
		if end < 0 {
			return 0, 0, 0, 0, false
		}
		return p - 1, k + 1, k + 1 + end, k + 1 + end + 1, true
	}
}
