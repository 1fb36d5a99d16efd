package notice

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/schemagen"
)

// TestJSONSchemas keeps schema/KIND.schema.json in sync with the Go types (go test ./notice -run TestJSONSchemas
// -update rewrites them).
func TestJSONSchemas(t *testing.T) {
	for _, kind := range Kinds {
		got, err := JSONSchema(kind)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join("..", "schema", kind+".schema.json")
		if *update {
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date: run go test ./notice -run TestJSONSchemas -update", file)
		}
	}
}

// TestExamplesNameTheirSchema: every example YAML file names its schema on its first line, and is valid against
// it (issue 12).
func TestExamplesNameTheirSchema(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		kind := PeekKind(data)
		first, _, _ := strings.Cut(string(data), "\n")
		if want := "# yaml-language-server: $schema=../../schema/" + kind + ".schema.json"; first != want {
			t.Errorf("%s: first line %q, want %q", f, first, want)
			continue
		}
		schema, err := os.ReadFile(filepath.Join("..", "schema", kind+".schema.json"))
		if err != nil {
			t.Fatal(err)
		}
		problems, err := schemagen.Validate(schema, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", f, p)
		}
	}
}
