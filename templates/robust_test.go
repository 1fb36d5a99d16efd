package templates

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/nguyenthenguyen/docx"

	"github.com/vanban/vanban/internal/docxcheck"
)

func TestConcurrentRendersAndIsolation(t *testing.T) {
	d := testDoc{body: para("{{#rows}}") + para("{{n}} {{name}}") + para("{{/rows}}"), header: para("H={{name}}"), footer: para("F={{name}}")}
	tpl, err := Parse(d.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				name := fmt.Sprintf("doc-%d-%d", g, k)
				out, err := tpl.Render(map[string]any{"name": name, "rows": []map[string]int{{"n": g}, {"n": k}}})
				if err != nil {
					errs <- err
					return
				}
				h, f, doc := docxcheck.Part(t, out, "word/header1.xml"), docxcheck.Part(t, out, "word/footer1.xml"), textOf(bodyOf(docxcheck.Part(t, out, "word/document.xml")))
				if !strings.Contains(h, "H="+name+"<") || !strings.Contains(f, "F="+name+"<") {
					errs <- fmt.Errorf("%s: header/footer of another document: %s %s", name, h, f)
					return
				}
				if want := fmt.Sprintf("%d %s¶%d %s¶", g, name, k, name); doc != want {
					errs <- fmt.Errorf("got %q want %q", doc, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestDeterministicBytes(t *testing.T) {
	src := referenceDoc().docx(t)
	data := referenceData(7)
	var first []byte
	for range 3 {
		tpl, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		out, err := tpl.Render(data)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = out
		} else if !bytes.Equal(first, out) {
			t.Fatal("output bytes differ between identical renders")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.ModTime().Year() != 1980 {
			t.Errorf("%s: time %v", f.Name, f.ModTime())
		}
	}
	if names[0] != "[Content_Types].xml" {
		t.Errorf("entry order %v", names)
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n <= 0 {
		return 0, errors.New("disk full")
	}
	if len(p) > w.n {
		p = p[:w.n]
	}
	w.n -= len(p)
	return len(p), errors.New("disk full")
}

func TestExecuteReportsWriteErrors(t *testing.T) {
	tpl, err := Parse(testDoc{body: para("{{a}}")}.docx(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 10, 500} {
		err := tpl.Execute(&failWriter{n: n}, map[string]any{"a": 1})
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("failing writer (%d bytes): got %v", n, err)
		}
	}
	var buf bytes.Buffer
	if err := tpl.Execute(&buf, map[string]any{"a": 1}); err != nil || buf.Len() == 0 {
		t.Fatalf("Execute: %v", err)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.docx")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Fatalf("content %q", b)
	}
	// failure: the target is a directory, rename fails; the old target and no temp file remain
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "x"), nil, 0o644)
	if err := WriteFile(sub, []byte("data")); err == nil {
		t.Fatal("writing over a non-empty directory succeeded")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x.docx"), []byte("d")); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

// bomb builds a docx whose document.xml declares usize bytes and holds a
// deflate stream expanding to size bytes. The stream is one flushed 1 MiB
// segment repeated (a segment's back-references stay inside it), so a
// 200 MiB bomb is built in milliseconds.
func bomb(t *testing.T, size, usize int) []byte {
	t.Helper()
	files := testDoc{body: para("x")}.files()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml"} {
		w, _ := zw.Create(n)
		w.Write([]byte(files[n]))
	}
	var seg bytes.Buffer
	fw, _ := flate.NewWriter(&seg, flate.BestCompression)
	fw.Write(bytes.Repeat([]byte("<w:p/>"), (1<<20)/6))
	fw.Flush()
	one := append([]byte(nil), seg.Bytes()...)
	var data bytes.Buffer
	n := size / (1 << 20)
	for range n {
		data.Write(one)
	}
	data.Write([]byte{3, 0}) // final empty fixed-Huffman block
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(data.Len()), UncompressedSize64: uint64(usize)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestZipBombRefused(t *testing.T) {
	b := bomb(t, 200<<20, 200<<20) // 200 MiB of markup in well under 1 MiB
	if len(b) > 1<<20 {
		t.Fatalf("bomb too big: %d", len(b))
	}
	_, err := Parse(b)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("200 MiB part: got %v", err)
	}
	_, err = Parse(bomb(t, 2<<20, 2<<20), WithLimits(Limits{MaxPart: 1 << 20}))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("custom part limit: got %v", err)
	}
	_, err = Parse(bomb(t, 1<<20, 1<<20), WithLimits(Limits{MaxTotal: 512 << 10}))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("total limit: got %v", err)
	}
	_, err = Parse(testDoc{body: para("x")}.docx(t), WithLimits(Limits{MaxCompressed: 100}))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("compressed limit: got %v", err)
	}
	_, err = Parse(testDoc{body: para("x")}.docx(t), WithLimits(Limits{MaxEntries: 3}))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("entry limit: got %v", err)
	}
	// A header that understates the size: reading stops at the declared
	// size with an error instead of expanding 200 MiB.
	_, err = Parse(bomb(t, 200<<20, 1000))
	if err == nil || !strings.Contains(err.Error(), "zip") {
		t.Fatalf("lying header: got %v", err)
	}
	p := filepath.Join(t.TempDir(), "bomb.docx")
	os.WriteFile(p, b, 0o644)
	if _, err := ParseFile(p); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("ParseFile: %v", err)
	}
}

func TestParseFS(t *testing.T) {
	files := testDoc{body: para("Xin chào {{name}}"), header: para("{{name}}")}.files()
	fsys := fstest.MapFS{}
	for n, c := range files {
		fsys[n] = &fstest.MapFile{Data: []byte(c)}
	}
	tpl, err := ParseFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Render(map[string]string{"name": "Lan"})
	if err != nil {
		t.Fatal(err)
	}
	if got := textOf(bodyOf(docxcheck.Part(t, out, "word/document.xml"))); got != "Xin chào Lan¶" {
		t.Errorf("got %q", got)
	}
	a, _ := ZipFS(fsys)
	b, _ := ZipFS(fsys)
	if !bytes.Equal(a, b) {
		t.Error("ZipFS not deterministic")
	}
	if _, err := ParseFS(fstest.MapFS{}); err == nil {
		t.Error("empty FS accepted")
	}
}

func TestVerifyStrict(t *testing.T) {
	out := render(t, referenceDoc(), referenceData(3), VerifyStrict())
	if !strings.Contains(docxcheck.Part(t, out, "word/document.xml"), "Nguyễn Văn 3") {
		t.Fatal("content")
	}
}

// TestDependencyFlaws pins the flaws of nguyenthenguyen/docx this package
// works around, so a fixed upstream version is noticed.
func TestDependencyFlaws(t *testing.T) {
	src := testDoc{body: `<w:p><w:r><w:t>{{ho</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>_ten}}</w:t></w:r></w:p>`}.docx(t)
	rd, err := docx.ReadDocxFromMemory(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	ed := rd.Editable()
	ed.Replace("{{ho_ten}}", "A\nB", -1)
	if !strings.Contains(ed.GetContent(), "{{ho</w:t>") {
		t.Error("upstream now finds split placeholders: revisit the workaround")
	}
	ed2 := rd.Editable()
	ed2.SetContent(strings.Replace(ed2.GetContent(), "{{ho", "{{x}}", 1))
	ed2.Replace("{{x}}", "a\nb", -1)
	if !strings.Contains(ed2.GetContent(), "<w:t>a<w:br/>b") {
		t.Errorf("upstream no longer puts <w:br/> inside <w:t>: revisit the workaround\n%s", ed2.GetContent())
	}
	if err := ed2.Write(&failWriter{}); err != nil {
		t.Error("upstream Write now reports errors: revisit the workaround:", err)
	}
	// ours: found, and the break is outside <w:t>
	out := render(t, testDoc{body: `<w:p><w:r><w:t>{{ho</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>_ten}}</w:t></w:r></w:p>`}, map[string]string{"ho_ten": "A\nB"})
	if got := textOf(bodyOf(docxcheck.Part(t, out, "word/document.xml"))); got != "A\nB¶" {
		t.Errorf("got %q", got)
	}
}
