package source

import (
	"fmt"
	"strings"
	"testing"
)

// TestAliasErrorsCapped: a small file whose aliases multiply one bad value reports MaxErrors errors and one
// line counting the others, not tens of thousands of lines (issue 13).
func TestAliasErrorsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [x, x, x, x, x, x, x, x, x, x]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e"} {
		fmt.Fprintf(&b, "%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", n, n, prev, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = n
	}
	var v struct {
		A []int       `yaml:"a"`
		B [][]int     `yaml:"b"`
		C [][][]int   `yaml:"c"`
		D [][][][]int `yaml:"d"`
		E [][][][][]int
	}
	_, errs := Load("bomb.yaml", []byte(b.String()), &v)
	if len(errs) != MaxErrors+1 {
		t.Fatalf("%d errors, want %d", len(errs), MaxErrors+1)
	}
	last := errs[len(errs)-1]
	if !strings.Contains(last.VI, "lỗi khác") || !strings.Contains(last.EN, "more") || last.Line == 0 {
		t.Errorf("last error: %v", last)
	}
	if n := len(strings.Split(errs.Error(), "\n")); n != MaxErrors+1 {
		t.Errorf("%d lines printed", n)
	}
	for i := 1; i < len(errs); i++ {
		if errs[i].Line < errs[i-1].Line {
			t.Errorf("not in file order at %d: %v after %v", i, errs[i], errs[i-1])
		}
	}
}
