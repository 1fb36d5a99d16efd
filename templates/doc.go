// Package templates fills .docx templates with data: a docxtemplater-class
// engine built on github.com/nguyenthenguyen/docx.
//
// # Syntax
//
// Placeholders are typed in Word as plain text (see SYNTAX.md for more):
//
//	{{name}}            field: the value at a path
//	{{issuer.name}}     dotted path into structs and maps
//	{{#items}}…{{/items}}  section: repeated for each item of a list (the item
//	                    becomes the scope; outer names stay visible), kept once
//	                    when a bool/string/number/struct/map is truthy
//	{{^items}}…{{/items}}  inverted section: kept when the value is false,
//	                    zero, empty or nil
//	{{.}}               the current item itself (lists of strings)
//	{{/}}               closes the innermost open section (as docxtemplater's {/})
//
// Delimiters("{", "}") (or any other pair) replaces the double braces, so
// templates written for docxtemplater ({name}, {#items}…{/items}, {/}) run
// unchanged.
//
// Spaces inside the braces are allowed ({{ name }}, {{# items }}). Names
// are letters, digits, '_' and '-'; paths join names with '.'. A struct
// field is found by its Go name or by its `docx:"name"` tag; maps need
// string keys; pointers and interfaces are followed. Inside a section a
// name is looked up in the current item first, then outwards.
//
// Where a section's content is decided by where its tags stand:
//   - both tags in the same paragraph: the runs between them repeat inside
//     that paragraph (inline); a body paragraph holding nothing but one such
//     section vanishes when the section renders nothing;
//   - each tag alone in its own paragraph, both at the same level: the
//     paragraphs (and tables) between them repeat and the tag paragraphs
//     vanish, leaving no empty line. A tag paragraph that also holds other
//     content (a picture, a tab, a page break, a field, a footnote
//     reference, …) follows the section, as in docxtemplater: repeated
//     with each item, dropped when the section renders nothing; only the
//     tag's text is removed. A tag paragraph holding a section break
//     (w:sectPr) is the exception: it stays, once, outside the section, so
//     no section break is ever lost. A paragraph holding a whole inline
//     section stays when it holds other content outside the section;
//   - tags in different cells of the same table (the opening tag in one
//     cell, the closing tag in another cell of the same or a later row):
//     those whole rows repeat; the tags' text is removed from the cells.
//     Two such sections side by side over the same rows are an error
//     (they would multiply each other's rows);
//   - otherwise, tags at the same nesting depth (the end of one paragraph,
//     the start of a later one, both tags in one table cell): the XML
//     between them repeats. When that XML ends inside a paragraph holding a
//     section break and the section renders nothing, the break moves to
//     the opening tag's paragraph (which then ends the section). Anything
//     else is a template error.
//
// What is left stays a document Word opens: a table with no row left is
// removed; a table cell, header, footer, footnote, endnote or text box whose
// last paragraph vanished gets an empty one (the body is left as it is:
// CT_Body may end with a table); a bookmark in a vanishing tag paragraph is
// kept between the paragraphs around it.
//
// Word's editing leaves placeholders split over several runs, interrupted
// by proofing marks, bookmarks, revision marks or rendered page breaks;
// they are still found (all text of a paragraph is read as one stream).
// Deleted revisions (w:del) are ignored; inserted ones (w:ins) count.
// Smart quotes around a tag (“{{name}}”) stay as text.
//
// Values are XML-escaped and normalised to NFC. "\n" becomes a line break
// (<w:br/>), "\t" a tab (<w:tab/>), both placed between <w:t> elements as the
// schema requires. A character XML 1.0 forbids is an error naming the
// field, unless StripInvalidChars is given. Numbers, bools and fmt.Stringer
// values are printed with fmt; a list, map or struct in a field is an error
// (ErrNotPrintable) telling to use a section. A RichText value becomes one run per Span,
// keeping the placeholder run's properties and adding bold, italic or
// underline.
//
// Word parts filled: the main document named by the package relationships
// (_rels/.rels: word/document.xml, or word/document2.xml as Word for the
// web saves it), the headers, footers, footnotes and endnotes its own
// relationships name, and word/header*.xml, word/footer*.xml,
// word/footnotes.xml and word/endnotes.xml. Every other part is copied
// unchanged. The WordprocessingML namespace is found by its URI: a part
// that binds it to another prefix than w: is read as if it used w: (and
// written so); one binding it as the default namespace, or to several
// prefixes, is refused (a template error naming the part), never left
// unfilled.
//
// Repeated content never duplicates ids Word requires to be unique:
// bookmarks, comment marks (w:commentRangeStart/End, w:commentReference),
// move ranges and permission ranges inside repeated content are removed
// together with their other ends (the comment stays in comments.xml, no
// longer anchored); a footnote or endnote reference that a section would
// repeat (two items or more) fails the render (ErrRepeatedNote), since the
// copies would point to one note; drawing ids (wp:docPr, pic:cNvPr) and revision ids
// (w:ins, w:del, …) are renumbered from the largest the template uses; the
// optional ids Word assigns itself are dropped from the copies: content
// control ids (w:sdtPr/w:id), w14:paraId/textId of paragraphs and rows,
// wp14:anchorId/editId of drawings.
//
// # Errors
//
// Parse reports the template errors at once as *TemplateErrors (the first
// Limits.MaxErrors, then "và N lỗi khác / and N more"); each
// *TemplateError names the part, the tag and the text of the paragraph that
// holds it. Every *.xml and *.rels part is checked to be well-formed XML
// (entities, attribute quoting, tag nesting); each problem is a
// TemplateError with its line and the markup around it. A zip entry whose
// CRC or declared size does not match its data is refused, naming the part. Render reports every problem of the data at once as
// *RenderErrors: one *RenderError, naming the part, the field path and the
// tag, for each path the data lacks (ErrMissingField; AllowMissing renders
// it blank instead) or whose value holds a forbidden character
// (ErrInvalidChar); a path failing in every item of a list is reported
// once. Fields lists what a template uses and Check validates data against
// it without writing a document; Check also reports each relationship that
// points outside the package (ErrExternalRelationship: hyperlinks, linked
// pictures), which Parse and Render accept; External lists them. Errors
// wrap their causes with %w, so errors.Is(err, ErrMissingField) holds
// through callers that wrap them in turn. ParseFile (or the Named option)
// puts the template's file name in every error.
//
// # Limits
//
// Every limit is a field of Limits, set with WithLimits; each has a safe
// default (DefaultLimits), and each refusal names the template, the part
// and the place (the tag or the paragraph), and writes nothing:
//
//	MaxCompressed   64 MiB     the .docx file, checked with Stat before it is read
//	MaxPart         64 MiB     one part, uncompressed (declared size, before expanding)
//	MaxTotal        256 MiB    all parts, uncompressed
//	MaxEntries      10,000     zip entries
//	MaxMarkup       2,000,000  markup tokens of one filled part, while tokenizing
//	MaxTagsPerPart  50,000     tags in one part, while scanning
//	MaxTags         200,000    tags in all parts, while scanning
//	MaxDepth        100        sections nested in one another, while scanning
//	MaxErrors       100        errors listed, the rest counted
//	MaxOutput       128 MiB    XML one render writes, while rendering (ErrRenderLimit)
//	MaxIterations   1,000,000  section bodies one render repeats, while rendering (ErrRenderLimit)
//
// Nothing in compiling or rendering recurses deeper than MaxDepth, so a
// template nested 300,000 deep is refused in milliseconds instead of
// overflowing the stack; nine sections nested over one 8-item list (8^9
// copies) stop at MaxIterations. The package itself is checked: entry
// names with "..", "." or empty segments, absolute paths, drive letters,
// backslashes or control characters, names differing only in case (part
// names are case-insensitive), macros (vbaProject.bin, a macro-enabled
// content type) are refused (ErrUnsafePackage); [Content_Types].xml,
// _rels/.rels and the main document they name are required (ErrNotDocx).
// Directory entries name no part and are left out of the output.
// ParseFile reads only a regular file (not a FIFO or /dev/zero), its size
// checked before it is read; ReadFile reads a file the same way for a
// caller that needs the bytes (a command line's --template); ParseFS
// refuses files that are neither regular nor directories and checks the
// sizes before reading.
//
// RenderContext, ExecuteContext and CheckContext take a context.Context,
// checked while sections repeat: a cancelled render stops promptly with an
// error wrapping ctx.Err(). Execute and ExecuteContext write the document
// to an io.Writer only once it is complete.
//
// # Worked example
//
// A letter whose document.xml holds these paragraphs (as typed in Word):
//
//	Kính gửi: {{recipient.name}}
//	{{#items}}
//	{{no}}. {{title}} – {{#urgent}}KHẨN{{/urgent}}{{^urgent}}thường{{/urgent}}
//	{{/items}}
//	{{^items}}Không có nội dung.{{/items}}
//
// and a table whose single row holds {{#staff}}{{name}} | {{role}}{{/staff}},
// rendered with
//
//	type Item struct {
//		No     int    `docx:"no"`
//		Title  string `docx:"title"`
//		Urgent bool   `docx:"urgent"`
//	}
//	data := map[string]any{
//		"recipient": map[string]string{"name": "Sở Nội vụ"},
//		"items":     []Item{{1, "Báo cáo", true}, {2, "Kế hoạch", false}},
//		"staff":     []map[string]string{{"name": "An", "role": "Trưởng phòng"}},
//	}
//	tpl, err := templates.ParseFile("letter.docx")
//	…
//	out, err := tpl.Render(data)
//	…
//	err = templates.WriteFile("out.docx", out)
//
// gives "Kính gửi: Sở Nội vụ", then "1. Báo cáo – KHẨN" and
// "2. Kế hoạch – thường" as two paragraphs (the {{#items}} and {{/items}}
// paragraphs vanish), no "Không có nội dung." paragraph (nor an empty one),
// and one table row per staff member.
//
// # Safety and speed
//
// A Template is compiled once (each part becomes a list of literal byte
// chunks, fields and sections) and is safe for concurrent Render calls;
// rendering never changes it. Output is deterministic: entries keep the
// template's order and carry a fixed date. Unchanged parts are copied
// compressed as they are, after one check at Parse. Every rendered document
// is checked before it is returned: each write error is returned, and the
// zip is re-opened. Well-formedness is settled before that: every part was
// checked at Parse, values are escaped, and the fuzzers check that whatever
// renders is well-formed; VerifyStrict re-checks it on each output (tag
// balance and encoding/xml) and decompresses every entry, at about three
// times the cost of a render; SkipVerify removes the check.
// Templates read by Parse, ParseFile and ParseFS are size-limited (Limits,
// WithLimits) so a zip bomb is refused before it is expanded. WriteFile
// writes atomically (temporary file, fsync, rename).
//
// ParseFS builds a template from an unzipped package directory (as the
// embedded layouts are stored).
//
// # Use of github.com/nguyenthenguyen/docx
//
// Parse opens the package with docx.ReadDocxFromMemory and takes the main
// document (the part _rels/.rels names, handed to the dependency under the
// name word/document.xml it expects) from its Editable().GetContent(). Two of the
// dependency's weak spots are wrapped there: it inflates every header, footer
// and rels part and never closes the readers it opens (about 40 KB of garbage
// a part), and it refuses a package without word/_rels/document.xml.rels,
// which the OPC rules allow; so it is handed a view of the package holding
// only the main document, copied compressed as it is, and an empty
// relationships part (see openMainDocument). Its Replace/Write path is not
// used: it misses placeholders split across runs, puts <w:br/> inside <w:t>,
// shares header maps between copies and ignores write errors. Headers,
// footers, footnotes and endnotes are read from the zip directly because the
// dependency keeps them in unexported maps (footnotes not at all), and the
// output zip is written by this package so that errors surface and unchanged
// parts are copied raw.
// VerifyStrict re-opens every rendered document with the dependency too
// and checks that it reads the main document that was written.
package templates
