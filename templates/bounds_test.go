package templates

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The bounds of issue 11: each hostile template is refused, in bounded
// memory, with an error naming the place. Memory is measured (total bytes
// allocated while Parse or Render runs), not time, so the tests do not
// depend on the machine; a hostile case that took seconds before took as
// many gigabytes.

const gib = 1 << 30

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// bounded runs f and fails when it allocates more than limit bytes.
func bounded(t *testing.T, what string, limit uint64, f func()) {
	t.Helper()
	if n := allocated(f); n > limit {
		t.Errorf("%s: allocated %d MiB, want under %d MiB", what, n>>20, limit>>20)
	} else {
		t.Logf("%s: allocated %.1f MiB", what, float64(n)/(1<<20))
	}
}

// nestedInline is one paragraph holding n sections nested inline.
func nestedInline(n int) testDoc {
	var b strings.Builder
	b.WriteString(`<w:p><w:r><w:t>`)
	for i := range n {
		fmt.Fprintf(&b, "{{#s%d}}", i%10)
	}
	b.WriteString("x")
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "{{/s%d}}", i%10)
	}
	b.WriteString(`</w:t></w:r></w:p>`)
	return testDoc{body: b.String()}
}

func TestDeepNestingRefused(t *testing.T) {
	src := nestedInline(300000).docx(t)
	var err error
	bounded(t, "300,000 deep, default limits", gib/4, func() { _, err = Parse(src) })
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("300,000-deep nesting: %v", err)
	}
	// With the tag limits raised, the depth limit refuses it: no recursion
	// over the depth happens first (a stack overflow would kill the test).
	loose := WithLimits(Limits{MaxTagsPerPart: 1 << 20, MaxTags: 1 << 20})
	bounded(t, "300,000 deep, depth limit", gib, func() { _, err = Parse(src, loose) })
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "MaxDepth") || !strings.Contains(err.Error(), "word/document.xml") {
		t.Fatalf("300,000-deep nesting, tag limits raised: %v", err)
	}
	// 100,000 deep as paragraph blocks
	src = manyTags("nested-block", 100000).docx(t)
	bounded(t, "100,000 deep blocks", gib, func() { _, err = Parse(src, loose) })
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "MaxDepth") {
		t.Fatalf("100,000-deep blocks: %v", err)
	}
	// At the limit it compiles, and Fields stays small.
	tpl, err := Parse(nestedInline(100).docx(t))
	if err != nil {
		t.Fatal(err)
	}
	bounded(t, "Fields of 100 nested sections", 4<<20, func() { tpl.Fields() })
	if _, err := Parse(nestedInline(101).docx(t)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("101 deep: %v", err)
	}
	if _, err := Parse(nestedInline(150).docx(t), WithLimits(Limits{MaxDepth: 200})); err != nil {
		t.Errorf("150 deep with MaxDepth 200: %v", err)
	}
}

func TestTooManyTagsRefused(t *testing.T) {
	// 6 million tags in one paragraph (30 MB of text, a small zip)
	body := `<w:p><w:r><w:t>` + strings.Repeat("{{a}}", 6000000) + `</w:t></w:r></w:p>`
	src := testDoc{body: body}.docx(t)
	t.Logf("6 million tags: %d KB zipped", len(src)>>10)
	var err error
	bounded(t, "6 million tags", gib/2, func() { _, err = Parse(src) })
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "MaxTagsPerPart") {
		t.Fatalf("6 million tags: %v", err)
	}
	// spread over many paragraphs and parts: the limit for the whole template
	files := testDoc{body: strings.Repeat(para("{{a}}{{b}}"), 20000), header: strings.Repeat(para("{{c}}"), 20000)}.files()
	_, err = Parse(zipFiles(t, files), WithLimits(Limits{MaxTags: 50000}))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "MaxTags") {
		t.Fatalf("tags in all parts: %v", err)
	}
	// markup: a part of a million empty paragraphs around one tag
	src = testDoc{body: strings.Repeat("<w:p/>", 3000000) + para("{{a}}")}.docx(t)
	bounded(t, "3 million paragraphs", gib/2, func() { _, err = Parse(src) })
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "MaxMarkup") {
		t.Fatalf("markup: %v", err)
	}
}

func TestManyErrorsCapped(t *testing.T) {
	body := `<w:p><w:r><w:t>{{a}}` + strings.Repeat("}} ", 1000000) + `</w:t></w:r></w:p>`
	src := testDoc{body: body}.docx(t)
	var err error
	var msg string
	bounded(t, "a million tag errors", gib/2, func() {
		_, err = Parse(src)
		msg = err.Error()
	})
	var te *TemplateErrors
	if !errors.As(err, &te) || len(te.Errors) != DefaultLimits.MaxErrors || te.More != 1000000-DefaultLimits.MaxErrors {
		t.Fatalf("got %d errors listed, %d more", len(te.Errors), te.More)
	}
	if !strings.Contains(msg, "và 999900 lỗi khác / and 999900 more") || len(msg) > 100000 {
		t.Errorf("message (%d bytes) ends %q", len(msg), msg[max(0, len(msg)-200):])
	}
	// render problems are capped too
	var fields strings.Builder
	for i := range 300 {
		fmt.Fprintf(&fields, "{{f%d}}", i)
	}
	tpl, err := Parse(testDoc{body: para(fields.String())}.docx(t), WithLimits(Limits{MaxErrors: 20}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tpl.Render(map[string]any{})
	var re *RenderErrors
	if !errors.As(err, &re) || len(re.Errors) != 20 || re.More != 280 || !strings.Contains(err.Error(), "and 280 more") {
		t.Fatalf("render errors: %v", err)
	}
}

// nineNested: nine sections nested over the same 8-item list (output
// grows as 8^9).
func nineNested() testDoc {
	var b strings.Builder
	for range 9 {
		b.WriteString(para("{{#l}}"))
	}
	b.WriteString(para("{{.}}"))
	for range 9 {
		b.WriteString(para("{{/l}}"))
	}
	return testDoc{body: b.String()}
}

func TestRenderLimits(t *testing.T) {
	tpl, err := Parse(nineNested().docx(t), Named("chin.docx"))
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{"l": []string{"1", "2", "3", "4", "5", "6", "7", "8"}}
	var w countingWriter
	bounded(t, "nine nested sections over 8 items", gib/2, func() { err = tpl.Execute(&w, data) })
	if !errors.Is(err, ErrRenderLimit) || !strings.Contains(err.Error(), "MaxIterations") || !strings.Contains(err.Error(), "chin.docx") || !strings.Contains(err.Error(), "word/document.xml") {
		t.Fatalf("nine nested: %v", err)
	}
	if w.n != 0 {
		t.Errorf("%d bytes written on refusal", w.n)
	}
	if err := tpl.Check(data); !errors.Is(err, ErrRenderLimit) {
		t.Errorf("Check: %v", err)
	}
	// output size
	tpl, err = Parse(testDoc{body: para("{{#l}}") + para("{{v}}") + para("{{/l}}")}.docx(t), WithLimits(Limits{MaxOutput: 1 << 20}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tpl.Render(map[string]any{"l": make([]struct{}, 100), "v": strings.Repeat("x", 100000)})
	if !errors.Is(err, ErrRenderLimit) || !strings.Contains(err.Error(), "MaxOutput") {
		t.Fatalf("output: %v", err)
	}
	// the reference workload is far from the limits
	if _, err := render0(t, referenceDoc(), referenceData(1000)); err != nil {
		t.Fatal(err)
	}
}

func render0(t *testing.T, d testDoc, data any, opts ...Option) ([]byte, error) {
	tpl, err := Parse(d.docx(t), opts...)
	if err != nil {
		return nil, err
	}
	return tpl.Render(data)
}

type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// cancelAfter is a context whose Err turns to Canceled after n calls.
type cancelAfter struct {
	context.Context
	n int
}

func (c *cancelAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

func TestRenderContext(t *testing.T) {
	tpl, err := Parse(testDoc{body: para("{{#l}}") + para("{{.}}") + para("{{/l}}")}.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{"l": make([]int, 100000)}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := tpl.RenderContext(ctx, data); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before: %v", err)
	}
	var w countingWriter
	err = tpl.ExecuteContext(&cancelAfter{Context: context.Background(), n: 3}, &w, data)
	if !errors.Is(err, context.Canceled) || w.n != 0 || !strings.Contains(err.Error(), "{{#l}}") {
		t.Errorf("cancelled while rendering: %v (%d bytes written)", err, w.n)
	}
	if err := tpl.CheckContext(&cancelAfter{Context: context.Background(), n: 3}, data); !errors.Is(err, context.Canceled) {
		t.Errorf("CheckContext: %v", err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	if _, err := tpl.RenderContext(ctx, data); err != nil {
		t.Errorf("not cancelled: %v", err)
	}
	// error chains reach the sentinels through callers' wrapping
	_, err = tpl.Render(map[string]any{})
	if wrapped := fmt.Errorf("plan: %w", err); !errors.Is(wrapped, ErrMissingField) {
		t.Errorf("errors.Is through a wrapper: %v", wrapped)
	}
}

// hostilePackage returns the test package with one change.
func hostilePackage(t testing.TB, change func(files map[string]string)) []byte {
	files := testDoc{body: para("{{a}}")}.files()
	change(files)
	return zipFiles(t, files)
}

func TestPackageHygiene(t *testing.T) {
	cases := []struct {
		name   string
		change func(map[string]string)
		want   error
		msg    string
	}{
		{"parent directory", func(f map[string]string) { f["word/../../evil.xml"] = "<x/>" }, ErrUnsafePackage, `".."`},
		{"absolute path", func(f map[string]string) { f["/etc/evil.xml"] = "<x/>" }, ErrUnsafePackage, "absolute"},
		{"backslash", func(f map[string]string) { f[`word\evil.xml`] = "<x/>" }, ErrUnsafePackage, "backslash"},
		{"drive letter", func(f map[string]string) { f["C:/evil.xml"] = "<x/>" }, ErrUnsafePackage, "drive"},
		{"case duplicate", func(f map[string]string) { f["WORD/DOCUMENT.XML"] = f["word/document.xml"] }, ErrUnsafePackage, "case"},
		{"macros", func(f map[string]string) { f["word/vbaProject.bin"] = "VBA" }, ErrUnsafePackage, "macros"},
		{"macro-enabled content type", func(f map[string]string) {
			f["[Content_Types].xml"] = strings.Replace(f["[Content_Types].xml"], "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml", 1)
		}, ErrUnsafePackage, "macro"},
		{"no content types", func(f map[string]string) { delete(f, "[Content_Types].xml") }, ErrNotDocx, "[Content_Types].xml"},
		{"no package relationships", func(f map[string]string) { delete(f, "_rels/.rels") }, ErrNotDocx, "_rels/.rels"},
		{"no main document", func(f map[string]string) {
			f["_rels/.rels"] = strings.Replace(f["_rels/.rels"], "word/document.xml", "word/missing.xml", 1)
		}, ErrNotDocx, "word/missing.xml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := hostilePackage(t, c.change)
			_, err := Parse(src)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("got %v, want %v mentioning %q", err, c.want, c.msg)
			}
			p := filepath.Join(t.TempDir(), "mau.docx")
			os.WriteFile(p, src, 0o644)
			if _, err := ParseFile(p); !errors.Is(err, c.want) || !strings.Contains(err.Error(), p) {
				t.Errorf("ParseFile does not name the file: %v", err)
			}
		})
	}
}

func TestExternalRelationships(t *testing.T) {
	src := hostilePackage(t, func(f map[string]string) {
		f["word/_rels/document.xml.rels"] = strings.Replace(f["word/_rels/document.xml.rels"], "</Relationships>",
			`<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/x" TargetMode="External"/></Relationships>`, 1)
	})
	tpl, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tpl.Render(map[string]any{"a": 1}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	ext := tpl.External()
	if len(ext) != 1 || ext[0].Target != "https://example.org/x" || ext[0].Part != "word/_rels/document.xml.rels" || ext[0].ID != "rIdL" {
		t.Errorf("External: %+v", ext)
	}
	err = tpl.Check(map[string]any{"a": 1})
	if !errors.Is(err, ErrExternalRelationship) || errors.Is(err, ErrMissingField) || !strings.Contains(err.Error(), "https://example.org/x") {
		t.Errorf("Check: %v", err)
	}
}

func TestParseFileRefusesBeforeReading(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.docx")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(3 << 30); err != nil { // a 3 GB sparse file
		t.Skip("no sparse files here:", err)
	}
	f.Close()
	bounded(t, "3 GB file", 16<<20, func() { _, err = ParseFile(big) })
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), big) {
		t.Errorf("3 GB file: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		bounded(t, "/dev/zero", 16<<20, func() { _, err = ParseFile("/dev/zero") })
		if !errors.Is(err, ErrNotDocx) || !strings.Contains(err.Error(), "/dev/zero") || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("/dev/zero: %v", err)
		}
	}
	if _, err := ParseFile(filepath.Join(dir, "missing.docx")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestParseFSLimits(t *testing.T) {
	files := testDoc{body: para("{{a}}")}.files()
	fsys := fstest.MapFS{}
	for n, c := range files {
		fsys[n] = &fstest.MapFile{Data: []byte(c)}
	}
	if _, err := ParseFS(fsys, WithLimits(Limits{MaxPart: 200})); !errors.Is(err, ErrTooLarge) {
		t.Errorf("MaxPart: %v", err)
	}
	if _, err := ParseFS(fsys, WithLimits(Limits{MaxEntries: 3})); !errors.Is(err, ErrTooLarge) {
		t.Errorf("MaxEntries: %v", err)
	}
	fsys["word/pipe"] = &fstest.MapFile{Mode: fs.ModeNamedPipe}
	if _, err := ParseFS(fsys); !errors.Is(err, ErrUnsafePackage) || !strings.Contains(err.Error(), "word/pipe") {
		t.Errorf("named pipe: %v", err)
	}
}

// TestHostileZipEntries: a zip holding an entry name the zip reader itself
// would refuse to open still gets a clear refusal.
func TestHostileZipEntries(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := testDoc{body: para("{{a}}")}.files()
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/document.xml"} {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		io.WriteString(w, files[n])
	}
	zw.Close()
	if _, err := Parse(buf.Bytes()); !errors.Is(err, ErrUnsafePackage) {
		t.Errorf("duplicate entry: %v", err)
	}
}

func TestReadFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mau.docx")
	src := testDoc{body: para("{{a}}")}.docx(t)
	os.WriteFile(p, src, 0o644)
	b, err := ReadFile(p)
	if err != nil || !bytes.Equal(b, src) {
		t.Fatalf("ReadFile: %v", err)
	}
	if _, err := ReadFile(p, WithLimits(Limits{MaxCompressed: 100})); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), p) {
		t.Errorf("limit: %v", err)
	}
	if _, err := ReadFile("/dev/zero"); !errors.Is(err, ErrNotDocx) {
		t.Errorf("/dev/zero: %v", err)
	}
}
