// Package starter holds the starting folders of "vanban init": a small set of input files that validates and
// renders as it is, for an office to edit into its own. Each folder is embedded data (folders/KIND/*.yaml):
// an office profile (kind: office, for the notices of no plan), a plan with one session and that session's
// notice or invitation, dated after the district level was abolished (01/7/2025), with comments in
// Vietnamese, each file naming its JSON Schema on its first line.
//
//	files, err := starter.Write("doi-thoai-2026", "ubnd-xa")
//
// Write refuses to overwrite: when any of the folder's files exists already, nothing is written.
package starter

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

//go:embed folders
var folders embed.FS

// The kinds of starting folder.
const (
	// PartyCommune is a commune Party committee (Đảng ủy xã): Party layout, Thông báo of its session.
	PartyCommune = "dang-uy-xa"
	// PeoplesCommittee is a commune People's Committee (Ủy ban nhân dân xã): State layout, Giấy mời.
	PeoplesCommittee = "ubnd-xa"
)

// Default is the kind Write takes when given "".
const Default = PeoplesCommittee

// ErrUnknownKind is the cause of Files' and Write's error for a kind that is not one of Kinds.
var ErrUnknownKind = errors.New("không có mẫu thư mục này / no such starting folder")

// ErrExists is the cause of Write's error when a file of the folder exists already.
var ErrExists = errors.New("tệp đã có, không ghi đè / the file exists already, not overwritten")

// Kinds returns the kinds of starting folder, sorted.
func Kinds() []string {
	entries, _ := fs.ReadDir(folders, "folders")
	var kinds []string
	for _, e := range entries {
		if e.IsDir() {
			kinds = append(kinds, e.Name())
		}
	}
	slices.Sort(kinds)
	return kinds
}

// File is one file of a starting folder.
type File struct {
	Name string // base name, e.g. "plan.yaml"
	Data []byte
}

// Files returns the files of the starting folder of kind ("" for Default), in name order.
func Files(kind string) ([]File, error) {
	if kind == "" {
		kind = Default
	}
	if !slices.Contains(Kinds(), kind) {
		return nil, fmt.Errorf("%q: %w (%s)", kind, ErrUnknownKind, strings.Join(Kinds(), ", "))
	}
	entries, err := fs.ReadDir(folders, path.Join("folders", kind))
	if err != nil {
		return nil, err
	}
	var files []File
	for _, e := range entries {
		data, err := folders.ReadFile(path.Join("folders", kind, e.Name()))
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: e.Name(), Data: data})
	}
	return files, nil
}

// Write writes the starting folder of kind ("" for Default) into dir, created when missing, and returns the
// paths written. When any of its files exists in dir already (whatever it holds), nothing is written and the
// error, naming every such file, wraps ErrExists; each file is created exclusively (O_EXCL), so a file that
// appears meanwhile is not overwritten either. After a failure midway the files written are removed.
func Write(dir, kind string) ([]string, error) {
	files, err := Files(kind)
	if err != nil {
		return nil, err
	}
	var exist []string
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if _, err := os.Lstat(p); err == nil {
			exist = append(exist, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	if len(exist) > 0 {
		return nil, fmt.Errorf("%s: %w", strings.Join(exist, ", "), ErrExists)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := createExcl(p, f.Data); err != nil {
			for _, w := range written {
				os.Remove(w)
			}
			if errors.Is(err, fs.ErrExist) {
				return nil, fmt.Errorf("%s: %w", p, ErrExists)
			}
			return nil, err
		}
		written = append(written, p)
	}
	return written, nil
}

// createExcl creates the file name, which must not exist, with data.
func createExcl(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}
