package main

// The session cycle (package notice): the commands ics, status and milestones.

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/templates"
)

// The command lines of ics, status and milestones, in their summaries (vanban help), their -h and the README.
const (
	icsUsage        = "ics --out FILE [--name NAME] [--strict] PLAN_OR_DIR…"
	statusUsage     = "status [--as-of DATE] [--strict] FILE_OR_DIR…"
	milestonesUsage = "milestones [--strict] PLAN_OR_DIR…"
)

func init() {
	register(command{name: "ics", summary: "lịch .ics các buổi và mốc / iCalendar (.ics) of sessions and milestones: " + icsUsage, run: runICS})
	register(command{name: "status", summary: "tình hình thực hiện nhiệm vụ / status of the assignments as of a day: " + statusUsage, run: runStatus})
	register(command{name: "milestones", summary: "việc gì đến hạn khi nào / what is due when in a plan's session cycle: " + milestonesUsage, run: runMilestones})
}

// noticeFlags are the flags ics, status and milestones share: those of render.
type noticeFlags = renderFlags

// planInputsHelp is the -h text of ics, status and milestones about their inputs.
const planInputsHelp = `Một tệp kế hoạch (kind: plan) là chính nó cùng các tệp cùng thư mục có "plan:" trỏ tới nó; các tệp
khác ở đó được bỏ qua, trừ tệp trỏ tới kế hoạch mà có lỗi. Một thư mục là mọi tệp *.yaml và *.yml trong nó
(không đọc thư mục con).

A plan file (kind: plan) stands for itself and the files of its directory whose "plan:" key names it
(its session, conclusion, followup, … files); the other files there (other plans and their files, files that
do not read) are left out, but a file that names the plan and is broken is an error. A directory stands for
every *.yaml and *.yml file in it (not recursive); other files are named one by one.`

// parseNotice parses the flags; it returns flag.ErrHelp after -h, a usage error when no input is given, and a
// data error (exit status 1) for an input that does not exist.
func parseNotice(fs *flag.FlagSet, args []string, usage string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng / usage: vanban "+usage+"\n\n"+planInputsHelp)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("chưa nêu tệp nào / no input; usage: vanban %s", usage)
	}
	for _, a := range fs.Args() {
		if _, err := os.Stat(a); err != nil {
			return inputError(fs.Name(), a, err)
		}
	}
	return nil
}

// loadSet loads the inputs. A plan file stands for itself and the files of its directory that name it
// (notice.PlanInputs), so that unrelated files beside it do not matter.
func (nf *noticeFlags) loadSet(cmd string, args []string, stderr io.Writer) (*notice.Set, error) {
	opts, err := nf.options(cmd)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, a := range args {
		if st, err := os.Stat(a); err == nil && !st.IsDir() {
			if data, err := source.ReadFile(a); err == nil && notice.PeekKind(data) == plan.Kind {
				paths = append(paths, notice.PlanInputs(a)...)
				continue
			}
		}
		paths = append(paths, a)
	}
	s, err := notice.Load(notice.Options{Calendar: opts.Calendar, StrictDeadlines: opts.Strict, Render: opts.Document}, paths...)
	if err != nil {
		return nil, err
	}
	printWarnings(stderr, s.Warnings)
	return s, nil
}

func runICS(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ics", flag.ContinueOnError)
	var nf noticeFlags
	nf.register(fs)
	out := fs.String("out", "", "tệp .ics `FILE` cần ghi / the .ics FILE to write")
	name := fs.String("name", "", "tên lịch (mặc định: trích yếu kế hoạch) / calendar name (default: the plan's summary)")
	if err := parseNotice(fs, args, icsUsage, stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if *out == "" {
		return usagef("thiếu --out FILE / --out FILE is required")
	}
	s, err := nf.loadSet("ics", fs.Args(), stderr)
	if err != nil {
		return err
	}
	if len(s.Plans) == 0 {
		return dataErrorf("ics", "không có kế hoạch nào trong %s / no plan in the input", strings.Join(fs.Args(), " "))
	}
	var b bytes.Buffer
	if err := s.WriteICS(&b, *name); err != nil {
		return dataErrorf("ics", "%v", err)
	}
	if err := templates.WriteFile(*out, b.Bytes()); err != nil {
		return dataErrorf("ics", "không ghi được tệp %s / cannot write the file %s: %v", *out, *out, err)
	}
	fmt.Fprintln(stdout, *out)
	return nil
}

func runStatus(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	var nf noticeFlags
	nf.register(fs)
	asOfFlag := fs.String("as-of", "", "tính đến ngày `DATE` (mặc định: as_of của tệp theo dõi, không có thì hôm nay) / the DATE of the status; default: the as_of of the follow-up file, else today")
	if err := parseNotice(fs, args, statusUsage, stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	var asOf calendar.Date
	if *asOfFlag != "" {
		d, err := calendar.ParseDate(*asOfFlag)
		if errors.Is(err, calendar.ErrNoSuchDay) {
			// Well formed but not a real day: bad data (exit status 1), as for deadline --from.
			return dataErrorf("status", "--as-of: ngày %s không có thật / %v", *asOfFlag, err)
		}
		if err != nil {
			return usagef("--as-of: ngày viết sai / %v", err)
		}
		if first, last := calendar.SupportedRange(); !calendar.InRange(d) {
			return dataErrorf("status", "--as-of: ngày %s nằm ngoài khoảng lịch hỗ trợ %v … %v / the date is outside the supported range %v … %v", d, first, last, first, last)
		}
		asOf = d
	}
	s, err := nf.loadSet("status", fs.Args(), stderr)
	if err != nil {
		return err
	}
	if asOf.IsZero() {
		asOf = calendar.Today()
		if len(s.Followups) > 0 {
			asOf = s.Followups[len(s.Followups)-1].AsOf
		}
	}
	ss := s.Statuses(asOf)
	if len(ss) == 0 {
		return dataErrorf("status", "không có nhiệm vụ nào (cần tệp kind: conclusion hoặc kind: followup) / no assignments (give kind: conclusion or kind: followup files)")
	}
	return notice.WriteStatusTable(stdout, asOf, ss)
}

func runMilestones(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("milestones", flag.ContinueOnError)
	var nf noticeFlags
	nf.register(fs)
	if err := parseNotice(fs, args, milestonesUsage, stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	s, err := nf.loadSet("milestones", fs.Args(), stderr)
	if err != nil {
		return err
	}
	ms := s.Milestones()
	if len(ms) == 0 {
		return dataErrorf("milestones", "không có buổi đối thoại nào có ngày (cần tệp kind: session, hoặc ngày trong kế hoạch) / no dated session (add kind: session files, or dates in the plan)")
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NGÀY\tTHỨ\tBUỔI\tVIỆC\tCĂN CỨ")
	estimated := false
	for _, m := range ms {
		when := document.ShortDate(m.Date)
		if m.End != m.Date {
			when += " – " + document.ShortDate(m.End)
		}
		if m.Estimated {
			when += " *"
			estimated = true
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", when, calendar.WeekdayName(m.Date), m.SessionID, m.Title, clipRule(m.Rule))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if estimated {
		fmt.Fprintln(stdout, "* ngày ước tính: lịch nghỉ của năm này chưa được công bố, ngày có thể thay đổi (nạp lịch bằng --schedule) /")
		fmt.Fprintln(stdout, "  estimated date: the schedule of days off of that year is not announced yet, the date may move (load it with --schedule)")
	}
	return nil
}

func clipRule(s string) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return string(r)
}
