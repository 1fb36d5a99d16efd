package plan_test

// The integrator's tasks of issue 8, each a few lines of public API (the others: calendar's ExampleCalendar_Explain,
// ExamplePlan_Validate and TestRenderToAndContext here, render's ExampleRun and TestRunCancelled,
// examples/go/next-year and examples/go/http-handler).

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
	"github.com/vanban/vanban/templates"
)

// Inspecting an error's position in code: every problem of the file, each with its line, column and field path.
func ExampleParse_errorPosition() {
	_, err := plan.Parse("plan.yaml", []byte("kind: plan\nsumary: x\nconclusion_deadline_working_days: 99\n"))
	var list problem.List
	if errors.As(err, &list) {
		for _, e := range list {
			if e.Line > 1 { // the keys that are there; missing ones are at 1:1
				fmt.Printf("%s:%d:%d %s — %s\n", e.File, e.Line, e.Col, e.Path, e.EN)
			}
		}
	}
	// Output:
	// plan.yaml:2:1 sumary — unknown key "sumary"; did you mean "summary"?
	// plan.yaml:3:35 conclusion_deadline_working_days — must be at most 60 (is 99)
}

// An office's own letterhead: a .docx edited in Word from an embedded layout, checked against the document's
// system once, then used for every render.
func ExamplePlan_Render_letterhead() {
	letterhead, _ := templates.LayoutDocx("party") // in practice: os.ReadFile("my-letterhead.docx")
	opt, sys, err := document.ParseTemplate(letterhead, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := plan.Load("../examples/duc-pho-2023/plan.yaml")
	docx, err := p.Render(opt)
	fmt.Println(sys, len(docx) > 0, err)

	state, _ := templates.LayoutDocx("state") // a State letterhead named for Party documents is refused
	_, _, err = document.ParseTemplate(state, document.Party)
	fmt.Println(errors.Is(err, document.ErrTemplateSystem))
	// Output:
	// party true <nil>
	// true
}

// Rendering concurrently: one loaded plan, many goroutines, the same bytes (run with -race).
func TestConcurrentRendersIdentical(t *testing.T) {
	p, err := plan.Load("../examples/duc-pho-2023/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := p.Render()
	if err != nil {
		t.Fatal(err)
	}
	const n = 64
	var wg sync.WaitGroup
	outs := make([][]byte, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = p.Render()
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil || !bytes.Equal(outs[i], want) {
			t.Fatalf("render %d: %v, identical %v", i, errs[i], bytes.Equal(outs[i], want))
		}
	}
}
