package source

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

type when struct{ s string }

func (w *when) UnmarshalYAML(n *yaml.Node) error {
	if !strings.HasPrefix(n.Value, "20") {
		return Msg("thời gian sai", "bad time")
	}
	w.s = n.Value
	return nil
}

// pair decodes itself from {a, b} with scalar values, as plan.Recipient does.
type pair struct{ a, b string }

func (p *pair) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return Msg("cần {a, b}", "want {a, b}")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i+1].Kind != yaml.ScalarNode {
			return Msg(n.Content[i].Value+" phải là chuỗi", n.Content[i].Value+" must be a string")
		}
		if n.Content[i].Value == "a" {
			p.a = n.Content[i+1].Value
		} else {
			p.b = n.Content[i+1].Value
		}
	}
	return nil
}

type item struct {
	ID      string `yaml:"id" validate:"required"`
	Quarter int    `yaml:"quarter" validate:"min=1,max=4"`
	When    when   `yaml:"when"`
}

type doc struct {
	Kind  string            `yaml:"kind" validate:"required,oneof=plan session"`
	Name  string            `yaml:"name" validate:"required"`
	Tags  []string          `yaml:"tags" validate:"max=2"`
	Items []item            `yaml:"items" validate:"dive"`
	Flag  bool              `yaml:"flag"`
	Ptr   *int              `yaml:"ptr"`
	Extra map[string]string `yaml:"extra"`
	Pairs []pair            `yaml:"pairs"`
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"ok", "kind: plan\nname: x\nitems:\n  - id: a\n    quarter: 2\n    when: 2023-03\n", nil},
		{"unknown key", "kind: plan\nname: x\nnmae: y\n", []string{`f.yaml:3:1: nmae: khóa không hợp lệ "nmae"; có phải ý bạn là "name"? / unknown key "nmae"; did you mean "name"?`}},
		{"duplicate key", "kind: plan\nname: x\nname: y\n", []string{`f.yaml:3:1: name: khóa "name" bị lặp (đã có ở dòng 2) / duplicate key "name" (already at line 2)`}},
		{"string for list", "kind: plan\nname: x\ntags: abc\n", []string{`f.yaml:3:7: tags: cần một danh sách (mỗi mục bắt đầu bằng "- "), nhưng gặp giá trị "abc" / expected a list (each item starting with "- "), found the value "abc"`}},
		{"word for int", "kind: plan\nname: x\nitems:\n  - id: a\n    quarter: two\n", []string{`f.yaml:5:14: items[0].quarter: cần một số nguyên, nhưng gặp giá trị "two" / expected an integer, found the value "two"`}},
		{"custom", "kind: plan\nname: x\nitems:\n  - id: a\n    quarter: 1\n    when: soon\n", []string{`f.yaml:6:11: items[0].when: thời gian sai / bad time`}},
		{"validator", "kind: notice\nitems:\n  - quarter: 5\n", []string{
			`f.yaml:1:1: name: thiếu giá trị bắt buộc / a value is required`,
			`f.yaml:1:7: kind: giá trị "notice" không hợp lệ; chỉ được là một trong: plan, session / invalid value "notice"; must be one of: plan, session`,
			`f.yaml:3:5: items[0].id: thiếu giá trị bắt buộc / a value is required`,
			`f.yaml:3:14: items[0].quarter: phải nhỏ hơn hoặc bằng 4 (đang là 5) / must be at most 4 (is 5)`,
		}},
		// Decoding errors do not stop the validator: kind is checked next to the misspelt key, and no error is
		// added for a field that failed to decode (name, which "nmae" was meant to be; items[0].quarter).
		{"all at once", "kind: notice\nnmae: y\nitems:\n  - quarter: two\n", []string{
			`f.yaml:1:7: kind: giá trị "notice" không hợp lệ; chỉ được là một trong: plan, session / invalid value "notice"; must be one of: plan, session`,
			`f.yaml:2:1: nmae: khóa không hợp lệ "nmae"; có phải ý bạn là "name"? / unknown key "nmae"; did you mean "name"?`,
			`f.yaml:4:5: items[0].id: thiếu giá trị bắt buộc / a value is required`,
			`f.yaml:4:14: items[0].quarter: cần một số nguyên, nhưng gặp giá trị "two" / expected an integer, found the value "two"`,
		}},
		{"failed parent", "kind: plan\nname: x\nitems: abc\n", []string{`f.yaml:3:8: items: cần một danh sách (mỗi mục bắt đầu bằng "- "), nhưng gặp giá trị "abc" / expected a list (each item starting with "- "), found the value "abc"`}},
		{"empty", "", []string{`f.yaml:1:1: tệp rỗng / file is empty`}},
		{"syntax", "kind: [\n", []string{`f.yaml:1:1: lỗi cú pháp YAML: did not find expected node content / YAML syntax error: did not find expected node content`}},
		{"unclosed flow list", "kind: plan\nissuer: [a, b\nsummary: x\n", []string{`f.yaml:2:9: lỗi cú pháp YAML: danh sách [ … ] hoặc bảng { … } viết trên một dòng chưa được đóng, hoặc thiếu dấu phẩy (did not find expected ',' or ']') / YAML syntax error: did not find expected ',' or ']'`}},
		{"tab indentation", "kind: plan\nitems:\n  - id: a\n  \tquarter: 1\n", []string{`f.yaml:4:3: lỗi cú pháp YAML: dùng ký tự tab để thụt lề hoặc ngăn cách; YAML chỉ chấp nhận dấu cách: thay tab bằng dấu cách (found a tab character that violates indentation) / YAML syntax error: found a tab character that violates indentation`}},
		{"tab at key", "kind: plan\n\tname: x\n", []string{`f.yaml:2:1: lỗi cú pháp YAML: dùng ký tự tab để thụt lề hoặc ngăn cách; YAML chỉ chấp nhận dấu cách: thay tab bằng dấu cách (found a tab character that violates indentation) / YAML syntax error: found a tab character that violates indentation`}},
		{"unclosed quote", "kind: plan\nname: \"Lắng nghe\ntags: [a]\n", []string{`f.yaml:2:7: lỗi cú pháp YAML: dấu ngoặc " mở ở đây nhưng không được đóng; thêm dấu " ở cuối giá trị (found unexpected end of stream) / YAML syntax error: found unexpected end of stream`}},
		{"bad indentation", "kind: plan\nitems:\n  - id: a\n   quarter: 1\n", []string{`f.yaml:2:1: lỗi cú pháp YAML: thụt lề không đúng ở dòng này hoặc các dòng ngay sau: các khóa cùng cấp phải thẳng cột, các mục "- " của một danh sách cũng vậy (did not find expected '-' indicator) / YAML syntax error: did not find expected '-' indicator`}},
		{"tab after dash", "kind: plan\nname: x\ntags:\n- a\n-\tb\n", []string{`f.yaml:5:2: lỗi cú pháp YAML: dùng ký tự tab để thụt lề hoặc ngăn cách; YAML chỉ chấp nhận dấu cách: thay tab bằng dấu cách (found character that cannot start any token) / YAML syntax error: found character that cannot start any token`}},
		{"tab after key", "kind: plan\nname: x\nitems:\n  - id: a\n    quarter:\n\t1\n", []string{`f.yaml:6:1: lỗi cú pháp YAML: dùng ký tự tab để thụt lề hoặc ngăn cách; YAML chỉ chấp nhận dấu cách: thay tab bằng dấu cách (found character that cannot start any token) / YAML syntax error: found character that cannot start any token`}},
		{"colon twice", "kind: plan\nname: a: b\n", []string{`f.yaml:2:8: lỗi cú pháp YAML: dấu ": " xuất hiện hai lần trong một giá trị, hoặc thụt lề không đúng; nếu giá trị chứa ": ", hãy đặt nó trong dấu ngoặc kép (mapping values are not allowed in this context) / YAML syntax error: mapping values are not allowed in this context`}},
		{"NUL byte", "kind: plan\nname: Lắng\x00 nghe\n", []string{`f.yaml:2:11: tệp chứa ký tự điều khiển U+0000, không được phép trong YAML (thường do sao chép từ phần mềm khác); hãy xóa ký tự này / the file contains the control character U+0000, which YAML does not allow (it often comes from copying from another program); delete it`}},
		{"escaped control character", "kind: plan\nname: \"Lắng\\x01 nghe.\"\ntags: [\"a\\0\"]\n", []string{
			`f.yaml:2:7: name: văn bản chứa ký tự điều khiển U+0001 ở ký tự thứ 5, không dùng được trong văn bản Word; hãy xóa ký tự này (hoặc chuỗi thoát như "\x01" tạo ra nó) / the text contains the control character U+0001 at character 5, which a Word document cannot hold; delete it (or the escape such as "\x01" that makes it)`,
			`f.yaml:3:8: tags[0]: văn bản chứa ký tự điều khiển U+0000 ở ký tự thứ 2, không dùng được trong văn bản Word; hãy xóa ký tự này (hoặc chuỗi thoát như "\x01" tạo ra nó) / the text contains the control character U+0000 at character 2, which a Word document cannot hold; delete it (or the escape such as "\x01" that makes it)`,
		}},
		{"control character in a custom value", "kind: plan\nname: x\npairs:\n  - {a: \"x\\ay\", b: c}\n", []string{
			`f.yaml:4:9: pairs[0].a: văn bản chứa ký tự điều khiển U+0007 ở ký tự thứ 2, không dùng được trong văn bản Word; hãy xóa ký tự này (hoặc chuỗi thoát như "\x01" tạo ra nó) / the text contains the control character U+0007 at character 2, which a Word document cannot hold; delete it (or the escape such as "\x01" that makes it)`,
		}},
		{"aliases in a custom value", "kind: plan\nname: &a0 x\npairs:\n  - {a: *a0, b: *a0}\n  - &p {a: y, b: z}\n  - *p\n", nil},
		{"two docs", "kind: plan\n---\nkind: plan\n", []string{`f.yaml:2:1: tệp chỉ được chứa một tài liệu YAML / the file must hold a single YAML document`}},
		{"alias ok", "kind: plan\nname: &n x\nextra: {a: *n}\n", nil},
		{"merge", "kind: plan\nname: x\nextra:\n  <<: {a: b}\n", []string{`f.yaml:4:3: extra: không hỗ trợ khóa gộp "<<"; hãy viết đầy đủ các khóa / merge keys "<<" are not supported; write the keys out`}},
		{"bool", "kind: plan\nname: x\nflag: 1\n", []string{`f.yaml:3:7: flag: cần true hoặc false, nhưng gặp giá trị "1" / expected true or false, found the value "1"`}},
		{"not mapping", "- a\n", []string{`f.yaml:1:1: cần một bảng khóa: giá trị, nhưng gặp một danh sách / expected a mapping of keys to values, found a list`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			_, errs := Load("f.yaml", []byte(tt.in), &d)
			errs.Sort()
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestFilter(t *testing.T) {
	var d doc
	src, _ := Decode("f.yaml", []byte("kind: plan\nitems:\n  - id: a\n    when: soon\n  - id: b\n"), &d)
	for path, want := range map[string]bool{
		"items[0].when": true, "items[0].when.x": true, "items[0]": false, "items[1].when": false, "items": false,
	} {
		if got := src.DecodeFailed(path); got != want {
			t.Errorf("DecodeFailed(%q) = %v, want %v", path, got, want)
		}
	}
	errs := Errors{src.Errorf("items[0].when", "a", "a"), src.Errorf("items[1].id", "b", "b"), src.Errorf("", "c", "c")}
	if got := src.Filter(errs); len(got) != 2 || got[0].Path != "items[1].id" || got[1].Path != "" {
		t.Errorf("Filter kept %v", got)
	}
}

func TestPositions(t *testing.T) {
	var d doc
	src, errs := Load("f.yaml", []byte("kind: plan\nname: x\nitems:\n  - id: a\n    quarter: 2\n"), &d)
	if errs != nil {
		t.Fatal(errs)
	}
	if p := src.At("items[0].quarter"); p != (Pos{5, 14}) {
		t.Errorf("At = %v", p)
	}
	if p := src.At("items[0].when"); p != (Pos{4, 5}) {
		t.Errorf("At missing = %v", p)
	}
	e := src.Errorf("items[0].quarter", "sai", "wrong")
	if e.Error() != "f.yaml:5:14: items[0].quarter: sai / wrong" {
		t.Errorf("Errorf = %s", e)
	}
	var err error = Errors{e}
	var one *Error
	if !errors.As(err, &one) || one != e {
		t.Error("errors.As failed")
	}
}

func TestBillionLaughs(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	var v map[string]any
	_, errs := Decode("f.yaml", []byte(b.String()), &v)
	_ = errs // must return quickly; interface values are decoded by yaml.v3 itself
	var d struct {
		A8 [][][][][][][][][]string `yaml:"a8"`
	}
	var s strings.Builder
	s.WriteString(strings.ReplaceAll(b.String(), "\n", "\n"))
	_, errs = Decode("f.yaml", []byte(strings.Replace(s.String(), "a8:", "a8:", 1)), &d)
	found := false
	for _, e := range errs {
		if strings.Contains(e.EN, "too complex") {
			found = true
		}
	}
	if !found {
		t.Errorf("no complexity error: %v", errs)
	}
}

func TestTooBig(t *testing.T) {
	var d doc
	_, errs := Load("f.yaml", make([]byte, MaxSize+1), &d)
	if len(errs) != 1 || !strings.Contains(errs[0].EN, "too large") {
		t.Fatal(errs)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("kind: plan\nname: x\nitems:\n  - id: a\n    quarter: 2\n")
	f.Add("a: &a [*a]\n")
	f.Add("kind: [\n")
	f.Add("<<: {a: 1}\n")
	f.Fuzz(func(t *testing.T, in string) {
		var d doc
		src, errs := Load("f.yaml", []byte(in), &d)
		if src == nil {
			t.Fatal("nil source")
		}
		for _, e := range errs {
			if strings.Contains(e.Error(), "\n") {
				t.Fatalf("multi-line error %q", e.Error())
			}
		}
	})
}
