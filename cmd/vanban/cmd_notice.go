package main

// The session cycle (package notice): renderers for the kinds session, conclusion, followup,
// reception-schedule and calendar-export, and the commands ics, status and milestones.

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/templates"
)

func init() {
	for _, k := range notice.Kinds {
		registerRenderer(k, renderNotice)
	}
	register(command{name: "ics", summary: "iCalendar (.ics) of sessions and milestones: ics --out FILE PLAN_OR_DIR…", run: runICS})
	register(command{name: "status", summary: "status of the assignments as of a day: status [--as-of DATE] FILE_OR_DIR…", run: runStatus})
	register(command{name: "milestones", summary: "what is due when in a plan's session cycle: milestones PLAN_OR_DIR…", run: runMilestones})
}

// noticeWarnings receives the warnings of the renderers (late conclusion notices…); render has no stderr of
// its own to give them.
var noticeWarnings io.Writer = os.Stderr

// renderNotice renders one input file of package notice. Deadline problems are warnings (printed) here; the
// ics, status and milestones commands turn them into errors with --strict.
func renderNotice(file string, _ []byte, outDir string) ([]output, error) {
	outs, warns, err := notice.RenderFile(notice.Options{}, file)
	if err != nil {
		return nil, err
	}
	for _, w := range warns {
		fmt.Fprintf(noticeWarnings, "cảnh báo / warning: %s\n", w)
	}
	var out []output
	for _, o := range outs {
		out = append(out, output{path: filepath.Join(outDir, o.Name), data: o.Data})
	}
	return out, nil
}

// noticeFlags are the flags ics, status and milestones share.
type noticeFlags struct {
	calendarFlags
	strict bool
}

func (nf *noticeFlags) register(fs *flag.FlagSet) {
	nf.calendarFlags.register(fs)
	fs.BoolVar(&nf.strict, "strict", false, "treat deadline warnings (a conclusion notice dated late or before its session) as errors")
}

// parseNotice parses the flags; it returns errCalHelp for -h and a usage error when no input is given.
func parseNotice(fs *flag.FlagSet, args []string, usage string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: vanban "+usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errCalHelp
		}
		return usagef("%s", err.Error())
	}
	if fs.NArg() == 0 {
		return usagef("no input; usage: vanban %s", usage)
	}
	for _, a := range fs.Args() {
		if _, err := os.Stat(a); err != nil {
			return usagef("%s: %v", a, err)
		}
	}
	return nil
}

// loadSet loads the inputs; a plan file stands for its whole directory (the plan and its session files).
func (nf *noticeFlags) loadSet(cmd string, args []string, stderr io.Writer) (*notice.Set, error) {
	cal, err := nf.calendar(cmd)
	if err != nil {
		return nil, usagef("%s", err.Error())
	}
	var paths []string
	for _, a := range args {
		if st, err := os.Stat(a); err == nil && !st.IsDir() {
			if data, err := os.ReadFile(a); err == nil && notice.PeekKind(data) == plan.Kind {
				a = filepath.Dir(a)
			}
		}
		paths = append(paths, a)
	}
	s, err := notice.Load(notice.Options{Calendar: cal, StrictDeadlines: nf.strict}, paths...)
	if err != nil {
		return nil, err
	}
	for _, w := range s.Warnings {
		fmt.Fprintf(stderr, "cảnh báo / warning: %s\n", w)
	}
	return s, nil
}

func runICS(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ics", flag.ContinueOnError)
	var nf noticeFlags
	nf.register(fs)
	out := fs.String("out", "", "the .ics `FILE` to write")
	name := fs.String("name", "", "calendar name (default: the plan's summary)")
	if err := parseNotice(fs, args, "ics --out FILE [--strict] PLAN_OR_DIR…", stderr); err != nil {
		if err == errCalHelp {
			return nil
		}
		return err
	}
	if *out == "" {
		return usagef("--out FILE is required")
	}
	s, err := nf.loadSet("ics", fs.Args(), stderr)
	if err != nil {
		return err
	}
	if len(s.Plans) == 0 {
		return fmt.Errorf("vanban ics: không có kế hoạch nào trong %s / no plan in the input", strings.Join(fs.Args(), " "))
	}
	var b bytes.Buffer
	if err := s.WriteICS(&b, *name); err != nil {
		return fmt.Errorf("vanban ics: %v", err)
	}
	if err := templates.WriteFile(*out, b.Bytes()); err != nil {
		return fmt.Errorf("%s: không ghi được tệp / cannot write the file: %v", *out, err)
	}
	fmt.Fprintln(stdout, *out)
	return nil
}

func runStatus(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	var nf noticeFlags
	nf.register(fs)
	asOfFlag := fs.String("as-of", "", "the `DATE` (YYYY-MM-DD) of the status; default: the as_of of the follow-up file, else today")
	if err := parseNotice(fs, args, "status [--as-of DATE] [--strict] FOLLOWUP_OR_CONCLUSION_OR_DIR…", stderr); err != nil {
		if err == errCalHelp {
			return nil
		}
		return err
	}
	var asOf calendar.Date
	if *asOfFlag != "" {
		d, err := calendar.ParseDate(*asOfFlag)
		if err != nil {
			return usagef("--as-of: %v", err)
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
		return fmt.Errorf("vanban status: không có nhiệm vụ nào (cần tệp kind: conclusion hoặc kind: followup) / no assignments (give kind: conclusion or kind: followup files)")
	}
	return notice.WriteStatusTable(stdout, asOf, ss)
}

func runMilestones(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("milestones", flag.ContinueOnError)
	var nf noticeFlags
	nf.register(fs)
	if err := parseNotice(fs, args, "milestones [--strict] PLAN_OR_DIR…", stderr); err != nil {
		if err == errCalHelp {
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
		return fmt.Errorf("vanban milestones: không có buổi đối thoại nào có ngày (cần tệp kind: session, hoặc ngày trong kế hoạch) / no dated session (add kind: session files, or dates in the plan)")
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NGÀY\tTHỨ\tBUỔI\tVIỆC\tCĂN CỨ")
	for _, m := range ms {
		when := notice.ShortDate(m.Date)
		if m.End != m.Date {
			when += " – " + notice.ShortDate(m.End)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", when, calendar.WeekdayName(m.Date), m.SessionID, m.Title, clipRule(m.Rule))
	}
	return tw.Flush()
}

func clipRule(s string) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return string(r)
}
