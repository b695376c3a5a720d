package golang_test

import (
	"go/format"
	"sort"

	"golang.org/x/tools/go/analysis"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/migaudit/migaudit/analyzer/golang"
)

// Tools for working on the test data (not tests):
//
//	DUMP=acme/lms,acme/fixme go test -run Dump -v
//	DUMP=acme/lms,… WRITE=1 go test -run WriteGolden
//
// The first prints every diagnostic with its fix; the second rewrites the
// .golden files from the fixes, to be reviewed with git diff. ANSWERED=1
// runs the analyzer with the test user map and role (acme/planmap).

// quiet is a testing.T whose Errorf is silent: analysistest.Run without its
// `// want` checks.
type quiet struct{ *testing.T }

func (quiet) Errorf(string, ...any) {}

func TestDump(t *testing.T) {
	pkgs := os.Getenv("DUMP")
	if pkgs == "" {
		t.Skip()
	}
	for _, r := range analysistest.Run(quiet{t}, analysistest.TestData(), toolAnalyzer(t), strings.Split(pkgs, ",")...) {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			fix := ""
			for _, f := range d.SuggestedFixes {
				fix += " FIX{" + f.Message
				for _, e := range f.TextEdits {
					fix += " | " + r.Pass.Fset.Position(e.Pos).String()[len(p.Filename)-10:] + "-" + r.Pass.Fset.Position(e.End).String()[len(p.Filename)-10:] + " " + strings.ReplaceAll(string(e.NewText), "\n", "\\n")
				}
				fix += "}"
			}
			t.Logf("%s:%d:%d-%d: %s%s", p.Filename[strings.LastIndex(p.Filename, "/src/")+5:], p.Line, p.Column, r.Pass.Fset.Position(d.End).Column, d.Message, fix)
		}
	}
}

// TestWriteGolden writes NAME.golden beside each file the fixes change
// (DUMP=pkgs WRITE=1), for review.
func TestWriteGolden(t *testing.T) {
	pkgs := os.Getenv("DUMP")
	if pkgs == "" || os.Getenv("WRITE") == "" {
		t.Skip()
	}
	for _, r := range analysistest.Run(quiet{t}, analysistest.TestData(), toolAnalyzer(t), strings.Split(pkgs, ",")...) {
		edits := map[string][]analysis.TextEdit{}
		for _, d := range r.Diagnostics {
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					name := r.Pass.Fset.File(e.Pos).Name()
					edits[name] = append(edits[name], e)
				}
			}
		}
		for name, es := range edits {
			src, _ := os.ReadFile(name)
			tf := r.Pass.Fset.File(es[0].Pos)
			sort.Slice(es, func(i, j int) bool { return es[i].Pos > es[j].Pos })
			for _, e := range es {
				s, end := tf.Offset(e.Pos), tf.Offset(e.End)
				src = append(src[:s:s], append(append([]byte(nil), e.NewText...), src[end:]...)...)
			}
			if out, err := format.Source(src); err == nil {
				src = out
			} else {
				t.Errorf("%s: fixed file does not format: %v", name, err)
			}
			os.WriteFile(name+".golden", src, 0o644)
		}
	}
}

// toolAnalyzer is the analyzer the tools run: with the answers when
// ANSWERED is set.
func toolAnalyzer(t *testing.T) *analysis.Analyzer {
	if os.Getenv("ANSWERED") != "" {
		return answeredAnalyzer(t)
	}
	return golang.Analyzer
}
