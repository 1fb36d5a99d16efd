package document

import (
	"testing"

	"github.com/vanban/vanban/templates"
)

func TestDetectSystemAndTemplateFor(t *testing.T) {
	for name, want := range map[string]System{"party": Party, "party-2026": Party, "state": State} {
		b, err := templates.LayoutDocx(name)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := DetectSystem(b); !ok || got != want {
			t.Errorf("DetectSystem(%s) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if _, ok := DetectSystem([]byte("not a zip")); ok {
		t.Error("DetectSystem of junk: ok")
	}

	// A State template given for State documents leaves Party documents on their embedded layout.
	st, err := templates.Layout("state")
	if err != nil {
		t.Fatal(err)
	}
	party := seedDoc(t)
	withFor, err := Render(party, WithTemplateFor(State, st))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Render(party)
	if err != nil {
		t.Fatal(err)
	}
	if string(withFor) != string(plain) {
		t.Error("a State template changed a Party document")
	}
	forced, err := Render(party, WithTemplate(st))
	if err != nil {
		t.Fatal(err)
	}
	if string(forced) == string(plain) {
		t.Error("WithTemplate did not apply")
	}
}
