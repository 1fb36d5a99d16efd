// Package problem is the error type of vanban's inputs: a mistake in a file, at its file:line:col and field
// path, told in Vietnamese and in English.
//
// Every package that reads input reports its mistakes this way: plan and notice (YAML files and values built in
// Go), calendar (schedule files) and the render entry point. A call that finds several mistakes returns them
// all together as a List, sorted by position; errors.As reaches each *Error in it:
//
//	_, err := plan.Load("plan.yaml")
//	var e *problem.Error
//	if errors.As(err, &e) {
//		fmt.Println(e.File, e.Line, e.Col, e.Path, e.EN)
//	}
//
// An Error may carry the cause it reports (Err, returned by Unwrap), so that errors.Is reaches sentinel errors
// such as fs.ErrNotExist or templates.ErrMissingField through it.
//
// A model built in Go has no file: its errors have an empty File, no line and column, and the field path of the
// value at fault ("sessions[0].quarter").
package problem

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Error is one mistake in an input, with its position and a message in Vietnamese and English.
type Error struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"` // 1-based; 0 when unknown
	Col  int    `json:"col,omitempty"`  // 1-based; 0 when unknown
	Path string `json:"path,omitempty"` // field path, e.g. "sessions[1].quarter"; "" for the whole input
	VI   string `json:"vi"`
	EN   string `json:"en"`
	// Err is the cause, when the mistake comes from another error (a file that cannot be opened, a template
	// field that is missing); Unwrap returns it. It does not show in the message (VI and EN say it).
	Err error `json:"-"`
}

// Error formats the error on one line: "plan.yaml:12:5: sessions[1].quarter: <Vietnamese> / <English>".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Col > 0 {
			b.WriteString(":" + strconv.Itoa(e.Col))
		}
	}
	if e.File != "" || e.Line > 0 {
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(oneLine(e.VI))
	if e.EN != "" && e.EN != e.VI {
		b.WriteString(" / " + oneLine(e.EN))
	}
	return b.String()
}

// Unwrap returns the cause, nil when there is none.
func (e *Error) Unwrap() error { return e.Err }

// Position returns "file:line:col" (as much of it as is known).
func (e *Error) Position() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
		if e.Col > 0 {
			s += ":" + strconv.Itoa(e.Col)
		}
	}
	return s
}

func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// New returns an error at a field path with no file position, for values built in Go.
func New(path, vi, en string) *Error { return &Error{Path: path, VI: vi, EN: en} }

// Wrap returns an error about file (no line) caused by err, with the Vietnamese and English texts followed by
// err's own text.
func Wrap(file string, err error, vi, en string) *Error {
	return &Error{File: file, VI: vi + ": " + err.Error(), EN: en + ": " + err.Error(), Err: err}
}

// List is a list of mistakes, reported together. It implements error: one line per mistake, sorted by position.
type List []*Error

// Error returns one line per error, sorted by file and position.
func (es List) Error() string {
	s := slices.Clone(es)
	s.Sort()
	lines := make([]string, len(s))
	for i, e := range s {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the errors by file, line, column, path and message, and drops exact duplicates.
func (es *List) Sort() {
	slices.SortStableFunc(*es, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Path, b.Path), cmp.Compare(a.EN, b.EN), cmp.Compare(a.VI, b.VI))
	})
	*es = slices.CompactFunc(*es, same)
}

// same reports whether two errors say the same thing at the same place (and have the same cause).
func same(a, b *Error) bool {
	return a.File == b.File && a.Line == b.Line && a.Col == b.Col && a.Path == b.Path && a.VI == b.VI && a.EN == b.EN &&
		sameCause(a.Err, b.Err)
}

func sameCause(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Error() == b.Error()
}

// Err returns nil when there are no errors, else the sorted errors (so that a nil error stays a nil interface).
func (es List) Err() error {
	if len(es) == 0 {
		return nil
	}
	s := slices.Clone(es)
	s.Sort()
	return s
}

// Unwrap lets errors.Is and errors.As reach each *Error and, through it, its cause.
func (es List) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// From returns the problems err holds: the List itself, a single *Error, or each *Error found by unwrapping
// (errors.Join, %w); any other error becomes one Error whose texts are err's and whose cause is err. It returns
// nil for a nil error.
func From(err error) List {
	if err == nil {
		return nil
	}
	switch e := err.(type) {
	case List:
		return e
	case *Error:
		return List{e}
	}
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		var out List
		for _, x := range u.Unwrap() {
			out = append(out, From(x)...)
		}
		if len(out) > 0 {
			return out
		}
	}
	var e *Error
	if errors.As(err, &e) && e.Error() == err.Error() {
		return List{e}
	}
	return List{{VI: err.Error(), EN: err.Error(), Err: err}}
}

// Message is an error with a Vietnamese and an English text and no position, for unmarshalers (the loader puts
// it at the value's position) and callers that want both languages.
type Message struct{ VI, EN string }

// Msg returns a *Message.
func Msg(vi, en string) *Message { return &Message{VI: vi, EN: en} }

func (m *Message) Error() string { return m.VI + " / " + m.EN }
