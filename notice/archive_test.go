package notice_test

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/notice"
)

// TestIssuerOverrideKeepsItsArchive: a notice giving its own issuer: keeps its own archive line. With its
// archive: it prints that line; without, another body than the plan's gets the rule set's default line of its
// system (Document.Archive empty: "Lưu Văn phòng"), never the plan's, which names the plan's office; the plan's
// own body restated keeps the plan's line and its copies.
func TestIssuerOverrideKeepsItsArchive(t *testing.T) {
	plan, err := os.ReadFile("../examples/duc-pho-2023/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	session, err := os.ReadFile("../examples/duc-pho-2023/session-q2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const other = "issuer:\n  system: party\n  superior: [THỊ ỦY ĐỨC PHỔ]\n  name: [BAN DÂN VẬN]\n  code: BDVTU\n  place: Đức Phổ\n"
	const same = "issuer:\n  system: party\n  superior: [ĐẢNG BỘ TỈNH QUẢNG NGÃI]\n  name: [THỊ ỦY ĐỨC PHỔ]\n  code: TU\n  place: Đức Phổ\n"
	for _, tc := range []struct{ name, extra, want string }{
		{"no override", "", "Lưu Văn phòng thị xã"},
		{"another body, no archive", other, ""},
		{"another body with its archive", other + "archive: Lưu Ban Dân vận Thị ủy\n", "Lưu Ban Dân vận Thị ủy"},
		{"the plan's body restated", same, "Lưu Văn phòng thị xã"},
	} {
		fsys := fstest.MapFS{
			"plan.yaml":    {Data: plan},
			"session.yaml": {Data: []byte(string(session) + tc.extra)},
		}
		set, err := notice.LoadFS(fsys, notice.Options{}, "plan.yaml", "session.yaml")
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		d, err := set.Sessions[0].Document(set.Cal)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if d.Archive != tc.want {
			t.Errorf("%s: archive %q, want %q", tc.name, d.Archive, tc.want)
		}
		if outs, err := set.Render("session.yaml"); err != nil || len(outs) != 1 {
			t.Fatalf("%s: render: %v", tc.name, err)
		}
	}
}
