package document

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/templates"
)

// ParseInline reads the inline markup of body text into rich text: "***bold italic***", "**bold**",
// "*italic*"; a backslash escapes the next character ("\*" is a literal asterisk, "\\" a backslash).
// Markers toggle: "**a *b* c**" is bold throughout with b also italic. A run of four or more asterisks, a
// marker left open at the end, or a trailing lone backslash is an error. The text is NFC-normalised and
// adjacent spans of the same emphasis are merged; empty input gives nil.
func ParseInline(s string) (templates.RichText, error) {
	s = nfc(s)
	if strings.IndexAny(s, "*\\") < 0 { // no markup: one plain span (most text)
		if s == "" {
			return nil, nil
		}
		return templates.RichText{{Text: s}}, nil
	}
	var (
		out          templates.RichText
		cur          strings.Builder
		bold, italic bool
		boldAt       int // byte offset of the opening bold marker
		italicAt     int
	)
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		if n := len(out); n > 0 && out[n-1].Bold == bold && out[n-1].Italic == italic {
			out[n-1].Text += cur.String()
		} else {
			out = append(out, templates.Span{Text: cur.String(), Bold: bold, Italic: italic})
		}
		cur.Reset()
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 >= len(s) {
				return nil, fmt.Errorf("inline markup: lone backslash at the end of %q", s)
			}
			// copy the next rune as it is
			j := i + 1
			for j+1 < len(s) && s[j+1]&0xC0 == 0x80 {
				j++
			}
			cur.WriteString(s[i+1 : j+1])
			i = j + 1
		case '*':
			j := i
			for j < len(s) && s[j] == '*' {
				j++
			}
			n := j - i
			if n > 3 {
				return nil, fmt.Errorf("inline markup: %d asterisks in a row at byte %d of %q (escape them as \\*)", n, i, s)
			}
			flush()
			if n >= 2 {
				bold = !bold
				boldAt = i
			}
			if n != 2 {
				italic = !italic
				italicAt = i
			}
			i = j
		default:
			cur.WriteByte(c)
			i++
		}
	}
	flush()
	switch {
	case bold:
		return nil, fmt.Errorf("inline markup: bold \"**\" opened at byte %d is not closed in %q", boldAt, s)
	case italic:
		return nil, fmt.Errorf("inline markup: italic \"*\" opened at byte %d is not closed in %q", italicAt, s)
	}
	return out, nil
}

// plain returns rich text of one unemphasised span (nil for "").
func plain(s string) templates.RichText {
	if s == "" {
		return nil
	}
	return templates.RichText{{Text: nfc(s)}}
}
