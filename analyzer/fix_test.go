package analyzer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

const (
	pseudo = "PUT https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize?company=acme&apiKey=k"
	fixed  = "PUT https://acme.360learning.com/api/v2/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize"
)

// fixTree writes files (name → content) to a temporary directory and runs
// Fix on it with the line readers.
func fixTree(t *testing.T, files map[string]string) (string, *analyzer.FixResult) {
	t.Helper()
	defer analyzer.UseLineReaders(nil)()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := analyzer.Fix(context.Background(), []string{dir}, analyzer.Options{}, rules.FixOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return dir, res
}

func newText(t *testing.T, res *analyzer.FixResult, name string) string {
	t.Helper()
	for _, f := range res.Files {
		if filepath.Base(f.Path) == name {
			return string(f.New)
		}
	}
	return ""
}

func leftReasons(res *analyzer.FixResult, name string) string {
	var out []string
	for _, l := range res.Left {
		if filepath.Base(l.Path) == name {
			out = append(out, l.Rule+": "+l.Reason)
		}
	}
	return strings.Join(out, "\n")
}

func TestFixVerifiesEachCall(t *testing.T) {
	_, res := fixTree(t, map[string]string{
		"good.txt":  "# offboarding\n" + pseudo + " FIX=good\n",
		"bare.txt":  pseudo + " FIX=bare\n",
		"mixed.txt": pseudo + " FIX=good\n" + pseudo + " FIX=bare\n",
		"panic.txt": pseudo + " FIX=panic\n",
		"fail.txt":  pseudo + " FIX=fail\n",
		"none.txt":  pseudo + "\n",
	})
	if got, want := newText(t, res, "good.txt"), "# offboarding\n"+fixed+" FIX=good H:360-api-version BEARER\n"; got != want {
		t.Errorf("good.txt:\n got %q\nwant %q", got, want)
	}
	// Without the headers the v2 reference refuses the request: left, file unchanged.
	if newText(t, res, "bare.txt") != "" {
		t.Error("bare.txt changed although its fix sends no version header nor token")
	}
	if r := leftReasons(res, "bare.txt"); !strings.Contains(r, "the v2 reference would refuse it: missing Authorization: Bearer token; missing header 360-api-version") {
		t.Errorf("bare.txt left for: %s", r)
	}
	// One call's failure does not cost the other call of the file its fix.
	if got, want := newText(t, res, "mixed.txt"), fixed+" FIX=good H:360-api-version BEARER\n"+pseudo+" FIX=bare\n"; got != want {
		t.Errorf("mixed.txt:\n got %q\nwant %q", got, want)
	}
	if r := leftReasons(res, "panic.txt"); !strings.Contains(r, "internal error while planning the fix: line fixer asked to panic") {
		t.Errorf("panic.txt left for: %s", r)
	}
	if r := leftReasons(res, "fail.txt"); !strings.Contains(r, "the line fixer refuses") {
		t.Errorf("fail.txt left for: %s", r)
	}
	if r := leftReasons(res, "none.txt"); !strings.Contains(r, "migaudit does not edit calls written this way yet; the v2 request is PUT https://acme.360learning.com/api/v2/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize") {
		t.Errorf("none.txt left for: %s", r)
	}
	if len(res.Fixed) != 2 || len(res.Files) != 2 {
		t.Errorf("fixed %d calls in %d files, want 2 in 2", len(res.Fixed), len(res.Files))
	}
	// Every finding is fixed or left.
	n := 0
	for _, c := range res.Fixed {
		n += c.Findings
	}
	if n+len(res.Left) != len(res.Scan.Findings) {
		t.Errorf("%d fixed + %d left findings, the scan found %d", n, len(res.Left), len(res.Scan.Findings))
	}
}

func TestFixOverlapsAndDamageAreRefused(t *testing.T) {
	// The first call's fix also eats into the next line, where the second
	// call's own edits are: the second is dropped for the overlap, and the
	// first alone breaks the second call, which the check of the file's
	// other findings catches. Nothing is written.
	_, res := fixTree(t, map[string]string{
		"two.txt": pseudo + " FIX=wide\n" + pseudo + " FIX=good\n",
	})
	if len(res.Fixed) != 0 || len(res.Files) != 0 {
		t.Fatalf("fixed %d calls in %d files, want none", len(res.Fixed), len(res.Files))
	}
	r := leftReasons(res, "two.txt")
	for _, want := range []string{"it overlaps another call's fix", "other findings of the file changed"} {
		if !strings.Contains(r, want) {
			t.Errorf("left for:\n%s\nwant a reason with %q", r, want)
		}
	}
}

func TestFixIsIdempotentAndWrites(t *testing.T) {
	dir, res := fixTree(t, map[string]string{"good.txt": pseudo + " FIX=good\n"})
	if res.Write(); len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "good.txt"))
	if want := fixed + " FIX=good H:360-api-version BEARER\n"; string(data) != want {
		t.Fatalf("written %q, want %q", data, want)
	}
	defer analyzer.UseLineReaders(nil)()
	again, err := analyzer.Fix(context.Background(), []string{dir}, analyzer.Options{}, rules.FixOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Files) != 0 || len(again.Scan.Findings) != 0 {
		t.Errorf("a second run changes %d files, finds %d findings", len(again.Files), len(again.Scan.Findings))
	}
}

func TestFixWriteLeavesChangedFiles(t *testing.T) {
	dir, res := fixTree(t, map[string]string{"a.txt": pseudo + " FIX=good\n", "b.txt": pseudo + " FIX=good\n"})
	// a.txt changes between the plan and the write: it is not overwritten.
	edited := "# edited meanwhile\n" + pseudo + " FIX=good\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	res.Write()
	if data, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(data) != edited {
		t.Errorf("a.txt overwritten: %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "b.txt")); !strings.HasPrefix(string(data), fixed) {
		t.Errorf("b.txt not written: %q", data)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "changed since it was read") {
		t.Errorf("errors: %v", res.Errors)
	}
	if len(res.Fixed) != 1 || !strings.Contains(leftReasons(res, "a.txt"), "could not be written") {
		t.Errorf("fixed %v, left %v", res.Fixed, res.Left)
	}
}

func TestPlanFixesAttachesToTheEndpointFinding(t *testing.T) {
	defer analyzer.UseLineReaders(nil)()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte(pseudo+" FIX=good\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := analyzer.Run(context.Background(), []string{dir}, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := analyzer.PlanFixes(context.Background(), res, []string{dir}, analyzer.Options{}, rules.FixOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		switch {
		case f.Rule == "pseudonymize-user-endpoint" && (f.Fix == nil || f.Fix.Edits[0].Line != 1 || f.Fix.Edits[0].Column != 33):
			t.Errorf("endpoint finding's fix: %+v", f.Fix)
		case f.Rule != "pseudonymize-user-endpoint" && f.Fix != nil:
			t.Errorf("%s carries a fix: the call's one fix goes on its endpoint finding", f.Rule)
		}
	}
}
