package document

import (
	"errors"
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
	// The State letterhead forced on a Party document is refused by the option's check.
	if _, err := Render(party, WithTemplate(st)); !errors.Is(err, ErrTemplateSystem) {
		t.Errorf("State template on a Party document: %v", err)
	}
	pt, err := templates.Layout("party")
	if err != nil {
		t.Fatal(err)
	}
	forced, err := Render(party, WithTemplate(pt))
	if err != nil || string(forced) != string(plain) {
		t.Errorf("WithTemplate(party layout): %v", err)
	}

	// ParseTemplate tells the system from the heading, and refuses a template named for the other one.
	stateDocx, _ := templates.LayoutDocx("state")
	opt, sys, err := ParseTemplate(stateDocx, "")
	if err != nil || sys != State || opt == nil {
		t.Errorf("ParseTemplate(state, \"\") = %q, %v", sys, err)
	}
	if _, _, err := ParseTemplate(stateDocx, Party); !errors.Is(err, ErrTemplateSystem) {
		t.Errorf("ParseTemplate(state, party): %v", err)
	}
	if _, _, err := ParseTemplate([]byte("not a docx"), State); err == nil {
		t.Error("ParseTemplate(junk): no error")
	}
}
