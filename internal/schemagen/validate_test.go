package schemagen

import (
	"reflect"
	"strings"
	"testing"
)

type testItem struct {
	Name string `yaml:"name" validate:"required"`
	N    int    `yaml:"n,omitempty" validate:"min=1,max=9"`
}

type testDoc struct {
	Kind  string     `yaml:"kind" validate:"required"`
	Date  string     `yaml:"date,omitempty" enum:"a,b"`
	Items []testItem `yaml:"items" validate:"required,min=1,dive"`
	Tags  []string   `yaml:"tags,omitempty"`
}

// TestValidate: the validator finds what the generated schema says, so the example tests built on it can fail.
func TestValidate(t *testing.T) {
	g := &Generator{}
	schema := g.Schema(reflect.TypeFor[testDoc](), "x", "x", "test")
	for doc, want := range map[string]string{
		"kind: test\nitems: [{name: a, n: 3}]\n":         "",
		"kind: test\nitems: [{name: a, n: \"03\"}]\n":    "",
		"kind: test\nitems: [{name: a, n: 08}]\n":        "",
		"kind: other\nitems: [{name: a}]\n":              "kind: is other, want test",
		"kind: test\nitems: []\n":                        "items: 0 items, minItems 1",
		"kind: test\nitems: [{name: a, n: 12}]\n":        "items[0].n: 12 is outside the maximum 9",
		"kind: test\nitems: [{name: a, n: x}]\n":         `items[0].n: "x" does not match`,
		"kind: test\nitems: [{n: 1}]\n":                  `items[0]: missing required key "name"`,
		"kind: test\nitems: [{name: a}]\nextra: 1\n":     "extra: key not allowed",
		"kind: test\nitems: [{name: a}]\ndate: c\n":      "date: c is not one of [a b]",
		"kind: test\nitems: [{name: a}]\ntags: [x, 2]\n": "tags[1]: is integer, want string",
		"kind: test\nitems: [{name: \"\"}]\n":            "items[0].name: length 0, minLength 1",
		"kind: test\nitems: {name: a}\n":                 "items: is object, want array",
	} {
		got, err := Validate(schema, []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], want)) {
			t.Errorf("%q: got %q, want %q", doc, got, want)
		}
	}
	if got, _ := Validate([]byte(`{"type":"object","unknownKeyword":1}`), []byte("a: 1")); len(got) != 1 {
		t.Errorf("unknown keyword: %q", got)
	}
}
