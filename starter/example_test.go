package starter_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/vanban/vanban/starter"
)

func ExampleWrite() {
	dir, _ := os.MkdirTemp("", "init-")
	defer os.RemoveAll(dir)
	written, err := starter.Write(filepath.Join(dir, "doi-thoai-2026"), starter.PeoplesCommittee)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range written {
		fmt.Println(filepath.Base(p))
	}
	// Output:
	// invitation-q3.yaml
	// office.yaml
	// plan.yaml
}
