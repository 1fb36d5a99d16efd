package templates

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/docxcheck"
)

const (
	nsW    = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"`
	sectPr = `<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`
)

// testDoc describes a minimal docx built from XML strings.
type testDoc struct {
	body      string // inner XML of <w:body> (sectPr appended)
	header    string // inner XML of <w:hdr>; "" gives a plain paragraph
	footer    string // inner XML of <w:ftr>
	footnotes string // extra <w:footnote> elements (ids >= 1)
	comments  string // <w:comment> elements; adds word/comments.xml when set
	image     bool   // adds word/media/image1.png with relationship rIdImg
}

func para(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func (d testDoc) files() map[string]string {
	hdr := d.header
	if hdr == "" {
		hdr = `<w:p><w:r><w:t>Header</w:t></w:r></w:p>`
	}
	ftr := d.footer
	if ftr == "" {
		ftr = `<w:p><w:r><w:t>Footer</w:t></w:r></w:p>`
	}
	var extraCT, extraRels string
	if d.comments != "" {
		extraCT += `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`
		extraRels += `<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>`
	}
	if d.image {
		extraCT += `<Default Extension="png" ContentType="image/png"/>`
		extraRels += `<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>`
	}
	ct := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` + extraCT + `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docRels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` + extraRels + `</Relationships>`
	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + nsW + `><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + nsW + `><w:body>` + d.body + sectPr + `</w:body></w:document>`
	header := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ` + nsW + `>` + hdr + `</w:hdr>`
	footer := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr ` + nsW + `>` + ftr + `</w:ftr>`
	notes := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ` + nsW + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` + d.footnotes + `</w:footnotes>`
	files := map[string]string{
		"[Content_Types].xml":          ct,
		"_rels/.rels":                  rels,
		"word/document.xml":            doc,
		"word/_rels/document.xml.rels": docRels,
		"word/styles.xml":              styles,
		"word/header1.xml":             header,
		"word/footer1.xml":             footer,
		"word/footnotes.xml":           notes,
	}
	if d.comments != "" {
		files["word/comments.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments ` + nsW + `>` + d.comments + `</w:comments>`
	}
	if d.image {
		var buf bytes.Buffer
		if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
			panic(err)
		}
		files["word/media/image1.png"] = buf.String()
	}
	return files
}

// picture is an inline drawing of word/media/image1.png (testDoc.image)
// with the given wp:docPr and pic:cNvPr ids.
func picture(docPr, cNvPr int) string {
	return fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="180000" cy="180000"/><wp:docPr id="%d" name="Logo %d"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="180000" cy="180000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`, docPr, docPr, cNvPr)
}

// duplicateIDs lists the ids a document part holds more than once among
// those Word wants unique: drawing ids, bookmark, comment and revision ids,
// content-control ids and paragraph ids.
func duplicateIDs(x string) []string {
	var dups []string
	for _, re := range idPatterns {
		seen := map[string]int{}
		for _, m := range re.FindAllStringSubmatch(x, -1) {
			seen[m[1]+" "+m[2]]++
		}
		for k, n := range seen {
			if n > 1 {
				dups = append(dups, fmt.Sprintf("%s ×%d", k, n))
			}
		}
	}
	sort.Strings(dups)
	return dups
}

var idPatterns = []*regexp.Regexp{
	regexp.MustCompile(`<(wp:docPr|pic:cNvPr) id="([^"]*)"`),
	regexp.MustCompile(`<(w:bookmarkStart|w:commentRangeStart|w:commentRangeEnd|w:commentReference|w:ins|w:del) w:id="([^"]*)"`),
	regexp.MustCompile(`<w:sdtPr>(<w:id) w:val="([^"]*)"`),
	regexp.MustCompile(`(w14:paraId)="([^"]*)"`),
}

// zipFiles zips parts in a fixed order ([Content_Types].xml first).
func zipFiles(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sortPackageNames(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, files[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (d testDoc) docx(t testing.TB) []byte { return zipFiles(t, d.files()) }

// bodyOf extracts the inner XML of <w:body> without the sectPr.
func bodyOf(doc string) string {
	i := strings.Index(doc, "<w:body>")
	j := strings.Index(doc, "<w:sectPr>")
	if i < 0 || j < 0 {
		return doc
	}
	return doc[i+len("<w:body>") : j]
}

// render parses and renders a testDoc, failing the test on error.
func render(t testing.TB, d testDoc, data any, opts ...Option) []byte {
	t.Helper()
	tpl, err := Parse(d.docx(t), opts...)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	out, err := tpl.Render(data)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return out
}

// renderBody renders and returns the body inner XML.
func renderBody(t testing.TB, d testDoc, data any, opts ...Option) string {
	t.Helper()
	return bodyOf(docxcheck.Part(t, render(t, d, data, opts...), "word/document.xml"))
}

// textOf returns the visible text of WordprocessingML: <w:t> contents,
// "\n" for <w:br/> and paragraph ends, "\t" for <w:tab/>.
func textOf(x string) string {
	var b strings.Builder
	for i := 0; i < len(x); {
		if x[i] != '<' {
			j := strings.IndexByte(x[i:], '<')
			if j < 0 {
				j = len(x) - i
			}
			i += j
			continue
		}
		j := strings.IndexByte(x[i:], '>')
		tag := x[i : i+j+1]
		i += j + 1
		switch {
		case strings.HasPrefix(tag, "<w:t>") || strings.HasPrefix(tag, "<w:t "):
			k := strings.Index(x[i:], "</w:t>")
			b.WriteString(unescapeText([]byte(x[i : i+k])))
			i += k
		case tag == "<w:br/>":
			b.WriteString("\n")
		case tag == "<w:tab/>":
			b.WriteString("\t")
		case tag == "</w:p>":
			b.WriteString("¶")
		}
	}
	return b.String()
}
