package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/vanban/vanban/calendar"
)

// The command lines of deadline and calendar, in their -h and the README.
const (
	deadlineUsage = "deadline --from DATE --working-days N [--explain]"
	calendarUsage = "calendar --from DATE --to DATE [--json]"
)

func init() {
	register(command{name: "deadline", summary: "hạn sau (hoặc trước) một ngày N ngày làm việc / due date N Vietnamese working days after (or before) a date: " + deadlineUsage, run: runDeadline})
	register(command{name: "calendar", summary: "các ngày: làm việc hay nghỉ, lý do, âm lịch / list days with working/off, reason and lunar date (table or --json): " + calendarUsage, run: runCalendar})
}

// calendarFlags are the flags deadline and calendar share.
type calendarFlags struct {
	schedules calScheduleList
	noSwaps   bool
}

type calScheduleList []string

func (s *calScheduleList) String() string     { return strings.Join(*s, ",") }
func (s *calScheduleList) Set(v string) error { *s = append(*s, v); return nil }

func (cf *calendarFlags) register(fs *flag.FlagSet) {
	fs.Var(&cf.schedules, "schedule", "nạp lịch nghỉ từ tệp `FILE` (định dạng: calendar/schedules/README.md), lặp lại được / load a schedule FILE over the embedded one; repeatable")
	fs.BoolVar(&cf.noSwaps, "no-swaps", false, "bỏ qua hoán đổi ngày làm việc của công chức (lịch của doanh nghiệp) / ignore civil-servant swaps: the calendar of businesses")
}

func (cf *calendarFlags) calendar(cmd string) (*calendar.Calendar, error) {
	if len(cf.schedules) == 0 && !cf.noSwaps {
		return calendar.Default(), nil
	}
	var opts []calendar.Option
	for _, p := range cf.schedules {
		opts = append(opts, calendar.WithScheduleFile(p))
	}
	if cf.noSwaps {
		opts = append(opts, calendar.WithoutSwaps())
	}
	c, err := calendar.New(opts...)
	if err != nil {
		return nil, fmt.Errorf("vanban %s: %s", cmd, oneLine(err.Error()))
	}
	return c, nil
}

// calParseFlags parses args, turning flag errors into usage errors. It returns errCalHelp for -h.
func calParseFlags(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errCalHelp
		}
		return err
	}
	if fs.NArg() > 0 {
		return usagef("thừa tham số %q (mọi giá trị đều là tùy chọn; xem -h) / unexpected argument %q (all inputs are flags; see -h)", fs.Arg(0), fs.Arg(0))
	}
	return nil
}

var errCalHelp = errors.New("help")

func calDateFlag(cmd, name, v string) (calendar.Date, error) {
	if v == "" {
		return calendar.Date{}, usagef("thiếu --%s YYYY-MM-DD / missing --%[1]s YYYY-MM-DD", name)
	}
	d, err := calendar.ParseDate(v)
	if errors.Is(err, calendar.ErrNoSuchDay) {
		// Well formed but not a real day: bad data (exit 1), like a date out of range.
		return calendar.Date{}, fmt.Errorf("vanban %s: --%s: ngày %s không có thật / %v", cmd, name, v, err)
	}
	if err != nil {
		return calendar.Date{}, usagef("--%s: %v", name, err)
	}
	return d, nil
}

func calCheckRange(cmd, what string, d calendar.Date) error {
	if calendar.InRange(d) {
		return nil
	}
	first, last := calendar.SupportedRange()
	return fmt.Errorf("vanban %s: %s %v nằm ngoài khoảng lịch hỗ trợ %v … %v / %s %v is outside the supported range %v … %v", cmd, what, d, first, last, what, d, first, last)
}

func runDeadline(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("vanban deadline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "ngày xảy ra sự kiện, không tính (Bộ luật Dân sự Điều 147) / the day of the event, YYYY-MM-DD or D/M/YYYY (not counted)")
	n := fs.Int("working-days", 0, "số ngày làm việc `N` (âm: đếm lùi; 0: chính ngày --from) / number of working days N (negative: count backwards; 0: the --from day itself)")
	explain := fs.Bool("explain", false, "liệt kê từng ngày bỏ qua và lý do / after the due date, list each skipped day and why")
	var cf calendarFlags
	cf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng / usage: vanban "+deadlineUsage)
		fmt.Fprintln(stderr, "In hạn (YYYY-MM-DD) ở dòng đầu / prints the due date (YYYY-MM-DD) on the first line.")
		fs.PrintDefaults()
	}
	if err := calParseFlags(fs, args); err != nil {
		if err == errCalHelp {
			return nil
		}
		return err
	}
	wdSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "working-days" {
			wdSet = true
		}
	})
	if !wdSet {
		return usagef("thiếu --working-days N / missing --working-days N")
	}
	start, err := calDateFlag("deadline", "from", *from)
	if err != nil {
		return err
	}
	if err := calCheckRange("deadline", "--from", start); err != nil {
		return err
	}
	cal, err := cf.calendar("deadline")
	if err != nil {
		return err
	}
	x := cal.Explain(start, *n)
	due := x.Due
	if err := calCheckRange("deadline", "hạn / the due date", due); err != nil {
		return err
	}
	fmt.Fprintln(stdout, due)
	if *explain {
		for _, info := range x.Notable() {
			d := info.Date
			mark := ""
			if !info.Official {
				mark = " (ước tính / estimated)"
			}
			verb := "tính / counted"
			if !info.Working {
				verb = "bỏ qua / skipped"
			}
			fmt.Fprintf(stdout, "  %s %s %s: %s%s\n", verb, d, calendar.WeekdayName(d), info.Reason, mark)
		}
		fmt.Fprintf(stdout, "  %s / %s\n", x.Rule(), x.RuleEN())
	}
	if len(x.Estimated) > 0 {
		years := make([]string, 0, len(x.Estimated))
		for _, y := range x.Estimated {
			years = append(years, fmt.Sprint(y))
		}
		fmt.Fprintf(stderr, "vanban deadline: cảnh báo: chưa có lịch nghỉ chính thức năm %s, ngày nghỉ được ước tính theo luật (thêm bằng --schedule FILE) / warning: no official schedule for %[1]s; days off there are estimated from the law (add them with --schedule FILE)\n", strings.Join(years, ", "))
	}
	return nil
}

// calDayJSON is one object of `vanban calendar --json`; the field order is the contract.
type calDayJSON struct {
	Date     string             `json:"date"`
	Weekday  string             `json:"weekday"`
	Working  bool               `json:"working"`
	Reason   string             `json:"reason"`
	Official bool               `json:"official"`
	Lunar    calendar.LunarDate `json:"lunar"`
}

func runCalendar(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("vanban calendar", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "ngày đầu / first day, YYYY-MM-DD")
	to := fs.String("to", "", "ngày cuối, có tính / last day, YYYY-MM-DD (inclusive)")
	asJSON := fs.Bool("json", false, "in mảng JSON, mỗi ngày một đối tượng / print a JSON array, one object per day")
	var cf calendarFlags
	cf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng / usage: vanban "+calendarUsage)
		fs.PrintDefaults()
	}
	if err := calParseFlags(fs, args); err != nil {
		if err == errCalHelp {
			return nil
		}
		return err
	}
	a, err := calDateFlag("calendar", "from", *from)
	if err != nil {
		return err
	}
	b, err := calDateFlag("calendar", "to", *to)
	if err != nil {
		return err
	}
	if b.Before(a) {
		return usagef("--to %v trước --from %v / --to %[1]v is before --from %[2]v", b, a)
	}
	if err := calCheckRange("calendar", "--from", a); err != nil {
		return err
	}
	if err := calCheckRange("calendar", "--to", b); err != nil {
		return err
	}
	cal, err := cf.calendar("calendar")
	if err != nil {
		return err
	}
	if *asJSON {
		var sb strings.Builder
		sb.WriteString("[")
		for d := a; !d.After(b); d = d.AddDays(1) {
			info := cal.Day(d)
			obj, err := json.Marshal(calDayJSON{Date: d.String(), Weekday: d.Weekday().String(), Working: info.Working,
				Reason: info.Reason, Official: info.Official, Lunar: calendar.SolarToLunar(d)})
			if err != nil {
				return fmt.Errorf("vanban calendar: %v", err)
			}
			if d != a {
				sb.WriteString(",")
			}
			sb.WriteString("\n  ")
			sb.Write(obj)
		}
		sb.WriteString("\n]\n")
		_, err := io.WriteString(stdout, sb.String())
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ngày\tthứ\tâm lịch\tlàm việc\tlý do")
	for d := a; !d.After(b); d = d.AddDays(1) {
		info := cal.Day(d)
		l := calendar.SolarToLunar(d)
		lunar := fmt.Sprintf("%02d/%02d", l.Day, l.Month)
		if l.Leap {
			lunar += " nhuận"
		}
		work := "có"
		if !info.Working {
			work = "nghỉ"
		}
		reason := info.Reason
		if !info.Official {
			reason = strings.TrimSpace(reason + " (ước tính)")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", calendar.FormatShort(d), calendar.WeekdayName(d), lunar, work, reason)
	}
	return tw.Flush()
}
