package notice

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/docxcheck"
)

// TestOtherBodies renders the documents of other bodies kept under testdata/other-bodies (each directory with
// its own small plan), written with the YAML alone: a State commune's conclusion notice answering each petition
// under it, a Đảng ủy phường's Giấy mời, a thematic dialogue's conclusion notice. Their text is compared with
// the golden files; the .docx go through the Open XML validator and LibreOffice (required with
// VANBAN_REQUIRE_TOOLS=1).
func TestOtherBodies(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "other-bodies", "*", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if PeekKind(data) == "plan" {
			continue
		}
		n++
		name := filepath.Base(filepath.Dir(f)) + "-" + strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			outs, warns, err := RenderFile(Options{StrictDeadlines: true}, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 || len(outs) != 1 {
				t.Fatalf("warnings %v, %d outputs", warns, len(outs))
			}
			golden(t, "other-bodies-"+name+".txt", paragraphs(t, outs[0].Data))
			path := filepath.Join(dir, name+".docx")
			if err := os.WriteFile(path, outs[0].Data, 0o644); err != nil {
				t.Fatal(err)
			}
			docxcheck.Validate(t, path)
			if pdf := docxcheck.ConvertPDF(t, path); pdf != "" {
				if txt := docxcheck.PDFText(t, pdf); !strings.Contains(txt, "THÔNG BÁO") && !strings.Contains(txt, "GIẤY MỜI") {
					t.Errorf("PDF text lacks the title:\n%s", txt)
				}
			}
		})
	}
	if n != 3 {
		t.Errorf("%d documents under testdata/other-bodies, want 3", n)
	}
}

// TestFreeBlocks checks body (in place of the generated sections), before and after, and headings on kinds
// other than the conclusion notice.
func TestFreeBlocks(t *testing.T) {
	cases := []struct {
		file      string
		want, not []string
	}{
		{"session-body.yaml", []string{
			"Thực hiện Kế hoạch", // the intro stays
			"I- Thời gian, địa điểm\n- Thời gian: 07 giờ 30, thứ Tư, ngày 17/5/2023.\n",
			"II- Thành phần: theo danh sách kèm theo\n",
			"trân trọng thông báo và kính mời", // the closing stays
		}, []string{"Chủ trì", "Tiếp nhận ý kiến"}},
		{"reception-after.yaml", []string{
			"năm 2023 như sau:\nLịch này thay thế lịch đã thông báo trước đây.\n1. Thời gian tiếp: Ngày 15 hằng tháng",
			"3. Các ngày tiếp cụ thể:\n",
			"Tháng 12: thứ Sáu, ngày 15/12/2023.\n4. Liên hệ: Văn phòng Thị ủy, điện thoại 0255.3859.xxx.\nVăn phòng Thị ủy trân trọng thông báo",
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			outs, _, err := RenderFile(Options{}, filepath.Join("testdata", "free", c.file))
			if err != nil {
				t.Fatal(err)
			}
			text := paragraphs(t, outs[0].Data)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			for _, w := range c.not {
				if strings.Contains(text, w) {
					t.Errorf("has %q:\n%s", w, text)
				}
			}
		})
	}
}

// TestDefaultHeadings checks that the table of default headings and the headings keys of each kind agree.
func TestDefaultHeadings(t *testing.T) {
	for kind, h := range map[string]any{KindSession: SessionHeadings{}, KindConclusion: ConclusionHeadings{},
		KindFollowup: FollowupHeadings{}, KindReceptionSchedule: ScheduleHeadings{}} {
		typ := reflect.TypeOf(h)
		for _, sys := range []document.System{document.Party, document.State} {
			def := DefaultHeadings(kind, sys)
			if len(def) != typ.NumField() {
				t.Errorf("%s/%s: %d defaults for %d keys", kind, sys, len(def), typ.NumField())
			}
			for i := 0; i < typ.NumField(); i++ {
				key, _, _ := strings.Cut(typ.Field(i).Tag.Get("yaml"), ",")
				if def[key] == "" {
					t.Errorf("%s/%s: no default for %q", kind, sys, key)
				}
			}
		}
	}
}

// TestExamplesOfOtherBodies reproduces, word for word, one document of each kind written by other bodies in
// their own wording (examples/ubnd-tinh-2026: a provincial People's Committee's conclusion notice, follow-up
// report and reception schedule; examples/dang-uy-phuong-2026: a ward Party committee's session notice and
// conclusion notice), with
// the structured keys, headings:, wording: and placeholders only (no body:): every date in them is computed.
func TestExamplesOfOtherBodies(t *testing.T) {
	kinds := map[string]bool{}
	dir := t.TempDir()
	for _, f := range []string{
		"ubnd-tinh-2026/ket-luan-dt-03.yaml",
		"ubnd-tinh-2026/bao-cao-2026-04-20.yaml",
		"ubnd-tinh-2026/lich-tiep-cong-dan-2026.yaml",
		"dang-uy-phuong-2026/thong-bao-thang-8.yaml",
		"dang-uy-phuong-2026/ket-luan-thang-7.yaml",
	} {
		path := filepath.Join("..", "examples", f)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		kinds[PeekKind(data)] = true
		if strings.Contains(string(data), "\nbody:") {
			t.Errorf("%s replaces the generated sections with body:", f)
		}
		name := strings.ReplaceAll(strings.TrimSuffix(f, ".yaml"), "/", "-")
		t.Run(name, func(t *testing.T) {
			outs, warns, err := RenderFile(Options{StrictDeadlines: true}, path)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 || len(outs) != 1 {
				t.Fatalf("warnings %v, %d outputs", warns, len(outs))
			}
			golden(t, "examples-"+name+".txt", paragraphs(t, outs[0].Data))
			out := filepath.Join(dir, name+".docx")
			if err := os.WriteFile(out, outs[0].Data, 0o644); err != nil {
				t.Fatal(err)
			}
			docxcheck.Validate(t, out)
		})
	}
	if len(kinds) != 4 {
		t.Errorf("kinds %v, want one document of each of the four kinds", kinds)
	}
}
