package source

import (
	"fmt"
	"reflect"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/calendar"
)

var dateType = reflect.TypeFor[calendar.Date]()

// checkDate reports a calendar.Date that decoded but lies outside the calendar's supported range
// (calendar.SupportedRange): "0001-02-15" would print "năm 1" in a document and count working days on a
// calendar that knows no holidays. The error is at the value, with its field path.
func (d *decoder) checkDate(n *yaml.Node, path string, v reflect.Value) {
	if v.Type() != dateType {
		return
	}
	date := v.Interface().(calendar.Date)
	if date.IsZero() || calendar.InRange(date) {
		return
	}
	v.SetZero() // what follows from it (the plan's year, deadlines) would only add noise
	first, last := calendar.SupportedRange()
	d.errorf(n, path, fmt.Sprintf("ngày %s nằm ngoài khoảng lịch hỗ trợ (%s … %s)", short(n.Value), first, last),
		fmt.Sprintf("the date %s is outside the supported calendar range (%s … %s)", short(n.Value), first, last))
}
