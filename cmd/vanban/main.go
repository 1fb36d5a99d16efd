// Command vanban turns YAML descriptions of a citizen-dialogue plan and its sessions into the official .docx
// documents of the cycle, and answers working-day questions on the Vietnamese calendar.
//
// Usage:
//
//	vanban <command> [flags] [arguments]
//
// Run "vanban help" for the list of commands. Exit status: 0 success, 1 bad data, 2 bad usage.
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
			fmt.Fprintf(stderr, "vanban: internal error (please report): %v\n", r)
			status = 1
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
		fmt.Fprintf(stderr, "vanban: unknown command %q; run \"vanban help\"\n", args[0])
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

// parseFlags parses a command's flags. On a mistake it prints nothing and returns a one-line usage error that
// points to -h; on -h it prints the command's usage and returns flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return err
	default:
		return usagef("%s (see \"%s -h\")", err, fs.Name())
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "vanban: official documents of the citizen-dialogue cycle, and Vietnamese working days")
	fmt.Fprintln(w, "\nUsage: vanban <command> [flags] [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"vanban <command> -h\" for a command's flags.")
	fmt.Fprintln(w, "Exit status: 0 success, 1 bad data, 2 bad usage.")
}
