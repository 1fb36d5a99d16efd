package templates

import (
	"bytes"
	"sync"
)

// rPrOrder is the child order of CT_RPr (ECMA-376 Part 1, 17.3.2.28). The
// Open XML validator rejects children out of this order.
var rPrOrder = map[string]int{
	"w:rStyle": 1, "w:rFonts": 2, "w:b": 3, "w:bCs": 4, "w:i": 5, "w:iCs": 6,
	"w:caps": 7, "w:smallCaps": 8, "w:strike": 9, "w:dstrike": 10, "w:outline": 11,
	"w:shadow": 12, "w:emboss": 13, "w:imprint": 14, "w:noProof": 15, "w:snapToGrid": 16,
	"w:vanish": 17, "w:webHidden": 18, "w:color": 19, "w:spacing": 20, "w:w": 21,
	"w:kern": 22, "w:position": 23, "w:sz": 24, "w:szCs": 25, "w:highlight": 26,
	"w:u": 27, "w:effect": 28, "w:bdr": 29, "w:shd": 30, "w:fitText": 31,
	"w:vertAlign": 32, "w:rtl": 33, "w:cs": 34, "w:em": 35, "w:lang": 36,
	"w:eastAsianLayout": 37, "w:specVanish": 38, "w:oMath": 39, "w:rPrChange": 40,
}

type rprKey struct {
	rPr  string
	mask uint8
}

var rprCache sync.Map // rprKey -> []byte

// spanRPr returns the <w:rPr> for a span: the placeholder run's properties
// with b/bCs, i/iCs and u set as the span asks, in schema order.
func spanRPr(base []byte, sp Span) []byte {
	var mask uint8
	if sp.Bold {
		mask |= 1
	}
	if sp.Italic {
		mask |= 2
	}
	if sp.Underline {
		mask |= 4
	}
	key := rprKey{string(base), mask}
	if v, ok := rprCache.Load(key); ok {
		return v.([]byte)
	}
	type child struct {
		name string
		raw  []byte
	}
	var kids []child
	var open []byte = []byte("<w:rPr>")
	if len(base) > 0 {
		toks, err := tokenize(base, 1<<20)
		if err == nil && len(toks) > 0 && toks[0].kind == tokStart {
			open = base[toks[0].start:toks[0].end]
			depth := 0
			start := 0
			for i := 1; i < len(toks)-1; i++ {
				t := &toks[i]
				switch t.kind {
				case tokStart:
					if depth == 0 {
						start = i
					}
					depth++
				case tokEnd:
					depth--
					if depth == 0 {
						s := &toks[start]
						kids = append(kids, child{string(s.name(base)), base[s.start:t.end]})
					}
				case tokSelfClose:
					if depth == 0 {
						kids = append(kids, child{string(t.name(base)), base[t.start:t.end]})
					}
				}
			}
		}
	}
	set := func(names []string, raws []string) {
		// drop existing ones
		out := kids[:0:0]
		for _, k := range kids {
			drop := false
			for _, n := range names {
				if k.name == n {
					drop = true
				}
			}
			if !drop {
				out = append(out, k)
			}
		}
		kids = out
		for j, n := range names {
			rank := rPrOrder[n]
			pos := len(kids)
			for i, k := range kids {
				if r, ok := rPrOrder[k.name]; ok && r > rank {
					pos = i
					break
				}
			}
			kids = append(kids, child{})
			copy(kids[pos+1:], kids[pos:])
			kids[pos] = child{n, []byte(raws[j])}
		}
	}
	if sp.Bold {
		set([]string{"w:b", "w:bCs"}, []string{"<w:b/>", "<w:bCs/>"})
	}
	if sp.Italic {
		set([]string{"w:i", "w:iCs"}, []string{"<w:i/>", "<w:iCs/>"})
	}
	if sp.Underline {
		set([]string{"w:u"}, []string{`<w:u w:val="single"/>`})
	}
	var b bytes.Buffer
	if bytes.HasSuffix(open, []byte("/>")) { // <w:rPr/>
		open = []byte("<w:rPr>")
	}
	if len(kids) == 0 {
		rprCache.Store(key, []byte(nil))
		return nil
	}
	b.Write(open)
	for _, k := range kids {
		b.Write(k.raw)
	}
	b.WriteString("</w:rPr>")
	out := b.Bytes()
	rprCache.Store(key, out)
	return out
}
