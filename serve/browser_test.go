package serve_test

// A real browser drives the page as a clerk would: headless Chromium (Debian's package "chromium") through
// the DevTools protocol (chromedp). It skips when Chromium is absent, unless VANBAN_REQUIRE_TOOLS=1.
// Screenshots of each step are written to $VANBAN_ARTIFACTS/serve (else a temporary folder), printed by the
// test.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/vanban/vanban/internal/docxcheck"
)

func findChromium(t *testing.T) string {
	for _, name := range []string{os.Getenv("VANBAN_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv(docxcheck.RequireToolsEnv) == "1" {
		t.Fatal("Chromium not found (apt-get install chromium), and VANBAN_REQUIRE_TOOLS=1")
	}
	t.Skip("Chromium not found (apt-get install chromium): the browser test is skipped")
	return ""
}

func artifacts(t *testing.T) string {
	dir := os.Getenv("VANBAN_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
		if d, err := os.MkdirTemp("", "vanban-serve-screens-"); err == nil {
			dir = d
		}
	}
	dir = filepath.Join(dir, "serve")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(dir)
	t.Logf("screenshots: %s", abs)
	return abs
}

func TestBrowser(t *testing.T) {
	chrome := findChromium(t)
	shots := artifacts(t)
	dir := exampleDir(t)
	base := startServer(t, dir)

	downloads := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.WindowSize(1366, 768),
		chromedp.Flag("lang", "vi"),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// Generous: under -race on a loaded 2-core machine the whole walk has taken over two minutes.
	ctx, cancel = context.WithTimeout(ctx, 6*time.Minute)
	defer cancel()

	shot := func(name string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			var buf []byte
			if err := chromedp.FullScreenshot(&buf, 100).Do(ctx); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), buf, 0o644)
		})
	}
	run := func(step string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	// setText replaces the editor's text as typing would (an input event follows).
	setText := func(s string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			return chromedp.Evaluate(`(() => { const ta = document.getElementById("text"); ta.value = `+jsString(s)+`; ta.dispatchEvent(new Event("input", {bubbles: true})); })()`, nil).Do(ctx)
		})
	}

	// 1. The overview: every file with its state, the time line.
	var files string
	run("overview",
		emulation.SetDeviceMetricsOverride(1366, 768, 1, false),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`#files tbody tr[data-path="session-q1.yaml"]`),
		chromedp.WaitVisible(`#milestones tbody tr`),
		chromedp.Text(`#files tbody`, &files),
		shot("01-overview"),
	)
	if !strings.Contains(files, "plan.yaml") || !strings.Contains(files, "Hợp lệ") {
		t.Errorf("overview files: %q", files)
	}

	// 2. Open a session file: its text, no error, its preview.
	var preview string
	run("open",
		chromedp.Click(`#files a[href="#/edit/session-q1.yaml"].fname`),
		chromedp.WaitVisible(`#issues .ok`),
		chromedp.WaitVisible(`#preview .page`),
		chromedp.Text(`#preview`, &preview),
		shot("02-open-session"),
	)
	if !strings.Contains(preview, "Nguyễn Kiên") || !strings.Contains(preview, "THÔNG BÁO") {
		t.Errorf("preview: %q", preview)
	}
	orig, err := os.ReadFile(filepath.Join(dir, "session-q1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(orig)

	// 3. An error: a start hour that is not one, shown at its line (13) with both languages.
	bad := strings.Replace(text, `start: "08:00"`, `start: "8 giờ sáng"`, 1)
	var issue string
	run("error",
		setText(bad),
		chromedp.WaitVisible(`#gutter .ln.err[data-line="13"]`),
		chromedp.Text(`#issues .issue.err`, &issue),
		chromedp.WaitVisible(`#stale`),
		shot("03-error-at-line"),
	)
	if !strings.Contains(issue, "13") || !strings.Contains(issue, "start") {
		t.Errorf("the error does not name line 13 and start: %q", issue)
	}

	// 4. Fixed, and the chair renamed: the preview follows.
	good := strings.Replace(text, "Đồng chí Nguyễn Kiên, Bí thư Thị ủy", "Đồng chí Trần Văn Thử, Bí thư Thị ủy", 1)
	run("fix",
		setText(good),
		chromedp.WaitVisible(`#issues .ok`),
		chromedp.Poll(`document.getElementById("preview").textContent.includes("Trần Văn Thử")`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text(`#preview`, &preview),
		shot("04-fixed-preview"),
	)
	if !strings.Contains(preview, "Đồng chí Trần Văn Thử") {
		t.Errorf("the preview does not name the new chair: %q", preview)
	}

	// 5. Saved: the file on disk is the new text, the old one kept in .vanban-backup.
	run("save",
		chromedp.Click(`#save`),
		chromedp.Poll(`document.getElementById("edit-state").className.includes("saved") && !document.getElementById("edit-state").className.includes("unsaved")`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		shot("05-saved"),
	)
	if got, _ := os.ReadFile(filepath.Join(dir, "session-q1.yaml")); string(got) != good {
		t.Error("the saved file is not the edited text")
	}
	if old, err := os.ReadFile(filepath.Join(dir, ".vanban-backup", "session-q1.1.yaml")); err != nil || string(old) != text {
		t.Errorf("no backup of the previous version: %v", err)
	}

	// 6. The .docx, downloaded as a clerk does, checked by the Open XML validator.
	run("download",
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).WithDownloadPath(downloads).WithEventsEnabled(true),
		chromedp.Click(`#dl-docx`),
	)
	docx := waitDownload(t, downloads, 30*time.Second)
	data, err := os.ReadFile(docx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(docxcheck.Part(t, data, "word/document.xml"), "Trần Văn Thử") {
		t.Error("the downloaded .docx does not hold the saved text")
	}
	named := filepath.Join(t.TempDir(), "session-q1.docx")
	os.WriteFile(named, data, 0o644)
	os.WriteFile(filepath.Join(shots, "session-q1.docx"), data, 0o644)
	defer docxcheck.Validate(t, named) // last: it skips the test when the validator is absent

	// 7. Someone else changes the file: the next save is a conflict shown in the page, the disk untouched.
	other := strings.Replace(good, "Trần Văn Thử", "Lê Thị Khác", 1)
	if err := os.WriteFile(filepath.Join(dir, "session-q1.yaml"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	var conflict string
	run("conflict",
		setText(strings.Replace(good, "08:00", "07:30", 1)),
		chromedp.Click(`#save`),
		chromedp.WaitVisible(`#conflict`),
		chromedp.Text(`#conflict`, &conflict),
		shot("06-conflict"),
	)
	if !strings.Contains(conflict, "đã bị thay đổi") {
		t.Errorf("conflict message: %q", conflict)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "session-q1.yaml")); string(got) != other {
		t.Error("a conflicting save overwrote the file")
	}

	// 8. "{{" typed in a text: the placeholders of the kind are offered, one click inserts one.
	var inserted string
	run("placeholders",
		chromedp.Evaluate(`(() => { const ta = document.getElementById("text"); const i = ta.value.indexOf("venue: ") + 7; ta.focus(); ta.setSelectionRange(i, i); ta.setRangeText("{{", i, i, "end"); ta.dispatchEvent(new Event("input", {bubbles: true})); })()`, nil),
		chromedp.WaitVisible(`#pane-fields li.field.placeholder`),
		shot("07-placeholders"),
		chromedp.Click(`#pane-fields li.field.placeholder code`),
		chromedp.Value(`#text`, &inserted),
	)
	if !strings.Contains(inserted, "venue: {{") || strings.Contains(inserted, "{{{{") {
		t.Errorf("placeholder not inserted once: %q", inserted[strings.Index(inserted, "venue:"):][:60])
	}

	// 9. A new file from its skeleton, saved, listed in the overview.
	run("new file",
		chromedp.Navigate(base+"/#/"),
		chromedp.WaitVisible(`#files tbody tr`),
		chromedp.SetValue(`#new-kind`, "conclusion"),
		chromedp.SendKeys(`#new-name`, "ket-luan-q2"),
		chromedp.Click(`#new-file button[type=submit]`),
		chromedp.WaitVisible(`#text`),
		chromedp.Poll(`document.getElementById("text").value.includes("kind: conclusion")`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.WaitVisible(`#issues .ok`), // the skeleton fitted to the folder's plan: no error, no warning
		shot("08-new-file"),
		chromedp.Click(`#save`),
		chromedp.Poll(`!document.getElementById("edit-state").className.includes("unsaved")`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Navigate(base+"/#/"),
		chromedp.WaitVisible(`#files tbody tr[data-path="ket-luan-q2.yaml"]`),
	)
	if b, err := os.ReadFile(filepath.Join(dir, "ket-luan-q2.yaml")); err != nil || !strings.Contains(string(b), "kind: conclusion") {
		t.Errorf("new file not saved: %v", err)
	}

	// 10. English, and a tablet.
	var milestonesEN, statusesEN string
	run("tablet",
		chromedp.Click(`#lang-en`),
		emulation.SetDeviceMetricsOverride(768, 1024, 1, true),
		chromedp.Navigate(base+"/#/edit/session-q1.yaml"),
		chromedp.Click(`#tab-preview`),
		chromedp.WaitVisible(`#preview .page`),
		shot("09-tablet-en"),
		chromedp.Navigate(base+"/#/"),
		chromedp.WaitVisible(`#files tbody tr`),
		shot("10-tablet-overview-en"),
		chromedp.Evaluate(`document.querySelector("#milestones").textContent`, &milestonesEN),
		chromedp.Evaluate(`document.querySelector("#statuses").textContent`, &statusesEN),
	)
	// The time line and the assignments in English: titles, weekdays and states from the bilingual labels.
	if !strings.Contains(milestonesEN, "Conclusion notice due") || !strings.Contains(milestonesEN, "day") || strings.Contains(milestonesEN, "Hạn ban hành") {
		t.Errorf("the English time line: %.300q", milestonesEN)
	}
	if !strings.Contains(statusesEN, "Done") || strings.Contains(statusesEN, "Đã hoàn thành") {
		t.Errorf("the English statuses: %.300q", statusesEN)
	}
}

func waitDownload(t *testing.T, dir string, d time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		es, _ := os.ReadDir(dir)
		for _, e := range es {
			if !strings.HasSuffix(e.Name(), ".crdownload") {
				p := filepath.Join(dir, e.Name())
				if st, err := os.Stat(p); err == nil && st.Size() > 0 {
					return p
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("no download within", d)
	return ""
}

func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\u2028', '\u2029':
			b.WriteString(`\u2028`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
