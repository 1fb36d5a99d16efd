package source

import (
	"strings"
	"testing"
)

// TestSlips: the YAML slips that change a document silently are warned, at their line; a { … } written for a
// text or a list is explained rather than reported as unknown keys (issue 12).
func TestSlips(t *testing.T) {
	type sig struct {
		Position string `yaml:"position"`
		Name     string `yaml:"name"`
	}
	var v struct {
		Recipients []string `yaml:"recipients"`
		Venue      string   `yaml:"venue"`
		Note       string   `yaml:"note"`
		Summary    string   `yaml:"summary"`
		Signature  sig      `yaml:"signature"`
		Other      []string `yaml:"other"`
	}
	in := "recipients: [UBND tỉnh, Sở Nội vụ (báo cáo, phối hợp), Lưu VT]\n" +
		"venue: Phòng họp số 2 #3\n" +
		"note: x   # a deliberate comment\n" +
		"summary: {Kế hoạch, năm 2026}\n" +
		"signature: {Chủ tịch, Nguyễn Văn A}\n" +
		"other: [\"Sở (a, b)\", c (d), e]\n"
	src, errs := Decode("f.yaml", []byte(in), &v)
	wantErrs := []string{
		`f.yaml:4:10: summary: cần một chuỗi văn bản, nhưng gặp một bảng khóa: giá trị; dấu { … } trên một dòng là một bảng khóa: giá trị, nên dấu phẩy bên trong tách nó thành các khóa "Kế hoạch", "năm 2026"`,
		`f.yaml:5:12: signature: giá trị viết trong { … } không đọc được; dấu { … }`,
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors: %v", errs)
	}
	for i, w := range wantErrs {
		if !strings.HasPrefix(errs[i].Error(), w) || !strings.Contains(errs[i].EN, "double quotes") {
			t.Errorf("error %d: %v\nwant prefix %s", i, errs[i], w)
		}
	}
	warns := src.Warnings()
	wantWarns := []string{
		`f.yaml:1:25: recipients[1]: dấu phẩy trong danh sách [ … ] đã tách một mục thành 2 mục: "Sở Nội vụ (báo cáo", "phối hợp)"`,
		`f.yaml:2:8: venue: giá trị bị cắt ở " #": phần "#3" được đọc là ghi chú`,
	}
	if len(warns) != len(wantWarns) {
		t.Fatalf("warnings: %v", warns)
	}
	for i, w := range wantWarns {
		if !strings.HasPrefix(warns[i].Error(), w) || !strings.Contains(warns[i].Error(), " / ") {
			t.Errorf("warning %d: %v\nwant prefix %s", i, warns[i], w)
		}
	}
	if v.Venue != "Phòng họp số 2" || v.Note != "x" || len(v.Other) != 3 {
		t.Errorf("decoded %+v", v)
	}
}

// TestSyntaxPositions: a quote left open is reported where it opens, though yaml.v3 complains lines later;
// every syntax error has a column.
func TestSyntaxPositions(t *testing.T) {
	for in, want := range map[string]string{
		"kind: plan\nsummary: \"unclosed\nissuer:\n  name: \"x\"\nother: y\n": `f.yaml:2:10: lỗi cú pháp YAML: dấu ngoặc " mở ở đây`,
		"kind: plan\n  bad: 1\nx: 2\n":                                        "f.yaml:2:3: ",
		"kind: plan\nx:\n  - a\n - b\n":                                       "f.yaml:3:3: ",
	} {
		var x any
		_, errs := Decode("f.yaml", []byte(in), &x)
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), want) {
			t.Errorf("%q: got %v, want %s…", in, errs, want)
		}
	}
}
