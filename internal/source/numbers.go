package source

import (
	"errors"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

var errNotInt = errors.New("not an integer")

// decimalInt reads an integer the way a clerk writes it: decimal digits, possibly with leading zeros and a sign,
// quoted or not ("05", number: "08", 010). YAML alone would read 010 as the octal 8 and 08 as a float; a
// document number 010 is ten. It returns false for anything else (the caller then asks yaml.v3), and for
// a number too large for int64.
func decimalInt(n *yaml.Node) (int64, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!str" && n.Tag != "!!float") {
		return 0, false
	}
	s := strings.TrimSpace(n.Value)
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || len(digits) > 30 {
		return 0, false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false
		}
	}
	i, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, false
	}
	return i, true
}
