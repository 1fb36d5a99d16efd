package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sync"
)

// The official layouts, each an unzipped .docx package in layouts/<name>/ (written by hand; see the
// document package for the rules they follow):
//
//   - party: Party documents under Hướng dẫn 36-HD/VPTW;
//   - party-2026: Party documents under Quy định 399-QĐ/TW and Hướng dẫn 05-HD/VPTW;
//   - state: State documents under Nghị định 30/2020/NĐ-CP.
//
//go:embed all:layouts
var layoutFS embed.FS

type layoutEntry struct {
	once sync.Once
	t    *Template
	err  error
}

// layouts holds one compile-once entry per layout name; the map itself is built once and never changes.
var layouts = func() map[string]*layoutEntry {
	m := map[string]*layoutEntry{}
	for _, n := range LayoutNames() {
		m[n] = &layoutEntry{}
	}
	return m
}()

// LayoutNames returns the names of the embedded layouts, sorted.
func LayoutNames() []string {
	des, err := fs.ReadDir(layoutFS, "layouts")
	if err != nil {
		return nil
	}
	var names []string
	for _, de := range des {
		if de.IsDir() {
			names = append(names, de.Name())
		}
	}
	slices.Sort(names)
	return names
}

// Layout returns the compiled embedded layout name ("party", "party-2026", "state"). Each layout is compiled
// once, on first use; Layout is safe for concurrent use and the Template it returns is shared (immutable).
func Layout(name string) (*Template, error) {
	e, ok := layouts[name]
	if !ok {
		return nil, fmt.Errorf("templates: no embedded layout %q (have %v)", name, LayoutNames())
	}
	e.once.Do(func() {
		sub, err := layoutDir(name)
		if err == nil {
			e.t, err = ParseFS(sub)
		}
		if err != nil {
			e.err = fmt.Errorf("templates: layout %q: %w", name, err)
		}
	})
	return e.t, e.err
}

// LayoutDocx returns the embedded layout name zipped as a .docx template file (e.g. for an office to open in
// Word and adapt to its own letterhead, then use as its own template). The bytes are deterministic.
func LayoutDocx(name string) ([]byte, error) {
	sub, err := layoutDir(name)
	if err != nil {
		return nil, err
	}
	return ZipFS(sub)
}

func layoutDir(name string) (fs.FS, error) {
	if _, ok := layouts[name]; !ok {
		return nil, fmt.Errorf("templates: no embedded layout %q (have %v)", name, LayoutNames())
	}
	return fs.Sub(layoutFS, path.Join("layouts", name))
}
