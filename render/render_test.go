package render_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/problem"
	"github.com/vanban/vanban/render"
)

const example = "../examples/duc-pho-2023"

// memory is a Sink keeping the outputs in a map.
type memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memory) put(_ context.Context, name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = data
	return nil
}

func exampleFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	entries, err := os.ReadDir(example)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(example, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys["duc-pho/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func TestRunDirAndFSAgree(t *testing.T) {
	out := t.TempDir()
	rep, err := render.Run(context.Background(), render.Dir(out), render.Options{}, example)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Outputs) != 9 || len(rep.Inputs) != 9 {
		t.Fatalf("%d outputs from %d inputs", len(rep.Outputs), len(rep.Inputs))
	}
	var m memory
	if _, err := render.Run(context.Background(), render.SinkFunc(m.put), render.Options{FS: exampleFS(t)}, "duc-pho"); err != nil {
		t.Fatal(err)
	}
	for _, o := range rep.Outputs {
		disk, err := os.ReadFile(filepath.Join(out, o.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(disk, m.files[o.Name]) {
			t.Errorf("%s: the fs.FS run made other bytes", o.Name)
		}
	}
}

func TestRunWritesNothingOnError(t *testing.T) {
	fsys := exampleFS(t)
	fsys["duc-pho/session-q3.yaml"].Data = bytes.Replace(fsys["duc-pho/session-q3.yaml"].Data, []byte("held_on:"), []byte("held_onn:"), 1)
	fsys["duc-pho/zz.yaml"] = &fstest.MapFile{Data: []byte("kind: memo\n")}
	var m memory
	rep, err := render.Run(context.Background(), render.SinkFunc(m.put), render.Options{FS: fsys}, "duc-pho")
	if err == nil || len(m.files) > 0 {
		t.Fatalf("error %v, %d files written", err, len(m.files))
	}
	var list problem.List
	if !errors.As(err, &list) {
		t.Fatalf("not a problem.List: %v", err)
	}
	files := map[string]bool{}
	for _, e := range list {
		files[e.File] = true
	}
	if !files["duc-pho/session-q3.yaml"] || !files["duc-pho/zz.yaml"] {
		t.Errorf("the errors of both files are not reported together:\n%v", err)
	}
	if rep.Failed["duc-pho/zz.yaml"] == nil || rep.Failed["duc-pho/session-q3.yaml"] == nil || rep.Failed["duc-pho/plan.yaml"] != nil {
		t.Errorf("Failed: %v", rep.Failed)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var m memory
	n := 0
	sink := func(ctx context.Context, name string, data []byte) error {
		n++
		if n == 2 {
			cancel()
		}
		return m.put(ctx, name, data)
	}
	rep, err := render.Run(ctx, render.SinkFunc(sink), render.Options{}, example)
	if !errors.Is(err, context.Canceled) || len(rep.Outputs) != 2 {
		t.Errorf("err %v after %d outputs", err, len(rep.Outputs))
	}
}

// The whole cycle of an example directory, rendered into any sink; each output arrives as it is made.
func ExampleRun() {
	var names []string
	sink := func(_ context.Context, name string, data []byte) error {
		names = append(names, name)
		return nil
	}
	rep, err := render.Run(context.Background(), render.SinkFunc(sink), render.Options{}, "../examples/phuong-2026")
	if err != nil {
		fmt.Println(err) // every problem of every file, with file:line:col, in Vietnamese and English
		return
	}
	sort.Strings(names)
	fmt.Println(names, len(rep.Warnings))
	// Output: [conclusion-q1.docx invitation-q2.docx ke-hoach-doi-thoai-2026.docx lich-doi-thoai-2026.ics reception-2026.docx] 0
}

// TestRunSkipsHiddenFolders: a directory's hidden folders (.vanban-backup, where vanban serve keeps the
// previous versions; .git) are not read: their copies would make the same outputs twice.
func TestRunSkipsHiddenFolders(t *testing.T) {
	fsys := exampleFS(t)
	fsys["duc-pho/.vanban-backup/session-q1.1.yaml"] = fsys["duc-pho/session-q1.yaml"]
	fsys["duc-pho/.git/x.yaml"] = &fstest.MapFile{Data: []byte("kind: memo\n")}
	rep, err := render.Run(context.Background(), render.Discard, render.Options{FS: fsys}, "duc-pho")
	if err != nil || len(rep.Inputs) != 9 {
		t.Fatalf("%v; inputs %v", err, rep.Inputs)
	}
	// A hidden folder named itself is read.
	if _, err := render.Run(context.Background(), render.Discard, render.Options{FS: fsys}, "duc-pho/.git"); err == nil {
		t.Error("a hidden folder named on the command line is not read")
	}
}

// Two inputs making one output name: reported at the output key of the second, with its line and column.
func TestDuplicateOutputAtItsKey(t *testing.T) {
	fsys := exampleFS(t)
	plan := fsys["duc-pho/plan.yaml"].Data
	fsys["duc-pho/plan-copy.yaml"] = &fstest.MapFile{Data: plan}
	_, err := render.Run(context.Background(), render.Discard, render.Options{FS: fsys}, "duc-pho/plan.yaml", "duc-pho/plan-copy.yaml")
	var pe *problem.Error
	if !errors.As(err, &pe) || pe.File != "duc-pho/plan-copy.yaml" || pe.Path != "output" || pe.Line <= 1 {
		t.Fatalf("%v", err)
	}
	// The message names both files and the fix, in both languages.
	for _, want := range []string{"duc-pho/plan.yaml", "duc-pho/plan-copy.yaml", "output:"} {
		if !strings.Contains(pe.VI, want) || !strings.Contains(pe.EN, want) {
			t.Errorf("the clash does not name %q: %s / %s", want, pe.VI, pe.EN)
		}
	}
	if !strings.Contains(pe.EN, "one of the two files") || !strings.Contains(pe.VI, "một trong hai tệp") {
		t.Errorf("the clash does not say the fix: %s / %s", pe.VI, pe.EN)
	}
	// A name no file system takes is refused at the key, before anything is written.
	fsys["duc-pho/plan.yaml"].Data = bytes.Replace(plan, []byte("output: ke-hoach-doi-thoai-2023.docx"), []byte("output: CON.docx"), 1)
	_, err = render.Run(context.Background(), render.Discard, render.Options{FS: fsys}, "duc-pho/plan.yaml")
	if !errors.As(err, &pe) || pe.Path != "output" || pe.Line <= 1 || pe.EN == "" {
		t.Fatalf("CON.docx: %v", err)
	}
}

// A plan's calendar takes that plan's files only, however many other directories the run renders.
func TestCalendarExportKeepsToItsPlan(t *testing.T) {
	var alone, together memory
	if _, err := render.Run(context.Background(), render.SinkFunc(alone.put), render.Options{}, "../examples/phuong-2026"); err != nil {
		t.Fatal(err)
	}
	if _, err := render.Run(context.Background(), render.SinkFunc(together.put), render.Options{}, "../examples/office-adhoc", "../examples/phuong-2026"); err != nil {
		t.Fatal(err)
	}
	const ics = "lich-doi-thoai-2026.ics"
	if len(alone.files[ics]) == 0 || !bytes.Equal(alone.files[ics], together.files[ics]) {
		t.Error("the calendar changed when another directory was rendered in the same run")
	}
}

// Plans that no other input refers to are checked and rendered one by one (memory does not grow with their
// number), yet a broken plan late in the run still means nothing is given to a plain sink, nothing is written
// by Dir, and every problem of every plan comes back together.
func TestRunManyPlansAllOrNothing(t *testing.T) {
	fsys := exampleFS(t)
	plan := fsys["duc-pho/plan.yaml"].Data
	many := fstest.MapFS{}
	for i := range 12 {
		data := bytes.Replace(plan, []byte("output: ke-hoach-doi-thoai-2023.docx"), []byte(fmt.Sprintf("output: p%02d.docx", i)), 1)
		if i == 4 || i == 10 {
			data = bytes.Replace(data, []byte("summary:"), []byte("summaryy:"), 1)
		}
		many[fmt.Sprintf("plans/p%02d.yaml", i)] = &fstest.MapFile{Data: data}
	}
	var m memory
	rep, err := render.Run(context.Background(), render.SinkFunc(m.put), render.Options{FS: many}, "plans")
	if err == nil || len(m.files) > 0 || len(rep.Outputs) > 0 {
		t.Fatalf("error %v, %d files given to the sink", err, len(m.files))
	}
	if len(rep.Failed) != 2 || rep.Failed["plans/p04.yaml"] == nil || rep.Failed["plans/p10.yaml"] == nil {
		t.Errorf("Failed: %v", rep.Failed)
	}
	for _, sink := range []render.Sink{render.Discard, render.SinkFunc(m.put)} {
		rep, err := render.Run(context.Background(), sink, render.Options{FS: many}, "plans/p00.yaml", "plans/p01.yaml")
		if err != nil || len(rep.Outputs) != 2 || rep.Outputs[1].Name != "p01.docx" {
			t.Errorf("%v: %v", err, rep.Outputs)
		}
	}
	if len(m.files) != 2 {
		t.Errorf("%d files given to the sink", len(m.files))
	}

	// On disk, with Dir: one pass, and nothing written when a late plan fails.
	dir := t.TempDir()
	for name, f := range many {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	rep, err = render.Run(context.Background(), render.Dir(out), render.Options{}, filepath.Join(dir, "plans"))
	var list problem.List
	if !errors.As(err, &list) || len(rep.Failed) != 2 || len(rep.Outputs) != 0 {
		t.Fatalf("%v; failed %v; outputs %v", err, rep.Failed, rep.Outputs)
	}
	if es, _ := os.ReadDir(out); len(es) != 0 {
		t.Errorf("a failed run left %d entries", len(es))
	}
}
