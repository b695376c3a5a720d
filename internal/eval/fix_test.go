package eval_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	gofmt "go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"mvdan.cc/sh/v3/syntax"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

// TestFixCorpora runs the fixes over every labelled corpus (with its
// users.json or users.csv as the user map, when it has one, and the learner
// role) and
// holds them to the promises of `migaudit fix`: every changed file is still
// valid in its format; every request a fix wrote is one the official v2
// reference accepts and names no user by mail; the patch of --diff, applied
// with git apply, gives the same tree as fixing in place; a second run
// changes nothing; and every finding is either fixed or left with a reason.
func TestFixCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("fixes every corpus: skipped in -short mode")
	}
	cat := defaultCatalog(t)
	totalFixed, totalLeft := 0, 0
	for _, dir := range corpora(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			fixed, left := fixCorpus(t, cat, dir)
			totalFixed += fixed
			totalLeft += left
		})
	}
	t.Logf("all corpora: %d calls fixed, %d findings left for a person", totalFixed, totalLeft)
}

func fixCorpus(t *testing.T, cat *rules.Catalog, corpusDir string) (fixed, left int) {
	work := copyTree(t, corpusDir)
	fo := rules.FixOptions{GroupRole: "learner"}
	// The corpus's user map, saved from List all users or kept as a CSV.
	for _, name := range []string{"users.json", "users.csv"} {
		if data, err := os.ReadFile(filepath.Join(work, name)); err == nil {
			if fo.Users, err = rules.ParseUserMap(data); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
	opt := analyzer.Options{Catalog: cat, Exclude: []string{labelsFile, "FIXES.tsv"}, GoPass: true, GoPassAuto: true}
	res, err := analyzer.Fix(context.Background(), []string{work}, opt, fo)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("fix error: %s: %s", e.Path, e.Message)
	}
	for _, l := range res.Left {
		if strings.TrimSpace(l.Reason) == "" {
			t.Errorf("%s:%d: finding %s left without a reason", rel(work, l.Path), l.Line, l.Rule)
		}
	}
	if got, want := countResolved(res)+len(res.Left), len(res.Scan.Findings); got != want {
		t.Errorf("fixed and left findings add up to %d, the scan found %d", got, want)
	}
	checkOutcomes(t, work, res)

	// The patch, on another copy, before anything is written.
	patchDir := copyTree(t, corpusDir)
	patch := res.Diff(work)

	res.Write()
	for _, e := range res.Errors {
		t.Errorf("write error: %s: %s", e.Path, e.Message)
	}
	modules := map[string]bool{}
	for _, f := range res.Files {
		name := rel(work, f.Path)
		if why := invalid(name, f.Old, f.New); why != "" {
			t.Errorf("%s: the fixed file is not valid: %s", name, why)
		}
		if strings.HasSuffix(name, ".go") {
			// Go fixes come from the type-aware pass, which checks the
			// requests it writes (analyzer/golang's TestFixedCallsAreV2);
			// here the fixed module must build.
			if mod := moduleOf(work, f.Path); mod != "" {
				modules[mod] = true
			}
			continue
		}
		checkWritten(t, cat, name, f.New, changedLines(f.Old, f.New))
	}
	for mod := range modules {
		if goCmd, err := exec.LookPath("go"); err == nil {
			cmd := exec.Command(goCmd, "build", "./...")
			cmd.Dir = mod
			cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("the fixed Go module %s does not build: %v\n%s", rel(work, mod), err, out)
			}
		}
	}

	if patch != "" {
		if _, err := exec.LookPath("git"); err == nil {
			cmd := exec.Command("git", "apply", "--unidiff-zero", "-")
			cmd.Dir = patchDir
			cmd.Stdin = strings.NewReader(patch)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("git apply of the --diff patch: %v\n%s", err, out)
			} else if diff := compareTrees(work, patchDir); diff != "" {
				t.Errorf("the patch gives another tree than fixing in place: %s", diff)
			}
		}
	}

	again, err := analyzer.Fix(context.Background(), []string{work}, opt, fo)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range again.Files {
		t.Errorf("a second fix changes %s again:\n%s", rel(work, f.Path), rewrite.UnifiedDiff(rel(work, f.Path), f.Old, f.New))
	}
	t.Logf("%d files changed, %d calls fixed, %d findings left for a person", len(res.Files), len(res.Fixed), len(res.Left))
	return len(res.Fixed), len(res.Left)
}

func countResolved(res *analyzer.FixResult) int {
	n := 0
	for _, c := range res.Fixed {
		n += c.Findings
	}
	return n
}

var mailHole = regexp.MustCompile(`(?i)mail`)

// checkWritten re-reads a fixed file: every v2 call on a changed line must
// be accepted by the v2 reference and must not pass a mail, or an
// expression named like one, where v2 wants the user's ID.
func checkWritten(t *testing.T, cat *rules.Catalog, name string, src []byte, changed map[int]bool) {
	t.Helper()
	calls, _ := analyzer.Calls(name, src)
	lines := rules.NewLines(src)
	for i := range calls {
		c := &calls[i]
		r, ok := c.V2Request()
		if !ok {
			continue
		}
		start, _ := lines.Position(c.URLSpan().Start)
		end, _ := lines.Position(c.Span.End)
		touched := false
		for l := min(start, end); l <= max(start, end); l++ {
			touched = touched || changed[l]
		}
		if !touched {
			continue // a v2 call the fix did not write
		}
		for _, p := range cat.CheckV2(r) {
			t.Errorf("%s:%d: a fixed request the v2 reference would refuse: %s (%s)", name, start, p, c.URLText())
		}
		if u := c.URLText(); strings.Contains(u, "/users/") || strings.Contains(u, "/groups/") {
			if path, _, _ := strings.Cut(u, "?"); mailHole.MatchString(path[strings.Index(path, "/api/v2"):]) {
				t.Errorf("%s:%d: a fixed request names the user by mail: %s", name, start, u)
			}
		}
	}
}

// moduleOf returns the directory of the go.mod above a file, up to root.
func moduleOf(root, file string) string {
	for dir := filepath.Dir(file); strings.HasPrefix(dir, root); dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if dir == root {
			break
		}
	}
	return ""
}

// changedLines returns the 1-based lines of new that the change wrote.
func changedLines(old, new []byte) map[int]bool {
	out := map[int]bool{}
	diff := rewrite.UnifiedDiff("f", old, new)
	line := 0
	for _, l := range strings.Split(diff, "\n") {
		switch {
		case strings.HasPrefix(l, "@@"):
			// @@ -a,b +c,d @@
			plus := strings.Fields(l)[2]
			n, _ := strconv.Atoi(strings.Split(strings.TrimPrefix(plus, "+"), ",")[0])
			line = n
		case strings.HasPrefix(l, "+++"), strings.HasPrefix(l, "---"):
		case strings.HasPrefix(l, "+"):
			out[line] = true
			line++
		case strings.HasPrefix(l, " "):
			line++
		}
	}
	return out
}

// invalid says why new is not valid in the format old was valid in.
func invalid(name string, old, new []byte) string {
	base := filepath.Base(name)
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case ext == ".sh" || ext == ".bash" || ext == "" && bytes.HasPrefix(old, []byte("#!")) && bytes.Contains(old[:bytes.IndexByte(append(old, '\n'), '\n')], []byte("sh")):
		p := syntax.NewParser()
		if _, err := p.Parse(bytes.NewReader(old), base); err != nil {
			return ""
		}
		if _, err := p.Parse(bytes.NewReader(new), base); err != nil {
			return "the shell does not parse: " + err.Error()
		}
	case ext == ".json":
		if json.Valid(old) && !json.Valid(new) {
			return "the JSON does not load"
		}
	case ext == ".yml" || ext == ".yaml":
		if yamlOK(old) && !yamlOK(new) {
			return "the YAML does not load"
		}
	case ext == ".go":
		if _, err := parser.ParseFile(token.NewFileSet(), base, new, parser.ParseComments); err != nil {
			return "the Go does not parse: " + err.Error()
		}
		if f, err := gofmt.Source(old); err == nil && bytes.Equal(f, old) {
			if f, err := gofmt.Source(new); err != nil || !bytes.Equal(f, new) {
				return "the Go is no longer gofmt-clean"
			}
		}
	}
	if bytes.Contains(old, []byte("\r\n")) && bytes.Count(new, []byte("\n")) != bytes.Count(new, []byte("\r\n")) && bytes.Count(old, []byte("\n")) == bytes.Count(old, []byte("\r\n")) {
		return "a CRLF file got LF line endings"
	}
	return ""
}

func yamlOK(src []byte) bool {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			return err.Error() == "EOF"
		}
	}
}

func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil {
		return filepath.ToSlash(r)
	}
	return path
}

// copyTree copies a corpus to a temporary directory, keeping file modes.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, r)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// compareTrees returns the first difference between two trees, "" when
// they hold the same files with the same bytes.
func compareTrees(a, b string) string {
	files := map[string][]byte{}
	filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			files[rel(a, p)] = data
		}
		return nil
	})
	diff := ""
	filepath.WalkDir(b, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || diff != "" {
			return nil
		}
		r := rel(b, p)
		data, _ := os.ReadFile(p)
		want, ok := files[r]
		switch {
		case !ok:
			diff = r + " only in the patched tree"
		case !bytes.Equal(data, want):
			diff = r + " differs"
		}
		delete(files, r)
		return nil
	})
	if diff == "" {
		for r := range files {
			return r + " only in the fixed tree"
		}
	}
	return diff
}

// checkOutcomes compares the fix's outcome for each labelled call with the
// corpus's FIXES.tsv, when it has one: path, line of the call's URL,
// "fixed" or "left" (and why), labelled from README's Fixing section alone.
func checkOutcomes(t *testing.T, work string, res *analyzer.FixResult) {
	data, err := os.ReadFile(filepath.Join(work, "FIXES.tsv"))
	if err != nil {
		return
	}
	fixed := map[string]bool{}
	for _, c := range res.Fixed {
		fixed[fmt.Sprintf("%s:%d", rel(work, c.Path), c.Line)] = true
	}
	left := map[string]string{}
	for _, l := range res.Left {
		left[fmt.Sprintf("%s:%d", rel(work, l.Path), l.Line)] = l.Reason
	}
	agree, total := 0, 0
	for n, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			t.Errorf("FIXES.tsv:%d: want path, line, outcome", n+1)
			continue
		}
		at := cols[0] + ":" + cols[1]
		total++
		switch cols[2] {
		case "fixed":
			if !fixed[at] {
				t.Errorf("%s: expected fixed, got left: %s", at, left[at])
				continue
			}
		case "left":
			if fixed[at] {
				t.Errorf("%s: expected left (%s), got fixed", at, strings.Join(cols[3:], " "))
				continue
			}
		default:
			t.Errorf("FIXES.tsv:%d: outcome %q is not fixed or left", n+1, cols[2])
			continue
		}
		agree++
	}
	t.Logf("fix outcomes as labelled: %d of %d calls", agree, total)
}
