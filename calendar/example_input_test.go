package calendar_test

import (
	"fmt"

	"github.com/vanban/vanban/calendar"
)

// Dates are read as Vietnamese offices write them, day first, as well as ISO.
func ExampleParseDate() {
	for _, s := range []string{"2026-03-15", "15/3/2026", "15-03-2026", "15.3.2026", "30/2/2026"} {
		d, err := calendar.ParseDate(s)
		fmt.Println(d, err)
	}
	// Output:
	// 2026-03-15 <nil>
	// 2026-03-15 <nil>
	// 2026-03-15 <nil>
	// 2026-03-15 <nil>
	// 0000-00-00 invalid date "30/2/2026": no such day
}
