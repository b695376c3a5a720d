package postman

import (
	"slices"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// urlEdits applies the plan's URL edits to the URL string (url.raw, or a
// url written as a string), and keeps url.path and url.query in step with
// the new raw URL.
func (x *fix) urlEdits() error {
	tok := x.url
	if x.url.kind == kObject {
		tok = x.url.get("raw")
	}
	if tok == nil || tok.kind != kString {
		return unfixable("the request's URL has no url.raw to edit: open and save the request in Postman, then fix again")
	}
	text := x.src[tok.span.Start:tok.span.End]
	var local []rules.Edit // the edits, relative to the token
	for _, e := range x.p.URLEdits {
		if e.Span.Start <= tok.span.Start || e.Span.End >= tok.span.End {
			return unfixable("the part of the URL that changes is not in the request's URL string")
		}
		e.NewText = escape(e.NewText)
		x.edits = append(x.edits, e)
		local = append(local, rules.Edit{Span: rules.Span{Start: e.Span.Start - tok.span.Start, End: e.Span.End - tok.span.Start}, NewText: e.NewText})
	}
	if x.url.kind != kObject {
		return nil
	}
	newTok := applyLocal(text, local)
	newRaw, _ := unescape(newTok)
	oldRaw := tok.str
	if disabledInRaw(x.url, oldRaw) {
		return unfixable("url.raw still holds a disabled query parameter: open and save the request in Postman so that raw and the query list agree, then fix again")
	}
	if q, amp := strings.IndexByte(newRaw, '?'), strings.IndexByte(newRaw, '&'); amp >= 0 && (q < 0 || amp < q) {
		return unfixable("the new URL would not be well formed (%s)", newRaw)
	}
	if err := x.pathArray(oldRaw, newRaw); err != nil {
		return err
	}
	return x.queryArray(oldRaw, newRaw)
}

// applyLocal applies edits (sorted, not overlapping) to text.
func applyLocal(text []byte, edits []rules.Edit) []byte {
	slices.SortFunc(edits, func(a, b rules.Edit) int { return a.Span.Start - b.Span.Start })
	var out []byte
	at := 0
	for _, e := range edits {
		out = append(out, text[at:e.Span.Start]...)
		out = append(out, e.NewText...)
		at = e.Span.End
	}
	return append(out, text[at:]...)
}

// disabledInRaw reports whether raw holds a pair of a disabled query entry
// (no enabled entry of that name): the reader cuts it out, so the plan's
// edits do not account for it.
func disabledInRaw(u *node, raw string) bool {
	enabled := map[string]bool{}
	entries := queryEntries(u.get("query"))
	for _, q := range entries {
		if !q.isDisabled() {
			enabled[q.text("key")] = true
		}
	}
	pairs := queryPairs(raw)
	for _, q := range entries {
		if q.isDisabled() && !enabled[q.text("key")] && hasPair(pairs, q.text("key")) {
			return true
		}
	}
	return false
}

// rawPath splits a raw URL's path into segments as Postman does: after the
// protocol and host, up to the query or fragment.
func rawPath(raw string) []string {
	if i := strings.IndexAny(raw, "?#"); i >= 0 {
		raw = raw[:i]
	}
	if i := strings.Index(raw, "://"); i >= 0 && !strings.Contains(raw[:i], "/") {
		raw = raw[i+3:]
	}
	i := strings.IndexByte(raw, '/')
	if i < 0 {
		return nil
	}
	return strings.Split(raw[i+1:], "/")
}

// pathArray rewrites url.path for the new raw URL, when the old one
// matches the old raw URL (collections edited by hand may disagree: then
// which one Postman sends is not clear, and the request is left).
func (x *fix) pathArray(oldRaw, newRaw string) error {
	p := x.url.get("path")
	if p == nil {
		return nil
	}
	oldSegs, newSegs := rawPath(oldRaw), rawPath(newRaw)
	if slices.Equal(oldSegs, newSegs) {
		return nil
	}
	switch p.kind {
	case kString:
		if strings.TrimPrefix(p.str, "/") != strings.Join(oldSegs, "/") {
			return unfixable("url.raw and url.path disagree: open and save the request in Postman, then fix again")
		}
		lead := ""
		if strings.HasPrefix(p.str, "/") {
			lead = "/"
		}
		x.add(p.span, quote(lead+strings.Join(newSegs, "/")))
		return nil
	case kArray:
	default:
		return unfixable("url.path is neither a list nor text")
	}
	var cur []string
	for _, e := range p.elems {
		if e.kind != kString {
			return unfixable("url.path holds a segment that is not text: edit it by hand")
		}
		cur = append(cur, e.str)
	}
	if !slices.Equal(cur, oldSegs) {
		return unfixable("url.raw and url.path disagree: open and save the request in Postman, then fix again")
	}
	ls := x.style.layout(x.src, p, elemSpans(p))
	items := make([]string, len(newSegs))
	for i, s := range newSegs {
		if i < len(cur) && cur[i] == s {
			items[i] = string(x.src[p.elems[i].span.Start:p.elems[i].span.End])
		} else {
			items[i] = quote(s)
		}
	}
	x.add(rules.Span{Start: p.span.Start + 1, End: p.span.End - 1}, ls.join(items))
	return nil
}

// kv is a query pair of a raw URL.
type kv struct{ key, value string }

func rawQuery(raw string) []kv {
	q := strings.IndexByte(raw, '?')
	if q < 0 {
		return nil
	}
	rest := raw[q+1:]
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	var out []kv
	for _, s := range strings.Split(rest, "&") {
		if s == "" {
			continue
		}
		k, v, _ := strings.Cut(s, "=")
		out = append(out, kv{k, v})
	}
	return out
}

// queryArray rewrites url.query for the new raw URL: entries whose pair
// the URL edits removed (or that the plan removes) go, entries for pairs
// the edits added (the external-ids filters) come, in the raw URL's order;
// disabled entries and entries raw never had stay.
func (x *fix) queryArray(oldRaw, newRaw string) error {
	list := x.url.get("query")
	if list == nil || list.kind == kNull {
		pairs := rawQuery(newRaw)
		if len(pairs) == 0 {
			return nil
		}
		var entries []value
		for _, p := range pairs {
			entries = append(entries, object(field{"key", str(p.key)}, field{"value", str(p.value)}))
		}
		if list != nil {
			x.add(list.span, x.style.render(array(entries...), lineIndent(x.src, list.span.Start), x.style.compact))
			return nil
		}
		x.insertMember(x.url, len(x.url.keys)-1, field{"query", array(entries...)})
		return nil
	}
	if list.kind != kArray {
		return unfixable("url.query is not a list")
	}
	oldPairs, newPairs := rawQuery(oldRaw), rawQuery(newRaw)
	used := make([]bool, len(newPairs))
	match := func(key, val string) int {
		for pass := 0; pass < 2; pass++ {
			for i, p := range newPairs {
				if !used[i] && p.key == key && (pass == 1 || p.value == val) {
					used[i] = true
					return i
				}
			}
		}
		return -1
	}
	type out struct {
		text string
		pair int // the new pair it stands for, or -1
	}
	var kept []out
	changed := false
	for _, e := range list.elems {
		text := string(x.src[e.span.Start:e.span.End])
		if e.kind != kObject || e.isDisabled() {
			kept = append(kept, out{text, -1})
			continue
		}
		key := e.text("key")
		if x.gone[e.span] {
			x.gone[e.span] = false
			changed = true
			continue
		}
		if i := match(key, e.text("value")); i >= 0 {
			kept = append(kept, out{text, i})
			continue
		}
		if slices.ContainsFunc(oldPairs, func(p kv) bool { return p.key == key }) {
			changed = true // the URL edits removed it
			continue
		}
		kept = append(kept, out{text, -1})
	}
	ls := x.style.layout(x.src, list, elemSpans(list))
	flat := ls.flat || len(list.elems) > 0 && !strings.Contains(items0(x.src, list), "\n")
	entry := func(p kv) string {
		return x.style.render(object(field{"key", str(p.key)}, field{"value", str(p.value)}), ls.indent, flat)
	}
	var items []string
	next := 0 // the next new pair that may need an entry
	flush := func(upTo int) {
		for ; next < upTo; next++ {
			if !used[next] {
				items = append(items, entry(newPairs[next]))
				changed = true
			}
		}
	}
	for _, k := range kept {
		if k.pair >= 0 {
			flush(k.pair)
		}
		items = append(items, k.text)
	}
	flush(len(newPairs))
	if !changed {
		return nil
	}
	if len(items) == 0 {
		x.cutMember(x.url, memberIndex(x.url, "query"))
		return nil
	}
	x.add(rules.Span{Start: list.span.Start + 1, End: list.span.End - 1}, ls.join(items))
	return nil
}
