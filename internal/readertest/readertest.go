// Package readertest runs golden tests for migaudit's readers: every input
// file in a testdata folder is read, its calls checked against the embedded
// catalog, and the findings compared with the file's .golden twin.
//
// Run the tests with -update to rewrite the golden files.
package readertest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/rules"
)

var update = flag.Bool("update", false, "rewrite the .golden files")

// ReadFunc is a reader's entry point.
type ReadFunc func(file string, src []byte) (*rules.Found, error)

// Findings reads src with read and returns the findings, resolving calls
// that wait for a base with the bases the same file defines.
func Findings(t testing.TB, read ReadFunc, file string, src []byte) ([]rules.Finding, error) {
	t.Helper()
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	found, err := read(file, src)
	if err != nil {
		return nil, err
	}
	calls := append([]rules.Call(nil), found.Calls...)
	for _, alts := range rules.Resolve(found.Pending, found.Bases) {
		if len(alts) > 0 {
			calls = append(calls, alts[0])
		}
	}
	lines := rules.NewLines(src)
	var out []rules.Finding
	for i := range calls {
		for _, f := range cat.Check(&calls[i], nil) {
			f.Locate(lines)
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
	return out, nil
}

// Format renders findings one a line: "L:C-EL:EC severity rule [operation] message".
func Format(fs []rules.Finding, err error) string {
	var b strings.Builder
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	}
	for _, f := range fs {
		op := f.Operation
		if op == "" {
			op = "-"
		}
		fmt.Fprintf(&b, "%d:%d-%d:%d %s %s %s: %s\n", f.Line, f.Column, f.EndLine, f.EndColumn, f.Severity, f.Rule, op, f.Message)
	}
	return b.String()
}

// Golden runs read over every file in dir (not the .golden ones) and compares
// the formatted findings with dir/NAME.golden.
func Golden(t *testing.T, dir string, read ReadFunc) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".golden") {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fs, rerr := Findings(t, read, filepath.ToSlash(path), src)
			got := Format(fs, rerr)
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("findings for %s differ from %s (go test -update rewrites it)\n--- got\n%s--- want\n%s", path, golden, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatalf("no test inputs in %s", dir)
	}
}
