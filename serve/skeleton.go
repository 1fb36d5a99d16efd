package serve

import (
	"embed"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/vanban/vanban/calendar"
	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/plan"
	"github.com/vanban/vanban/starter"
)

// The skeletons are the starting text of a new file, one per kind (skeletons/KIND.yaml): a commune People's
// Committee after 01/7/2025, in the State layout, with comments in Vietnamese. Together in one folder they
// validate and render as they are (TestSkeletonsValidate); a notice's "plan: plan.yaml" is replaced by the
// folder's plan when it has one beside the new file.
//
//go:embed skeletons/*.yaml
var skeletons embed.FS

// skeletonKinds are the kinds a new file can start from, plan first.
func skeletonKinds() []string {
	kinds := []string{plan.Kind}
	for _, k := range notice.Kinds {
		if _, err := skeletons.ReadFile("skeletons/" + k + ".yaml"); err == nil && k != plan.Kind {
			kinds = append(kinds, k)
		}
	}
	if _, err := skeletons.ReadFile("skeletons/" + notice.KindOffice + ".yaml"); err == nil && !slices.Contains(kinds, notice.KindOffice) {
		kinds = append(kinds, notice.KindOffice)
	}
	return kinds
}

// skeleton answers the starting text of a new file: ?kind=K&path=P (P the name it will have).
func (s *server) skeleton(w http.ResponseWriter, r *http.Request) {
	kind := r.URL.Query().Get("kind")
	p, ok := s.pathParam(w, r)
	if !ok {
		return
	}
	if !slices.Contains(skeletonKinds(), kind) {
		s.fail(w, http.StatusBadRequest, "không có mẫu cho loại "+kind, "no skeleton for the kind "+kind)
		return
	}
	if _, _, err := s.dir.read(p); err == nil {
		s.fail(w, http.StatusConflict, "tệp "+p+" đã có: chọn tên khác", "the file "+p+" exists already: choose another name")
		return
	}
	data, err := skeletons.ReadFile("skeletons/" + kind + ".yaml")
	if err != nil {
		s.internal(w, r, err)
		return
	}
	text := string(data)
	if kind != plan.Kind {
		if pl := s.planBeside(p); pl != "" {
			text = strings.Replace(text, "\nplan: plan.yaml\n", "\nplan: "+pl+"\n", 1)
			text = s.fitToPlan(text, kind, path.Join(path.Dir(p), pl))
		}
	}
	writeJSON(w, http.StatusOK, fileJSON{Path: p, Content: text, Kind: kind})
}

// planBeside returns the base name of the first plan file in the folder of p, "" when there is none.
func (s *server) planBeside(p string) string {
	files, err := yamlFiles(s.dir.inputs("", nil))
	if err != nil {
		return ""
	}
	for _, f := range files {
		if path.Dir(f) != path.Dir(p) {
			continue
		}
		if data, _, err := s.dir.read(f); err == nil && notice.PeekKind(data) == plan.Kind {
			return path.Base(f)
		}
	}
	return ""
}

// fitToPlan moves the skeleton of a session or conclusion notice to the next session of the folder's plan (the
// first dated session from today on, else the last one; a session the plan dates by its month only is put on
// the first working day from the 15th): its id, its day, the notice's date (the invitation
// day of the cycle; for a conclusion notice the session's next working day), and a reception schedule to the
// plan's year. The text is left as it is when the plan does not load or has no dated session.
func (s *server) fitToPlan(text, kind, planPath string) string {
	set, err := notice.LoadFS(s.dir.inputs("", nil), s.noticeOptions(), planPath)
	if err != nil {
		return text
	}
	pl := set.Plan(planPath)
	if pl == nil {
		return text
	}
	if kind == notice.KindReceptionSchedule {
		y := pl.Year()
		text = strings.Replace(text, "\nyear: 2026\n", fmt.Sprintf("\nyear: %d\n", y), 1)
		return strings.Replace(text, "  date: 2026-01-05\n", fmt.Sprintf("  date: %s\n", s.opts.Calendar.AddWorkingDays(calendar.NewDate(y, 1, 1), 1)), 1)
	}
	if kind != notice.KindSession && kind != notice.KindConclusion {
		return text
	}
	var id string
	var held calendar.Date
	today := s.today()
	for _, ses := range pl.Sessions {
		if ses.Time.Year == 0 {
			continue
		}
		id, held = ses.ID, ses.Time.Date()
		if ses.Time.Day == 0 {
			// A plan that gives the month only: the first working day from the 15th, for the clerk to change.
			held = s.opts.Calendar.OnOrAfterWorkingDay(calendar.NewDate(ses.Time.Year, ses.Time.Month, 15))
			if held.Month() != ses.Time.Month {
				held = s.opts.Calendar.OnOrBeforeWorkingDay(calendar.NewDate(ses.Time.Year, ses.Time.Month, 15))
			}
		}
		if !held.Before(today) {
			break
		}
	}
	if id == "" {
		return text
	}
	// The day a session file of the folder gives wins over the plan's.
	if all, err := notice.LoadFS(s.dir.inputs("", nil), s.noticeOptions(), path.Dir(planPath)); err == nil {
		for _, m := range all.Milestones() {
			if m.Kind == notice.SessionDay && m.SessionID == id {
				held = m.Date
			}
		}
	}
	text = strings.Replace(text, "\nsession: q1\n", "\nsession: "+id+"\n", 1)
	if kind == notice.KindSession {
		var inv calendar.Date
		for _, m := range notice.SessionMilestones(s.opts.Calendar, id, held, pl.Milestones) {
			if m.Kind == notice.InvitationDue {
				inv = m.Date
			}
		}
		text = strings.Replace(text, "\nheld_on: 2026-03-19\n", "\nheld_on: "+held.String()+"\n", 1)
		if !inv.IsZero() {
			text = strings.Replace(text, "  date: 2026-03-09\n", "  date: "+inv.String()+"\n", 1)
		}
		return text
	}
	text = strings.Replace(text, "  date: 2026-03-27\n", "  date: "+s.opts.Calendar.AddWorkingDays(held, 1).String()+"\n", 1)
	return strings.Replace(text, "  - id: q1-1\n", "  - id: "+id+"-moi-1\n", 1)
}

// starterFolder writes the starting folder of "vanban init" (package starter: an office profile, a plan and a
// session notice that validate as they are) into an empty folder: POST /api/starter?kind=ubnd-xa|dang-uy-xa.
// Nothing is written when any of its files exists already (409).
func (s *server) starterFolder(w http.ResponseWriter, r *http.Request) {
	files, err := starter.Files(r.URL.Query().Get("kind"))
	if err != nil {
		s.fail(w, http.StatusBadRequest, "không có mẫu thư mục này", "no such starting folder")
		return
	}
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	for _, f := range files {
		if _, _, err := s.dir.read(f.Name); err == nil {
			s.fail(w, http.StatusConflict, "thư mục đã có tệp "+f.Name+": không ghi gì", "the folder has "+f.Name+" already: nothing written")
			return
		}
	}
	var names []string
	for _, f := range files {
		if _, err := s.dir.write(f.Name, f.Data, ""); err != nil {
			s.fail(w, http.StatusForbidden, "không ghi được tệp "+f.Name+": "+err.Error(), "cannot write the file "+f.Name+": "+err.Error())
			return
		}
		names = append(names, f.Name)
	}
	writeJSON(w, http.StatusOK, names)
}
