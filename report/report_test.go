package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/report"
	"github.com/migaudit/migaudit/rules"
)

func sample() *analyzer.Result {
	return &analyzer.Result{
		Files: 3,
		Findings: []rules.Finding{
			{Rule: "list-users-endpoint", Severity: rules.Error, Operation: "getUsers", Path: "scripts/sync.sh",
				Line: 4, Column: 9, EndLine: 4, EndColumn: 60, Message: "v1 getUsers; use GET /api/v2/users (List all users)"},
			{Rule: "list-users-deleted", Severity: rules.Error, Operation: "getUsers", Path: "scripts/sync.sh",
				Line: 4, Column: 61, EndLine: 4, EndColumn: 73, Message: "query parameter deleted is removed",
				Fix: &rules.Fix{Message: "remove deleted", Edits: []rules.Edit{{Line: 4, Column: 60, EndLine: 4, EndColumn: 73, NewText: ""}}}},
			{Rule: "list-users-pagination", Severity: rules.Warning, Operation: "getUsers", Path: "scripts/sync.sh",
				Line: 4, Column: 9, EndLine: 4, EndColumn: 60, Message: "paginated"},
			{Rule: "v1-endpoint-unmapped", Severity: rules.Error, Operation: "", Path: "docs/runbook.md",
				Line: 12, Column: 3, EndLine: 12, EndColumn: 40, Message: "v1 call\nacross lines"},
			{Rule: "list-users-deleted-added", Severity: rules.Info, Operation: "getUsers", Path: "docs/runbook.md",
				Line: 20, Column: 1, EndLine: 20, EndColumn: 8, Message: "new output property deleted"},
		},
		Errors: []analyzer.FileError{{Path: "postman/broken.json", Message: "invalid JSON at line 3: unexpected end"}},
	}
}

func TestTextPlain(t *testing.T) {
	var b bytes.Buffer
	if err := report.Text(&b, sample(), report.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `scripts/sync.sh:4:9: error [list-users-endpoint] v1 getUsers; use GET /api/v2/users (List all users)
scripts/sync.sh:4:61: error [list-users-deleted] query parameter deleted is removed
scripts/sync.sh:4:9: warning [list-users-pagination] paginated
docs/runbook.md:12:3: error [v1-endpoint-unmapped] v1 call across lines
docs/runbook.md:20:1: info [list-users-deleted-added] new output property deleted
postman/broken.json: error: invalid JSON at line 3: unexpected end

3 files scanned: 5 findings (3 errors, 1 warning, 1 info), 1 file could not be read
by v1 operation:
  getUsers              4
  no migration guide    1
automatic fix available for 1 of 5
`
	if got := b.String(); got != want {
		t.Errorf("text report:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextNothingFound(t *testing.T) {
	var b bytes.Buffer
	if err := report.Text(&b, &analyzer.Result{Files: 1}, report.TextOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if got, want := stripANSI(b.String()), "1 file scanned: no v1 calls found\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTextColor(t *testing.T) {
	var b bytes.Buffer
	if err := report.Text(&b, sample(), report.TextOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// Severities are colored: bold red errors, bold yellow warnings.
	for _, want := range []string{"4:9: \x1b[31;1merror\x1b[", "4:9: \x1b[33;1mwarning\x1b["} {
		if !strings.Contains(out, want) {
			t.Errorf("colored report lacks %q:\n%q", want, out)
		}
	}
	// Paths stay plain so editors still recognise path:line:col.
	if !strings.Contains(out, "\nscripts/sync.sh:4:61: ") {
		t.Errorf("path prefix is not plain:\n%q", out)
	}
	var plain bytes.Buffer
	report.Text(&plain, sample(), report.TextOptions{})
	if strings.Contains(plain.String(), "\x1b[") {
		t.Errorf("plain report has escape codes:\n%q", plain.String())
	}
	if stripANSI(out) != plain.String() {
		t.Errorf("colored report differs from the plain one beyond colors:\n%s\n---\n%s", stripANSI(out), plain.String())
	}
}

func TestJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := report.JSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []map[string]any `json:"findings"`
		Errors   []map[string]any `json:"errors"`
		Summary  map[string]any   `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b.String())
	}
	if len(doc.Findings) != 5 || len(doc.Errors) != 1 {
		t.Fatalf("got %d findings and %d errors, want 5 and 1", len(doc.Findings), len(doc.Errors))
	}
	f := doc.Findings[0]
	for _, key := range []string{"rule", "severity", "operation", "path", "line", "column", "endLine", "endColumn", "message"} {
		if _, ok := f[key]; !ok {
			t.Errorf("finding lacks %q: %v", key, f)
		}
	}
	if _, ok := f["fix"]; ok {
		t.Errorf("a finding without a fix has a fix key: %v", f)
	}
	if fix, ok := doc.Findings[1]["fix"].(map[string]any); !ok || fix["message"] != "remove deleted" {
		t.Errorf("fix = %v", doc.Findings[1]["fix"])
	}
	if doc.Findings[3]["operation"] != "" {
		t.Errorf("unmapped operation = %v, want empty string", doc.Findings[3]["operation"])
	}
	if doc.Errors[0]["path"] != "postman/broken.json" || doc.Errors[0]["message"] == "" {
		t.Errorf("error = %v", doc.Errors[0])
	}
	if !strings.HasPrefix(b.String(), "{\n  \"findings\": [\n    {\n      \"rule\"") {
		t.Errorf("not indented by two spaces:\n%s", b.String())
	}
	s := doc.Summary
	if s["files"] != 3.0 || s["findings"] != 5.0 || s["errors"] != 1.0 || s["fixable"] != 1.0 {
		t.Errorf("summary = %v", s)
	}
	sev := s["bySeverity"].(map[string]any)
	if sev["error"] != 3.0 || sev["warning"] != 1.0 || sev["info"] != 1.0 {
		t.Errorf("bySeverity = %v", sev)
	}
	ops := s["byOperation"].([]any)
	if len(ops) != 2 || ops[0].(map[string]any)["operation"] != "getUsers" || ops[1].(map[string]any)["operation"] != "" {
		t.Errorf("byOperation = %v", ops)
	}
}

func TestJSONEmptyListsAreArrays(t *testing.T) {
	var b bytes.Buffer
	if err := report.JSON(&b, &analyzer.Result{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`"findings": []`, `"errors": []`, `"byOperation": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("empty result lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "null") {
		t.Errorf("empty result has null:\n%s", out)
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
