// Package fsread reads an input file under bounds: regular files only (a directory, a FIFO, /dev/stdin, a device
// or a socket is refused before it is opened, so nothing can hang or stream without end), and at most a given
// size, checked with Stat before reading and enforced while reading (the file may grow in between).
//
// Every file vanban reads goes through Read: the YAML inputs, the files a YAML names (plan:), the --schedule
// files and the calendar schedule files. Its errors carry a Vietnamese and an English text, for the callers
// that report both.
package fsread

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Error is a file that cannot be read, with the reason in Vietnamese and English.
type Error struct {
	Path   string
	VI, EN string
	Err    error // the underlying error, if any
}

func (e *Error) Error() string { return e.Path + ": " + e.VI + " / " + e.EN }

// Unwrap returns the underlying error (fs.ErrNotExist, …).
func (e *Error) Unwrap() error { return e.Err }

// ErrTooLarge is wrapped by the Error for a file above the limit, ErrNotRegular by the Error for a file that is
// not a regular file,
// ErrNotExist (fs.ErrNotExist) by the Error for a missing file.
var (
	ErrTooLarge   = errors.New("file too large")
	ErrNotRegular = errors.New("not a regular file")
	ErrNotExist   = fs.ErrNotExist
)

// kindName names a file mode that is not a regular file.
func kindName(m fs.FileMode) (vi, en string) {
	switch {
	case m.IsDir():
		return "một thư mục", "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "một đường ống (FIFO)", "a pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "một socket", "a socket"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "một thiết bị", "a device"
	}
	return "không phải tệp thường", "not a regular file"
}

// Check returns nil when path names a regular file of at most max bytes (symbolic links followed), else an
// *Error saying why not.
func Check(path string, max int64) error {
	fi, err := os.Stat(path)
	if err != nil {
		return openError(path, err)
	}
	return checkInfo(path, fi, max)
}

func checkInfo(path string, fi fs.FileInfo, max int64) error {
	if !fi.Mode().IsRegular() {
		vi, en := kindName(fi.Mode())
		return &Error{Path: path, Err: ErrNotRegular,
			VI: fmt.Sprintf("%s, không phải tệp thường; chỉ đọc được tệp thường", vi),
			EN: fmt.Sprintf("%s, not a regular file; only regular files are read", en)}
	}
	if fi.Size() > max {
		return tooLarge(path, max)
	}
	return nil
}

func tooLarge(path string, max int64) *Error {
	return &Error{Path: path, Err: ErrTooLarge,
		VI: fmt.Sprintf("tệp quá lớn (tối đa %d byte)", max),
		EN: fmt.Sprintf("file too large (at most %d bytes)", max)}
}

func openError(path string, err error) *Error {
	var pe *fs.PathError
	msg := err
	if errors.As(err, &pe) {
		msg = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return &Error{Path: path, Err: err, VI: "không có tệp này", EN: "no such file"}
	}
	if errors.Is(err, fs.ErrPermission) {
		return &Error{Path: path, Err: err, VI: "không có quyền đọc tệp", EN: "permission denied"}
	}
	return &Error{Path: path, Err: err, VI: "không mở được tệp: " + msg.Error(), EN: "cannot open file: " + msg.Error()}
}

// Read returns the content of the regular file at path, of at most max bytes. The file is checked with Stat
// before it is opened (no FIFO or device is ever opened), checked again once open, and read through a
// LimitReader, so a file that grows while it is read is refused too. Its errors are *Error.
func Read(path string, max int64) ([]byte, error) {
	if err := Check(path, max); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, openError(path, err)
	}
	if err := checkInfo(path, fi, max); err != nil { // replaced between Stat and Open
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &Error{Path: path, Err: err, VI: "không đọc được tệp: " + err.Error(), EN: "cannot read file: " + err.Error()}
	}
	if int64(len(data)) > max {
		return nil, tooLarge(path, max)
	}
	return data, nil
}

// ReadAll reads at most max bytes from r; more is an *Error (ErrTooLarge) naming name.
func ReadAll(name string, r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &Error{Path: name, Err: err, VI: "không đọc được: " + err.Error(), EN: "cannot read: " + err.Error()}
	}
	if int64(len(data)) > max {
		return nil, tooLarge(name, max)
	}
	return data, nil
}

// ReadFS is Read for the file name of fsys: it is checked with fs.Stat before it is opened (a regular file of at
// most max bytes), then read through a LimitReader.
func ReadFS(fsys fs.FS, name string, max int64) ([]byte, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, openError(name, err)
	}
	if err := checkInfo(name, fi, max); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, openError(name, err)
	}
	defer f.Close()
	return ReadAll(name, f, max)
}

// CheckFS is Check for the file name of fsys.
func CheckFS(fsys fs.FS, name string, max int64) error {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return openError(name, err)
	}
	return checkInfo(name, fi, max)
}
