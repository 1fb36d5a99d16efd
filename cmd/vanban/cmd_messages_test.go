package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagsAfterFiles: every command takes its flags after the file names as well as before them.
func TestFlagsAfterFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	status, stdout, stderr := runCLI(t, "render", "../../examples/duc-pho-2023", "--out", out)
	if status != 0 || !strings.Contains(stdout, ".docx") {
		t.Fatalf("render DIR --out X: %d %q %q", status, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "ke-hoach-doi-thoai-2023.docx")); err != nil {
		t.Error(err)
	}
	st, after, stderr := runCLI(t, "status", "../../examples/duc-pho-2023", "--as-of", "2023-04-20")
	before, want, _ := runCLI(t, "status", "--as-of", "2023-04-20", "../../examples/duc-pho-2023")
	if before != 0 || st != 0 || after != want || want == "" {
		t.Errorf("status FILE --as-of D: %d %q %q; want %q", st, after, stderr, want)
	}
	if st, _, stderr := runCLI(t, "validate", "../../examples/duc-pho-2023/plan.yaml", "--strict"); st != 0 {
		t.Errorf("validate FILE --strict: %d %q", st, stderr)
	}
	if st, out, stderr := runCLI(t, "deadline", "--working-days", "7", "--from=2023-05-12"); st != 0 || out != "2023-05-23\n" {
		t.Errorf("deadline: %d %q %q", st, out, stderr)
	}
	// "--" ends the flags: a file named like a flag.
	if st, _, stderr := runCLI(t, "validate", "--", "--strict"); st != 1 || !strings.Contains(stderr, "--strict") {
		t.Errorf("validate -- --strict: %d %q", st, stderr)
	}
}

// TestUsageErrorsBilingual: every usage mistake is told in Vietnamese and English ("vi / en"), with exit
// status 2.
func TestUsageErrorsBilingual(t *testing.T) {
	for _, args := range [][]string{
		{"nonsense"},
		{"render", "../../examples/duc-pho-2023"},
		{"render", "--out"},
		{"render", "--bogus", "x"},
		{"validate"},
		{"layout", "--out", t.TempDir(), "nope"},
		{"layout"},
		{"deadline", "--from", "2023-05-12"},
		{"deadline", "--from", "2023-05-12", "--working-days", "x"},
		{"calendar", "--from", "2023-05-12", "--to", "2023-05-01"},
		{"calendar", "--from", "2023-05-12", "--to", "2023-05-13", "extra"},
		{"status"},
		{"ics", "../../examples/duc-pho-2023"},
		{"status", "--as-of", "someday", "../../examples/duc-pho-2023"},
	} {
		status, _, stderr := runCLI(t, args...)
		if status != 2 || !strings.Contains(stderr, " / ") || !hasVietnamese(stderr) {
			t.Errorf("%q: status %d, stderr %q; want 2 and a message in Vietnamese and English", args, status, stderr)
		}
	}
	status, stdout, _ := runCLI(t, "help")
	if status != 0 || !strings.Contains(stdout, "lỗi nội bộ / internal error") || !strings.Contains(stdout, "tạo văn bản .docx") {
		t.Errorf("help: %d %q", status, stdout)
	}
}

func hasVietnamese(s string) bool {
	return strings.ContainsAny(s, "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
}

// TestPanicIsInternalError: a panic in a command is an internal error (exit 3, not 2, the usage code), said in
// both languages.
func TestPanicIsInternalError(t *testing.T) {
	register(command{name: "test-panic", run: func([]string, io.Writer, io.Writer) error { panic("boom") }})
	defer delete(commands, "test-panic")
	status, _, stderr := runCLI(t, "test-panic")
	if status != exitInternal || exitInternal == 2 || !strings.Contains(stderr, "lỗi nội bộ") || !strings.Contains(stderr, "internal error") || !strings.Contains(stderr, "boom") {
		t.Errorf("panic: %d %q", status, stderr)
	}
}

// TestHelpBilingual: every command's summary in "vanban help", its usage line and the description of each of its
// flags ("vanban CMD -h") are in Vietnamese and English.
func TestHelpBilingual(t *testing.T) {
	for name, c := range commands {
		if strings.HasPrefix(name, "test-") {
			continue
		}
		if !strings.Contains(c.summary, " / ") || !hasVietnamese(c.summary) {
			t.Errorf("%s: summary %q is not in Vietnamese and English", name, c.summary)
		}
		status, _, stderr := runCLI(t, name, "-h")
		if status != 0 {
			t.Errorf("%s -h: status %d", name, status)
			continue
		}
		lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
		if len(lines) == 0 || !strings.Contains(lines[0], " / ") || !hasVietnamese(lines[0]) {
			t.Errorf("%s -h: usage line %q is not in Vietnamese and English", name, lines[0])
		}
		// flag.PrintDefaults: "  -name TYPE" then the description on lines indented by a tab (or on the
		// same line for a one-letter flag); a description may run over several lines.
		var desc []string
		flush := func() {
			if d := strings.Join(desc, " "); len(desc) > 0 && (!strings.Contains(d, " / ") || !hasVietnamese(d)) {
				t.Errorf("%s -h: flag description %q is not in Vietnamese and English", name, d)
			}
			desc = nil
		}
		for _, l := range lines[1:] {
			switch {
			case strings.HasPrefix(l, "  -"):
				flush()
				if _, d, ok := strings.Cut(l, "\t"); ok {
					desc = append(desc, d)
				}
			case strings.HasPrefix(l, "    \t"):
				desc = append(desc, strings.TrimSpace(l))
			}
		}
		flush()
	}
}

// TestHelpAndReadmeAgree: each command's line in "vanban help" ends with its command line, which is the first
// line of "vanban CMD -h" and a line of the README's "The command line" section, and names every flag of the
// command but --schedule and --no-swaps (said once, in the help and the README, for every command but init
// and layout).
func TestHelpAndReadmeAgree(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(readme), "## The command line\n\n```\n")
	section, _, _ = strings.Cut(section, "```")
	_, help, _ := runCLI(t, "help")
	common := "--schedule FILE, --no-swaps"
	if !strings.Contains(help, common) || !strings.Contains(string(readme), "`--schedule FILE`") || !strings.Contains(string(readme), "`--no-swaps`") {
		t.Errorf("the help or the README does not name the common flags")
	}
	for name, c := range commands {
		if strings.HasPrefix(name, "test-") {
			continue
		}
		i := strings.LastIndex(c.summary, ": ")
		if i < 0 {
			t.Errorf("%s: the summary gives no command line: %q", name, c.summary)
			continue
		}
		usage := c.summary[i+2:]
		if !strings.HasPrefix(usage, name+" ") || !strings.Contains(help, c.summary) {
			t.Errorf("%s: summary %q", name, c.summary)
		}
		_, _, h := runCLI(t, name, "-h")
		first, _, _ := strings.Cut(h, "\n")
		if first != "Cách dùng / usage: vanban "+usage {
			t.Errorf("%s -h says %q, the help %q", name, first, usage)
		}
		if !strings.Contains("\n"+section, "\nvanban "+usage+"\n") && !strings.Contains("\n"+section, "\nvanban "+usage+"  ") {
			t.Errorf("the README's command list lacks %q", "vanban "+usage)
		}
		for _, l := range strings.Split(h, "\n") {
			if !strings.HasPrefix(l, "  -") {
				continue
			}
			flagName := strings.Fields(l)[0][1:]
			switch {
			case flagName == "schedule" || flagName == "no-swaps":
				if name == "init" || name == "layout" {
					t.Errorf("%s takes --%s, the help says it does not", name, flagName)
				}
			case !strings.Contains(usage+" ", "--"+flagName+" ") && !strings.Contains(usage, "--"+flagName+"]"):
				t.Errorf("%s: --%s missing from %q", name, flagName, usage)
			}
		}
	}
}
