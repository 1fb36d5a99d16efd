// Command build-plan builds a ward People's Committee's dialogue plan in Go — as an e-office system would from
// its own database, without any YAML — validates it and renders it to a .docx.
//
//	go run ./examples/go/build-plan -out /tmp/out
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/document"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/problem"
	"github.com/vanban/vanban/templates"
)

func main() {
	out := flag.String("out", ".", "output directory")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// newPlan is the plan as the office's own system holds it.
func newPlan() *plan.Plan {
	return &plan.Plan{
		Kind: plan.Kind,
		Issuer: plan.Issuer{System: document.State, Name: []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG AN BÌNH"}, Code: "UBND",
			Place: "An Bình", Host: "Chủ tịch Ủy ban nhân dân phường"},
		Doc:          plan.DocInfo{Type: "Kế hoạch", Number: 12, Date: calendar.NewDate(2026, time.January, 20)},
		Summary:      "Tổ chức đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân năm {{year}}",
		DeadlineDays: 7,
		Bases: plan.Bases{Items: []plan.Basis{{Type: "Luật Tiếp công dân", Number: "42/2013/QH13",
			Date: calendar.NewDate(2013, time.November, 25)}}},
		Body: []plan.Block{
			{Part: "Mục đích, yêu cầu", Content: []plan.Block{
				{Bullet: "Lắng nghe ý kiến, kiến nghị của Nhân dân về các vấn đề của phường."},
				{Bullet: "Thông báo kết luận trong thời hạn {{deadline}} ngày làm việc sau mỗi buổi đối thoại."},
			}},
			{Part: "Nội dung, thời gian và địa điểm", Content: []plan.Block{{Sessions: true}}},
		},
		Sessions: []plan.Session{
			{ID: "q2", Quarter: 2, Content: "Trật tự đô thị, lòng đường, vỉa hè", Participants: "Nhân dân các khu phố",
				Time: plan.Time{Year: 2026, Month: time.May}, Venue: "Hội trường Ủy ban nhân dân phường"},
			{ID: "q4", Quarter: 4, Content: "Thu gom rác thải sinh hoạt", Participants: "Nhân dân các khu phố",
				Time: plan.Time{Year: 2026, Month: time.November}, Venue: "Hội trường Ủy ban nhân dân phường"},
		},
		Recipients: []plan.Recipient{{Name: "Thường trực Đảng ủy phường", Note: "báo cáo"}, {Name: "Các khu phố"}},
		Archive:    "Lưu: VT, VP",
		Signature:  plan.Signature{Mark: "TM.", Authority: "ỦY BAN NHÂN DÂN", Position: "CHỦ TỊCH", Name: "Lê Văn Bình"},
	}
}

func run(out string) error {
	p := newPlan()
	if err := p.Validate(); err != nil {
		var list problem.List
		if errors.As(err, &list) {
			for _, e := range list {
				fmt.Fprintf(os.Stderr, "%s: %s / %s\n", e.Path, e.VI, e.EN)
			}
		}
		return err
	}
	docx, err := p.Render()
	if err != nil {
		return err
	}
	name := filepath.Join(out, "ke-hoach-an-binh-2026.docx")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := templates.WriteFile(name, docx); err != nil {
		return err
	}
	fmt.Println(name)
	return nil
}
