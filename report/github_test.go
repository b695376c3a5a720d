package report_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/report"
	"github.com/migaudit/migaudit/rules"
)

func TestGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := report.GitHub(&b, sample()); err != nil {
		t.Fatal(err)
	}
	want := `::error file=scripts/sync.sh,line=4,col=9,endLine=4,endColumn=60,title=list-users-endpoint::v1 getUsers; use GET /api/v2/users (List all users)
::error file=scripts/sync.sh,line=4,col=61,endLine=4,endColumn=73,title=list-users-deleted::query parameter deleted is removed
::warning file=scripts/sync.sh,line=4,col=9,endLine=4,endColumn=60,title=list-users-pagination::paginated
::error file=docs/runbook.md,line=12,col=3,endLine=12,endColumn=40,title=v1-endpoint-unmapped::v1 call%0Aacross lines
::notice file=docs/runbook.md,line=20,col=1,endLine=20,endColumn=8,title=list-users-deleted-added::new output property deleted
::error file=postman/broken.json::invalid JSON at line 3: unexpected end

3 files scanned: 5 findings (3 errors, 1 warning, 1 info), 1 file could not be read
by v1 operation:
  getUsers              4
  no migration guide    1
automatic fix available for 1 of 5
`
	if got := b.String(); got != want {
		t.Errorf("github report:\n%s\nwant:\n%s", got, want)
	}
}

// Messages escape %, CR and LF; property values also escape , and : so a
// path cannot end the property list or the command.
func TestGitHubEscaping(t *testing.T) {
	res := &analyzer.Result{
		Files: 1,
		Findings: []rules.Finding{{Rule: "r", Severity: rules.Error, Path: filepath.Join("ops", "a,b:c%d.sh"),
			Line: 1, Column: 2, EndLine: 1, EndColumn: 3, Message: "100% v1\r\nuse: GET /api/v2/users, then page"}},
		Errors: []analyzer.FileError{{Path: "x:y,z.json", Message: "bad\nJSON: 50%"}},
	}
	var b bytes.Buffer
	report.GitHub(&b, res)
	lines := strings.Split(b.String(), "\n")
	if want := "::error file=ops/a%2Cb%3Ac%25d.sh,line=1,col=2,endLine=1,endColumn=3,title=r::100%25 v1%0D%0Ause: GET /api/v2/users, then page"; lines[0] != want {
		t.Errorf("finding line:\n%s\nwant:\n%s", lines[0], want)
	}
	if want := "::error file=x%3Ay%2Cz.json::bad%0AJSON: 50%25"; lines[1] != want {
		t.Errorf("error line:\n%s\nwant:\n%s", lines[1], want)
	}
}

func TestGitHubNothingFound(t *testing.T) {
	var b bytes.Buffer
	report.GitHub(&b, &analyzer.Result{Files: 2})
	if got, want := b.String(), "2 files scanned: no v1 calls found\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
