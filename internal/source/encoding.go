package source

import "github.com/vanban/vanban/internal/fsread"

// Text turns the bytes of an input file into the UTF-8 text the decoder reads (fsread.Text: a byte order mark
// dropped, UTF-16 converted, CRLF made LF, positions unchanged); a file that is not UTF-8 is an Error at its
// first invalid byte naming the likely old Vietnamese encoding and the way to save it as UTF-8.
func Text(file string, data []byte) ([]byte, *Error) {
	text, err := fsread.Text(data)
	if err != nil {
		return nil, &Error{File: file, Line: err.Line, Col: err.Col, VI: err.VI, EN: err.EN}
	}
	return text, nil
}
