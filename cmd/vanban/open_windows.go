//go:build windows

package main

import "os/exec"

// openBrowser opens url in the default browser.
func openBrowser(url string) error {
	return exec.Command("rundll32", "url.dll,FileProtocolHandler", url).Start()
}

// defaultArgs is the command run when vanban.exe is started without arguments (a double-click in Explorer):
// the page of the current folder, opened in the browser.
func defaultArgs() []string { return []string{"serve", "--open", "."} }
