package analyzer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

// verify applies the candidates' edits and checks the result, dropping
// candidates until what remains passes. It returns the kept candidates,
// the new content and why each dropped one failed.
//
// oldErrs and oldFindings are how many reader errors and findings the
// file has as it is.
func (fx *fixer) verify(path string, src []byte, cands []*candidate, oldErrs, oldFindings int) ([]*candidate, []byte, map[*candidate]string) {
	failures := map[*candidate]string{}
	kept := append([]*candidate(nil), cands...)
	for len(kept) > 0 {
		var edits []rules.Edit
		for _, c := range kept {
			edits = append(edits, c.edits...)
		}
		newSrc, err := rewrite.Apply(src, edits)
		if err != nil {
			// Overlapping fixes: keep the first call, drop the one after.
			var ce *rewrite.ConflictError
			drop := kept[len(kept)-1]
			if errors.As(err, &ce) {
				drop = owner(kept, ce.B)
			}
			failures[drop] = "it overlaps another call's fix"
			kept = without(kept, drop)
			continue
		}
		if why := validFormat(path, src, newSrc); why != "" {
			if len(kept) == 1 {
				failures[kept[0]] = why
				return nil, nil, failures
			}
			// Find the culprit one call at a time.
			for _, c := range kept {
				one, _ := rewrite.Apply(src, c.edits)
				if one == nil || validFormat(path, src, one) != "" {
					failures[c] = why
					kept = without(kept, c)
				}
			}
			if len(kept) > 0 && len(failures) > 0 {
				continue
			}
			for _, c := range kept {
				failures[c] = why
			}
			return nil, nil, failures
		}
		found, newErrs := dispatch(path, newSrc, false, nil)
		if len(newErrs) > oldErrs {
			for _, c := range kept {
				failures[c] = "the file no longer reads: " + newErrs[0]
			}
			return nil, nil, failures
		}
		bad := false
		for _, c := range kept {
			at := shift(c.call.URLSpan().Start, edits)
			nc := callAt(found, at)
			if nc == nil {
				failures[c], bad = "the fixed call cannot be read back", true
				kept = without(kept, c)
				continue
			}
			if fs := fx.cat.Check(nc, fx.check); len(fs) > 0 {
				failures[c], bad = "it still reads as a v1 call: "+fs[0].Message, true
				kept = without(kept, c)
				continue
			}
			r, ok := nc.V2Request()
			if !ok {
				failures[c], bad = "it does not read as a v2 call", true
				kept = without(kept, c)
				continue
			}
			if probs := fx.cat.CheckV2(r); len(probs) > 0 {
				failures[c], bad = "the v2 reference would refuse it: "+strings.Join(probs, "; "), true
				kept = without(kept, c)
				continue
			}
			if why := bodyKept(c, nc); why != "" {
				failures[c], bad = why, true
				kept = without(kept, c)
				continue
			}
			if why := hiddenLeftovers(newSrc, nc); why != "" {
				failures[c], bad = why, true
				kept = without(kept, c)
			}
		}
		if bad {
			continue
		}
		resolved := 0
		for _, c := range kept {
			resolved += len(fx.cat.Check(c.call, fx.check)) // suppressed ones too: the fix resolves them
		}
		if got := fx.countFindings(found); got != oldFindings-resolved {
			for _, c := range kept {
				failures[c] = fmt.Sprintf("other findings of the file changed (%d before, %d after, %d fixed)", oldFindings, got, resolved)
			}
			return nil, nil, failures
		}
		return kept, newSrc, failures
	}
	return nil, nil, failures
}

// countFindings counts the catalog's findings about the calls found.
func (fx *fixer) countFindings(found *rules.Found) int {
	if found == nil {
		return 0
	}
	n := 0
	seen := map[findingKey]bool{}
	for i := range found.Calls {
		for _, f := range fx.cat.Check(&found.Calls[i], fx.check) {
			k := findingKey{f.Rule, f.Span}
			if !seen[k] {
				seen[k] = true
				n++
			}
		}
	}
	return n
}

// validFormat returns why new is not valid in a format old was valid in.
func validFormat(path string, old, new []byte) string {
	switch formatOf(path, old) {
	case fmtJSON:
		if json.Valid(old) && !json.Valid(new) {
			return "the JSON would no longer load"
		}
	case fmtYAML:
		if yamlLoads(old) && !yamlLoads(new) {
			return "the YAML would no longer load"
		}
	case fmtMarkdown:
		return sameBlocks(readers.markdownRead, path, old, new)
	case fmtRST:
		return sameBlocks(readers.rstRead, path, old, new)
	case fmtAsciiDoc:
		return sameBlocks(readers.asciidocRead, path, old, new)
	}
	return ""
}

// sameBlocks returns why a document's code blocks changed shape: a fix
// may change what a block holds, never where blocks start and end (a
// line outside a list item's indentation ends its fence early).
func sameBlocks(read func(string, []byte) (*rules.Found, error), path string, old, new []byte) string {
	langs := func(src []byte) []string {
		f, err := guard(func() (*rules.Found, error) { return read(path, src) })
		if err != nil || f == nil {
			return nil
		}
		var out []string
		for _, sn := range f.Snippets {
			if sn.Lang != "prose" {
				out = append(out, sn.Lang)
			}
		}
		return out
	}
	if !slices.Equal(langs(old), langs(new)) {
		return "the document's code blocks would change (a line would fall out of its block)"
	}
	return ""
}

func yamlLoads(src []byte) bool {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if err != nil {
			return err.Error() == "EOF"
		}
	}
}

// shift maps an offset of the old content to the new one.
func shift(off int, edits []rules.Edit) int {
	d := 0
	for _, e := range edits {
		if e.Span.End <= off && !(e.Span.Start == off && e.Span.End == off) {
			d += len(e.NewText) - (e.Span.End - e.Span.Start)
		}
	}
	return off + d
}

// callAt returns the call whose URL starts at off, else the call whose
// span holds off.
func callAt(f *rules.Found, off int) *rules.Call {
	if f == nil {
		return nil
	}
	var within *rules.Call
	for i := range f.Calls {
		c := &f.Calls[i]
		if c.URLSpan().Start == off {
			return c
		}
		if within == nil && c.Span.Start <= off && off < c.Span.End {
			within = c
		}
	}
	return within
}

func owner(cs []*candidate, e rules.Edit) *candidate {
	for i := len(cs) - 1; i >= 0; i-- {
		for _, x := range cs[i].edits {
			if x.Span == e.Span && x.NewText == e.NewText {
				return cs[i]
			}
		}
	}
	return cs[len(cs)-1]
}

func without(cs []*candidate, c *candidate) []*candidate {
	var out []*candidate
	for _, x := range cs {
		if x != c {
			out = append(out, x)
		}
	}
	return out
}

// bodyKept returns why the fixed call nc does not send the body fields the
// call sent, but those the plan removes: a fix may take fields out, never
// lose or damage the others.
func bodyKept(c *candidate, nc *rules.Call) string {
	count := func(ps []rules.Param) map[string]int {
		m := map[string]int{}
		for _, p := range ps {
			if p.In == rules.InBody || p.In == rules.InForm {
				m[p.Name]++
			}
		}
		return m
	}
	want := count(c.call.Params)
	for name, n := range count(c.plan.Remove) {
		want[name] -= n
	}
	got := count(nc.Params)
	for name, n := range want {
		if n > 0 && got[name] < n {
			return "the fixed request would no longer send the body field " + name
		}
	}
	for name, n := range got {
		if n > want[name] {
			return "the fixed request would send a body field it did not: " + name
		}
	}
	return ""
}

// leftoverWords are what, still written in a fixed call's own text, says it
// may send what the readers did not see as parameters: the v1 credentials
// in a string body or a list of pairs, or a form body (v2 takes JSON).
var leftoverWords = []struct{ word, why string }{
	{"apikey", "the v1 credential apiKey is still written in the call"},
	{"company=", "the v1 credential company is still written in the call"},
	{`"company"`, "the v1 credential company is still written in the call"},
	{"'company'", "the v1 credential company is still written in the call"},
	{"urlsearchparams", "the call sends a form body (URLSearchParams), and v2 takes JSON"},
	{"formdata", "the call sends a form body (FormData), and v2 takes JSON"},
	{"files=", "the call sends a multipart body (files=), and v2 takes JSON"},
	{"x-www-form-urlencoded", "the call sends a form body, and v2 takes JSON"},
	{"multipart/form-data", "the call sends a multipart body, and v2 takes JSON"},
}

// hiddenLeftovers returns why the fixed call's own text (the command, the
// call expression) still says it sends v1 credentials or a form: a string
// body, a list of query pairs, a form object the readers did not take
// apart. The fix is then not trusted.
func hiddenLeftovers(src []byte, nc *rules.Call) string {
	sp := nc.Span
	if sp.End > len(src) || sp.Start >= sp.End {
		return ""
	}
	text := strings.ToLower(string(src[sp.Start:sp.End]))
	for _, w := range leftoverWords {
		if strings.Contains(text, w.word) {
			return w.why + ": change it by hand"
		}
	}
	// A name the call sends that the file binds to a form object or to a
	// string holding a credential (body: form, data=payload).
	for _, m := range hiddenBinding.FindAllSubmatch(src, -1) {
		if name := string(m[1]); wordIn(string(src[sp.Start:sp.End]), name) {
			return "the call sends " + name + ", which holds a form or the v1 credentials: change it by hand"
		}
	}
	return ""
}

// hiddenBinding matches a name bound to a form object or to a string
// literal that holds apiKey.
var hiddenBinding = regexp.MustCompile(`(?i)\b([A-Za-z_$][A-Za-z0-9_$]*)\s*:?=\s*(?:new\s+(?:FormData|URLSearchParams)\b|["'][^"'\n]*apikey)`)

// wordIn reports whether name stands in text as a whole word.
func wordIn(text, name string) bool {
	for i := strings.Index(text, name); i >= 0; {
		before := i == 0 || !isWordByte(text[i-1])
		after := i+len(name) == len(text) || !isWordByte(text[i+len(name)])
		if before && after {
			return true
		}
		j := strings.Index(text[i+1:], name)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
