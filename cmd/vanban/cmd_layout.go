package main

// vanban layout: writes the embedded official layouts as .docx files, for an office to open in Word, adapt to
// its own letterhead (logo, fonts, spacing) and give back to "vanban render --template FILE".

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vanban/vanban/templates"
)

func init() {
	register(command{
		name:    "layout",
		summary: "ghi các mẫu trình bày ra .docx để sửa bằng Word / write the embedded layouts as .docx to edit in Word: layout --out DIR [NAME…]",
		run:     runLayout,
	})
}

func runLayout(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("vanban layout", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "thư mục kết quả `DIR` (tạo khi chưa có) / output DIR (created if missing)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Cách dùng / usage: vanban layout --out DIR [NAME…]\n\n"+
			"Ghi mỗi mẫu trình bày có sẵn (tất cả khi không nêu NAME: %[1]s) thành DIR/NAME.docx. Sửa bằng Word, giữ nguyên\n"+
			"các chỗ {{…}} (templates/SYNTAX.md), rồi dùng với render --template FILE.\n"+
			"Writes each embedded layout (all when no NAME is given: %[1]s) as DIR/NAME.docx.\n"+
			"Edit it in Word keeping its {{…}} placeholders (templates/SYNTAX.md), then render with --template FILE.\n",
			strings.Join(templates.LayoutNames(), ", "))
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return err
	}
	if *out == "" {
		return usagef("thiếu --out DIR / --out DIR is required")
	}
	names := fs.Args()
	if len(names) == 0 {
		names = templates.LayoutNames()
	}
	files := make([][]byte, len(names))
	for i, n := range names {
		if !slices.Contains(templates.LayoutNames(), n) {
			return usagef("không có mẫu %q; các mẫu là %s / no layout %[1]q; the layouts are %[2]s", n, strings.Join(templates.LayoutNames(), ", "))
		}
		b, err := templates.LayoutDocx(n)
		if err != nil {
			return fmt.Errorf("vanban layout: %s: %v", n, err)
		}
		files[i] = b
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("vanban layout: không tạo được thư mục / cannot create the directory: %v", err)
	}
	for i, n := range names {
		path := filepath.Join(*out, n+".docx")
		if err := templates.WriteFile(path, files[i]); err != nil {
			return fmt.Errorf("vanban layout: không ghi được tệp / cannot write the file: %v", err)
		}
		fmt.Fprintln(stdout, path)
	}
	return nil
}
