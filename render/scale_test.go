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
func scalePlans(b testing.TB, n int) string {
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
// load), CPU ms per document (user+sys of the process, less so), the peak heap in use (sampled; it follows the
// garbage collector's pacing, about twice what is live) and the live heap: the most the heap holds after a
// collection, measured every tenth of the outputs in a second, untimed run. The outputs are written as they are
// made and a plan is let go once written, so the live heap must not grow with the number of inputs (compare
// BenchmarkRun250Plans).
func BenchmarkRun1000Plans(b *testing.B) { benchRun(b, 1000) }

// BenchmarkRun250Plans is BenchmarkRun1000Plans with a quarter of the files, for the memory comparison.
func BenchmarkRun250Plans(b *testing.B) { benchRun(b, 250) }

// liveSink is Dir (a Committer, so Run makes one pass as with Dir) measuring the live heap every n outputs.
type liveSink struct {
	*render.DirSink
	n, seen int
	live    uint64
}

func (l *liveSink) Put(ctx context.Context, name string, data []byte) error {
	if l.seen++; l.seen%l.n == 0 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		l.live = max(l.live, ms.HeapAlloc)
	}
	return l.DirSink.Put(ctx, name, data)
}

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
	live := &liveSink{DirSink: render.Dir(b.TempDir()), n: max(n/10, 1)}
	if _, err := render.Run(context.Background(), live, render.Options{}, dir); err != nil {
		b.Fatal(err)
	}
	docs := float64(n * b.N)
	b.ReportMetric(docs/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(cpu.Milliseconds())/docs, "cpu-ms/doc")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(live.live)/(1<<20), "live-heap-MB")
}

// TestRunLetsPlansGo: what a plan job parsed is not kept once its output is written, with Dir (one pass) and
// with a plain sink (a checking pass, then a rendering pass that reads each plan again). Each of 200 plans
// kept would hold about 20 KB: the live heap after the 200th output stays within 1.5 MB of that after the
// 40th.
func TestRunLetsPlansGo(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 400 documents")
	}
	dir := scalePlans(t, 200)
	for _, plain := range []bool{false, true} {
		var samples []uint64
		n := 0
		dirSink := render.Dir(t.TempDir())
		measure := func(ctx context.Context, name string, data []byte) error {
			if n++; n == 40 || n == 200 {
				var ms runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&ms)
				samples = append(samples, ms.HeapAlloc)
			}
			return dirSink.Put(ctx, name, data)
		}
		var sink render.Sink
		if plain {
			sink = render.SinkFunc(measure)
		} else {
			sink = &measuringDir{dirSink, measure}
		}
		if _, err := render.Run(context.Background(), sink, render.Options{}, dir); err != nil {
			t.Fatal(err)
		}
		if len(samples) != 2 {
			t.Fatalf("%d samples", len(samples))
		}
		if grew := int64(samples[1]) - int64(samples[0]); grew > 1500<<10 {
			t.Errorf("plain sink %v: the live heap grew by %d KB from the 40th to the 200th output", plain, grew>>10)
		}
	}
}

// measuringDir is Dir (a Committer) whose Put is put.
type measuringDir struct {
	*render.DirSink
	put func(ctx context.Context, name string, data []byte) error
}

func (m *measuringDir) Put(ctx context.Context, name string, data []byte) error {
	return m.put(ctx, name, data)
}

// BenchmarkCreateFile is the floor under BenchmarkRun1000Plans that vanban does not control: creating one new,
// empty file in a directory of the machine's temporary file system (what Dir does once per output, however
// it writes). Its cpu-ms/op is the kernel's cost of a new file, to subtract from BenchmarkRun1000Plans's
// cpu-ms/doc when comparing machines (on the 2-core VM of the figures: about 1 ms on ext4, 0.02 ms on tmpfs).
func BenchmarkCreateFile(b *testing.B) {
	dir := b.TempDir()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := range b.N {
		f, err := os.OpenFile(filepath.Join(dir, fmt.Sprint(i)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// cycleDirs writes n copies of the seed's folder (examples/duc-pho-2023: a plan, four sessions, a conclusion, a
// follow-up, a reception schedule, a calendar), each in a directory of its own with its own output names.
func cycleDirs(b testing.TB, n int) string {
	b.Helper()
	root := b.TempDir()
	entries, err := os.ReadDir(example)
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		d := filepath.Join(root, fmt.Sprintf("d%04d", i))
		if err := os.MkdirAll(d, 0o755); err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(example, e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			s := strings.ReplaceAll(string(data), "output: ", fmt.Sprintf("output: d%04d-", i))
			if !strings.Contains(s, "\noutput:") {
				s = strings.Replace(s, "\n", fmt.Sprintf("\noutput: d%04d-%s.docx\n", i, strings.TrimSuffix(e.Name(), ".yaml")), 1)
			}
			if err := os.WriteFile(filepath.Join(d, e.Name()), []byte(s), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	return root
}

// BenchmarkRun400Cycles renders 400 copies of the seed's whole cycle in one call (3,600 inputs, 3,600
// outputs): the session-cycle files of one directory are loaded, checked and rendered together and let go
// after, so the live heap (measured as in BenchmarkRun1000Plans) stays that of a few directories in flight.
func BenchmarkRun400Cycles(b *testing.B) {
	dir := cycleDirs(b, 400)
	for range b.N {
		live := &liveSink{DirSink: render.Dir(b.TempDir()), n: 360}
		rep, err := render.Run(context.Background(), live, render.Options{}, dir)
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.Outputs) != 3600 {
			b.Fatalf("%d outputs", len(rep.Outputs))
		}
		b.ReportMetric(float64(live.live)/(1<<20), "live-heap-MB")
	}
	b.ReportMetric(float64(3600*b.N)/b.Elapsed().Seconds(), "docs/s")
}
