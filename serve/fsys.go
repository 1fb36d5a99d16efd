package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/vanban/vanban/problem"
)

// BackupDir is the folder, inside the served directory, where the previous version of every saved file is kept
// (BackupDir/NAME.N.yaml, N counting up from 1). Like every name starting with ".", it is never read as an
// input, never listed and never served.
const BackupDir = ".vanban-backup"

// maxBackups is how many previous versions of one file are kept; the oldest go first.
const maxBackups = 20

// cleanPath checks a slash-separated path given by a client and returns it clean. It must be relative, stay
// inside the directory, name no hidden file or folder (".vanban-backup", ".git") and, unless dir is set, end in
// .yaml or .yml.
func cleanPath(p string, dir bool) (string, error) {
	bad := func(vi, en string) error { return &problem.Error{File: p, VI: vi, EN: en} }
	if p == "" {
		return "", bad("thiếu tên tệp", "no file name")
	}
	if strings.ContainsAny(p, "\\\x00:") || strings.HasPrefix(p, "/") {
		return "", bad("đường dẫn không hợp lệ (chỉ tên tệp trong thư mục, phân cách bằng /)", "invalid path (a file name inside the folder, separated by /)")
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			return "", bad("đường dẫn ra ngoài thư mục", "the path leaves the folder")
		}
		if strings.HasPrefix(part, ".") && part != "." {
			return "", bad("tệp hoặc thư mục ẩn không được phép", "hidden files and folders are not allowed")
		}
	}
	c := path.Clean(p)
	if !fs.ValidPath(c) {
		return "", bad("đường dẫn không hợp lệ", "invalid path")
	}
	if !dir {
		if ext := strings.ToLower(path.Ext(c)); ext != ".yaml" && ext != ".yml" {
			return "", bad("chỉ mở được tệp .yaml hoặc .yml", "only .yaml or .yml files can be opened")
		}
	}
	return c, nil
}

// hidden reports whether a directory entry is left out of every listing and input: names starting with "."
// (BackupDir, the staging folders of render.Dir, editors' and version control's folders).
func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// folder is the served directory, opened as an os.Root: no name given to it reaches outside the directory,
// through ".." or through a symbolic link.
type folder struct {
	root *os.Root
}

// version identifies the content of a file: its SHA-256 and its modification time. A save must name the
// version it was edited from.
func version(data []byte, mod time.Time) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:12]) + "-" + strconv.FormatInt(mod.UnixNano(), 36)
}

// sameContent reports whether two versions are of the same bytes (the modification time apart: a file
// touched without a change is not a conflict).
func sameContent(a, b string) bool {
	ha, _, _ := strings.Cut(a, "-")
	hb, _, _ := strings.Cut(b, "-")
	return ha != "" && ha == hb
}

// read returns a file's content and version. The file must be a regular file of at most maxSize bytes.
func (f *folder) read(name string) ([]byte, string, error) {
	st, err := f.root.Stat(name)
	if err != nil {
		return nil, "", err
	}
	if !st.Mode().IsRegular() {
		return nil, "", fmt.Errorf("%s: not a regular file", name)
	}
	if st.Size() > maxSize {
		return nil, "", errTooBig
	}
	data, err := f.root.ReadFile(name)
	if err != nil {
		return nil, "", err
	}
	if len(data) > maxSize {
		return nil, "", errTooBig
	}
	return data, version(data, st.ModTime()), nil
}

var errTooBig = errors.New("file too large")

// errConflict is returned by write when the file on disk is not the version the edit started from.
var errConflict = errors.New("conflict")

// write saves data as name, atomically: the data goes to a temporary file in the same folder, synced, then
// renamed over name. The previous content, if any, is first copied to BackupDir. base is the version the edit
// started from ("" for a new file, which must not exist yet); a file whose content differs from base is not
// touched (errConflict). It returns the new version.
func (f *folder) write(name string, data []byte, base string) (string, error) {
	old, cur, err := f.read(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if base != "" {
			return "", errConflict // deleted since it was opened
		}
	case err != nil:
		return "", err
	case base == "" || !sameContent(cur, base):
		return "", errConflict
	}
	if old != nil && !bytes.Equal(old, data) {
		if err := f.backup(name, old); err != nil {
			return "", err
		}
	}
	dir := path.Dir(name)
	tmp := path.Join(dir, "."+path.Base(name)+".tmp-"+strconv.FormatInt(time.Now().UnixNano(), 36))
	mode := fs.FileMode(0o644)
	if st, err := f.root.Stat(name); err == nil {
		mode = st.Mode().Perm()
	}
	w, err := f.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return "", err
	}
	_, err = w.Write(data)
	if err == nil {
		err = w.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = f.root.Rename(tmp, name)
	}
	if err != nil {
		f.root.Remove(tmp)
		return "", err
	}
	st, err := f.root.Stat(name)
	if err != nil {
		return "", err
	}
	return version(data, st.ModTime()), nil
}

// backup keeps old, the content of name before a save, as BackupDir/<name with "/" as "__">.N.<ext>, N one
// more than the last; only the newest maxBackups are kept.
func (f *folder) backup(name string, old []byte) error {
	if err := f.root.MkdirAll(BackupDir, 0o755); err != nil {
		return err
	}
	ext := path.Ext(name)
	stem := strings.ReplaceAll(strings.TrimSuffix(name, ext), "/", "__")
	entries, err := fs.ReadDir(f.root.FS(), BackupDir)
	if err != nil {
		return err
	}
	var ns []int
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), stem+".")
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSuffix(rest, ext)); err == nil && strings.HasSuffix(rest, ext) {
			ns = append(ns, n)
		}
	}
	slices.Sort(ns)
	next := 1
	if len(ns) > 0 {
		next = ns[len(ns)-1] + 1
	}
	if err := f.root.WriteFile(path.Join(BackupDir, stem+"."+strconv.Itoa(next)+ext), old, 0o644); err != nil {
		return err
	}
	for len(ns) >= maxBackups {
		f.root.Remove(path.Join(BackupDir, stem+"."+strconv.Itoa(ns[0])+ext))
		ns = ns[1:]
	}
	return nil
}

// inputs returns the fs.FS the library reads: the folder without its hidden entries, with, when name is not
// empty, the file name holding data (the editor's unsaved text) instead of what is on disk.
func (f *folder) inputs(name string, data []byte) fs.FS {
	o := &overlay{base: f.root.FS()}
	if name != "" {
		o.name = name
		o.file = fstest.MapFS{name: &fstest.MapFile{Data: data, Mode: 0o644, ModTime: time.Unix(0, 0)}}
	}
	return o
}

// overlay is an fs.FS over the served folder that hides the names starting with "." and may replace one file.
type overlay struct {
	base fs.FS
	name string
	file fstest.MapFS
}

func (o *overlay) hides(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if hidden(part) && part != "." {
			return true
		}
	}
	return false
}

func (o *overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) || o.hides(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if o.name != "" && name == o.name {
		return o.file.Open(name)
	}
	f, err := o.base.Open(name)
	if err != nil {
		return nil, err
	}
	if d, ok := f.(fs.ReadDirFile); ok {
		return &dirFile{ReadDirFile: d, o: o, name: name}, nil
	}
	return f, nil
}

func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) || o.hides(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	es, err := fs.ReadDir(o.base, name)
	if err != nil {
		return nil, err
	}
	return o.filter(name, es), nil
}

// filter drops the hidden entries and adds the replaced file when it is new.
func (o *overlay) filter(dir string, es []fs.DirEntry) []fs.DirEntry {
	es = slices.DeleteFunc(es, func(e fs.DirEntry) bool { return hidden(e.Name()) })
	if o.name != "" && path.Dir(o.name) == dir {
		base := path.Base(o.name)
		if !slices.ContainsFunc(es, func(e fs.DirEntry) bool { return e.Name() == base }) {
			if st, err := fs.Stat(o.file, o.name); err == nil {
				es = append(es, fs.FileInfoToDirEntry(st))
				slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
			}
		}
	}
	return es
}

type dirFile struct {
	fs.ReadDirFile
	o    *overlay
	name string
}

func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	es, err := d.ReadDirFile.ReadDir(n)
	return d.o.filter(d.name, es), err
}
