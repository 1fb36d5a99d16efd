package templates

import (
	"archive/zip"
	"bytes"
	"context"
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

	"github.com/klauspost/compress/flate"
	"github.com/nguyenthenguyen/docx"
)

// Limits bound what Parse accepts and what Render produces, so that a
// hostile or broken template (a zip bomb, millions of tags, sections
// nested thousands deep, loops nested over the same list) is refused
// quickly, in bounded memory, with an error naming the place, instead of
// exhausting the process. Sizes are bytes; zero means "use the default".
//
//	Limit           Default      Checked
//	MaxCompressed   64 MiB       size of the .docx file, before it is read
//	MaxPart         64 MiB       uncompressed size of one part (declared sizes, before expanding)
//	MaxTotal        256 MiB      uncompressed size of all parts together
//	MaxEntries      10,000       zip entries
//	MaxMarkup       2,000,000    markup tokens (tags, text runs) of one filled part, while tokenizing
//	MaxTagsPerPart  50,000       placeholders in one part, while scanning
//	MaxTags         200,000      placeholders in all parts, while scanning
//	MaxDepth        100          sections nested in one another, while pairing tags
//	MaxErrors       100          errors listed; the rest are counted ("and N more")
//	MaxOutput       128 MiB      XML written by one render (all filled parts), while rendering
//	MaxIterations   1,000,000    section bodies rendered by one render, while rendering
type Limits struct {
	MaxCompressed  int64
	MaxPart        int64
	MaxTotal       int64
	MaxEntries     int
	MaxMarkup      int
	MaxTagsPerPart int
	MaxTags        int
	MaxDepth       int
	MaxErrors      int
	MaxOutput      int64
	MaxIterations  int
}

// DefaultLimits are the limits used unless WithLimits says otherwise.
var DefaultLimits = Limits{
	MaxCompressed:  64 << 20,
	MaxPart:        64 << 20,
	MaxTotal:       256 << 20,
	MaxEntries:     10000,
	MaxMarkup:      2000000,
	MaxTagsPerPart: 50000,
	MaxTags:        200000,
	MaxDepth:       100,
	MaxErrors:      100,
	MaxOutput:      128 << 20,
	MaxIterations:  1000000,
}

// maxPartLimit keeps offsets within int32 (tokens store them so).
const maxPartLimit = 1<<31 - 1

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
	open, close  string // delimiters
	name         string // the template's file name, for errors
	delimErr     error
}

// Option changes how a template is compiled and rendered.
type Option func(*config)

// AllowMissing renders a field or section missing from the data as blank
// (sections: as false) instead of failing with ErrMissingField.
func AllowMissing() Option { return func(c *config) { c.allowMissing = true } }

// StripInvalidChars drops characters XML 1.0 forbids (control characters,
// invalid UTF-8) from values instead of failing with ErrInvalidChar.
func StripInvalidChars() Option { return func(c *config) { c.stripInvalid = true } }

// WithLimits replaces the limits (zero fields keep their default).
func WithLimits(l Limits) Option {
	return func(c *config) {
		set64 := func(dst *int64, v int64) {
			if v > 0 {
				*dst = v
			}
		}
		set := func(dst *int, v int) {
			if v > 0 {
				*dst = v
			}
		}
		set64(&c.limits.MaxCompressed, l.MaxCompressed)
		set64(&c.limits.MaxPart, min(l.MaxPart, maxPartLimit))
		set64(&c.limits.MaxTotal, l.MaxTotal)
		set(&c.limits.MaxEntries, l.MaxEntries)
		set(&c.limits.MaxMarkup, l.MaxMarkup)
		set(&c.limits.MaxTagsPerPart, l.MaxTagsPerPart)
		set(&c.limits.MaxTags, l.MaxTags)
		set(&c.limits.MaxDepth, l.MaxDepth)
		set(&c.limits.MaxErrors, l.MaxErrors)
		set64(&c.limits.MaxOutput, l.MaxOutput)
		set(&c.limits.MaxIterations, l.MaxIterations)
	}
}

// Delimiters sets the strings that open and close a tag instead of "{{"
// and "}}": Delimiters("{", "}") reads templates written for docxtemplater
// ({name}, {#items}…{/items}, {/}) unchanged. Both must be non-empty, at
// most 8 bytes, without spaces, and different; Parse reports otherwise.
func Delimiters(open, close string) Option {
	return func(c *config) {
		bad := func(s string) bool {
			return s == "" || len(s) > 8 || strings.ContainsAny(s, " \t\r\n")
		}
		if bad(open) || bad(close) || open == close {
			c.delimErr = fmt.Errorf("templates: dấu mở/đóng thẻ không hợp lệ / invalid delimiters %q %q: non-empty, at most 8 bytes, no spaces, different", open, close)
			return
		}
		c.open, c.close = open, close
	}
}

// Named gives the template a name (its file name) that every error of
// Parse and Render mentions. ParseFile sets it.
func Named(name string) Option { return func(c *config) { c.name = name } }

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
	cfg      config
	entries  []entry
	maxID    [numIDClasses]int // largest id of each class in the filled parts
	main     string            // the main document part
	external []Relationship    // relationships pointing outside the package

	fieldsOnce sync.Once // Fields is computed on first use
	fields     []Field
}

// templatePart matches the parts whose text is filled even when no
// relationship names them: the main document, headers, footers, footnotes
// and endnotes under their usual names. The parts the package
// relationships name (main document, and its headers, footers and notes)
// are filled whatever their names.
var templatePart = regexp.MustCompile(`^word/(document|header[0-9]*|footer[0-9]*|footnotes|endnotes)\.xml$`)

// ParseFile reads and compiles a .docx template from disk. The file's
// size is checked (Limits.MaxCompressed) before it is read, and only a
// regular file is read (not a FIFO or a device such as /dev/zero). Every
// error names the file.
func ParseFile(name string, opts ...Option) (*Template, error) {
	opts = append([]Option{Named(name)}, opts...)
	cfg := newConfig(opts)
	b, err := readLimited(name, cfg.limits.MaxCompressed)
	if err != nil {
		return nil, err
	}
	return Parse(b, opts...)
}

// ReadFile reads a template file as ParseFile does, for a caller that needs
// its bytes too (to inspect them before Parse): only a regular file (not a
// FIFO or a device such as /dev/zero), whose size, checked before it is
// read, is within Limits.MaxCompressed (WithLimits among opts sets it).
// Errors name the file and wrap ErrTooLarge, ErrNotDocx or the fs error.
func ReadFile(name string, opts ...Option) ([]byte, error) {
	cfg := newConfig(opts)
	return readLimited(name, cfg.limits.MaxCompressed)
}

// readLimited reads a regular file of at most limit bytes.
func readLimited(name string, limit int64) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("templates: %s: %w: không phải tệp thường / not a regular file (%s)", name, ErrNotDocx, st.Mode().Type())
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("templates: %s: %w: %d byte (giới hạn / limit %d)", name, ErrTooLarge, st.Size(), limit)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	defer f.Close()
	if st2, err := f.Stat(); err != nil || !os.SameFile(st, st2) {
		return nil, fmt.Errorf("templates: %s: tệp thay đổi khi đang mở / the file changed while being opened", name)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("templates: %s: %w", name, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("templates: %s: %w: hơn / more than %d byte", name, ErrTooLarge, limit)
	}
	return b, nil
}

func newConfig(opts []Option) config {
	cfg := config{limits: DefaultLimits, open: "{{", close: "}}"}
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}

// wrap prefixes an error with "templates:" and the template's name.
func (c *config) wrap(err error) error {
	var te *TemplateErrors
	if errors.As(err, &te) {
		te.File = c.name
		return err
	}
	if c.name != "" {
		return fmt.Errorf("templates: %s: %w", c.name, err)
	}
	return fmt.Errorf("templates: %w", err)
}

// Parse compiles a .docx template held in memory. Template errors are all
// reported together as *TemplateErrors (up to Limits.MaxErrors, then a
// count); a package that is unsafe, too large or not a .docx is refused
// with an error wrapping ErrUnsafePackage, ErrTooLarge or ErrNotDocx.
// Parse does not keep a reference to docxBytes.
func Parse(docxBytes []byte, opts ...Option) (*Template, error) {
	cfg := newConfig(opts)
	t, err := parse(docxBytes, &cfg)
	if err != nil {
		return nil, cfg.wrap(err)
	}
	return t, nil
}

func parse(docxBytes []byte, cfg *config) (*Template, error) {
	if cfg.delimErr != nil {
		return nil, cfg.delimErr
	}
	lim := &cfg.limits
	if int64(len(docxBytes)) > lim.MaxCompressed {
		return nil, fmt.Errorf("%w: %d byte (giới hạn / limit %d)", ErrTooLarge, len(docxBytes), lim.MaxCompressed)
	}
	zr, err := zip.NewReader(bytes.NewReader(docxBytes), int64(len(docxBytes)))
	if err != nil {
		return nil, fmt.Errorf("%w: not a .docx (zip) file: %w", ErrNotDocx, err)
	}
	// Size limits are checked on the declared sizes before anything is
	// expanded; archive/zip refuses to read more than the declared size
	// (ErrFormat), so a lying header cannot get around them.
	if len(zr.File) > lim.MaxEntries {
		return nil, fmt.Errorf("%w: %d mục zip / zip entries (giới hạn / limit %d)", ErrTooLarge, len(zr.File), lim.MaxEntries)
	}
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > uint64(lim.MaxPart) {
			return nil, fmt.Errorf("%w: phần / part %s: %d byte (giới hạn / limit %d)", ErrTooLarge, f.Name, f.UncompressedSize64, lim.MaxPart)
		}
		total += f.UncompressedSize64
		if total > uint64(lim.MaxTotal) {
			return nil, fmt.Errorf("%w: các phần giải nén quá / parts expand to more than %d byte", ErrTooLarge, lim.MaxTotal)
		}
	}
	if err := checkNames(zr.File); err != nil {
		return nil, err
	}
	byName := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		if byName[f.Name] != nil {
			return nil, fmt.Errorf("%w: mục zip trùng / duplicate zip entry %s", ErrUnsafePackage, f.Name)
		}
		byName[f.Name] = f
	}
	ct, ok := byName[contentTypesName]
	if !ok {
		return nil, fmt.Errorf("%w: thiếu / no %s", ErrNotDocx, contentTypesName)
	}
	ctb, err := readEntry(ct, nil)
	if err != nil {
		return nil, fmt.Errorf("phần / part %s: %w", contentTypesName, err)
	}
	if err := checkContentTypes(ctb); err != nil {
		return nil, err
	}
	pre := map[string][]byte{contentTypesName: ctb} // parts read before the loop below
	main, filled, err := findParts(byName, func(f *zip.File) ([]byte, error) {
		b, err := readEntry(f, nil)
		pre[f.Name] = b
		return b, err
	})
	if err != nil {
		return nil, err
	}
	mainDocument, err := openMainDocument(byName[main])
	if err != nil {
		return nil, err
	}

	t := &Template{cfg: *cfg, main: main}
	errs := errorList{max: lim.MaxErrors}
	tags := 0          // in all parts, against MaxTags
	var scratch []byte // non-template XML parts, read only to be checked
	for _, f := range zr.File {
		e := entry{name: f.Name, method: f.Method, crc: f.CRC32, usize: f.UncompressedSize64}
		if strings.HasSuffix(f.Name, "/") {
			// A directory entry: it names no part, so it is left out of
			// the output (a deflated one would make every write fail).
			if f.UncompressedSize64 != 0 {
				return nil, fmt.Errorf("%w: mục thư mục có dữ liệu / directory entry %s holds data", ErrUnsafePackage, f.Name)
			}
			continue
		}
		if filled[f.Name] || templatePart.MatchString(f.Name) {
			var b []byte
			if f.Name == main {
				b = mainDocument
			} else if b, err = readEntry(f, nil); err != nil {
				return nil, fmt.Errorf("đọc / reading %s: %w", f.Name, err)
			}
			if xerrs := xmlErrors(f.Name, b); xerrs != nil {
				errs.add(xerrs...)
				continue
			}
			if mayHoldTags(b, cfg) {
				prefix, prob := wmlPrefix(b)
				if prob != "" {
					errs.add(&TemplateError{Part: f.Name, Message: prob})
					continue
				}
				if prefix != "w" {
					if b, err = renamePrefix(b, prefix); err != nil {
						return nil, fmt.Errorf("%s: %w", f.Name, err)
					}
				}
			}
			prog, perrs, maxID, err := compilePart(f.Name, b, cfg, &tags)
			if err != nil {
				var te *TemplateError
				if errors.As(err, &te) {
					errs.add(te)
					continue
				}
				return nil, fmt.Errorf("%s: %w", f.Name, err)
			}
			errs.add(perrs.errs...)
			errs.more += perrs.more
			for k, v := range maxID {
				t.maxID[k] = max(t.maxID[k], v)
			}
			if prog != nil {
				e.prog = prog
				t.entries = append(t.entries, e)
				continue
			}
		} else {
			// A part copied raw is still read once here (a cost paid per
			// template, not per render): archive/zip checks its CRC and
			// refuses more or fewer bytes than the header declares, so a
			// corrupt entry is refused now instead of being copied into
			// every document; and an XML part must be well-formed.
			b, ok := pre[f.Name]
			if !ok {
				if err := checkEntry(f, &scratch); err != nil {
					return nil, fmt.Errorf("phần hỏng / part %s is corrupt: %w", f.Name, err)
				}
				b = scratch
			}
			if isXMLName(f.Name) {
				errs.add(xmlErrors(f.Name, b)...)
				if strings.HasSuffix(f.Name, ".rels") {
					t.external = append(t.external, externalRels(f.Name, b)...)
				}
			}
		}
		rc, err := f.OpenRaw()
		if err != nil {
			return nil, fmt.Errorf("đọc / reading %s: %w", f.Name, err)
		}
		if f.CompressedSize64 > uint64(lim.MaxPart) {
			return nil, fmt.Errorf("%w: phần / part %s", ErrTooLarge, f.Name)
		}
		e.raw = make([]byte, f.CompressedSize64)
		if _, err := io.ReadFull(rc, e.raw); err != nil {
			return nil, fmt.Errorf("đọc / reading %s: %w", f.Name, err)
		}
		t.entries = append(t.entries, e)
	}
	if len(errs.errs) > 0 {
		return nil, &TemplateErrors{Errors: errs.errs, More: errs.more}
	}
	return t, nil
}

// mayHoldTags tells whether a part may hold a tag: it holds the first byte
// of the opening or closing delimiter (a tag may be split over runs).
func mayHoldTags(b []byte, cfg *config) bool {
	return bytes.IndexByte(b, cfg.open[0]) >= 0 || bytes.IndexByte(b, cfg.close[0]) >= 0
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
// the zip by Parse. Three of its weak spots are wrapped here. It inflates
// every header, footer and rels part it finds and never closes the readers
// it opens, so archive/zip cannot reuse their decompressors (about 40 KB of
// garbage a part): it is handed a view of the package holding only the main
// document, copied compressed as it is (no deflate), and an empty, stored
// relationships part. The dependency refuses a package without
// word/_rels/document.xml.rels, which the OPC rules allow (a document with no
// relationship), and vanban uses only its main document, so the real
// relationships are not inflated for it. And it knows the main document
// only as word/document.xml, while the package relationships may name
// another part (Word for the web saves word/document2.xml): the view
// stores the main document under the name the dependency expects.
func openMainDocument(main *zip.File) ([]byte, error) {
	const viewName = "word/document.xml"
	var view bytes.Buffer
	zw := zip.NewWriter(&view)
	raw, err := main.OpenRaw()
	if err == nil {
		buf := make([]byte, main.CompressedSize64)
		if _, err = io.ReadFull(raw, buf); err == nil {
			fh := main.FileHeader
			fh.Name = viewName
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
		return nil, fmt.Errorf("đọc / reading %s: %w", main.Name, err)
	}
	opened, err := docx.ReadDocxFromMemory(bytes.NewReader(view.Bytes()), int64(view.Len()))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrNotDocx, main.Name, err)
	}
	content := opened.Editable().GetContent()
	if err := opened.Close(); err != nil {
		return nil, fmt.Errorf("closing template: %w", err)
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
// path) and compiled as by Parse. The limits apply before any file is
// read (the size of each file, their total and their number); a file that
// is neither regular nor a directory (a FIFO, a device, a symbolic link)
// is refused, naming it.
func ParseFS(fsys fs.FS, opts ...Option) (*Template, error) {
	cfg := newConfig(opts)
	b, err := zipFS(fsys, cfg.limits)
	if err != nil {
		return nil, cfg.wrap(err)
	}
	return Parse(b, opts...)
}

// ZipFS packs an unzipped .docx directory tree into .docx bytes, in a fixed
// order with fixed timestamps, within DefaultLimits.
func ZipFS(fsys fs.FS) ([]byte, error) {
	b, err := zipFS(fsys, DefaultLimits)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	return b, nil
}

func zipFS(fsys fs.FS, lim Limits) ([]byte, error) {
	var names []string
	var total int64
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%w: %s: không phải tệp thường / not a regular file (%s)", ErrUnsafePackage, p, d.Type())
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() > lim.MaxPart {
			return fmt.Errorf("%w: %s: %d byte (giới hạn / limit %d)", ErrTooLarge, p, info.Size(), lim.MaxPart)
		}
		if total += info.Size(); total > lim.MaxTotal {
			return fmt.Errorf("%w: các tệp quá / files larger than %d byte together", ErrTooLarge, lim.MaxTotal)
		}
		if names = append(names, p); len(names) > lim.MaxEntries {
			return fmt.Errorf("%w: hơn / more than %d tệp / files", ErrTooLarge, lim.MaxEntries)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: thư mục gói trống / no files in the package directory", ErrNotDocx)
	}
	sortPackageNames(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, pooledCompressor)
	for _, n := range names {
		data, err := readFSLimited(fsys, n, lim.MaxPart)
		if err != nil {
			return nil, err
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

// readFSLimited reads a file of fsys, refusing more than limit bytes
// whatever its size said (a file may grow after it was listed).
func readFSLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: %s: hơn / more than %d byte", ErrTooLarge, name, limit)
	}
	return b, nil
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
	return t.RenderContext(context.Background(), data)
}

// RenderContext renders like Render and stops, returning an error that
// wraps ctx.Err(), when ctx is cancelled: the context is checked while
// sections repeat, so a render over large data stops promptly.
func (t *Template) RenderContext(ctx context.Context, data any) ([]byte, error) {
	var out bytes.Buffer
	if err := t.execute(ctx, &out, data); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Execute renders like Render and writes the document to w. Nothing is
// written when rendering fails. Errors from w are returned.
func (t *Template) Execute(w io.Writer, data any) error {
	return t.ExecuteContext(context.Background(), w, data)
}

// ExecuteContext is Execute with a context, as RenderContext.
func (t *Template) ExecuteContext(ctx context.Context, w io.Writer, data any) error {
	var out bytes.Buffer
	if err := t.execute(ctx, &out, data); err != nil {
		return err
	}
	n, err := w.Write(out.Bytes())
	if err == nil && n != out.Len() {
		err = io.ErrShortWrite
	}
	if err != nil {
		return t.cfg.wrap(fmt.Errorf("ghi văn bản / writing document: %w", err))
	}
	return nil
}

// External lists the relationships of the template that point outside the
// package (hyperlinks, linked pictures, an attached template), in package
// order. Parse accepts them; Check reports them too.
func (t *Template) External() []Relationship {
	return append([]Relationship(nil), t.external...)
}

func (t *Template) execute(ctx context.Context, out *bytes.Buffer, data any) error {
	if err := ctx.Err(); err != nil {
		return t.cfg.wrap(err)
	}
	st := &renderState{ctx: ctx}
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
	more := 0
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
		b, perr, pmore := t.renderPart(e, root, &nextID, (*bp)[:0], st)
		*bp = b
		if st.err != nil {
			return t.cfg.wrap(st.err)
		}
		st.written += int64(len(b))
		more += pmore
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
		return t.renderErrors(errs, more)
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
		if err := verifyDocx(out.Bytes(), rendered, t.entries, t.main); err != nil {
			return fmt.Errorf("templates: output check failed: %w", err)
		}
	}
	return nil
}

// renderPart fills one part into out (reused) and returns it with the
// problems found in the data.
func (t *Template) renderPart(e *entry, root reflect.Value, nextID *[numIDClasses]int, out []byte, st *renderState) ([]byte, []*RenderError, int) {
	var scopes [8]reflect.Value
	r := renderer{t: t, part: e.name, out: out, nextID: nextID, scopes: scopes[:0], st: st}
	if root.IsValid() {
		r.scopes = append(r.scopes, root)
	}
	r.run(e.prog)
	r.stopped(nil) // the part's own size
	return r.out, r.errs, r.more
}

// renderErrors caps the problems of a render at Limits.MaxErrors.
func (t *Template) renderErrors(errs []*RenderError, more int) error {
	if max := t.cfg.limits.MaxErrors; max > 0 && len(errs) > max {
		more += len(errs) - max
		errs = errs[:max]
	}
	return &RenderErrors{File: t.cfg.name, Errors: errs, More: more}
}

func verifyDocx(b []byte, rendered [][]byte, entries []entry, main string) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fmt.Errorf("output does not re-open as a zip: %w", err)
	}
	// Re-open with nguyenthenguyen/docx too: programs built on it must be
	// able to read what we write, and its main document must be ours. (It
	// knows only word/document.xml as the main document.)
	if main == "word/document.xml" {
		rd, err := docx.ReadDocxFromMemory(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return fmt.Errorf("output does not open with nguyenthenguyen/docx: %w", err)
		}
		content := rd.Editable().GetContent()
		rd.Close()
		for i, e := range entries {
			if e.name == main && rendered[i] != nil && content != string(rendered[i]) {
				return fmt.Errorf("nguyenthenguyen/docx reads a different word/document.xml")
			}
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
