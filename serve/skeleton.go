package serve

import (
	"embed"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/vanban/vanban/notice"
	"github.com/vanban/vanban/plan"
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
