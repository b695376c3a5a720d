package curl_test

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
	"mvdan.cc/sh/v3/syntax"
)

// readFunc is one of the package's readers.
type readFunc func(file string, src []byte) (*rules.Found, error)

// fixResult is one fix run over a file.
type fixResult struct {
	out   []byte
	fixed []string // "line N: message" of each fixed call
	left  []string // "line N: reason" of each call left to a person
}

// fixFile plans and applies the fixes of every v1 call of src, as the fix
// command does.
func fixFile(t *testing.T, read readFunc, file string, src []byte, opt rules.FixOptions) fixResult {
	t.Helper()
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	found, err := read(file, src)
	if err != nil {
		t.Fatalf("read %s: %v", file, err)
	}
	var res fixResult
	var edits []rules.Edit
	for i := range found.Calls {
		call := &found.Calls[i]
		if len(cat.Check(call, nil)) == 0 {
			continue
		}
		line := bytes.Count(src[:call.Span.Start], []byte("\n")) + 1
		p, err := cat.Plan(call, src, opt)
		if err == nil && call.Fixer == nil {
			err = fmt.Errorf("no fixer")
		}
		var es []rules.Edit
		if err == nil {
			es, err = call.Fixer.Fix(p)
		}
		if err != nil {
			res.left = append(res.left, fmt.Sprintf("line %d: %v", line, err))
			continue
		}
		res.fixed = append(res.fixed, fmt.Sprintf("line %d: %s", line, p.Message))
		edits = append(edits, es...)
	}
	out, err := rewrite.Apply(src, edits)
	if err != nil {
		t.Fatalf("%s: apply: %v", file, err)
	}
	res.out = out
	return res
}

// checkFixed asserts what a fixed file must be: it still parses (shell
// scripts), every v2 call in it is one the v2 reference accepts, it holds
// no more v1 calls than were left, and fixing it again changes nothing.
func checkFixed(t *testing.T, read readFunc, file string, res fixResult, opt rules.FixOptions) {
	t.Helper()
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(file, ".sh") {
		if _, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(res.out), file); err != nil {
			t.Errorf("%s: fixed script does not parse: %v", file, err)
		}
	}
	found, err := read(file, res.out)
	if err != nil {
		t.Fatalf("%s: re-read: %v", file, err)
	}
	v1 := 0
	v2 := 0
	for i := range found.Calls {
		call := &found.Calls[i]
		if r, ok := call.V2Request(); ok {
			v2++
			if probs := cat.CheckV2(r); len(probs) > 0 && isOurs(call) {
				t.Errorf("%s: fixed call %s %s: %v", file, call.Method, call.URLText(), probs)
			}
			continue
		}
		if len(cat.Check(call, nil)) > 0 {
			v1++
		}
	}
	if v1 > len(res.left) {
		t.Errorf("%s: %d v1 calls remain, but only %d were left", file, v1, len(res.left))
	}
	again := fixFile(t, read, file, res.out, opt)
	if !bytes.Equal(again.out, res.out) {
		t.Errorf("%s: a second fix changes the file:\n%s", file, again.out)
	}
	if len(again.fixed) > 0 {
		t.Errorf("%s: a second fix plans %v", file, again.fixed)
	}
}

// isOurs reports a call to a 360Learning host or a templated one (decoys
// with other hosts are not checked against the v2 reference).
func isOurs(c *rules.Call) bool {
	u := strings.ToLower(c.URLText())
	return strings.Contains(u, "360learning") || strings.Contains(u, "{")
}

// report renders what a fix run did, for the .fixed golden's review.
func (r fixResult) report() string {
	var b strings.Builder
	sort.Strings(r.fixed)
	for _, f := range r.fixed {
		b.WriteString("fixed " + f + "\n")
	}
	for _, l := range r.left {
		b.WriteString("left  " + l + "\n")
	}
	return b.String()
}
