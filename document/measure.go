package document

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	textnfc "github.com/vanban/vanban/internal/nfc"
	"golang.org/x/text/unicode/norm"
)

// The advance widths of the layouts' font, as data (metrics/*.txt): Liberation Serif, metric-compatible with
// Times New Roman, read from the fonts' hmtx tables, in thousandths of an em. They let the package break the
// title and trích yếu lines itself and size the rule lines under them, the way a clerk does in Word.
//
//go:embed metrics/*.txt
var metricsFS embed.FS

// widthTable maps a character to its advance width in thousandths of an em.
type widthTable map[rune]int

var (
	boldWidths    = mustWidths("metrics/times-bold.txt")
	regularWidths = mustWidths("metrics/times-regular.txt")
)

func mustWidths(name string) widthTable {
	data, err := metricsFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	t, err := parseWidths(data)
	if err != nil {
		panic(fmt.Sprintf("document: %s: %v", name, err))
	}
	return t
}

// parseWidths reads "<char> <width>" lines ("U+00A0 250" for invisible characters); "#" starts a comment.
func parseWidths(data []byte) (widthTable, error) {
	t := widthTable{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		ch, w, ok := strings.Cut(line, " ")
		width, err := strconv.Atoi(w)
		if !ok || err != nil || width <= 0 {
			return nil, fmt.Errorf("line %d: want \"<char> <width>\", got %q", n, line)
		}
		var r rune
		if hex, isHex := strings.CutPrefix(ch, "U+"); isHex {
			v, err := strconv.ParseUint(hex, 16, 32)
			if err != nil {
				return nil, fmt.Errorf("line %d: %q: %v", n, ch, err)
			}
			r = rune(v)
		} else if utf8.RuneCountInString(ch) == 1 {
			r, _ = utf8.DecodeRuneInString(ch)
		} else {
			return nil, fmt.Errorf("line %d: %q is not one character", n, ch)
		}
		t[r] = width
	}
	return t, sc.Err()
}

// unknownWidth is the width given to a character the table lacks (about an average lower-case letter).
const unknownWidth = 556

// em returns the width of s in thousandths of an em: a character the table lacks is measured as its base
// letter (NFD without marks), else as unknownWidth.
func (t widthTable) em(s string) int {
	total := 0
	for _, r := range textnfc.String(s) {
		if w, ok := t[r]; ok {
			total += w
			continue
		}
		base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
		if w, ok := t[base]; ok {
			total += w
		} else if r != '\u200b' {
			total += unknownWidth
		}
	}
	return total
}

// twips returns the width of s set at halfPoints (the w:sz unit: 28 is 14 pt), in twips (1/20 pt).
func (t widthTable) twips(s string, halfPoints int) int {
	// em/1000 × halfPoints/2 pt × 20 twips/pt
	return (t.em(s)*halfPoints + 50) / 100
}

// TextWidth returns the width in twips (1/20 pt) of s set in Times New Roman, bold or regular, at halfPoints
// (the w:sz unit: 28 is 14 pt), from the advance-width tables the package breaks the title and trích yếu
// lines with (those of Liberation Serif, metric-compatible with Times New Roman). Kerning is not counted.
func TextWidth(s string, bold bool, halfPoints int) int {
	if bold {
		return boldWidths.twips(s, halfPoints)
	}
	return regularWidths.twips(s, halfPoints)
}
