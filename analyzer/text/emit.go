package text

import (
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

const readerName = "text"

// classify turns one URL expression into a call, a base or a pending call.
func (a *analysis) classify(e *expr) {
	url := urlText(e.resolved)
	if t := a.refitBase(e.from); t != "" && strings.Contains(url, "://") {
		// the base address of a Refit interface, named by its type
		if e.def != nil {
			e.def.used = true
		}
		a.found.Bases = append(a.found.Bases, rules.Base{Name: t, URL: toParts(e.resolved), File: a.file})
		return
	}
	ev := a.evidence(e.from, e.to, url)
	if ev.server {
		if e.def != nil {
			e.def.used = true
		}
		return
	}
	if d := e.def; d != nil && !ev.http {
		if d.deflt && a.ownedDefault(d, e.resolved) {
			return
		}
		if isBase(shapeOf(e.resolved)) {
			name := d.name
			if d.path != "" {
				name = d.path
			}
			if d.deflt {
				name = ""
			}
			a.found.Bases = append(a.found.Bases, rules.Base{Name: name, URL: toParts(e.resolved), File: a.file})
		} else if !d.deflt && foreignHost(e.resolved) {
			// another service's base, named so that calls made through
			// config.directory.root are not completed with the LMS base
			name := d.name
			if d.path != "" {
				name = d.path
			}
			a.found.Bases = append(a.found.Bases, rules.Base{Name: name, URL: toParts(e.resolved), File: a.file})
		}
		return
	}
	if e.def != nil {
		e.def.used = true
	}
	ev.params = append(ev.params, a.extraParams(e)...)
	a.emit(e.resolved, ev, e.from)
}

// emit reports a URL used with the evidence ev.
func (a *analysis) emit(items []item, ev ev, at int) {
	s := shapeOf(items)
	switch {
	case len(ev.base) > 0 && len(items) > 0 && !items[0].isHole() && strings.HasPrefix(items[0].lit, "/"):
		// a declarative client's path, under the client's base
		joined := joinBase(ev.base, items)
		if ev.base[0].ref {
			a.found.Pending = append(a.found.Pending, rules.Pending{Base: ev.base[0].hole, Call: a.newCall(joined, ev)})
			return
		}
		ev.base = nil
		a.emit(joined, ev, at)
	case ev.iface != "" && len(items) > 0 && !items[0].isHole() && strings.HasPrefix(items[0].lit, "/"):
		// a Refit interface's path, relative to the base the project
		// configures for the interface
		head := item{hole: ev.iface, ref: true, span: rules.Span{Start: items[0].span.Start, End: items[0].span.Start}}
		a.found.Pending = append(a.found.Pending, rules.Pending{Base: ev.iface, Call: a.newCall(append([]item{head}, items...), ev)})
	case s.v1 && s.segs, s.v2 && ev.http:
		if ev.http && (a.foreignDefault(items, ev.receiver, at) || a.foreignConnection(items, ev.receiver, at)) {
			return // a host-less path under another host's client
		}
		a.found.Calls = append(a.found.Calls, a.newCall(items, ev))
	case s.lead:
		a.found.Pending = append(a.found.Pending, rules.Pending{Base: items[0].hole, Call: a.newCall(items, ev)})
	case s.rel && !ev.http && ev.wrapper != "":
		// a project wrapper's relative path, under the base the wrapper's
		// definition (in this file or another) is exported as
		head := item{hole: ev.wrapper, ref: true, span: rules.Span{Start: items[0].span.Start, End: items[0].span.Start}}
		a.found.Pending = append(a.found.Pending, rules.Pending{Base: ev.wrapper, Call: a.newCall(append([]item{head}, items...), ev)})
	case s.rel && ev.http && ev.helper != "":
		// a wrapper's relative path, completed with the base its
		// definition puts before it
		joined := a.completeHelper(ev.helper, items, at)
		if s2 := shapeOf(joined); s2.v1 && s2.segs || s2.lead {
			a.emit(joined, ev, at)
		}
	case s.rel && ev.http:
		if d := a.defaultFor(ev.receiver, at); d != nil && d.value != nil && a.sameClient(d, ev.receiver, at) {
			joined := joinBase(d.value.resolved, items)
			if s2 := shapeOf(joined); s2.v1 && s2.segs || s2.lead {
				a.emit(joined, ev, at)
			}
			return
		}
		if p, ok := a.instancePending(items, ev); ok {
			a.found.Pending = append(a.found.Pending, p)
			return
		}
		a.found.Pending = append(a.found.Pending, rules.Pending{Base: "", Call: a.newCall(items, ev)})
	}
}

// foreignDefault reports whether a host-less URL ("/api/v1/users") is
// called on a client whose default base, defined in the same file and
// class, is a host other than 360Learning's (an intranet that happens to
// version its API /api/v1 too).
func (a *analysis) foreignDefault(items []item, receiver string, at int) bool {
	if len(items) == 0 || items[0].isHole() || !strings.HasPrefix(items[0].lit, "/") {
		return false
	}
	d := a.defaultFor(receiver, at)
	if d == nil || d.value == nil || !(receiver != "" && d.owner == receiver || d.at <= at && !a.classBetween(d.at, at)) {
		return false
	}
	return foreignHost(d.value.resolved)
}

// foreignHost reports whether a URL starts with a host written out in full
// that is not 360Learning's.
func foreignHost(base []item) bool {
	if len(base) == 0 || base[0].isHole() {
		return false
	}
	if s := shapeOf(base); s.v1 && s.segs {
		return false
	}
	t := strings.ToLower(urlText(base))
	i := strings.Index(t, "://")
	if i < 0 {
		return false
	}
	host := t[i+3:]
	if j := strings.IndexAny(host, "/?#"); j >= 0 {
		host = host[:j]
	}
	// only a host written out in full is known not to be 360Learning's
	return host != "" && !strings.ContainsAny(host, "\x00{}$%<>") && !strings.Contains(host, "360learning")
}

// sameClient reports whether the default base d may be the one of a call
// at token at on receiver: its owner is the receiver, or no class
// declaration separates them (a class's base_uri is not another class's).
func (a *analysis) sameClient(d *def, receiver string, at int) bool {
	if receiver != "" && d.owner == receiver {
		return true
	}
	return !a.classBetween(min(d.at, at), max(d.at, at))
}

// classBetween reports whether a class declaration starts between tokens
// from and to.
func (a *analysis) classBetween(from, to int) bool {
	pos := a.byName["class"]
	for k := sort.SearchInts(pos, from); k < len(pos) && pos[k] < to; k++ {
		// List.class, obj::class are class literals, no declarations
		if p := pos[k]; p == 0 || !a.memberOp(p-1) {
			return true
		}
	}
	return false
}

// joinBase prefixes a relative path with a base placed at the path's start.
func joinBase(base, path []item) []item {
	at := rules.Span{Start: path[0].span.Start, End: path[0].span.Start}
	out := make([]item, 0, len(base)+len(path))
	for _, b := range base {
		b.span, b.raw = at, false
		out = append(out, b)
	}
	if n := len(out); n > 0 && !out[n-1].isHole() {
		b, p := out[n-1].lit, path[0].lit
		switch {
		case strings.HasSuffix(b, "/") && strings.HasPrefix(p, "/"):
			out[n-1].lit = b[:len(b)-1]
		case !strings.HasSuffix(b, "/") && !strings.HasPrefix(p, "/"):
			out[n-1].lit = b + "/"
		}
	} else if n > 0 && !strings.HasPrefix(path[0].lit, "/") {
		out = append(out, item{lit: "/", span: at})
	}
	return append(out, path...)
}

// defaultFor returns the default base of the client a relative call is
// made on: the one owned by the receiver, else the nearest before.
func (a *analysis) defaultFor(receiver string, at int) *def {
	var near, first, owned *def
	for _, d := range a.defaults {
		// two classes may each name their client self._client: the
		// owner's definition nearest before the call is its own
		if receiver != "" && d.owner == receiver {
			if owned == nil || d.at <= at && (owned.at > at || d.at > owned.at) {
				owned = d
			}
			continue
		}
		if first == nil || d.at < first.at {
			first = d
		}
		if d.at <= at && (near == nil || d.at > near.at) {
			near = d
		}
	}
	if owned != nil {
		return owned
	}
	if near != nil {
		return near
	}
	return first
}

func (a *analysis) newCall(items []item, ev ev) rules.Call {
	c := rules.Call{File: a.file, Reader: readerName, Method: ev.method, MethodSpan: ev.mspan, MethodImplied: ev.implied, URL: toParts(items), Params: ev.params, Bearer: ev.bearer}
	c.Span = ev.span.Cover(c.URLSpan())
	if f := a.newFixer(&ev, items, c.Params); f != nil {
		c.Fixer = f
	}
	if ev.ct > 0 && ev.method != "" {
		a.response(&c, ev.cf, ev.ct)
	}
	return c
}

// uses finds where names given a URL are used as the URL of a call: the
// uses between a definition and the next definition of the same key.
func (a *analysis) uses() {
	keys := make([]string, 0, len(a.defs))
	for k := range a.defs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		list := a.defs[key]
		for n, d := range list {
			if d.deflt || d.value == nil || d.value.resolved == nil {
				continue
			}
			s := shapeOf(d.value.resolved)
			if !(s.v1 && s.segs || s.v2 || s.lead || s.rel) {
				continue
			}
			until := len(a.toks)
			if n+1 < len(list) {
				until = list[n+1].at
			}
			until = min(until, a.scopeEnd(d.name, d.at))
			last := d.name
			if i := strings.LastIndexAny(last, ".>:"); i >= 0 && i+1 < len(last) {
				last = last[i+1:]
			}
			pos := a.byName[last]
			for k := sort.SearchInts(pos, d.value.to); k < len(pos) && pos[k] < until; k++ {
				u := pos[k]
				start := a.operandStart(u)
				if start < 0 || a.text(start, u+1) != d.name || a.operandEnd(start) != u+1 {
					continue
				}
				if a.concatOp(u+1) || a.concatOp(start-1) {
					continue
				}
				if start == u && a.reassigned(u) {
					break // a new value: uri = other(…)
				}
				if u+1 < len(a.toks) && (a.toks[u+1].is("=") || a.toks[u+1].is(":")) && a.insideCall(u) {
					continue // the same keyword given to another call: endpoint="…"
				}
				if n, _, _ := a.nameBefore(start); n == d.name {
					continue
				}
				ev := a.evidence(start, u+1, urlText(d.value.resolved))
				if ev.server || !ev.http && ev.method == "" {
					continue
				}
				d.used = true
				ev.own = d
				ev.params = append(ev.params, a.extraParams(d.value)...)
				a.emit(d.value.resolved, ev, start)
			}
		}
	}
}

// unusedDefs reports full v1 URLs given a name the file never calls.
func (a *analysis) unusedDefs() {
	for _, e := range a.exprs {
		d := e.def
		if d == nil || d.used || d.deflt {
			continue
		}
		s := shapeOf(e.resolved)
		if s.v1 && s.segs || s.lead {
			a.emit(e.resolved, ev{}, e.from)
		}
	}
}

// isBase reports whether a URL is a v1 base (…/api/v1, nothing after) or a
// 360Learning origin.
func isBase(s shape) bool {
	return s.v1 && !s.segs || !s.v1 && !s.api && s.host360
}
