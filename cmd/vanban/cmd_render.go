package main

// vanban render: YAML inputs → .docx files, dispatched on each file's top-level "kind:" key.
//
// The registry: each input kind registers a renderer from its own file, in an init function:
//
//	func init() { registerRenderer("plan", renderPlan) }              // this file
//	func init() { registerRenderer("session", renderSession) }        // cmd_notice.go, and so on for
//	                                                                   // "conclusion", "followup", …
//
// A renderer checks one file and returns the documents it makes, in memory, and its warnings; render writes
// nothing until every input file has rendered without error, then writes each output atomically (temporary
// file + rename). "vanban validate" runs the same renderers and discards their outputs. Renderers never print:
// the command prints their warnings on its stderr.

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"github.com/vanban/vanban/problem"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/templates"
)

// output is one file a renderer makes: its path (inside the output directory) and bytes.
type output struct {
	path string
	data []byte
}

// renderOptions are the settings every renderer gets, from the flags render and validate share.
type renderOptions struct {
	// Strict turns warnings (a conclusion notice dated late or before its session, a session on a day off…)
	// into errors.
	Strict bool
	// Calendar counts the working days (--schedule FILE, --no-swaps); never nil.
	Calendar *calendar.Calendar
	// Document are the options of every document's rendering (--template FILE: an office's own layout).
	Document []document.RenderOption
}

// renderer checks and renders one input file (its name, for errors, and its bytes) into outputs under outDir.
// Its errors and warnings should be problem.List (file:line:col: path: Vietnamese / English), one per line.
type renderer func(file string, data []byte, outDir string, opts renderOptions) ([]output, problem.List, error)

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

// renderPlan renders a plan file (kind: plan) to one .docx. Its warnings are the sessions dated on a day off
// of opts.Calendar (plan.Warnings); opts.Strict makes them errors.
func renderPlan(file string, data []byte, outDir string, opts renderOptions) ([]output, problem.List, error) {
	p, err := plan.Parse(file, data)
	if err != nil {
		return nil, nil, err
	}
	warns := p.Warnings(opts.Calendar)
	if opts.Strict && len(warns) > 0 {
		return nil, nil, warns.Err()
	}
	doc, err := p.Render(opts.Document...)
	if err != nil {
		return nil, warns, err
	}
	return []output{{path: filepath.Join(outDir, outputName(file, p.Output)), data: doc}}, warns, nil
}

// renderFlags are the flags render and validate share: --strict, --template and the calendar flags
// (--schedule FILE, --no-swaps). ics, status and milestones use them too, without --template (they write no
// .docx).
type renderFlags struct {
	calendarFlags
	strict    bool
	templates calScheduleList // repeatable: FILE, party=FILE or state=FILE
}

func (rf *renderFlags) register(fs *flag.FlagSet) {
	rf.calendarFlags.register(fs)
	fs.BoolVar(&rf.strict, "strict", false, "treat warnings (a conclusion notice dated late or before its session, a session on a day off) as errors")
}

// registerTemplate adds --template, for the commands that write .docx files.
func (rf *renderFlags) registerTemplate(fs *flag.FlagSet) {
	fs.Var(&rf.templates, "template", "lay the documents of one system out with the .docx `FILE` (an office's own letterhead, edited in Word from \"vanban layout\"); "+
		"party=FILE or state=FILE, or just FILE when it prints ĐẢNG CỘNG SẢN VIỆT NAM or the Quốc hiệu; repeatable, once per system")
}

// options builds the renderers' options. A schedule or template file that does not exist is a usage error
// (exit 2); one that does not read as what it should be is bad data (exit 1).
func (rf *renderFlags) options(cmd string) (renderOptions, error) {
	for _, p := range rf.schedules {
		if _, err := os.Stat(p); err != nil {
			return renderOptions{}, usagef("--schedule %s: %v", p, err)
		}
	}
	cal, err := rf.calendar(cmd)
	if err != nil {
		return renderOptions{}, err
	}
	opts := renderOptions{Strict: rf.strict, Calendar: cal}
	given := map[document.System]string{}
	for _, v := range rf.templates {
		sys, path, named := document.System(""), v, false
		if k, p, ok := strings.Cut(v, "="); ok && (k == string(document.Party) || k == string(document.State)) {
			sys, path, named = document.System(k), p, true
		}
		b, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			return renderOptions{}, usagef("--template %s: không tìm thấy tệp / file not found", path)
		}
		if err != nil {
			return renderOptions{}, fmt.Errorf("vanban %s: --template %s: %v", cmd, path, err)
		}
		opt, sys, err := document.ParseTemplate(b, sys)
		switch {
		case errors.Is(err, document.ErrTemplateSystem) && !named:
			return renderOptions{}, usagef("--template %s: không rõ mẫu của hệ thống nào (không thấy tiêu đề ĐẢNG CỘNG SẢN VIỆT NAM hay Quốc hiệu); ghi party=%[1]s hoặc state=%[1]s / cannot tell which system the template is for; write party=%[1]s or state=%[1]s", path)
		case errors.Is(err, document.ErrTemplateSystem):
			return renderOptions{}, usagef("--template %s=%s: %v", v[:strings.Index(v, "=")], path, err)
		case err != nil:
			return renderOptions{}, fmt.Errorf("vanban %s: --template %s: %v", cmd, path, err)
		}
		if prev, dup := given[sys]; dup {
			return renderOptions{}, usagef("--template: two templates for the %s system (%s, %s)", sys, prev, path)
		}
		given[sys] = path
		opts.Document = append(opts.Document, opt)
	}
	return opts, nil
}

// renderArgs parses the command line of render and validate: fs holds the command's own flags, to which it
// adds the shared ones; check (may be nil) checks the command's own flags once parsed. It returns the input
// files and the renderers' options, or flag.ErrHelp after -h.
func renderArgs(fs *flag.FlagSet, args []string, usage string, stderr io.Writer, check func() error) ([]string, renderOptions, error) {
	var rf renderFlags
	rf.register(fs)
	rf.registerTemplate(fs)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: vanban "+usage+"\n\nA directory means every *.yaml file in it, recursively.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return nil, renderOptions{}, err
	}
	if check != nil {
		if err := check(); err != nil {
			return nil, renderOptions{}, err
		}
	}
	if fs.NArg() == 0 {
		return nil, renderOptions{}, usagef("no input files; usage: vanban %s", usage)
	}
	files, err := inputFiles(fs.Name(), fs.Args())
	if err != nil {
		return nil, renderOptions{}, err
	}
	opts, err := rf.options(fs.Name())
	return files, opts, err
}

// printWarnings writes the warnings on stderr, one per line.
func printWarnings(stderr io.Writer, warns problem.List) {
	warns.Sort()
	for _, w := range warns {
		fmt.Fprintf(stderr, "cảnh báo / warning: %s\n", w)
	}
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
	outDir := fset.String("out", "", "output directory (created if missing)")
	files, opts, err := renderArgs(fset, args, "render --out DIR [--strict] [--schedule FILE] [--no-swaps] FILE_OR_DIR…", stderr, func() error {
		if *outDir == "" {
			return usagef("--out DIR is required")
		}
		return nil
	})
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	outs, warns, err := renderAll(files, *outDir, opts)
	printWarnings(stderr, warns)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		return dataErrorf("render", "không tạo được thư mục %s / cannot create the directory %s: %v", *outDir, *outDir, err)
	}
	for _, o := range outs {
		if dir := filepath.Dir(o.path); dir != *outDir {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return dataErrorf("render", "không tạo được thư mục %s / cannot create the directory %s: %v", dir, dir, err)
			}
		}
		if err := templates.WriteFile(o.path, o.data); err != nil {
			return dataErrorf("render", "không ghi được tệp %s / cannot write the file %s: %v", o.path, o.path, err)
		}
		fmt.Fprintln(stdout, o.path)
	}
	return nil
}

// inputFiles expands the arguments of command cmd: a directory means every *.yaml (and *.yml) file under it,
// sorted. An input that does not exist or cannot be read is bad data (exit status 1), like a bad file.
func inputFiles(cmd string, args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, inputError(cmd, a, err)
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
			return nil, dataErrorf(cmd, "không đọc được thư mục %s / cannot read the directory %s: %v", a, a, err)
		}
		sort.Strings(found)
		if len(found) == 0 {
			return nil, usagef("%s: no *.yaml files", a)
		}
		files = append(files, found...)
	}
	return files, nil
}

// dataErrorf returns an error about the data (exit status 1) of command cmd, prefixed like the usage errors:
// "vanban CMD: …". Errors located in an input file are problem.List, which start with file:line:col instead.
func dataErrorf(cmd, format string, args ...any) error {
	return fmt.Errorf("vanban %s: %s", cmd, fmt.Sprintf(format, args...))
}

// inputError describes an input path that cannot be opened.
func inputError(cmd, path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return dataErrorf(cmd, "không tìm thấy tệp hoặc thư mục %s / file or directory not found: %s", path, path)
	}
	return dataErrorf(cmd, "không mở được %s / cannot open %s: %v", path, path, err)
}

// renderAll renders every file in memory and returns all outputs, or all the errors of all the files; the
// warnings of all the files come back either way.
func renderAll(files []string, outDir string, opts renderOptions) ([]output, problem.List, error) {
	var (
		outs  []output
		warns problem.List
		errs  errorLines
		owner = map[string]string{} // output path → input file
	)
	for _, f := range files {
		o, w, err := renderFile(f, outDir, opts)
		warns = append(warns, w...)
		if err != nil {
			errs.add(err)
			continue
		}
		for _, x := range o {
			key := filepath.Clean(x.path)
			if prev, dup := owner[key]; dup {
				errs.add(fmt.Errorf("%s: tệp kết quả %s trùng với tệp của %s; đặt khóa output khác / output %s is also made by %s; set another output",
					f, x.path, prev, x.path, prev))
				continue
			}
			owner[key] = f
			outs = append(outs, x)
		}
	}
	return outs, warns, errs.err()
}

// errorLines gathers the errors of several files, one line each, in order, each line once (a file loaded by
// several inputs, such as a conclusion a follow-up names, reports its errors only once).
type errorLines struct {
	lines []string
	seen  map[string]bool
}

func (e *errorLines) add(err error) {
	if e.seen == nil {
		e.seen = map[string]bool{}
	}
	for _, l := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		if !e.seen[l] {
			e.seen[l] = true
			e.lines = append(e.lines, l)
		}
	}
}

// err returns the lines as one error, nil when there are none.
func (e *errorLines) err() error {
	if len(e.lines) == 0 {
		return nil
	}
	return errors.New(strings.Join(e.lines, "\n"))
}

// renderFile reads one file, finds its kind and runs its renderer.
func renderFile(file, outDir string, opts renderOptions) ([]output, problem.List, error) {
	data, err := source.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	kind, err := fileKind(file, data)
	if err != nil {
		return nil, nil, err
	}
	return renderers[kind](file, data, outDir, opts)
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
		return "", &problem.Error{File: file, VI: "không đọc được tệp YAML: " + err.Error(), EN: "cannot read the YAML file: " + err.Error()}
	}
	n := &root
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return "", &problem.Error{File: file, Line: n.Line, Col: n.Column, VI: "tệp phải là một bảng khóa: giá trị có khóa kind",
			EN: "the file must be a mapping with a kind key"}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; k.Value == "kind" {
			if _, ok := renderers[v.Value]; !ok || v.Kind != yaml.ScalarNode {
				return "", &problem.Error{File: file, Line: v.Line, Col: v.Column, Path: "kind",
					VI: fmt.Sprintf("loại tệp %q không được hỗ trợ; dùng một trong: %s", v.Value, list),
					EN: fmt.Sprintf("unsupported kind %q; use one of: %s", v.Value, list)}
			}
			return v.Value, nil
		}
	}
	return "", &problem.Error{File: file, Line: n.Line, Col: n.Column, Path: "kind",
		VI: "thiếu khóa kind ở đầu tệp (ví dụ kind: plan); dùng một trong: " + list,
		EN: "the top-level kind key is missing (e.g. kind: plan); use one of: " + list}
}
