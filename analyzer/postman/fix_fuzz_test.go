package postman_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/migaudit/migaudit/analyzer/postman"
	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

// FuzzFix checks that a fix never panics, that one call's edits never
// overlap, and that a collection that was valid JSON stays valid JSON
// whichever call is fixed.
func FuzzFix(f *testing.F) {
	for _, dir := range []string{"testdata/fix", "testdata/golden"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, p := range files {
			if src, err := os.ReadFile(p); err == nil {
				f.Add(src)
			}
		}
	}
	cat, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		found, err := postman.Read("c.json", src)
		if err != nil {
			return
		}
		valid := json.Valid(src)
		for i := range found.Calls {
			call := &found.Calls[i]
			if call.Fixer == nil || len(cat.Check(call, nil)) == 0 {
				continue
			}
			p, err := cat.Plan(call, src, fixOptions)
			if err != nil {
				continue
			}
			edits, err := call.Fixer.Fix(p)
			if err != nil {
				continue
			}
			out, err := rewrite.Apply(src, edits)
			if err != nil {
				t.Fatalf("call %q: %v", call.URLText(), err)
			}
			if valid && !json.Valid(out) {
				t.Fatalf("call %q: the fix breaks the JSON:\n%s", call.URLText(), out)
			}
		}
	})
}
