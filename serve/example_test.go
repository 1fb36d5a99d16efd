package serve_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/serve"
)

// A program serves an office's folder (here on a test server; serve.NewServer gives an http.Server with
// timeouts) and reads the overview as the page does.
func ExampleHandler() {
	h, err := serve.Handler("../examples/phuong-2026", serve.Options{
		Today: func() calendar.Date { return calendar.NewDate(2026, 4, 20) },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	res, err := srv.Client().Get(srv.URL + "/api/overview")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()
	var ov struct {
		Files    []struct{ Path, Kind, State string }
		Statuses []struct{ ID, Describe string }
	}
	json.NewDecoder(res.Body).Decode(&ov)
	for _, f := range ov.Files {
		fmt.Printf("%-20s %-18s %s\n", f.Path, f.Kind, f.State)
	}
	for _, s := range ov.Statuses {
		fmt.Println(s.ID, s.Describe)
	}
	// Output:
	// calendar.yaml        calendar-export    valid
	// conclusion-q1.yaml   conclusion         valid
	// invitation-q2.yaml   session            valid
	// plan.yaml            plan               valid
	// reception-2026.yaml  reception-schedule valid
	// pq1-1 Quá hạn 6 ngày làm việc
	// pq1-2 Đang thực hiện, còn hạn
}
