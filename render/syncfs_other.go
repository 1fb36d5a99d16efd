//go:build !linux

package render

import "errors"

// syncFS is syncfs(2), which only Linux has: elsewhere the staged outputs are flushed file by file.
func syncFS(string) error { return errors.ErrUnsupported }
