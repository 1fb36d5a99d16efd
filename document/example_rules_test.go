package document_test

import (
	"fmt"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
)

// A signature mark written the way of the other system is matched to the mark of the document's own.
func ExampleRuleSet_SuggestMark() {
	rules := document.DefaultRules()
	day := calendar.NewDate(2026, 3, 2)
	state := rules.For(document.State, day)
	party := rules.For(document.Party, day)
	fmt.Println(state.SuggestMark("T/M"), party.SuggestMark("TM."), party.SuggestMark("TM"), party.SuggestMark("T/M") == "")
	// Output: TM. T/M T/M true
}

// A superior-body line of the district level, abolished on 01/7/2025, is found in a document of 2026.
func ExampleRules_AbolishedSuperior() {
	lvl, i, ok := document.DefaultRules().AbolishedSuperior([]string{"ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG BỘ HUYỆN BÌNH SƠN"}, calendar.NewDate(2026, 3, 2))
	fmt.Println(ok, i, lvl.Name, lvl.From)
	// Output: true 1 cấp huyện 2025-07-01
}
