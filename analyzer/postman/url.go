package postman

import (
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// urlResult is a request URL as parts, and the query entries the parts do
// not carry, as params.
type urlResult struct {
	parts  []rules.URLPart
	params []rules.Param
	// start is where a URL built from pieces starts: the url object, whose
	// first line is where a reader looks for the call; 0 for a string URL or
	// url.raw, whose parts are exact.
	start int
}

// rng is a half-open range of byte indexes in a decoded string.
type rng struct{ start, end int }

// url reads a request's url: a string, or an object.
//
// url.raw is preferred: the rules parse the query written in it, with exact
// positions. Postman keeps url.raw and url.query in sync, but collections are
// edited by hand too, so the query array decides: an enabled entry missing
// from raw is added as a param (at its entry), and a disabled entry's pairs
// are cut out of the URL handed to the rules (no other entry of that name
// being enabled), so a disabled parameter is never reported even if raw still
// has it. Without raw the URL is built from protocol, host, port and path,
// and every enabled query entry is a param.
func (w *walker) url(n *node, vars *varScope) urlResult {
	switch n.kind {
	case kString:
		s, offs := w.strMap(n)
		return urlResult{parts: partsOf(s, offs, nil, vars)}
	case kObject:
	default:
		return urlResult{}
	}
	query := n.get("query")
	if raw := n.get("raw"); raw != nil && raw.kind == kString && strings.TrimSpace(raw.str) != "" {
		s, offs := w.strMap(raw)
		pairs := queryPairs(s)
		var cuts []rng
		var params []rules.Param
		enabled := map[string]bool{}
		for _, q := range queryEntries(query) {
			if !q.isDisabled() {
				enabled[q.text("key")] = true
			}
		}
		for _, q := range queryEntries(query) {
			key := q.text("key")
			if q.isDisabled() {
				if !enabled[key] {
					for _, p := range pairs {
						if p.key == key {
							cuts = append(cuts, p.cut)
						}
					}
				}
				continue
			}
			if !hasPair(pairs, key) {
				if p, ok := queryParam(q); ok {
					params = append(params, p)
				}
			}
		}
		return urlResult{parts: partsOf(s, offs, cuts, vars), params: params}
	}
	return w.urlFromPieces(n, vars)
}

// urlFromPieces builds a URL from url.protocol, host, port and path.
func (w *walker) urlFromPieces(n *node, vars *varScope) urlResult {
	r := urlResult{start: n.span.Start}
	if p := n.get("protocol"); p != nil && p.kind == kString && p.str != "" {
		r.parts = append(r.parts, rules.URLPart{Lit: p.str + "://", Span: p.span})
	}
	switch h := n.get("host"); {
	case h == nil:
	case h.kind == kString:
		s, offs := w.strMap(h)
		r.parts = append(r.parts, partsOf(s, offs, nil, vars)...)
	case h.kind == kArray:
		for i, e := range h.elems {
			if e.kind != kString {
				continue
			}
			if i > 0 {
				r.parts = append(r.parts, rules.URLPart{Lit: ".", Span: rules.Span{Start: e.span.Start, End: e.span.Start}})
			}
			s, offs := w.strMap(e)
			r.parts = append(r.parts, partsOf(s, offs, nil, vars)...)
		}
	}
	if p := n.get("port"); p != nil && (p.kind == kString || p.kind == kNumber) && p.str != "" {
		r.parts = append(r.parts, rules.URLPart{Lit: ":" + p.str, Span: p.span})
	}
	switch p := n.get("path"); {
	case p == nil:
	case p.kind == kString:
		if !strings.HasPrefix(p.str, "/") {
			r.parts = append(r.parts, rules.URLPart{Lit: "/", Span: rules.Span{Start: p.span.Start, End: p.span.Start}})
		}
		s, offs := w.strMap(p)
		r.parts = append(r.parts, partsOf(s, offs, nil, vars)...)
	case p.kind == kArray:
		for _, e := range p.elems {
			if e.kind == kObject { // v2.0 allows {type, value}
				e = e.get("value")
			}
			if e == nil || e.kind != kString {
				continue
			}
			r.parts = append(r.parts, rules.URLPart{Lit: "/", Span: rules.Span{Start: e.span.Start, End: e.span.Start}})
			s, offs := w.strMap(e)
			r.parts = append(r.parts, partsOf(s, offs, nil, vars)...)
		}
	}
	for _, q := range queryEntries(n.get("query")) {
		if q.isDisabled() {
			continue
		}
		if p, ok := queryParam(q); ok {
			r.params = append(r.params, p)
		}
	}
	return r
}

func queryEntries(q *node) []*node {
	if q == nil || q.kind != kArray {
		return nil
	}
	var out []*node
	for _, e := range q.elems {
		if e.kind == kObject {
			out = append(out, e)
		}
	}
	return out
}

// queryParam turns a query entry into a param spanning the entry.
func queryParam(q *node) (rules.Param, bool) {
	k := q.get("key")
	if k == nil || k.kind != kString || k.str == "" {
		return rules.Param{}, false
	}
	return rules.Param{Name: k.str, Value: q.text("value"), In: rules.InQuery, Span: q.span, NameSpan: k.span}, true
}

// pair is a name=value pair of a raw URL's query: its key and the range to
// cut to remove it with one separator.
type pair struct {
	key string
	cut rng
}

func queryPairs(s string) []pair {
	q := strings.IndexByte(s, '?')
	if q < 0 {
		return nil
	}
	end := len(s)
	if i := strings.IndexByte(s[q:], '#'); i >= 0 {
		end = q + i
	}
	var pairs []pair
	for start := q + 1; start <= end; {
		stop := end
		if i := strings.IndexByte(s[start:end], '&'); i >= 0 {
			stop = start + i
		}
		key, _, _ := strings.Cut(s[start:stop], "=")
		if key != "" {
			cut := rng{start, stop}
			switch {
			case stop < end: // drop the '&' after it
				cut.end++
			default: // the last pair: drop the '&' or '?' before it
				cut.start--
			}
			pairs = append(pairs, pair{key, cut})
		}
		start = stop + 1
	}
	return pairs
}

func hasPair(pairs []pair, key string) bool {
	for _, p := range pairs {
		if p.key == key {
			return true
		}
	}
	return false
}

// partsOf turns the decoded string s (offs giving the file offset of each
// byte) into URL parts, leaving out the cut ranges and substituting the
// {{variables}} vars defines. Literal runs are Raw when they are byte for
// byte the file text; a substituted variable sits at its placeholder's span.
// Variables after the query's '?' are not substituted.
func partsOf(s string, offs []int, cuts []rng, vars *varScope) []rules.URLPart {
	var parts []rules.URLPart
	budget := maxSubstituted
	lit := func(a, b int) {
		if a >= b {
			return
		}
		sp := rules.Span{Start: offs[a], End: offs[b]}
		parts = append(parts, rules.URLPart{Lit: s[a:b], Span: sp, Raw: sp.End-sp.Start == b-a})
	}
	// Variables in the query stay placeholders: the rules need only the
	// names there, and a placeholder is text a fix can edit around.
	query := strings.IndexByte(s, '?')
	if query < 0 {
		query = len(s)
	}
	for _, k := range kept(len(s), cuts) {
		from := k.start
		for i := k.start; i < k.end; {
			if !strings.HasPrefix(s[i:k.end], "{{") {
				i++
				continue
			}
			j := strings.Index(s[i:k.end], "}}")
			if j < 0 {
				break
			}
			end := i + j + 2
			val, ok := vars.lookup(strings.TrimSpace(s[i+2 : i+j]))
			if !ok || len(val) > budget || i > query {
				i = end
				continue
			}
			lit(from, i)
			budget -= len(val)
			parts = append(parts, rules.URLPart{Lit: substitute(val, vars, 8, &budget), Span: rules.Span{Start: offs[i], End: offs[end]}})
			i, from = end, end
		}
		lit(from, k.end)
	}
	return parts
}

// kept returns the ranges of [0, n) outside the cuts.
func kept(n int, cuts []rng) []rng {
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].start < cuts[j].start })
	var out []rng
	at := 0
	for _, c := range cuts {
		if c.start > at {
			out = append(out, rng{at, c.start})
		}
		at = max(at, c.end)
	}
	if at < n {
		out = append(out, rng{at, n})
	}
	return out
}

// maxSubstituted bounds the text variables may add to one URL, so that
// values naming each other many times over cannot blow up.
const maxSubstituted = 1 << 16

// substitute replaces the {{variables}} vars defines in a variable's value,
// up to depth levels deep (values may name each other, even in a cycle) and
// within budget bytes of substituted text; what does not fit stays a
// placeholder.
func substitute(val string, vars *varScope, depth int, budget *int) string {
	if depth == 0 || !strings.Contains(val, "{{") {
		return val
	}
	var b strings.Builder
	for {
		i := strings.Index(val, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(val[i:], "}}")
		if j < 0 {
			break
		}
		b.WriteString(val[:i])
		if v, ok := vars.lookup(strings.TrimSpace(val[i+2 : i+j])); ok && len(v) <= *budget {
			*budget -= len(v)
			b.WriteString(substitute(v, vars, depth-1, budget))
		} else {
			b.WriteString(val[i : i+j+2])
		}
		val = val[i+j+2:]
	}
	b.WriteString(val)
	return b.String()
}

// pendingBase reports whether a URL starts with a {{variable}} the
// collection does not define and says nothing else about where it goes (no
// /api/v1 or /api/v2, no scheme, no host after the variable), and returns the
// variable's name: such a call waits for a base from an environment.
func pendingBase(parts []rules.URLPart) (string, bool) {
	if len(parts) == 0 || parts[0].Hole != "" || !strings.HasPrefix(parts[0].Lit, "{{") {
		return "", false
	}
	end := strings.Index(parts[0].Lit, "}}")
	if end < 0 {
		return "", false
	}
	name := strings.TrimSpace(parts[0].Lit[2:end])
	if name == "" || strings.HasPrefix(name, "$") { // $guid, $timestamp: Postman's dynamic values
		return "", false
	}
	var rest strings.Builder
	rest.WriteString(parts[0].Lit[end+2:])
	for _, p := range parts[1:] {
		rest.WriteString(p.Lit)
	}
	r := rest.String()
	if strings.Contains(r, "/api/v") || strings.Contains(r, "://") {
		return "", false
	}
	if r != "" && strings.IndexByte(".:-@", r[0]) >= 0 { // {{tenant}}.360learning.com, {{host}}:8443
		return "", false
	}
	return name, true
}

// anchor makes the first part's span start at start (the url object a URL
// built from pieces comes from), so that findings about the call sit on the
// line of "url": { rather than on the host element below it. The part is no
// longer byte for byte the file text at its span, so it stops being Raw.
func anchor(parts []rules.URLPart, start int) {
	if len(parts) == 0 || start <= 0 || parts[0].Span.Start <= start {
		return
	}
	parts[0].Span.Start = start
	parts[0].Raw = false
}

// splitLead splits the first part so that the {{variable}} a pending call
// starts from is a part of its own.
func splitLead(parts []rules.URLPart) []rules.URLPart {
	p := parts[0]
	n := strings.Index(p.Lit, "}}") + 2
	first, second := p, p
	first.Lit, second.Lit = p.Lit[:n], p.Lit[n:]
	if p.Raw {
		first.Span.End = p.Span.Start + n
		second.Span.Start = p.Span.Start + n
	}
	out := []rules.URLPart{first}
	if second.Lit != "" {
		out = append(out, second)
	}
	return append(out, parts[1:]...)
}
