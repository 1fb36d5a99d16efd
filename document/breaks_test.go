package document

import (
	"strings"
	"testing"
)

// Trích yếu lines a word processor breaks badly, broken as a clerk does: never a lone word or number on the
// last line, never inside a name, the pieces of a forced break kept.
func TestBalancedLinesNoLoneWordNoSplitName(t *testing.T) {
	lb := defaultRules.breaks
	for _, c := range []struct{ text, want string }{
		// Greedy filling leaves "2026" alone on the second line at 14 pt bold; two lines would break inside the name.
		{"Tổ chức đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân phường An Hòa với Nhân dân năm 2026",
			"Tổ chức đối thoại trực tiếp / giữa Chủ tịch Ủy ban nhân dân phường An Hòa / với Nhân dân năm 2026"},
		// Greedy filling splits "Nhân / dân".
		{"Dự Hội nghị đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân quý II/2026",
			"Dự Hội nghị đối thoại trực tiếp / giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân quý II/2026"},
		{"về công tác tiếp công dân", "về công tác tiếp công dân"},
		{"về công tác tiếp công dân\nnăm 2026", "về công tác tiếp công dân / năm 2026"},
	} {
		got := strings.Join(lb.lines(c.text, boldWidths, titleHalfPoints, maxTitleLine), " / ")
		if got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

func TestParseWidthsRejectsBadLines(t *testing.T) {
	for _, bad := range []string{"a", "a x", "ab 500", "U+ZZ 500", "a -1"} {
		if _, err := parseWidths([]byte(bad + "\n")); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	tab, err := parseWidths([]byte("# comment\nU+00A0 250\nđ 556\n"))
	if err != nil || tab['\u00a0'] != 250 || tab['đ'] != 556 {
		t.Errorf("table %v, %v", tab, err)
	}
}

func TestRuleWidthsPicksAStepBetweenAThirdAndAHalf(t *testing.T) {
	for _, line := range []int{1700, 3000, 5000, 8400} {
		n := 0
		for k, on := range ruleWidths(line) {
			if !on {
				continue
			}
			n++
			var mm int
			for _, c := range k[1:] {
				mm = mm*10 + int(c-'0')
			}
			if w := mmToTwips(mm); w*3 < line || w*2 > line {
				t.Errorf("line %d twips: rule %s (%d twips) is not 1/3–1/2", line, k, w)
			}
		}
		if n != 1 {
			t.Errorf("line %d: %d widths set", line, n)
		}
	}
}
