// Command next-year loads an example cycle (a plan and its session, conclusion, follow-up and reception files),
// moves it to the next year in Go — every date a year later, sessions and documents on working days, each
// notice dated on its milestone — and renders the whole cycle: the plan, the notices, the .ics calendar.
//
//	go run ./examples/go/next-year -out /tmp/out [examples/duc-pho-2023]
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/templates"
)

func main() {
	out := flag.String("out", ".", "output directory")
	flag.Parse()
	dir := "examples/duc-pho-2023"
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	if err := run(context.Background(), dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// shift returns d a year later (29 February becomes 28 February); the zero Date stays zero.
func shift(d calendar.Date) calendar.Date {
	if d.IsZero() {
		return d
	}
	y, m, day := d.Date()
	return calendar.NewDate(y+1, m, min(day, calendar.DaysInMonth(y+1, m)))
}

// moveToNextYear moves every date of the set a year later on cal.
func moveToNextYear(set *notice.Set, cal *calendar.Calendar) {
	on := func(d calendar.Date) calendar.Date { // a year later, on a working day
		if d.IsZero() {
			return d
		}
		return cal.OnOrAfterWorkingDay(shift(d))
	}
	for _, pf := range set.Plans {
		p := pf.Plan
		if p.PlanYear != 0 {
			p.PlanYear++
		}
		p.Doc.Date = on(p.Doc.Date)
		for i := range p.Sessions {
			p.Sessions[i].Time.Year++
		}
	}
	for _, x := range set.Sessions {
		x.HeldOn = on(x.HeldOn)
		if ps := x.PlanSession(); ps.Time.HasDay() { // the plan names the day: keep them equal
			ps.Time.Month, ps.Time.Day = x.HeldOn.Month(), x.HeldOn.Day()
		}
		x.Opinions.From, x.Opinions.To = calendar.Date{}, calendar.Date{} // the computed window of the new day
		if !x.Doc.Date.IsZero() {
			x.Doc.Date = cal.AddWorkingDays(x.HeldOn, -x.Offsets().Invitation) // on the invitation milestone
		}
	}
	for _, c := range set.Conclusions {
		c.HeldOn = on(c.HeldOn)
		if !c.Doc.Date.IsZero() {
			c.Doc.Date = cal.AddWorkingDays(c.SessionDay(), 5) // within the deadline
		}
		for i := range c.Assignments {
			c.Assignments[i].Due = on(c.Assignments[i].Due)
		}
		for i := range c.Petitions {
			for j := range c.Petitions[i].Assignments {
				c.Petitions[i].Assignments[j].Due = on(c.Petitions[i].Assignments[j].Due)
			}
		}
	}
	for _, f := range set.Followups {
		f.AsOf, f.Doc.Date = on(f.AsOf), on(f.Doc.Date)
		for i := range f.Progress {
			f.Progress[i].DoneOn = on(f.Progress[i].DoneOn)
		}
		for i := range f.Assignments {
			f.Assignments[i].Due = on(f.Assignments[i].Due)
		}
	}
	for _, x := range set.Schedules {
		x.Year++
		x.Doc.Date = on(x.Doc.Date)
	}
}

func run(ctx context.Context, dir, out string) error {
	cal := calendar.Default()
	opts := notice.Options{Calendar: cal}
	set, err := notice.Load(opts, dir)
	if err != nil {
		return err
	}
	if len(set.Plans) == 0 {
		return fmt.Errorf("%s: no plan", dir)
	}
	year := set.Plans[0].Plan.Year()
	moveToNextYear(set, cal)
	rename := strings.NewReplacer(strconv.Itoa(year), strconv.Itoa(year+1))

	type doc struct {
		name string
		data []byte
	}
	var docs []doc
	for _, pf := range set.Plans {
		data, err := pf.Plan.RenderContext(ctx)
		if err != nil {
			return err
		}
		docs = append(docs, doc{pf.Plan.Output, data})
	}
	type renderer interface {
		Render(context.Context, notice.Options) ([]byte, error)
		OutputName() string
	}
	var notices []renderer
	for _, x := range set.Sessions {
		notices = append(notices, x)
	}
	for _, x := range set.Conclusions {
		notices = append(notices, x)
	}
	for _, x := range set.Followups {
		notices = append(notices, x)
	}
	for _, x := range set.Schedules {
		notices = append(notices, x)
	}
	for _, x := range notices {
		data, err := x.Render(ctx, opts) // validates first: the moved dates must still follow every rule
		if err != nil {
			return err
		}
		docs = append(docs, doc{x.OutputName(), data})
	}
	var ics bytes.Buffer
	if err := set.WriteICS(&ics, ""); err != nil {
		return err
	}
	docs = append(docs, doc{fmt.Sprintf("lich-doi-thoai-%d.ics", year+1), ics.Bytes()})

	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, d := range docs {
		if d.name == "" {
			d.name = fmt.Sprintf("ke-hoach-%d.docx", year+1)
		}
		name := filepath.Join(out, rename.Replace(d.name))
		if err := templates.WriteFile(name, d.data); err != nil {
			return err
		}
		fmt.Println(name)
	}
	return nil
}
