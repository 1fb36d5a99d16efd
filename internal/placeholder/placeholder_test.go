package placeholder

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// oracle is the regular expression the package stands for.
var oracle = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

var cases = []string{
	"", "no placeholder", "{{deadline}}", "trong {{ deadline }} ngày, năm {{year}}.", "{{due.q1-1}}",
	"{{{x}}}", "{{ {{y}}", "{{a}b}} {{c}}", "}}{{", "{{}}", "{{ \t}}", "{{x y}}", "{{x\n}}", "{{Đồng}}",
	"{{a}}{{b}}", "{{{{a}}}}", "{", "{{", "{{a", "{{a}", "a}}",
}

func TestFindAllIsTheRegexp(t *testing.T) {
	for _, s := range cases {
		if got, want := FindAll(s), oracle.FindAllStringSubmatch(s, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("FindAll(%q) = %q, the regexp finds %q", s, got, want)
		}
	}
}

func TestReplace(t *testing.T) {
	f := func(whole, name string) string { return "<" + strings.ToUpper(name) + ">" }
	for _, s := range cases {
		want := oracle.ReplaceAllStringFunc(s, func(m string) string { return f(m, oracle.FindStringSubmatch(m)[1]) })
		if got := Replace(s, f); got != want {
			t.Errorf("Replace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFindAll(f *testing.F) {
	for _, s := range cases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FindAll(s), oracle.FindAllStringSubmatch(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("FindAll(%q) = %q, the regexp finds %q", s, got, want)
		}
	})
}
