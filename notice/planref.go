package notice

import (
	"errors"
	"fmt"
	"path/filepath"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/internal/fsread"
	"github.com/vanban/vanban/internal/source"
	"github.com/vanban/vanban/plan"
)

// checkPlanRef checks the file a plan: key names before it is read: a regular file of at most source.MaxSize
// bytes (a directory, /dev/zero, a FIFO is refused at the plan: line, naming it, rather than read or waited
// for). It returns false after reporting the problem at the key.
func (s *Set) checkPlanRef(m *Meta, planPath string) bool {
	var err error
	if s.files.fsys != nil {
		err = fsread.CheckFS(s.files.fsys, planPath, source.MaxSize)
	} else {
		err = fsread.Check(planPath, source.MaxSize)
	}
	if err == nil {
		return true
	}
	var fe *fsread.Error
	switch {
	case errors.Is(err, fsread.ErrNotExist):
		s.errs = append(s.errs, m.errorf("plan", fmt.Sprintf("không tìm thấy tệp kế hoạch %q", m.Plan),
			fmt.Sprintf("plan file %q not found", m.Plan)))
	case errors.As(err, &fe):
		s.errs = append(s.errs, m.errorf("plan", fmt.Sprintf("tệp kế hoạch %q: %s", m.Plan, fe.VI),
			fmt.Sprintf("plan file %q: %s", m.Plan, fe.EN)))
	default:
		s.errs = append(s.errs, m.errorf("plan", "không đọc được tệp kế hoạch: "+err.Error(), "cannot read the plan file: "+err.Error()))
	}
	return false
}

// planNotLoaded reports why the file a plan: key names gave no plan, when nothing was reported about that file
// yet: a YAML syntax error in it, at its own line and column (not "not a notice input file"), or, when it is
// another kind of file, an error at the plan: line naming its kind.
func (s *Set) planNotLoaded(m *Meta, planPath string) {
	data, err := s.files.read(planPath)
	if err == nil && yaml.Unmarshal(data, new(yaml.Node)) == nil {
		if kind := PeekKind(data); kind != plan.Kind {
			s.errs = append(s.errs, m.errorf("plan", fmt.Sprintf("%q không phải tệp kế hoạch (kind: plan) mà là kind: %q", filepath.ToSlash(m.Plan), kind),
				fmt.Sprintf("%q is not a plan file (kind: plan) but kind: %q", filepath.ToSlash(m.Plan), kind)))
			return
		}
	}
	for _, e := range s.errs {
		if abs(e.File) == abs(planPath) {
			return // the plan's own errors are reported
		}
	}
	if err != nil {
		s.addErr(err)
		return
	}
	var x any
	if _, errs := source.Decode(planPath, data, &x); len(errs) > 0 {
		s.errs = append(s.errs, errs...)
		s.errs = append(s.errs, m.errorf("plan", fmt.Sprintf("tệp kế hoạch %q có lỗi (xem lỗi của tệp đó)", m.Plan),
			fmt.Sprintf("the plan file %q has errors (see that file's errors)", m.Plan)))
	}
}
