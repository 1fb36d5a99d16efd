package starter_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/docxcheck"
	"github.com/vanban/vanban/render"
	"github.com/vanban/vanban/starter"
)

// TestInitRenders: each starting folder, written by Write, renders as it is (no error, no warning, with
// Strict), and every document passes the Open XML validator.
func TestInitRenders(t *testing.T) {
	for _, kind := range starter.Kinds() {
		t.Run(kind, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "doi-thoai")
			written, err := starter.Write(dir, kind)
			if err != nil {
				t.Fatal(err)
			}
			if len(written) < 3 {
				t.Fatalf("written: %v", written)
			}
			out := t.TempDir()
			rep, err := render.Run(context.Background(), render.Dir(out), render.Options{Strict: true}, dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Warnings) > 0 {
				t.Errorf("warnings: %v", rep.Warnings)
			}
			if len(rep.Outputs) < 2 {
				t.Fatalf("outputs: %v", rep.Outputs)
			}
			for _, o := range rep.Outputs {
				docxcheck.Validate(t, filepath.Join(out, o.Name))
			}
		})
	}
}

// TestFilesNameTheirSchema: each file starts with the yaml-language-server line naming the schema of its
// kind, which exists in schema/, has Vietnamese comments and no district level.
func TestFilesNameTheirSchema(t *testing.T) {
	for _, kind := range starter.Kinds() {
		files, err := starter.Files(kind)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			first, rest, _ := bytes.Cut(f.Data, []byte("\n"))
			var k string
			for _, line := range strings.Split(string(rest), "\n") {
				if v, ok := strings.CutPrefix(line, "kind: "); ok {
					k = strings.TrimSpace(v)
				}
			}
			const prefix = "# yaml-language-server: $schema=https://raw.githubusercontent.com/vanban/vanban/main/schema/"
			name, ok := strings.CutPrefix(string(first), prefix)
			if !ok || name != k+".schema.json" {
				t.Errorf("%s/%s: first line %q, kind %q", kind, f.Name, first, k)
				continue
			}
			if _, err := os.Stat(filepath.Join("..", "schema", name)); err != nil {
				t.Errorf("%s/%s: %v", kind, f.Name, err)
			}
			if !strings.Contains(string(rest), "# Sửa") && !strings.Contains(string(rest), "Sửa ") {
				t.Errorf("%s/%s: no Vietnamese comment telling what to edit", kind, f.Name)
			}
			if strings.Contains(string(f.Data), "HUYỆN") {
				t.Errorf("%s/%s: names a district", kind, f.Name)
			}
		}
	}
}

// TestWriteRefusesToOverwrite: an existing file of the folder stops Write before anything is written.
func TestWriteRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(mine, []byte("my plan"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := starter.Write(dir, starter.PartyCommune)
	if !errors.Is(err, starter.ErrExists) || !strings.Contains(err.Error(), mine) {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(mine); string(b) != "my plan" {
		t.Errorf("overwritten: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("something was written: %v", entries)
	}
	if _, err := starter.Write(t.TempDir(), "ubnd-huyen"); !errors.Is(err, starter.ErrUnknownKind) {
		t.Errorf("unknown kind: %v", err)
	}
}
