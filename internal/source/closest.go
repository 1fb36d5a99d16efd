package source

// Closest returns the name within edit distance 2 of s (the nearest, the first of equals), or "": the "did
// you mean" of unknown keys and placeholders.
func Closest(s string, names []string) string { return closest(s, names) }
