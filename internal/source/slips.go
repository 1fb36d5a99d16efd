package source

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// This file holds the checks of the YAML slips that change a document silently: they parse, so they are
// warnings (Source.Warnings), or explanations added to an error that would otherwise mislead.

// Warnings returns the warnings found while decoding, in file order: a comma inside a one-line [ … ] list that
// split one entry in two ("Sở Nội vụ (báo cáo, phối hợp)" read as "Sở Nội vụ (báo cáo" and "phối hợp)"), and a
// plain text value cut by " #" (YAML reads the rest of the line as a comment: "Phòng số 2 #3" is "Phòng số 2").
// A comment after a value is taken as deliberate when two or more spaces come before its "#".
func (s *Source) Warnings() Errors {
	if s == nil {
		return nil
	}
	return s.warnings
}

func (d *decoder) warnf(n *yaml.Node, path, vi, en string) {
	if len(d.src.warnings) >= MaxErrors {
		return
	}
	d.src.warnings = append(d.src.warnings, &Error{File: d.src.File, Line: n.Line, Col: n.Column, Path: path, VI: vi, EN: en})
}

// flowList warns when a comma inside a one-line list split one entry into several: an entry opens a bracket
// "(" that a later entry closes.
func (d *decoder) flowList(n *yaml.Node, path string) {
	if n.Style&yaml.FlowStyle == 0 {
		return
	}
	for i := 0; i+1 < len(n.Content); i++ {
		a := n.Content[i]
		if a.Kind != yaml.ScalarNode || a.Style != 0 || strings.Count(a.Value, "(") <= strings.Count(a.Value, ")") {
			continue
		}
		for j := i + 1; j < len(n.Content); j++ {
			b := n.Content[j]
			if b.Kind != yaml.ScalarNode || b.Style != 0 {
				break
			}
			if strings.Count(b.Value, ")") > strings.Count(b.Value, "(") {
				parts := make([]string, 0, j-i+1)
				for _, c := range n.Content[i : j+1] {
					parts = append(parts, fmt.Sprintf("%q", short(c.Value)))
				}
				list := strings.Join(parts, ", ")
				d.warnf(a, fmt.Sprintf("%s[%d]", path, i),
					fmt.Sprintf("dấu phẩy trong danh sách [ … ] đã tách một mục thành %d mục: %s; nếu đó là một mục, hãy đặt nó trong dấu ngoặc kép", j-i+1, list),
					fmt.Sprintf("a comma inside the [ … ] list split one entry into %d: %s; if it is one entry, put it in double quotes", j-i+1, list))
				i = j
				break
			}
		}
	}
}

// cutByComment warns when a plain one-line text value is followed by " #" with a single space: YAML read the
// rest of the line as a comment, which the writer probably meant as part of the text.
func (d *decoder) cutByComment(n *yaml.Node, path string) {
	if n.Style != 0 || n.LineComment == "" || n.Line < 1 || n.Line > len(d.lines) {
		return
	}
	line := d.lines[n.Line-1]
	// The byte offset of the value's start: its column counts characters.
	start, col := 0, 1
	for start < len(line) && col < n.Column {
		_, size := utf8.DecodeRuneInString(line[start:])
		start += size
		col++
	}
	rest, ok := strings.CutPrefix(line[start:], n.Value)
	if !ok || !strings.HasPrefix(rest, " #") {
		return // a value over several lines, or a comment set apart with two or more spaces
	}
	cut := strings.TrimSpace(rest[2:])
	d.warnf(n, path,
		fmt.Sprintf("giá trị bị cắt ở \" #\": phần \"#%s\" được đọc là ghi chú, không vào văn bản; nếu \"#\" thuộc giá trị, hãy đặt cả giá trị trong dấu ngoặc kép", short(cut)),
		fmt.Sprintf("the value is cut at \" #\": \"#%s\" was read as a comment, not as text; if the \"#\" belongs to the value, put the whole value in double quotes", short(cut)))
}

// flowMapNote explains a one-line { … } mapping written where a text or a list was meant: its commas split it
// into keys. It returns "" for other nodes.
func flowMapNote(n *yaml.Node) (vi, en string) {
	if n.Kind != yaml.MappingNode || n.Style&yaml.FlowStyle == 0 {
		return "", ""
	}
	var keys []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		if v := n.Content[i+1]; v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			keys = append(keys, fmt.Sprintf("%q", short(n.Content[i].Value)))
		}
	}
	if len(keys) == 0 {
		return "", ""
	}
	list := strings.Join(keys, ", ")
	return fmt.Sprintf("; dấu { … } trên một dòng là một bảng khóa: giá trị, nên dấu phẩy bên trong tách nó thành các khóa %s; nếu đây là văn bản, hãy đặt cả giá trị trong dấu ngoặc kép, nếu là danh sách, dùng [ … ]", list),
		fmt.Sprintf("; { … } on one line is a mapping of keys to values, so the commas inside split it into the keys %s; if this is text, put the whole value in double quotes, if it is a list, use [ … ]", list)
}
