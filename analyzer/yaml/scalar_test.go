package yaml

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	yamlv3 "go.yaml.in/yaml/v3"
)

// scalars returns every scalar node of src's documents.
func scalars(t *testing.T, src []byte) []*yamlv3.Node {
	t.Helper()
	docs, err := decodeAll(src)
	if err != nil {
		t.Fatal(err)
	}
	var out []*yamlv3.Node
	var walk func(n *yamlv3.Node)
	walk = func(n *yamlv3.Node) {
		if n.Kind == yamlv3.ScalarNode {
			out = append(out, n)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	for _, d := range docs {
		walk(d)
	}
	return out
}

// checkMapped asserts that a scalar maps exactly: every byte that is not
// made by the decoding (a fold, an escape) is the file byte it maps to, and
// offsets never go backwards.
func checkMapped(t *testing.T, r *reader, n *yamlv3.Node) {
	t.Helper()
	ms := r.scalar(n)
	if ms.text != n.Value {
		t.Fatalf("line %d: text %q, want %q", n.Line, ms.text, n.Value)
	}
	if !ms.exact {
		t.Fatalf("line %d: %q does not map exactly", n.Line, n.Value)
	}
	for i := 0; i < len(ms.text); i++ {
		if i > 0 && ms.m[i] < ms.m[i-1] {
			t.Fatalf("line %d: offsets go backwards at %d", n.Line, i)
		}
		c := ms.text[i]
		if c == ' ' || c == '\n' || c == '\'' || c == '"' || c == '\\' || c >= 0x80 || c < 0x20 {
			continue // may come from a fold, an escape or a doubled quote
		}
		if r.src[ms.m[i]] != c && r.src[ms.m[i]] != '\\' {
			t.Fatalf("line %d: byte %d %q maps to %q", n.Line, i, c, r.src[ms.m[i]])
		}
	}
}

func TestScalarStylesMapExactly(t *testing.T) {
	src := []byte(`plain: one two
plain_multi: first line
  second line

  after an empty line
single: 'it''s ''quoted'''
single_multi: 'a
  b'
double: "tab\tquote\"slash\\ \x41\u00e9\U0001F600 end"
double_multi: "first \
  joined
  folded"
literal: |
  line one
    indented more
  line three
literal_strip: |-
  no trailing newline
literal_keep: |+
  kept

after: 1
indicator: |2
     three spaces kept
  back
tagged: !!str &anchor plain after properties
in_flow: [a, "b c", 'd']
map_flow: {k: v, "q": 'w'}
empty_quoted: ""
`)
	r := newReader("t.yml", src)
	for _, n := range scalars(t, src) {
		checkMapped(t, r, n)
	}
	// Spot checks.
	for _, n := range scalars(t, src) {
		ms := r.scalar(n)
		switch n.Value {
		case "one two":
			if ms.m[0] != bytes.Index(src, []byte("one two")) || !ms.contiguous(src) {
				t.Errorf("plain: %v", ms.m)
			}
		case "it's 'quoted'":
			if ms.contiguous(src) {
				t.Error("a single-quoted scalar with doubled quotes is not the file text")
			}
			if got := ms.m[len(ms.text)]; src[got] != '\'' || src[got+1] != '\n' {
				t.Errorf("end offset %d is not the closing quote", got)
			}
		case "first joined folded":
			if i := strings.Index(ms.text, "joined"); ms.m[i] != bytes.Index(src, []byte("joined")) {
				t.Errorf("joined maps to %d", ms.m[i])
			}
		}
	}
}

// TestTestdataScalarsMapExactly runs the mapping over every scalar of the
// golden test inputs.
func TestTestdataScalarsMapExactly(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.yml")
	files2, _ := filepath.Glob("testdata/golden/*.yaml")
	files = append(files, files2...)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := decodeAll(src); err != nil {
			continue // the invalid-YAML input
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			r := newReader(f, src)
			for _, n := range scalars(t, src) {
				checkMapped(t, r, n)
			}
		})
	}
}

func TestOffsetCountsCharacters(t *testing.T) {
	src := []byte("\ufeffé: ünïcode\n")
	r := newReader("t.yml", src)
	ns := scalars(t, src)
	if len(ns) != 2 {
		t.Fatalf("%d scalars", len(ns))
	}
	if got, want := r.scalar(ns[1]).m[0], bytes.Index(src, []byte("ünïcode")); got != want {
		t.Errorf("value at %d, want %d", got, want)
	}
	if got := r.scalar(ns[0]).m[0]; got != 3 {
		t.Errorf("key after the BOM at %d, want 3", got)
	}
}
