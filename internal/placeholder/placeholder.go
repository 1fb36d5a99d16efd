// Package placeholder finds the {{name}} placeholders of a text as vanban's inputs and wording files write
// them: two opening braces, optional spaces, a name with no brace in it, optional spaces, two closing braces
// ({{deadline}}, {{ session_day }}, {{due.q1-1}}). It is the regular expression `\{\{\s*([^{}]*?)\s*\}\}`
// without the regexp engine, whose backtracking cost more than the rest of laying out a plan's sections.
package placeholder

import "strings"

// FindAll returns the placeholders of s, leftmost first, each as {whole, name} (the name without the spaces
// around it), as regexp's FindAllStringSubmatch returns them; nil when s has none.
func FindAll(s string) [][]string {
	var out [][]string
	each(s, func(start, end int, name string) {
		out = append(out, []string{s[start:end], name})
	})
	return out
}

// Replace returns s with each placeholder replaced by what f returns for it (f gets the placeholder as written
// and its name).
func Replace(s string, f func(whole, name string) string) string {
	var b strings.Builder
	last := 0
	each(s, func(start, end int, name string) {
		b.WriteString(s[last:start])
		b.WriteString(f(s[start:end], name))
		last = end
	})
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// each calls f with the byte range and name of each placeholder of s.
func each(s string, f func(start, end int, name string)) {
	for i := 0; ; {
		k := strings.Index(s[i:], "{{")
		if k < 0 {
			return
		}
		start := i + k
		j := start + 2
		for j < len(s) && s[j] != '{' && s[j] != '}' {
			j++
		}
		if strings.HasPrefix(s[j:], "}}") {
			f(start, j+2, strings.Trim(s[start+2:j], " \t\n\f\r"))
			i = j + 2
			continue
		}
		i = start + 1 // "{{{x}}": the placeholder starts one brace later
	}
}
