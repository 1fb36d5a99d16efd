package main

// vanban serve: the folder as a web page (package serve). This file parses the flags, prints the address and
// runs the server until interrupted.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/vanban/vanban/serve"
)

// serveUsage is the command line of serve, in its summary (vanban help), its -h and the README.
const serveUsage = "serve [--addr 127.0.0.1:8080] [--token TOKEN] [--open] [--strict] [--template [party=|state=]FILE] DIR"

func init() {
	register(command{name: "serve", summary: "thư mục thành trang web (tổng quan, soạn, xem trước, tải về) / the folder as a web page (overview, editor, preview, downloads): " + serveUsage, run: runServe})
}

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "địa chỉ `HOST:PORT` để nghe; địa chỉ khác 127.0.0.1, ::1, localhost cần mã truy cập / the HOST:PORT to listen on; any other host than 127.0.0.1, ::1 or localhost needs a token")
	token := fs.String("token", "", "mã truy cập `TOKEN` trang web đòi (mặc định: không có trên 127.0.0.1; tự tạo và in ra trên địa chỉ khác) / the access TOKEN the page asks for (default: none on 127.0.0.1; generated and printed on any other address)")
	open := fs.Bool("open", false, "mở trang trong trình duyệt / open the page in the browser")
	var rf renderFlags
	rf.register(fs)
	rf.registerTemplate(fs)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng / usage: vanban "+serveUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() != 1 {
		return usagef("serve nhận đúng một thư mục / serve takes one folder; cách dùng / usage: vanban " + serveUsage)
	}
	dir := fs.Arg(0)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return dataErrorf("serve", "không mở được thư mục %s / cannot open the folder %s", dir, dir)
	}
	if !serve.Loopback(*addr) && *token == "" {
		*token = serve.NewToken()
	}
	if err := serve.CheckAddr(*addr, *token); err != nil {
		return usagef("--addr: %v", err)
	}
	opts, err := rf.options("serve")
	if err != nil {
		return err
	}
	h, err := serve.Handler(dir, serve.Options{Token: *token, Calendar: opts.Calendar, Strict: opts.Strict, Document: opts.Document, Log: stderr})
	if err != nil {
		return dataErrorf("serve", "không mở được thư mục %s / cannot open the folder %s: %v", dir, dir, err)
	}
	ln, err := net.Listen("tcp", *addr)
	addrGiven := false
	fs.Visit(func(f *flag.Flag) { addrGiven = addrGiven || f.Name == "addr" })
	for port := 8081; err != nil && !addrGiven && port <= 8090; port++ {
		// The default port is taken (another copy running, another program): a clerk who double-clicked
		// gets the next free one.
		*addr = net.JoinHostPort("127.0.0.1", fmt.Sprint(port))
		ln, err = net.Listen("tcp", *addr)
	}
	if err != nil {
		return dataErrorf("serve", "không mở được cổng %s / cannot listen on %s: %v", *addr, *addr, err)
	}
	url := "http://" + ln.Addr().String() + "/"
	if *token != "" {
		url += "?token=" + *token
	}
	fmt.Fprintf(stdout, "vanban: đang phục vụ thư mục %s tại / serving the folder %s at\n  %s\nNhấn Ctrl+C để dừng / press Ctrl+C to stop.\n", dir, dir, url)
	if *open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "vanban serve: không mở được trình duyệt / cannot open the browser: %v\n", err)
		}
	}
	srv := serve.NewServer(*addr, h)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return dataErrorf("serve", "máy chủ dừng vì lỗi / the server stopped on an error: %v", err)
	}
	return nil
}
