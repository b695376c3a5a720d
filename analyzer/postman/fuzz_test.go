package postman

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/migaudit/migaudit/rules"
)

// toAny turns a parsed node into what encoding/json decodes (with UseNumber).
func toAny(n *node) any {
	switch n.kind {
	case kNull:
		return nil
	case kBool:
		return n.str == "true"
	case kNumber:
		return json.Number(n.str)
	case kString:
		return n.str
	case kArray:
		out := make([]any, 0, len(n.elems))
		for _, e := range n.elems {
			out = append(out, toAny(e))
		}
		return out
	}
	out := map[string]any{}
	for i, k := range n.keys {
		out[k.str] = toAny(n.vals[i])
	}
	return out
}

// checkSpans verifies that every span of the tree covers the value's text.
func checkSpans(t *testing.T, src []byte, n *node) {
	t.Helper()
	if n.span.Start < 0 || n.span.End > len(src) || n.span.Start >= n.span.End {
		t.Fatalf("bad span %+v", n.span)
	}
	text := src[n.span.Start:n.span.End]
	switch n.kind {
	case kString:
		var s string
		if err := json.Unmarshal(text, &s); err != nil || s != n.str {
			t.Fatalf("string span %q decodes to %q, node has %q (%v)", text, s, n.str, err)
		}
		dec, offs := unescape(text)
		if dec != n.str || len(offs) != len(dec)+1 {
			t.Fatalf("unescape(%q) = %q with %d offsets", text, dec, len(offs))
		}
	case kObject:
		if text[0] != '{' || text[len(text)-1] != '}' {
			t.Fatalf("object span %q", text)
		}
		for i := range n.keys {
			checkSpans(t, src, n.keys[i])
			checkSpans(t, src, n.vals[i])
		}
	case kArray:
		if text[0] != '[' || text[len(text)-1] != ']' {
			t.Fatalf("array span %q", text)
		}
		for _, e := range n.elems {
			checkSpans(t, src, e)
		}
	default:
		if string(text) != n.str {
			t.Fatalf("literal span %q, node %q", text, n.str)
		}
	}
}

// FuzzParseJSON checks the parser against encoding/json: same verdict on
// every valid UTF-8 input, same values, exact spans.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{
		`{"a": [1, -2.5e+3, true, false, null, "x\"y\u00e9\ud83d\ude00\ud800"], "b": {}}`,
		`[]`, `"\/\b\f\n\r\t"`, `01`, `1.`, `-`, `{"a":1,}`, `[1,]`, `"\u12"`, "\"\x01\"", ` 1 `, `{} {}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if !utf8.Valid(src) {
			return
		}
		n, err := parseJSON(src, 0)
		if valid := json.Valid(src); valid != (err == nil) {
			t.Fatalf("json.Valid = %v, parseJSON error = %v", valid, err)
		}
		if err != nil {
			if se, ok := err.(*syntaxError); !ok || se.off < 0 || se.off > len(src) {
				t.Fatalf("error %v", err)
			}
			return
		}
		dec := json.NewDecoder(bytes.NewReader(src))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if got := toAny(n); !reflect.DeepEqual(got, want) {
			t.Fatalf("parsed %#v, encoding/json %#v", got, want)
		}
		checkSpans(t, src, n)
	})
}

// FuzzRead reads arbitrary input: no panic, and whatever it returns points
// into the file (raw parts are the file's own text).
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/golden/*.json")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(`{"info":{},"item":[{"request":{"url":{"raw":"{{a}}?x=1&x=2&y","query":[{"key":"x","disabled":true}]},"body":{"mode":"raw","raw":"{\"a\":{{b}},/*c*/\"d\":1}"}}}],"variable":[{"key":"a","value":"{{a}}"}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		found, err := Read("f.json", src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "invalid JSON: line ") && !strings.HasPrefix(err.Error(), ErrNotCollection.Error()) {
				t.Fatalf("unexpected error text %q", err)
			}
			return
		}
		IsCollection(src)
		IsEnvironment(src)
		inFile := func(what string, s rules.Span) {
			if s.Start < 0 || s.End > len(src) || s.Start > s.End {
				t.Fatalf("%s span %+v outside the file (%d bytes)", what, s, len(src))
			}
		}
		parts := func(ps []rules.URLPart) {
			for _, p := range ps {
				inFile("URL part", p.Span)
				if p.Raw && string(src[p.Span.Start:p.Span.End]) != p.Lit {
					t.Fatalf("raw part %q is %q in the file", p.Lit, src[p.Span.Start:p.Span.End])
				}
			}
		}
		calls := append([]rules.Call(nil), found.Calls...)
		for _, p := range found.Pending {
			calls = append(calls, p.Call)
		}
		for _, c := range calls {
			inFile("call", c.Span)
			inFile("method", c.MethodSpan)
			parts(c.URL)
			for _, p := range c.Params {
				inFile("param", p.Span)
				inFile("param name", p.NameSpan)
			}
		}
		for _, b := range found.Bases {
			parts(b.URL)
		}
		for _, sn := range found.Snippets {
			if len(sn.Map) != len(sn.Text)+1 {
				t.Fatalf("snippet map has %d entries for %d bytes", len(sn.Map), len(sn.Text))
			}
			for _, off := range sn.Map {
				inFile("snippet", rules.Span{Start: off, End: off})
			}
		}
	})
}
