// Package eval_test measures a whole scan against labelled corpora of
// realistic legacy files (testdata/corpus, testdata/corpus2, ...: every
// testdata directory named corpus* that holds an EXPECTED.tsv), the way a
// private acceptance corpus would: the labels come from the migration guides
// alone, never from a reader's output. Each corpus is written by a different
// hand, so that a reader tuned on one is measured on another.
package eval_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

const (
	testdataDir  = "../../testdata"
	badCorpusDir = "../../testdata/corpus-bad"
	labelsFile   = "EXPECTED.tsv"

	minRecall    = 0.95
	minPrecision = 0.95
)

// label is one scored observation: a call (Name is the v1 operation, "-"
// when no guide covers it) or a removed/moved parameter, at a line of a file.
type label struct {
	Path string // relative to the corpus, slash-separated
	Line int
	Kind string // "call" or "param"
	Name string
}

func (l label) String() string {
	return fmt.Sprintf("%s:%d %s %s", l.Path, l.Line, l.Kind, l.Name)
}

// site is where a call sits, whatever operation it is said to be.
type site struct {
	Path string
	Line int
}

// corpora lists the labelled corpora: the testdata directories named
// corpus* that hold a labels file. The first corpus must be among them, so a
// renamed directory cannot silently turn the evaluation off.
func corpora(t *testing.T) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(testdataDir, "corpus*", labelsFile))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, m := range matches {
		dirs = append(dirs, filepath.Dir(m))
	}
	sort.Strings(dirs)
	if !contains(dirs, filepath.Join(testdataDir, "corpus")) {
		t.Fatalf("no %s in %s/corpus (found %v)", labelsFile, testdataDir, dirs)
	}
	return dirs
}

// TestCorpus scans each labelled corpus as a subtest and holds each to the
// same thresholds on its own.
func TestCorpus(t *testing.T) {
	cat := defaultCatalog(t)
	for _, dir := range corpora(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) { evalCorpus(t, cat, dir) })
	}
}

func evalCorpus(t *testing.T, cat *rules.Catalog, corpusDir string) {
	expected := readLabels(t, filepath.Join(corpusDir, labelsFile))

	res, err := analyzer.Run(context.Background(), []string{corpusDir}, analyzer.Options{
		Catalog: cat,
		// The labels are not part of the corpus.
		Exclude: []string{labelsFile, "FIXES.tsv"},
		// As scan runs by default: Go modules through the type-aware pass.
		GoPass: true, GoPassAuto: true,
	})
	if err != nil {
		t.Fatalf("analyzer.Run: %v", err)
	}
	for _, e := range res.Errors {
		t.Errorf("file error on a valid corpus file: %s: %s", e.Path, e.Message)
	}
	if res.Files == 0 {
		t.Errorf("the scan looked at no files")
	}

	got, unscored := scoredFindings(t, cat, res.Findings, corpusDir)
	t.Logf("scan: %d files, %d findings, %d scored (%d not scored: credentials, behaviour, ...)",
		res.Files, len(res.Findings), len(got), unscored)

	s := score(expected, got)
	t.Log("\n" + s.table())
	if len(s.misses) > 0 {
		t.Logf("misses (%d):\n%s", len(s.misses), indent(s.misses))
	}
	if len(s.extras) > 0 {
		t.Logf("extras (%d):\n%s", len(s.extras), indent(s.extras))
	}
	if len(s.wrongOp) > 0 {
		t.Logf("calls found at the right line with the wrong operation (%d; each is also a miss and an extra):\n%s",
			len(s.wrongOp), indent(s.wrongOp))
	}

	all := s.total()
	if r := all.recall(); r < minRecall {
		t.Errorf("recall %.3f < %.2f", r, minRecall)
	}
	if p := all.precision(); p < minPrecision {
		t.Errorf("precision %.3f < %.2f", p, minPrecision)
	}
	for _, m := range s.missedParams {
		t.Errorf("expected param not reported: %s", m)
	}
}

// TestLabels checks the labels themselves, so that an off-by-one in
// EXPECTED.tsv is caught before it is blamed on a reader: every path exists,
// every name is one the catalog knows, a param label's line writes the
// parameter's name and a call label's line writes a piece of its URL.
func TestLabels(t *testing.T) {
	cat := defaultCatalog(t)
	for _, dir := range corpora(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) { checkLabels(t, cat, dir) })
	}
}

func checkLabels(t *testing.T, cat *rules.Catalog, corpusDir string) {
	ops := map[string]bool{"-": true}
	for _, op := range cat.Operations {
		ops[op.Name] = true
	}
	params := map[string]bool{}
	for _, r := range cat.Rules() {
		if isParamKind(r.Kind) {
			params[r.Param] = true
		}
	}

	labels := readLabels(t, filepath.Join(corpusDir, labelsFile))
	// Small probes are welcome as long as every operation and parameter is
	// covered (checked below); a corpus of fewer labels says too little.
	if len(labels) < 60 {
		t.Errorf("only %d labels; the corpus is meant to cover every operation many times", len(labels))
	}
	perName := map[string]int{}
	seen := map[label]bool{}
	for _, l := range labels {
		perName[l.Kind+" "+l.Name]++
		if seen[l] {
			t.Errorf("duplicate label %s", l)
		}
		seen[l] = true
		switch l.Kind {
		case "call":
			if !ops[l.Name] {
				t.Errorf("%s: unknown operation %q", l, l.Name)
			}
		case "param":
			if !params[l.Name] {
				t.Errorf("%s: %q is not a removed or moved parameter of the catalog", l, l.Name)
			}
		}
		text, ok := lineOf(t, filepath.Join(corpusDir, filepath.FromSlash(l.Path)), l.Line)
		if !ok {
			t.Errorf("%s: the file has no such line", l)
			continue
		}
		switch {
		case l.Kind == "param" && !strings.Contains(text, l.Name):
			t.Errorf("%s: line does not write %s: %q", l, l.Name, text)
		// A relative path on a client with a prefix base may lack the
		// leading slash: 'users', "groups/…", `users/${id}`.
		case l.Kind == "call" && !containsAny(text, "/api/v1", "/users", "/groups", `"url"`,
			`'users`, `"users`, "`users", `'groups`, `"groups`, "`groups"):
			t.Errorf("%s: line shows no URL piece: %q", l, text)
		}
	}
	for _, op := range cat.Operations {
		if perName["call "+op.Name] < 5 {
			t.Errorf("operation %s has only %d labelled calls", op.Name, perName["call "+op.Name])
		}
	}
	for p := range params {
		if perName["param "+p] < 2 {
			t.Errorf("param %s has only %d labels", p, perName["param "+p])
		}
	}
	var names []string
	for n := range perName {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "  %-34s %d\n", n, perName[n])
	}
	t.Logf("labels per kind and name:\n%s", b.String())
}

// TestBadFiles scans files made invalid on purpose beside valid ones: each
// invalid file is reported in Result.Errors by path with a reason, and the
// valid files are still scanned.
func TestBadFiles(t *testing.T) {
	cat := defaultCatalog(t)
	res, err := analyzer.Run(context.Background(), []string{badCorpusDir}, analyzer.Options{Catalog: cat})
	if err != nil {
		t.Fatalf("analyzer.Run: %v", err)
	}
	bad := []string{"broken.postman_collection.json", "broken-playbook.yml", "unterminated.sh"}
	valid := map[string]bool{"ok.sh": true, "ok.md": true}

	reported := map[string]string{}
	for _, e := range res.Errors {
		rel := relToRoot(t, e.Path, badCorpusDir)
		reported[rel] = e.Message
		if valid[rel] {
			t.Errorf("valid file reported as an error: %s: %s", rel, e.Message)
		}
	}
	for _, name := range bad {
		msg, ok := reported[name]
		switch {
		case !ok:
			t.Errorf("%s is invalid but not in Result.Errors (got errors for %v)", name, keys(reported))
		case strings.TrimSpace(msg) == "":
			t.Errorf("%s is reported without a reason", name)
		default:
			t.Logf("%s: %s", name, msg)
		}
	}

	got, _ := scoredFindings(t, cat, res.Findings, badCorpusDir)
	for _, want := range []label{
		{"ok.sh", 3, "call", "getUserByExternalId"},
		{"ok.md", 4, "call", "pseudonymizeUser"},
	} {
		if got[want] == 0 {
			t.Errorf("valid file beside broken ones not scanned: missing %s", want)
		}
	}
}

func defaultCatalog(t *testing.T) *rules.Catalog {
	t.Helper()
	cat, err := rules.Default()
	if err != nil {
		t.Fatalf("rules.Default: %v", err)
	}
	return cat
}

func isParamKind(kind string) bool { return kind == "param-removed" || kind == "param-moved" }

// scoredFindings maps findings to labels: endpoint findings and unmapped v1
// calls become calls, removed/moved parameter findings become params; the
// rest (credentials, behaviour, response notes) are not scored and only
// counted.
func scoredFindings(t *testing.T, cat *rules.Catalog, fs []rules.Finding, root string) (map[label]int, int) {
	t.Helper()
	got := map[label]int{}
	unscored := 0
	for _, f := range fs {
		r := cat.Rule(f.Rule)
		var l label
		switch {
		case r == nil:
			t.Errorf("finding with a rule the catalog does not know: %s at %s:%d", f.Rule, f.Path, f.Line)
			continue
		case r.Kind == "endpoint" || f.Rule == "v1-endpoint-unmapped":
			name := f.Operation
			if name == "" {
				name = "-"
			}
			l = label{Kind: "call", Name: name}
		case isParamKind(r.Kind):
			l = label{Kind: "param", Name: r.Param}
		default:
			unscored++
			continue
		}
		l.Path, l.Line = relToRoot(t, f.Path, root), f.Line
		got[l]++
	}
	return got, unscored
}

// relToRoot turns a finding's path (relative to the working directory, as
// the output contract says, or relative to the scanned root, or absolute)
// into a slash-separated path relative to root.
func relToRoot(t *testing.T, p, root string) string {
	t.Helper()
	absRoot, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	native := filepath.FromSlash(p)
	candidates := []string{native}
	if !filepath.IsAbs(native) {
		cwdBased, _ := filepath.Abs(native)
		candidates = []string{cwdBased, filepath.Join(absRoot, native)}
	}
	for _, c := range candidates {
		if _, err := os.Stat(c); err != nil {
			continue
		}
		if rel, err := filepath.Rel(absRoot, c); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return p
}

func readLabels(t *testing.T, file string) []label {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("%s:%d: want 4 tab-separated columns, got %d", file, n, len(cols))
		}
		ln, err := strconv.Atoi(cols[1])
		if err != nil || ln < 1 {
			t.Fatalf("%s:%d: bad line number %q", file, n, cols[1])
		}
		if cols[2] != "call" && cols[2] != "param" {
			t.Fatalf("%s:%d: kind must be call or param, not %q", file, n, cols[2])
		}
		out = append(out, label{Path: cols[0], Line: ln, Kind: cols[2], Name: cols[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func lineOf(t *testing.T, file string, n int) (string, bool) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Errorf("%v", err)
		return "", false
	}
	lines := strings.Split(string(data), "\n")
	if n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// format names the format a corpus file is scored under, from its name.
func format(p string) string {
	base := path.Base(p)
	switch ext := strings.ToLower(path.Ext(base)); {
	case strings.HasSuffix(base, ".postman_collection.json"):
		return "postman"
	case ext == ".sh":
		return "shell"
	case ext == ".md":
		return "markdown"
	case ext == ".yml" || ext == ".yaml":
		return "yaml"
	case ext == ".js" || ext == ".ts":
		return "js/ts"
	case ext == ".py":
		return "python"
	case ext == ".rb":
		return "ruby"
	case ext == ".php":
		return "php"
	case ext == ".ps1" || ext == ".psm1":
		return "powershell"
	case ext == ".java":
		return "java"
	case ext == ".cs":
		return "c#"
	case ext == ".go":
		return "go"
	case ext == "":
		return "(no ext)"
	default:
		return ext[1:]
	}
}

// tally counts one slice of the comparison.
type tally struct {
	expected, matched, reported int
	callsAtLine, callsRightOp   int
}

func (c tally) recall() float64    { return ratio(c.matched, c.expected) }
func (c tally) precision() float64 { return ratio(c.matched, c.reported) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

type scores struct {
	byFormat     map[string]*tally
	byKind       map[string]*tally
	misses       []string
	extras       []string
	wrongOp      []string
	missedParams []string
}

func (s *scores) tallyFor(p string) *tally {
	f := format(p)
	if s.byFormat[f] == nil {
		s.byFormat[f] = &tally{}
	}
	return s.byFormat[f]
}

func (s *scores) total() tally {
	var all tally
	for _, c := range s.byFormat {
		all.expected += c.expected
		all.matched += c.matched
		all.reported += c.reported
		all.callsAtLine += c.callsAtLine
		all.callsRightOp += c.callsRightOp
	}
	return all
}

// score compares labels and findings as multisets: a label is matched by a
// finding with the same path, line, kind and name. A call reported at the
// right line with the wrong operation is a miss and an extra; it is also
// counted apart, to tell "found but misnamed" from "not found".
func score(expected []label, got map[label]int) *scores {
	s := &scores{byFormat: map[string]*tally{}, byKind: map[string]*tally{"call": {}, "param": {}}}
	want := map[label]int{}
	for _, l := range expected {
		want[l]++
		s.tallyFor(l.Path).expected++
		s.byKind[l.Kind].expected++
	}
	left := map[label]int{}
	for l, n := range got {
		left[l] = n
		s.tallyFor(l.Path).reported += n
		s.byKind[l.Kind].reported += n
	}
	callsAt := map[site][]string{}
	for l, n := range got {
		if l.Kind == "call" {
			for range n {
				callsAt[site{l.Path, l.Line}] = append(callsAt[site{l.Path, l.Line}], l.Name)
			}
		}
	}

	for _, l := range sortedLabels(want) {
		for range want[l] {
			c := s.tallyFor(l.Path)
			if l.Kind == "call" {
				if names := callsAt[site{l.Path, l.Line}]; len(names) > 0 {
					c.callsAtLine++
					if contains(names, l.Name) {
						c.callsRightOp++
					} else {
						s.wrongOp = append(s.wrongOp, fmt.Sprintf("%s (reported as %s)", l, strings.Join(names, ", ")))
					}
				}
			}
			if left[l] > 0 {
				left[l]--
				c.matched++
				s.byKind[l.Kind].matched++
				continue
			}
			s.misses = append(s.misses, l.String())
			if l.Kind == "param" {
				s.missedParams = append(s.missedParams, l.String())
			}
		}
	}
	for _, l := range sortedLabels(left) {
		for range left[l] {
			s.extras = append(s.extras, l.String())
		}
	}
	return s
}

func (s *scores) table() string {
	var b strings.Builder
	row := func(name string, c tally) {
		fmt.Fprintf(&b, "%-12s %8d %8d %8d %8.3f %9.3f %10s\n", name, c.expected, c.reported, c.matched,
			c.recall(), c.precision(), fmt.Sprintf("%d/%d", c.callsRightOp, c.callsAtLine))
	}
	fmt.Fprintf(&b, "%-12s %8s %8s %8s %8s %9s %10s\n", "format", "expected", "reported", "matched", "recall", "precision", "call op ok")
	var names []string
	for n := range s.byFormat {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		row(n, *s.byFormat[n])
	}
	all := s.total()
	row("ALL", all)
	calls := *s.byKind["call"]
	calls.callsAtLine, calls.callsRightOp = all.callsAtLine, all.callsRightOp
	row("  calls", calls)
	row("  params", *s.byKind["param"])
	b.WriteString("(call op ok: expected calls found at their line with the right operation / all found at their line)\n")
	return b.String()
}

func sortedLabels(m map[label]int) []label {
	out := make([]label, 0, len(m))
	for l := range m {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Name < b.Name
	})
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func indent(lines []string) string {
	return "  " + strings.Join(lines, "\n  ")
}
