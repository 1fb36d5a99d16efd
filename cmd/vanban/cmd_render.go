package main

// vanban render: YAML inputs → .docx files, through render.Run (which dispatches each file on its top-level
// "kind:" key, checks every input before writing anything and names the outputs). This file keeps the flags,
// the printing and the exit statuses; "vanban validate" runs the same with render.Discard.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/pdf"
	"github.com/vanban/vanban/problem"
	"github.com/vanban/vanban/render"
	"github.com/vanban/vanban/templates"
)

// renderOptions are the settings of a run, from the flags render and validate share.
type renderOptions = render.Options

// renderUsage is the command line of render, in its summary (vanban help), its -h and the README.
const renderUsage = "render --out DIR [--pdf] [--strict] [--template [party=|state=]FILE] FILE_OR_DIR…"

func init() {
	register(command{
		name:    "render",
		summary: "tạo văn bản .docx từ các tệp YAML / render YAML plans and session files to .docx (and PDF): " + renderUsage,
		run:     runRender,
	})
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
	fs.BoolVar(&rf.strict, "strict", false, "coi cảnh báo là lỗi / treat warnings (a conclusion notice dated late or before its session, a session on a day off) as errors")
}

// registerTemplate adds --template, for the commands that write .docx files.
func (rf *renderFlags) registerTemplate(fs *flag.FlagSet) {
	fs.Var(&rf.templates, "template", "trình bày văn bản bằng mẫu .docx `FILE` của cơ quan / lay the documents of one system out with the .docx FILE (an office's own letterhead, edited in Word from \"vanban layout\"); "+
		"party=FILE or state=FILE, or just FILE when it prints ĐẢNG CỘNG SẢN VIỆT NAM or the Quốc hiệu; repeatable, once per system")
}

// options builds the renderers' options. A schedule or template file that does not exist is a usage error
// (exit 2); one that does not read as what it should be is bad data (exit 1).
func (rf *renderFlags) options(cmd string) (renderOptions, error) {
	for _, p := range rf.schedules {
		if _, err := os.Stat(p); err != nil {
			return renderOptions{}, usagef("--schedule %s: không mở được tệp / cannot open the file: %v", p, err)
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
		b, err := templates.ReadFile(path) // a regular file within the template limits, checked before reading
		if errors.Is(err, fs.ErrNotExist) {
			return renderOptions{}, usagef("--template %s: không tìm thấy tệp / file not found", path)
		}
		if err != nil {
			return renderOptions{}, fmt.Errorf("vanban %s: --template %s: không đọc được tệp / cannot read the file: %v", cmd, path, err)
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
			return renderOptions{}, usagef("--template: hai mẫu cho cùng hệ thống %s (%s, %s) / two templates for the %[1]s system (%[2]s, %[3]s)", sys, prev, path)
		}
		given[sys] = path
		opts.Document = append(opts.Document, opt)
	}
	return opts, nil
}

// dirHelp is the -h text of render and validate about directories.
const dirHelp = `Một thư mục là mọi tệp *.yaml và *.yml trong nó và trong các thư mục con (trừ thư mục ẩn như
.vanban-backup). / A directory means every *.yaml and *.yml file in it and in its subfolders (hidden folders
such as .vanban-backup are skipped).`

// renderArgs parses the command line of render and validate: fs holds the command's own flags, to which it
// adds the shared ones; check (may be nil) checks the command's own flags once parsed. It returns the input
// files and the renderers' options, or flag.ErrHelp after -h.
func renderArgs(fs *flag.FlagSet, args []string, usage string, stderr io.Writer, check func() error) ([]string, renderOptions, error) {
	var rf renderFlags
	rf.register(fs)
	rf.registerTemplate(fs)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng / usage: vanban "+usage+"\n\n"+dirHelp)
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
		return nil, renderOptions{}, usagef("chưa nêu tệp nào / no input files; usage: vanban %s", usage)
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

func runRender(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("render", flag.ContinueOnError)
	outDir := fset.String("out", "", "thư mục kết quả (tạo khi chưa có) / output directory (created if missing)")
	withPDF := fset.Bool("pdf", false, "thêm một tệp PDF cạnh mỗi tệp .docx, bằng LibreOffice / also write a PDF beside each .docx, through LibreOffice")
	files, opts, err := renderArgs(fset, args, renderUsage, stderr, func() error {
		if *outDir == "" {
			return usagef("thiếu --out DIR / --out DIR is required")
		}
		return nil
	})
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if *withPDF {
		if _, err := pdf.Find(); err != nil { // before anything is written
			return dataErrorf("render", "--pdf: %v", err)
		}
	}
	rep, err := render.Run(context.Background(), render.Dir(*outDir), opts, files...)
	printWarnings(stderr, rep.Warnings)
	var docx []string
	for _, o := range rep.Outputs {
		p := filepath.Join(*outDir, o.Name)
		fmt.Fprintln(stdout, p)
		if strings.EqualFold(filepath.Ext(p), ".docx") {
			docx = append(docx, p)
		}
	}
	if err != nil || !*withPDF {
		return err
	}
	pdfs, err := pdf.Convert(context.Background(), docx...)
	if err != nil {
		return dataErrorf("render", "--pdf: %v", err)
	}
	for _, p := range pdfs {
		fmt.Fprintln(stdout, p)
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
			if d.IsDir() && path != a && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir // hidden folders: .vanban-backup (vanban serve), .git
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
			return nil, usagef("%s: không có tệp *.yaml nào / no *.yaml files", a)
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
