package templates

import (
	"bytes"
	"slices"
	"sync"
	"testing"
)

func TestLayoutNames(t *testing.T) {
	got := LayoutNames()
	for _, want := range []string{"party", "party-2026", "state"} {
		if !slices.Contains(got, want) {
			t.Errorf("LayoutNames() = %v, missing %q", got, want)
		}
	}
	if !slices.IsSorted(got) {
		t.Errorf("LayoutNames() = %v, not sorted", got)
	}
}

// TestLayoutsCompile checks that every embedded layout compiles once and zips to the same bytes each time.
func TestLayoutsCompile(t *testing.T) {
	for _, name := range LayoutNames() {
		t.Run(name, func(t *testing.T) {
			tpl, err := Layout(name)
			if err != nil {
				t.Fatal(err)
			}
			// That the layouts use only names of document.TemplateData is checked in package document
			// (TestLayoutByRuleSet), which owns that type.
			again, err := Layout(name)
			if err != nil || again != tpl {
				t.Errorf("Layout(%q) compiled twice or failed: %v", name, err)
			}
			a, err := LayoutDocx(name)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := LayoutDocx(name)
			if !bytes.Equal(a, b) {
				t.Error("LayoutDocx is not deterministic")
			}
			if _, err := Parse(a); err != nil {
				t.Errorf("Parse(LayoutDocx(%q)): %v", name, err)
			}
		})
	}
}

func TestLayoutUnknown(t *testing.T) {
	if _, err := Layout("nope"); err == nil {
		t.Error("Layout(\"nope\") gave no error")
	}
	if _, err := LayoutDocx("../party"); err == nil {
		t.Error("LayoutDocx(\"../party\") gave no error")
	}
}

func TestLayoutConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 16 {
		for _, name := range LayoutNames() {
			wg.Go(func() {
				if _, err := Layout(name); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
}
