package notice_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/notice"
)

// conclusionsFS is the seed's plan and session files with n conclusion notices of session q1.
func conclusionsFS(b *testing.B, n int) fstest.MapFS {
	b.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"plan.yaml", "session-q1.yaml", "session-q2.yaml", "session-q3.yaml", "session-q4.yaml"} {
		data, err := os.ReadFile("../examples/duc-pho-2023/" + name)
		if err != nil {
			b.Fatal(err)
		}
		fsys["d/"+name] = &fstest.MapFile{Data: data}
	}
	c, err := os.ReadFile("../examples/duc-pho-2023/conclusion-q1.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		data := strings.ReplaceAll(string(c), "id: q1-", fmt.Sprintf("id: c%d-", i))
		fsys[fmt.Sprintf("d/conclusion-%04d.yaml", i)] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// BenchmarkLoadConclusions loads a directory of n conclusion notices of one plan: each file is read and parsed
// once, so the time per file stays flat as n grows (it was quadratic: each conclusion re-read its folder).
func BenchmarkLoadConclusions(b *testing.B) {
	for _, n := range []int{125, 500} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fsys := conclusionsFS(b, n)
			for b.Loop() {
				set, err := notice.LoadFS(fsys, notice.Options{}, "d")
				if err != nil {
					b.Fatal(err)
				}
				if len(set.Conclusions) != n {
					b.Fatalf("%d conclusions", len(set.Conclusions))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/file")
		})
	}
}
