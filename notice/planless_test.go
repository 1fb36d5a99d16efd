package notice_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
)

// Notices of no plan render from an office profile or from their own issuer, signature and archive.
func TestPlanlessExample(t *testing.T) {
	set, err := notice.Load(notice.Options{}, "../examples/office-adhoc")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Offices) != 1 || len(set.Sessions) != 1 || len(set.Schedules) != 1 || len(set.Plans) != 0 {
		t.Fatalf("%d offices, %d sessions, %d schedules, %d plans", len(set.Offices), len(set.Sessions), len(set.Schedules), len(set.Plans))
	}
	for _, f := range []string{"invitation-adhoc.yaml", "reception-office-2026.yaml"} {
		outs, err := set.Render("../examples/office-adhoc/" + f)
		if err != nil || len(outs) != 1 || len(outs[0].Data) == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	d, err := set.Sessions[0].Document(set.Cal)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(d.Issuer, " "); got != "ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA" || d.Signature.Name != "Lê Văn Bình" || d.Archive != "Lưu: VT, VP" {
		t.Errorf("frame not from the office profile: %q, %q, %q", got, d.Signature.Name, d.Archive)
	}
	if strings.Contains(d.Body[0].Text, "Thực hiện") {
		t.Errorf("a notice of no plan cites a plan: %q", d.Body[0].Text)
	}
}

func TestPlanlessErrors(t *testing.T) {
	office, _ := fsRead(t, "../examples/office-adhoc/office.yaml")
	base := "kind: reception-schedule\nannouncer: UBND phường\nyear: 2026\ndays: [10]\nreceiver: Chủ tịch\nvenue: Trụ sở\nrecipients: [Các khu phố]\n"
	for _, tc := range []struct {
		name, file string
		paths      []string
	}{
		{"own issuer, no signature nor archive", base + "issuer: {system: state, name: [UBND PHƯỜNG X], code: UBND, place: X}\n", []string{"signature", "archive"}},
		{"neither plan, office nor issuer", base, []string{"plan"}},
		{"office missing", base + "office: nowhere.yaml\n", []string{"office"}},
		{"plan and office", base + "office: office.yaml\nplan: plan.yaml\n", []string{"office"}},
	} {
		fsys := fstest.MapFS{"office.yaml": {Data: office}, "x.yaml": {Data: []byte(tc.file)},
			"plan.yaml": {Data: mustRead(t, "../examples/phuong-2026/plan.yaml")}}
		_, err := notice.LoadFS(fsys, notice.Options{}, "x.yaml")
		var list problem.List
		if !errors.As(err, &list) {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		got := map[string]bool{}
		for _, e := range list {
			got[e.Path] = true
		}
		for _, p := range tc.paths {
			if !got[p] {
				t.Errorf("%s: no error at %s:\n%v", tc.name, p, err)
			}
		}
	}
}

// A notice of no plan built in Go, with an office profile.
func TestPlanlessBuiltInGo(t *testing.T) {
	set, err := notice.Load(notice.Options{}, "../examples/office-adhoc/office.yaml")
	if err != nil {
		t.Fatal(err)
	}
	x := notice.NewSession(nil, "dx")
	x.UseOffice(set.Offices[0])
	x.Announcer = "Ủy ban nhân dân phường"
	x.Recipients = []plan.Recipient{{Name: "Như trên"}}
	x.HeldOn = calendar.NewDate(2026, 7, 20)
	x.Start = notice.NewClock(14, 0)
	x.Chair = "Đồng chí Chủ tịch Ủy ban nhân dân phường"
	x.Participants = []string{"Nhân dân khu phố 3"}
	x.Content, x.Venue = "Thu hồi đất", "Hội trường"
	if _, err := x.Render(context.Background(), notice.Options{}); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fsRead(t, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fsRead(t *testing.T, name string) ([]byte, error) {
	t.Helper()
	return os.ReadFile(name)
}
