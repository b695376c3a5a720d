package yaml_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/analyzer/yaml"
	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

var updateFix = flag.Bool("update-fix", false, "rewrite testdata/fix/*.fixed.yml and *.report")

// fixRun is one fix of a file: what the file became and, per call read,
// what happened to it.
type fixRun struct {
	out []byte
	// fixed[i] reports that call i was fixed; report says so line by line.
	fixed  []bool
	report []string
}

// fixAll fixes every v1 call of a YAML file the way `migaudit fix` does: a
// plan per call with findings, the call's Fixer, all edits applied at once.
func fixAll(t *testing.T, name string, src []byte, opt rules.FixOptions) fixRun {
	t.Helper()
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	calls := readCalls(t, name, src)
	lines := rules.NewLines(src)
	var run fixRun
	var edits []rules.Edit
	for i := range calls {
		call := &calls[i]
		run.fixed = append(run.fixed, false)
		fs := cat.Check(call, nil)
		if len(fs) == 0 {
			continue
		}
		fs[0].Locate(lines)
		at := fmt.Sprintf("line %d", fs[0].Line)
		p, err := cat.Plan(call, src, opt)
		if err == nil {
			if call.Fixer == nil {
				if call.Reader == "yaml" {
					t.Fatalf("%s %s: a uri task has no Fixer", name, at)
				}
				run.report = append(run.report, at+": left: no fixer")
				continue
			}
			var es []rules.Edit
			es, err = call.Fixer.Fix(p)
			if err == nil {
				edits = append(edits, es...)
				run.fixed[i] = true
				run.report = append(run.report, at+": fixed: "+p.Message)
				continue
			}
		}
		var u *rules.Unfixable
		if !errors.As(err, &u) {
			t.Errorf("%s %s: error is %T, want *rules.Unfixable: %v", name, at, err, err)
		}
		run.report = append(run.report, at+": left: "+err.Error())
	}
	run.out, err = rewrite.Apply(src, edits)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return run
}

// readCalls returns the calls of a YAML file: its own, then those of the
// shell snippets it embeds, read by the curl reader.
func readCalls(t *testing.T, name string, src []byte) []rules.Call {
	t.Helper()
	found, err := yaml.Read(name, src)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	calls := found.Calls
	for i := range found.Snippets {
		f, err := curl.ReadSnippet(name, &found.Snippets[i])
		if err != nil {
			t.Fatalf("%s: snippet %d: %v", name, i, err)
		}
		calls = append(calls, f.Calls...)
	}
	return calls
}

// fixCase is a golden fix: testdata/fix/IN fixed with opt gives OUT.fixed.yml
// and OUT.report.
type fixCase struct {
	in, out string
	opt     rules.FixOptions
}

var fixCases = []fixCase{
	{"offboarding.yml", "offboarding", rules.FixOptions{}},
	{"edit-user.yml", "edit-user", rules.FixOptions{}},
	{"remove-role.yml", "remove-role", rules.FixOptions{}},
	{"remove-role.yml", "remove-role.learner", rules.FixOptions{GroupRole: "learner"}},
	{"credentials.yml", "credentials", rules.FixOptions{Token: "{{ lms_token }}"}},
	{"existing-headers.yml", "existing-headers", rules.FixOptions{}},
	{"crlf.yml", "crlf", rules.FixOptions{}},
	{"ci-snippets.yml", "ci-snippets", rules.FixOptions{}},
}

// TestFixGolden fixes each playbook of testdata/fix and compares the result
// with NAME.fixed.yml and what was fixed or left with NAME.report; then it
// checks what users rely on: the YAML still loads with the same task
// structure, every fixed call reads back as a v2 request the reference
// accepts, the calls left keep their findings, and a second run changes
// nothing.
func TestFixGolden(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range fixCases {
		t.Run(tc.out, func(t *testing.T) {
			path := filepath.Join("testdata", "fix", tc.in)
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			run := fixAll(t, path, src, tc.opt)
			report := strings.Join(run.report, "\n") + "\n"
			golden(t, filepath.Join("testdata", "fix", tc.out+".fixed.yml"), run.out)
			golden(t, filepath.Join("testdata", "fix", tc.out+".report"), []byte(report))

			loads(t, src)
			loads(t, run.out)
			sameStructure(t, decodeAll(t, src), decodeAll(t, run.out))
			if bytes.Contains(src, []byte("\r\n")) && bytes.Count(run.out, []byte("\n")) != bytes.Count(run.out, []byte("\r\n")) {
				t.Errorf("a CRLF file got LF line breaks")
			}

			before := readCalls(t, path, src)
			after := readCalls(t, path, run.out)
			if len(after) != len(before) {
				t.Fatalf("the fixed file has %d calls, the original %d", len(after), len(before))
			}
			for i := range after {
				c := &after[i]
				if !run.fixed[i] {
					if got, want := ruleIDs(cat.Check(c, nil)), ruleIDs(cat.Check(&before[i], nil)); !reflect.DeepEqual(got, want) {
						t.Errorf("call %d was left but its findings changed: %v, were %v", i, got, want)
					}
					continue
				}
				if fs := cat.Check(c, nil); len(fs) > 0 {
					t.Errorf("fixed call %d (%s) still has v1 findings: %v", i, c.URLText(), ruleIDs(fs))
				}
				req, ok := c.V2Request()
				if !ok {
					t.Errorf("fixed call %d (%s) is not a v2 request", i, c.URLText())
					continue
				}
				if probs := cat.CheckV2(req); len(probs) > 0 {
					t.Errorf("fixed call %d (%s %s) does not conform to v2: %v", i, req.Method, c.URLText(), probs)
				}
			}

			again := fixAll(t, path, run.out, tc.opt)
			if !bytes.Equal(again.out, run.out) {
				t.Errorf("a second fix changed the file:\n%s", again.out)
			}
			for i, f := range again.fixed {
				if f {
					t.Errorf("the second run fixed call %d again", i)
				}
			}
		})
	}
}

func ruleIDs(fs []rules.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	sort.Strings(out)
	return out
}

// golden compares got with the file at path (rewritten with -update-fix).
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateFix {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update-fix to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func loads(t *testing.T, src []byte) {
	t.Helper()
	decodeAll(t, src)
}

// decodeAll loads every document of src with yaml.v3.
func decodeAll(t *testing.T, src []byte) []any {
	t.Helper()
	dec := yamlv3.NewDecoder(bytes.NewReader(src))
	var docs []any
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			return docs
		}
		if err != nil {
			t.Fatalf("the YAML does not load: %v\n%s", err, src)
		}
		docs = append(docs, v)
	}
}

// changeable are the keys whose scalar values a fix may change: a uri
// task's url, method and body, and the shell scripts the curl fixes edit.
var changeable = map[string]bool{"url": true, "method": true, "body": true, "run": true, "script": true, "args": true, "command": true, "shell": true, "ansible.builtin.shell": true}

// sameStructure checks that a fix kept the documents' structure: the same
// keys and items everywhere, but for headers added (a headers: key, or
// keys inside one), body entries removed (or a body and its body_format),
// and the values of changeable keys changed.
func sameStructure(t *testing.T, before, after any) {
	t.Helper()
	var walk func(b, a any, where string, parent string)
	walk = func(b, a any, where, parent string) {
		switch bv := b.(type) {
		case map[string]any:
			av, ok := a.(map[string]any)
			if !ok {
				t.Errorf("%s: a mapping became %T", where, a)
				return
			}
			for k, x := range bv {
				y, ok := av[k]
				switch {
				case !ok && (parent == "body" || k == "body" || k == "body_format"):
				case !ok:
					t.Errorf("%s: key %s was removed", where, k)
				default:
					walk(x, y, where+"."+k, k)
				}
			}
			for k := range av {
				if _, ok := bv[k]; !ok && k != "headers" && parent != "headers" {
					t.Errorf("%s: key %s was added", where, k)
				}
			}
		case []any:
			av, ok := a.([]any)
			if !ok || len(av) != len(bv) {
				t.Errorf("%s: a list of %d items became %v", where, len(bv), a)
				return
			}
			for i := range bv {
				walk(bv[i], av[i], fmt.Sprintf("%s[%d]", where, i), parent)
			}
		default:
			if !changeable[parent] && !reflect.DeepEqual(a, b) {
				t.Errorf("%s: %v became %v", where, b, a)
			}
		}
	}
	walk(before, after, "", "")
}
