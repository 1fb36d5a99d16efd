//go:build unix

package render_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vanban/vanban/render"
)

// scalePlans writes n variants of the ward's 2026 plan (examples/phuong-2026/plan.yaml: another number and
// output name each) into a new directory and returns it.
func scalePlans(b *testing.B, n int) string {
	b.Helper()
	src, err := os.ReadFile(filepath.Join("..", "examples", "phuong-2026", "plan.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(src)
	if !strings.Contains(text, "output: ke-hoach-doi-thoai-2026.docx") || !strings.Contains(text, "  number: 15\n") {
		b.Fatal("the example plan changed: adapt scalePlans")
	}
	dir := b.TempDir()
	for i := range n {
		v := strings.Replace(text, "output: ke-hoach-doi-thoai-2026.docx", fmt.Sprintf("output: ke-hoach-%04d.docx", i), 1)
		v = strings.Replace(v, "  number: 15\n", fmt.Sprintf("  number: %d\n", i+1), 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("plan-%04d.yaml", i)), []byte(v), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRun1000Plans is the scale case of a province's year: one render.Run call over 1,000 plan files,
// writing 1,000 .docx files into a directory. It reports documents/s (wall clock, sensitive to the machine's
// load), CPU ms per document (user+sys of the process, less so) and the peak heap in use (sampled): the
// outputs are written as they are made, so the heap must not grow with the number of inputs (compare
// BenchmarkRun250Plans).
func BenchmarkRun1000Plans(b *testing.B) { benchRun(b, 1000) }

// BenchmarkRun250Plans is BenchmarkRun1000Plans with a quarter of the files, for the memory comparison.
func BenchmarkRun250Plans(b *testing.B) { benchRun(b, 250) }

func benchRun(b *testing.B, n int) {
	dir := scalePlans(b, n)
	b.ReportAllocs()
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // sample the heap in use
		defer close(done)
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	}()
	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		out := b.TempDir()
		rep, err := render.Run(context.Background(), render.Dir(out), render.Options{}, dir)
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.Outputs) != n {
			b.Fatalf("%d outputs", len(rep.Outputs))
		}
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	close(stop)
	<-done
	docs := float64(n * b.N)
	b.ReportMetric(docs/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(cpu.Milliseconds())/docs, "cpu-ms/doc")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
