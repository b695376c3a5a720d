package text

import (
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// Client instances: a relative call is completed with the base of the
// instance it is made on. A default base owned by a named instance
// (const peoplehub = ky.create({prefixUrl: …}), LMS_CONNECTION =
// Faraday.new(url: …)) is exported under the instance's name as well, and a
// relative call made in another file on an instance this file imports
// (import { peoplehub } from './http') or on a constant names that
// instance's base instead of the project's default one.

// ownedDefault exports the default base d of a client instance with the
// value resolved: under the instance's name whatever its host or version
// (a v2 or foreign client's calls must find their own base, not the LMS
// v1 one), and as a project default only when it may be 360Learning's v1.
// It reports false when d has no owner, leaving the export as it was.
func (a *analysis) ownedDefault(d *def, resolved []item) bool {
	if d.owner == "" || len(resolved) == 0 {
		return false
	}
	s := shapeOf(resolved)
	full := !resolved[0].isHole() && literalHost(resolved[0].lit)
	if !isBase(s) && !full {
		return false
	}
	a.found.Bases = append(a.found.Bases, rules.Base{Name: a.ownerName(d), URL: toParts(resolved), File: a.file})
	if isBase(s) && !foreignHost(resolved) {
		a.found.Bases = append(a.found.Bases, rules.Base{Name: "", URL: toParts(resolved), File: a.file})
	}
	return true
}

// instancePending returns the pending call for a relative path called on
// an instance defined in another file, completed by that instance's base,
// or false when the receiver is no such instance.
func (a *analysis) instancePending(items []item, ev ev) (rules.Pending, bool) {
	key := ev.receiver
	if key == "" || notClients[key] || len(items) == 0 {
		return rules.Pending{}, false
	}
	if origin := a.instanceOrigin(key); origin != "" {
		key = origin
	} else if !a.namedInstance(key) {
		return rules.Pending{}, false
	}
	at := items[0].span.Start
	head := item{hole: key, ref: true, span: rules.Span{Start: at, End: at}}
	path := items
	if !path[0].isHole() && !strings.HasPrefix(path[0].lit, "/") {
		path = append([]item{{lit: "/", span: head.span}}, path...)
	}
	return rules.Pending{Base: key, Call: a.newCall(append([]item{head}, path...), ev)}, true
}

// namedInstance reports whether the receiver key names a client this file
// takes from elsewhere: an imported or required binding, or a constant
// (LMS_CONNECTION).
func (a *analysis) namedInstance(key string) bool {
	for _, k := range a.identsKeyed(key) {
		if constantCase(a.toks[k].text) || a.inImport(k) {
			return true
		}
	}
	return false
}

// constantCase reports whether name is written LIKE_THIS, with at least
// one letter and two characters.
func constantCase(name string) bool {
	letters := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'A' <= c && c <= 'Z':
			letters++
		case c == '_' || '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return letters > 0 && len(name) > 1
}

// maxImportSpan bounds how far back an import statement is looked for.
const maxImportSpan = 64

// inImport reports whether identifier token k is bound by an import:
// import { a, b as c } from '…', import a from '…', from m import a, or
// const { a } = require('…'), const a = require('…').
func (a *analysis) inImport(k int) bool {
	toks := a.toks
	if k+1 < len(toks) && toks[k+1].kind == kIdent && toks[k+1].text == "as" {
		return false // the imported name, bound under another
	}
	for j := k - 1; j >= 0 && j >= k-maxImportSpan; j-- {
		t := &toks[j]
		if t.kind == kIdent && t.text == "import" {
			return true
		}
		if t.is(";") || t.kind == kString || t.kind == kIdent && (t.text == "from" && !a.fam.python) {
			break
		}
		if toks[j+1].nl && a.parent[j+1] < 0 && j+1 <= k && !(j+1 < k && toks[j].is(",")) {
			break // a new statement
		}
	}
	// const { a } = require('…') / const a = require('…')
	j := k + 1
	if p := a.parent[k]; p >= 0 && toks[p].is("{") && a.match[p] > p {
		j = a.match[p] + 1
	}
	return j+3 < len(toks) && toks[j].is("=") && toks[j+1].kind == kIdent && toks[j+1].text == "require" && toks[j+2].is("(")
}

// literalHost reports whether a URL's text starts with a scheme and a host
// written out in full.
func literalHost(lit string) bool {
	i := strings.Index(lit, "://")
	if i < 0 {
		return false
	}
	host := lit[i+3:]
	j := strings.IndexAny(host, "/?#")
	if j < 0 {
		return false // the host may go on in a hole
	}
	return j > 0 && !strings.ContainsAny(host[:j], "{}$%<>")
}

// ownerName returns the name of d's owner as written before it (the
// project's second pass looks for it in the text of other files): the
// name assigned the constructor, else its key.
func (a *analysis) ownerName(d *def) string {
	for k := min(d.at, len(a.toks)-1); k >= 0 && k >= d.at-maxImportSpan; k-- {
		if t := &a.toks[k]; t.kind == kIdent && rules.BaseKey(t.text) == d.owner && k+1 < len(a.toks) && (a.toks[k+1].is("=") || a.toks[k+1].is(":=") || a.toks[k+1].is(":")) {
			return t.text
		}
	}
	return d.owner
}

// maxOriginHops bounds how many assignments an instance is followed
// through (@hris = hris, hris: WORKDAY_CONNECTION).
const maxOriginHops = 3

// instanceOrigin returns the constant a receiver holds when the file
// assigns it one, directly or through a parameter's default value:
// def initialize(hris: WORKDAY_CONNECTION) @hris = hris, or
// def __init__(self, hris=WORKDAY_CONNECTION): self.hris = hris. It
// returns "" when the receiver holds no constant.
func (a *analysis) instanceOrigin(key string) string {
	toks := a.toks
	for range maxOriginHops {
		next := ""
		for _, k := range a.identsKeyed(key) {
			if next != "" || k+2 >= len(toks) {
				break
			}
			op := &toks[k+1]
			v := &toks[k+2]
			if v.kind != kIdent || rules.BaseKey(v.text) == key && !constantCase(v.text) {
				continue
			}
			if k+3 < len(toks) && !toks[k+3].nl && !toks[k+3].is(",") && !toks[k+3].is(")") && !toks[k+3].is(";") {
				continue // a longer expression: a call, a member
			}
			switch {
			case op.is("="):
			case op.is(":") && a.parent[k] >= 0 && toks[a.parent[k]].is("("):
				// a keyword parameter's default
			default:
				continue
			}
			next = v.text
		}
		if next == "" {
			return ""
		}
		if constantCase(next) {
			return next
		}
		key = rules.BaseKey(next)
	}
	return ""
}

// identsKeyed returns the identifier tokens whose key is key, in order;
// it goes through the file's distinct names, not its tokens.
func (a *analysis) identsKeyed(key string) []int {
	var out []int
	for name, pos := range a.byName {
		if rules.BaseKey(name) == key {
			out = append(out, pos...)
		}
	}
	sort.Ints(out)
	return out
}
