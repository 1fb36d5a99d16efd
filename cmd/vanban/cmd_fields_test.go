package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestFieldsCommand is the contract of "vanban fields FILE --json": an array of objects with at least name,
// meaning and value, the placeholders with their values for the file.
func TestFieldsCommand(t *testing.T) {
	status, stdout, stderr := runCLI(t, "fields", filepath.Join(noticeExample, "session-q1.yaml"), "--json")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	var fields []map[string]string
	if err := json.Unmarshal([]byte(stdout), &fields); err != nil {
		t.Fatalf("not a JSON array of objects: %v\n%s", err, stdout)
	}
	byName := map[string]map[string]string{}
	for _, f := range fields {
		for _, k := range []string{"name", "meaning", "value"} {
			if _, ok := f[k]; !ok {
				t.Fatalf("field without %q: %v", k, f)
			}
		}
		byName[f["kind"]+" "+f["name"]] = f
	}
	if v := byName["placeholder weekday"]["value"]; v != "thứ Tư" {
		t.Errorf("{{weekday}} = %q, want thứ Tư", v)
	}
	if v := byName["key held_on"]["value"]; v != "2023-03-15" {
		t.Errorf("held_on = %q", v)
	}
	status, stdout, _ = runCLI(t, "fields", filepath.Join(noticeExample, "reception-2023.yaml"))
	if status != 0 || !strings.Contains(stdout, "{{reception_dates}}") || !strings.Contains(stdout, "Tháng 1: thứ Hai, ngày 16/01/2023") {
		t.Errorf("status %d, text output:\n%s", status, stdout)
	}
	if status, stdout, _ := runCLI(t, "fields", filepath.Join(noticeExample, "plan.yaml")); status != 0 || !strings.Contains(stdout, "session_heading") {
		t.Errorf("a plan file: status %d:\n%s", status, stdout)
	}
	if status, _, _ := runCLI(t, "fields", filepath.Join(noticeExample, "calendar.yaml")); status != 1 {
		t.Errorf("a calendar-export file: status %d, want 1", status)
	}
}
