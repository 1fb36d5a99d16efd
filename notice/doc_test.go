package notice

import (
	"go/doc/comment"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
)

// docSnippets returns the code blocks of the package comment of a Go file, each split at its blank lines: the
// YAML examples of the format (and the tables that are not YAML).
func docSnippets(t *testing.T, file string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatalf("%s has no package comment", file)
	}
	var p comment.Parser
	var out []string
	for _, b := range p.Parse(f.Doc.Text()).Content {
		c, ok := b.(*comment.Code)
		if !ok {
			continue
		}
		for _, s := range strings.Split(c.Text, "\n\n") {
			if s = strings.Trim(s, "\n"); s != "" {
				out = append(out, s+"\n")
			}
		}
	}
	return out
}

// notYAML are the first words of the code blocks of the package comments that are tables, not YAML.
var notYAML = []string{"opinions_open ", "session:     chair "}

// TestDocYAML decodes strictly every YAML example of the package comments of notice (doc.go) and plan
// (../plan/doc.go): the whole plan through plan.Parse (all its rules), each notice file by its kind through
// the loader's decoding and validation, the fragments (a signature, petitions, headings and free blocks) into
// the type they belong to. Elided values ("…") decode as strings.
func TestDocYAML(t *testing.T) {
	check := func(t *testing.T, name, snippet string, errs problem.List) {
		t.Helper()
		if len(errs) > 0 {
			t.Errorf("%s: the example does not decode:\n%v\n--- example ---\n%s", name, errs, snippet)
		}
	}
	decode := func(name, snippet string, v any) problem.List {
		_, errs := source.Decode(name, []byte(snippet), v)
		return errs
	}
	load := func(name, snippet string, v any) problem.List {
		_, errs := source.Load(name, []byte(snippet), v)
		return errs
	}
	yamlSnippets := func(file string) []string {
		var out []string
	next:
		for _, s := range docSnippets(t, file) {
			for _, p := range notYAML {
				if strings.HasPrefix(s, p) {
					continue next
				}
			}
			out = append(out, s)
		}
		return out
	}

	plans := yamlSnippets("../plan/doc.go")
	kinds := map[string]int{}
	for i, s := range plans {
		name := "plan/doc.go#" + string(rune('1'+i))
		switch {
		case strings.HasPrefix(s, "kind: plan ") || strings.HasPrefix(s, "kind: plan\n"):
			kinds["plan"]++
			if _, err := plan.Parse(name, []byte(s)); err != nil {
				t.Errorf("%s: the example plan does not parse:\n%v\n--- example ---\n%s", name, err, s)
			}
		case strings.HasPrefix(s, "signature:"):
			kinds["signature"]++
			var p plan.Plan
			check(t, name, s, decode(name, s, &p))
			if p.Signature.SubMark == "" || p.Signature.SubAuthority == "" {
				t.Errorf("%s: the State signature shows no sub_mark / sub_authority", name)
			}
		default:
			t.Errorf("%s: an example the test does not know; add it to TestDocYAML:\n%s", name, s)
		}
	}
	if kinds["plan"] != 1 || kinds["signature"] != 1 {
		t.Errorf("plan/doc.go: examples %v, want the plan and a State signature", kinds)
	}

	kinds = map[string]int{}
	for i, s := range yamlSnippets("doc.go") {
		name := "notice/doc.go#" + string(rune('1'+i))
		var v any
		full := true
		switch k := PeekKind([]byte(s)); k {
		case KindSession:
			v = &SessionFile{}
		case KindConclusion:
			v = &ConclusionFile{}
		case KindFollowup:
			v = &FollowupFile{}
		case KindReceptionSchedule:
			v = &ScheduleFile{}
		case KindCalendarExport:
			v = &ExportFile{}
		case "":
			// Fragments: the headings and free blocks, the petitions of a conclusion notice.
			v, full = &ConclusionFile{}, false
		default:
			t.Errorf("%s: unknown kind %q", name, k)
			continue
		}
		kinds[strings.SplitN(s, ":", 2)[0]+":"+PeekKind([]byte(s))]++
		if full {
			check(t, name, s, load(name, s, v))
		} else {
			check(t, name, s, decode(name, s, v))
		}
	}
	want := map[string]int{"kind:session": 1, "kind:conclusion": 1, "kind:followup": 1, "kind:reception-schedule": 1,
		"kind:calendar-export": 1, "headings:": 1, "petitions:": 1}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("notice/doc.go: %d examples %s, want %d (all: %v)", kinds[k], k, n, kinds)
		}
	}
}
