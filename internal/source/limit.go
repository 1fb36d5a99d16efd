package source

import (
	"fmt"
	"slices"
)

// MaxErrors is the number of errors reported for one file; the others are counted in one last line ("và N lỗi
// khác / and N more"), so that a file built to produce errors by the thousand (an alias repeated, a list of
// 10,000 bad items) prints a screen, not megabytes.
const MaxErrors = 100

// Cap sorts the errors by position (Errors.Sort) and keeps the first max; when there were more, it adds one
// error at the position of the first left out, saying how many more there are. Errors of several files are
// capped per file.
func Cap(errs Errors, max int) Errors {
	if len(errs) <= max {
		return errs
	}
	errs = slices.Clone(errs)
	errs.Sort()
	var out Errors
	for i := 0; i < len(errs); {
		j := i
		for j < len(errs) && errs[j].File == errs[i].File {
			j++
		}
		if j-i <= max {
			out = append(out, errs[i:j]...)
		} else {
			out = append(out, errs[i:i+max]...)
			first := errs[i+max]
			n := j - i - max
			out = append(out, &Error{File: first.File, Line: first.Line, Col: first.Col,
				VI: fmt.Sprintf("và %d lỗi khác từ đây (chỉ báo %d lỗi đầu của mỗi tệp)", n, max),
				EN: fmt.Sprintf("and %d more from here (only the first %d errors of a file are reported)", n, max)})
		}
		i = j
	}
	return out
}
