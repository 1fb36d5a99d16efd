package serve

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/pdf"
)

// maxSize is the largest file the server reads, and the largest request body it accepts: the command line's
// limit on an input file (1 MiB).
const maxSize = source.MaxSize

//go:embed web
var webFiles embed.FS

// Options change how the folder is served.
type Options struct {
	// Token, when not empty, is required of every request: given once in the address (?token=…), it is kept in
	// a cookie; a program may send it as "Authorization: Bearer …". Serve on another address than the loopback
	// one only with a token (CheckAddr).
	Token string
	// Calendar counts the working days; nil means calendar.Default().
	Calendar *calendar.Calendar
	// Strict turns the warnings into errors, as "vanban validate --strict".
	Strict bool
	// Document are the options of every document's layout (an office's letterhead, document.ParseTemplate).
	Document []document.RenderOption
	// Today is the day of the overview's "as of"; nil means the local date of time.Now.
	Today func() calendar.Date
	// NoPDF turns the PDF files off; otherwise they are made by LibreOffice when package pdf finds it
	// ($VANBAN_SOFFICE, PATH, the installers' usual places).
	NoPDF bool
	// Log receives one line per failed request that is the server's fault (nil: none).
	Log io.Writer
}

// Handler serves the folder dir: the overview, the editor, the preview and the downloads (see the package
// comment). dir must exist; it is opened once, and no request reaches a file outside it.
func Handler(dir string, opts Options) (http.Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	csrf := make([]byte, 24)
	if _, err := rand.Read(csrf); err != nil {
		return nil, err
	}
	s := &server{dir: &folder{root: root}, opts: opts, csrf: hex.EncodeToString(csrf)}
	if s.opts.Calendar == nil {
		s.opts.Calendar = calendar.Default()
	}
	if !opts.NoPDF {
		s.soffice, _ = pdf.Find()
	}
	mux := http.NewServeMux()
	static, _ := fs.Sub(webFiles, "web")
	mux.HandleFunc("GET /{$}", s.index)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /api/overview", s.overview)
	mux.HandleFunc("GET /api/file", s.file)
	mux.HandleFunc("GET /api/skeleton", s.skeleton)
	mux.HandleFunc("GET /api/fields", s.fields)
	mux.HandleFunc("POST /api/check", s.check)
	mux.HandleFunc("POST /api/save", s.save)
	mux.HandleFunc("POST /api/starter", s.starterFolder)
	mux.HandleFunc("GET /api/download", s.download)
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, http.StatusForbidden, "yêu cầu từ trang khác bị từ chối", "cross-origin request refused")
	}))
	return s.guard(cop.Handler(mux)), nil
}

// NewServer returns an http.Server for h on addr with the timeouts and header limit a server on a network
// needs (a slow or idle client is cut off; a PDF conversion has two minutes).
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      150 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// Loopback reports whether addr ("host:port") listens only on this computer: 127.0.0.0/8, ::1 or localhost.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CheckAddr returns an error when addr is not a loopback address and token is empty: the folder would be open
// to the network.
func CheckAddr(addr, token string) error {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return fmt.Errorf("địa chỉ %q không hợp lệ (dạng máy:cổng, ví dụ 127.0.0.1:8080) / invalid address %q (host:port, e.g. 127.0.0.1:8080)", addr, addr)
	}
	if !Loopback(addr) && token == "" {
		return fmt.Errorf("địa chỉ %s mở thư mục ra mạng: cần mã truy cập (--token) / address %s opens the folder to the network: a token (--token) is required", addr, addr)
	}
	return nil
}

// NewToken returns a random access token (32 hexadecimal digits).
func NewToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

type server struct {
	dir     *folder
	opts    Options
	csrf    string
	soffice string

	saveMu sync.Mutex // one save at a time: read, compare, write
	pdfMu  sync.Mutex // one LibreOffice at a time
}

const tokenCookie = "vanban_token"

// guard checks what every request must pass before its handler: the access token when one is set, else a Host
// naming this computer (a page of another site reaching 127.0.0.1 through a DNS name of its own is refused);
// the CSRF token on every write request. It sets the security headers of every answer.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-src 'self'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'")
		if s.opts.Token != "" {
			if !s.tokenOK(w, r) {
				s.fail(w, http.StatusUnauthorized, "cần mã truy cập: mở địa chỉ có ?token=… mà lệnh vanban serve đã in ra", "a token is required: open the address with ?token=… printed by vanban serve")
				return
			}
		} else if !localHost(r.Host) {
			s.fail(w, http.StatusForbidden, "tên máy không được phép: mở bằng http://127.0.0.1 hoặc http://localhost", "host name not allowed: open http://127.0.0.1 or http://localhost")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Vanban-CSRF")), []byte(s.csrf)) != 1 {
				s.fail(w, http.StatusForbidden, "yêu cầu ghi thiếu mã chống giả mạo (CSRF): tải lại trang", "write request without its CSRF token: reload the page")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// tokenOK checks the access token in the cookie, the Authorization header or the query; a token in the query
// is moved into a cookie.
func (s *server) tokenOK(w http.ResponseWriter, r *http.Request) bool {
	eq := func(t string) bool { return subtle.ConstantTimeCompare([]byte(t), []byte(s.opts.Token)) == 1 }
	if c, err := r.Cookie(tokenCookie); err == nil && eq(c.Value) {
		return true
	}
	if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && eq(t) {
		return true
	}
	if t := r.URL.Query().Get("token"); t != "" && eq(t) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.opts.Token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		return true
	}
	return false
}

// localHost reports whether a Host header names this computer.
func localHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// message is an error told in both languages, the body of every failed answer.
type message struct {
	VI string `json:"vi"`
	EN string `json:"en"`
}

func (s *server) fail(w http.ResponseWriter, status int, vi, en string) {
	writeJSON(w, status, struct {
		Error message `json:"error"`
	}{message{vi, en}})
}

// internal answers 500 for an error that is not the client's, logging it.
func (s *server) internal(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "vanban serve: lỗi máy chủ / server error: %s %s: %v\n", r.Method, r.URL.Path, err)
	}
	s.fail(w, http.StatusInternalServerError, "lỗi máy chủ: "+err.Error(), "server error: "+err.Error())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// body reads a request body of at most maxSize bytes; a larger one is answered 413 and ok is false.
func (s *server) body(w http.ResponseWriter, r *http.Request) (data []byte, ok bool) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxSize))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		s.fail(w, http.StatusRequestEntityTooLarge,
			fmt.Sprintf("tệp quá lớn: tối đa %d byte, như dòng lệnh", maxSize),
			fmt.Sprintf("file too large: at most %d bytes, as on the command line", maxSize))
		return nil, false
	}
	if err != nil {
		s.fail(w, http.StatusBadRequest, "không đọc được nội dung gửi lên: "+err.Error(), "cannot read the request body: "+err.Error())
		return nil, false
	}
	return data, true
}

// pathParam returns the cleaned "path" query parameter, answering 400 when it is not allowed.
func (s *server) pathParam(w http.ResponseWriter, r *http.Request) (string, bool) {
	p, err := cleanPath(r.URL.Query().Get("path"), false)
	if err != nil {
		vi, en := splitErr(err)
		s.fail(w, http.StatusBadRequest, vi, en)
		return "", false
	}
	return p, true
}

func (s *server) index(w http.ResponseWriter, r *http.Request) {
	data, err := webFiles.ReadFile("web/index.html")
	if err != nil {
		s.internal(w, r, err)
		return
	}
	page := strings.Replace(string(data), "{{CSRF}}", s.csrf, 1)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, page)
}

func (s *server) today() calendar.Date {
	if s.opts.Today != nil {
		return s.opts.Today()
	}
	return calendar.Today()
}
