package main

// vanban fields: what a notice file can say (keys, placeholders, wording) and its values for that file
// (notice.Fields).

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/vanban/vanban/notice"
)

// fieldsUsage is the command line of fields, in its summary (vanban help), its -h and the README.
const fieldsUsage = "fields [--json] [--strict] FILE"

func init() {
	register(command{name: "fields", summary: "các khóa, chỗ thay thế và câu chữ của một tệp / keys, placeholders and wording a plan or notice file takes, with its values: " + fieldsUsage, run: runFields})
}

// fieldsHelp is the -h text of fields.
const fieldsHelp = `Liệt kê những gì một tệp kế hoạch, thông báo, kết luận, theo dõi hay lịch tiếp công dân có thể ghi: mọi
khóa, mọi chỗ thay thế {{…}} với giá trị của tệp này, và câu chữ đang dùng. docs/fields.md là bản tra cứu đầy đủ.

Lists what a plan, session, conclusion, followup or reception-schedule file can say: every key its
kind accepts, every {{placeholder}} its texts may name with its value for this file, and every key of its
wording (reworded under wording:, or false to switch a piece off) with the text in force. docs/fields.md is
the same reference for every kind, without values.`

func runFields(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fields", flag.ContinueOnError)
	var nf noticeFlags
	nf.register(fs)
	asJSON := fs.Bool("json", false, "in mảng JSON / print a JSON array of {name, kind, meaning, value}")
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng / usage: vanban "+fieldsUsage+"\n\n"+fieldsHelp)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, flagsFirst(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() != 1 {
		return usagef("cần đúng một tệp (plan, session, conclusion, followup hoặc reception-schedule) / fields takes one file (plan, session, conclusion, followup or reception-schedule); usage: vanban " + fieldsUsage)
	}
	if _, err := os.Stat(fs.Arg(0)); err != nil {
		return inputError("fields", fs.Arg(0), err)
	}
	opts, err := nf.options("fields")
	if err != nil {
		return err
	}
	fields, err := notice.Fields(notice.Options{Calendar: opts.Calendar, Render: opts.Document}, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(fields)
	}
	titles := map[string]string{notice.FieldKey: "KHÓA / KEYS", notice.FieldPlaceholder: "CHỖ THAY THẾ {{…}} / PLACEHOLDERS",
		notice.FieldWording: "CÂU CHỮ (wording:) / WORDING"}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	last := ""
	for _, f := range fields {
		if f.Kind != last {
			if last != "" {
				fmt.Fprintln(tw)
			}
			fmt.Fprintln(tw, titles[f.Kind])
			last = f.Kind
		}
		name := f.Name
		if f.Kind == notice.FieldPlaceholder {
			name = "{{" + name + "}}"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", name, clipRule(f.Value), f.Meaning)
	}
	return tw.Flush()
}

// flagsFirst moves the flags of args before the other arguments ("fields FILE --json" as "fields --json
// FILE"), keeping the value of a flag that takes one with it; "--" ends the flags.
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(append(flags, args[i:]...), rest...)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
					if i+1 < len(args) {
						i++
						flags = append(flags, args[i])
					}
				}
			}
		default:
			rest = append(rest, a)
		}
	}
	return append(flags, rest...)
}
