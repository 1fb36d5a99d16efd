package templates

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// manyTags builds templates with n tags in the shapes that could make the
// compiler quadratic: adjacent fields in one paragraph, fields split over
// runs, inline sections nested n deep in one paragraph, paragraph sections
// nested n deep, and n stray closing braces (n errors).
func manyTags(shape string, n int) testDoc {
	var b strings.Builder
	switch shape {
	case "adjacent":
		b.WriteString(`<w:p><w:r><w:t>`)
		for i := range n {
			fmt.Fprintf(&b, "{{f%d}}", i)
		}
		b.WriteString(`</w:t></w:r></w:p>`)
	case "split":
		b.WriteString(`<w:p>`)
		for i := range n {
			fmt.Fprintf(&b, `<w:r><w:t>{</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>{f%d}</w:t></w:r><w:r><w:t>} </w:t></w:r>`, i)
		}
		b.WriteString(`</w:p>`)
	case "nested-inline":
		b.WriteString(`<w:p><w:r><w:t>`)
		for i := range n {
			fmt.Fprintf(&b, "{{#s%d}}x", i)
		}
		for i := n - 1; i >= 0; i-- {
			fmt.Fprintf(&b, "{{/s%d}}", i)
		}
		b.WriteString(`</w:t></w:r></w:p>`)
	case "nested-block":
		for i := range n {
			b.WriteString(para(fmt.Sprintf("{{#s%d}}", i)))
		}
		b.WriteString(para("{{x}}"))
		for i := n - 1; i >= 0; i-- {
			b.WriteString(para(fmt.Sprintf("{{/s%d}}", i)))
		}
	case "stray":
		b.WriteString(`<w:p><w:r><w:t>{{a}}`)
		b.WriteString(strings.Repeat("}} ", n))
		b.WriteString(`</w:t></w:r></w:p>`)
	}
	return testDoc{body: b.String()}
}

var manyTagShapes = []string{"adjacent", "split", "nested-inline", "nested-block", "stray"}

// TestManyTagsScaleLinearly compiles each shape with 1,000 and 4,000 tags
// and compares the memory Parse allocates: linear growth gives about 4×,
// quadratic 16×. (Memory, not time, so the test does not depend on the
// machine; BenchmarkParseManyTags shows the time.)
func TestManyTagsScaleLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	alloc := func(src []byte) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Parse(src, WithLimits(Limits{MaxDepth: 10000}))
		runtime.ReadMemStats(&after)
		if err != nil && !strings.Contains(err.Error(), "without an opening") {
			t.Fatal(err)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	for _, shape := range manyTagShapes {
		small, large := manyTags(shape, 1000).docx(t), manyTags(shape, 4000).docx(t)
		a, b := alloc(small), alloc(large)
		if ratio := float64(b) / float64(a); ratio > 7 {
			t.Errorf("%s: 4× the tags allocates %.1f× the memory (%d → %d bytes): not linear", shape, ratio, a, b)
		} else {
			t.Logf("%s: %d → %d bytes (%.1f×)", shape, a, b, ratio)
		}
	}
}

// BenchmarkParseManyTags: compile time for 1,000 and 4,000 tags of each
// shape (the 4,000 figure should be about 4× the 1,000 one).
func BenchmarkParseManyTags(b *testing.B) {
	for _, shape := range manyTagShapes {
		for _, n := range []int{1000, 4000} {
			src := manyTags(shape, n).docx(b)
			b.Run(fmt.Sprintf("%s-%d", shape, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					Parse(src, WithLimits(Limits{MaxDepth: 10000}))
				}
			})
		}
	}
}
