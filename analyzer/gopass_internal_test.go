package analyzer

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestGuardedRecoversPanics(t *testing.T) {
	a := &analysis.Analyzer{Name: "boom", Doc: "boom", Run: func(*analysis.Pass) (any, error) {
		panic("index out of range")
	}}
	res, err := guarded(a).Run(nil)
	if res != nil || err == nil || !strings.Contains(err.Error(), "internal error: index out of range") {
		t.Errorf("guarded Run = %v, %v; want an internal error", res, err)
	}
}

func TestGoModuleOwns(t *testing.T) {
	m := &goModule{dir: "repo/svc"}
	for path, want := range map[string]bool{
		"repo/svc/main.go":                true,
		"repo/svc/internal/lms/client.go": true,
		"repo/svc/internal/lms/c_test.go": false,
		"repo/svc/testdata/x.go":          false,
		"repo/svc/internal/testdata/x.go": false,
		"repo/svc/_old/x.go":              false,
		"repo/svc/.github/x.go":           false,
		"repo/svc/vendored-ok/pkg/x.go":   true,
		"repo/other/x.go":                 false,
	} {
		if got := m.owns(path); got != want {
			t.Errorf("owns(%s) = %v, want %v", path, got, want)
		}
	}
}

func TestCandidatePatterns(t *testing.T) {
	m := &goModule{dir: "repo/svc", cands: []string{"repo/svc/lms/b.go", "repo/svc/main.go", "repo/svc/lms/a.go", "repo/svc/cmd/x/x.go"}}
	got := strings.Join(candidatePatterns(m), " ")
	if want := ". ./cmd/x ./lms"; got != want {
		t.Errorf("candidatePatterns = %q, want %q", got, want)
	}
}
