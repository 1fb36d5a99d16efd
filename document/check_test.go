package document

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/docxcheck"
)

// checkDocx runs the Open XML validator and LibreOffice on a rendered file: no validator errors, and in the
// PDF text the header is two columns side by side (the left and right headings on one line).
func checkDocx(t *testing.T, path string) {
	t.Helper()
	docxcheck.Validate(t, path)
	pdf := docxcheck.ConvertPDF(t, path)
	text := docxcheck.PDFText(t, pdf)
	var left, right string
	switch {
	case strings.Contains(text, "ĐẢNG CỘNG SẢN VIỆT NAM"):
		left, right = "ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG CỘNG SẢN VIỆT NAM"
	default:
		left, right = "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, left) && strings.Contains(line, right) && strings.Index(line, left) < strings.Index(line, right) {
			return
		}
	}
	t.Errorf("%s: the header is not two columns (%q and %q not on one line):\n%s", path, left, right, firstLines(text, 12))
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
