package postman_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/postman"
	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

var fixOptions = rules.FixOptions{
	GroupRole: "learner",
	Users:     map[string]string{"ada.lovelace@acme.example": "64b7f0c2a1e4d3b2c1a09f8e"},
}

// fixFile plans and applies the fixes of every v1 call of a collection, as
// migaudit fix does, and returns the new content and one line per call
// saying what happened to it.
func fixFile(t *testing.T, cat *rules.Catalog, name string, src []byte, opt rules.FixOptions) ([]byte, []string, []rules.Call) {
	t.Helper()
	found, err := postman.Read(name, src)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	lines := rules.NewLines(src)
	var all []rules.Edit
	var report []string
	var fixed []rules.Call
	for i := range found.Calls {
		call := &found.Calls[i]
		if len(cat.Check(call, nil)) == 0 {
			continue
		}
		line, _ := lines.Position(call.URLSpan().Start)
		p, err := cat.Plan(call, src, opt)
		if err == nil {
			if call.Fixer == nil {
				t.Fatalf("%s:%d: no Fixer", name, line)
			}
			var edits []rules.Edit
			edits, err = call.Fixer.Fix(p)
			if err == nil {
				all = append(all, edits...)
				fixed = append(fixed, *call)
				report = append(report, fmt.Sprintf("%d: fixed: %s", line, p.Message))
				continue
			}
		}
		report = append(report, fmt.Sprintf("%d: left: %v", line, err))
	}
	out, err := rewrite.Apply(src, all)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out, report, fixed
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestFixGolden fixes each collection of testdata/fix and compares the
// result with NAME.fixed.json and the per-call outcomes with NAME.fix.txt;
// it then checks what migaudit's verification checks: the file is valid
// JSON, every fixed call reads back as a v2 request the reference accepts,
// nothing else changes, and a second fix changes nothing.
func TestFixGolden(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	inputs, _ := filepath.Glob("testdata/fix/*.json")
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".fixed.json") {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			out, report, fixed := fixFile(t, cat, filepath.Base(in), src, fixOptions)
			base := strings.TrimSuffix(in, ".json")
			golden(t, base+".fixed.json", out)
			golden(t, base+".fix.txt", []byte(strings.Join(report, "\n")+"\n"))
			verifyFixed(t, cat, src, out, fixed)
		})
	}
	if n == 0 {
		t.Fatal("no inputs in testdata/fix")
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if updating() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs (run with -update and review):\n%s", path, got)
	}
}

// verifyFixed checks a fixed collection the way migaudit fix verifies it.
func verifyFixed(t *testing.T, cat *rules.Catalog, old, new []byte, fixed []rules.Call) {
	t.Helper()
	if !json.Valid(new) {
		t.Fatal("the fixed collection is not valid JSON")
	}
	if strings.Contains(string(old), "\r\n") {
		if strings.Count(string(new), "\n") != strings.Count(string(new), "\r\n") {
			t.Error("a CRLF file got bare LF line endings")
		}
	}
	before, err := postman.Read("c.json", old)
	if err != nil {
		t.Fatal(err)
	}
	after, err := postman.Read("c.json", new)
	if err != nil {
		t.Fatalf("the fixed collection does not read: %v", err)
	}
	if len(after.Calls) != len(before.Calls) {
		t.Fatalf("%d calls before, %d after", len(before.Calls), len(after.Calls))
	}
	findings := func(f *rules.Found) map[string]int {
		m := map[string]int{}
		for i := range f.Calls {
			for _, fd := range cat.Check(&f.Calls[i], nil) {
				m[fd.Rule+" "+fd.Message]++
			}
		}
		return m
	}
	v2 := 0
	for i := range after.Calls {
		c := &after.Calls[i]
		if len(cat.Check(c, nil)) > 0 {
			continue
		}
		r, ok := c.V2Request()
		if !ok {
			continue // not an API call of ours
		}
		v2++
		if probs := cat.CheckV2(r); len(probs) > 0 {
			t.Errorf("call %q: the v2 reference would refuse it: %v", c.URLText(), probs)
		}
	}
	wasV2 := 0
	for i := range before.Calls {
		if len(cat.Check(&before.Calls[i], nil)) == 0 {
			if _, ok := before.Calls[i].V2Request(); ok {
				wasV2++
			}
		}
	}
	if v2 != wasV2+len(fixed) {
		t.Errorf("%d v2 calls after the fix, want %d already v2 + %d fixed", v2, wasV2, len(fixed))
	}
	// What is left reads exactly as before.
	fb, fa := findings(before), findings(after)
	for i := range fixed {
		for _, fd := range cat.Check(&fixed[i], nil) {
			fb[fd.Rule+" "+fd.Message]--
		}
	}
	for k, n := range fb {
		if n > 0 && fa[k] != n {
			t.Errorf("finding %q: %d before the fix (left), %d after", k, n, fa[k])
		}
	}
	for k, n := range fa {
		if fb[k] < n {
			t.Errorf("new finding after the fix: %s", k)
		}
	}
	// A second run changes nothing.
	again, _, refixed := fixFile(t, cat, "again.json", new, fixOptions)
	if string(again) != string(new) || len(refixed) > 0 {
		t.Errorf("a second fix changed the file (%d calls)", len(refixed))
	}
}
