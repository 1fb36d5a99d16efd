package problem_test

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/vanban/vanban/problem"
)

func TestErrorFormatAndChain(t *testing.T) {
	e := &problem.Error{File: "plan.yaml", Line: 31, Col: 14, Path: "sessions[1].quarter", VI: "quý sai", EN: "wrong quarter"}
	if got := e.Error(); got != "plan.yaml:31:14: sessions[1].quarter: quý sai / wrong quarter" {
		t.Errorf("%q", got)
	}
	if got := problem.New("summary", "thiếu", "missing").Error(); got != "summary: thiếu / missing" {
		t.Errorf("built in Go: %q", got)
	}
	missing := &problem.Error{File: "b.yaml", VI: "không mở được", EN: "cannot open", Err: fs.ErrNotExist}
	list := problem.List{e, missing, e}
	err := list.Err()
	if !errors.Is(err, fs.ErrNotExist) {
		t.Error("errors.Is does not reach the cause through the list")
	}
	var pe *problem.Error
	if !errors.As(fmt.Errorf("wrapped: %w", err), &pe) {
		t.Error("errors.As does not reach an *Error")
	}
	if got := err.(problem.List); len(got) != 2 || got[0] != missing {
		t.Errorf("not sorted and deduplicated: %v", got)
	}
	if problem.List(nil).Err() != nil {
		t.Error("an empty list is not a nil error")
	}
}

func TestFrom(t *testing.T) {
	if problem.From(nil) != nil {
		t.Error("From(nil)")
	}
	plain := errors.New("boom")
	got := problem.From(errors.Join(plain, &problem.Error{File: "x", VI: "a", EN: "b"}))
	if len(got) != 2 || !errors.Is(got[0], plain) || got[1].File != "x" {
		t.Errorf("%#v", got)
	}
}
