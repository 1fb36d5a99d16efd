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
		b.WriteString(cut(e.Tag, 80))
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	if e.Context != "" {
		// cut by bytes (at a rune boundary): the context may be a whole
		// paragraph of megabytes, shared by many errors
		ctx := e.Context
		if len(ctx) > 240 {
			ctx = cut(ctx, 237)
		}
		fmt.Fprintf(&b, " (trong đoạn / in paragraph %q)", ctx)
	}
	return b.String()
}

// TemplateErrors holds the TemplateErrors of a template; Parse returns it
// (as error) when the template has at least one. At most Limits.MaxErrors
// are listed; More counts the others.
type TemplateErrors struct {
	File   string // the template's file name when known (ParseFile, Named)
	Errors []*TemplateError
	More   int // errors found beyond Limits.MaxErrors, not listed
}

func (e *TemplateErrors) Error() string {
	prefix := "template: "
	if e.File != "" {
		prefix = "template " + e.File + ": "
	}
	return listErrors(prefix, e.Errors, e.More)
}

// Unwrap gives access to the single errors for errors.As / errors.Is.
func (e *TemplateErrors) Unwrap() []error { return asErrors(e.Errors) }

// errorList collects template errors up to max, counting the rest.
type errorList struct {
	max  int
	errs []*TemplateError
	more int
}

func (l *errorList) add(errs ...*TemplateError) {
	for _, e := range errs {
		if l.max > 0 && len(l.errs) >= l.max {
			l.more++
			continue
		}
		l.errs = append(l.errs, e)
	}
}

// listErrors prints one error after prefix, or their count and one per
// line, then how many more there are.
func listErrors[E error](prefix string, errs []E, more int) string {
	if len(errs) == 1 && more == 0 {
		return prefix + errs[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s%d lỗi / errors:", prefix, len(errs)+more)
	for _, x := range errs {
		b.WriteString("\n\t")
		b.WriteString(x.Error())
	}
	if more > 0 {
		fmt.Fprintf(&b, "\n\tvà %d lỗi khác / and %d more", more, more)
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
	ErrMissingField = errors.New("thiếu dữ liệu / missing field")
	// ErrInvalidChar: a value holds a character XML 1.0 forbids (see StripInvalidChars).
	ErrInvalidChar = errors.New("ký tự không được phép trong XML / character not allowed in XML")
	// ErrNotPrintable: a field's value is a list, map or struct, which only
	// a section can use.
	ErrNotPrintable = errors.New("giá trị không in được / value is not printable")
	// ErrRepeatedNote: a section would repeat a footnote or endnote
	// reference (Word wants each note referenced once).
	ErrRepeatedNote = errors.New("tham chiếu chú thích bị lặp / footnote or endnote reference repeated")
	// ErrTooLarge: a template exceeds the configured Limits (size, zip
	// entries, markup, tags, section nesting depth).
	ErrTooLarge = errors.New("mẫu vượt giới hạn / template too large")
	// ErrNotDocx: the file is not a .docx package (not a zip, or without
	// [Content_Types].xml, _rels/.rels or a main document).
	ErrNotDocx = errors.New("không phải tệp .docx / not a .docx file")
	// ErrUnsafePackage: the package holds an entry name that is unsafe or
	// ambiguous ("..", an absolute path, a backslash, a name differing only
	// in case from another), or macros.
	ErrUnsafePackage = errors.New("gói .docx không an toàn / unsafe .docx package")
	// ErrNamespace: a filled part binds the WordprocessingML namespace in a
	// way the engine cannot read (as the default namespace, to several
	// prefixes, or not at all).
	ErrNamespace = errors.New("không gian tên WordprocessingML không đọc được / unreadable WordprocessingML namespace")
	// ErrRenderLimit: rendering would exceed Limits.MaxOutput or
	// Limits.MaxIterations (sections nested over lists multiply).
	ErrRenderLimit = errors.New("kết quả vượt giới hạn / render exceeds a limit")
	// ErrExternalRelationship: reported by Check for each relationship that
	// points outside the package (a hyperlink, a linked picture); Parse
	// and Render accept them.
	ErrExternalRelationship = errors.New("liên kết ra ngoài gói / relationship to a target outside the package")
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
	if e.Path == "" {
		return fmt.Sprintf("render %s: %s: %v", e.Part, e.Tag, e.Err)
	}
	return fmt.Sprintf("render %s: field %q (tag %s): %v", e.Part, e.Path, e.Tag, e.Err)
}

func (e *RenderError) Unwrap() error { return e.Err }

// RenderErrors holds every RenderError of one render (or Check): each path
// is reported once per part and kind of problem, even when it fails in
// every item of a list. Render and Check return it (as error) when the data
// has at least one problem; errors.As finds each *RenderError and errors.Is
// the sentinels.
type RenderErrors struct {
	File   string // the template's file name when known (ParseFile, Named)
	Errors []*RenderError
	More   int // problems found beyond Limits.MaxErrors, not listed
}

func (e *RenderErrors) Error() string {
	prefix := "render: "
	if e.File != "" {
		prefix = "render " + e.File + ": "
	}
	if len(e.Errors) == 1 && e.More == 0 {
		if e.File != "" {
			return e.File + ": " + e.Errors[0].Error()
		}
		return e.Errors[0].Error() // it says "render" already
	}
	return listErrors(prefix, e.Errors, e.More)
}

// Unwrap gives access to the single errors for errors.As / errors.Is.
func (e *RenderErrors) Unwrap() []error { return asErrors(e.Errors) }
