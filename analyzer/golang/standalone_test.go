package golang_test

// These tests run the analyzer on the standard-library-only test packages
// with a small driver of their own (go/parser, go/types with the source
// importer), so that they run without golang.org/x/tools/go/packages; the
// analysistest tests (build tag analysistest) cover facts across packages.

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/migaudit/migaudit/analyzer/golang"
	"github.com/migaudit/migaudit/rules"
)

// runStandalone type-checks one test package and runs a on it.
func runStandalone(t *testing.T, a *analysis.Analyzer, pkg string) (*token.FileSet, []*ast.File, []analysis.Diagnostic) {
	t.Helper()
	dir := filepath.Join("testdata", "src", filepath.FromSlash(pkg))
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Implicits: map[ast.Node]types.Object{}, Scopes: map[ast.Node]*types.Scope{},
		Instances: map[*ast.Ident]types.Instance{}, FileVersions: map[*ast.File]string{},
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	tpkg, err := conf.Check(pkg, fset, files, info)
	if err != nil {
		t.Fatalf("type-checking %s: %v", pkg, err)
	}
	var diags []analysis.Diagnostic
	pass := &analysis.Pass{
		Analyzer: a, Fset: fset, Files: files, Pkg: tpkg, TypesInfo: info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		ResultOf:   map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New(files)},
		Report:     func(d analysis.Diagnostic) { diags = append(diags, d) },
		ReadFile:   os.ReadFile,

		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
	}
	res, err := a.Run(pass)
	if err != nil {
		t.Fatal(err)
	}
	// The result holds the same findings, located, with the same fixes.
	findings, ok := res.([]rules.Finding)
	if !ok || len(findings) != len(diags) {
		t.Fatalf("result %T with %d findings for %d diagnostics", res, len(findings), len(diags))
	}
	for i, f := range findings {
		d := diags[i]
		pos := fset.Position(d.Pos)
		if f.Rule != d.Category || f.Line != pos.Line || f.Column != pos.Column || f.Path != pos.Filename {
			t.Errorf("finding %s %s:%d:%d, diagnostic %s %s", f.Rule, f.Path, f.Line, f.Column, d.Category, pos)
		}
		if (f.Fix != nil) != (len(d.SuggestedFixes) > 0) {
			t.Errorf("%s: finding and diagnostic disagree on the fix", pos)
		}
	}
	return fset, files, diags
}

var wantRE = regexp.MustCompile("`([^`]*)`")

// checkWants matches diagnostics with the `// want` comments of the files
// (fact expectations, name:`…`, are left to the analysistest tests).
func checkWants(t *testing.T, fset *token.FileSet, files []*ast.File, diags []analysis.Diagnostic) {
	t.Helper()
	type key struct {
		file string
		line int
	}
	wants := map[key][]*regexp.Regexp{}
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				text, ok := strings.CutPrefix(c.Text, "// want ")
				if !ok {
					continue
				}
				pos := fset.Position(c.Pos())
				for _, m := range wantRE.FindAllStringSubmatchIndex(text, -1) {
					if m[0] > 0 && text[m[0]-1] == ':' {
						continue // a fact
					}
					wants[key{pos.Filename, pos.Line}] = append(wants[key{pos.Filename, pos.Line}], regexp.MustCompile(text[m[2]:m[3]]))
				}
			}
		}
	}
	for _, d := range diags {
		pos := fset.Position(d.Pos)
		k := key{pos.Filename, pos.Line}
		matched := false
		for i, re := range wants[k] {
			if re.MatchString(d.Message) {
				wants[k] = append(wants[k][:i], wants[k][i+1:]...)
				matched = true
				break
			}
		}
		if !matched {
			t.Errorf("%s: unexpected diagnostic: %s", pos, d.Message)
		}
	}
	for k, res := range wants {
		for _, re := range res {
			t.Errorf("%s:%d: no diagnostic matching %q", k.file, k.line, re)
		}
	}
}

// applyFixes applies every suggested fix and returns the fixed files by name.
func applyFixes(t *testing.T, fset *token.FileSet, diags []analysis.Diagnostic) map[string][]byte {
	t.Helper()
	byFile := map[string][]analysis.TextEdit{}
	for _, d := range diags {
		if len(d.SuggestedFixes) > 1 {
			t.Errorf("%s: %d fixes, want at most one", fset.Position(d.Pos), len(d.SuggestedFixes))
		}
		for _, fix := range d.SuggestedFixes {
			for _, e := range fix.TextEdits {
				if fset.File(e.Pos) != fset.File(d.Pos) {
					t.Errorf("%s: fix edits another file", fset.Position(d.Pos))
				}
				name := fset.File(e.Pos).Name()
				byFile[name] = append(byFile[name], e)
			}
		}
	}
	out := map[string][]byte{}
	for name, edits := range byFile {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		tf := fset.File(edits[0].Pos)
		sort.Slice(edits, func(i, j int) bool { return edits[i].Pos < edits[j].Pos })
		var b bytes.Buffer
		last := 0
		for _, e := range edits {
			start, end := tf.Offset(e.Pos), tf.Offset(e.End)
			if start < last {
				t.Fatalf("%s: overlapping edits at offset %d", name, start)
			}
			b.Write(src[last:start])
			b.Write(e.NewText)
			last = end
		}
		b.Write(src[last:])
		fixed, err := format.Source(b.Bytes())
		if err != nil {
			t.Fatalf("%s: the fixed file does not parse: %v\n%s", name, err, b.Bytes())
		}
		out[name] = fixed
	}
	return out
}

func TestStandalone(t *testing.T) {
	for _, pkg := range []string{"acme/fixme", "acme/urlforms", "acme/server", "acme/oddities"} {
		t.Run(pkg, func(t *testing.T) {
			fset, files, diags := runStandalone(t, golang.Analyzer, pkg)
			checkWants(t, fset, files, diags)
			for name, fixed := range applyFixes(t, fset, diags) {
				golden, err := os.ReadFile(name + ".golden")
				if err != nil {
					t.Fatalf("fixes change %s but it has no golden file", name)
				}
				if !bytes.Equal(fixed, golden) {
					t.Errorf("%s: fixed file differs from its golden file:\n%s", name, fixed)
				}
			}
		})
	}
}

// TestHosts checks that calls to a host named with -hosts (or Config.Hosts)
// are reported, and only then.
func TestHosts(t *testing.T) {
	_, _, diags := runStandalone(t, golang.New(golang.Config{}), "acme/selfhosted")
	if len(diags) != 0 {
		t.Errorf("without -hosts, lms.acme.io is not 360Learning's: got %d diagnostics, first %q", len(diags), diags[0].Message)
	}
	a := golang.New(golang.Config{})
	if err := a.Flags.Set("hosts", "lms.acme.io, *.lms.acme.io"); err != nil {
		t.Fatal(err)
	}
	fset, files, diags := runStandalone(t, a, "acme/selfhosted")
	checkWants(t, fset, files, diags)
	a = golang.New(golang.Config{Hosts: []string{"lms.acme.io", "*.lms.acme.io"}})
	_, _, diags2 := runStandalone(t, a, "acme/selfhosted")
	if len(diags2) != len(diags) {
		t.Errorf("Config.Hosts gave %d diagnostics, -hosts %d", len(diags2), len(diags))
	}
}
