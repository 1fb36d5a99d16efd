package calendar

import (
	"math"
	"math/rand/v2"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestZeroDateYAMLRoundTrip(t *testing.T) {
	type T struct {
		Z Date `yaml:"z"`
		D Date `yaml:"d"`
	}
	b, err := yaml.Marshal(T{D: NewDate(2023, 5, 12)})
	if err != nil {
		t.Fatal(err)
	}
	var back T
	if err := yaml.Unmarshal(b, &back); err != nil || !back.Z.IsZero() || back.D != NewDate(2023, 5, 12) {
		t.Errorf("round trip of %q: %+v, %v", b, back, err)
	}
}

// walk is the day-by-day definition of AddWorkingDays, kept here to check the binary search of addFar.
func walk(c *Calendar, d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	for n < 0 {
		d = d.AddDays(-1)
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return d
}

func TestAddFarMatchesWalk(t *testing.T) {
	c := Default()
	r := rand.New(rand.NewPCG(1, 2))
	first, last := NewDate(1960, 1, 1), NewDate(2110, 12, 31)
	for k := 0; k < 3000; k++ {
		d := first.AddDays(r.IntN(last.Sub(first)))
		n := r.IntN(1201) - 600
		if got, want := c.addFar(d, n), walk(c, d, n); n != 0 && got != want {
			t.Fatalf("addFar(%v, %d) = %v, walking gives %v", d, n, got, want)
		}
	}
	// Across the whole table in one step, both ways.
	d := NewDate(1967, 12, 20)
	if got, want := c.AddWorkingDays(d, 40000), walk(c, d, 40000); got != want {
		t.Errorf("AddWorkingDays(%v, 40000) = %v, want %v", d, got, want)
	}
	if got, want := c.AddWorkingDays(NewDate(2101, 1, 10), -40000), walk(c, NewDate(2101, 1, 10), -40000); got != want {
		t.Errorf("AddWorkingDays(2101-01-10, -40000) = %v, want %v", got, want)
	}
}

// TestAddHugeSaturates: a huge n answers at once and saturates at the ends of what a Date holds, instead of
// looping for hours or wrapping to a negative year.
func TestAddHugeSaturates(t *testing.T) {
	c := Default()
	d := NewDate(2023, 5, 12)
	if got := c.AddWorkingDays(d, math.MaxInt); got != fromJD(maxJD) {
		t.Errorf("AddWorkingDays(MaxInt) = %v, want the last Date", got)
	}
	if got := c.AddWorkingDays(d, math.MinInt); got != fromJD(minJD) {
		t.Errorf("AddWorkingDays(MinInt) = %v, want the first Date", got)
	}
	if got := c.AddWorkingDays(d, 3_000_000_000); !got.After(d) || InRange(got) {
		t.Errorf("AddWorkingDays(3e9) = %v: want a date after %v, beyond the supported range", got, d)
	}
	if got := d.AddDays(math.MaxInt); got != fromJD(maxJD) {
		t.Errorf("AddDays(MaxInt) = %v", got)
	}
	if got := fromJD(maxJD).Sub(fromJD(minJD)); got != maxJD-minJD {
		t.Errorf("Sub across the whole range = %d", got)
	}
}

func BenchmarkAddWorkingDays1000(b *testing.B) {
	c := Default()
	d := NewDate(2023, 5, 12)
	for b.Loop() {
		_ = c.AddWorkingDays(d, 1000)
	}
}
