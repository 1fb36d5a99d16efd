package serve_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/serve"
)

// BenchmarkCheck is one round of live validation as the page sends it while the clerk types: the session
// file's text checked against the folder (as "vanban validate"), and its preview laid out.
func BenchmarkCheck(b *testing.B) {
	dir := b.TempDir()
	src := filepath.Join("..", "examples", "duc-pho-2023")
	es, _ := os.ReadDir(src)
	for _, e := range es {
		data, _ := os.ReadFile(filepath.Join(src, e.Name()))
		os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
	}
	c := newClient(b, dir, serve.Options{})
	text, _ := os.ReadFile(filepath.Join(dir, "session-q1.yaml"))
	b.ReportAllocs()
	for b.Loop() {
		if res := c.do("POST", "/api/check?path=session-q1.yaml", string(text), nil); res.Code != 200 {
			b.Fatal(res.Code)
		}
	}
}

// BenchmarkOverview is the overview of the example folder (nine files): every file checked and rendered in
// memory, the time line and the statuses.
func BenchmarkOverview(b *testing.B) {
	dir := b.TempDir()
	src := filepath.Join("..", "examples", "duc-pho-2023")
	es, _ := os.ReadDir(src)
	for _, e := range es {
		data, _ := os.ReadFile(filepath.Join(src, e.Name()))
		os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
	}
	c := newClient(b, dir, serve.Options{})
	b.ReportAllocs()
	for b.Loop() {
		if res := c.do("GET", "/api/overview", "", nil); res.Code != 200 {
			b.Fatal(res.Code)
		}
	}
}
