package plan_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
	"github.com/vanban/vanban/templates"
)

// newPlan builds a small valid plan in Go, the way an e-office system would from its own database.
func newPlan() *plan.Plan {
	return &plan.Plan{
		Kind:         plan.Kind,
		Issuer:       plan.Issuer{System: document.State, Name: []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG AN BÌNH"}, Code: "UBND", Place: "An Bình", Host: "Chủ tịch Ủy ban nhân dân phường"},
		Doc:          plan.DocInfo{Type: "Kế hoạch", Number: 12, Date: calendar.NewDate(2026, 1, 20)},
		Summary:      "Tổ chức đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân năm {{year}}",
		DeadlineDays: 7,
		Body: []plan.Block{
			{Part: "Mục đích, yêu cầu", Content: []plan.Block{{Paragraph: "Lắng nghe ý kiến của Nhân dân."}}},
			{Part: "Thời gian, địa điểm", Content: []plan.Block{{Sessions: true}}},
		},
		Sessions: []plan.Session{{ID: "q2", Quarter: 2, Content: "Trật tự đô thị", Participants: "Nhân dân phường",
			Time: plan.Time{Year: 2026, Month: 5}, Venue: "Hội trường Ủy ban nhân dân phường"}},
		Recipients: []plan.Recipient{{Name: "Thường trực Đảng ủy phường", Note: "báo cáo"}},
		Archive:    "Lưu: VT, VP",
		Signature:  plan.Signature{Mark: "TM.", Authority: "ỦY BAN NHÂN DÂN", Position: "CHỦ TỊCH", Name: "Lê Văn Bình"},
	}
}

func TestValidateBuiltInGo(t *testing.T) {
	p := newPlan()
	if err := p.Validate(); err != nil {
		t.Fatalf("valid plan: %v", err)
	}
	p.Sessions[0].Quarter = 7
	p.Summary = ""
	p.Recipients = nil
	err := p.Validate()
	if err == nil {
		t.Fatal("quarter 7, no summary, no recipients: no error")
	}
	paths := map[string]bool{}
	var list problem.List
	if !errors.As(err, &list) {
		t.Fatalf("not a problem.List: %T", err)
	}
	for _, e := range list {
		paths[e.Path] = true
		if e.VI == "" || e.EN == "" {
			t.Errorf("not bilingual: %v", e)
		}
	}
	for _, want := range []string{"sessions[0].quarter", "summary", "recipients"} {
		if !paths[want] {
			t.Errorf("no error at %s in:\n%v", want, err)
		}
	}
	if _, rerr := p.Render(); rerr == nil || rerr.Error() != err.Error() {
		t.Errorf("Render must validate first: %v", rerr)
	}
}

func TestZeroPlanDoesNotPanic(t *testing.T) {
	var p plan.Plan
	if err := p.Validate(); err == nil {
		t.Error("zero plan validates")
	}
	if _, err := p.Render(); err == nil {
		t.Error("zero plan renders")
	}
	var nilPlan *plan.Plan
	if err := nilPlan.Validate(); err == nil {
		t.Error("nil plan validates")
	}
}

func TestLoadMissingKeepsErrNotExist(t *testing.T) {
	_, err := plan.Load("testdata/no-such-plan.yaml")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(err, fs.ErrNotExist) is false: %v", err)
	}
	var pe *problem.Error
	if !errors.As(err, &pe) || pe.File != "testdata/no-such-plan.yaml" {
		t.Errorf("no *problem.Error naming the file: %v", err)
	}
	_, err = plan.LoadFS(fstest.MapFS{}, "plan.yaml")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadFS: errors.Is(err, fs.ErrNotExist) is false: %v", err)
	}
}

// withExtraField returns the embedded State layout with a paragraph naming a field no document has.
func withExtraField(t *testing.T) *templates.Template {
	t.Helper()
	docx, err := templates.LayoutDocx("state")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	parts := fstest.MapFS{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			b = []byte(strings.Replace(string(b), "<w:body>", "<w:body><w:p><w:r><w:t>{{office_motto}}</w:t></w:r></w:p>", 1))
		}
		parts[f.Name] = &fstest.MapFile{Data: b}
	}
	out, err := templates.ZipFS(parts)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := templates.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

func TestRenderErrorChain(t *testing.T) {
	_, err := newPlan().Render(document.WithTemplate(withExtraField(t)))
	if !errors.Is(err, templates.ErrMissingField) {
		t.Fatalf("errors.Is(err, templates.ErrMissingField) is false: %v", err)
	}
	var re *templates.RenderError
	if !errors.As(err, &re) || re.Path != "office_motto" {
		t.Errorf("errors.As *templates.RenderError: %v", err)
	}
}

func TestRenderToAndContext(t *testing.T) {
	p := newPlan()
	want, err := p.Render()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if n, err := p.WriteTo(&buf); err != nil || n != int64(len(want)) || !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("WriteTo: %d bytes, %v", n, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	buf.Reset()
	if _, err := p.RenderTo(ctx, &buf); !errors.Is(err, context.Canceled) || buf.Len() > 0 {
		t.Errorf("cancelled: %v, %d bytes written", err, buf.Len())
	}
}

// A plan built in code gets every rule of a loaded one; each problem names its field path.
func ExamplePlan_Validate() {
	p := &plan.Plan{Kind: plan.Kind, Sessions: []plan.Session{{ID: "q1", Quarter: 7}}}
	err := p.Validate()
	var list problem.List
	if errors.As(err, &list) {
		for _, e := range list {
			if strings.HasPrefix(e.Path, "sessions[0].") {
				fmt.Println(e.Path, "—", e.EN)
			}
		}
	}
	// Output:
	// sessions[0].content — a value is required
	// sessions[0].participants — a value is required
	// sessions[0].quarter — must be at most 4 (is 7)
	// sessions[0].time — the session's time is missing
	// sessions[0].venue — a value is required
}
