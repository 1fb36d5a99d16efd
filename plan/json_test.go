package plan_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/plan"
)

// A plan round-trips through JSON (a web form, a queue): the same JSON again, the same document.
func TestPlanJSONRoundTrip(t *testing.T) {
	for _, file := range []string{"../examples/duc-pho-2023/plan.yaml", "../examples/phuong-2026/plan.yaml"} {
		p, err := plan.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var q plan.Plan
		if err := json.Unmarshal(b, &q); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		b2, _ := json.Marshal(&q)
		if !bytes.Equal(b, b2) {
			t.Errorf("%s: the JSON changed in a round trip", file)
		}
		want, err := p.Render()
		if err != nil {
			t.Fatal(err)
		}
		got, err := q.Render()
		if err != nil {
			t.Fatalf("%s: the plan from JSON: %v", file, err)
		}
		if !bytes.Equal(want, got) {
			t.Errorf("%s: the plan from JSON renders other bytes", file)
		}
	}
	for _, s := range []string{"2023-03", "2023-03-15", "2023-03-15 08:00", ""} {
		var tm plan.Time
		if s != "" {
			var err error
			if tm, err = plan.ParseTime(s); err != nil {
				t.Fatal(err)
			}
		}
		b, _ := json.Marshal(tm)
		var back plan.Time
		if err := json.Unmarshal(b, &back); err != nil || back != tm {
			t.Errorf("Time %q: %s → %+v, %v", s, b, back, err)
		}
	}
	var d calendar.Date
	if err := json.Unmarshal([]byte(`"2026-04-27"`), &d); err != nil || d != calendar.NewDate(2026, 4, 27) {
		t.Errorf("Date: %v %v", d, err)
	}
}
