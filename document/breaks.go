package document

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/templates"
)

// Title and trích yếu lines are broken by the package, not left to the word processor, the way a clerk breaks
// them: lines of balanced length, never a lone short word ("2026") on the last line, never between the
// syllables of a name ("Nhân / dân", "Chủ / tịch"), preferably before a word that starts a phrase ("về",
// "với", "năm" …, the line_breaks data of rules.yaml). A "\n" in the text is a break the user forces; each
// piece between forced breaks is balanced on its own.

// The trích yếu is 14 pt bold in every embedded layout, the type name 14 pt (State) or 16 pt (Party) bold, across
// the 9354-twip text width; a line is kept to 90 % of it, so that a font whose widths differ a little from the
// table never wraps it again.
const (
	titleHalfPoints = 28
	typeHalfPoints  = 32
	textWidthTwips  = 9354
	maxTitleLine    = textWidthTwips * 9 / 10
)

// Costs of a break, against the balance cost ((difference from the mean line width) / 100 twips)².
const (
	costPhrase = 0    // before a word that starts a phrase
	costMid    = 1000 // between two ordinary syllables
	costName   = 4000 // after a capitalised syllable (inside a name or a title: "Nhân / dân", "Chủ / tịch")
	// costExtraLine is what one line more than the fewest costs: a third line that breaks only between phrases
	// beats two lines broken inside one.
	costExtraLine = 1200
	// costDangling is added when a line would end on a word that starts a phrase ("… Thị ủy tại / các …").
	costDangling = 3000
)

type lineBreaker struct {
	phraseStarts map[string]bool
	bindsNext    map[string]bool
}

func newLineBreaker(phraseStarts, bindsNext []string) *lineBreaker {
	lb := &lineBreaker{phraseStarts: map[string]bool{}, bindsNext: map[string]bool{}}
	for _, w := range phraseStarts {
		lb.phraseStarts[strings.ToLower(nfc(w))] = true
	}
	for _, w := range bindsNext {
		lb.bindsNext[strings.ToLower(nfc(w))] = true
	}
	return lb
}

// lines breaks text into lines of at most max twips set in t at halfPoints: the forced breaks ("\n") first,
// then each piece in the fewest lines that hold it (or one more, when that breaks between phrases), balanced.
func (lb *lineBreaker) lines(text string, t widthTable, halfPoints, max int) []string {
	var out []string
	for _, piece := range strings.Split(text, "\n") {
		words := strings.Fields(piece)
		if len(words) == 0 {
			continue
		}
		out = append(out, lb.balance(words, t, halfPoints, max)...)
	}
	return out
}

func (lb *lineBreaker) balance(words []string, t widthTable, halfPoints, max int) []string {
	n := len(words)
	w := make([]int, n)
	for i, word := range words {
		w[i] = t.twips(word, halfPoints)
	}
	space := t.twips(" ", halfPoints)
	width := func(i, j int) int { // words[i:j] on one line
		s := (j - i - 1) * space
		for _, x := range w[i:j] {
			s += x
		}
		return s
	}
	if width(0, n) <= max || n == 1 {
		return []string{strings.Join(words, " ")}
	}
	breakCost := make([]float64, n) // breakCost[j]: a break before words[j]
	inName := false                 // words[j-1] belongs to a name: from a capitalised syllable to a phrase start
	for j := 1; j < n; j++ {
		if r, _ := utf8.DecodeRuneInString(words[j-1]); unicode.IsUpper(r) {
			inName = true
		}
		prev, next := strings.ToLower(words[j-1]), strings.ToLower(words[j])
		first, _ := utf8.DecodeRuneInString(words[j])
		prevFirst, _ := utf8.DecodeRuneInString(words[j-1])
		switch {
		case lb.bindsNext[prev] || unicode.IsDigit(first) || isRoman(words[j]):
			breakCost[j] = math.Inf(1) // "năm / 2026", "quý / II/2026"
		case lb.phraseStarts[next] || strings.HasPrefix(next, "("):
			breakCost[j] = costPhrase
		case unicode.IsUpper(prevFirst) || inName:
			// Inside a name or title: "Nhân / dân", "Ủy ban / nhân dân phường".
			breakCost[j] = costName
		default:
			breakCost[j] = costMid
		}
		if lb.phraseStarts[prev] {
			breakCost[j] += costDangling
		}
		if lb.phraseStarts[next] {
			inName = false
		}
	}
	total := width(0, n)
	var chosen []string
	chosenCost, tries := math.Inf(1), 0
	for k := 2; k <= n && tries < 2; k++ {
		mean := float64(total) / float64(k)
		// best[m][j]: cost of words[:j] in m lines; from[m][j]: where the last of them starts.
		best := make([][]float64, k+1)
		from := make([][]int, k+1)
		for m := range best {
			best[m] = make([]float64, n+1)
			from[m] = make([]int, n+1)
			for j := range best[m] {
				best[m][j] = math.Inf(1)
			}
		}
		best[0][0] = 0
		for m := 1; m <= k; m++ {
			for j := 1; j <= n; j++ {
				for i := j - 1; i >= 0; i-- {
					lw := width(i, j)
					if lw > max {
						break
					}
					if math.IsInf(best[m-1][i], 1) {
						continue
					}
					if m == k && j == n && j-i < 2 {
						continue // never a lone word on the last line
					}
					c := best[m-1][i]
					if i > 0 {
						c += breakCost[i]
					}
					d := (float64(lw) - mean) / 100
					c += d * d
					if c < best[m][j] {
						best[m][j], from[m][j] = c, i
					}
				}
			}
		}
		if math.IsInf(best[k][n], 1) {
			continue
		}
		// One line more than the fewest is taken when it breaks so much better (costExtraLine).
		tries++
		cost := best[k][n]
		if tries == 2 {
			cost += costExtraLine
		}
		if cost >= chosenCost {
			continue
		}
		chosenCost = cost
		out := make([]string, k)
		j := n
		for m := k; m >= 1; m-- {
			i := from[m][j]
			out[m-1] = strings.Join(words[i:j], " ")
			j = i
		}
		chosen = out
	}
	if chosen == nil {
		return []string{strings.Join(words, " ")}
	}
	return chosen
}

// isRoman reports whether s starts with a Roman numeral followed by nothing or "/" ("II", "IV/2026").
func isRoman(s string) bool {
	head, _, _ := strings.Cut(s, "/")
	if head == "" {
		return false
	}
	for _, r := range head {
		if !strings.ContainsRune("IVXLC", r) {
			return false
		}
	}
	return true
}

// The rule lines are paragraphs whose border length the layout fixes; the layouts hold one per width, in
// steps of 5 mm, and TemplateData says which one to print (e.g. summaryRule.w45 for 45 mm).
const (
	ruleMinMM  = 10
	ruleMaxMM  = 80
	ruleStepMM = 5
)

func mmToTwips(mm int) int { return (mm*1440*10 + 127) / 254 }

// ruleWidths returns the map of the layout's rule-line variants with the one to print set: the step between
// 1/3 and 1/2 of lineTwips nearest to 5/12 of it (the middle), else the nearest step to that middle.
func ruleWidths(lineTwips int) map[string]bool {
	out := map[string]bool{}
	ideal := float64(lineTwips) * 5 / 12
	lo, hi := float64(lineTwips)/3, float64(lineTwips)/2
	bestMM, bestIn, bestD := 0, false, math.Inf(1)
	for mm := ruleMinMM; mm <= ruleMaxMM; mm += ruleStepMM {
		out[ruleKey(mm)] = false
		tw := float64(mmToTwips(mm))
		in := tw >= lo && tw <= hi
		d := math.Abs(tw - ideal)
		if (in && !bestIn) || (in == bestIn && d < bestD) {
			bestMM, bestIn, bestD = mm, in, d
		}
	}
	out[ruleKey(bestMM)] = true
	return out
}

// stampWidths returns the urgency-stamp variants with the one of mm set (none when mm is 0).
func stampWidths(mm int) map[string]bool {
	out := map[string]bool{}
	for w := ruleMinMM; w <= ruleMaxMM; w += ruleStepMM {
		out[ruleKey(w)] = w == mm
	}
	return out
}

func ruleKey(mm int) string { return "w" + strconv.Itoa(mm) }

// A body heading is justified with a first-line indent (about 1 cm); its lines are at most this wide.
const headingLine = textWidthTwips - 720

// bindLastLine keeps a heading that wraps from leaving a lone word or half a name on its last line: it breaks
// "label title" into balanced lines as the title is broken, then binds the words of the last line with
// no-break spaces, so that the word processor wraps where the balance says. A title of several spans
// (inline markup) or one that fits on a line is returned as it is.
func (lb *lineBreaker) bindLastLine(label string, title templates.RichText) templates.RichText {
	if len(title) != 1 {
		return title
	}
	full := strings.TrimSpace(label + " " + title[0].Text)
	if boldWidths.twips(full, titleHalfPoints) <= headingLine {
		return title
	}
	lines := lb.lines(full, boldWidths, titleHalfPoints, headingLine)
	if len(lines) < 2 {
		return title
	}
	last := lines[len(lines)-1]
	bound := strings.ReplaceAll(last, " ", "\u00a0")
	t := title[0]
	if !strings.HasSuffix(t.Text, last) {
		return title
	}
	t.Text = strings.TrimSuffix(t.Text, last) + bound
	return templates.RichText{t}
}
