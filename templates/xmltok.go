package templates

import (
	"bytes"
	"encoding/binary"
	"errors"
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

// errTooManyTokens: a part holds more markup tokens than Limits.MaxMarkup.
var errTooManyTokens = errors.New("too many markup tokens")

func (t *token) name(src []byte) []byte { return src[t.nameStart:t.nameEnd] }

// tokenize splits src into tokens. It reports an error for markup that is
// not well formed at the lexical level (unterminated tags, comments).
func tokenize(src []byte, limit int) ([]token, error) {
	toks := make([]token, 0, min(len(src)/24+8, limit+1))
	sc := scanner{src: src}
	for {
		if len(toks) >= limit {
			return nil, errTooManyTokens
		}
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
		from := i + 2
		switch {
		case bytes.HasPrefix(src[i:], []byte("<!--")):
			end, from = []byte("-->"), i+4 // "<!-->" is not a comment
		case bytes.HasPrefix(src[i:], []byte("<![CDATA[")):
			end, from = []byte("]]>"), i+9
		default:
			end = []byte(">")
		}
		j := bytes.Index(src[from:], end)
		if j < 0 {
			return token{}, false, fmt.Errorf("offset %d: unterminated declaration", i)
		}
		sc.i = from + j + len(end)
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
	// are skipped whole (with IndexByte: most of a tag is attribute
	// values), so the scan is one pass over the tag.
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

// xmlProblem is a place where a part breaks the XML well-formedness rules:
// a byte offset into the part and what is wrong there.
type xmlProblem struct {
	off int
	msg string
}

// maxXMLProblems bounds how many problems are reported for one part.
const maxXMLProblems = 10

// checkXML checks that src is well-formed XML 1.0 as the XML specification
// defines it (not only tag balance): UTF-8 text of allowed characters, one
// root element, matching start and end tags, names, attributes written
// name="value" (quoted, without '<', each once), and '&' only as one of the
// five predefined entity references or a character reference. A DOCTYPE is
// refused: OPC forbids DTDs in package parts (ECMA-376 Part 2, 8.1.4).
// Lexical problems are all reported (up to maxXMLProblems); after the first
// structural one (a tag that does not match) no more structure is checked.
// It runs once per part at Parse, so that a render never has to discover
// that a template part was broken.
func checkXML(src []byte) []xmlProblem {
	var probs []xmlProblem
	add := func(off int, msg string) bool {
		probs = append(probs, xmlProblem{off, msg})
		return len(probs) < maxXMLProblems
	}
	start := 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		start = 3
	}
	// Characters: valid UTF-8, no character XML 1.0 forbids. The exact
	// scan below runs only when a quick one finds a suspect byte.
	if !suspectChars(src[start:]) {
		goto markup
	}
	for i := start; i < len(src); {
		c := src[i]
		if c >= 0x20 && c < 0x80 {
			i++
			continue
		}
		if c < 0x20 {
			if c != '\t' && c != '\n' && c != '\r' {
				if !add(i, fmt.Sprintf("control character %U is not allowed in XML", rune(c))) {
					return probs
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			if !add(i, "invalid UTF-8") {
				return probs
			}
			i++
			continue
		}
		if !validXMLRune(r) && !add(i, fmt.Sprintf("character %U is not allowed in XML", r)) {
			return probs
		}
		i += size
	}
markup:
	var stackArr [64][]byte
	stack := stackArr[:0]
	roots, structural := 0, true
	sc := scanner{src: src, i: start}
	for {
		tok, ok, err := sc.next()
		if err != nil {
			add(sc.i, err.Error())
			return probs
		}
		if !ok {
			break
		}
		t := &tok
		raw := src[t.start:t.end]
		var off int
		var msg string
		switch t.kind {
		case tokText:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(raw)) > 0 && structural {
					off, msg = t.start, "text outside the root element"
				}
			} else if o, m := checkRefs(raw); m != "" {
				off, msg = t.start+o, m
			} else if j := bytes.Index(raw, []byte("]]>")); j >= 0 {
				off, msg = t.start+j, `"]]>" is not allowed in text`
			}
		case tokStart, tokSelfClose:
			if o, m := checkStartTag(raw, t.nameEnd-t.start); m != "" {
				off, msg = t.start+o, m
			}
			if len(stack) == 0 {
				roots++
				if roots == 2 && structural {
					add(t.start, "a second root element")
					structural = false
				}
			}
			if t.kind == tokStart {
				stack = append(stack, t.name(src))
			}
		case tokEnd:
			nm := t.name(src)
			if !validName(nm) || t.nameEnd+1 != t.end && len(bytes.TrimSpace(src[t.nameEnd:t.end-1])) > 0 {
				off, msg = t.start, "malformed end tag"
			} else if structural {
				if len(stack) == 0 {
					off, msg = t.start, "end tag </"+string(nm)+"> without a start tag"
					structural = false
				} else if !bytes.Equal(stack[len(stack)-1], nm) {
					off, msg = t.start, "end tag </"+string(nm)+"> does not match <"+string(stack[len(stack)-1])+">"
					structural = false
				}
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case tokOther:
			switch {
			case bytes.HasPrefix(raw, []byte("<?")):
				tgt := raw[2:]
				if k := bytes.IndexFunc(tgt, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '?' }); k >= 0 {
					tgt = tgt[:k]
				}
				if strings.EqualFold(string(tgt), "xml") && t.start != start {
					off, msg = t.start, "the XML declaration must come first"
				} else if !validName(tgt) {
					off, msg = t.start, "malformed processing instruction"
				}
			case bytes.HasPrefix(raw, []byte("<!--")):
				if inner := raw[4 : len(raw)-3]; bytes.Contains(inner, []byte("--")) || bytes.HasSuffix(inner, []byte("-")) {
					off, msg = t.start, `"--" is not allowed inside a comment`
				}
			case bytes.HasPrefix(raw, []byte("<![CDATA[")):
				if len(stack) == 0 {
					off, msg = t.start, "CDATA outside the root element"
				}
			case bytes.HasPrefix(raw, []byte("<!DOCTYPE")):
				off, msg = t.start, "a DOCTYPE (DTD) is not allowed in a package part"
			default:
				off, msg = t.start, "malformed markup"
			}
		}
		if msg != "" && !add(off, msg) {
			return probs
		}
	}
	if structural {
		if len(stack) > 0 {
			add(len(src), "unclosed element <"+string(stack[len(stack)-1])+">")
		} else if roots == 0 {
			add(len(src), "no root element")
		}
	}
	return probs
}

// suspectChars reports whether src may hold a character XML forbids: a
// control character other than tab, newline and carriage return, invalid
// UTF-8, or U+FFFE/U+FFFF. It looks at eight bytes at a time.
func suspectChars(src []byte) bool {
	if !utf8.Valid(src) || bytes.Contains(src, []byte("\xEF\xBF\xBE")) || bytes.Contains(src, []byte("\xEF\xBF\xBF")) {
		return true
	}
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(src); i += 8 {
		x := binary.LittleEndian.Uint64(src[i:])
		// a byte below 0x20 (bytes of 0x80 and above are valid UTF-8 here)
		if (x-ones*0x20)&^x&highs != 0 {
			for _, c := range src[i : i+8] {
				if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
					return true
				}
			}
		}
	}
	for _, c := range src[i:] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
	}
	return false
}

// checkRefs checks the '&' of character data or an attribute value: each
// must start &amp; &lt; &gt; &quot; &apos; or a character reference to a
// character XML allows. It returns the offset of the first bad one.
func checkRefs(b []byte) (int, string) {
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '&')
		if j < 0 {
			return 0, ""
		}
		i += j
		end := bytes.IndexByte(b[i:min(len(b), i+12)], ';')
		if end < 0 {
			return i, `"&" must be written "&amp;" (it starts an entity reference)`
		}
		ent := string(b[i+1 : i+end])
		switch ent {
		case "amp", "lt", "gt", "quot", "apos":
		default:
			var r uint64
			var err error = strconv.ErrSyntax
			if strings.HasPrefix(ent, "#x") {
				r, err = strconv.ParseUint(ent[2:], 16, 32)
			} else if strings.HasPrefix(ent, "#") {
				r, err = strconv.ParseUint(ent[1:], 10, 32)
			}
			if err != nil || strings.ContainsAny(ent, "+-") {
				return i, "unknown entity &" + ent + "; (XML knows only &amp; &lt; &gt; &quot; &apos; and character references)"
			}
			if r > utf8.MaxRune || !validXMLRune(rune(r)) {
				return i, "character reference &" + ent + "; names a character XML does not allow"
			}
		}
		i += end + 1
	}
}

// checkStartTag checks the attributes of a start tag (raw from '<' to '>';
// nameEnd is the offset of the end of the element name).
func checkStartTag(raw []byte, nameEnd int) (int, string) {
	if !validName(raw[1:nameEnd]) {
		return 0, "malformed element name"
	}
	end := len(raw) - 1
	if raw[end-1] == '/' {
		end--
	}
	type span struct{ s, e int }
	var seenArr [16]span
	seen := seenArr[:0]
	i := nameEnd
	for {
		ws := i
		for i < end && isSpace(raw[i]) {
			i++
		}
		if i >= end {
			return 0, ""
		}
		if i == ws {
			return i, "malformed start tag: a space must separate attributes"
		}
		ns := i
		for i < end && !isSpace(raw[i]) && raw[i] != '=' && raw[i] != '"' && raw[i] != '\'' {
			i++
		}
		if !validName(raw[ns:i]) {
			return ns, "malformed start tag: bad attribute name"
		}
		for _, s := range seen {
			if bytes.Equal(raw[s.s:s.e], raw[ns:i]) {
				return ns, "attribute " + string(raw[ns:i]) + " appears twice"
			}
		}
		seen = append(seen, span{ns, i})
		for i < end && isSpace(raw[i]) {
			i++
		}
		if i >= end || raw[i] != '=' {
			return ns, "malformed start tag: attribute " + string(raw[ns:i]) + ` without ="value"`
		}
		i++
		for i < end && isSpace(raw[i]) {
			i++
		}
		if i >= end || raw[i] != '"' && raw[i] != '\'' {
			return ns, "malformed start tag: attribute value not in quotes"
		}
		q := raw[i]
		k := bytes.IndexByte(raw[i+1:end], q)
		if k < 0 {
			return ns, "malformed start tag: unterminated attribute value"
		}
		val := raw[i+1 : i+1+k]
		if j := bytes.IndexByte(val, '<'); j >= 0 {
			return i + 1 + j, `"<" is not allowed in an attribute value`
		}
		if o, m := checkRefs(val); m != "" {
			return i + 1 + o, m
		}
		i += k + 2
	}
}

// validName reports whether b is an XML name (non-ASCII characters are
// accepted as name characters).
func validName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for k, c := range b {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == ':', c >= 0x80:
		case k > 0 && (c >= '0' && c <= '9' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// xmlContext returns the markup around off, for a person to find the
// problem, and its line number.
func xmlContext(src []byte, off int) (string, int) {
	off = min(off, len(src))
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	s, e := max(0, off-40), min(len(src), off+40)
	for s > 0 && s < len(src) && !utf8.RuneStart(src[s]) {
		s--
	}
	for e < len(src) && !utf8.RuneStart(src[e]) {
		e++
	}
	ctx := strings.ToValidUTF8(string(src[s:e]), "\uFFFD")
	return strings.Join(strings.Fields(ctx), " "), line
}
