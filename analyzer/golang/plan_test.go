package golang_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/migaudit/migaudit/analyzer/golang"
	"github.com/migaudit/migaudit/rules"
)

// answeredAnalyzer is the analyzer with the answers a person gives the
// fixes: the test user map and the coach role.
func answeredAnalyzer(t *testing.T) *analysis.Analyzer {
	t.Helper()
	a := golang.New(golang.Config{})
	if err := a.Flags.Set("user-map", filepath.Join(analysistest.TestData(), "usermap.json")); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("group-role", "coach"); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestAnsweredFixes checks the fixes that need a person's answers: a mail
// in the user map becomes the user's ID, the role goes in the path, the
// deleteFromPrivateSubgroups false body flag goes.
func TestAnsweredFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), answeredAnalyzer(t), "acme/planmap")
}

// TestNoFixReasons checks why each call left to a person has no fix, by
// the function making it.
func TestNoFixReasons(t *testing.T) {
	want := map[string][]string{
		// acme/planfix, no answers given.
		"SetLocale":     {"send the OAuth2 bearer token"},
		"RetitleOpsBot": {"give a user map (--user-map)"},
		"MoveToTeam":    {"primaryGroupId"},
		"LeaveGroup":    {"v2 names the role to withdraw in the path"},
		"AllUsers":      {"v2 pages this list"},
		"Refresh":       {"shared with other code", "no migration guide covers this endpoint"},
		"Deactivate":    {"unknown body parameter toDeactivateAt"},
		"RetitleBoth":   {"url.Values other code may send too", "send the OAuth2 bearer token"},
		"Forget":        {"req.URL.RawQuery"},
		// acme/planimports: each fix alone is right, both would leave os unused.
		"SetTitle": {"the import of os would be left unused"},
		"SetOrg":   {"the import of os would be left unused"},
		// acme/planmap, with the user map and the role.
		"RetitleContractor": {"the user map has no user with mail temp.contractor@acme.com"},
	}
	fixed := map[string]bool{"UpdateJobTitle": true, "SetLanguage": true, "SetPhone": true, "SetOrganization": true, "DropCoach": true, "DropJane": true}
	var mu sync.Mutex
	got := map[string][]string{}
	restore := golang.SetNoFixHook(func(pos token.Position, why error) {
		mu.Lock()
		defer mu.Unlock()
		fn := funcAt(t, pos)
		got[fn] = append(got[fn], why.Error())
	})
	defer restore()
	analysistest.Run(quiet{t}, analysistest.TestData(), golang.Analyzer, "acme/planfix", "acme/planimports")
	analysistest.Run(quiet{t}, analysistest.TestData(), answeredAnalyzer(t), "acme/planmap")
	for fn, subs := range want {
		reasons := strings.Join(got[fn], "\n")
		if len(got[fn]) != len(subs) {
			t.Errorf("%s: %d calls left with reasons %q, want %d", fn, len(got[fn]), got[fn], len(subs))
		}
		for _, sub := range subs {
			if !strings.Contains(reasons, sub) {
				t.Errorf("%s: reasons %q, want one saying %q", fn, got[fn], sub)
			}
		}
	}
	for fn := range fixed {
		if len(got[fn]) > 0 {
			t.Errorf("%s: left unfixed: %q", fn, got[fn])
		}
	}
	for fn, rs := range got {
		if _, ok := want[fn]; !ok && !fixed[fn] {
			t.Errorf("%s: unexpected call left unfixed: %q", fn, rs)
		}
	}
}

// funcAt names the function declared around a position.
func funcAt(t *testing.T, pos token.Position) string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, pos.Filename, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Errorf("parsing %s: %v", pos.Filename, err)
		return ""
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		start, end := fset.Position(fd.Pos()), fset.Position(fd.End())
		if start.Offset <= pos.Offset && pos.Offset < end.Offset {
			return fd.Name.Name
		}
	}
	return ""
}

func TestLoadUserMap(t *testing.T) {
	for _, name := range []string{"usermap.json", "usermap.csv"} {
		m, err := golang.LoadUserMap(filepath.Join(analysistest.TestData(), name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(m) != 2 || m["ops-bot@acme.com"] != "5f1a0c2b9d3e4a0012ab34cd" || m["jane.doe@acme.com"] != "60b7e1f4c2a9d80013cd56ef" {
			t.Errorf("%s: got %v", name, m)
		}
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct{ path, wantErr string }{
		{filepath.Join(dir, "missing.json"), "missing.json"},
		{dir, "not a regular file"},
		{write("bad.json", `[{"_id": "5f1a0c2b9d3e4a0012ab34cd", "mail": `), "bad.json"},
		{write("notid.csv", "ops-bot@acme.com,ops-bot\n"), "not an internal user ID"},
		{write("empty.csv", ""), "empty"},
	} {
		_, err := golang.LoadUserMap(tc.path)
		if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("LoadUserMap(%s): error %v, want one saying %q", filepath.Base(tc.path), err, tc.wantErr)
		}
	}
}

// TestUserMapFlagError checks that a user map that cannot be read stops
// the analysis with the reason, rather than fixing without it.
func TestUserMapFlagError(t *testing.T) {
	a := golang.New(golang.Config{})
	if err := a.Flags.Set("user-map", filepath.Join(t.TempDir(), "nope.json")); err != nil {
		t.Fatal(err)
	}
	// The settings are read before the pass is looked at.
	_, err := a.Run(&analysis.Pass{})
	if err == nil || !strings.Contains(err.Error(), "nope.json") {
		t.Errorf("the analysis did not fail on the missing user map: %v", err)
	}
}

// TestFixedCallsAreV2 reads the fixed test packages and checks that every
// call a fix changed is now a v2 request the reference accepts: method,
// path, version header, bearer token, no v1 credentials or removed
// parameters.
func TestFixedCallsAreV2(t *testing.T) {
	if testing.Short() {
		t.Skip("fixes the test packages")
	}
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	tmp := fixedTree(t)
	fixed := map[string]int{"UpdateJobTitle": 0, "SetLanguage": 0, "SetPhone": 0, "SetOrganization": 0, "DropCoach": 0, "DropJane": 0, "RetitleOpsBot": 0}
	var mu sync.Mutex
	var calls []rules.Call
	restore := golang.SetCallHook(func(call rules.Call) {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, call)
	})
	defer restore()
	analysistest.Run(quiet{t}, tmp, golang.Analyzer, "acme/planfix")
	analysistest.Run(quiet{t}, tmp, answeredAnalyzer(t), "acme/planmap")
	for _, call := range calls {
		if !strings.Contains(call.File, "planmap") && !strings.Contains(call.File, "planfix") {
			continue
		}
		fn := funcAt(t, token.Position{Filename: call.File, Offset: call.Span.Start})
		if _, ok := fixed[fn]; !ok {
			continue
		}
		if strings.Contains(call.File, "planfix") && fn == "RetitleOpsBot" {
			continue // left for want of a user map
		}
		fixed[fn]++
		r, ok := call.V2Request()
		if !ok {
			t.Errorf("%s: the fixed call is not a v2 request: %s %s", fn, call.Method, call.URLText())
			continue
		}
		// An Authorization header set from elsewhere counts as the token,
		// as the fixes take it.
		for _, prm := range call.Params {
			if prm.In == rules.InHeader && strings.EqualFold(prm.Name, "Authorization") {
				r.Bearer = true
			}
		}
		if problems := cat.CheckV2(r); len(problems) > 0 {
			t.Errorf("%s: the fixed call %s %s is not a valid v2 request: %q", fn, call.Method, call.URLText(), problems)
		}
	}
	for fn, n := range fixed {
		if n == 0 {
			t.Errorf("%s: no fixed call read", fn)
		}
	}
}
