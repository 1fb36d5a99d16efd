//go:build !windows

package main

import (
	"errors"
	"os/exec"
	"runtime"
)

// openBrowser opens url in the default browser (xdg-open, or open on macOS).
func openBrowser(url string) error {
	prog := "xdg-open"
	if runtime.GOOS == "darwin" {
		prog = "open"
	}
	if _, err := exec.LookPath(prog); err != nil {
		return errors.New(prog + " not found")
	}
	return exec.Command(prog, url).Start()
}

// defaultArgs is the command run without arguments: none (the help, exit status 2) outside Windows.
func defaultArgs() []string { return nil }
