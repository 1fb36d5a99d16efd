package templates

import (
	"errors"
	"fmt"
	"strings"
)

// TemplateError is one problem found while compiling a template: a tag that
// is malformed, unknown, unclosed or closed by the wrong name. Part is the
// package part ("word/document.xml", "word/header1.xml", …), Tag the tag as
// typed (with its braces) and Context the text of the paragraph that holds
// it, so a person can find it in Word with Ctrl+F.
//
// A part that is not well-formed XML (a bare "&", a broken start tag, an
// unknown entity, …) is reported with Line set: the line of the part where
// the problem is, Context then being the markup around it.
type TemplateError struct {
	Part    string
	Tag     string
	Context string
	Message string
	Line    int // for XML errors: 1-based line in the part; 0 otherwise
}

func (e *TemplateError) Error() string {
	var b strings.Builder
	b.WriteString(e.Part)
	if e.Line > 0 {
		fmt.Fprintf(&b, ": line %d: not well-formed XML: %s", e.Line, e.Message)
		if e.Context != "" {
			fmt.Fprintf(&b, " (near %q)", e.Context)
		}
		return b.String()
	}
	if e.Tag != "" {
		b.WriteString(": ")
		b.WriteString(e.Tag)
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	if e.Context != "" {
		ctx := e.Context
		if r := []rune(ctx); len(r) > 80 {
			ctx = string(r[:77]) + "..."
		}
		fmt.Fprintf(&b, " (in paragraph %q)", ctx)
	}
	return b.String()
}

// TemplateErrors holds every TemplateError of a template; Parse returns it
// (as error) when the template has at least one.
type TemplateErrors struct {
	Errors []*TemplateError
}

func (e *TemplateErrors) Error() string { return listErrors("template: ", e.Errors) }

// Unwrap gives access to the single errors for errors.As / errors.Is.
func (e *TemplateErrors) Unwrap() []error { return asErrors(e.Errors) }

// listErrors prints one error after prefix, or their count and one per line.
func listErrors[E error](prefix string, errs []E) string {
	if len(errs) == 1 {
		return prefix + errs[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s%d errors:", prefix, len(errs))
	for _, x := range errs {
		b.WriteString("\n\t")
		b.WriteString(x.Error())
	}
	return b.String()
}

func asErrors[E error](errs []E) []error {
	out := make([]error, len(errs))
	for i, x := range errs {
		out[i] = x
	}
	return out
}

// Sentinel errors wrapped by *RenderError.
var (
	// ErrMissingField: the data has no value for a field or section path.
	ErrMissingField = errors.New("missing field")
	// ErrInvalidChar: a value holds a character XML 1.0 forbids (see StripInvalidChars).
	ErrInvalidChar = errors.New("character not allowed in XML")
	// ErrNotPrintable: a field's value is a list, map or struct, which only
	// a section can use.
	ErrNotPrintable = errors.New("value is not printable")
	// ErrRepeatedNote: a section would repeat a footnote or endnote
	// reference (Word wants each note referenced once).
	ErrRepeatedNote = errors.New("footnote or endnote reference repeated")
	// ErrTooLarge: a template exceeds the configured Limits.
	ErrTooLarge = errors.New("template too large")
)

// RenderError is a problem found while filling a template with data. It
// names the part, the field path (as written in the template, e.g.
// "issuer.name") and the tag as typed, and wraps ErrMissingField or
// ErrInvalidChar.
type RenderError struct {
	Part string
	Path string
	Tag  string
	Err  error
}

func (e *RenderError) Error() string {
	return fmt.Sprintf("render %s: field %q (tag %s): %v", e.Part, e.Path, e.Tag, e.Err)
}

func (e *RenderError) Unwrap() error { return e.Err }

// RenderErrors holds every RenderError of one render (or Check): each path
// is reported once per part and kind of problem, even when it fails in
// every item of a list. Render and Check return it (as error) when the data
// has at least one problem; errors.As finds each *RenderError and errors.Is
// the sentinels.
type RenderErrors struct {
	Errors []*RenderError
}

func (e *RenderErrors) Error() string {
	if len(e.Errors) == 1 {
		return e.Errors[0].Error() // it says "render" already
	}
	return listErrors("render: ", e.Errors)
}

// Unwrap gives access to the single errors for errors.As / errors.Is.
func (e *RenderErrors) Unwrap() []error { return asErrors(e.Errors) }
