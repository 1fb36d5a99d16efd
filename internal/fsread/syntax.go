package fsread

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// lineRE finds the line yaml.v3 gives in a syntax error: "yaml: line 3: did not find expected key".
var lineRE = regexp.MustCompile(`^line (\d+): `)

// Syntax turns a yaml.v3 parse error of data into a TextError with the line yaml.v3 gives (1 when it gives none:
// it leaves out "line 1"), a column where the text of the line shows it (a tab, an unclosed quote at its
// opening, an unclosed bracket, a second ": "; else the first character of the line), and a Vietnamese
// explanation of the common cases; the English part is yaml.v3's own text.
func Syntax(data []byte, err error) *TextError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	lines := strings.Split(string(data), "\n")
	text := ""
	if line >= 1 && line <= len(lines) {
		text = lines[line-1]
	}
	col := 0
	vi := ""
	switch {
	case strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token") && strings.Contains(text, "\t"),
		strings.Contains(msg, "cannot start any token") && strings.Contains(strings.Join(lines[min(line, len(lines)):], "\n"), "\t"):
		// yaml.v3 may give the line of the enclosing value: the tab is on that line or a later one.
		for l := max(line, 1); l <= len(lines); l++ {
			if i := strings.IndexByte(lines[l-1], '\t'); i >= 0 {
				line, col = l, runeCol(lines[l-1], i)
				break
			}
		}
		vi = "dùng ký tự tab để thụt lề hoặc ngăn cách; YAML chỉ chấp nhận dấu cách: thay tab bằng dấu cách"
	case strings.Contains(msg, "cannot start any token"):
		if i := strings.IndexAny(text, "@`"); i >= 0 {
			col = runeCol(text, i)
			vi = "giá trị không được bắt đầu bằng ký tự @ hoặc `; hãy đặt giá trị trong dấu ngoặc kép"
		}
	case strings.Contains(msg, "unexpected end of stream"):
		if l, c, q := unclosedQuote(lines); l > 0 {
			line, col = l, c
			vi = fmt.Sprintf("dấu ngoặc %s mở ở đây nhưng không được đóng; thêm dấu %s ở cuối giá trị", q, q)
		} else {
			vi = "tệp kết thúc giữa chừng một giá trị (dấu ngoặc hoặc ngoặc kép chưa đóng)"
		}
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-' indicator"),
		strings.Contains(msg, "block sequence entries are not allowed"), strings.Contains(msg, "could not find expected ':'"):
		vi = "thụt lề không đúng ở dòng này hoặc các dòng ngay sau: các khóa cùng cấp phải thẳng cột, các mục \"- \" của một danh sách cũng vậy"
	case strings.Contains(msg, "mapping values are not allowed"):
		if i := secondColon(text); i >= 0 {
			col = runeCol(text, i)
		}
		vi = "dấu \": \" xuất hiện hai lần trong một giá trị, hoặc thụt lề không đúng; nếu giá trị chứa \": \", hãy đặt nó trong dấu ngoặc kép"
	case strings.Contains(msg, "did not find expected ',' or ']'"), strings.Contains(msg, "did not find expected ',' or '}'"):
		// yaml.v3 names the line before the one where the flow collection opens; find the bracket itself.
		if l, c := unclosedFlow(lines, max(line-1, 1)); l > 0 {
			line, col = l, c
		}
		vi = "danh sách [ … ] hoặc bảng { … } viết trên một dòng chưa được đóng, hoặc thiếu dấu phẩy"
	}
	if !strings.Contains(vi, "tab") && !strings.Contains(vi, "mở ở đây") {
		// A quoted value left open on its line swallows the lines after it until the next quote, and yaml.v3
		// complains there: the cause is where the quote opens.
		if l, c, q := unclosedQuote(lines[:min(line, len(lines))]); l > 0 && l < line {
			line, col = l, c
			vi = fmt.Sprintf("dấu ngoặc %s mở ở đây nhưng không được đóng trên dòng này; thêm dấu %s ở cuối giá trị", q, q)
		}
	}
	if col == 0 && line >= 1 && line <= len(lines) {
		// No better column: the first character of the line.
		col = runeCol(lines[line-1], len(lines[line-1])-len(strings.TrimLeft(lines[line-1], " ")))
	}
	if vi == "" {
		vi = msg
	} else {
		vi += " (" + msg + ")"
	}
	return &TextError{Line: line, Col: col, VI: "lỗi cú pháp YAML: " + vi, EN: "YAML syntax error: " + msg}
}

// runeCol turns a byte index of a line into a 1-based column in characters; 0 for a negative index.
func runeCol(line string, i int) int {
	if i < 0 {
		return 0
	}
	return utf8.RuneCountInString(line[:i]) + 1
}

// unclosedFlow finds, from line from on, the first line where a flow collection ("[" or "{", outside quotes)
// opens and does not close on that line; it returns the line and the column of the bracket, or 0.
func unclosedFlow(lines []string, from int) (int, int) {
	for n := from; n <= len(lines); n++ {
		l := lines[n-1]
		var open []int
		var quote byte
		for i := 0; i < len(l); i++ {
			c := l[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '#' && (i == 0 || l[i-1] == ' '):
				i = len(l)
			case c == '[' || c == '{':
				open = append(open, i)
			case (c == ']' || c == '}') && len(open) > 0:
				open = open[:len(open)-1]
			}
		}
		if len(open) > 0 {
			return n, runeCol(l, open[0])
		}
	}
	return 0, 0
}

// unclosedQuote finds the first line where a quoted value opens ("key: \"…", "- '…") and does not close;
// it returns its line, the column of the quote and the quote, or 0.
func unclosedQuote(lines []string) (int, int, string) {
	for n, l := range lines {
		t := strings.TrimLeft(l, " ")
		start := len(l) - len(t)
		if strings.HasPrefix(t, "- ") {
			start += 2
		} else if i := strings.Index(t, ": "); i >= 0 && !strings.HasPrefix(t, "\"") && !strings.HasPrefix(t, "'") {
			start += i + 2
		}
		for start < len(l) && l[start] == ' ' {
			start++
		}
		if start >= len(l) || (l[start] != '"' && l[start] != '\'') {
			continue
		}
		q := l[start]
		closed := false
		for i := start + 1; i < len(l); i++ {
			if q == '"' && l[i] == '\\' {
				i++
				continue
			}
			if l[i] == q {
				if q == '\'' && i+1 < len(l) && l[i+1] == '\'' {
					i++
					continue
				}
				closed = true
				break
			}
		}
		if !closed {
			return n + 1, runeCol(l, start), string(q)
		}
	}
	return 0, 0, ""
}

// secondColon returns the byte index of the second ": " (or final ":") of a line outside quotes, or -1.
func secondColon(l string) int {
	seen := 0
	for i := 0; i < len(l); i++ {
		if l[i] == '"' || l[i] == '\'' {
			return -1
		}
		if l[i] == ':' && (i+1 == len(l) || l[i+1] == ' ') {
			seen++
			if seen == 2 {
				return i
			}
		}
	}
	return -1
}
