package notice

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/placeholder"
	"github.com/vanban/vanban/internal/sections"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
)

// The default wording of each kind is data: notice/wording/<kind>.yaml, one entry per text of the document
// (summary, intro, titles and labels, the sentences around the computed facts, closing), each with its meaning,
// its default (and the State default when it differs), whether it is a heading (accepted under headings:) and
// whether a file may switch it off. Go computes the facts (facts.go); the data words them.
//
//go:embed wording/*.yaml
var wordingFiles embed.FS

// WordingKey is one text of a kind's default wording (the format of package plan's wording data).
type WordingKey = plan.WordingKey

// defaultWording holds the embedded wording of each kind that makes a .docx, keys in file order.
var defaultWording = func() map[string][]WordingKey {
	out := map[string][]WordingKey{}
	for _, kind := range []string{KindSession, KindConclusion, KindFollowup, KindReceptionSchedule} {
		data, err := wordingFiles.ReadFile("wording/" + kind + ".yaml")
		if err != nil {
			panic(err)
		}
		ks, err := plan.ParseWording(data)
		if err != nil {
			panic(fmt.Sprintf("notice: wording/%s.yaml: %v", kind, err))
		}
		out[kind] = ks
	}
	return out
}()

// DefaultWording returns the keys of a kind's default wording (session, conclusion, followup,
// reception-schedule), in the order of its data file; nil for another kind.
func DefaultWording(kind string) []WordingKey { return slices.Clone(defaultWording[kind]) }

func wordingKey(kind, key string) (WordingKey, bool) {
	for _, k := range defaultWording[kind] {
		if k.Key == key {
			return k, true
		}
	}
	return WordingKey{}, false
}

// Text is a text a file gives in place of a generated one: a string, or false to leave the piece out (only
// where the piece may be switched off). An empty string is an error: it would have no effect.
type Text = plan.Text

// Wording rewords the texts of a kind's default wording, by key (see DefaultWording): a string, or false to
// switch a piece off.
type Wording = plan.Wording

// legacyNames are the single-brace placeholders the headings took before: {host}, {HOST}, {report_to}.
var legacyNames = []string{"{host}", "{HOST}", "{report_to}"}

// upgrade turns the single-brace placeholders of old headings into the common syntax ("{host}" →
// "{{host}}"), leaving "{{host}}" as it is.
func upgrade(s string) string {
	for _, old := range legacyNames {
		if !strings.Contains(s, old) {
			continue
		}
		var b strings.Builder
		for i := 0; ; {
			j := strings.Index(s[i:], old)
			if j < 0 {
				b.WriteString(s[i:])
				break
			}
			j += i
			b.WriteString(s[i:j])
			if j > 0 && s[j-1] == '{' { // already "{{host}}"
				b.WriteString(old)
			} else {
				b.WriteString("{" + old + "}")
			}
			i = j + len(old)
		}
		s = b.String()
	}
	return s
}

// words is the wording of one input file: its kind's defaults for its system, with the file's headings and
// wording over them.
type words struct {
	kind     string
	sys      document.System
	over     map[string]Text
	planless bool // a notice of no plan: the default wording drops its citations of the plan (planPhrases)
}

// planPhrases are the phrases of the default wording that cite the plan; a notice of no plan prints its
// defaults without them ("Thực hiện {{plan}}, Ủy ban … thông báo" → "Ủy ban … thông báo").
var planPhrases = []string{"Thực hiện {{plan}}, ", " theo {{plan}}"}

// words returns the wording of the input, the file's headings (a *Headings struct) and wording over the
// defaults.
func (m *Meta) words(headings any) words {
	w := words{kind: kindOf(headings), sys: m.system(), over: map[string]Text{}, planless: m.planless()}
	for k, t := range headingTexts(headings) {
		w.over[k] = t
	}
	for k, t := range m.Wording {
		w.over[k] = t
	}
	return w
}

// text returns the text of a key (not expanded) and whether it is printed.
func (w words) text(key string) (string, bool) {
	if t, ok := w.over[key]; ok {
		if t.Off {
			return "", false
		}
		return upgrade(t.Value), true
	}
	k, ok := wordingKey(w.kind, key)
	if !ok {
		panic("notice: no wording key " + w.kind + "." + key)
	}
	s := k.Default(w.sys)
	if w.planless {
		for _, p := range planPhrases {
			s = strings.ReplaceAll(s, p, "")
		}
	}
	return s, true
}

// kindOf returns the kind whose headings type h is (a value or a pointer): the kind of the file, whatever
// its kind key says (a value built in Go may have none).
func kindOf(h any) string {
	switch h.(type) {
	case SessionHeadings, *SessionHeadings:
		return KindSession
	case ConclusionHeadings, *ConclusionHeadings:
		return KindConclusion
	case FollowupHeadings, *FollowupHeadings:
		return KindFollowup
	case ScheduleHeadings, *ScheduleHeadings:
		return KindReceptionSchedule
	}
	return ""
}

// given reports whether the file rewords the key.
func (w words) given(key string) bool { _, ok := w.over[key]; return ok }

// checkWording checks the keys of the file's wording and headings: known keys of its kind, false only where
// a piece may be switched off, not the same key under both.
func (m *Meta) checkWording(headings any) source.Errors {
	var errs source.Errors
	var keys []string
	kind := kindOf(headings)
	for _, k := range defaultWording[kind] {
		keys = append(keys, k.Key)
	}
	for _, key := range sortedKeys(m.Wording) {
		path := "wording." + key
		k, ok := wordingKey(kind, key)
		if !ok {
			errs = append(errs, m.errorf(path, fmt.Sprintf("khóa không hợp lệ %q trong wording%s", key, suggestVI(key, keys)),
				fmt.Sprintf("unknown key %q in wording%s", key, suggestEN(key, keys))))
			continue
		}
		if m.Wording[key].Off && !k.Off {
			errs = append(errs, m.errorf(path, fmt.Sprintf("%q không bỏ được (false): ghi nội dung thay thế", key),
				fmt.Sprintf("%q cannot be switched off (false): write the text to print instead", key)))
		}
	}
	for key, t := range headingTexts(headings) {
		k, _ := wordingKey(kind, key)
		if t.Off && !k.Off {
			errs = append(errs, m.errorf("headings."+key, fmt.Sprintf("%q không bỏ được (false): ghi nội dung thay thế", key),
				fmt.Sprintf("%q cannot be switched off (false): write the text to print instead", key)))
		}
		if _, both := m.Wording[key]; both {
			errs = append(errs, m.errorf("wording."+key, fmt.Sprintf("%q đã có trong headings: chỉ ghi ở một chỗ", key),
				fmt.Sprintf("%q is given under headings already: give it once", key)))
		}
	}
	return errs
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// closestName returns the name within edit distance 2 of s, or "".
func closestName(s string, names []string) string { return source.Closest(s, names) }

func suggestVI(s string, names []string) string {
	if c := closestName(s, names); c != "" {
		return fmt.Sprintf("; có phải ý bạn là %q?", c)
	}
	return "; dùng một trong: " + strings.Join(names, ", ")
}

func suggestEN(s string, names []string) string {
	if c := closestName(s, names); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return "; use one of: " + strings.Join(names, ", ")
}

// textRef is one text of an input file with its field path and the placeholders of its context (those of
// one assignment, one month…) it may use beside the file's.
type textRef struct {
	path, text string
	ctx        []string
}

// checkPlaceholders reports each unknown placeholder of the texts at its line and column, with the nearest
// known name.
func (m *Meta) checkPlaceholders(known []string, texts []textRef) source.Errors {
	var errs source.Errors
	for _, t := range texts {
		names := append(append([]string(nil), known...), t.ctx...)
		seen := map[string]int{}
		for _, mt := range placeholder.FindAll(upgrade(t.text)) {
			name := mt[1]
			seen[mt[0]]++
			if slices.Contains(names, name) {
				continue
			}
			line, col := m.placeholderPos(t.path, mt[0], seen[mt[0]])
			e := m.errorf(t.path, fmt.Sprintf("chỗ thay thế không có %q%s", mt[0], suggestVI(name, names)),
				fmt.Sprintf("unknown placeholder %q%s", mt[0], suggestEN(name, names)))
			if line > 0 {
				e.Line, e.Col = line, col
			}
			errs = append(errs, e)
		}
	}
	return errs
}

// placeholderPos finds the nth occurrence of the placeholder text ph from the position of the value at path in
// the file's bytes: its line and column (in characters); 0, 0 when it is not found as written (an escaped
// or folded string).
func (m *Meta) placeholderPos(path, ph string, nth int) (int, int) {
	pos := m.src.At(path)
	lines := strings.Split(string(m.data), "\n")
	if pos.Line < 1 || pos.Line > len(lines) {
		return 0, 0
	}
	for l := pos.Line - 1; l < len(lines) && l < pos.Line+200; l++ {
		line := lines[l]
		start := 0
		if l == pos.Line-1 {
			start = byteCol(line, pos.Col)
		}
		for {
			i := strings.Index(line[start:], ph)
			if i < 0 {
				break
			}
			nth--
			if nth == 0 {
				return l + 1, utf8.RuneCountInString(line[:start+i]) + 1
			}
			start += i + len(ph)
		}
	}
	return 0, 0
}

// byteCol returns the byte offset of the 1-based character column col of line.
func byteCol(line string, col int) int {
	n := 0
	for i := range line {
		if n == col-1 {
			return i
		}
		n++
	}
	return len(line)
}

// lookup gives the value of a placeholder: a text, or the lines of a list (participants, reception dates).
type lookup = sections.Lookup

// expand replaces the placeholders of s; a list is joined with "; ". Unknown ones stay (checked at load).
func expand(s string, look lookup) string {
	return sections.Expand(upgrade(s), look)
}

// expandDefault expands a default text and tidies the spaces an empty value leaves ("Nội dung: X.  Sau").
func expandDefault(s string, look lookup) string {
	return strings.Join(strings.Fields(expand(s, look)), " ")
}

// with adds the placeholders of a context (one assignment, one month) to a lookup.
func with(look lookup, ctx map[string]string) lookup {
	return func(name string) (string, []string, bool) {
		if v, ok := ctx[name]; ok {
			return v, nil, true
		}
		return look(name)
	}
}

// expandBlocks expands the placeholders of free blocks. A paragraph or bullet whose whole text is a list
// placeholder ("- bullet: '{{participants}}'") becomes one block per line of the list.
func expandBlocks(bs []plan.Block, look lookup) []plan.Block {
	var out []plan.Block
	for _, b := range bs {
		for _, t := range []*string{&b.Paragraph, &b.Bullet} {
			if mt := placeholder.FindAll(strings.TrimSpace(*t)); len(mt) == 1 && mt[0][0] == strings.TrimSpace(*t) {
				if _, list, ok := look(mt[0][1]); ok && list != nil {
					for _, line := range list {
						nb := b
						if t == &b.Paragraph {
							nb.Paragraph = line
						} else {
							nb.Bullet = line
						}
						out = append(out, nb)
					}
					goto next
				}
			}
		}
		b.Part, b.Item, b.SubItem = expand(b.Part, look), expand(b.Item, look), expand(b.SubItem, look)
		b.Paragraph, b.Bullet, b.Text = expand(b.Paragraph, look), expand(b.Bullet, look), expand(b.Text, look)
		b.Content = expandBlocks(b.Content, look)
		out = append(out, b)
	next:
	}
	return out
}

// unnumbered turns the numbered headings of blocks into paragraphs ("numbering: false"): a title prints bold,
// followed by its run-in text ("**Thời gian:** …").
func unnumbered(bs []document.Block) []document.Block {
	out := make([]document.Block, 0, len(bs))
	for _, b := range bs {
		switch b.Kind {
		case document.Part, document.Item, document.SubItem:
			text := strings.TrimSpace(b.Text)
			if t := strings.TrimSpace(b.Title); t != "" {
				if text != "" && !strings.HasSuffix(t, ":") {
					t += ":"
				}
				text = strings.TrimSpace("**" + t + "** " + text)
			}
			b = document.Block{Kind: document.Paragraph, Text: text}
		}
		out = append(out, b)
	}
	return out
}

// checkWords checks the wording keys and the placeholders of an input file of a kind that makes a .docx.
func checkWords(v any) source.Errors {
	type worded interface {
		meta() *Meta
		factDefs(cal *calendar.Calendar) []factDef
		texts() []textRef
		headingsOf() any
	}
	x, ok := v.(worded)
	if !ok {
		return nil
	}
	m := x.meta()
	errs := append(m.emptyValues(), m.checkWording(x.headingsOf())...)
	return append(errs, m.checkPlaceholders(names(x.factDefs(nil)), x.texts())...)
}

func (s *SessionFile) headingsOf() any    { return s.Headings }
func (c *ConclusionFile) headingsOf() any { return c.Headings }
func (f *FollowupFile) headingsOf() any   { return f.Headings }
func (s *ScheduleFile) headingsOf() any   { return s.Headings }

// emptyValues reports every empty string value of the file (a key written "closing: \"\"", an empty heading):
// it would have no effect, so it is an error rather than silently ignored. A key that may be switched off
// says so (false).
func (m *Meta) emptyValues() source.Errors {
	var errs source.Errors
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := n.Content[i].Value
				if path != "" {
					p = path + "." + p
				}
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, fmt.Sprintf("%s[%d]", path, i))
			}
		case yaml.ScalarNode:
			if n.Tag == "!!str" && strings.TrimSpace(n.Value) == "" && !m.src.DecodeFailed(path) {
				errs = append(errs, &source.Error{File: m.src.File, Line: n.Line, Col: n.Column, Path: path,
					VI: "giá trị trống không có tác dụng: bỏ khóa này để giữ mặc định (hoặc ghi false để bỏ phần này, nếu được)",
					EN: "an empty value has no effect: remove the key to keep the default (or write false to leave the piece out, where allowed)"})
			}
		}
	}
	if m.src != nil && m.src.Root != nil {
		walk(m.src.Root, "")
	}
	return errs
}
