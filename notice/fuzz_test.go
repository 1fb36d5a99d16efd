package notice

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/calendar"
)

// fuzzKind fuzzes the loading of one kind of file: the seeds are the examples of that kind; the fuzzed file is
// a/x.yaml beside the files of examples/duc-pho-2023 (a/plan.yaml is its plan). Whatever its bytes, loading
// gives a set or errors — never a panic — and a set renders the file or says why not.
func fuzzKind(f *testing.F, kind string) {
	fsys := fstest.MapFS{}
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*", "*.yaml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		if filepath.Base(filepath.Dir(name)) == "duc-pho-2023" {
			fsys["a/"+filepath.Base(name)] = &fstest.MapFile{Data: data}
		}
		if PeekKind(data) == kind {
			f.Add(data)
		}
	}
	cal := calendar.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		m := fstest.MapFS{}
		for k, v := range fsys {
			m[k] = v
		}
		m["a/x.yaml"] = &fstest.MapFile{Data: data}
		s, err := LoadFS(m, Options{Calendar: cal}, "a/x.yaml")
		if err != nil {
			return
		}
		if _, err := s.Render("a/x.yaml"); err != nil {
			return
		}
		s.Milestones()
		s.Statuses(calendar.NewDate(2023, 6, 1))
		_ = s.WriteICS(io.Discard, "x")
	})
}

func FuzzSession(f *testing.F)           { fuzzKind(f, KindSession) }
func FuzzConclusion(f *testing.F)        { fuzzKind(f, KindConclusion) }
func FuzzFollowup(f *testing.F)          { fuzzKind(f, KindFollowup) }
func FuzzReceptionSchedule(f *testing.F) { fuzzKind(f, KindReceptionSchedule) }
func FuzzCalendarExport(f *testing.F)    { fuzzKind(f, KindCalendarExport) }
func FuzzOffice(f *testing.F)            { fuzzKind(f, KindOffice) }
