package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeCommandErrors: the mistakes "vanban serve" reports before it starts serving, with their exit
// statuses (the server itself is tested in package serve).
func TestServeCommandErrors(t *testing.T) {
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	for _, tc := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"serve"}, 2, "one folder"},
		{[]string{"serve", dir, dir}, 2, "one folder"},
		{[]string{"serve", dir + "/missing"}, 1, "cannot open the folder"},
		{[]string{"serve", "--addr", "nonsense", dir}, 2, "invalid address"},
		{[]string{"serve", "--addr", ln.Addr().String(), dir}, 1, "cannot listen"},
	} {
		status, _, stderr := runCLI(t, tc.args...)
		if status != tc.status || !strings.Contains(stderr, tc.stderr) || !strings.Contains(stderr, " / ") || !hasVietnamese(stderr) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q in Vietnamese and English", tc.args, status, stderr, tc.status, tc.stderr)
		}
	}
	if status, _, stderr := runCLI(t, "serve", "-h"); status != 0 || !strings.Contains(stderr, "--addr") {
		t.Errorf("serve -h: %d %q", status, stderr)
	}
}

// TestHiddenFoldersAreNotInputs: the previous versions vanban serve keeps in DIR/.vanban-backup are not read
// by "vanban validate DIR" (nor render).
func TestHiddenFoldersAreNotInputs(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, ".vanban-backup"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, ".vanban-backup", "broken.1.yaml"), []byte("kind: memo\n"), 0o644)
	plan, _ := os.ReadFile(filepath.Join("..", "..", "examples", "duc-pho-2023", "plan.yaml"))
	os.WriteFile(filepath.Join(dir, "plan.yaml"), plan, 0o644)
	if status, _, stderr := runCLI(t, "validate", dir); status != 0 {
		t.Errorf("validate read the backup folder: %d %s", status, stderr)
	}
}
