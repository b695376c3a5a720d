package curl_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/rules"
)

// TestMakefilePendingAndBases: a recipe URL on a variable the Makefile does
// not set is Pending on it; an assignment of a v1 base is a Base, with the
// make references in its value substituted.
func TestMakefilePendingAndBases(t *testing.T) {
	src := "LMS_HOST ?= acme.360learning.com\n" +
		"LMS_BASE := https://$(LMS_HOST)/api/v1\n" +
		"users:\n" +
		"\t@curl -s \"$(LMS_ROOT)/users?deleted=true\"\n"
	found, err := curl.ReadMakefile("Makefile", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Pending) != 1 || found.Pending[0].Base != "LMS_ROOT" {
		t.Fatalf("pending = %+v, want one on LMS_ROOT", found.Pending)
	}
	u := found.Pending[0].Call.URL
	if got := src[u[0].Span.Start:u[0].Span.End]; got != "$(LMS_ROOT)" {
		t.Errorf("hole span covers %q, want $(LMS_ROOT)", got)
	}
	var bases []string
	for _, b := range found.Bases {
		bases = append(bases, b.Name+"="+(&rules.Call{URL: b.URL}).URLText())
	}
	if got := strings.Join(bases, " "); !strings.Contains(got, "LMS_BASE=https://acme.360learning.com/api/v1") {
		t.Errorf("bases = %s, want LMS_BASE with LMS_HOST substituted", got)
	}
}

// TestMakefileSpansAndSkippedLines: offsets are the file's; lines that are
// not recipes (a define block, an indented line before any rule, a rule
// line) and assignments the shell would not read as one word are not read
// as commands.
func TestMakefileSpansAndSkippedLines(t *testing.T) {
	src := "\tcurl https://acme.360learning.com/api/v1/users\n" + // no rule yet
		"CURL = curl -s\n" +
		"define DOC\n\tcurl https://acme.360learning.com/api/v1/groups\nendef\n" +
		"all:\n" +
		"\t-$(CURL) https://acme.360learning.com/api/v1/courses\n" +
		"\t+curl -X DELETE \"https://acme.360learning.com/api/v1/users/$(EMAIL)\"\n"
	found, err := curl.ReadMakefile("Makefile", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Calls) != 1 {
		t.Fatalf("calls = %d, want 1 (the DELETE; $(CURL) is no curl command)", len(found.Calls))
	}
	c := found.Calls[0]
	if c.Method != "DELETE" || src[c.MethodSpan.Start:c.MethodSpan.End] != "DELETE" {
		t.Errorf("method %s at %q", c.Method, src[c.MethodSpan.Start:c.MethodSpan.End])
	}
	last := c.URL[len(c.URL)-1]
	if got := src[last.Span.Start:last.Span.End]; got != "$(EMAIL)" {
		t.Errorf("last part %+v covers %q, want $(EMAIL)", last, got)
	}
}

// TestMakefileMalformed: unbalanced references, a lone backslash, binary
// junk and an empty file give no error and no panic.
func TestMakefileMalformed(t *testing.T) {
	for _, src := range []string{
		"", "x:\n\tcurl \"$(A\n", "x:\n\tcurl 'https://a/api/v1/users \\\n", "A = $(\nB := ${\n",
		"x:\n\t$(shell (echo)) $((1+2)) $\n", "\x00\xff:\n\t\x01",
	} {
		if _, err := curl.ReadMakefile("Makefile", []byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}
