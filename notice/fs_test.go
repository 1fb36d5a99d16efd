package notice_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/notice"
)

// LoadFS reads a set from any fs.FS and renders the same bytes as Load from disk.
func TestLoadFSMatchesDisk(t *testing.T) {
	disk, err := notice.Load(notice.Options{}, "../examples/duc-pho-2023")
	if err != nil {
		t.Fatal(err)
	}
	mem := fstest.MapFS{}
	entries, err := os.ReadDir("../examples/duc-pho-2023")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile("../examples/duc-pho-2023/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		mem["cycle/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	set, err := notice.LoadFS(mem, notice.Options{}, "cycle")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Sessions) != len(disk.Sessions) || len(set.Conclusions) != len(disk.Conclusions) || len(set.Plans) != 1 {
		t.Fatalf("LoadFS: %d sessions, %d conclusions, %d plans", len(set.Sessions), len(set.Conclusions), len(set.Plans))
	}
	for _, name := range []string{"conclusion-q1.yaml", "session-q2.yaml", "followup-2023-04-20.yaml"} {
		a, err := disk.Render("../examples/duc-pho-2023/" + name)
		if err != nil {
			t.Fatal(err)
		}
		b, err := set.Render("cycle/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != 1 || len(b) != 1 || a[0].Name != b[0].Name || !bytes.Equal(a[0].Data, b[0].Data) {
			t.Errorf("%s: LoadFS output differs from Load", name)
		}
	}
	// A file naming a plan that is not in the FS is reported at its plan key.
	delete(mem, "cycle/plan.yaml")
	_, err = notice.LoadFS(mem, notice.Options{}, "cycle/session-q1.yaml")
	if err == nil {
		t.Fatal("missing plan: no error")
	}
	if _, err := notice.LoadFS(mem, notice.Options{}, "nowhere.yaml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing input: errors.Is(err, fs.ErrNotExist) false: %v", err)
	}
}
