//go:build unix

package fsread

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadRefuses: nothing that is not a regular file is opened (a FIFO would hang the tool, /dev/zero would
// exhaust memory), and a file above the limit is refused before it is read (issue 13).
func TestReadRefuses(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, 101), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		path string
		want error
		text string
	}{
		"directory": {dir, ErrNotRegular, "a directory"},
		"too large": {big, ErrTooLarge, "at most 100 bytes"},
		"missing":   {filepath.Join(dir, "none.yaml"), os.ErrNotExist, "no such file"},
	}
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "fifo.yaml")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Fatal(err)
		}
		cases["FIFO"] = struct {
			path string
			want error
			text string
		}{fifo, ErrNotRegular, "a pipe (FIFO)"}
		cases["/dev/zero"] = struct {
			path string
			want error
			text string
		}{"/dev/zero", ErrNotRegular, "a device"}
		cases["/dev/stdin"] = struct {
			path string
			want error
			text string
		}{"/dev/stdin", ErrNotRegular, "not a regular file"}
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := Read(c.path, 100); done <- err }()
			select {
			case err := <-done:
				var fe *Error
				if !errors.As(err, &fe) || !errors.Is(err, c.want) || !strings.Contains(fe.EN, c.text) || fe.VI == "" || fe.Path != c.path {
					t.Errorf("got %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Read hangs")
			}
		})
	}
}

func TestReadAllLimit(t *testing.T) {
	if _, err := ReadAll("x", strings.NewReader(strings.Repeat("a", 11)), 10); !errors.Is(err, ErrTooLarge) {
		t.Errorf("got %v", err)
	}
	if b, err := ReadAll("x", strings.NewReader("abc"), 10); err != nil || string(b) != "abc" {
		t.Errorf("got %q, %v", b, err)
	}
}
