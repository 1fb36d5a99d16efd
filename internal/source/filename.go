package source

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxFileNameRunes is the longest output file name accepted, in characters.
const MaxFileNameRunes = 120

// windowsReserved are the device names Windows reserves, with any extension ("CON.docx" is CON).
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}

// FileNameProblem checks an output file name against a rule every common file system accepts (Windows, macOS,
// Linux, a zip archive): one name, no directory; at most MaxFileNameRunes characters; no control, format or
// bidirectional-override character (U+202E would show "xcod.exe" as "exe.docx"); none of < > : " / \ | ? *;
// not starting with "." (hidden) or "-" (read as an option); not ending with a space or a dot before its
// extension; not a device name Windows reserves (CON, NUL, COM1…, even as CON.docx). It returns the problem in
// Vietnamese and English, or ok.
func FileNameProblem(name string) (vi, en string, ok bool) {
	bad := func(v, e string) (string, string, bool) {
		return "tên tệp kết quả " + v, "the output file name " + e, false
	}
	switch {
	case name == "":
		return bad("trống", "is empty")
	case !utf8.ValidString(name):
		return bad("không phải văn bản UTF-8", "is not UTF-8 text")
	case utf8.RuneCountInString(name) > MaxFileNameRunes:
		return bad(fmt.Sprintf("dài quá %d ký tự", MaxFileNameRunes), fmt.Sprintf("is longer than %d characters", MaxFileNameRunes))
	case strings.HasPrefix(name, "."):
		return bad("không được bắt đầu bằng dấu chấm (tệp ẩn)", "must not start with a dot (a hidden file)")
	case strings.HasPrefix(name, "-"):
		return bad("không được bắt đầu bằng dấu gạch ngang", "must not start with a dash")
	}
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return bad(fmt.Sprintf("chứa ký tự điều khiển U+%04X", r), fmt.Sprintf("holds the control character U+%04X", r))
		case unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029':
			return bad(fmt.Sprintf("chứa ký tự định dạng vô hình U+%04X (như ký tự đảo chiều văn bản)", r),
				fmt.Sprintf("holds the invisible format character U+%04X (such as a text-direction override)", r))
		case strings.ContainsRune(`<>:"/\|?*`, r):
			return bad(fmt.Sprintf("chứa ký tự %q, không dùng được trong tên tệp", r), fmt.Sprintf("holds %q, which file names cannot hold", r))
		}
	}
	ext := path.Ext(name)
	base := strings.TrimSuffix(name, ext)
	if strings.HasSuffix(base, " ") || strings.HasSuffix(base, ".") || strings.HasSuffix(name, " ") {
		return bad("không được kết thúc bằng dấu cách hoặc dấu chấm trước phần mở rộng", "must not end with a space or a dot before its extension")
	}
	stem, _, _ := strings.Cut(name, ".")
	if windowsReserved[strings.ToUpper(strings.TrimSpace(stem))] {
		return bad(fmt.Sprintf("%q là tên thiết bị Windows dành riêng", stem), fmt.Sprintf("%q is a device name Windows reserves", stem))
	}
	return "", "", true
}
