package golang_test

import (
	"bytes"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/migaudit/migaudit/analyzer/golang"
)

var testPackages = []string{"acme/lms", "acme/hrsync", "acme/offboard", "acme/server", "acme/restysync", "acme/fixme", "acme/urlforms", "acme/oddities", "acme/planfix", "acme/planimports"}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), golang.Analyzer, testPackages...)
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), golang.Analyzer, testPackages...)
}

// fixedTree copies the test data with every .golden file in place of its
// source, checking each golden file is gofmt-clean, and returns its root.
func fixedTree(t *testing.T) string {
	t.Helper()
	src := filepath.Join(analysistest.TestData(), "src")
	tmp := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".golden") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if golden, err := os.ReadFile(path + ".golden"); err == nil {
			if formatted, err := format.Source(golden); err != nil || !bytes.Equal(formatted, golden) {
				t.Errorf("%s.golden is not gofmt-clean (%v)", path, err)
			}
			data = golden
		}
		rel, _ := filepath.Rel(src, path)
		out := filepath.Join(tmp, "src", rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return tmp
}

// noMoreFixes checks that the analyzer offers no fix on fixed packages,
// and returns how many diagnostics it gave.
func noMoreFixes(t *testing.T, dir string, a *analysis.Analyzer, pkgs ...string) int {
	t.Helper()
	seen := 0
	for _, r := range analysistest.Run(quiet{t}, dir, a, pkgs...) {
		seen += len(r.Diagnostics)
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fixed code still offers a fix: %s", r.Pass.Fset.Position(d.Pos), d.Message)
			}
		}
	}
	return seen
}

// TestGoldenBuilds checks that the fixed files are gofmt-clean and that the
// test packages still build with every fix applied.
func TestGoldenBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the test packages")
	}
	tmp := fixedTree(t)
	// Fixing twice changes nothing: the fixed packages offer no more fixes.
	if noMoreFixes(t, tmp, golang.Analyzer, testPackages...) == 0 {
		t.Errorf("the fixed packages gave no diagnostics at all: did they load?")
	}
	noMoreFixes(t, tmp, answeredAnalyzer(t), "acme/planmap")
	cmd := exec.Command("go", "vet", "acme/...")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOPATH="+tmp, "GO111MODULE=off", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("the fixed test packages do not build: %v\n%s", err, out)
	}
}
