// Command vanban turns YAML descriptions of a citizen-dialogue plan and its sessions into the official .docx
// documents of the cycle, and answers working-day questions on the Vietnamese calendar.
//
// Usage:
//
//	vanban <command> [flags] [arguments]
//
// Run "vanban help" for the list of commands. Flags may come before or after the file names. Exit status:
// 0 success, 1 bad data, 2 bad usage, 3 internal error (a bug: please report it).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// command is one subcommand. Each area of the tool registers its commands from its own file.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// usageError marks a mistake in how the command was called (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "vanban: lỗi nội bộ, xin báo cho người phát triển / internal error, please report it: %v\n", r)
			status = exitInternal
		}
	}()
	if len(args) == 0 {
		args = defaultArgs() // Windows: a double-click serves the current folder
	}
	if len(args) == 0 {
		printHelp(stderr) // a usage mistake: the help goes where errors go
		return 2
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "vanban: không có lệnh %q; xem \"vanban help\" / unknown command %q; run \"vanban help\"\n", args[0], args[0])
		return 2
	}
	err := c.run(args[1:], stdout, stderr)
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "vanban %s: %s\n", c.name, oneLine(err.Error()))
		return 2
	}
	fmt.Fprintf(stderr, "%s\n", strings.TrimRight(err.Error(), "\n"))
	return 1
}

// exitInternal is the exit status of an internal error (a panic: a bug of vanban, not of the input).
const exitInternal = 3

// parseFlags parses a command's flags, which may come before, between or after the other arguments
// ("render DIR --out X" as "render --out X DIR"; "--" ends the flags). On a mistake it prints nothing and
// returns a one-line bilingual usage error that points to -h; on -h it prints the command's usage and returns
// flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(flagsFirst(fs, args))
	fs.SetOutput(out)
	fs.Usage = usage
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return err
	default:
		return usagef("%s (xem / see \"%s -h\")", flagErrorText(err), fs.Name())
	}
}

// flagErrors word the errors of package flag in Vietnamese beside the English: the prefix of flag's message
// and its Vietnamese, which names the flag the same way.
var flagErrors = []struct{ en, vi string }{
	{"flag provided but not defined: ", "không có tùy chọn"},
	{"flag needs an argument: ", "thiếu giá trị sau tùy chọn"},
	{"invalid value ", "giá trị không hợp lệ"},
	{"invalid boolean value ", "giá trị đúng/sai không hợp lệ"},
	{"bad flag syntax: ", "tùy chọn viết sai"},
}

// flagErrorText returns the message of a flag parsing error as "vi / en".
func flagErrorText(err error) string {
	msg := err.Error()
	for _, f := range flagErrors {
		if rest, ok := strings.CutPrefix(msg, f.en); ok {
			if name, _, ok := strings.Cut(rest, " "); ok && f.en == "invalid value " {
				return f.vi + " " + name + " / " + msg
			}
			return f.vi + " " + rest + " / " + msg
		}
	}
	return "sai tham số dòng lệnh / " + msg
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "vanban: văn bản của chu trình đối thoại với Nhân dân, và ngày làm việc ở Việt Nam")
	fmt.Fprintln(w, "        official documents of the citizen-dialogue cycle, and Vietnamese working days")
	fmt.Fprintln(w, "\nCách dùng / usage: vanban <lệnh/command> [tùy chọn/flags] [tệp/files]\n\nCác lệnh / commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nXem tùy chọn của một lệnh / a command's flags: vanban <lệnh/command> -h")
	fmt.Fprintln(w, "Mọi lệnh trừ init và layout còn nhận / every command but init and layout also takes: --schedule FILE, --no-swaps.")
	fmt.Fprintln(w, "Tùy chọn đặt trước hay sau tên tệp đều được / flags may come before or after the file names.")
	fmt.Fprintln(w, "Mã thoát / exit status: 0 thành công / success, 1 dữ liệu sai / bad data, 2 gọi lệnh sai / bad usage,")
	fmt.Fprintln(w, "  3 lỗi nội bộ / internal error (xin báo lỗi / please report it).")
}
