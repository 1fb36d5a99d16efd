package source

import (
	"io"
	"io/fs"
)

// ReadFS reads the file name of fsys, of at most MaxSize bytes, like ReadFile; its errors are Errors whose
// cause (Unwrap) is the fs error, so errors.Is(err, fs.ErrNotExist) holds for a missing file.
func ReadFS(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, Errors{{File: name, VI: "không mở được tệp: " + err.Error(), EN: "cannot open file: " + err.Error(), Err: err}}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, Errors{{File: name, VI: "không đọc được tệp: " + err.Error(), EN: "cannot read file: " + err.Error(), Err: err}}
	}
	if len(data) > MaxSize {
		return nil, Errors{tooBig(name)}
	}
	return data, nil
}
