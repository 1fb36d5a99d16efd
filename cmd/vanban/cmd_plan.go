package main

// vanban validate: check input files (plans, session files, … by their kind) without writing anything.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/vanban/vanban/problem"
	"github.com/vanban/vanban/render"
)

// validateUsage is the command line of validate, in its summary (vanban help), its -h and the README.
const validateUsage = "validate [--strict] [--template [party=|state=]FILE] FILE_OR_DIR…"

func init() {
	register(command{
		name:    "validate",
		summary: "kiểm tra các tệp YAML, không ghi gì / check YAML plans and session files: " + validateUsage,
		run:     runValidate,
	})
}

// runValidate checks each file with the renderer of its kind (everything is rendered in memory, nothing is
// written) and prints "FILE: OK" for each valid file. Warnings go to stderr. The errors of all the files are
// returned together, one per line (exit status 1).
func runValidate(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("validate", flag.ContinueOnError)
	files, opts, err := renderArgs(fset, args, validateUsage, stderr, nil)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	rep, err := render.Run(context.Background(), render.Discard, opts, files...)
	for _, f := range rep.Inputs {
		switch ferr := rep.Failed[f]; {
		case ferr == nil:
			fmt.Fprintf(stdout, "%s: OK\n", f)
		case elsewhere(ferr, f):
			// Its own text is fine, but a file it reads (its plan, a conclusion notice) is not: say so, so
			// that every input gets a line; the errors themselves are printed once, with their own file.
			fmt.Fprintf(stdout, "%s: phụ thuộc tệp có lỗi / depends on a file with errors\n", f)
		}
	}
	printWarnings(stderr, rep.Warnings)
	return err
}

// elsewhere reports whether every error of err is located in a file other than file.
func elsewhere(err error, file string) bool {
	var es problem.List
	if !errors.As(err, &es) || len(es) == 0 {
		return false
	}
	for _, e := range es {
		if filepath.Clean(e.File) == filepath.Clean(file) {
			return false
		}
	}
	return true
}
