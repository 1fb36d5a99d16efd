package main

// vanban init: writes a starting folder (package starter) that validates and renders as it is.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/vanban/vanban/starter"
)

func init() {
	register(command{
		name:    "init",
		summary: "tạo thư mục khởi đầu để sửa / write a starting folder to edit: init [--kind " + strings.Join(starter.Kinds(), "|") + "] DIR",
		run:     runInit,
	})
}

func runInit(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	kind := fs.String("kind", starter.Default, "loại cơ quan / the kind of office: "+strings.Join(starter.Kinds(), ", ")+
		" (Đảng ủy xã / a commune Party committee, Ủy ban nhân dân xã / a commune People's Committee)")
	fs.SetOutput(stderr)
	usage := "init [--kind " + strings.Join(starter.Kinds(), "|") + "] DIR"
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng / usage: vanban "+usage+"\n\n"+
			"Ghi vào DIR hồ sơ cơ quan, kế hoạch và một buổi đối thoại, có ghi chú tiếng Việt; tạo được văn bản ngay.\n"+
			"Không ghi đè tệp có sẵn. / Writes into DIR an office profile, a plan and one session, commented in\n"+
			"Vietnamese, that render as they are. Existing files are never overwritten.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() != 1 {
		return usagef("cần đúng một thư mục / init takes one folder; usage: vanban %s", usage)
	}
	written, err := starter.Write(fs.Arg(0), *kind)
	switch {
	case errors.Is(err, starter.ErrUnknownKind):
		return usagef("--kind %s: không có loại này; các loại là %s / no such kind; the kinds are %[2]s", *kind, strings.Join(starter.Kinds(), ", "))
	case errors.Is(err, starter.ErrExists):
		return dataErrorf("init", "%v; chọn thư mục khác / choose another folder", err)
	case err != nil:
		return dataErrorf("init", "không ghi được / cannot write: %v", err)
	}
	for _, p := range written {
		fmt.Fprintln(stdout, p)
	}
	fmt.Fprintf(stderr, "vanban init: sửa các tệp, rồi chạy / edit the files, then run:\n  vanban validate %s\n  vanban render %[1]s --out %[1]s/van-ban\n", fs.Arg(0))
	return nil
}
