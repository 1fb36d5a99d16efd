package notice

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/vanban/vanban/internal/fsread"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
	"gopkg.in/yaml.v3"
)

// files is where a Set reads its inputs: the operating system's files (fsys nil; names are OS paths, relative
// or absolute), or an fs.FS (names are slash-separated fs paths). Every file is read and peeked at (kind, plan
// reference) once, so loading a set is linear in its files however many files refer to one plan.
type files struct {
	fsys  fs.FS
	cache map[string]*fileInfo // by key
	dirs  map[string][]string  // yaml files of a directory, by directory key
}

type fileInfo struct {
	data      []byte
	err       error
	kind, ref string
	// A plan parsed ahead of time by prefetch, with the name it was parsed under (Set.plan uses it when it
	// loads the file under that name).
	planName string
	plan     *plan.Plan
	planErr  error
	dropped  bool // data was let go once parsed
}

func newFiles(fsys fs.FS) *files {
	return &files{fsys: fsys, cache: map[string]*fileInfo{}, dirs: map[string][]string{}}
}

// key is the identity of a file: its absolute path on the OS, its clean path in an fs.FS.
func (f *files) key(name string) string {
	if f.fsys != nil {
		return path.Clean(name)
	}
	return abs(name)
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return a
}

// info reads a file once and peeks at its kind and plan reference.
func (f *files) info(name string) *fileInfo {
	k := f.key(name)
	if fi, ok := f.cache[k]; ok {
		return fi
	}
	fi := f.readInfo(name)
	f.cache[k] = fi
	return fi
}

// readInfo reads a file and peeks at it, without the cache (safe to call concurrently).
func (f *files) readInfo(name string) *fileInfo {
	fi := &fileInfo{}
	if f.fsys != nil {
		fi.data, fi.err = source.ReadFS(f.fsys, name)
	} else {
		fi.data, fi.err = source.ReadFile(name)
	}
	if fi.err == nil {
		fi.kind, fi.ref = peek(fi.data)
	} else {
		fi.ref = f.rawRef(name)
	}
	return fi
}

// rawRef returns the plan line of a file that is not text vanban reads (not UTF-8, a NUL byte), from its raw
// bytes, so that the file is still taken with its plan's files and its error reported; "" when it cannot be
// read at all.
func (f *files) rawRef(name string) string {
	var data []byte
	var err error
	if f.fsys != nil {
		data, err = fsread.ReadFS(f.fsys, name, source.MaxSize)
	} else {
		data, err = fsread.Read(name, source.MaxSize)
	}
	if err != nil {
		return ""
	}
	return PlanRef(data)
}

// prefetchOne reads a file and peeks at it; a plan is parsed. A file that source.QuickKind says is a plan is parsed
// without the peek's own YAML parse: a plan that parses has kind plan (its validation says so) and no plan
// key (its strict decoding says so), which is what peek would say; only when it does not parse does peek decide.
func (f *files) prefetchOne(name string) *fileInfo {
	fi := &fileInfo{}
	if f.fsys != nil {
		fi.data, fi.err = source.ReadFS(f.fsys, name)
	} else {
		fi.data, fi.err = source.ReadFile(name)
	}
	if fi.err != nil {
		fi.ref = f.rawRef(name)
		return fi
	}
	if source.QuickKind(fi.data) == plan.Kind {
		fi.planName = name
		fi.plan, fi.planErr = plan.Parse(name, fi.data)
		if fi.planErr == nil {
			fi.kind = plan.Kind
			return fi
		}
	}
	fi.kind, fi.ref = peek(fi.data)
	if fi.kind == plan.Kind && fi.planName == "" {
		fi.planName = name
		fi.plan, fi.planErr = plan.Parse(name, fi.data)
	} else if fi.kind != plan.Kind {
		fi.planName, fi.plan, fi.planErr = "", nil, nil
	}
	return fi
}

// prefetch reads the files named (not yet in the cache) concurrently, by GOMAXPROCS goroutines, peeks at
// them and parses the plans among them: the costly part of loading a set of many plans. The results are
// put in the cache in the order of names, so that loading stays as deterministic as reading one by one.
func (f *files) prefetch(names []string) {
	var todo []string
	seen := map[string]bool{}
	for _, n := range names {
		k := f.key(n)
		if _, ok := f.cache[k]; ok || seen[k] {
			continue
		}
		seen[k] = true
		todo = append(todo, n)
	}
	if len(todo) < 2 {
		return
	}
	infos := make([]*fileInfo, len(todo))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				infos[i] = f.prefetchOne(todo[i])
			}
		}()
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, n := range todo {
		f.cache[f.key(n)] = infos[i]
	}
}

// read returns a file's bytes (read once).
func (f *files) read(name string) ([]byte, error) {
	fi := f.info(name)
	if fi.dropped {
		again := f.readInfo(name)
		return again.data, again.err
	}
	return fi.data, fi.err
}

// stat reports whether name exists and is a directory; err is the fs error when it does not exist.
func (f *files) stat(name string) (dir bool, err error) {
	var st fs.FileInfo
	if f.fsys != nil {
		st, err = fs.Stat(f.fsys, name)
	} else {
		st, err = os.Stat(name)
	}
	if err != nil {
		return false, err
	}
	return st.IsDir(), nil
}

func (f *files) exists(name string) bool {
	_, err := f.stat(name)
	return err == nil
}

// dir returns the directory of a file name.
func (f *files) dir(name string) string {
	if f.fsys != nil {
		return path.Dir(name)
	}
	return filepath.Dir(name)
}

// rel resolves ref, written in the file from, against from's directory (an absolute OS path stays as it is).
func (f *files) rel(from, ref string) string {
	if f.fsys != nil {
		return path.Join(path.Dir(from), ref)
	}
	if filepath.IsAbs(ref) {
		return ref
	}
	return filepath.Join(filepath.Dir(from), ref)
}

// list returns the .yaml and .yml files of dir in name order (read once per directory).
func (f *files) list(dir string) []string {
	k := f.key(dir)
	if out, ok := f.dirs[k]; ok {
		return out
	}
	var entries []fs.DirEntry
	if f.fsys != nil {
		entries, _ = fs.ReadDir(f.fsys, dir)
	} else {
		entries, _ = os.ReadDir(dir)
	}
	var out []string
	for _, e := range entries {
		if ext := strings.ToLower(path.Ext(e.Name())); !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			if f.fsys != nil {
				out = append(out, path.Join(dir, e.Name()))
			} else {
				out = append(out, filepath.Join(dir, e.Name()))
			}
		}
	}
	slices.Sort(out)
	f.dirs[k] = out
	return out
}

// refers reports whether the file name names the plan file planPath in its plan key.
func (f *files) refers(name, planPath string) bool {
	fi := f.info(name)
	if fi.ref == "" { // a file that does not read names its plan by its raw plan line (rawRef)
		return false
	}
	return f.key(f.rel(name, fi.ref)) == f.key(planPath)
}

// peek returns the top-level kind and plan keys of a YAML file with one parse (PeekKind and PlanRef in one);
// a file that does not parse gets PlanRef's fallback for its plan line.
func peek(data []byte) (kind, ref string) {
	var n yaml.Node
	if yaml.Unmarshal(data, &n) != nil {
		return "", PlanRef(data)
	}
	if len(n.Content) == 0 || n.Content[0].Kind != yaml.MappingNode {
		return "", ""
	}
	m := n.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			continue
		}
		switch k.Value {
		case "kind":
			if kind == "" {
				kind = v.Value
			}
		case "plan":
			if ref == "" {
				ref = v.Value
			}
		}
	}
	return kind, ref
}
