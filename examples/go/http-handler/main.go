// Command http-handler is an http.Handler that turns a posted YAML plan into its .docx, as a provincial portal
// would offer it: POST the plan file's bytes, get the document as a download, or a 422 response listing every
// problem with line:col, field path and message in Vietnamese and English (JSON). Rendering stops when the
// client goes away (the request's context).
//
//	go run ./examples/go/http-handler -addr :8080          # serve
//	curl --data-binary @examples/duc-pho-2023/plan.yaml localhost:8080/plan -o ke-hoach.docx
//	go run ./examples/go/http-handler -out /tmp/out        # post the seed's plan through httptest, save the reply
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
)

// maxBody is the largest plan accepted, as for files on disk.
const maxBody = 1 << 20

// handler renders a posted plan.
type handler struct{}

func (handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST a plan file (kind: plan) / gửi tệp kế hoạch bằng POST", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, "tệp quá lớn hoặc không đọc được / file too large or unreadable", http.StatusRequestEntityTooLarge)
		return
	}
	p, err := plan.Parse("plan.yaml", body)
	if err != nil {
		var list problem.List
		if !errors.As(err, &list) {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusUnprocessableEntity)
		json.NewEncoder(w).Encode(map[string]any{"problems": list})
		return
	}
	name := p.Output
	if name == "" {
		name = fmt.Sprintf("ke-hoach-%d.docx", p.Year())
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	// RenderTo writes nothing when rendering fails, so the error can still be the response.
	if _, err := p.RenderTo(r.Context(), w); err != nil {
		w.Header().Del("Content-Disposition")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func main() {
	addr := flag.String("addr", "", "serve on this address, e.g. :8080")
	out := flag.String("out", "", "without -addr: post examples/duc-pho-2023/plan.yaml to the handler and save the reply here")
	flag.Parse()
	if *addr != "" {
		http.Handle("/plan", handler{})
		log.Fatal(http.ListenAndServe(*addr, nil))
	}
	if *out == "" {
		*out = "."
	}
	if err := demo("examples/duc-pho-2023/plan.yaml", *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// demo posts the plan file to the handler in memory and writes the .docx it answers into out.
func demo(planFile, out string) error {
	data, err := os.ReadFile(planFile)
	if err != nil {
		return err
	}
	rec := httptest.NewRecorder()
	handler{}.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/plan", strings.NewReader(string(data))))
	if rec.Code != http.StatusOK {
		return fmt.Errorf("status %d: %s", rec.Code, rec.Body)
	}
	_, params, _ := strings.Cut(rec.Header().Get("Content-Disposition"), "filename=")
	name := filepath.Join(out, strings.Trim(params, `"`))
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(name, rec.Body.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Println(name)
	return nil
}
