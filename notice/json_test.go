package notice_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/vanban/vanban/notice"
)

// The notice kinds round-trip through JSON; the plan is a pointer (UsePlan), not data.
func TestNoticeJSONRoundTrip(t *testing.T) {
	set, err := notice.Load(notice.Options{}, "../examples/duc-pho-2023")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, x := range set.Sessions {
		b, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		var y notice.SessionFile
		if err := json.Unmarshal(b, &y); err != nil {
			t.Fatalf("%s: %v", x.Path(), err)
		}
		if b2, _ := json.Marshal(&y); !bytes.Equal(b, b2) {
			t.Errorf("%s: the JSON changed in a round trip", x.Path())
		}
		y.UsePlan(x.PlanOf())
		want, err := x.Render(ctx, notice.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := y.Render(ctx, notice.Options{})
		if err != nil {
			t.Fatalf("%s from JSON: %v", x.Path(), err)
		}
		if !bytes.Equal(want, got) {
			t.Errorf("%s: the notice from JSON renders other bytes", x.Path())
		}
	}
	for _, c := range set.Conclusions {
		b, _ := json.Marshal(c)
		var y notice.ConclusionFile
		if err := json.Unmarshal(b, &y); err != nil {
			t.Fatalf("%s: %v", c.Path(), err)
		}
		if b2, _ := json.Marshal(&y); !bytes.Equal(b, b2) {
			t.Errorf("%s: the JSON changed in a round trip", c.Path())
		}
	}
	var clk notice.Clock
	if err := json.Unmarshal([]byte(`""`), &clk); err != nil || !clk.IsZero() {
		t.Errorf("empty clock: %v %v", clk, err)
	}
}
