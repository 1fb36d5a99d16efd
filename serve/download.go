package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/pdf"
	"github.com/vanban/vanban/problem"
	"github.com/vanban/vanban/render"
)

// download answers a file of the folder as a document:
//
//	?format=docx&path=P   the .docx the input P makes (the saved file, as "vanban render" makes it)
//	?format=pdf&path=P    the same converted by LibreOffice (inline=1: to show in the page)
//	?format=ics           the iCalendar file of the folder's cycle
//	?format=zip           every output of the folder ("vanban render --out DIR" of the whole folder), zipped
func (s *server) download(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	fsys := s.dir.inputs("", nil)
	ctx := r.Context()
	switch q.Get("format") {
	case "docx", "pdf":
		p, ok := s.pathParam(w, r)
		if !ok {
			return
		}
		outs := map[string][]byte{}
		var names []string
		_, err := render.Run(ctx, render.SinkFunc(func(_ context.Context, name string, data []byte) error {
			outs[name], names = data, append(names, name)
			return nil
		}), s.renderOptions(fsys), p)
		if err != nil {
			s.unprocessable(w, err)
			return
		}
		var name string
		for _, n := range names {
			if strings.HasSuffix(n, ".docx") {
				name = n
				break
			}
		}
		if name == "" {
			s.fail(w, http.StatusNotFound, "tệp này không tạo ra văn bản .docx nào", "this file makes no .docx document")
			return
		}
		if q.Get("format") == "docx" {
			send(w, name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", outs[name], false)
			return
		}
		pdf, err := s.toPDF(ctx, name, outs[name])
		if err != nil {
			if s.soffice == "" {
				s.fail(w, http.StatusNotImplemented, "máy này chưa cài LibreOffice nên không tạo được PDF", "LibreOffice is not installed on this computer: no PDF")
				return
			}
			s.internal(w, r, err)
			return
		}
		send(w, strings.TrimSuffix(name, ".docx")+".pdf", "application/pdf", pdf, q.Get("inline") == "1")
	case "ics":
		set, err := notice.LoadFS(fsys, s.noticeOptions(), ".")
		if err != nil {
			s.unprocessable(w, err)
			return
		}
		if len(set.Plans) == 0 {
			s.fail(w, http.StatusNotFound, "thư mục không có kế hoạch nào: không có lịch", "the folder has no plan: no calendar")
			return
		}
		var b bytes.Buffer
		if err := set.WriteICS(&b, ""); err != nil {
			s.unprocessable(w, err)
			return
		}
		send(w, "lich-"+notice.Slug(path.Base(s.dir.root.Name()))+".ics", "text/calendar; charset=utf-8", b.Bytes(), false)
	case "zip":
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		_, err := render.Run(ctx, render.SinkFunc(func(_ context.Context, name string, data []byte) error {
			f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				return err
			}
			_, err = f.Write(data)
			return err
		}), s.renderOptions(fsys), ".")
		if err != nil {
			s.unprocessable(w, err)
			return
		}
		if err := zw.Close(); err != nil {
			s.internal(w, r, err)
			return
		}
		send(w, notice.Slug(path.Base(s.dir.root.Name()))+".zip", "application/zip", b.Bytes(), false)
	default:
		s.fail(w, http.StatusBadRequest, "định dạng tải về không hợp lệ (docx, pdf, ics, zip)", "unknown download format (docx, pdf, ics, zip)")
	}
}

// unprocessable answers 422 with the problems of the inputs.
func (s *server) unprocessable(w http.ResponseWriter, err error) {
	writeJSON(w, http.StatusUnprocessableEntity, struct {
		Error  message `json:"error"`
		Issues []issue `json:"issues"`
	}{message{"tệp có lỗi, chưa tạo được văn bản: sửa các lỗi bên dưới", "the files have errors, no document made: fix the errors below"},
		issues(problem.From(err))})
}

func send(w http.ResponseWriter, name, ctype string, data []byte, inline bool) {
	disp := "attachment"
	if inline {
		disp = "inline"
		w.Header().Del("Content-Security-Policy") // the browser's PDF viewer shows the file in the page
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", mime.FormatMediaType(disp, map[string]string{"filename": name}))
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(data)
}

// toPDF converts a .docx with LibreOffice (package pdf), one conversion at a time, in a temporary folder.
func (s *server) toPDF(ctx context.Context, name string, docx []byte) ([]byte, error) {
	if s.soffice == "" {
		return nil, pdf.ErrNoLibreOffice
	}
	s.pdfMu.Lock()
	defer s.pdfMu.Unlock()
	tmp, err := os.MkdirTemp("", "vanban-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	in := filepath.Join(tmp, "doc.docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	out, err := pdf.Convert(ctx, in)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(out[0])
}
