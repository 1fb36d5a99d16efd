package serve_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/serve"
)

// client talks to a test server as the page does: with the CSRF token of the page.
type client struct {
	t    testing.TB
	h    http.Handler
	csrf string
	host string
}

func newClient(t testing.TB, dir string, opts serve.Options) *client {
	t.Helper()
	if opts.Today == nil {
		opts.Today = func() calendar.Date { return calendar.NewDate(2023, 4, 20) }
	}
	h, err := serve.Handler(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	c := &client{t: t, h: h, host: "127.0.0.1:8080"}
	res := c.do("GET", "/", "", nil)
	m := regexp.MustCompile(`name="csrf" content="([0-9a-f]+)"`).FindStringSubmatch(res.Body.String())
	if m == nil {
		t.Fatalf("no CSRF token in the page (status %d)", res.Code)
	}
	c.csrf = m[1]
	return c
}

func (c *client) do(method, url, body string, hdr map[string]string) *httptest.ResponseRecorder {
	c.t.Helper()
	req := httptest.NewRequest(method, url, strings.NewReader(body))
	req.Host = c.host
	if c.csrf != "" && method != "GET" {
		req.Header.Set("X-Vanban-CSRF", c.csrf)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res := httptest.NewRecorder()
	c.h.ServeHTTP(res, req)
	return res
}

func decode[T any](t *testing.T, res *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(res.Body.Bytes(), &v); err != nil {
		t.Fatalf("answer %d is not JSON: %v: %s", res.Code, err, res.Body.String())
	}
	return v
}

type errorJSON struct {
	Error struct{ VI, EN string } `json:"error"`
}

type fileJSON struct {
	Path, Content, Version, Kind string
}

func TestPathsOutsideTheFolder(t *testing.T) {
	dir := exampleDir(t)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte("kind: plan\nsecret: yes\n"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, ".vanban-backup"), 0o755)
	os.WriteFile(filepath.Join(dir, ".vanban-backup", "plan.1.yaml"), []byte("kind: plan\n"), 0o644)
	c := newClient(t, dir, serve.Options{})
	for _, p := range []string{"../secret.yaml", "a/../../secret.yaml", "/etc/passwd", "..%2fsecret.yaml", ".vanban-backup/plan.1.yaml",
		"sub/.git/config.yaml", "plan.txt", "C:\\x.yaml", ""} {
		res := c.do("GET", "/api/file?path="+p, "", nil)
		if res.Code != http.StatusBadRequest {
			t.Errorf("GET %q: %d, want 400", p, res.Code)
		}
		e := decode[errorJSON](t, res)
		if e.Error.VI == "" || e.Error.EN == "" {
			t.Errorf("GET %q: message not in both languages: %s", p, res.Body)
		}
		if res := c.do("POST", "/api/save?path="+p, "kind: plan\n", nil); res.Code != http.StatusBadRequest {
			t.Errorf("save %q: %d, want 400", p, res.Code)
		}
	}
	// A symbolic link out of the folder does not open, and is not written through.
	if res := c.do("GET", "/api/file?path=link.yaml", "", nil); res.Code != http.StatusForbidden || strings.Contains(res.Body.String(), "secret") {
		t.Errorf("symlink out of the folder: %d %s", res.Code, res.Body)
	}
	if res := c.do("POST", "/api/save?path=link.yaml", "kind: plan\n", map[string]string{"X-Vanban-Version": "x"}); res.Code == http.StatusOK {
		t.Error("a save went through a symbolic link out of the folder")
	}
	if b, _ := os.ReadFile(filepath.Join(outside, "secret.yaml")); !strings.Contains(string(b), "secret") {
		t.Error("the file outside was changed")
	}
}

func TestWriteRequestsNeedCSRFAndSameOrigin(t *testing.T) {
	dir := exampleDir(t)
	c := newClient(t, dir, serve.Options{})
	f := decode[fileJSON](t, c.do("GET", "/api/file?path=plan.yaml", "", nil))
	ver := map[string]string{"X-Vanban-Version": f.Version}
	token := c.csrf

	c.csrf = ""
	if res := c.do("POST", "/api/save?path=plan.yaml", f.Content+"\n", ver); res.Code != http.StatusForbidden {
		t.Errorf("save without the CSRF token: %d, want 403", res.Code)
	}
	c.csrf = "0000"
	if res := c.do("POST", "/api/check?path=plan.yaml", f.Content, nil); res.Code != http.StatusForbidden {
		t.Errorf("check with a wrong CSRF token: %d, want 403", res.Code)
	}
	c.csrf = token
	cross := map[string]string{"X-Vanban-Version": f.Version, "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}
	if res := c.do("POST", "/api/save?path=plan.yaml", f.Content+"\n", cross); res.Code != http.StatusForbidden {
		t.Errorf("cross-site save: %d, want 403", res.Code)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "plan.yaml")); string(b) != f.Content {
		t.Error("a refused save wrote the file")
	}
	// Another host name (DNS rebinding) is refused without a token.
	c.host = "evil.example:8080"
	if res := c.do("GET", "/api/overview", "", nil); res.Code != http.StatusForbidden {
		t.Errorf("Host evil.example: %d, want 403", res.Code)
	}
	c.host = "localhost:8080"
	if res := c.do("GET", "/api/file?path=plan.yaml", "", nil); res.Code != http.StatusOK {
		t.Errorf("Host localhost: %d", res.Code)
	}
}

func TestToken(t *testing.T) {
	dir := exampleDir(t)
	h, err := serve.Handler(dir, serve.Options{Token: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	get := func(url string, cookie *http.Cookie, auth string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", url, nil)
		req.Host = "192.168.1.10:8080"
		if cookie != nil {
			req.AddCookie(cookie)
		}
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		res := httptest.NewRecorder()
		h.ServeHTTP(res, req)
		return res
	}
	if res := get("/api/overview", nil, ""); res.Code != http.StatusUnauthorized {
		t.Errorf("no token: %d, want 401", res.Code)
	}
	if res := get("/?token=wrong", nil, ""); res.Code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d, want 401", res.Code)
	}
	res := get("/?token=s3cret", nil, "")
	if res.Code != http.StatusOK {
		t.Fatalf("token in the address: %d", res.Code)
	}
	cookies := res.Result().Cookies()
	if len(cookies) != 1 || !cookies[0].HttpOnly {
		t.Fatalf("the token is not kept in an HttpOnly cookie: %v", cookies)
	}
	if res := get("/api/overview", cookies[0], ""); res.Code != http.StatusOK {
		t.Errorf("token cookie: %d", res.Code)
	}
	if res := get("/api/overview", nil, "s3cret"); res.Code != http.StatusOK {
		t.Errorf("bearer token: %d", res.Code)
	}
}

func TestCheckAddr(t *testing.T) {
	for _, tc := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true}, {"localhost:0", "", true}, {"[::1]:8080", "", true},
		{"0.0.0.0:8080", "", false}, {":8080", "", false}, {"192.168.1.5:80", "", false},
		{"0.0.0.0:8080", "t", true}, {"nonsense", "", false},
	} {
		if err := serve.CheckAddr(tc.addr, tc.token); (err == nil) != tc.ok {
			t.Errorf("CheckAddr(%q, %q) = %v", tc.addr, tc.token, err)
		}
	}
	if serve.NewToken() == serve.NewToken() || len(serve.NewToken()) != 32 {
		t.Error("NewToken")
	}
}

func TestSaveConflictAndBackup(t *testing.T) {
	dir := exampleDir(t)
	c := newClient(t, dir, serve.Options{})
	f := decode[fileJSON](t, c.do("GET", "/api/file?path=session-q2.yaml", "", nil))
	edited := strings.Replace(f.Content, "kind: session", "kind: session # sửa", 1)

	res := c.do("POST", "/api/save?path=session-q2.yaml", edited, map[string]string{"X-Vanban-Version": f.Version})
	if res.Code != http.StatusOK {
		t.Fatalf("save: %d %s", res.Code, res.Body)
	}
	v2 := decode[map[string]string](t, res)["version"]
	if got, _ := os.ReadFile(filepath.Join(dir, "session-q2.yaml")); string(got) != edited {
		t.Error("not saved")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, ".vanban-backup", "session-q2.1.yaml")); string(got) != f.Content {
		t.Error("the previous version is not kept")
	}
	// The same old version again: the file changed since, a conflict; nothing written.
	res = c.do("POST", "/api/save?path=session-q2.yaml", f.Content, map[string]string{"X-Vanban-Version": f.Version})
	if res.Code != http.StatusConflict {
		t.Fatalf("stale version: %d, want 409", res.Code)
	}
	if e := decode[errorJSON](t, res); !strings.Contains(e.Error.VI, "đã bị thay đổi") || !strings.Contains(e.Error.EN, "changed") {
		t.Errorf("conflict message: %+v", e)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "session-q2.yaml")); string(got) != edited {
		t.Error("a conflicting save wrote the file")
	}
	// Changed on disk by someone else: conflict.
	os.WriteFile(filepath.Join(dir, "session-q2.yaml"), []byte(edited+"# khác\n"), 0o644)
	if res := c.do("POST", "/api/save?path=session-q2.yaml", edited+"# mine\n", map[string]string{"X-Vanban-Version": v2}); res.Code != http.StatusConflict {
		t.Errorf("changed on disk: %d, want 409", res.Code)
	}
	// A new file whose name exists already, and a file deleted since it was opened.
	if res := c.do("POST", "/api/save?path=plan.yaml", "kind: plan\n", nil); res.Code != http.StatusConflict {
		t.Errorf("new file over an existing one: %d, want 409", res.Code)
	}
	g := decode[fileJSON](t, c.do("GET", "/api/file?path=session-q3.yaml", "", nil))
	os.Remove(filepath.Join(dir, "session-q3.yaml"))
	if res := c.do("POST", "/api/save?path=session-q3.yaml", g.Content, map[string]string{"X-Vanban-Version": g.Version}); res.Code != http.StatusConflict {
		t.Errorf("deleted since opened: %d, want 409", res.Code)
	}
	// No temporary file is left behind, and the backups are not inputs.
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	ov := decode[overviewJSON](t, c.do("GET", "/api/overview", "", nil))
	for _, f := range ov.Files {
		if strings.HasPrefix(f.Path, ".") {
			t.Errorf("hidden file listed: %s", f.Path)
		}
	}
}

func TestSizeLimit(t *testing.T) {
	c := newClient(t, exampleDir(t), serve.Options{})
	big := "kind: plan\n# " + strings.Repeat("x", 1<<20) + "\n"
	for _, url := range []string{"/api/check?path=plan.yaml", "/api/save?path=plan.yaml"} {
		res := c.do("POST", url, big, nil)
		if res.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("%s with %d bytes: %d, want 413", url, len(big), res.Code)
		}
		if e := decode[errorJSON](t, res); !strings.Contains(e.Error.EN, "too large") {
			t.Errorf("%s: %s", url, res.Body)
		}
	}
	// At the limit exactly, the file is read (and its mistakes reported).
	atLimit := "kind: plan\n#" + strings.Repeat("x", 1<<20-13) + "\n"
	if len(atLimit) != 1<<20 {
		t.Fatal(len(atLimit))
	}
	if res := c.do("POST", "/api/check?path=plan.yaml", atLimit, nil); res.Code != http.StatusOK {
		t.Errorf("check at the limit: %d", res.Code)
	}
}

type issueJSON struct {
	File      string
	Line, Col int
	Path      string
	VI, EN    string
}

type checkJSON struct {
	Kind     string
	Errors   []issueJSON
	Warnings []issueJSON
	Preview  string
	Outputs  []string
}

type overviewJSON struct {
	Files []struct {
		Path, Kind, State string
		Errors            []issueJSON
		Warnings          []issueJSON
	}
	Milestones []struct {
		Date, Session, Kind, Title, When string
		TitleEN                          string `json:"title_en"`
		Rule                             string
		RuleEN                           string `json:"rule_en"`
		Estimated                        bool
	}
	Statuses []struct {
		ID, State, Describe string
		DescribeEN          string `json:"describe_en"`
	}
	Problems []issueJSON
}

func TestCheck(t *testing.T) {
	dir := exampleDir(t)
	c := newClient(t, dir, serve.Options{})
	f := decode[fileJSON](t, c.do("GET", "/api/file?path=session-q1.yaml", "", nil))

	res := decode[checkJSON](t, c.do("POST", "/api/check?path=session-q1.yaml", f.Content, nil))
	if len(res.Errors) != 0 || res.Kind != "session" || !strings.Contains(res.Preview, "THÔNG BÁO") || !strings.Contains(res.Preview, "Nơi nhận") {
		t.Fatalf("the saved file: %+v", res)
	}
	if len(res.Outputs) != 1 || res.Outputs[0] != "session-q1.docx" {
		t.Errorf("outputs: %v", res.Outputs)
	}
	// The errors of the text being edited (not of the file on disk), at their line, in both languages.
	bad := strings.Replace(f.Content, `start: "08:00"`, `start: "8 giờ"`, 1)
	bad = strings.Replace(bad, "session: q1", "session: q9", 1)
	res = decode[checkJSON](t, c.do("POST", "/api/check?path=session-q1.yaml", bad, nil))
	lines := map[int]string{}
	for _, e := range res.Errors {
		lines[e.Line] = e.Path
		if e.VI == "" || e.EN == "" || e.File != "session-q1.yaml" {
			t.Errorf("error %+v", e)
		}
	}
	if lines[13] != "start" || lines[8] != "session" || res.Preview != "" {
		t.Errorf("errors: %+v", res.Errors)
	}
	// An HTML-looking value is text in the preview.
	xss := strings.Replace(f.Content, "chair: Đồng chí Nguyễn Kiên", "chair: <script>alert(1)</script> Nguyễn Kiên", 1)
	res = decode[checkJSON](t, c.do("POST", "/api/check?path=session-q1.yaml", xss, nil))
	if strings.Contains(res.Preview, "<script>") || !strings.Contains(res.Preview, "&lt;script&gt;") {
		t.Errorf("preview not escaped: %s", res.Preview)
	}
	// A new file is checked against the folder's plan.
	sk := decode[fileJSON](t, c.do("GET", "/api/skeleton?kind=conclusion&path=ket-luan-moi.yaml", "", nil))
	res = decode[checkJSON](t, c.do("POST", "/api/check?path=ket-luan-moi.yaml", sk.Content, nil))
	if res.Kind != "conclusion" || len(res.Errors)+len(res.Warnings) != 0 || !strings.Contains(sk.Content, "session: q2\n") {
		t.Errorf("the skeleton fitted to the example's plan (next session as of 2023-04-20: q2): %+v\n%s", res, sk.Content)
	}
	// So are the other kinds that depend on the plan's dates.
	for _, kind := range []string{"session", "reception-schedule", "followup", "calendar-export"} {
		sk := decode[fileJSON](t, c.do("GET", "/api/skeleton?kind="+kind+"&path=moi.yaml", "", nil))
		res := decode[checkJSON](t, c.do("POST", "/api/check?path=moi.yaml", sk.Content, nil))
		if len(res.Errors) != 0 || (kind != "followup" && len(res.Warnings) != 0) {
			t.Errorf("%s skeleton in the example folder: %+v %+v\n%s", kind, res.Errors, res.Warnings, sk.Content)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "ket-luan-moi.yaml")); err == nil {
		t.Error("a check wrote the file")
	}
}

func TestOverview(t *testing.T) {
	dir := exampleDir(t)
	c := newClient(t, dir, serve.Options{})
	ov := decode[overviewJSON](t, c.do("GET", "/api/overview", "", nil))
	st := map[string]string{}
	for _, s := range ov.Statuses {
		st[s.ID] = s.State
	}
	if st["q1-1"] != "done" || st["q1-3"] != "overdue" {
		t.Errorf("statuses as of 2023-04-20: %v", st)
	}
	// The page's English mode has the titles and statuses in English beside the Vietnamese.
	for _, s := range ov.Statuses {
		if s.State == "overdue" && (!strings.HasPrefix(s.DescribeEN, "Overdue") || !strings.HasPrefix(s.Describe, "Quá hạn")) {
			t.Errorf("status %s: %q / %q", s.ID, s.Describe, s.DescribeEN)
		}
	}
	for _, m := range ov.Milestones {
		if m.Kind == "conclusion" && (m.Title != "Hạn ban hành thông báo kết luận" || m.TitleEN != "Conclusion notice due" ||
			!strings.HasPrefix(m.Rule, "trong thời hạn 07 ngày làm việc") || m.RuleEN != "within 07 working days after the session ends") {
			t.Errorf("milestone %s %s: %q / %q, %q / %q", m.Session, m.Kind, m.Title, m.TitleEN, m.Rule, m.RuleEN)
		}
		if m.Estimated {
			t.Errorf("milestone %s %s of 2023 marked estimated", m.Session, m.Kind)
		}
	}
	// One broken file: it shows with its errors, the others stay valid, the time line keeps what loads.
	data, _ := os.ReadFile(filepath.Join(dir, "session-q2.yaml"))
	os.WriteFile(filepath.Join(dir, "session-q2.yaml"), []byte(strings.Replace(string(data), "session: q2", "session: q7", 1)), 0o644)
	ov = decode[overviewJSON](t, c.do("GET", "/api/overview", "", nil))
	states := map[string]string{}
	for _, f := range ov.Files {
		states[f.Path] = f.State
	}
	if states["session-q2.yaml"] != "errors" || states["session-q1.yaml"] != "valid" || states["plan.yaml"] != "valid" || len(ov.Files) != 9 {
		t.Errorf("states: %v", states)
	}
	// The time line of the valid files as of 2023-04-20: q1's steps past, q3's ahead; q1-3 overdue.
	var past, future, q1 int
	for _, m := range ov.Milestones {
		switch m.When {
		case "past":
			past++
		case "future":
			future++
		}
		if m.Session == "q1" && m.Kind == "session" && m.Date != "2023-03-15" {
			t.Errorf("q1 held on %s", m.Date)
		}
		if m.Session == "q1" {
			q1++
		}
	}
	if past == 0 || future == 0 || q1 == 0 {
		t.Errorf("milestones: %d past, %d future, %d of q1", past, future, q1)
	}
	for _, f := range ov.Files {
		if f.Path == "session-q2.yaml" && (len(f.Errors) == 0 || f.Errors[0].Line != 6) {
			t.Errorf("errors of session-q2.yaml: %+v", f.Errors)
		}
	}
}

func TestDownloads(t *testing.T) {
	dir := exampleDir(t)
	c := newClient(t, dir, serve.Options{NoPDF: true})
	res := c.do("GET", "/api/download?format=docx&path=plan.yaml", "", nil)
	if res.Code != http.StatusOK || !bytes.HasPrefix(res.Body.Bytes(), []byte("PK")) || !strings.Contains(res.Header().Get("Content-Disposition"), "ke-hoach-doi-thoai-2023.docx") {
		t.Fatalf("docx: %d %v", res.Code, res.Header())
	}
	want, err := os.ReadFile(filepath.Join("..", "plan", "testdata", "duc-pho-2023.golden.docx"))
	if err == nil && !bytes.Equal(want, res.Body.Bytes()) {
		t.Log("the plan's .docx differs from plan's golden file (layout work in progress elsewhere?)")
	}
	res = c.do("GET", "/api/download?format=zip", "", nil)
	if res.Code != http.StatusOK {
		t.Fatalf("zip: %d %s", res.Code, res.Body)
	}
	zr, err := zip.NewReader(bytes.NewReader(res.Body.Bytes()), int64(res.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); !strings.Contains(got, "ke-hoach-doi-thoai-2023.docx") || !strings.Contains(got, "session-q4.docx") || !strings.Contains(got, ".ics") || len(names) != 9 {
		t.Errorf("zip holds %s", got)
	}
	again := c.do("GET", "/api/download?format=zip", "", nil)
	if !bytes.Equal(again.Body.Bytes(), res.Body.Bytes()) {
		t.Error("the zip is not the same bytes twice")
	}
	res = c.do("GET", "/api/download?format=ics", "", nil)
	if res.Code != http.StatusOK || !strings.HasPrefix(res.Body.String(), "BEGIN:VCALENDAR") {
		t.Errorf("ics: %d %.100s", res.Code, res.Body)
	}
	if res := c.do("GET", "/api/download?format=pdf&path=plan.yaml", "", nil); res.Code != http.StatusNotImplemented {
		t.Errorf("pdf without LibreOffice: %d", res.Code)
	}
	// A file with errors: 422 and its issues; nothing else.
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("kind: session\nplan: plan.yaml\n"), 0o644)
	res = c.do("GET", "/api/download?format=docx&path=broken.yaml", "", nil)
	if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), `"issues"`) {
		t.Errorf("broken: %d %s", res.Code, res.Body)
	}
	if res := c.do("GET", "/api/download?format=zip", "", nil); res.Code != http.StatusUnprocessableEntity {
		t.Errorf("zip of a folder with errors: %d", res.Code)
	}
}

func TestPDF(t *testing.T) {
	if _, err := exec_LookPath("soffice"); err != nil {
		if os.Getenv("VANBAN_REQUIRE_TOOLS") == "1" {
			t.Fatal("soffice not found and VANBAN_REQUIRE_TOOLS=1")
		}
		t.Skip("LibreOffice (soffice) not installed")
	}
	c := newClient(t, exampleDir(t), serve.Options{})
	res := c.do("GET", "/api/download?format=pdf&inline=1&path=session-q1.yaml", "", nil)
	if res.Code != http.StatusOK || !bytes.HasPrefix(res.Body.Bytes(), []byte("%PDF")) || !strings.HasPrefix(res.Header().Get("Content-Disposition"), "inline") {
		t.Fatalf("pdf: %d %.200s", res.Code, res.Body)
	}
}

// TestSkeletonsValidate: a new file of every kind, started from its skeleton in an empty folder and saved
// as it is, is valid (no error, no warning) and makes its document.
func TestSkeletonsValidate(t *testing.T) {
	dir := t.TempDir()
	c := newClient(t, dir, serve.Options{})
	ov := decode[struct{ Kinds []string }](t, c.do("GET", "/api/overview", "", nil))
	if len(ov.Kinds) < 7 || ov.Kinds[0] != "plan" {
		t.Fatalf("kinds: %v", ov.Kinds)
	}
	for _, k := range ov.Kinds {
		res := c.do("GET", "/api/skeleton?kind="+k+"&path="+k+".yaml", "", nil)
		if res.Code != http.StatusOK {
			t.Fatalf("skeleton %s: %d %s", k, res.Code, res.Body)
		}
		sk := decode[fileJSON](t, res)
		if res := c.do("POST", "/api/save?path="+k+".yaml", sk.Content, nil); res.Code != http.StatusOK {
			t.Fatalf("save %s: %d %s", k, res.Code, res.Body)
		}
	}
	if res := c.do("GET", "/api/skeleton?kind=plan&path=plan.yaml", "", nil); res.Code != http.StatusConflict {
		t.Errorf("skeleton over an existing file: %d", res.Code)
	}
	full := decode[overviewJSON](t, c.do("GET", "/api/overview", "", nil))
	for _, f := range full.Files {
		if f.State != "valid" {
			t.Errorf("%s: %s %+v %+v", f.Path, f.State, f.Errors, f.Warnings)
		}
	}
	if len(full.Files) != len(ov.Kinds) || len(full.Milestones) == 0 {
		t.Errorf("%d files, %d milestones", len(full.Files), len(full.Milestones))
	}
	if res := c.do("GET", "/api/download?format=zip", "", nil); res.Code != http.StatusOK {
		t.Errorf("zip of the skeletons: %d %s", res.Code, res.Body)
	}
}

func TestFields(t *testing.T) {
	c := newClient(t, exampleDir(t), serve.Options{})
	type field struct{ Name, Kind, Meaning, Value string }
	fs := decode[[]field](t, c.do("GET", "/api/fields?kind=session&path=session-q1.yaml", "", nil))
	found := map[string]string{}
	for _, f := range fs {
		found[f.Kind+":"+f.Name] = f.Value
	}
	if found["placeholder:day"] == "" || found["key:chair"] == "" {
		t.Errorf("fields of session-q1.yaml: %d, day=%q chair=%q", len(fs), found["placeholder:day"], found["key:chair"])
	}
	ref := decode[[]field](t, c.do("GET", "/api/fields?kind=conclusion", "", nil))
	if len(ref) == 0 {
		t.Error("no reference fields for conclusion")
	}
}

func TestStaticAndHeaders(t *testing.T) {
	c := newClient(t, exampleDir(t), serve.Options{})
	for _, p := range []string{"/static/app.js", "/static/style.css"} {
		res := c.do("GET", p, "", nil)
		if res.Code != http.StatusOK || res.Body.Len() < 1000 {
			t.Errorf("%s: %d", p, res.Code)
		}
	}
	res := c.do("GET", "/", "", nil)
	if csp := res.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP: %q", csp)
	}
	body, _ := io.ReadAll(res.Body)
	if bytes.Contains(body, []byte("http://")) || bytes.Contains(body, []byte("https://")) {
		t.Error("the page loads something from another site")
	}
}

// TestStarter: an empty folder is filled with the starting folder of "vanban init", valid as it is; a second
// time nothing is written.
func TestStarter(t *testing.T) {
	dir := t.TempDir()
	c := newClient(t, dir, serve.Options{})
	for _, kind := range []string{"ubnd-xa"} {
		res := c.do("POST", "/api/starter?kind="+kind, "", nil)
		if res.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", kind, res.Code, res.Body)
		}
	}
	ov := decode[overviewJSON](t, c.do("GET", "/api/overview", "", nil))
	if len(ov.Files) < 3 {
		t.Fatalf("files: %+v", ov.Files)
	}
	for _, f := range ov.Files {
		if f.State == "errors" {
			t.Errorf("%s: %+v", f.Path, f.Errors)
		}
	}
	if res := c.do("POST", "/api/starter?kind=dang-uy-xa", "", nil); res.Code != http.StatusConflict {
		t.Errorf("starter over existing files: %d", res.Code)
	}
	if res := c.do("POST", "/api/starter?kind=nope", "", nil); res.Code != http.StatusBadRequest {
		t.Errorf("unknown starter: %d", res.Code)
	}
}
