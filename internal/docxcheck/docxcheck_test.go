package docxcheck

import (
	"os"
	"path/filepath"
	"testing"
)

func TestValidateRejectsJunk(t *testing.T) {
	p := filepath.Join(t.TempDir(), "junk.docx")
	if err := os.WriteFile(p, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	errs, ok, why, err := Run(p)
	if !ok {
		toolMissing(t, "Open XML validator", why)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) == 0 {
		t.Fatal("validator accepted a junk file")
	}
}

func TestToolMissingSkipsOrFails(t *testing.T) {
	// toolMissing must skip without VANBAN_REQUIRE_TOOLS and fail with it.
	t.Setenv(RequireToolsEnv, "")
	ft := &fakeTB{TB: t}
	func() {
		defer func() { recover() }()
		toolMissing(ft, "x", "y")
	}()
	if !ft.skipped || ft.failed {
		t.Errorf("without %s: skipped=%v failed=%v", RequireToolsEnv, ft.skipped, ft.failed)
	}
	t.Setenv(RequireToolsEnv, "1")
	ft = &fakeTB{TB: t}
	func() {
		defer func() { recover() }()
		toolMissing(ft, "x", "y")
	}()
	if !ft.failed {
		t.Errorf("with %s=1 a missing tool must fail", RequireToolsEnv)
	}
}

type fakeTB struct {
	testing.TB
	skipped, failed bool
}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Skip(args ...any)      { f.skipped = true; panic("skip") }
func (f *fakeTB) Fatalf(string, ...any) { f.failed = true; panic("fail") }
