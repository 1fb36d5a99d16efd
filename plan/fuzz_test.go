package plan

import (
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/calendar"
)

// FuzzParse: whatever the bytes of a plan file, Parse returns a plan or errors, each on one line with a
// position — never a panic; a plan that parses gives its warnings and its document model.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"../examples/duc-pho-2023/plan.yaml", "../examples/phuong-2026/plan.yaml", "../examples/dang-uy-xa-2026/plan.yaml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("kind: plan\ndocument: {date: 15/3/2026, number: \"08\"}\n"))
	f.Add([]byte("\xFF\xFEk\x00i\x00n\x00d\x00:\x00 \x00p\x00l\x00a\x00n\x00"))
	cal := calendar.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("p.yaml", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "p.yaml") {
					t.Fatalf("error without the file: %q", line)
				}
			}
			return
		}
		p.Warnings(cal)
		if _, err := p.Document(); err != nil {
			return
		}
	})
}
