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
		{"empty", "", []string{`f.yaml:1:1: tệp rỗng / file is empty`}},
		{"syntax", "kind: [\n", []string{`f.yaml:1: lỗi cú pháp YAML: did not find expected node content / YAML syntax error: did not find expected node content`}},
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
