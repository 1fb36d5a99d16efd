// Package render is the one entry point that turns a set of vanban input files into their documents: the
// files and directories given (on disk or in an fs.FS) are each dispatched on its top-level "kind:" key (plan,
// session, conclusion, followup, reception-schedule, calendar-export), checked, and rendered, each output
// written to a Sink as soon as it is made — a directory (atomically, all or nothing), an in-memory map, an HTTP
// response, a zip archive.
//
//	rep, err := render.Run(ctx, render.Dir("out"), render.Options{}, "examples/duc-pho-2023")
//
// Nothing is written when any input has an error: every problem of every input comes back together, as a
// problem.List with file:line:col. Memory does not grow with the number of inputs (see Run). A document that
// fails to lay out (an office's template naming a field the data lacks), a sink's error or a cancelled ctx stop
// the run; with Dir (a Committer) nothing is written then either — the outputs are staged and renamed into
// place only when all of them are made — while a plain Sink has received the outputs the Report lists.
//
// Output names are the "output:" key of the input, else the input's base name with .docx (.ics for a
// calendar-export); two inputs making the same name is an error.
//
// The package exists apart from plan and notice because it is the only one that knows every kind: plan knows
// plans, notice the session cycle; the command line ("vanban render", "vanban validate") is a thin layer over
// Run.
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
	"gopkg.in/yaml.v3"
)

// Options change how a run reads and renders.
type Options struct {
	// FS is where the inputs are read from; nil means the operating system's files. With an FS the paths are
	// slash-separated fs paths ("." for its root).
	FS fs.FS
	// Calendar counts the working days; nil means calendar.Default().
	Calendar *calendar.Calendar
	// Strict turns the warnings (a conclusion notice dated late, a session on a day off…) into errors.
	Strict bool
	// Document are the options of every document's layout, e.g. an office's letterhead
	// (document.ParseTemplate).
	Document []document.RenderOption
}

// Sink receives each output as it is made: its file name (no directory) and its bytes. An error stops the run.
type Sink interface {
	Put(ctx context.Context, name string, data []byte) error
}

// SinkFunc is a function used as a Sink: an in-memory map, an HTTP response, a zip archive.
type SinkFunc func(ctx context.Context, name string, data []byte) error

// Put calls f.
func (f SinkFunc) Put(ctx context.Context, name string, data []byte) error { return f(ctx, name, data) }

// Committer is a Sink that holds what it is given until the run is over: Run calls Commit after the last
// output of a run without error, Abort after an error (or a cancelled context). Dir is one.
type Committer interface {
	Sink
	Commit() error
	Abort()
}

// Discard is a Sink that keeps nothing: Run with it checks every input and renders every document in memory
// ("vanban validate").
var Discard Sink = discardSink{}

type discardSink struct{}

func (discardSink) Put(context.Context, string, []byte) error { return nil }

// Dir returns a Sink writing the outputs into dir (created when missing), all or nothing: each output is
// written, as it is made, into a hidden staging directory inside dir (".vanban-stage-*", same file system);
// when the run ends without error, each is renamed over its name (an atomic rename per file); after an error,
// the staging directory is removed and dir is left as it was. An existing output that is read-only is
// refused before anything is renamed (it is not replaced behind its owner's back); an existing writable output
// keeps its permissions. Staging directories and temporary files (".NAME.tmp-*") left by a killed run are
// removed once unchanged for ten minutes (those of another run writing into dir at the same time are not).
func Dir(dir string) *DirSink { return &DirSink{dir: dir} }

// DirSink is the Sink of Dir.
type DirSink struct {
	dir     string
	created string   // the topmost directory of dir that the first Put created ("" when dir existed)
	stage   string   // the staging directory, once created
	names   []string // the outputs staged, in order
}

// Put stages one output.
func (d *DirSink) Put(_ context.Context, name string, data []byte) error {
	if d.stage == "" {
		d.created = missingTop(d.dir)
		if err := os.MkdirAll(d.dir, 0o755); err != nil {
			return &problem.Error{File: d.dir, VI: "không tạo được thư mục: " + err.Error(), EN: "cannot create the directory: " + err.Error(), Err: err}
		}
		cleanStale(d.dir)
		stage, err := os.MkdirTemp(d.dir, stagePrefix+"*")
		if err != nil {
			return &problem.Error{File: d.dir, VI: "không ghi được vào thư mục: " + err.Error(), EN: "cannot write into the directory: " + err.Error(), Err: err}
		}
		d.stage = stage
	}
	// The staging directory is private to the run: no temporary file and rename per output there, and the
	// outputs are made durable together in Commit (the fsyncs of a large run are the wall clock's main cost
	// when done one after another).
	if err := writeStaged(filepath.Join(d.stage, name), data); err != nil {
		return &problem.Error{File: filepath.Join(d.dir, name), VI: "không ghi được tệp: " + err.Error(), EN: "cannot write the file: " + err.Error(), Err: err}
	}
	d.names = append(d.names, name)
	return nil
}

func writeStaged(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644) // whatever the umask, as templates.WriteFile
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncStaged flushes the staged outputs to disk before they are renamed into place: on Linux with one
// syncfs(2) of their file system (syncfs.go), elsewhere, or when that fails, file by file (syncEach).
func (d *DirSink) syncStaged() error {
	if syncFS(d.stage) == nil {
		return nil
	}
	return d.syncEach()
}

// syncEach flushes the staged outputs one by one, by a few goroutines (the file system batches their journal
// commits), and returns the first error in name order.
func (d *DirSink) syncEach() error {
	errs := make([]error, len(d.names))
	parallel(8, len(d.names), func(i int) {
		f, err := os.Open(filepath.Join(d.stage, d.names[i]))
		if err == nil {
			err = f.Sync()
			f.Close()
		}
		errs[i] = err
	})
	for i, err := range errs {
		if err != nil {
			target := filepath.Join(d.dir, d.names[i])
			return &problem.Error{File: target, VI: "không ghi được tệp: " + err.Error(), EN: "cannot write the file: " + err.Error(), Err: err}
		}
	}
	return nil
}

// Commit renames every staged output over its name, after checking that none of them is read-only.
func (d *DirSink) Commit() error {
	if d.stage == "" {
		return nil
	}
	defer os.RemoveAll(d.stage)
	var errs problem.List
	modes := map[string]fs.FileMode{}
	for _, name := range d.names {
		target := filepath.Join(d.dir, name)
		st, err := os.Lstat(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			errs = append(errs, &problem.Error{File: target, VI: "không đọc được tệp có sẵn: " + err.Error(), EN: "cannot read the existing file: " + err.Error(), Err: err})
		case !st.Mode().IsRegular():
			errs = append(errs, &problem.Error{File: target, VI: "đã có một thứ khác tệp thường ở tên này (thư mục, liên kết…); không ghi đè",
				EN: "something other than a regular file (a directory, a link…) has this name; not replaced"})
		case st.Mode().Perm()&0o200 == 0:
			errs = append(errs, &problem.Error{File: target, VI: "tệp có sẵn chỉ được đọc (read-only); không ghi đè",
				EN: "the existing file is read-only; not replaced", Err: fs.ErrPermission})
		default:
			modes[name] = st.Mode().Perm()
		}
	}
	if len(errs) > 0 {
		return errs.Err()
	}
	if err := d.syncStaged(); err != nil {
		return err
	}
	for _, name := range d.names {
		staged, target := filepath.Join(d.stage, name), filepath.Join(d.dir, name)
		if m, ok := modes[name]; ok {
			_ = os.Chmod(staged, m)
		}
		if err := os.Rename(staged, target); err != nil {
			return &problem.Error{File: target, VI: "không ghi được tệp: " + err.Error(), EN: "cannot write the file: " + err.Error(), Err: err}
		}
	}
	if f, err := os.Open(d.dir); err == nil { // make the renames durable
		_ = f.Sync()
		f.Close()
	}
	return nil
}

// Abort removes the staged outputs, and the directories the first Put created for them: dir is left as it was.
func (d *DirSink) Abort() {
	if d.stage != "" {
		os.RemoveAll(d.stage)
	}
	if d.created != "" {
		for p := filepath.Clean(d.dir); os.Remove(p) == nil && p != d.created; p = filepath.Dir(p) {
		}
	}
	d.stage, d.names, d.created = "", nil, ""
}

// missingTop returns the topmost of dir and its parents that does not exist, "" when dir exists.
func missingTop(dir string) string {
	top := ""
	for p := filepath.Clean(dir); ; p = filepath.Dir(p) {
		if _, err := os.Lstat(p); err == nil {
			return top
		}
		top = p
		if filepath.Dir(p) == p {
			return top
		}
	}
}

const stagePrefix = ".vanban-stage-"

// staleAfter is how long a staging directory or a temporary file has not changed before cleanStale takes it
// for what a killed run left. A run in progress adds an output to its staging directory every few
// milliseconds (which changes the directory's time), so another run writing into the same directory at the
// same moment keeps its own.
const staleAfter = 10 * time.Minute

// cleanStale removes what a killed run left in dir: staging directories and the temporary files of atomic
// writes (".NAME.tmp-*") that have not changed for staleAfter.
func cleanStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		stage := e.IsDir() && strings.HasPrefix(n, stagePrefix)
		temp := !e.IsDir() && strings.HasPrefix(n, ".") && strings.Contains(n, ".tmp-")
		if !stage && !temp {
			continue
		}
		if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < staleAfter {
			continue
		}
		os.RemoveAll(filepath.Join(dir, n))
	}
}

// Report is what a run did.
type Report struct {
	// Inputs are the input files, directories expanded (recursively, *.yaml and *.yml in name order).
	Inputs []string
	// Outputs are the names given to the Sink, in order, with the input each came from.
	Outputs []Output
	// Warnings are the problems that did not stop the run (all of them errors with Options.Strict).
	Warnings problem.List
	// Failed maps each input that has errors to them (its own, or those of a file it needs: its plan, a
	// conclusion notice); nil when the run had none.
	Failed map[string]error
}

// Output is one file made.
type Output struct {
	Name  string // file name, e.g. "ke-hoach-doi-thoai-2023.docx"
	Input string // the input it was made from
}

// Kinds are the values of "kind:" a run renders.
func Kinds() []string { return append([]string{plan.Kind}, notice.Kinds...) }

// Run reads the inputs (files, and directories standing for every *.yaml and *.yml file under them), checks
// them all and renders each to sink in input order. Its error is nil, a problem.List of every problem of every
// input (nothing written), the error of a layout or of sink, or ctx's error.
//
// Memory does not grow with the number of inputs: each plan file, and the session-cycle files of each
// directory with the plans beside them (checked together with the files they name), are read, checked and
// rendered by one of GOMAXPROCS goroutines and let go once their outputs are given to sink. With a Committer
// (Dir) or Discard that is one pass (a Committer commits nothing when a later input fails); with a plain Sink,
// which cannot take back what it was given, every input is checked in a first pass and read again to be
// rendered in a second.
func Run(ctx context.Context, sink Sink, opts Options, paths ...string) (*Report, error) {
	rep := &Report{}
	r := &run{opts: opts}
	files, err := r.expand(paths)
	rep.Inputs = files
	if err != nil {
		return rep, err
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	jobs, errs := r.load(files, rep)
	c, staged := sink.(Committer)
	_, discard := sink.(discardSink)
	if len(errs) > 0 {
		// Check the inputs that did read too: every problem of every input comes back together.
		more, err := r.pass(ctx, jobs, rep, nil, passCheck)
		if err != nil {
			return rep, err
		}
		return rep, source.Cap(append(errs, more...), source.MaxErrors).Err()
	}
	fail := func(err error) (*Report, error) {
		if staged {
			c.Abort()
			rep.Outputs = nil // nothing was written
		}
		return rep, err
	}
	mode := passAll
	if !staged && !discard {
		// A plain Sink keeps what it is given: check everything before giving it anything.
		errs, err := r.pass(ctx, jobs, rep, nil, passCheck)
		if err == nil {
			err = source.Cap(errs, source.MaxErrors).Err()
		}
		if err != nil {
			return rep, err
		}
		mode = passRender
	}
	errs, err = r.pass(ctx, jobs, rep, sink, mode)
	if err == nil && len(errs) > 0 {
		rep.Outputs = nil // nothing was written (a Committer) or kept (Discard)
		err = source.Cap(errs, source.MaxErrors).Err()
	}
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err == nil && staged {
		err = c.Commit()
	}
	if err != nil {
		return fail(err)
	}
	rep.Warnings.Sort()
	return rep, nil
}

// What a pass over the jobs does.
type passMode int

const (
	passCheck  passMode = iota // check every input, output names included; render nothing
	passRender                 // render every output to the sink (the inputs were checked by a passCheck)
	passAll                    // both at once, for a sink that can take back or keeps nothing
)

// pass runs the jobs by GOMAXPROCS goroutines, a few ahead of the one being written, and takes their results in
// input order: the problems of the inputs (checked by this pass) are recorded in rep and returned; the outputs
// are given to sink (when the mode renders and no input failed so far). err is the error that stops the run: a
// layout's, sink's or ctx's.
func (r *run) pass(ctx context.Context, jobs []job, rep *Report, sink Sink, mode passMode) (errs problem.List, err error) {
	checks := mode != passRender
	owner := map[string]string{}
	work := makeAhead(ctx, jobs, mode != passCheck, runtime.GOMAXPROCS(0))
	defer work.stop()
	fail := func(input string, err error) {
		if rep.Failed == nil {
			rep.Failed = map[string]error{}
		}
		rep.Failed[input] = err
		errs = append(errs, problem.From(err)...)
		work.failed.Store(true) // render no more: nothing will be written
	}
	for i := range jobs {
		if err := ctx.Err(); err != nil {
			return errs, err
		}
		res := work.get(i)
		if res.err != nil {
			return errs, res.err
		}
		if len(res.failed) > 0 {
			if !checks {
				for _, in := range res.inputs { // the files changed since they were checked
					if e := res.failed[in]; e != nil {
						return errs, e
					}
				}
			}
			for _, in := range res.inputs {
				if e := res.failed[in]; e != nil {
					fail(in, e)
				}
			}
			continue
		}
		if checks {
			rep.Warnings = append(rep.Warnings, res.warnings...)
		}
		for _, o := range res.outs {
			if checks {
				if prev, dup := owner[o.name]; dup {
					line, col := r.outputPos(o.input)
					fail(o.input, problem.List{{File: o.input, Line: line, Col: col, Path: "output",
						VI: fmt.Sprintf("tệp kết quả %s trùng: cả %s và %s đều tạo ra tệp này; đặt (hoặc thêm) khóa output: với tên khác ở một trong hai tệp", o.name, prev, o.input),
						EN: fmt.Sprintf("output %s clashes: both %s and %s make it; set (or add) output: with another name in one of the two files", o.name, prev, o.input)}})
					continue
				}
				owner[o.name] = o.input
			}
			if sink == nil || len(errs) > 0 {
				continue
			}
			if err := ctx.Err(); err != nil {
				return errs, err
			}
			if err := sink.Put(ctx, o.name, o.data); err != nil {
				return errs, err
			}
			rep.Outputs = append(rep.Outputs, Output{Name: o.name, Input: o.input})
		}
	}
	return errs, nil
}

// ahead makes the outputs of jobs by a fixed number of goroutines, in input order, at most a window of them
// ahead of the one the caller is writing: the workers keep busy while the caller writes (creating a file is
// the costliest system call of a run), and memory holds a window's outputs whatever the number of inputs.
type ahead struct {
	ctx    context.Context
	stop   context.CancelFunc
	jobs   []job
	render bool
	failed atomic.Bool   // an input failed: the jobs not started yet check their input but render nothing
	ring   []chan result // the result of job i goes to ring[i%len(ring)]
	free   chan struct{} // a token per free place of the window
}

// result is what a job made.
type result struct {
	inputs   []string         // the inputs of the job, in order
	outs     []made           // the outputs, in order
	warnings problem.List     // the inputs' warnings
	failed   map[string]error // the inputs that have problems, with them
	err      error            // an error that stops the run
}

// made is one output of a job.
type made struct {
	input, name string
	data        []byte // nil when not rendered
}

func makeAhead(ctx context.Context, jobs []job, render bool, workers int) *ahead {
	ctx, cancel := context.WithCancel(ctx)
	workers = max(workers, 1)
	window := 4 * workers
	a := &ahead{ctx: ctx, stop: cancel, jobs: jobs, render: render,
		ring: make([]chan result, window), free: make(chan struct{}, window)}
	for i := range window {
		a.ring[i] = make(chan result, 1) // a worker never blocks: its place is empty (see get)
		a.free <- struct{}{}
	}
	next := make(chan int)
	go func() { // hand out the jobs in order, each when the window has room for it
		defer close(next)
		for i := range jobs {
			select {
			case <-a.free:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			for i := range next {
				a.ring[i%window] <- a.make(i)
			}
		}()
	}
	return a
}

// make runs job i; a panic becomes the run's error.
func (a *ahead) make(i int) (res result) {
	j := a.jobs[i]
	defer func() {
		if r := recover(); r != nil {
			res = result{err: fmt.Errorf("render: %s: lỗi nội bộ / internal error: %v", j.inputs[0], r)}
		}
	}()
	return j.make(a.ctx, a.render && !a.failed.Load())
}

// get waits for the result of job i (asked for in order, each once) and frees its place in the window.
func (a *ahead) get(i int) result {
	select {
	case m := <-a.ring[i%len(a.ring)]:
		a.free <- struct{}{}
		return m
	case <-a.ctx.Done():
		return result{err: a.ctx.Err()}
	}
}

type run struct {
	opts Options
}

// job is one unit of a run: a plan file, or the session-cycle files of one directory (they refer to each
// other and are checked together). make checks its inputs (when the pass checks) and renders their outputs
// (when render is true).
type job struct {
	inputs []string
	make   func(ctx context.Context, render bool) result
}

func (r *run) noticeOptions() notice.Options {
	return notice.Options{Calendar: r.opts.Calendar, StrictDeadlines: r.opts.Strict, Render: r.opts.Document}
}

func (r *run) cal() *calendar.Calendar {
	if r.opts.Calendar != nil {
		return r.opts.Calendar
	}
	return calendar.Default()
}

func (r *run) stat(name string) (fs.FileInfo, error) {
	if r.opts.FS != nil {
		return fs.Stat(r.opts.FS, name)
	}
	return os.Stat(name)
}

func (r *run) read(name string) ([]byte, error) {
	if r.opts.FS != nil {
		return source.ReadFS(r.opts.FS, name)
	}
	return source.ReadFile(name)
}

// expand turns the paths into input files: a directory stands for the *.yaml and *.yml files under it.
func (r *run) expand(paths []string) ([]string, error) {
	var files []string
	var errs problem.List
	for _, p := range paths {
		st, err := r.stat(p)
		if err != nil {
			vi, en := "không mở được: "+err.Error(), "cannot open: "+err.Error()
			if errors.Is(err, fs.ErrNotExist) {
				vi, en = "không tìm thấy tệp hoặc thư mục", "file or directory not found"
			}
			errs = append(errs, &problem.Error{File: p, VI: vi, EN: en, Err: err})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		walk := func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && name != p && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir // hidden folders: .vanban-backup (vanban serve), .git, staging folders
			}
			if ext := strings.ToLower(path.Ext(d.Name())); !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
				found = append(found, name)
			}
			return nil
		}
		if r.opts.FS != nil {
			err = fs.WalkDir(r.opts.FS, p, walk)
		} else {
			err = filepath.WalkDir(p, walk)
		}
		if err != nil {
			errs = append(errs, &problem.Error{File: p, VI: "không đọc được thư mục: " + err.Error(), EN: "cannot read the directory: " + err.Error(), Err: err})
			continue
		}
		if len(found) == 0 {
			errs = append(errs, &problem.Error{File: p, VI: "thư mục không có tệp *.yaml nào", EN: "no *.yaml files in the directory", Err: fs.ErrNotExist})
			continue
		}
		slices.Sort(found)
		files = append(files, found...)
	}
	return files, errs.Err()
}

// load reads every input's kind and returns the jobs of the run and the problems found so far (files that do
// not read, unknown kinds; rep.Failed says whose). A plan file alone in its directory (as far as the run goes)
// is a job of its own; the session-cycle files (session, conclusion, followup, reception-schedule,
// calendar-export, office) of one directory, with the plans beside them, are one job,
// loaded as one notice set with the files they refer to, its outputs made together and the set let go after:
// memory holds a job's files, never the whole run's.
func (r *run) load(files []string, rep *Report) ([]job, problem.List) {
	var errs problem.List
	type kindErr struct {
		kind string
		err  error
	}
	found := make([]kindErr, len(files))
	parallel(runtime.GOMAXPROCS(0), len(files), func(i int) { // read by a few goroutines; the results in file order
		data, err := r.read(files[i])
		if err == nil {
			found[i].kind, err = kindOf(files[i], data)
		}
		found[i].err = err
	})
	named := map[string]bool{}
	cycleDirs := map[string]bool{} // the directories that hold session-cycle inputs
	exports := map[string]bool{}   // the calendar-export inputs
	for i, f := range files {
		named[r.clean(f)] = true
		if found[i].err == nil && found[i].kind != plan.Kind {
			cycleDirs[r.dir(f)] = true
			if found[i].kind == notice.KindCalendarExport {
				exports[f] = true
			}
		}
	}
	groups := map[string][]string{} // the inputs of each cycle directory, plans among them
	var order []string              // standalone plan files and cycle directories, in the order of their first file
	for i, f := range files {
		switch d := r.dir(f); {
		case found[i].err != nil:
			if rep.Failed == nil {
				rep.Failed = map[string]error{}
			}
			rep.Failed[f] = found[i].err
			errs = append(errs, problem.From(found[i].err)...)
		case !cycleDirs[d]: // a plan alone in its directory, as far as the run goes
			order = append(order, "\x00"+f)
		default:
			if groups[d] == nil {
				order = append(order, d)
			}
			groups[d] = append(groups[d], f)
		}
	}
	jobs := make([]job, 0, len(order))
	for _, o := range order {
		if f, ok := strings.CutPrefix(o, "\x00"); ok {
			jobs = append(jobs, job{inputs: []string{f}, make: r.planJob(f)})
		} else {
			jobs = append(jobs, job{inputs: groups[o], make: r.cycleJob(groups[o], named, exports)})
		}
	}
	return jobs, errs
}

// planJob reads, checks and renders the plan file f.
func (r *run) planJob(f string) func(context.Context, bool) result {
	return func(ctx context.Context, render bool) result {
		res := result{inputs: []string{f}}
		data, err := r.read(f)
		var p *plan.Plan
		if err == nil {
			p, err = plan.Parse(f, data)
		}
		if err != nil {
			res.failed = map[string]error{f: err}
			return res
		}
		out, warnings, failed, err := r.renderPlan(ctx, f, p, render)
		switch {
		case err != nil:
			return result{inputs: res.inputs, err: err}
		case failed != nil:
			res.failed = map[string]error{f: failed}
		default:
			res.warnings, res.outs = warnings, []made{out}
		}
		return res
	}
}

// renderPlan takes the plan p, read from f and checked: its warnings (failed, with Options.Strict, when it has
// any), its output name and, when render is true, its document. err is the error of the layout.
func (r *run) renderPlan(ctx context.Context, f string, p *plan.Plan, render bool) (out made, warnings problem.List, failed, err error) {
	warnings = p.Warnings(r.cal())
	if r.opts.Strict && len(warnings) > 0 {
		return made{}, nil, warnings.Err(), nil
	}
	out = made{input: f, name: outputName(f, p.Output)}
	if !render {
		return out, warnings, nil, nil
	}
	// p.RenderContext would check the plan again: plan.Parse (or the notice set) just did, and nothing changed
	// it since.
	doc, err := p.Document()
	if err == nil {
		out.data, err = document.RenderContext(ctx, doc, r.opts.Document...)
		if err != nil && ctx.Err() == nil {
			e := p.Errorf("", "không tạo được văn bản: "+err.Error(), "cannot render the document: "+err.Error())
			e.Err = err
			err = e
		}
	}
	return out, warnings, nil, err
}

// cycleJob loads the inputs fs of one directory (session-cycle files, and its plans) as one notice set, checks
// them and renders their outputs in file order. named are the run's inputs (the set's warnings about them are the job's); exports
// its calendar-export inputs.
func (r *run) cycleJob(fs []string, named, exports map[string]bool) func(context.Context, bool) result {
	return func(ctx context.Context, render bool) result {
		res := result{inputs: fs}
		set, err := r.loadSet(fs...)
		if err != nil {
			// Load each file on its own: which inputs fail, and every error of every input.
			res.failed = map[string]error{}
			for _, f := range fs {
				if err := r.errorsOf(f); err != nil {
					res.failed[f] = err
				}
			}
			if len(res.failed) == 0 { // the files fail only together: say it of the first
				res.failed[fs[0]] = err
			}
			return res
		}
		for _, w := range set.Warnings {
			if named[r.clean(w.File)] {
				res.warnings = append(res.warnings, w)
			}
		}
		for _, f := range fs {
			if p := set.Plan(f); p != nil { // a plan of the directory, loaded by the set
				out, warnings, failed, err := r.renderPlan(ctx, f, p, render)
				switch {
				case err != nil:
					return result{inputs: fs, err: err}
				case failed != nil:
					if res.failed == nil {
						res.failed = map[string]error{}
					}
					res.failed[f] = failed
				default:
					res.warnings, res.outs = append(res.warnings, warnings...), append(res.outs, out)
				}
				continue
			}
			names := set.OutputNames(f)
			if !render {
				for _, name := range names {
					res.outs = append(res.outs, made{input: f, name: name})
				}
				continue
			}
			if len(names) == 0 {
				continue
			}
			from := set
			if exports[f] {
				// The calendar of a plan's cycle takes the files of that plan only (its directory, or its
				// include list), not every file of the run: a set of its own.
				if from, err = r.loadSet(f); err != nil {
					return result{inputs: fs, err: err}
				}
			}
			outs, err := from.RenderContext(ctx, f)
			if err != nil {
				return result{inputs: fs, err: err}
			}
			for _, name := range names {
				var data []byte
				for _, o := range outs {
					if o.Name == name {
						data = o.Data
					}
				}
				if data == nil {
					return result{inputs: fs, err: fmt.Errorf("render: %s made no %s", f, name)}
				}
				res.outs = append(res.outs, made{input: f, name: name, data: data})
			}
		}
		return res
	}
}

// parallel calls f(0) … f(n-1) by at most workers goroutines and returns when all are done.
func parallel(workers, n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

func (r *run) loadSet(paths ...string) (*notice.Set, error) {
	if r.opts.FS != nil {
		return notice.LoadFS(r.opts.FS, r.noticeOptions(), paths...)
	}
	return notice.Load(r.noticeOptions(), paths...)
}

// errorsOf loads one input on its own and returns its errors (a plan's warnings too, with Strict), nil if none.
func (r *run) errorsOf(f string) error {
	set, err := r.loadSet(f)
	if err != nil {
		return err
	}
	if p := set.Plan(f); p != nil && r.opts.Strict {
		return p.Warnings(r.cal()).Err()
	}
	return nil
}

// dir returns the directory of an input.
func (r *run) dir(p string) string {
	if r.opts.FS != nil {
		return path.Dir(p)
	}
	return filepath.Dir(p)
}

func (r *run) clean(p string) string {
	if r.opts.FS != nil {
		return path.Clean(p)
	}
	return filepath.Clean(p)
}

// outputName returns the output file name: the "output" key, or the input's base name with .docx.
func outputName(file, output string) string {
	if output != "" {
		return output
	}
	base := path.Base(filepath.ToSlash(file))
	return strings.TrimSuffix(base, path.Ext(base)) + ".docx"
}

// kindOf reads the top-level "kind" key and checks that Run renders it.
func kindOf(file string, data []byte) (string, error) {
	if k := source.QuickKind(data); slices.Contains(Kinds(), k) {
		return k, nil
	}
	var root yaml.Node
	known := Kinds()
	slices.Sort(known)
	list := strings.Join(known, ", ")
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		// Let the strict decoder describe the problem with its position.
		var v struct{}
		if _, errs := source.Decode(file, data, &v); len(errs) > 0 {
			return "", errs.Err()
		}
		return "", &problem.Error{File: file, VI: "không đọc được tệp YAML: " + err.Error(), EN: "cannot read the YAML file: " + err.Error(), Err: err}
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
			if v.Kind != yaml.ScalarNode || !slices.Contains(known, v.Value) {
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

// outputPos returns the position of the output key's value in the input file, or 1:1 when it has none (its
// output name is its file name).
func (r *run) outputPos(file string) (line, col int) {
	data, err := r.read(file)
	var n yaml.Node
	if err != nil || yaml.Unmarshal(data, &n) != nil || len(n.Content) == 0 || n.Content[0].Kind != yaml.MappingNode {
		return 1, 1
	}
	m := n.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "output" {
			return m.Content[i+1].Line, m.Content[i+1].Column
		}
	}
	return 1, 1
}
