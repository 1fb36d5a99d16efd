package main

// vanban render: YAML inputs → .docx files, dispatched on each file's top-level "kind:" key.
//
// The registry: each input kind registers a renderer from its own file, in an init function:
//
//	func init() { registerRenderer("plan", renderPlan) }              // this file
//	func init() { registerRenderer("session", renderSession) }        // cmd_notice.go, and so on for
//	                                                                   // "conclusion", "followup", …
//
// A renderer checks one file and returns the documents it makes, in memory; render writes nothing until every
// input file has rendered without error, then writes each output atomically (temporary file + rename).
// "vanban validate" runs the same renderers and discards their outputs.

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/templates"
)

// output is one file a renderer makes: its path (inside the output directory) and bytes.
type output struct {
	path string
	data []byte
}

// renderer checks and renders one input file (its name, for errors, and its bytes) into outputs under outDir.
// Its errors should be source.Errors (file:line:col: path: Vietnamese / English), one per line.
type renderer func(file string, data []byte, outDir string) ([]output, error)

var renderers = map[string]renderer{}

// registerRenderer makes files with the top-level key "kind: <kind>" render through r. Call it from an init
// function of the area's own cmd_<area>.go file.
func registerRenderer(kind string, r renderer) {
	if _, dup := renderers[kind]; dup {
		panic("vanban: renderer registered twice: " + kind)
	}
	renderers[kind] = r
}

func init() {
	registerRenderer(plan.Kind, renderPlan)
	register(command{
		name:    "render",
		summary: "render YAML plans and session files to .docx: render --out DIR FILE_OR_DIR…",
		run:     runRender,
	})
}

// renderPlan renders a plan file (kind: plan) to one .docx.
func renderPlan(file string, data []byte, outDir string) ([]output, error) {
	p, err := plan.Parse(file, data)
	if err != nil {
		return nil, err
	}
	doc, err := p.Render()
	if err != nil {
		return nil, err
	}
	return []output{{path: filepath.Join(outDir, outputName(file, p.Output)), data: doc}}, nil
}

// outputName returns the output file name: the "output" key, or the input's base name with .docx.
func outputName(file, output string) string {
	if output != "" {
		return output
	}
	base := filepath.Base(file)
	return strings.TrimSuffix(base, filepath.Ext(base)) + ".docx"
}

func runRender(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("render", flag.ContinueOnError)
	fset.SetOutput(stderr)
	outDir := fset.String("out", "", "output directory (created if missing)")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "usage: vanban render --out DIR FILE_OR_DIR…\n\nA directory means every *.yaml file in it, recursively.")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usagef("%v", err)
	}
	if *outDir == "" {
		return usagef("--out DIR is required")
	}
	if fset.NArg() == 0 {
		return usagef("no input files; usage: vanban render --out DIR FILE_OR_DIR…")
	}
	files, err := inputFiles(fset.Args())
	if err != nil {
		return err
	}
	outs, err := renderAll(files, *outDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		return fmt.Errorf("%s: không tạo được thư mục / cannot create the directory: %v", *outDir, err)
	}
	for _, o := range outs {
		if dir := filepath.Dir(o.path); dir != *outDir {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("%s: không tạo được thư mục / cannot create the directory: %v", dir, err)
			}
		}
		if err := templates.WriteFile(o.path, o.data); err != nil {
			return fmt.Errorf("%s: không ghi được tệp / cannot write the file: %v", o.path, err)
		}
		fmt.Fprintln(stdout, o.path)
	}
	return nil
}

// inputFiles expands the arguments: a directory means every *.yaml (and *.yml) file under it, sorted.
func inputFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, usagef("%s: %v", a, err)
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(d.Name(), ".yaml") || strings.HasSuffix(d.Name(), ".yml")) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %v", a, err)
		}
		sort.Strings(found)
		if len(found) == 0 {
			return nil, usagef("%s: no *.yaml files", a)
		}
		files = append(files, found...)
	}
	return files, nil
}

// renderAll renders every file in memory and returns all outputs, or all the errors of all the files.
func renderAll(files []string, outDir string) ([]output, error) {
	var (
		outs  []output
		errs  []string
		owner = map[string]string{} // output path → input file
	)
	for _, f := range files {
		o, err := renderFile(f, outDir)
		if err != nil {
			errs = append(errs, strings.TrimRight(err.Error(), "\n"))
			continue
		}
		for _, x := range o {
			key := filepath.Clean(x.path)
			if prev, dup := owner[key]; dup {
				errs = append(errs, fmt.Sprintf("%s: tệp kết quả %s trùng với tệp của %s; đặt khóa output khác / output %s is also made by %s; set another output",
					f, x.path, prev, x.path, prev))
				continue
			}
			owner[key] = f
			outs = append(outs, x)
		}
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return outs, nil
}

// renderFile reads one file, finds its kind and runs its renderer.
func renderFile(file, outDir string) ([]output, error) {
	data, err := source.ReadFile(file)
	if err != nil {
		return nil, err
	}
	kind, err := fileKind(file, data)
	if err != nil {
		return nil, err
	}
	return renderers[kind](file, data, outDir)
}

// fileKind reads the top-level "kind" key and checks that a renderer is registered for it.
func fileKind(file string, data []byte) (string, error) {
	var root yaml.Node
	known := slices.Sorted(maps.Keys(renderers))
	list := strings.Join(known, ", ")
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		// Let the strict decoder describe the problem with its position.
		var v struct{}
		if _, errs := source.Decode(file, data, &v); len(errs) > 0 {
			return "", errs.Err()
		}
		return "", &source.Error{File: file, VI: "không đọc được tệp YAML: " + err.Error(), EN: "cannot read the YAML file: " + err.Error()}
	}
	n := &root
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return "", &source.Error{File: file, Line: n.Line, Col: n.Column, VI: "tệp phải là một bảng khóa: giá trị có khóa kind",
			EN: "the file must be a mapping with a kind key"}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; k.Value == "kind" {
			if _, ok := renderers[v.Value]; !ok || v.Kind != yaml.ScalarNode {
				return "", &source.Error{File: file, Line: v.Line, Col: v.Column, Path: "kind",
					VI: fmt.Sprintf("loại tệp %q không được hỗ trợ; dùng một trong: %s", v.Value, list),
					EN: fmt.Sprintf("unsupported kind %q; use one of: %s", v.Value, list)}
			}
			return v.Value, nil
		}
	}
	return "", &source.Error{File: file, Line: n.Line, Col: n.Column, Path: "kind",
		VI: "thiếu khóa kind ở đầu tệp (ví dụ kind: plan); dùng một trong: " + list,
		EN: "the top-level kind key is missing (e.g. kind: plan); use one of: " + list}
}
