package source

import "testing"

func TestFileNameProblem(t *testing.T) {
	for _, ok := range []string{"ke-hoach-2023.docx", "Kế hoạch đối thoại 2026.docx", "lich.ics", "a.b.docx"} {
		if vi, en, good := FileNameProblem(ok); !good {
			t.Errorf("%q refused: %s / %s", ok, vi, en)
		}
	}
	long := ""
	for range 130 {
		long += "a"
	}
	for _, bad := range []string{"", "a\nb.docx", "x\u202Excod.docx", "CON.docx", "nul.docx", "com1.docx", "a:b.docx",
		"a?.docx", ".hidden.docx", "-rf.docx", "name .docx", "name..docx", long + ".docx", "a\u200bb.docx", "a/b.docx"} {
		if _, en, good := FileNameProblem(bad); good || en == "" {
			t.Errorf("%q accepted", bad)
		}
	}
}
