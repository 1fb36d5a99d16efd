package plan

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// seedPath is the seed in the shared folder; testdata/seed.md is a copy for checkouts without it.
const seedPath = "../../shared/seed/ke-hoach-doi-thoai-2023.md"

// seedLines returns the seed's lines as printed: markup stripped, blank lines dropped, and the paragraphs the
// markdown broke in two at a page break joined with one space.
func seedLines(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		data, err = os.ReadFile("testdata/seed.md")
		if err != nil {
			t.Fatal(err)
		}
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(strings.ReplaceAll(l, "*", ""))
		if l == "" {
			continue
		}
		if n := len(lines); n > 0 && brokenAfter(lines[n-1], l) {
			lines[n-1] += " " + l
			continue
		}
		lines = append(lines, l)
	}
	return lines
}

// brokenAfter reports whether next continues prev's paragraph: it starts with a lower-case letter and prev
// ends with a comma or a lower-case letter (not a heading in capitals like "KẾ HOẠCH").
func brokenAfter(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	last, _ := utf8.DecodeLastRuneInString(prev)
	return unicode.IsLower(r) && (last == ',' || unicode.IsLower(last))
}

// docxLines returns the text of each paragraph of a .docx body (line breaks split a paragraph into lines).
func docxLines(t *testing.T, docx []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var lines []string
	var cur strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			switch tk.Name.Local {
			case "t":
				inText = true
			case "br", "cr":
				lines = append(lines, cur.String())
				cur.Reset()
			case "tab":
				cur.WriteString("\t")
			}
		case xml.EndElement:
			switch tk.Name.Local {
			case "t":
				inText = false
			case "p":
				lines = append(lines, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(tk)
			}
		}
	}
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestSeedReproduced checks that every line of the seed appears, in order and verbatim, in the rendered plan.
func TestSeedReproduced(t *testing.T) {
	p, err := Load("../examples/duc-pho-2023/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	docx, err := p.Render()
	if err != nil {
		t.Fatal(err)
	}
	got := docxLines(t, docx)
	want := seedLines(t)
	if len(want) < 70 {
		t.Fatalf("seed has only %d lines", len(want))
	}
	i := 0
	for _, w := range want {
		j := i
		for j < len(got) && got[j] != w {
			j++
		}
		if j == len(got) {
			t.Errorf("seed line not found (in order) after rendered line %d %q:\n  %q", i, at(got, i-1), w)
			continue
		}
		i = j + 1
	}
	if t.Failed() {
		t.Logf("rendered lines:\n%s", strings.Join(got, "\n"))
	}
}

func at(s []string, i int) string {
	if i < 0 || i >= len(s) {
		return ""
	}
	return s[i]
}
