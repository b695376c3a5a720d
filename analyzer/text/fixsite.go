package text

import (
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// Fixes are offered for a few request idioms only, where the call's syntax
// is regular enough to edit as text: Python requests (requests.put(url,
// headers={…}, json={…})), JavaScript fetch and axios, and PowerShell's
// Invoke-RestMethod / Invoke-WebRequest. Everything the fixer may change
// is captured when the file is read: where the call is, the literals its
// headers and parameters are written in, and their layout.

// idiomOf names the request idiom of call c a fixer can edit, or "".
func (a *analysis) idiomOf(c *call) string {
	lname := strings.ToLower(c.name)
	switch {
	case a.fam.python:
		// requests.put(…), session.put(…), requests.request("PUT", …)
		verb := c.name == lname && verbs[lname] != "" && lname != "del"
		if c.open >= 0 && c.receiver != "" && !notClients[rules.BaseKey(c.receiver)] && (verb || lname == "request") {
			return "python"
		}
	case a.fam.js():
		if c.open < 0 {
			return ""
		}
		switch {
		case lname == "fetch" && (c.receiver == "" || c.receiver == "window" || c.receiver == "globalThis"),
			c.receiver == "axios" && (verbs[lname] != "" && lname != "del" || lname == "request"),
			c.name == "axios" && c.receiver == "":
			return "js"
		}
	case a.fam.powershell:
		switch lname {
		case "invoke-restmethod", "invoke-webrequest", "irm", "iwr":
			return "powershell"
		}
	}
	return ""
}

// declWords may precede the name a literal is assigned to.
var declWords = map[string]bool{"const": true, "let": true, "var": true}

// maxNameUses bounds how many uses of a name soleUse looks at.
const maxNameUses = 8

// soleUse reports whether the name assigned at token nt (its value ending
// at token after) is used exactly once in its scope, by the call [cf, end).
func (a *analysis) soleUse(name string, nt, after, cf, end int) bool {
	uses := a.byName[name]
	k := sort.SearchInts(uses, after+1)
	if k >= len(uses) || uses[k] < cf || uses[k] >= end {
		return false
	}
	// every use in the scope is in the call (headers=headers names it
	// twice); the first one outside ends the question
	se := -1
	for n := k + 1; n < len(uses) && n < k+maxNameUses; n++ {
		if uses[n] >= cf && uses[n] < end {
			continue
		}
		if se < 0 {
			se = a.scopeEnd(name, nt)
		}
		return uses[n] >= se
	}
	return k+maxNameUses > len(uses)
}

// ownedLiteral reports whether the literal opened at obj belongs to the
// call [cf, end) alone: written inside the call, or (nested in) a literal
// assigned to a plain name whose only use is the call. Editing a literal
// other code also sends would change those requests too.
func (a *analysis) ownedLiteral(obj, cf, end int) bool {
	if obj < 0 || a.match[obj] < obj {
		return false
	}
	if obj >= cf && obj < end {
		return true
	}
	toks := a.toks
	o := obj
	for depth := 0; depth < 4; depth++ {
		k := o - 1
		if a.fam.powershell && k >= 0 && toks[k].is("@") {
			k--
		}
		if k < 1 {
			return false
		}
		if toks[k].is(":") || toks[k].is("=") && a.inHashtable(k) {
			// the value of an entry of an enclosing literal
			p := a.parent[o]
			if p < 0 || !toks[p].is("{") || a.match[p] < p {
				return false
			}
			o = p
			continue
		}
		if !toks[k].is("=") {
			return false
		}
		// the literal is the whole value: h = {…} if x else {…} or
		// h = {…} | extra would be changed in one branch only
		if next := a.match[o] + 1; next < len(toks) && !toks[next].nl && !toks[next].is(";") {
			return false
		}
		nt := k - 1
		t := &toks[nt]
		if t.kind != kIdent || !(t.nl || nt == 0 || toks[nt-1].kind == kIdent && declWords[toks[nt-1].text]) {
			return false
		}
		return a.soleUse(t.text, nt, a.match[o], cf, end)
	}
	return false
}

// tokenAt returns the index of the token starting at offset off, or -1.
func (a *analysis) tokenAt(off int) int {
	k := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].start >= off })
	if k < len(a.toks) && a.toks[k].start == off {
		return k
	}
	return -1
}

// tokenCovering returns the index of the token whose text covers offset
// off, or -1.
func (a *analysis) tokenCovering(off int) int {
	k := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].end > off })
	if k < len(a.toks) && a.toks[k].start <= off {
		return k
	}
	return -1
}

// newFixer captures what a fix of the call needs, for calls made in an
// idiom the fixer knows; nil otherwise.
func (a *analysis) newFixer(ev *ev, items []item, params []rules.Param) rules.Fixer {
	if ev.idiom == "" || ev.ct <= ev.cf || ev.ct > len(a.toks) {
		return nil
	}
	cf, end := ev.cf, ev.ct
	f := &fixer{idiom: ev.idiom, removable: map[rules.Span]litRef{}}
	if ev.client != "" {
		// A session may carry the v1 credentials for every call it makes.
		for _, attr := range []string{".params", ".auth", ".cert"} {
			if strings.Contains(a.src, ev.client+attr) {
				f.clientWhy = "the call is made on " + ev.client + ", whose " + attr[1:] + " is set elsewhere and may send the v1 credentials: move it to v2 by hand"
			}
		}
	}
	f.own = append(f.own, a.span(cf, end))
	if d := ev.own; d != nil && d.value != nil && d.value.to > d.at && d.at > 1 && a.soleUse(d.name, d.at-2, d.value.to-1, cf, end) {
		f.own = append(f.own, a.span(d.at, d.value.to))
	}
	if !ev.mspan.IsZero() {
		f.methodSpan = ev.mspan
		if k := a.tokenCovering(ev.mspan.Start); k >= 0 && !(k >= cf && k < end) {
			if p := a.parent[k]; p >= 0 && a.toks[p].is("{") && a.ownedLiteral(p, cf, end) {
				f.own = append(f.own, a.span(p, a.match[p]+1))
			}
		}
	}
	for _, it := range items {
		if !it.isHole() && it.raw && !f.owns(it.span) {
			f.urlShared = true
		}
	}
	// the headers literal
	switch {
	case ev.hdrTwice:
		f.hdrWhy = "the call gives its headers more than once"
	case ev.hdrOther:
		f.hdrWhy = "the call's headers are not written as a literal migaudit can add the 360-api-version header to"
	case ev.hdrObj == 0:
		f.hdrWhy = "the call writes no headers literal to add the 360-api-version header to"
	case !a.ownedLiteral(ev.hdrObj-1, cf, end):
		f.hdrWhy = "the headers literal is not this call's alone (other code sends it too, or a condition chooses it)"
	default:
		f.hdr = a.layout(ev.hdrObj - 1)
	}
	// literals the parameters are written in
	lits := map[int]*litLayout{}
	for _, prm := range params {
		if prm.In == rules.InHeader {
			continue
		}
		k := a.tokenAt(prm.Span.Start)
		if k < 0 {
			continue
		}
		p := a.parent[k]
		if p < 0 || !a.toks[p].is("{") || !a.ownedLiteral(p, cf, end) {
			continue
		}
		lit := lits[p]
		if lit == nil {
			lit = a.layout(p)
			lits[p] = lit
			if h := a.holderOf(p); h >= 0 {
				hl := lits[a.parent[h]]
				if hl == nil {
					hl = a.layout(a.parent[h])
					lits[a.parent[h]] = hl
				}
				for i, it := range hl.items {
					if it.start == a.toks[h].start {
						lit.holder, lit.holderAt = hl, i
					}
				}
			}
		}
		for i, it := range lit.items {
			if it.start == prm.Span.Start && it.end == prm.Span.End {
				f.removable[prm.Span] = litRef{lit, i}
			}
		}
	}
	return f
}

// maxLiteralTokens bounds the literals the fixer lays out (a minified
// bundle's object literals are no request options).
const maxLiteralTokens = 2000

// holderOf returns the first token of the keyword argument or option
// entry whose whole value is the literal opened at obj (json={…},
// data: {…}), written in a call's arguments or an options literal; else -1.
func (a *analysis) holderOf(obj int) int {
	toks := a.toks
	if obj < 2 || a.fam.powershell || !(toks[obj-1].is("=") || toks[obj-1].is(":")) {
		return -1
	}
	k := obj - 2
	if a.match[obj] < obj || toks[k].kind != kIdent && toks[k].kind != kString {
		return -1
	}
	p := a.parent[k]
	if p < 0 || a.parent[obj] != p || !(toks[p].is("(") || toks[p].is("{")) || a.match[p] < p {
		return -1
	}
	end := a.match[obj] + 1
	if end < len(toks) && !(toks[end].is(",") || end == a.match[p]) {
		return -1 // more follows the literal: json={…} | extra
	}
	if k > p+1 && !toks[k-1].is(",") {
		return -1
	}
	return k
}

// fileQuote is the quote most of the file's plain string literals use
// (JavaScript and TypeScript styles differ by project); ' when tied.
func (a *analysis) fileQuote() byte {
	double, single := 0, 0
	for i := range a.toks {
		if t := &a.toks[i]; t.kind == kString {
			switch a.src[t.start] {
			case '"':
				double++
			case '\'':
				single++
			}
		}
	}
	if double > single {
		return '"'
	}
	return '\''
}

// layout records the elements of the literal opened at obj and how they
// are written.
func (a *analysis) layout(obj int) *litLayout {
	toks := a.toks
	src := a.src
	closeTok := a.match[obj]
	if closeTok < obj || closeTok-obj > maxLiteralTokens {
		return &litLayout{}
	}
	l := &litLayout{sep: ",", open: toks[obj].end, close: toks[closeTok].start, quote: '"', kv: ": ", nl: "\n"}
	ranges := a.args(obj)
	if a.fam.powershell {
		l.sep, l.kv = ";", " = "
		ranges = a.lines(obj)
	}
	l.oneLine = !strings.Contains(src[l.open:l.close], "\n")
	for _, r := range ranges {
		it := litItem{start: toks[r[0]].start, end: toks[r[1]-1].end}
		it.sepEnd = it.end
		if r[1] < closeTok && (toks[r[1]].is(",") || toks[r[1]].is(";")) {
			it.sepEnd = toks[r[1]].end
		}
		a.lineOf(&it)
		l.items = append(l.items, it)
	}
	// the quote and key-value separator the literal already uses
	quoted := false
	for k := obj + 1; k < closeTok; k++ {
		if t := &toks[k]; t.kind == kString && (src[t.start] == '"' || src[t.start] == '\'') {
			l.quote, quoted = src[t.start], true
			break
		}
	}
	if !quoted && a.fam.js() {
		l.quote = a.fileQuote()
	}
	for _, en := range a.entries(obj) {
		if en.vf > en.kf && en.vf < len(toks) {
			if s := src[toks[en.kf].end:toks[en.vf].start]; !strings.ContainsAny(s, "\r\n") && strings.TrimSpace(s) != "" {
				// the separator with at most one blank each side: a
				// column alignment does not fit a longer key
				core := strings.TrimSpace(s)
				l.kv = core
				if strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") {
					l.kv = " " + l.kv
				}
				if strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\t") {
					l.kv += " "
				}
			}
		}
	}
	if n := len(l.items); n > 0 && l.items[n-1].lineEnd >= 0 {
		if le := l.items[n-1].lineEnd; le > 0 && src[le] == '\r' {
			l.nl = "\r\n"
		}
	}
	return l
}

// lineOf fills in whether an element stands alone on its line(s), with
// nothing but blanks before it and its separator, blanks or a comment
// after it.
func (a *analysis) lineOf(it *litItem) {
	src := a.src
	it.lineEnd = -1
	ls := it.start
	for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
		ls--
	}
	if ls > 0 && src[ls-1] != '\n' {
		return
	}
	j := it.sepEnd
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	comment := a.fam.python || a.fam.powershell || a.fam.ruby
	if j < len(src) && (comment && src[j] == '#' || a.fam.slashComment && strings.HasPrefix(src[j:], "//")) {
		if nl := strings.IndexByte(src[j:], '\n'); nl >= 0 {
			j += nl
			if j > 0 && src[j-1] == '\r' {
				j--
			}
		} else {
			j = len(src)
		}
	}
	switch {
	case j < len(src) && src[j] == '\n':
		it.lineEnd, it.next = j, j+1
	case j+1 < len(src) && src[j] == '\r' && src[j+1] == '\n':
		it.lineEnd, it.next = j, j+2
	default:
		return
	}
	it.lineStart = ls
	it.indent = src[ls:it.start]
}
