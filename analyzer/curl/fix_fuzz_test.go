package curl_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
	"mvdan.cc/sh/v3/syntax"
)

// FuzzFix fixes arbitrary scripts: no panic, and a script that parses
// still parses once fixed.
func FuzzFix(f *testing.F) {
	for _, dir := range []string{"testdata/fix/*.sh", "testdata/golden/*.sh"} {
		names, _ := filepath.Glob(dir)
		for _, n := range names {
			if src, err := os.ReadFile(n); err == nil {
				f.Add(src)
			}
		}
	}
	cat, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	opt := rules.FixOptions{GroupRole: "learner", Users: map[string]string{"ada@acme.io": "64b7f0c2a1e4d3b2c1a09f8e"}}
	f.Fuzz(func(t *testing.T, src []byte) {
		found, err := curl.Read("f.sh", src)
		if err != nil {
			return
		}
		var edits []rules.Edit
		for i := range found.Calls {
			call := &found.Calls[i]
			if call.Fixer == nil || len(cat.Check(call, nil)) == 0 {
				continue
			}
			p, err := cat.Plan(call, src, opt)
			if err != nil {
				continue
			}
			es, err := call.Fixer.Fix(p)
			if err != nil {
				continue
			}
			// Each call's edits alone must keep the script parsing.
			out, err := rewrite.Apply(src, es)
			if err != nil {
				t.Fatalf("one call's edits conflict: %v", err)
			}
			if _, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(out), ""); err != nil {
				t.Fatalf("fixed script does not parse: %v\n%s", err, out)
			}
			edits = append(edits, es...)
		}
		if out, err := rewrite.Apply(src, edits); err == nil {
			if _, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(out), ""); err != nil {
				t.Fatalf("fixed script does not parse: %v\n%s", err, out)
			}
		}
	})
}
