// Package source loads YAML input files strictly, keeping the position of every value, and reports every mistake
// with its file:line:col, its field path and a message in Vietnamese and English.
//
// Loading runs in three steps; every step runs on what decoded, whatever the errors of the steps before, and all
// the errors come back together as Errors:
//
//  1. Decode walks the yaml.v3 node tree into Go values. Unknown keys, duplicate keys, merge keys, values of the
//     wrong kind (a string where a list is expected, a word where a number is expected, a bad date) and several
//     YAML documents in one file are errors. Anchors and aliases are supported with a limit on how much an alias
//     may expand (no "billion laughs"); files above MaxSize are refused. A type that decodes itself sees its
//     value with the aliases resolved, like every other field. Every string (value or key) must hold only
//     characters XML 1.0 allows, as the .docx files are XML: a control character that a double-quoted escape
//     such as "\x01" puts in a value is an error at that value, naming the character (U+0001).
//  2. Validate applies the validator/v10 struct tags. Field names in the error paths are the yaml names.
//  3. The caller adds its cross-field rules with (*Source).Errorf at a field path's position, e.g.
//     src.Errorf("sessions[1].month", "…", "…").
//
// Steps 2 and 3 leave out the errors at or under a field path where decoding failed ((*Source).Filter,
// DecodeFailed): a value that failed to decode is zero or half-filled, and "a value is required" next to
// "expected an integer" is noise. A misspelt key counts as a failure at the key it resembles ("sumary" →
// "summary"). Only a file that does not parse as YAML at all stops at its syntax error: the line yaml.v3 gives,
// a column where the line shows it (a tab, an unclosed quote, a second ": "), yaml.v3's text in English and an
// explanation of the common cases in Vietnamese; a control character or NUL byte in the file, which YAML
// refuses, is reported at its line and column. Load runs steps 1 and
// 2; a caller with cross-field rules filters them itself: errs = append(errs, src.Filter(check())...).
//
// Before decoding, the bytes become UTF-8 text (Text): a byte order mark is dropped, UTF-16 with its byte order
// mark is converted, CRLF becomes LF, positions unchanged; a file in an old Vietnamese encoding is refused at
// its first invalid byte, naming the encoding. Integers may be quoted or have leading zeros ("08" is 8, 010 is
// ten, not octal). A calendar.Date outside calendar.SupportedRange is an error at its value. A one-line list
// whose commas split an entry and a text cut by " #" are warnings (Source.Warnings). At most MaxErrors errors
// are returned per file (Cap), the others counted in one last line.
//
// Field paths use yaml names and 0-based indexes: "sessions[1].quarter", "recipients[0]".
//
// Types that implement yaml.Unmarshaler (such as calendar.Date) or encoding.TextUnmarshaler decode themselves;
// their error becomes a positioned Error. An unmarshaler may return a *Message to give both languages.
package source
