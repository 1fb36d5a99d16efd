package templates

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/nguyenthenguyen/docx"
)

// Limits bound what Parse accepts, so that a hostile or broken file (a zip
// bomb) is refused before it is expanded in memory. Sizes are bytes; zero
// means "use the default".
type Limits struct {
	MaxCompressed int64 // size of the .docx file itself (default 64 MiB)
	MaxPart       int64 // uncompressed size of one part (default 64 MiB)
	MaxTotal      int64 // uncompressed size of all parts together (default 256 MiB)
	MaxEntries    int   // number of zip entries (default 10,000)
}

// DefaultLimits are the limits used unless WithLimits says otherwise.
var DefaultLimits = Limits{
	MaxCompressed: 64 << 20,
	MaxPart:       64 << 20,
	MaxTotal:      256 << 20,
	MaxEntries:    10000,
}

type verifyMode uint8

const (
	verifyFast   verifyMode = iota // zip re-open (parts were checked at Parse)
	verifyNone                     // nothing
	verifyStrict                   // also tag balance and encoding/xml parse of rendered parts, every entry decompressed
)

type config struct {
	allowMissing bool
	stripInvalid bool
	limits       Limits
	verify       verifyMode
}

// Option changes how a template is compiled and rendered.
type Option func(*config)

// AllowMissing renders a field or section missing from the data as blank
// (sections: as false) instead of failing with ErrMissingField.
func AllowMissing() Option { return func(c *config) { c.allowMissing = true } }

// StripInvalidChars drops characters XML 1.0 forbids (control characters,
// invalid UTF-8) from values instead of failing with ErrInvalidChar.
func StripInvalidChars() Option { return func(c *config) { c.stripInvalid = true } }

// WithLimits replaces the size limits (zero fields keep their default).
func WithLimits(l Limits) Option {
	return func(c *config) {
		if l.MaxCompressed > 0 {
			c.limits.MaxCompressed = l.MaxCompressed
		}
		if l.MaxPart > 0 {
			c.limits.MaxPart = l.MaxPart
		}
		if l.MaxTotal > 0 {
			c.limits.MaxTotal = l.MaxTotal
		}
		if l.MaxEntries > 0 {
			c.limits.MaxEntries = l.MaxEntries
		}
	}
}

// SkipVerify turns off the check of every rendered document (re-opening the
// zip). The check costs little; use this only when profiling shows it
// matters.
func SkipVerify() Option { return func(c *config) { c.verify = verifyNone } }

// VerifyStrict makes every render re-open its output, decompress every
// entry (checking CRCs) and parse each rendered part with encoding/xml.
// It is several times slower than the default check.
func VerifyStrict() Option { return func(c *config) { c.verify = verifyStrict } }

// entry is one zip entry of the template.
type entry struct {
	name   string
	method uint16
	crc    uint32
	usize  uint64
	raw    []byte // compressed bytes, copied as they are when prog == nil
	prog   []node // compiled program of a part holding tags
}

// Template is a compiled .docx template. It is immutable after Parse and
// safe for concurrent use by several goroutines.
type Template struct {
	cfg     config
	entries []entry
	maxID   [numIDClasses]int // largest id of each class in the filled parts

	fieldsOnce sync.Once // Fields is computed on first use
	fields     []Field
}

// templatePart matches the parts whose text is filled: the main document,
// headers, footers, footnotes and endnotes.
var templatePart = regexp.MustCompile(`^word/(document|header[0-9]*|footer[0-9]*|footnotes|endnotes)\.xml$`)

// ParseFile reads and compiles a .docx template from disk.
func ParseFile(name string, opts ...Option) (*Template, error) {
	cfg := newConfig(opts)
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > cfg.limits.MaxCompressed {
		return nil, fmt.Errorf("templates: %s: %w: %d bytes (limit %d)", name, ErrTooLarge, st.Size(), cfg.limits.MaxCompressed)
	}
	b, err := io.ReadAll(io.LimitReader(f, cfg.limits.MaxCompressed+1))
	if err != nil {
		return nil, err
	}
	t, err := Parse(b, opts...)
	if err != nil {
		var te *TemplateErrors
		if errors.As(err, &te) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return t, nil
}

func newConfig(opts []Option) config {
	cfg := config{limits: DefaultLimits}
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}

// Parse compiles a .docx template held in memory. Template errors are all
// reported together as *TemplateErrors. Parse does not keep a reference to
// docx.
func Parse(docxBytes []byte, opts ...Option) (*Template, error) {
	cfg := newConfig(opts)
	if int64(len(docxBytes)) > cfg.limits.MaxCompressed {
		return nil, fmt.Errorf("templates: %w: %d bytes (limit %d)", ErrTooLarge, len(docxBytes), cfg.limits.MaxCompressed)
	}
	zr, err := zip.NewReader(bytes.NewReader(docxBytes), int64(len(docxBytes)))
	if err != nil {
		return nil, fmt.Errorf("templates: not a .docx (zip) file: %w", err)
	}
	// Size limits are checked on the declared sizes before anything is
	// expanded; archive/zip refuses to read more than the declared size
	// (ErrFormat), so a lying header cannot get around them.
	if len(zr.File) > cfg.limits.MaxEntries {
		return nil, fmt.Errorf("templates: %w: %d zip entries (limit %d)", ErrTooLarge, len(zr.File), cfg.limits.MaxEntries)
	}
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > uint64(cfg.limits.MaxPart) {
			return nil, fmt.Errorf("templates: %w: part %s expands to %d bytes (limit %d)", ErrTooLarge, f.Name, f.UncompressedSize64, cfg.limits.MaxPart)
		}
		total += f.UncompressedSize64
		if total > uint64(cfg.limits.MaxTotal) {
			return nil, fmt.Errorf("templates: %w: parts expand to more than %d bytes", ErrTooLarge, cfg.limits.MaxTotal)
		}
	}
	mainDocument, err := openMainDocument(zr)
	if err != nil {
		return nil, err
	}

	t := &Template{cfg: cfg}
	var terrs []*TemplateError
	seen := map[string]bool{}
	var scratch []byte // non-template XML parts, read only to be checked
	for _, f := range zr.File {
		if seen[f.Name] {
			return nil, fmt.Errorf("templates: duplicate zip entry %s", f.Name)
		}
		seen[f.Name] = true
		e := entry{name: f.Name, method: f.Method, crc: f.CRC32, usize: f.UncompressedSize64}
		isDir := strings.HasSuffix(f.Name, "/")
		if templatePart.MatchString(f.Name) && !isDir {
			var b []byte
			if f.Name == "word/document.xml" {
				b = mainDocument
			} else if b, err = readEntry(f, nil); err != nil {
				return nil, fmt.Errorf("templates: reading %s: %w", f.Name, err)
			}
			if xerrs := xmlErrors(f.Name, b); xerrs != nil {
				terrs = append(terrs, xerrs...)
				continue
			}
			prog, errs, maxID, err := compilePart(f.Name, b)
			if err != nil {
				var te *TemplateError
				if errors.As(err, &te) {
					terrs = append(terrs, te)
					continue
				}
				return nil, fmt.Errorf("templates: %s: %w", f.Name, err)
			}
			terrs = append(terrs, errs...)
			for k, v := range maxID {
				t.maxID[k] = max(t.maxID[k], v)
			}
			if prog != nil {
				e.prog = prog
				t.entries = append(t.entries, e)
				continue
			}
		} else if !isDir {
			// A part copied raw is still read once here (a cost paid per
			// template, not per render): archive/zip checks its CRC and
			// refuses more or fewer bytes than the header declares, so a
			// corrupt entry is refused now instead of being copied into
			// every document; and an XML part must be well-formed.
			if err := checkEntry(f, &scratch); err != nil {
				return nil, fmt.Errorf("templates: part %s is corrupt: %w", f.Name, err)
			}
			if isXMLName(f.Name) {
				terrs = append(terrs, xmlErrors(f.Name, scratch)...)
			}
		}
		rc, err := f.OpenRaw()
		if err != nil {
			return nil, fmt.Errorf("templates: reading %s: %w", f.Name, err)
		}
		if f.CompressedSize64 > uint64(cfg.limits.MaxPart) {
			return nil, fmt.Errorf("templates: %w: part %s", ErrTooLarge, f.Name)
		}
		e.raw = make([]byte, f.CompressedSize64)
		if _, err := io.ReadFull(rc, e.raw); err != nil {
			return nil, fmt.Errorf("templates: reading %s: %w", f.Name, err)
		}
		t.entries = append(t.entries, e)
	}
	if len(terrs) > 0 {
		return nil, &TemplateErrors{Errors: terrs}
	}
	return t, nil
}

var emptyRelationships = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`)

// openMainDocument opens the package with nguyenthenguyen/docx, the
// dependency this project builds on, and returns the main document as the
// dependency reads it.
//
// The dependency only exposes word/document.xml: its header and footer maps
// are unexported (and shared by every Editable copy), it does not read
// footnotes or endnotes, and it finds no placeholder that Word split across
// runs, which is what the compiler is for; so the other parts are read from
// the zip by Parse. Two of its weak spots are wrapped here. It inflates every
// header, footer and rels part it finds and never closes the readers it
// opens, so archive/zip cannot reuse their decompressors (about 40 KB of
// garbage a part): it is handed a view of the package holding only the main
// document, copied compressed as it is (no deflate), and an empty, stored
// relationships part. The dependency refuses a package without
// word/_rels/document.xml.rels, which the OPC rules allow (a document with no
// relationship), and vanban uses only its main document, so the real
// relationships are not inflated for it.
func openMainDocument(zr *zip.Reader) ([]byte, error) {
	const mainName = "word/document.xml"
	var main *zip.File
	for _, f := range zr.File {
		if f.Name == mainName {
			main = f
			break
		}
	}
	if main == nil {
		return nil, fmt.Errorf("templates: not a .docx file: no %s", mainName)
	}
	var view bytes.Buffer
	zw := zip.NewWriter(&view)
	raw, err := main.OpenRaw()
	if err == nil {
		buf := make([]byte, main.CompressedSize64)
		if _, err = io.ReadFull(raw, buf); err == nil {
			fh := main.FileHeader
			var w io.Writer
			if w, err = zw.CreateRaw(&fh); err == nil {
				_, err = w.Write(buf)
			}
		}
	}
	if err == nil {
		var w io.Writer
		if w, err = zw.CreateHeader(&zip.FileHeader{Name: "word/_rels/document.xml.rels", Method: zip.Store}); err == nil {
			_, err = w.Write(emptyRelationships)
		}
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("templates: reading %s: %w", mainName, err)
	}
	opened, err := docx.ReadDocxFromMemory(bytes.NewReader(view.Bytes()), int64(view.Len()))
	if err != nil {
		return nil, fmt.Errorf("templates: not a .docx file: %w", err)
	}
	content := opened.Editable().GetContent()
	if err := opened.Close(); err != nil {
		return nil, fmt.Errorf("templates: closing template: %w", err)
	}
	return []byte(content), nil
}

// readEntry returns the uncompressed content of f, appended to buf.
// archive/zip checks the CRC and that exactly the declared size comes out
// (the declared size is within Limits).
func readEntry(f *zip.File, buf []byte) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readExact(rc, f.UncompressedSize64, buf)
}

// readExact reads an entry of the declared size into buf (grown once if
// needed, not doubled as bytes.Buffer.ReadFrom would), then reads once more
// so that archive/zip reaches the end of the entry and checks its CRC: a
// wrong checksum, or more or fewer bytes than declared, is an error.
func readExact(rc io.Reader, size uint64, buf []byte) ([]byte, error) {
	n := int(size)
	if cap(buf) < n+1 {
		buf = make([]byte, n+1)
	}
	buf = buf[:n+1]
	if _, err := io.ReadFull(rc, buf[:n]); err != nil {
		return nil, err
	}
	if k, err := rc.Read(buf[n:]); k != 0 || err != io.EOF {
		if err == nil || err == io.EOF {
			err = fmt.Errorf("more data than the %d bytes declared", n)
		}
		return nil, err
	}
	return buf[:n], nil
}

// isXMLName tells the parts checked for well-formedness: *.xml and *.rels.
func isXMLName(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".xml" || ext == ".rels"
}

// checkEntry decompresses f once, checking its CRC and declared size. An
// XML part is left in scratch for the well-formedness check; anything else
// is discarded as it is read.
func checkEntry(f *zip.File, scratch *[]byte) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	if isXMLName(f.Name) {
		*scratch, err = readExact(rc, f.UncompressedSize64, (*scratch)[:0])
		return err
	}
	*scratch = (*scratch)[:0]
	_, err = io.Copy(io.Discard, rc)
	return err
}

// xmlErrors checks that part is well-formed XML and returns a TemplateError
// for each problem (nil when there is none). A UTF-16 part (allowed by
// OPC, never written by Word) is not checked.
func xmlErrors(part string, b []byte) []*TemplateError {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		if templatePart.MatchString(part) {
			return []*TemplateError{{Part: part, Line: 1, Message: "UTF-16 is not supported in a filled part: save it as UTF-8"}}
		}
		return nil
	}
	probs := checkXML(b)
	if len(probs) == 0 {
		return nil
	}
	out := make([]*TemplateError, len(probs))
	for i, p := range probs {
		ctx, line := xmlContext(b, p.off)
		out[i] = &TemplateError{Part: part, Line: line, Context: ctx, Message: p.msg}
	}
	return out
}

// ParseFS compiles a template stored unzipped: fsys is rooted at the
// package ([Content_Types].xml, _rels/.rels, word/document.xml, …). The
// files are zipped deterministically ([Content_Types].xml first, then by
// path) and compiled as by Parse.
func ParseFS(fsys fs.FS, opts ...Option) (*Template, error) {
	b, err := ZipFS(fsys)
	if err != nil {
		return nil, err
	}
	return Parse(b, opts...)
}

// ZipFS packs an unzipped .docx directory tree into .docx bytes, in a fixed
// order with fixed timestamps.
func ZipFS(fsys fs.FS) ([]byte, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("templates: no files in the package directory")
	}
	sortPackageNames(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, pooledCompressor)
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		w, err := zw.CreateHeader(fileHeader(path.Clean(n), zip.Deflate))
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sortPackageNames puts part names in the order they are zipped:
// [Content_Types].xml first (some readers expect it there), then by path.
func sortPackageNames(names []string) {
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i] == "[Content_Types].xml", names[j] == "[Content_Types].xml"
		if a != b {
			return a
		}
		return names[i] < names[j]
	})
}

// Zip entries carry a fixed date (1980-01-01 00:00, the DOS epoch) so the
// same input gives the same bytes. The DOS date field is set directly (it is
// deprecated in favour of Modified): Modified would also write an extended
// timestamp field into every entry, bytes that say nothing here.
func fileHeader(name string, method uint16) *zip.FileHeader {
	return &zip.FileHeader{Name: name, Method: method, ModifiedDate: 1<<5 | 1, CreatorVersion: 20}
}

var flatePool = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

// pooledCompressor deflates at BestSpeed with writers reused across renders.
func pooledCompressor(w io.Writer) (io.WriteCloser, error) {
	fw := flatePool.Get().(*flate.Writer)
	fw.Reset(w)
	return pooledFlate{fw}, nil
}

var bufPool = sync.Pool{New: func() any { return new([]byte) }}

// Render fills the template with data and returns the .docx bytes. It is
// safe to call concurrently; the same template and data give the same
// bytes.
func (t *Template) Render(data any) ([]byte, error) {
	var out bytes.Buffer
	if err := t.execute(&out, data); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Execute renders like Render and writes the document to w. Errors from w
// are returned.
func (t *Template) Execute(w io.Writer, data any) error {
	var out bytes.Buffer
	if err := t.execute(&out, data); err != nil {
		return err
	}
	n, err := w.Write(out.Bytes())
	if err == nil && n != out.Len() {
		err = io.ErrShortWrite
	}
	if err != nil {
		return fmt.Errorf("templates: writing document: %w", err)
	}
	return nil
}

func (t *Template) execute(out *bytes.Buffer, data any) error {
	nextID := t.maxID
	root := reflect.ValueOf(data)
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, pooledCompressor)
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	var rendered [][]byte
	if t.cfg.verify == verifyStrict {
		rendered = make([][]byte, len(t.entries))
	}
	var errs []*RenderError
	for i := range t.entries {
		e := &t.entries[i]
		if e.prog == nil {
			if len(errs) > 0 {
				continue
			}
			// Unchanged parts are copied compressed, as they are: no
			// inflate/deflate (the dependency's Write recompresses all).
			fh := fileHeader(e.name, e.method)
			fh.CRC32 = e.crc
			fh.CompressedSize64 = uint64(len(e.raw))
			fh.UncompressedSize64 = e.usize
			w, err := zw.CreateRaw(fh)
			if err == nil {
				_, err = w.Write(e.raw)
			}
			if err != nil {
				return fmt.Errorf("templates: writing %s: %w", e.name, err)
			}
			continue
		}
		b, perr := t.renderPart(e, root, &nextID, (*bp)[:0])
		*bp = b
		if errs = append(errs, perr...); len(errs) > 0 {
			continue // go on to report the problems of every part
		}
		if t.cfg.verify == verifyStrict {
			// Every template part was checked at Parse (checkXML) and
			// values are escaped, so tag balance is all that rendering
			// could break; FuzzRender checks it on every render, and
			// VerifyStrict here on each output (about 40 µs for a
			// 25 KB part, a tenth of a document's cost, so not by
			// default).
			if err := checkWellFormed(b); err != nil {
				return fmt.Errorf("templates: output check failed: rendered %s is not well-formed XML: %w", e.name, err)
			}
		}
		if rendered != nil {
			rendered[i] = bytes.Clone(b)
		}
		w, err := zw.CreateHeader(fileHeader(e.name, zip.Deflate))
		if err == nil {
			_, err = w.Write(b)
		}
		if err != nil {
			return fmt.Errorf("templates: writing %s: %w", e.name, err)
		}
	}
	if len(errs) > 0 {
		return &RenderErrors{Errors: errs}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("templates: writing zip: %w", err)
	}
	switch t.cfg.verify {
	case verifyFast:
		b := out.Bytes()
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil || len(zr.File) != len(t.entries) {
			return fmt.Errorf("templates: output check failed: output does not re-open as a zip: %v", err)
		}
	case verifyStrict:
		if err := verifyDocx(out.Bytes(), rendered, t.entries); err != nil {
			return fmt.Errorf("templates: output check failed: %w", err)
		}
	}
	return nil
}

// renderPart fills one part into out (reused) and returns it with the
// problems found in the data.
func (t *Template) renderPart(e *entry, root reflect.Value, nextID *[numIDClasses]int, out []byte) ([]byte, []*RenderError) {
	var scopes [8]reflect.Value
	r := renderer{t: t, part: e.name, out: out, nextID: nextID, scopes: scopes[:0]}
	if root.IsValid() {
		r.scopes = append(r.scopes, root)
	}
	r.run(e.prog)
	return r.out, r.errs
}

func verifyDocx(b []byte, rendered [][]byte, entries []entry) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fmt.Errorf("output does not re-open as a zip: %w", err)
	}
	// Re-open with nguyenthenguyen/docx too: programs built on it must be
	// able to read what we write, and its main document must be ours.
	rd, err := docx.ReadDocxFromMemory(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fmt.Errorf("output does not open with nguyenthenguyen/docx: %w", err)
	}
	content := rd.Editable().GetContent()
	rd.Close()
	for i, e := range entries {
		if e.name == "word/document.xml" && rendered[i] != nil && content != string(rendered[i]) {
			return fmt.Errorf("nguyenthenguyen/docx reads a different word/document.xml")
		}
	}
	if len(zr.File) != len(entries) {
		return fmt.Errorf("output has %d entries, want %d", len(zr.File), len(entries))
	}
	for i, f := range zr.File {
		data, err := readEntry(f, nil)
		if err != nil {
			return fmt.Errorf("output entry %s: %w", f.Name, err)
		}
		if crc32.ChecksumIEEE(data) != f.CRC32 {
			return fmt.Errorf("output entry %s: bad CRC", f.Name)
		}
		if rendered[i] != nil {
			if !bytes.Equal(data, rendered[i]) {
				return fmt.Errorf("output entry %s differs from what was rendered", f.Name)
			}
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				_, err := d.RawToken()
				if err == io.EOF {
					break
				}
				if err != nil {
					return fmt.Errorf("rendered %s: %w", f.Name, err)
				}
			}
		}
	}
	return nil
}

// WriteFile writes data to path atomically: to a temporary file in the same
// directory, synced, then renamed over path. On failure nothing is left
// half-written.
func WriteFile(name string, data []byte) (err error) {
	dir := filepath.Dir(name)
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return fmt.Errorf("templates: writing %s: %w", name, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("templates: syncing %s: %w", name, err)
	}
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("templates: writing %s: %w", name, err)
	}
	if err = os.Rename(tmp, name); err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	if d, derr := os.Open(dir); derr == nil { // make the rename durable
		_ = d.Sync()
		d.Close()
	}
	return nil
}
