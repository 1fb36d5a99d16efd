package plan

// Offsets are the distances, in working days, between a session and the steps of its cycle (package notice
// computes the dates). A plan sets them for all its sessions under "milestones:"; a session file may override
// them for its session. Zero fields take the defaults of DefaultOffsets, the one place the defaults live:
//
//	opinions_open   10  the collection of citizens' opinions opens the 10th working day before the session…
//	opinions_close   2  …and closes the 2nd working day before it
//	invitation       5  invitations and radio announcement, the 5th working day before
//	reports          3  the bodies' preparatory reports, the 3rd working day before
//	conclusion       7  the conclusion notice, at the latest the 7th working day after the session
//	reply           10  each assignment, 10 working days after the conclusion notice unless it gives a due date
//
// The conclusion deadline of a plan is conclusion_deadline_working_days (it also prints as {{deadline}}), so a
// plan's milestones block has no conclusion key; a session file's may have one.
type Offsets struct {
	// OpinionsOpen: the collection of citizens' opinions (tiếp nhận ý kiến) opens this many working days before
	// the session. Default 10.
	OpinionsOpen int `yaml:"opinions_open,omitempty" validate:"min=0,max=60" json:"opinions_open,omitempty" desc:"Bắt đầu tiếp nhận ý kiến của công dân: số ngày làm việc trước buổi đối thoại (mặc định 10) / Opinion collection opens, working days before the session (default 10)"`
	// OpinionsClose: it closes this many working days before the session. Default 2.
	OpinionsClose int `yaml:"opinions_close,omitempty" validate:"min=0,max=60" json:"opinions_close,omitempty" desc:"Kết thúc tiếp nhận ý kiến: số ngày làm việc trước buổi đối thoại (mặc định 2) / Opinion collection closes, working days before the session (default 2)"`
	// Invitation: the invitations (giấy mời) go out and the session is announced on the radio this many working
	// days before the session. Default 5.
	Invitation int `yaml:"invitation,omitempty" validate:"min=0,max=60" json:"invitation,omitempty" desc:"Phát hành giấy mời, thông báo trên đài: số ngày làm việc trước buổi đối thoại (mặc định 5) / Invitations and radio announcement, working days before (default 5)"`
	// Reports: the bodies' preparatory reports (báo cáo phục vụ đối thoại) are due this many working days before
	// the session. Default 3.
	Reports int `yaml:"reports,omitempty" validate:"min=0,max=60" json:"reports,omitempty" desc:"Hạn các cơ quan gửi báo cáo: số ngày làm việc trước buổi đối thoại (mặc định 3) / Bodies' reports due, working days before (default 3)"`
	// Conclusion: the conclusion notice (thông báo kết luận) is due within this many working days after the
	// session. Default 7 (the local Quy chế, 879-QĐ/TU); a plan sets it as conclusion_deadline_working_days.
	Conclusion int `yaml:"conclusion,omitempty" validate:"min=0,max=60" json:"-" schema:"-"`
	// Reply: each assigned body reports and replies to the citizens within this many working days after the
	// conclusion notice, unless the notice gives a due date. Default 10 (Quy định 11-QĐi/TW).
	Reply int `yaml:"reply,omitempty" validate:"min=0,max=120" json:"reply,omitempty" desc:"Hạn báo cáo, trả lời công dân: số ngày làm việc sau thông báo kết luận (mặc định 10) / Reply to citizens, working days after the conclusion notice (default 10)"`
}

// DefaultOffsets returns the documented defaults: opinions from 10 to 2 working days before, invitations 5,
// reports 3 before; conclusion notice within 7 after; reply within 10 after the notice.
func DefaultOffsets() Offsets {
	return Offsets{OpinionsOpen: 10, OpinionsClose: 2, Invitation: 5, Reports: 3, Conclusion: 7, Reply: 10}
}

// Or returns o with every zero field taken from d.
func (o Offsets) Or(d Offsets) Offsets {
	pick := func(a, b int) int {
		if a != 0 {
			return a
		}
		return b
	}
	return Offsets{
		OpinionsOpen:  pick(o.OpinionsOpen, d.OpinionsOpen),
		OpinionsClose: pick(o.OpinionsClose, d.OpinionsClose),
		Invitation:    pick(o.Invitation, d.Invitation),
		Reports:       pick(o.Reports, d.Reports),
		Conclusion:    pick(o.Conclusion, d.Conclusion),
		Reply:         pick(o.Reply, d.Reply),
	}
}

// Offsets returns the offsets in force for the plan's sessions: its milestones block, its conclusion deadline,
// then the defaults.
func (p *Plan) Offsets() Offsets {
	return p.Milestones.Or(Offsets{Conclusion: p.DeadlineDays}).Or(DefaultOffsets())
}

// CheckWindow reports whether the offsets in force give an opinion window that closes after it opens
// (opinions_close fewer working days before the session than opinions_open).
func (o Offsets) CheckWindow() bool { return o.OpinionsClose <= o.OpinionsOpen }
