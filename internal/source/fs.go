package source

import (
	"errors"
	"io/fs"

	"github.com/vanban/vanban/internal/fsread"
)

// ReadFS reads the file name of fsys like ReadFile: a regular file of at most MaxSize bytes, checked before it
// is opened, returned as UTF-8 text (Text). Its errors are Errors whose cause (Unwrap) is the fs error, so
// errors.Is(err, fs.ErrNotExist) holds for a missing file.
func ReadFS(fsys fs.FS, name string) ([]byte, error) {
	data, err := fsread.ReadFS(fsys, name, MaxSize)
	if err != nil {
		var fe *fsread.Error
		if errors.As(err, &fe) {
			return nil, Errors{{File: name, VI: fe.VI, EN: fe.EN, Err: err}}
		}
		return nil, Errors{{File: name, VI: "không đọc được tệp: " + err.Error(), EN: "cannot read file: " + err.Error(), Err: err}}
	}
	text, e := Text(name, data)
	if e != nil {
		return nil, Errors{e}
	}
	if len(text) > MaxSize {
		return nil, Errors{tooBig(name)}
	}
	return text, nil
}
