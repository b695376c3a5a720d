package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// Project wrappers that take only a path (lmsFetch('/users/' + id, init),
// lms_get('/users', params=…)) may be defined in one file and called in
// others. The defining file exports the base the wrapper puts before its
// path as a base named by the wrapper; a call passing a relative resource
// path to a function no HTTP evidence explains waits for that base.

// wrapperBases emits, for each function defined in the file whose first
// parameter is a path the body prefixes with a base (fetch(`${BASE}${path}`),
// session.get(BASE + path)), a base named by the function: the base's own
// definition when the file has one, else the reference itself (an
// environment variable or an imported name) for the project to complete.
func (a *analysis) wrapperBases() {
	toks := a.toks
	for k := 1; k+1 < len(toks); k++ {
		t := &toks[k]
		if t.kind != kIdent {
			continue
		}
		open := a.skipTypeParams(k + 1)
		if open >= len(toks) || !toks[open].is("(") || a.match[open] < 0 {
			continue
		}
		prev := &toks[k-1]
		switch {
		case prev.kind == kIdent && (prev.text == "function" || prev.text == "def" || prev.text == "func" || prev.text == "fun"):
		case a.classMethod(k, open):
		default:
			continue
		}
		a.wrapperBase(t.text, open)
	}
	// const lmsFetch = async (path, init = {}) => fetch(…)
	if !a.fam.js() {
		return
	}
	for k := 0; k+3 < len(toks); k++ {
		if toks[k].kind != kIdent || !toks[k+1].is("=") {
			continue
		}
		open := k + 2
		if toks[open].kind == kIdent && toks[open].text == "async" {
			open++
		}
		if open >= len(toks) || !toks[open].is("(") || a.match[open] < 0 || a.match[open]+1 >= len(toks) {
			continue
		}
		// a return type annotation may sit between ')' and '=>'
		arrow := false
		for j := a.match[open] + 1; j < len(toks) && j < a.match[open]+8; j++ {
			if toks[j].is("=>") {
				arrow = true
				break
			}
			if toks[j].is(";") || toks[j].is("{") {
				break
			}
		}
		if arrow {
			a.wrapperBase(toks[k].text, open)
		}
	}
}

// classMethod reports whether name token k, its parameters opening at
// open, declares a JavaScript class method (async call(path) { … },
// private get(path: string): Promise<T> { … }).
func (a *analysis) classMethod(k, open int) bool {
	toks := a.toks
	if !a.fam.js() || a.memberOp(k-1) || jsKeywords[toks[k].text] || toks[k-1].kind == kIdent && toks[k-1].text == "new" {
		return false
	}
	after := a.match[open] + 1
	return after < len(toks) && (toks[after].is("{") || toks[after].is(":"))
}

// jsKeywords are words a parenthesised condition follows.
var jsKeywords = map[string]bool{"if": true, "for": true, "while": true, "switch": true, "catch": true, "with": true, "return": true}

// skipTypeParams returns the token after a generic type parameter list
// opening at k (lmsFetch<T = unknown>(…)), else k.
func (a *analysis) skipTypeParams(k int) int {
	toks := a.toks
	if k >= len(toks) || !toks[k].is("<") {
		return k
	}
	depth := 0
	for j := k; j < len(toks) && j < k+maxTypeArgs; j++ {
		switch toks[j].text {
		case "<":
			depth++
		case ">":
			depth--
		case ">>":
			depth -= 2
		}
		if toks[j].kind == kPunct && depth <= 0 {
			return j + 1
		}
	}
	return k
}

// maxWrapperBody bounds how many tokens a wrapper's body may span.
const maxWrapperBody = 600

// wrapperBase emits the base of the wrapper named name whose parameter
// list opens at open, when its body prefixes its first parameter with a
// base and makes an HTTP call.
func (a *analysis) wrapperBase(name string, open int) {
	params := a.args(open)
	if len(params) > 0 {
		if first := a.paramName(params[0]); first == "self" || first == "cls" {
			params = params[1:]
		}
	}
	if len(params) == 0 {
		return
	}
	param := a.paramName(params[0])
	if param == "" {
		return
	}
	body, end := a.helperBody(a.match[open] + 1)
	// a wrapper is short; longer bodies (and the outer ones of nested
	// definitions) are not read, keeping the pass linear
	if body < 0 || end-body > maxWrapperBody || !a.makesRequest(body, end) {
		return
	}
	ref := a.prefixOf(param, body, end)
	if ref == "" {
		return
	}
	at := open
	head := item{hole: ref, ref: true, span: a.span(open-1, open)}
	items := a.substitute([]item{head}, at, 0)
	if len(items) == 1 && items[0].ref && items[0].hole == ref {
		items = a.completeHelper(ref, []item{{lit: "/", span: head.span}}, at)
		items = trimTrailingSlash(items)
		if len(items) == 1 && items[0].ref && items[0].hole == ref {
			if env := a.envSource(ref); env != "" {
				items[0].hole = env
			}
		}
	}
	if len(items) == 0 {
		return
	}
	a.found.Bases = append(a.found.Bases, rules.Base{Name: name, URL: toParts(items), File: a.file})
}

// envSource returns the environment lookup the name is assigned from
// (BASE = process.env.LMS_API_URL!, BASE = os.environ["LMS_API_URL"]), whose
// key names the base the project's configuration gives, or "".
func (a *analysis) envSource(name string) string {
	toks := a.toks
	for _, k := range a.byName[name] {
		if k+2 >= len(toks) || !(toks[k+1].is("=") || toks[k+1].is(":=")) || toks[k+2].kind != kIdent {
			continue
		}
		end := k + 2
		for end < len(toks) && !toks[end].is(";") && !toks[end].is("||") && !toks[end].is("??") && !toks[end].is("!") && !(end > k+2 && toks[end].nl) {
			if o := &toks[end]; (o.is("(") || o.is("[")) && a.match[end] > end {
				end = a.match[end]
			}
			end++
		}
		if src := a.text(k+2, end); strings.Contains(strings.ToLower(src), "env") {
			return src
		}
	}
	return ""
}

// trimTrailingSlash drops the "/" completeHelper was given to join.
func trimTrailingSlash(items []item) []item {
	if n := len(items); n > 0 && !items[n-1].isHole() && items[n-1].lit == "/" {
		return items[:n-1]
	}
	return items
}

// makesRequest reports whether tokens [from, to) call an HTTP client:
// fetch, request, axios, a verb method (session.get, http.Get).
func (a *analysis) makesRequest(from, to int) bool {
	toks := a.toks
	for k := from; k+1 < to; k++ {
		t := &toks[k]
		if t.kind != kIdent || !toks[k+1].is("(") {
			continue
		}
		l := strings.ToLower(t.text)
		if requestNames[l] || l == "axios" || verbName(t.text) != "" && k > from && (toks[k-1].is(".") || toks[k-1].is("->")) {
			return true
		}
	}
	return false
}

// wrapperEvidence treats a call no HTTP evidence explains, whose first
// argument is the relative path, as a call through a project wrapper named
// like the function: the method comes from the options (method: 'PUT'),
// from the wrapper's name (lms_put) or is GET; the options' body and query
// keys are parameters.
func (a *analysis) wrapperEvidence(e *ev, c *call, argi int, url string) {
	if e.http || e.server || argi != 0 || c.open < 0 || c.parenless || !strings.HasPrefix(url, "/") || v1Index(url) >= 0 {
		return
	}
	if verbName(c.name) != "" || notWrappers[strings.ToLower(c.name)] || notClients[rules.BaseKey(c.receiver)] {
		return
	}
	if a.fam.js() && c.nameTok > 0 && a.toks[c.nameTok-1].kind == kIdent && (a.toks[c.nameTok-1].text == "function" || a.toks[c.nameTok-1].text == "new") {
		return
	}
	e.wrapper = c.name
	if m := wrapperVerb(c.name); m != "" {
		e.method, e.mspan = m, a.toks[c.nameTok].spanOf()
	}
	for n, r := range c.args {
		if n == 0 {
			continue
		}
		vf, vt := r[0], r[1]
		if vt-vf >= 3 && a.toks[vf].kind == kIdent && (a.toks[vf+1].is("=") || a.toks[vf+1].is(":")) {
			if k := strings.ToLower(a.toks[vf].text); k == "method" {
				if m, sp := a.methodValue(vf+2, vt); m != "" {
					e.method, e.mspan = m, sp
				}
				continue
			}
			a.paramEntry(e, entry{name: a.toks[vf].text, kf: vf, vf: vf + 2, vt: vt})
			continue
		}
		if obj := a.objectIn(vf, vt); obj >= 0 && a.toks[obj].is("{") && a.isOptions(obj) {
			a.configEvidence(e, obj)
		}
	}
	if e.method == "" {
		e.method, e.implied = "GET", true
	}
	e.span = rules.Span{Start: a.toks[c.cf].start, End: a.toks[max(c.end-1, c.cf)].end}
	e.cf, e.ct = c.cf, c.end
}

// notWrappers are functions commonly given a path that request nothing.
var notWrappers = map[string]bool{
	"print": true, "println": true, "printf": true, "log": true, "puts": true, "path": true, "join": true, "format": true,
	"push": true, "navigate": true, "redirect": true, "t": true, "require": true, "import": true, "resolve": true,
	"url": true, "uri": true, "sprintf": true, "render": true, "link": true, "route": true, "assert": true, "expect": true,
	"describe": true, "it": true, "test": true, "error": true, "warn": true, "info": true, "debug": true, "raise": true,
}

// wrapperVerb returns the method the last word of a wrapper's name says
// (lms_put, lmsDelete), or "".
func wrapperVerb(name string) string {
	i := strings.LastIndexAny(name, "_")
	last := name[i+1:]
	for j := len(last) - 1; j > 0; j-- {
		if last[j] >= 'A' && last[j] <= 'Z' {
			last = last[j:]
			break
		}
	}
	if last == name && i < 0 {
		return ""
	}
	m := verbs[strings.ToLower(last)]
	if strings.ToLower(last) == "del" {
		return ""
	}
	return m
}
