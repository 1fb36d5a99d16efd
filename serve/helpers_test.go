package serve_test

import (
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/serve"
)

// exampleDir copies examples/duc-pho-2023 to a temporary folder.
func exampleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "examples", "duc-pho-2023")
	es, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// startServer serves dir on a loopback test server as of 2023-04-20, and returns its base URL.
func startServer(t *testing.T, dir string) string {
	t.Helper()
	h, err := serve.Handler(dir, serve.Options{Today: func() calendar.Date { return calendar.NewDate(2023, 4, 20) }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

var exec_LookPath = exec.LookPath
