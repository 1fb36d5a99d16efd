package docxcheck

import (
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// ConvertPDFs converts the .docx files at paths to PDF with one LibreOffice run (much faster than one run per
// file) and returns the PDF path of each input, in a test temporary directory. The base names of the inputs
// must differ.
func ConvertPDFs(t testing.TB, paths []string) map[string]string {
	t.Helper()
	soffice := sofficePath(t)
	if soffice == "" {
		return nil
	}
	outDir := t.TempDir()
	profile, err := os.MkdirTemp("", "docxcheck-lo-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", outDir}
	out := map[string]string{}
	seen := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs))
		if seen[base] {
			t.Fatalf("docxcheck.ConvertPDFs: two inputs named %s", base)
		}
		seen[base] = true
		args = append(args, abs)
		out[p] = filepath.Join(outDir, base+".pdf")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("docxcheck.ConvertPDFs: %v\n%s", err, msg)
	}
	for in, pdf := range out {
		if st, serr := os.Stat(pdf); serr != nil || st.Size() == 0 {
			t.Fatalf("docxcheck.ConvertPDFs %s: no PDF produced\n%s", in, msg)
		}
	}
	return out
}

func sofficePath(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	toolMissing(t, "LibreOffice (soffice)", "apt-get install libreoffice-writer-nogui fonts-liberation")
	return ""
}

// Word is a word of a PDF page and its box, in points from the top-left corner of the page (pdftotext -bbox).
// The box spans the font's ascent and descent, so its bottom lies at or below the descenders.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// PDFWords returns the words of page (1-based) of a PDF with their boxes, in reading order.
func PDFWords(t testing.TB, pdf string, page int) []Word {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		toolMissing(t, "pdftotext", "apt-get install poppler-utils")
		return nil
	}
	p := strconv.Itoa(page)
	out, err := exec.Command(bin, "-bbox", "-enc", "UTF-8", "-f", p, "-l", p, pdf, "-").Output()
	if err != nil {
		t.Fatalf("docxcheck.PDFWords %s: %v", pdf, err)
	}
	var words []Word
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "word" {
			continue
		}
		var w Word
		for _, a := range se.Attr {
			v, _ := strconv.ParseFloat(a.Value, 64)
			switch a.Name.Local {
			case "xMin":
				w.XMin = v
			case "yMin":
				w.YMin = v
			case "xMax":
				w.XMax = v
			case "yMax":
				w.YMax = v
			}
		}
		var text string
		if err := dec.DecodeElement(&text, &se); err != nil {
			t.Fatalf("docxcheck.PDFWords %s: %v", pdf, err)
		}
		w.Text = text
		words = append(words, w)
	}
	return words
}

// HLine is a horizontal line drawn on a PDF page (a rule, a border), in points from the top-left corner.
type HLine struct {
	X1, X2, Y float64
	Color     string // "rgb(0%,0%,0%)" as pdftocairo writes it
}

// Length is the line's length in points.
func (l HLine) Length() float64 { return l.X2 - l.X1 }

var (
	svgPath   = regexp.MustCompile(`<path style="([^"]*)" d="M ([-0-9.]+) ([-0-9.]+) L ([-0-9.]+) ([-0-9.]+) "(?: transform="matrix\(([^)]*)\)")?`)
	svgStroke = regexp.MustCompile(`stroke:(rgb\([^)]*\))`)
)

// PDFHLines returns the horizontal stroked lines of page (1-based) of a PDF, once each, from the top of the
// page down (pdftocairo -svg).
func PDFHLines(t testing.TB, pdf string, page int) []HLine {
	t.Helper()
	bin, err := exec.LookPath("pdftocairo")
	if err != nil {
		toolMissing(t, "pdftocairo", "apt-get install poppler-utils")
		return nil
	}
	p := strconv.Itoa(page)
	out, err := exec.Command(bin, "-svg", "-f", p, "-l", p, pdf, "-").Output()
	if err != nil {
		t.Fatalf("docxcheck.PDFHLines %s: %v", pdf, err)
	}
	var lines []HLine
	for _, m := range svgPath.FindAllStringSubmatch(string(out), -1) {
		if strings.Contains(m[1], "stroke:none") {
			continue
		}
		x1, _ := strconv.ParseFloat(m[2], 64)
		y1, _ := strconv.ParseFloat(m[3], 64)
		x2, _ := strconv.ParseFloat(m[4], 64)
		y2, _ := strconv.ParseFloat(m[5], 64)
		if y1 != y2 || x1 == x2 {
			continue
		}
		a, d, e, f := 1.0, 1.0, 0.0, 0.0
		if m[6] != "" {
			var mat [6]float64
			for i, s := range strings.Split(m[6], ",") {
				if i < 6 {
					mat[i], _ = strconv.ParseFloat(strings.TrimSpace(s), 64)
				}
			}
			a, d, e, f = mat[0], mat[3], mat[4], mat[5]
		}
		l := HLine{X1: a*x1 + e, X2: a*x2 + e, Y: d*y1 + f}
		if l.X1 > l.X2 {
			l.X1, l.X2 = l.X2, l.X1
		}
		if c := svgStroke.FindStringSubmatch(m[1]); c != nil {
			l.Color = c[1]
		}
		dup := slices.ContainsFunc(lines, func(o HLine) bool {
			return abs(o.X1-l.X1) < 0.5 && abs(o.X2-l.X2) < 0.5 && abs(o.Y-l.Y) < 0.5
		})
		if !dup {
			lines = append(lines, l)
		}
	}
	slices.SortStableFunc(lines, func(a, b HLine) int {
		switch {
		case a.Y < b.Y:
			return -1
		case a.Y > b.Y:
			return 1
		}
		return 0
	})
	return lines
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
