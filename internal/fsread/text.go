package fsread

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// TextError is a file whose bytes are not text vanban reads, at the line and column (in characters, 1-based) of
// the first byte that is wrong, with the cause and the fix in Vietnamese and English.
type TextError struct {
	Line, Col int
	VI, EN    string
}

func (e *TextError) Error() string { return fmt.Sprintf("%d:%d: %s / %s", e.Line, e.Col, e.VI, e.EN) }

// Text turns the bytes of an input file into the UTF-8 text the decoder reads: a UTF-8 byte order mark is
// dropped; a file in UTF-16 (little or big endian) with its byte order mark — what Notepad saves as "Unicode" —
// is converted to UTF-8; CRLF and lone CR line endings become LF. Lines and columns (counted in characters) are
// the same before and after, so every position reported stays right. It is idempotent.
//
// A file that is not UTF-8 is refused at the line and column of its first invalid byte; when its bytes look
// like one of the old Vietnamese encodings (Windows-1258, TCVN3 (ABC), VNI), the message names it and says how
// to save the file as UTF-8, in Notepad and in Word.
func Text(data []byte) ([]byte, *TextError) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		for bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
			data = data[3:]
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return fromUTF16(data[2:], false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return fromUTF16(data[2:], true)
	case looksUTF16(data, false):
		if out, err := fromUTF16(data, false); err == nil {
			return out, nil
		}
	case looksUTF16(data, true):
		if out, err := fromUTF16(data, true); err == nil {
			return out, nil
		}
	}
	if !utf8.Valid(data) {
		return nil, notUTF8(data)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		// YAML refuses NUL anyway; said here at its place. It also keeps Text idempotent: text with NUL bytes
		// could look like UTF-16 without a byte order mark on a second pass.
		line, col := position(data[:i])
		return nil, &TextError{Line: line, Col: col,
			VI: "tệp chứa ký tự điều khiển U+0000, không được phép trong YAML (thường do sao chép từ phần mềm khác); hãy xóa ký tự này",
			EN: "the file contains the control character U+0000, which YAML does not allow (it often comes from copying from another program); delete it"}
	}
	return lineEnds(data), nil
}

// position is the line and column (in characters, 1-based) of the byte just after the valid UTF-8 prefix.
func position(prefix []byte) (line, col int) {
	line, col = 1, 1
	s := string(prefix)
	for i, r := range s {
		switch {
		case r == '\n', r == '\r' && (i+1 == len(s) || s[i+1] != '\n'):
			line, col = line+1, 1
		case r != '\r':
			col++
		}
	}
	return line, col
}

// looksUTF16 reports whether data starts like UTF-16 text without a byte order mark: its first characters are
// ASCII with a zero high byte (a YAML input starts with a key or a comment).
func looksUTF16(data []byte, bigEndian bool) bool {
	n := min(len(data)/2, 8)
	if n < 2 {
		return false
	}
	for i := range n {
		hi, lo := data[2*i+1], data[2*i]
		if bigEndian {
			hi, lo = lo, hi
		}
		if hi != 0 || lo == 0 || lo >= 0x80 {
			return false
		}
	}
	return true
}

func fromUTF16(data []byte, bigEndian bool) ([]byte, *TextError) {
	if len(data)%2 != 0 {
		data = data[:len(data)-1] // a lone last byte cannot be a character; the line count shows nothing of it
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	for len(u) > 0 && u[0] == 0xFEFF {
		u = u[1:]
	}
	out := make([]byte, 0, len(u)+len(u)/2)
	line, col := 1, 0
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		switch {
		case utf16.IsSurrogate(r):
			if i+1 < len(u) && r < 0xDC00 {
				if rr := utf16.DecodeRune(r, rune(u[i+1])); rr != utf8.RuneError {
					r = rr
					i++
					break
				}
			}
			return nil, &TextError{Line: line, Col: col + 1,
				VI: "tệp UTF-16 có một ký tự hỏng (nửa cặp thay thế); hãy mở bằng Notepad và lưu lại dạng UTF-8",
				EN: "the UTF-16 file holds a broken character (half a surrogate pair); open it in Notepad and save it as UTF-8"}
		}
		col++
		if r == 0 {
			// Not text (and YAML refuses it): said here, at its place, rather than turned into a NUL byte.
			return nil, &TextError{Line: line, Col: col,
				VI: "tệp UTF-16 chứa ký tự NUL (U+0000), không phải văn bản; hãy xóa ký tự này hoặc lưu lại tệp dạng UTF-8",
				EN: "the UTF-16 file holds a NUL character (U+0000), which is not text; delete it or save the file again as UTF-8"}
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		out = utf8.AppendRune(out, r)
	}
	return lineEnds(out), nil
}

// lineEnds turns CRLF and lone CR into LF (YAML reads all three as a line break, so lines keep their numbers).
func lineEnds(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\r' {
			if i+1 < len(data) && data[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// A legacy encoding vanban recognises in a file that is not UTF-8.
type legacy struct {
	name string // as a clerk knows it
	fix  [2]string
}

var (
	cp1258 = legacy{"Windows-1258 (ANSI tiếng Việt / Vietnamese ANSI)", [2]string{
		"mở tệp bằng Notepad (trên Windows tiếng Việt), chọn File > Save As, ở ô Encoding chọn UTF-8 rồi lưu; hoặc mở bằng Word, chọn File > Save As, kiểu Plain Text (*.txt), chọn mã Unicode (UTF-8)",
		"open the file in Notepad (on a Vietnamese Windows), File > Save As, set Encoding to UTF-8 and save; or open it in Word, File > Save As, type Plain Text (*.txt), encoding Unicode (UTF-8)"}}
	tcvn3 = legacy{"TCVN3 (ABC, phông .Vn…)", [2]string{
		"chuyển mã bằng UniKey (Công cụ chuyển mã, Ctrl+Shift+F6: nguồn TCVN3 (ABC), đích Unicode), rồi lưu bằng Notepad: File > Save As, Encoding UTF-8; hoặc trong Word: File > Save As, Plain Text (*.txt), mã Unicode (UTF-8)",
		"convert it with UniKey's converter (Ctrl+Shift+F6: source TCVN3 (ABC), target Unicode), then save it from Notepad with File > Save As, Encoding UTF-8, or from Word with File > Save As, Plain Text (*.txt), encoding Unicode (UTF-8)"}}
	vni = legacy{"VNI (phông VNI-…)", [2]string{
		"chuyển mã bằng UniKey (Công cụ chuyển mã, Ctrl+Shift+F6: nguồn VNI Windows, đích Unicode), rồi lưu bằng Notepad: File > Save As, Encoding UTF-8; hoặc trong Word: File > Save As, Plain Text (*.txt), mã Unicode (UTF-8)",
		"convert it with UniKey's converter (Ctrl+Shift+F6: source VNI Windows, target Unicode), then save it from Notepad with File > Save As, Encoding UTF-8, or from Word with File > Save As, Plain Text (*.txt), encoding Unicode (UTF-8)"}}
)

// guessLegacy scores the bytes of a file that is not UTF-8 against the byte patterns of the three old
// Vietnamese encodings and returns the likeliest, or nil when none fits:
//   - Windows-1258 writes most tones as a combining byte after the letter (0xCC grave, 0xEC acute, 0xD2 hook,
//     0xDE tilde, 0xF2 dot below) and đ as 0xF0;
//   - VNI writes a plain vowel followed by a byte for its marks (á = "a" 0xF9, ạ = "a" 0xEF, ấ = "a" 0xE1);
//   - TCVN3 writes each accented lower-case letter as one byte, those of a-with-marks and đ in 0xA8–0xBE,
//     where the other two encodings have rare symbols.
func guessLegacy(data []byte) *legacy {
	var sc, sv, st int
	for i, b := range data {
		if b < 0x80 {
			continue
		}
		var prev byte
		if i > 0 {
			prev = data[i-1]
		}
		prevVowel := bytes.IndexByte([]byte("aeiouyAEIOUY"), prev) >= 0
		switch {
		case prevVowel && bytes.IndexByte(vniMarks, b) >= 0:
			sv += 2
		case (prevVowel || bytes.IndexByte(cp1258Vowels, prev) >= 0) && bytes.IndexByte(cp1258Tones, b) >= 0:
			sc += 2
		case b == 0xF0 || b == 0xD0:
			sc++
		case b == 0xF1 || b == 0xD1:
			sv++
		case b >= 0xA1 && b <= 0xAE, b >= 0xB5 && b <= 0xBE:
			st++
		}
	}
	best, top := (*legacy)(nil), 0
	for _, c := range []struct {
		l *legacy
		s int
	}{{&cp1258, sc}, {&vni, sv}, {&tcvn3, st}} {
		if c.s > top {
			best, top = c.l, c.s
		}
	}
	return best
}

var (
	vniMarks = []byte{0xF9, 0xF8, 0xFB, 0xF5, 0xEF, 0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4, 0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB,
		0xD9, 0xD8, 0xDB, 0xD5, 0xCF, 0xC2, 0xC1, 0xC0, 0xC5, 0xC3, 0xC4, 0xCA, 0xC9, 0xC8, 0xDA, 0xDC, 0xCB}
	cp1258Tones  = []byte{0xCC, 0xEC, 0xD2, 0xDE, 0xF2}
	cp1258Vowels = []byte{0xE2, 0xEA, 0xF4, 0xF5, 0xFD, 0xE3, 0xC2, 0xCA, 0xD4, 0xD5, 0xDD, 0xC3, 0xE0, 0xE1, 0xE8, 0xE9,
		0xED, 0xF3, 0xF9, 0xFA}
)

// notUTF8 reports a file that is not UTF-8 at its first invalid byte, naming the likely legacy encoding.
func notUTF8(data []byte) *TextError {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	line, col := position(data[:i])
	e := &TextError{Line: line, Col: col}
	if l := guessLegacy(data); l != nil {
		e.VI = fmt.Sprintf("tệp không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã cũ %s; vanban chỉ đọc UTF-8. Cách sửa: %s", l.name, l.fix[0])
		e.EN = fmt.Sprintf("the file is not UTF-8 text: it looks saved in the old encoding %s; vanban reads UTF-8 only. To fix it, %s", l.name, l.fix[1])
		return e
	}
	e.VI = "tệp không phải văn bản UTF-8 (có thể được lưu bằng bảng mã cũ như Windows-1258, TCVN3 hoặc VNI); hãy mở bằng Notepad, chọn File > Save As, ở ô Encoding chọn UTF-8 rồi lưu"
	e.EN = "the file is not UTF-8 text (it may be saved in an old encoding such as Windows-1258, TCVN3 or VNI); open it in Notepad, File > Save As, set Encoding to UTF-8 and save"
	return e
}
