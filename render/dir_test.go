package render_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vanban/vanban/render"
)

// cancelAfter wraps Dir and cancels the run after n outputs.
type cancelAfter struct {
	*render.DirSink
	n      int
	cancel func()
}

func (c *cancelAfter) Put(ctx context.Context, name string, data []byte) error {
	if err := c.DirSink.Put(ctx, name, data); err != nil {
		return err
	}
	if c.n--; c.n == 0 {
		c.cancel()
	}
	return nil
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestDirIsAllOrNothing(t *testing.T) {
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rep, err := render.Run(ctx, &cancelAfter{render.Dir(out), 3, cancel}, render.Options{}, example)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if got := entries(t, out); len(got) != 0 || len(rep.Outputs) != 0 {
		t.Errorf("a cancelled run left %v (report: %v)", got, rep.Outputs)
	}
}

// A run that fails into a directory that did not exist leaves no directory behind either.
func TestDirAbortRemovesWhatItCreated(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "a", "b")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := render.Run(ctx, &cancelAfter{render.Dir(out), 3, cancel}, render.Options{}, example); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if got := entries(t, parent); len(got) != 0 {
		t.Errorf("a failed run left %v", got)
	}
}

func TestDirRespectsReadOnlyAndModes(t *testing.T) {
	out := t.TempDir()
	ro := filepath.Join(out, "session-q1.docx")
	if err := os.WriteFile(ro, []byte("mine"), 0o444); err != nil {
		t.Fatal(err)
	}
	_, err := render.Run(context.Background(), render.Dir(out), render.Options{}, example)
	if !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("read-only output: %v", err)
	}
	if b, _ := os.ReadFile(ro); string(b) != "mine" || len(entries(t, out)) != 1 {
		t.Errorf("the read-only file was replaced, or others written: %v", entries(t, out))
	}

	// A writable output keeps its mode; what a killed run left is cleaned.
	os.Chmod(ro, 0o600)
	os.WriteFile(filepath.Join(out, ".plan.docx.tmp-123"), []byte("x"), 0o644)
	os.Mkdir(filepath.Join(out, ".vanban-stage-999"), 0o755)
	old := time.Now().Add(-time.Hour)
	for _, n := range []string{".plan.docx.tmp-123", ".vanban-stage-999"} {
		if err := os.Chtimes(filepath.Join(out, n), old, old); err != nil {
			t.Fatal(err)
		}
	}
	// What another run is writing at this moment is its own: not touched.
	os.Mkdir(filepath.Join(out, ".vanban-stage-busy"), 0o755)
	os.WriteFile(filepath.Join(out, ".vanban-stage-busy", "x.docx"), []byte("x"), 0o644)
	if _, err := render.Run(context.Background(), render.Dir(out), render.Options{}, example); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(ro); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, %v", st.Mode(), err)
	}
	for _, name := range entries(t, out) {
		if name[0] == '.' && name != ".vanban-stage-busy" {
			t.Errorf("left behind: %s", name)
		}
	}
	if _, err := os.Stat(filepath.Join(out, ".vanban-stage-busy", "x.docx")); err != nil {
		t.Errorf("the staging directory of a run in progress was removed: %v", err)
	}
	os.RemoveAll(filepath.Join(out, ".vanban-stage-busy"))
	if n := len(entries(t, out)); n != 9 {
		t.Errorf("%d files", n)
	}
}
