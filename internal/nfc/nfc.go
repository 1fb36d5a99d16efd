// Package nfc normalises text to Unicode NFC (golang.org/x/text/unicode/norm) with a fast path for what
// nearly all Vietnamese text is made of: characters that are in NFC whatever surrounds them. Every text that
// lands in a document is NFC; most of it already is, and checking it with norm costs more than the rest of
// laying it out.
package nfc

import "golang.org/x/text/unicode/norm"

// QuickYes reports whether r is in NFC whatever surrounds it (NFC quick check Yes, canonical combining class
// 0, no composition with the character before it), for the ranges that make up nearly all Vietnamese text:
// Latin up to U+02FF, Latin Extended Additional (the precomposed Vietnamese letters) and general punctuation
// from U+2010. A false answer means "ask norm", not "not NFC".
func QuickYes(r rune) bool {
	return r < 0x300 || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2010 && r <= 0x206F
}

// String returns s in NFC: s itself, without copying, when every character of it is QuickYes or s is in NFC
// already.
func String(s string) string {
	for _, r := range s {
		if !QuickYes(r) {
			if norm.NFC.IsNormalString(s) {
				return s
			}
			return norm.NFC.String(s)
		}
	}
	return s
}
