package main

// vanban validate: check input files (plans, session files, … by their kind) without writing anything.

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

func init() {
	register(command{
		name:    "validate",
		summary: "check YAML plans and session files: validate FILE_OR_DIR…",
		run:     runValidate,
	})
}

// runValidate checks each file with the renderer of its kind (everything is rendered in memory, nothing is
// written) and prints "FILE: OK" for each valid file. The errors of all the files are returned together, one
// per line (exit status 1).
func runValidate(args []string, stdout, stderr io.Writer) error {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprintln(stderr, "usage: vanban validate FILE_OR_DIR…\n\nA directory means every *.yaml file in it, recursively.")
		return nil
	}
	if len(args) == 0 {
		return usagef("no input files; usage: vanban validate FILE_OR_DIR…")
	}
	files, err := inputFiles(args)
	if err != nil {
		return err
	}
	var errs []string
	for _, f := range files {
		if _, err := renderFile(f, ""); err != nil {
			errs = append(errs, strings.TrimRight(err.Error(), "\n"))
			continue
		}
		fmt.Fprintf(stdout, "%s: OK\n", f)
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}
