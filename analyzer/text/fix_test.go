package text_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

// fixOptions are the answers the fix tests give: a group role, no user map
// (a mail in a path is left to a person).
var fixOptions = rules.FixOptions{GroupRole: "learner"}

// fixFile plans and fixes every v1 call of a file read by the text reader.
// It returns the fixed text and one line per call with findings: where it
// is and either the plan's message or why it is left.
func fixFile(t *testing.T, cat *rules.Catalog, name string, src []byte) ([]byte, []string) {
	t.Helper()
	found, err := text.Read(name, src)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var edits []rules.Edit
	var outcome []string
	for i := range found.Calls {
		call := &found.Calls[i]
		if len(cat.Check(call, &rules.Options{})) == 0 {
			continue
		}
		line := 1 + strings.Count(string(src[:call.URLSpan().Start]), "\n")
		p, err := cat.Plan(call, src, fixOptions)
		if err == nil {
			if call.Fixer == nil {
				outcome = append(outcome, fmt.Sprintf("%d: no fixer", line))
				continue
			}
			var es []rules.Edit
			es, err = call.Fixer.Fix(p)
			if err == nil {
				edits = append(edits, es...)
				outcome = append(outcome, fmt.Sprintf("%d: fixed: %s", line, p.Message))
				continue
			}
		}
		outcome = append(outcome, fmt.Sprintf("%d: left: %v", line, err))
	}
	out, err := rewrite.Apply(src, edits)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out, outcome
}

// findingTexts returns the rule and message of every finding of a file,
// sorted: what a fix must keep for the calls it leaves.
func findingTexts(t *testing.T, cat *rules.Catalog, name string, src []byte) []string {
	t.Helper()
	found, err := text.Read(name, src)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out []string
	for i := range found.Calls {
		for _, f := range cat.Check(&found.Calls[i], &rules.Options{}) {
			out = append(out, f.Rule+": "+f.Message)
		}
	}
	sort.Strings(out)
	return out
}

// TestFix fixes each file of testdata/fix and compares the result with
// NAME.fixed.EXT and the per-call outcomes with NAME.EXT.plan (go test
// -update rewrites both). The fixed file must read back with every fixed
// call a v2 request the reference accepts, the findings of the calls left
// unchanged, and a second fix must change nothing.
func TestFix(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	update := false
	if f := flag.Lookup("update"); f != nil {
		update = f.Value.String() == "true"
	}
	files, err := filepath.Glob("testdata/fix/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range files {
		if strings.Contains(filepath.Base(path), ".fixed.") || strings.HasSuffix(path, ".plan") {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fixed, outcome := fixFile(t, cat, path, src)
			ext := filepath.Ext(path)
			fixedPath := strings.TrimSuffix(path, ext) + ".fixed" + ext
			plan := strings.Join(outcome, "\n") + "\n"
			if update {
				if err := os.WriteFile(fixedPath, fixed, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path+".plan", []byte(plan), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(fixedPath)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if string(fixed) != string(want) {
				t.Errorf("fixed %s differs from %s:\n%s", path, fixedPath, fixed)
			}
			wantPlan, err := os.ReadFile(path + ".plan")
			if err != nil {
				t.Fatal(err)
			}
			if plan != string(wantPlan) {
				t.Errorf("outcomes differ:\n--- got\n%s--- want\n%s", plan, wantPlan)
			}
			checkFixed(t, cat, path, src, fixed, outcome)
		})
	}
	if n == 0 {
		t.Fatal("no test files in testdata/fix")
	}
}

// checkFixed verifies a fixed file the way the fix command does.
func checkFixed(t *testing.T, cat *rules.Catalog, path string, src, fixed []byte, outcome []string) {
	t.Helper()
	fixedCount, left := 0, 0
	for _, o := range outcome {
		if strings.Contains(o, ": fixed: ") {
			fixedCount++
		} else {
			left++
		}
	}
	found, err := text.Read(path, fixed)
	if err != nil {
		t.Fatal(err)
	}
	v2 := 0
	for i := range found.Calls {
		c := &found.Calls[i]
		r, ok := c.V2Request()
		if !ok {
			continue
		}
		v2++
		if probs := cat.CheckV2(r); len(probs) > 0 {
			t.Errorf("v2 call %s %s reads back with problems: %v", c.Method, c.URLText(), probs)
		}
	}
	before, _ := text.Read(path, src)
	v2Before := 0
	for i := range before.Calls {
		if _, ok := before.Calls[i].V2Request(); ok {
			v2Before++
		}
	}
	if v2-v2Before != fixedCount {
		t.Errorf("%d calls read back as v2 after the fix, %d before; %d were fixed", v2, v2Before, fixedCount)
	}
	// the calls left keep their findings, and nothing else is reported
	_, leftOutcome := fixFile(t, cat, path, fixed)
	if len(leftOutcome) != left {
		t.Errorf("after the fix %d calls have findings, want the %d left:\n%s", len(leftOutcome), left, strings.Join(leftOutcome, "\n"))
	}
	var keptBefore []string
	for i := range before.Calls {
		c := &before.Calls[i]
		fs := cat.Check(c, &rules.Options{})
		if len(fs) == 0 {
			continue
		}
		if p, err := cat.Plan(c, src, fixOptions); err == nil && c.Fixer != nil {
			if _, err := c.Fixer.Fix(p); err == nil {
				continue
			}
		}
		for _, f := range fs {
			keptBefore = append(keptBefore, f.Rule+": "+f.Message)
		}
	}
	sort.Strings(keptBefore)
	if got := findingTexts(t, cat, path, fixed); strings.Join(got, "\n") != strings.Join(keptBefore, "\n") {
		t.Errorf("findings after the fix:\n%s\nwant those of the calls left:\n%s", strings.Join(got, "\n"), strings.Join(keptBefore, "\n"))
	}
	// a second run changes nothing
	again, _ := fixFile(t, cat, path, fixed)
	if string(again) != string(fixed) {
		t.Errorf("a second fix changes the file:\n%s", again)
	}
}
