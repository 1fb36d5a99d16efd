// Package pdf converts .docx documents to PDF with LibreOffice, when it is installed: an electronic official
// document is a signed PDF, and vanban writes .docx. It runs one LibreOffice process for a whole set of files
// (starting LibreOffice takes seconds, converting a page milliseconds), with a private, temporary profile (so
// that it neither waits for nor disturbs a LibreOffice the user has open) and a timeout.
//
//	pdfs, err := pdf.Convert(ctx, "out/ke-hoach-doi-thoai-2026.docx", "out/giay-moi-q3.docx")
//
// Each PDF is written beside its .docx, with the same base name, atomically: LibreOffice writes into a hidden
// staging folder of that directory (".vanban-stage-pdf-*", which render.Dir removes should a killed run leave
// it), and each PDF is renamed into place once all are made; an existing PDF that is read-only is refused, not
// replaced. Page size and margins are the document's own (A4
// for every vanban layout).
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ErrNoLibreOffice is the cause of the error of Find and Convert when LibreOffice is not installed.
var ErrNoLibreOffice = errors.New("không tìm thấy LibreOffice (chương trình soffice hoặc libreoffice); cài LibreOffice " +
	"(https://www.libreoffice.org, hoặc apt-get install libreoffice-writer-nogui) rồi chạy lại / LibreOffice not found " +
	"(the program soffice or libreoffice); install LibreOffice (https://www.libreoffice.org, or apt-get install " +
	"libreoffice-writer-nogui) and run again")

// programs are the names LibreOffice's converter is looked up by on PATH, then the places its installers put
// it when PATH does not name them.
var (
	programs = []string{"soffice", "libreoffice"}
	places   = map[string][]string{
		"windows": {`C:\Program Files\LibreOffice\program\soffice.exe`, `C:\Program Files (x86)\LibreOffice\program\soffice.exe`},
		"darwin":  {"/Applications/LibreOffice.app/Contents/MacOS/soffice"},
		"linux":   {"/opt/libreoffice/program/soffice", "/usr/lib/libreoffice/program/soffice"},
	}
)

// Env is the environment variable that names the soffice program to use, for a LibreOffice installed where
// neither PATH nor the installers' usual places lead.
const Env = "VANBAN_SOFFICE"

// Find returns the path of LibreOffice's soffice program (the one Env names when it is set, else soffice or
// libreoffice on PATH, else the installers' usual places), or an error wrapping ErrNoLibreOffice.
func Find() (string, error) {
	if p := os.Getenv(Env); p != "" {
		if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
			return "", fmt.Errorf("%s=%s: %w", Env, p, ErrNoLibreOffice)
		}
		return p, nil
	}
	for _, name := range programs {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	for _, p := range places[runtime.GOOS] {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, nil
		}
	}
	return "", ErrNoLibreOffice
}

// Timeout bounds a conversion whose context has no deadline: a base for starting LibreOffice, and a share per
// file.
const (
	TimeoutBase    = 2 * time.Minute
	TimeoutPerFile = 10 * time.Second
)

const stagePrefix = ".vanban-stage-pdf-"

// Convert converts each .docx of docx to a PDF beside it (same directory, base name with .pdf) with one
// LibreOffice run per directory, and returns the PDF paths in the order of docx. When ctx has no deadline, the
// run is bounded by TimeoutBase + TimeoutPerFile per file. Two inputs of one directory with the same base name
// are refused. On an error no PDF is left half-written; the PDFs of directories converted before the failing
// one stay.
func Convert(ctx context.Context, docx ...string) ([]string, error) {
	if len(docx) == 0 {
		return nil, nil
	}
	soffice, err := Find()
	if err != nil {
		return nil, err
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, TimeoutBase+time.Duration(len(docx))*TimeoutPerFile)
		defer cancel()
	}
	out := make([]string, len(docx))
	var dirs []string
	byDir := map[string][]int{}
	seen := map[string]string{}
	for i, p := range docx {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		if st, err := os.Stat(abs); err != nil {
			return nil, err
		} else if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: không phải tệp thường / not a regular file", p)
		}
		dir := filepath.Dir(abs)
		base := strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs))
		key := filepath.Join(dir, base)
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s, %s: cùng tên tệp PDF / both make the same PDF %s.pdf", prev, p, base)
		}
		seen[key] = p
		if _, ok := byDir[dir]; !ok {
			dirs = append(dirs, dir)
		}
		byDir[dir] = append(byDir[dir], i)
		out[i] = filepath.Join(filepath.Dir(p), base+".pdf")
	}
	for _, dir := range dirs {
		var abs []string
		for _, i := range byDir[dir] {
			a, _ := filepath.Abs(docx[i])
			abs = append(abs, a)
		}
		if err := convertDir(ctx, soffice, dir, abs); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// convertDir converts the files (absolute paths) into dir through a staging folder.
func convertDir(ctx context.Context, soffice, dir string, files []string) error {
	stage, err := os.MkdirTemp(dir, stagePrefix+"*")
	if err != nil {
		return fmt.Errorf("không ghi được vào thư mục %s / cannot write into the directory %[1]s: %w", dir, err)
	}
	defer os.RemoveAll(stage)
	profile, err := os.MkdirTemp("", "vanban-lo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	args := append([]string{"-env:UserInstallation=" + fileURL(profile), "--headless", "--norestore", "--nologo",
		"--convert-to", "pdf", "--outdir", stage}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	cmd.WaitDelay = 5 * time.Second
	msg, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		return fmt.Errorf("LibreOffice quá thời gian hoặc bị dừng / LibreOffice timed out or was stopped: %w", ctx.Err())
	}
	if err != nil {
		return fmt.Errorf("LibreOffice (%s) lỗi / failed: %v: %s", soffice, err, strings.TrimSpace(string(msg)))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)) + ".pdf"
		if st, err := os.Stat(filepath.Join(stage, name)); err != nil || st.Size() == 0 {
			return fmt.Errorf("%s: LibreOffice không tạo ra PDF / LibreOffice made no PDF: %s", f, strings.TrimSpace(string(msg)))
		}
	}
	for _, f := range files { // an existing read-only PDF is not replaced behind its owner's back
		target := filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		if st, err := os.Lstat(target); err == nil && (!st.Mode().IsRegular() || st.Mode().Perm()&0o200 == 0) {
			return fmt.Errorf("%s: tệp có sẵn chỉ được đọc hoặc không phải tệp thường; không ghi đè / the existing file is read-only or not a regular file; not replaced: %w", target, os.ErrPermission)
		}
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)) + ".pdf"
		if err := os.Rename(filepath.Join(stage, name), filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("không ghi được tệp / cannot write the file: %w", err)
		}
	}
	return nil
}

// fileURL is the file: URL of an absolute path, as LibreOffice's -env:UserInstallation wants it.
func fileURL(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/… on Windows
	}
	return "file://" + p
}
