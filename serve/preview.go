package serve

import (
	"html/template"
	"strings"

	"github.com/vanban/vanban/document"
)

// previewHTML lays a document out as HTML from the same model the .docx is made from: the header (superior and
// issuer on the left, the national or Party heading on the right), the number and date line, the title and
// trích yếu, the "Kính gửi" lines, the body with its labels, the Nơi nhận and the signature.
func previewHTML(doc *document.Document) string {
	var b strings.Builder
	if err := previewTmpl.Execute(&b, previewData(doc)); err != nil {
		return ""
	}
	return b.String()
}

type previewBlock struct {
	Class string
	HTML  template.HTML
}

type previewDoc struct {
	System     string
	Superior   []string
	Issuer     []string
	Motto      []string // the right column: Quốc hiệu and tiêu ngữ, or ĐẢNG CỘNG SẢN VIỆT NAM
	Number     string
	DateLine   string
	Urgency    string
	Title      string
	Summary    string
	Addressees []string
	Body       []previewBlock
	Recipients []string
	Authority  []string
	Position   string
	Name       string
}

func previewData(doc *document.Document) previewDoc {
	d := previewDoc{System: string(doc.System), Superior: doc.Superior, Issuer: doc.Issuer, Number: doc.NumberLine(),
		DateLine: doc.DateLine(), Urgency: doc.Urgency, Title: doc.TitleLine(), Summary: doc.Summary, Addressees: doc.Addressees}
	if doc.System == document.Party {
		d.Motto = []string{"ĐẢNG CỘNG SẢN VIỆT NAM"}
	} else {
		d.Motto = []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}
	}
	labels := doc.Labels()
	for i, bl := range doc.Body {
		label := ""
		if i < len(labels) {
			label = labels[i]
		}
		var h strings.Builder
		switch bl.Kind {
		case document.Part, document.Item, document.SubItem:
			h.WriteString("<b>")
			if label != "" {
				h.WriteString(template.HTMLEscapeString(label) + " ")
			}
			h.WriteString(inline(bl.Title))
			h.WriteString("</b>")
			if bl.Text != "" {
				if bl.Title != "" {
					h.WriteString("<b>:</b> ")
				}
				h.WriteString(inline(bl.Text))
			}
		case document.Bullet:
			h.WriteString("- " + inline(bl.Text))
		default:
			h.WriteString(inline(bl.Text))
		}
		d.Body = append(d.Body, previewBlock{Class: "b-" + string(bl.Kind), HTML: template.HTML(h.String())})
	}
	d.Recipients = doc.RecipientLines()
	d.Authority, d.Position, d.Name = doc.SignatureLines()
	return d
}

// inline turns the body's inline markup (**bold**, *italic*) into escaped HTML.
func inline(s string) string {
	rt, err := document.ParseInline(s)
	if err != nil {
		return template.HTMLEscapeString(s)
	}
	var b strings.Builder
	for _, sp := range rt {
		t := template.HTMLEscapeString(sp.Text)
		if sp.Underline {
			t = "<u>" + t + "</u>"
		}
		if sp.Italic {
			t = "<i>" + t + "</i>"
		}
		if sp.Bold {
			t = "<b>" + t + "</b>"
		}
		b.WriteString(t)
	}
	return b.String()
}

var previewTmpl = template.Must(template.New("doc").Parse(`<article class="page {{.System}}">
<table class="head"><tr>
<td class="issuer">{{range .Superior}}<div class="sup">{{.}}</div>{{end}}{{range .Issuer}}<div class="iss">{{.}}</div>{{end}}<div class="star">{{if eq .System "party"}}*{{else}}<hr>{{end}}</div><div class="num">{{.Number}}</div></td>
<td class="motto">{{range $i, $m := .Motto}}<div class="{{if $i}}tieu-ngu{{else}}quoc-hieu{{end}}">{{$m}}</div>{{end}}{{if ne .System "party"}}<hr>{{end}}<div class="date"><i>{{.DateLine}}</i></div></td>
</tr></table>
{{if .Urgency}}<div class="urgency">{{.Urgency}}</div>{{end}}
<h2 class="title">{{.Title}}</h2>
<div class="summary">{{.Summary}}</div>
<div class="dash">-----</div>
{{if .Addressees}}<div class="addressees">{{if eq (len .Addressees) 1}}Kính gửi: {{index .Addressees 0}}{{else}}Kính gửi:{{range .Addressees}}<div>- {{.}}</div>{{end}}{{end}}</div>{{end}}
<div class="body">{{range .Body}}<p class="{{.Class}}">{{.HTML}}</p>{{end}}</div>
<table class="foot"><tr>
<td class="recipients"><div class="label">{{if eq .System "party"}}<u>Nơi nhận</u>:{{else}}<b><i>Nơi nhận:</i></b>{{end}}</div>{{range .Recipients}}<div>{{.}}</div>{{end}}</td>
<td class="signature">{{range .Authority}}<div class="auth">{{.}}</div>{{end}}<div class="pos">{{.Position}}</div><div class="space"></div><div class="name">{{.Name}}</div></td>
</tr></table>
</article>`))
