package document_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/docxcheck"
)

// row is a line of text found on a rendered page: its words' box.
type row struct{ x1, x2, y1, y2 float64 }

// findRow finds the words of text, in order on one line, among words; ok is false when LibreOffice did not set
// them on one line.
func findRow(words []docxcheck.Word, text string) (row, bool) {
	want := strings.Fields(text)
	for i := range words {
		if i+len(want) > len(words) {
			break
		}
		ok := true
		for j, w := range want {
			if words[i+j].Text != w || math.Abs(words[i+j].YMin-words[i].YMin) > 1 {
				ok = false
				break
			}
		}
		if ok {
			last := words[i+len(want)-1]
			return row{words[i].XMin, last.XMax, words[i].YMin, last.YMax}, true
		}
	}
	return row{}, false
}

// TestPDFPageOne renders every document of examples/ (and the other State kinds) with LibreOffice, in one run, and measures
// page 1 of each: every trích yếu line of the XML is one line of the page (LibreOffice breaks nowhere else, so
// no lone word falls to a last line); under a State trích yếu a drawn line 1/3–1/2 as long as its longest line,
// centred under it and below the descenders; under the Tiêu ngữ (State) or the Party heading a drawn line as
// long as the text, below it.
func TestPDFPageOne(t *testing.T) {
	type doc struct {
		rendered
		state bool
	}
	var docs []doc
	for _, d := range append(stateDocs(t, ""), exampleDocs(t)...) {
		sys, ok := document.DetectSystem(d.docx)
		if !ok {
			t.Fatalf("%s: neither system's heading", d.name)
		}
		docs = append(docs, doc{d, sys == document.State})
	}
	dir := t.TempDir()
	var paths []string
	for _, d := range docs {
		p := filepath.Join(dir, strings.ReplaceAll(d.name, "/", "--")+".docx")
		if err := os.WriteFile(p, d.docx, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	pdfs := docxcheck.ConvertPDFs(t, paths)
	for i, d := range docs {
		pdf := pdfs[paths[i]]
		words := docxcheck.PDFWords(t, pdf, 1)
		lines := docxcheck.PDFHLines(t, pdf, 1)
		below := func(r row, within float64) (docxcheck.HLine, bool) {
			for _, l := range lines {
				if l.Y > r.y2 && l.Y < r.y2+within && l.X1 < r.x2 && l.X2 > r.x1 {
					return l, true
				}
			}
			return docxcheck.HLine{}, false
		}
		var sum []row
		for _, p := range withStyle(paras(t, d.docx), "VBSummary") {
			for _, l := range strings.Split(p.text, "\n") {
				r, ok := findRow(words, l)
				if !ok {
					t.Errorf("%s: the trích yếu line %q is not one line on page 1", d.name, l)
					continue
				}
				sum = append(sum, r)
			}
		}
		heading := "ĐẢNG CỘNG SẢN VIỆT NAM"
		if d.state {
			heading = "Độc lập - Tự do - Hạnh phúc"
		}
		if r, ok := findRow(words, heading); !ok {
			t.Errorf("%s: %q not found on page 1", d.name, heading)
		} else if l, ok := below(r, 15); !ok {
			t.Errorf("%s: no line drawn under %q", d.name, heading)
		} else if math.Abs(l.Length()-(r.x2-r.x1)) > 4 || math.Abs((l.X1+l.X2)/2-(r.x1+r.x2)/2) > 3 {
			t.Errorf("%s: the line under %q spans %.1f–%.1f pt, the text %.1f–%.1f", d.name, heading, l.X1, l.X2, r.x1, r.x2)
		}
		if !d.state || len(sum) == 0 {
			continue
		}
		last := sum[len(sum)-1]
		widest, centre := 0.0, 0.0
		for _, r := range sum {
			if w := r.x2 - r.x1; w > widest {
				widest, centre = w, (r.x1+r.x2)/2
			}
		}
		l, ok := below(last, 20)
		if !ok {
			t.Errorf("%s: no line drawn under the trích yếu", d.name)
			continue
		}
		if l.Length() < widest/3-1 || l.Length() > widest/2+1 {
			t.Errorf("%s: the trích yếu line is %.1f pt for a trích yếu %.1f pt wide (%.0f %%; want 33–50 %%)", d.name, l.Length(), widest, 100*l.Length()/widest)
		}
		if math.Abs((l.X1+l.X2)/2-centre) > 3 {
			t.Errorf("%s: the trích yếu line is not centred (%.1f vs %.1f)", d.name, (l.X1+l.X2)/2, centre)
		}
		if gap := l.Y - last.y2; gap < 2 {
			t.Errorf("%s: the trích yếu line is %.1f pt under the text's box: it touches the descenders", d.name, gap)
		}
	}
}
