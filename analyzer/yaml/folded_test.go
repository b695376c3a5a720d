package yaml

import (
	"strings"
	"testing"

	yamlv3 "go.yaml.in/yaml/v3"
)

// checkFolded asserts that a folded scalar maps exactly: every byte is the
// file byte it maps to, except a space a fold makes, which maps to the line
// break it replaces, and a newline, which maps to a line break.
func checkFolded(t *testing.T, src []byte, r *reader, n *yamlv3.Node) {
	t.Helper()
	ms := r.scalar(n)
	if ms.text != n.Value {
		t.Fatalf("line %d: text %q, want %q", n.Line, ms.text, n.Value)
	}
	if !ms.exact {
		t.Fatalf("line %d: %q does not map exactly", n.Line, n.Value)
	}
	for i := 0; i < len(ms.text); i++ {
		off := ms.m[i]
		if i > 0 && off <= ms.m[i-1] {
			t.Fatalf("line %d: offsets do not go forward at %d", n.Line, i)
		}
		c := ms.text[i]
		switch {
		case src[off] == c:
		case (c == ' ' || c == '\n') && (src[off] == '\n' || src[off] == '\r'):
		default:
			t.Fatalf("line %d: byte %d %q maps to %d (%q)", n.Line, i, c, off, src[off])
		}
	}
	if end := ms.m[len(ms.text)]; len(ms.text) > 0 && end != ms.m[len(ms.text)-1]+1 {
		t.Errorf("line %d: end offset %d, want just past the last byte", n.Line, end)
	}
}

func TestFoldedMapsExactly(t *testing.T) {
	for _, src := range []string{
		"a: >-\n  curl -X PUT\n  https://acme.360learning.com/api/v1/users\n",
		"a: >\n  one\n  two\n\n  after empty\n\n\n  two empties\nb: 1\n",
		"a: >\n  text\n    more indented\n    still\n  back\n",
		"a: >+\n  kept\n\n\nb: 1\n",
		"a: >\n\n  leading empty\n  line\n",
		"a: >-\r\n  crlf\r\n  folded\r\n",
		"a:\n  - >-\n      set -e;\n      curl -sf \"https://acme.360learning.com/api/v1/groups?company=$C&apiKey=$K\"\n  - x\n",
		"a: >-\n    deeper\n    indent\n  # a comment ends it\nb: 1\n",
		"a: > # header comment\n  x  \n  y\n",
		"a: >\n  tab\n  \tmore\n  z\n",
		"a: >-\n  last line without break",
	} {
		b := []byte(src)
		r := newReader("t.yml", b)
		for _, n := range scalars(t, b) {
			if n.Style&yamlv3.FoldedStyle != 0 {
				checkFolded(t, b, r, n)
			}
		}
	}
}

func TestFoldedSpaceMapsToLineBreak(t *testing.T) {
	src := []byte("script: >-\n  curl -X PUT\n  https://acme.360learning.com/api/v1/users\n")
	r := newReader("t.yml", src)
	ns := scalars(t, src)
	ms := r.scalar(ns[1])
	sp := strings.Index(ms.text, " https")
	if want := strings.Index(string(src), "PUT\n") + 3; ms.m[sp] != want {
		t.Errorf("fold space maps to %d, want the line break at %d", ms.m[sp], want)
	}
	h := sp + 1
	if want := strings.Index(string(src), "https"); ms.m[h] != want {
		t.Errorf("https maps to %d, want %d", ms.m[h], want)
	}
	if ms.contiguous(src) {
		t.Error("a folded scalar is not the file text")
	}
}
