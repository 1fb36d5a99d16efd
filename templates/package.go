package templates

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path"
	"strings"
)

// Package hygiene and relationships: what Parse checks about the zip as a
// whole before any part is compiled, and how it finds the parts to fill.

const (
	contentTypesName = "[Content_Types].xml"
	packageRelsName  = "_rels/.rels"
)

// Relationship type suffixes (transitional and strict OOXML share them
// after the last '/').
const (
	relOfficeDocument = "/officeDocument"
	relHeader         = "/header"
	relFooter         = "/footer"
	relFootnotes      = "/footnotes"
	relEndnotes       = "/endnotes"
)

// Relationship is an entry of a relationships part that points outside
// the package (TargetMode="External"): a hyperlink, a linked picture, an
// attached template. Parse accepts them; Check and External report them
// so that a person can review where a template points.
type Relationship struct {
	Part   string // the relationships part, e.g. "word/_rels/document.xml.rels"
	ID     string // r:id
	Type   string // relationship type URI
	Target string // as written (a URL or a path outside the package)
}

type rel struct {
	ID, Type, Target, TargetMode string
}

type relsXML struct {
	Rels []rel
}

// parseRels reads a relationships part with the package's own scanner (no
// encoding/xml: it runs on every template). Malformed XML gives nil (the
// part is reported by the well-formedness check).
func parseRels(b []byte) *relsXML {
	var r relsXML
	sc := scanner{src: b}
	for {
		t, ok, err := sc.next()
		if err != nil {
			return nil
		}
		if !ok {
			return &r
		}
		if t.kind != tokStart && t.kind != tokSelfClose {
			continue
		}
		nm := t.name(b)
		if i := bytes.IndexByte(nm, ':'); i >= 0 {
			nm = nm[i+1:]
		}
		if string(nm) != "Relationship" {
			continue
		}
		raw := b[t.start:t.end]
		get := func(name string) string {
			v, _ := attrValue(raw, name)
			return unescapeText([]byte(v))
		}
		r.Rels = append(r.Rels, rel{ID: get("Id"), Type: get("Type"), Target: get("Target"), TargetMode: get("TargetMode")})
	}
}

// relsPartOf returns the relationships part of a part: word/document.xml
// -> word/_rels/document.xml.rels.
func relsPartOf(name string) string {
	dir, file := path.Split(name)
	return dir + "_rels/" + file + ".rels"
}

// resolveTarget resolves an internal relationship target against the
// folder of the source part ("" for the package root). It returns "" for a
// target that leaves the package.
func resolveTarget(srcDir, target string) string {
	var p string
	if strings.HasPrefix(target, "/") {
		p = path.Clean(target[1:])
	} else {
		p = path.Clean(path.Join(srcDir, target))
	}
	if p == "." || p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
		return ""
	}
	return p
}

// checkNames refuses entry names that are unsafe or ambiguous in a
// package: "..", ".", or empty segments, absolute paths, drive letters,
// backslashes, control characters, names that differ only in case (part
// names are case-insensitive, ECMA-376 Part 2, 6.2.2.3), and macros.
func checkNames(files []*zip.File) error {
	seen := make(map[string]string, len(files))
	for _, f := range files {
		n := f.Name
		why := ""
		switch {
		case n == "":
			why = "tên rỗng / empty name"
		case strings.ContainsRune(n, '\\'):
			why = "có dấu gạch ngược / contains a backslash"
		case strings.HasPrefix(n, "/"):
			why = "là đường dẫn tuyệt đối / is an absolute path"
		case strings.IndexFunc(n, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
			why = "có ký tự điều khiển / contains a control character"
		}
		if why == "" {
			rest := strings.TrimSuffix(n, "/")
			for i := 0; ; i++ {
				s, after, more := strings.Cut(rest, "/")
				if s == "" || s == "." || s == ".." {
					why = "có đoạn \"" + s + "\" / has a \"" + s + "\" segment"
					break
				}
				if i == 0 && len(s) == 2 && s[1] == ':' {
					why = "bắt đầu bằng ổ đĩa / starts with a drive letter"
					break
				}
				if !more {
					break
				}
				rest = after
			}
		}
		if why == "" {
			low := strings.ToLower(n)
			if prev, ok := seen[low]; ok {
				why = fmt.Sprintf("trùng với %s (khác chữ hoa/thường) / duplicates %s (names are case-insensitive)", prev, prev)
			}
			seen[low] = n
			if b := path.Base(low); b == "vbaproject.bin" || b == "vbadata.xml" {
				return fmt.Errorf("%w: %s: mẫu chứa macro (VBA) / the template holds macros (VBA): save it as .docx", ErrUnsafePackage, n)
			}
		}
		if why != "" {
			return fmt.Errorf("%w: mục %q trong zip %s / zip entry %q: refused", ErrUnsafePackage, n, why, n)
		}
	}
	return nil
}

// checkContentTypes refuses macro-enabled content types.
func checkContentTypes(b []byte) error {
	low := bytes.ToLower(b)
	if bytes.Contains(low, []byte("macroenabled")) || bytes.Contains(low, []byte("vbaproject")) {
		return fmt.Errorf("%w: %s: kiểu nội dung có macro / a macro-enabled content type: save the template as .docx (not .docm/.dotm)", ErrUnsafePackage, contentTypesName)
	}
	return nil
}

// findParts reads the package relationships: the main document (the
// target of the officeDocument relationship, e.g. word/document2.xml as
// Word for the web saves it) and, through its own relationships, its
// headers, footers, footnotes and endnotes. fallback is used when the
// package relationships cannot be read (the well-formedness check reports
// why).
func findParts(byName map[string]*zip.File, read func(*zip.File) ([]byte, error)) (main string, filled map[string]bool, err error) {
	filled = map[string]bool{}
	pr, ok := byName[packageRelsName]
	if !ok {
		return "", nil, fmt.Errorf("%w: thiếu %s / no %s: not an Open XML package", ErrNotDocx, packageRelsName, packageRelsName)
	}
	b, err := read(pr)
	if err != nil {
		return "", nil, fmt.Errorf("đọc / reading %s: %w", packageRelsName, err)
	}
	if r := parseRels(b); r != nil {
		for _, rel := range r.Rels {
			if strings.HasSuffix(rel.Type, relOfficeDocument) && rel.TargetMode != "External" {
				main = resolveTarget("", rel.Target)
				break
			}
		}
	}
	if main == "" {
		if _, ok := byName["word/document.xml"]; ok && parseRels(b) == nil {
			main = "word/document.xml" // malformed .rels: reported as such later
		} else {
			return "", nil, fmt.Errorf("%w: %s không chỉ tới văn bản chính / names no main document (officeDocument relationship)", ErrNotDocx, packageRelsName)
		}
	}
	if _, ok := byName[main]; !ok {
		return "", nil, fmt.Errorf("%w: không có văn bản chính %s mà %s chỉ tới / no main document %s (named by %s)", ErrNotDocx, main, packageRelsName, main, packageRelsName)
	}
	filled[main] = true
	if mr, ok := byName[relsPartOf(main)]; ok {
		b, err := read(mr)
		if err != nil {
			return "", nil, fmt.Errorf("đọc / reading %s: %w", mr.Name, err)
		}
		if r := parseRels(b); r != nil {
			dir := path.Dir(main)
			for _, rel := range r.Rels {
				if rel.TargetMode == "External" {
					continue
				}
				switch {
				case strings.HasSuffix(rel.Type, relHeader), strings.HasSuffix(rel.Type, relFooter),
					strings.HasSuffix(rel.Type, relFootnotes), strings.HasSuffix(rel.Type, relEndnotes):
					if p := resolveTarget(dir, rel.Target); p != "" {
						if _, ok := byName[p]; ok {
							filled[p] = true
						}
					}
				}
			}
		}
	}
	return main, filled, nil
}

// externalRels lists the external relationships of a relationships part.
func externalRels(part string, b []byte) []Relationship {
	if !bytes.Contains(b, []byte("External")) {
		return nil
	}
	r := parseRels(b)
	if r == nil {
		return nil
	}
	var out []Relationship
	for _, rel := range r.Rels {
		if rel.TargetMode == "External" {
			out = append(out, Relationship{Part: part, ID: rel.ID, Type: rel.Type, Target: rel.Target})
		}
	}
	return out
}

// WordprocessingML namespace URIs (transitional and strict).
var wmlURIs = [][]byte{
	[]byte("http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
	[]byte("http://purl.oclc.org/ooxml/wordprocessingml/main"),
}

// wmlPrefix finds how a part binds the WordprocessingML namespace. It
// returns the prefix ("w" in every file Word writes) or a message saying
// why the part cannot be filled: the namespace bound to several prefixes,
// as the default namespace, or not at all, or "w" bound to another URI.
func wmlPrefix(src []byte) (prefix string, problem string) {
	prefixes := map[string]bool{}
	for _, uri := range wmlURIs {
		for i := 0; ; {
			j := bytes.Index(src[i:], uri)
			if j < 0 {
				break
			}
			p := i + j
			i = p + len(uri)
			// the attribute before: xmlns:PFX="URI" or xmlns="URI"
			k := p - 1
			if k < 0 || (src[k] != '"' && src[k] != '\'') || i >= len(src) || src[i] != src[k] {
				continue // the URI inside other text
			}
			k--
			for k >= 0 && isSpace(src[k]) {
				k--
			}
			if k < 0 || src[k] != '=' {
				continue
			}
			k--
			for k >= 0 && isSpace(src[k]) {
				k--
			}
			e := k + 1
			for k >= 0 && !isSpace(src[k]) && src[k] != '<' {
				k--
			}
			name := string(src[k+1 : e])
			switch {
			case name == "xmlns":
				return "", "the WordprocessingML namespace is the default namespace (no prefix) / không gắn tiền tố cho không gian tên WordprocessingML"
			case strings.HasPrefix(name, "xmlns:"):
				prefixes[name[len("xmlns:"):]] = true
			}
		}
	}
	if len(prefixes) == 0 {
		return "", "không khai báo không gian tên WordprocessingML / the part does not declare the WordprocessingML namespace"
	}
	if len(prefixes) > 1 {
		return "", "không gian tên WordprocessingML gắn với nhiều tiền tố / the WordprocessingML namespace is bound to several prefixes"
	}
	for p := range prefixes {
		prefix = p
	}
	if prefix != "w" {
		// "w" must not name another namespace, or renaming would clash.
		if bytes.Contains(src, []byte("xmlns:w=")) || bytes.Contains(src, []byte("xmlns:w ")) {
			return "", "tiền tố w gắn với không gian tên khác / the prefix w is bound to another namespace"
		}
	} else if n := bytes.Count(src, []byte("xmlns:w=")) + bytes.Count(src, []byte("xmlns:w ")); n > countURIs(src) {
		return "", "tiền tố w được gắn lại với không gian tên khác / the prefix w is rebound to another namespace"
	}
	return prefix, ""
}

func countURIs(src []byte) int {
	n := 0
	for _, u := range wmlURIs {
		n += bytes.Count(src, u)
	}
	return n
}

// renamePrefix rewrites the element and attribute names of src that use
// prefix from to prefix "w" (and the declaration xmlns:from), so that a
// part that binds WordprocessingML to another prefix compiles as Word
// writes it. Text, attribute values, comments and other prefixes are left
// as they are.
func renamePrefix(src []byte, from string) ([]byte, error) {
	pfx := []byte(from + ":")
	decl := []byte("xmlns:" + from)
	out := make([]byte, 0, len(src)+len(src)/16)
	sc := scanner{src: src}
	last := 0
	for {
		t, ok, err := sc.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if t.kind != tokStart && t.kind != tokSelfClose && t.kind != tokEnd {
			continue
		}
		raw := src[t.start:t.end]
		out = append(out, src[last:t.start]...)
		last = t.end
		nm := src[t.nameStart:t.nameEnd]
		if t.kind == tokEnd {
			out = append(out, "</"...)
			if bytes.HasPrefix(nm, pfx) {
				out = append(out, "w:"...)
				nm = nm[len(pfx):]
			}
			out = append(out, nm...)
			out = append(out, '>')
			continue
		}
		out = append(out, '<')
		if bytes.HasPrefix(nm, pfx) {
			out = append(out, "w:"...)
			nm = nm[len(pfx):]
		}
		out = append(out, nm...)
		// attributes: names are renamed, values copied
		i := t.nameEnd - t.start
		for i < len(raw) {
			c := raw[i]
			if c == '"' || c == '\'' {
				e := bytes.IndexByte(raw[i+1:], c)
				if e < 0 {
					e = len(raw) - i - 2
				}
				out = append(out, raw[i:i+e+2]...)
				i += e + 2
				continue
			}
			if isSpace(c) {
				out = append(out, c)
				i++
				// an attribute name starts here
				if bytes.HasPrefix(raw[i:], pfx) {
					out = append(out, "w:"...)
					i += len(pfx)
				} else if bytes.HasPrefix(raw[i:], decl) && i+len(decl) < len(raw) && (raw[i+len(decl)] == '=' || isSpace(raw[i+len(decl)])) {
					out = append(out, "xmlns:w"...)
					i += len(decl)
				}
				continue
			}
			out = append(out, c)
			i++
		}
	}
	out = append(out, src[last:]...)
	return out, nil
}
