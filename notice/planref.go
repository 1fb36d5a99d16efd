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
	return s.checkRef(m, "plan", m.Plan, planPath, "tệp kế hoạch", "plan file")
}

// checkRef checks the file target that the key of m names (written ref in the file), like checkPlanRef; what
// names the file in the messages ("tệp kế hoạch" / "plan file").
func (s *Set) checkRef(m *Meta, key, ref, target, whatVI, whatEN string) bool {
	var err error
	if s.files.fsys != nil {
		err = fsread.CheckFS(s.files.fsys, target, source.MaxSize)
	} else {
		err = fsread.Check(target, source.MaxSize)
	}
	if err == nil {
		return true
	}
	var fe *fsread.Error
	switch {
	case errors.Is(err, fsread.ErrNotExist):
		s.errs = append(s.errs, m.errorf(key, fmt.Sprintf("không tìm thấy %s %q", whatVI, ref),
			fmt.Sprintf("%s %q not found", whatEN, ref)))
	case errors.As(err, &fe):
		s.errs = append(s.errs, m.errorf(key, fmt.Sprintf("%s %q: %s", whatVI, ref, fe.VI),
			fmt.Sprintf("%s %q: %s", whatEN, ref, fe.EN)))
	default:
		s.errs = append(s.errs, m.errorf(key, fmt.Sprintf("không đọc được %s %q: %v", whatVI, ref, err),
			fmt.Sprintf("cannot read the %s %q: %v", whatEN, ref, err)))
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
