package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// wrappers are calls that turn a URL string into a URL object, or read it
// from the environment with a default, without changing it.
var wrappers = map[string]bool{
	"URL": true, "URI": true, "Uri": true, "create": true, "parse": true, "encodeURI": true,
	"String": true, "str": true, "HttpUrl": true, "toHttpUrl": true, "URLRequest": true, "Url": true,
}

// envGetters return a default (their second argument) when a variable is unset.
var envGetters = map[string]bool{
	"get": true, "getenv": true, "fetch": true, "getProperty": true, "GetEnvironmentVariable": true,
	"env": true, "getOrDefault": true, "Getenv": true, "config": true, "setdefault": true, "GetValue": true,
}

// defaultKeys name a client's default base URL.
var defaultKeys = map[string]bool{"baseurl": true, "baseuri": true, "prefixurl": true, "baseaddress": true, "rooturi": true}

// isDefaultKey reports whether a name's key sets a client's default base,
// also through a setter (resty's SetBaseURL, setBaseUri).
func isDefaultKey(key string) bool {
	return defaultKeys[key] || strings.HasPrefix(key, "set") && defaultKeys[key[3:]]
}

// lift widens the tokens [from, to) through wrappers (new URL(x),
// URI.create(x)) and fallbacks (process.env.X || "…").
func (a *analysis) lift(from, to int) (int, int) {
	toks := a.toks
	for i := 0; i < 8; i++ {
		p := a.parent[from]
		if p > 0 && toks[p].is("(") && toks[p-1].kind == kIdent && from == p+1 && to == a.match[p] && wrappers[toks[p-1].text] {
			s := a.operandStart(p - 1)
			if s < 0 {
				break
			}
			from, to = s, a.match[p]+1
			continue
		}
		if p > 0 && toks[p].is("(") && toks[p-1].kind == kIdent && to == a.match[p] && from > p+1 && toks[from-1].is(",") && envGetters[toks[p-1].text] {
			s := a.operandStart(p - 1)
			if s < 0 {
				break
			}
			from, to = s, a.match[p]+1
			continue
		}
		// a project helper building the request URL: uri = lms_uri("/users", …)
		if p := a.builderCall(from, to); p > 0 {
			if s := a.operandStart(p - 1); s >= 0 {
				from, to = s, a.match[p]+1
				continue
			}
		}
		if from >= 2 && (toks[from-1].is("||") || toks[from-1].is("??") || toks[from-1].is("?:") || toks[from-1].kind == kIdent && toks[from-1].text == "or") {
			s := a.operandStart(from - 2)
			if s < 0 {
				break
			}
			from = s
			continue
		}
		break
	}
	return from, to
}

// nameBefore returns the name a value starting at token from is given
// (assignment, object key, keyword argument), with its token range.
func (a *analysis) nameBefore(from int) (name string, kind string, nameFrom int) {
	toks := a.toks
	if from < 2 {
		return "", "", -1
	}
	op := &toks[from-1]
	switch {
	case op.is("=") || op.is(":=") || op.is("?="):
		s := a.operandStart(from - 2)
		if s < 0 {
			if n, at := a.annotatedName(from - 2); n != "" {
				return n, "assign", at
			}
			return "", "", -1
		}
		name := a.text(s, from-1)
		// type annotations: X: str = …, const x: string = …
		// (not a block's colon ending the line before: def f() -> None:)
		if s >= 2 && toks[s-1].is(":") && toks[s-2].kind == kIdent && !toks[s].nl {
			return toks[s-2].text, "assign", s - 2
		}
		if strings.ContainsAny(name, "([") {
			return "", "", -1
		}
		return name, "assign", s
	case op.is(":") || op.is("=>"):
		k := &toks[from-2]
		switch k.kind {
		case kIdent:
			return strings.TrimPrefix(k.text, ":"), "key", from - 2
		case kString:
			if len(k.parts) == 1 && k.parts[0].hole == "" {
				return k.parts[0].lit, "key", from - 2
			}
		}
	case op.kind == kIdent && (a.fam.ruby || a.fam.powershell) && !op.param && !toks[from].nl:
		if strings.EqualFold(op.text, "base_uri") || strings.EqualFold(op.text, "base_url") {
			return op.text, "call", from - 1
		}
	}
	if n, at := a.phpDefineName(from); n != "" {
		return n, "assign", at
	}
	if p := a.parent[from]; p > 0 && toks[p].is("(") && toks[p-1].kind == kIdent && from == p+1 && isDefaultKey(rules.BaseKey(toks[p-1].text)) {
		return toks[p-1].text, "call", p - 1
	}
	return "", "", -1
}

// annotatedName returns the name a TypeScript declaration with a generic
// type annotation declares (const body: Record<string, unknown> = …), the
// annotation ending at token k; "" when there is none.
func (a *analysis) annotatedName(k int) (string, int) {
	toks := a.toks
	if !a.fam.js() || !(toks[k].is(">") || toks[k].is(">>") || toks[k].is("]")) {
		return "", -1
	}
	for j := k; j > 0 && k-j <= maxTypeArgs; j-- {
		t := &toks[j]
		if t.is(":") && toks[j-1].kind == kIdent {
			return toks[j-1].text, j - 1
		}
		if t.nl || t.kind != kIdent && !(t.kind == kPunct && strings.Contains("< > >> , . [ ] | & ? { } ;", t.text)) {
			break
		}
	}
	return "", -1
}

// assignment records the definition a URL expression is the value of.
func (a *analysis) assignment(e *expr) {
	from, _ := a.lift(e.from, e.to)
	name, kind, at := a.nameBefore(from)
	if name == "" {
		return
	}
	key := rules.BaseKey(name)
	if kind == "key" && (key == "url" || key == "uri") && !a.faradayURL(at) {
		return // a request's url, not a definition
	}
	d := &def{name: name, key: key, at: from, value: e}
	if kind == "key" {
		d.path = a.keyPath(name, at)
	}
	if isDefaultKey(key) && (kind == "call" || a.parent[at] >= 0 && a.insideCall(at) || strings.EqualFold(key, "baseaddress")) || a.faradayURL(at) {
		d.deflt = true
		d.owner = a.ownerOf(at, name)
	}
	e.def = d
	a.addDef(d)
}

// maxKeyDepth bounds how many enclosing object literals a key's dotted
// path names.
const maxKeyDepth = 6

// keyPath returns the dotted path of an object key through the object
// literals enclosing it (config = { lms: { baseURL: … } } gives
// "config.lms.baseURL"), so that bases defined under different keys keep
// apart; name alone when the key is not nested.
func (a *analysis) keyPath(name string, at int) string {
	path := name
	for n := 0; n < maxKeyDepth; n++ {
		p := a.parent[at]
		if p < 0 || !(a.toks[p].is("{") || a.toks[p].is("[") && (a.fam.php || a.fam.ruby)) {
			break
		}
		if p > 0 && a.toks[p-1].is("@") {
			p-- // PowerShell @{ … }
		}
		outer, kind, nf := a.nameBefore(p)
		if outer == "" || kind == "call" {
			break
		}
		path = strings.Trim(outer, "'\":$@") + "." + path
		if kind != "key" {
			break
		}
		at = nf
	}
	return path
}

func (a *analysis) addDef(d *def) {
	a.defs[d.key] = append(a.defs[d.key], d)
	a.defAt[d.at] = true
	if d.deflt {
		a.defaults = append(a.defaults, d)
	}
}

func (a *analysis) faradayURL(at int) bool {
	if at < 0 || !a.fam.ruby || a.toks[at].text != "url" {
		return false
	}
	p := a.parent[at]
	return p > 0 && strings.Contains(a.text(max(0, p-4), p), "Faraday")
}

// insideCall reports whether token i is within a call's parentheses.
func (a *analysis) insideCall(i int) bool {
	for p := a.parent[i]; p >= 0; p = a.parent[p] {
		if a.toks[p].is("(") && p > 0 && a.toks[p-1].kind == kIdent && !strings.EqualFold(a.toks[p-1].text, "param") {
			return true
		}
	}
	return false
}

// ownerOf returns the key of the client a default base belongs to: the
// name the enclosing constructor call is assigned to.
func (a *analysis) ownerOf(at int, name string) string {
	if strings.EqualFold(rules.BaseKey(name), "baseaddress") {
		// client.BaseAddress = …
		s := a.operandStart(at)
		if s >= 0 && at-s >= 2 {
			return rules.BaseKey(a.text(s, at-1))
		}
	}
	top := -1
	for p := a.parent[at]; p >= 0; p = a.parent[p] {
		if a.toks[p].is("(") {
			top = p
		}
	}
	if top <= 0 {
		return ""
	}
	s := a.operandStart(top - 1)
	if s < 0 {
		return ""
	}
	if n, _, _ := a.nameBefore(s); n != "" {
		return rules.BaseKey(n)
	}
	return ""
}

// urlish reports whether a name looks like it holds a URL or a base.
func urlish(key string) bool {
	for _, w := range []string{"url", "uri", "base", "host", "endpoint", "api", "server", "address"} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// aliases records names assigned another name (this.baseUrl =
// config.lmsBaseUrl, baseURL: process.env.LMS_BASE_URL) and names assigned
// object literals (payloads).
func (a *analysis) aliases() {
	toks := a.toks
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.kind != kPunct || !(t.text == "=" || t.text == ":" || t.text == ":=" || t.text == "=>") {
			continue
		}
		v := i + 1
		end := a.valueEnd(v)
		if end <= v {
			continue
		}
		name, kind, at := a.nameBefore(v)
		if name == "" {
			continue
		}
		if kind == "assign" {
			a.vals[name] = append(a.vals[name], v)
			// Go: b, err := json.Marshal(body) gives b the value
			if a.fam == famGo && at >= 2 && toks[at-1].is(",") && toks[at-2].kind == kIdent && (at < 3 || !a.memberOp(at-3) && !toks[at-3].is(",")) {
				a.vals[toks[at-2].text] = append(a.vals[toks[at-2].text], v)
			}
		}
		if a.objectIn(v, end) >= 0 {
			a.objs[name] = append(a.objs[name], v)
			continue
		}
		key := rules.BaseKey(name)
		if !urlish(key) || toks[v].kind != kIdent {
			continue
		}
		ve := a.operandEnd(v)
		// an env getter with a default is lifted by the anchor itself
		if ve != end || a.defined(v) {
			continue
		}
		text := a.text(v, ve)
		if !isRefText(text) || kind == "key" && a.fam.js() && tsTypes[text] {
			continue // base: string is a TypeScript annotation
		}
		e := &expr{items: []item{{hole: text, span: a.span(v, ve), ref: true}}, from: v, to: ve}
		d := &def{name: name, key: key, at: v, value: e, alias: true}
		if kind == "key" && (key == "url" || key == "uri") {
			continue
		}
		if defaultKeys[key] && (kind == "call" || a.insideCall(at) || key == "baseaddress") {
			d.deflt = true
			d.owner = a.ownerOf(at, name)
		}
		e.def = d
		a.addDef(d)
	}
}

// defined reports whether a definition already starts at token v.
func (a *analysis) defined(v int) bool {
	return a.defAt[v]
}

// valueEnd returns the end of the value starting at token i: the first
// ',' ';' or closing bracket at its level, or a line break that does not
// continue the expression.
func (a *analysis) valueEnd(i int) int {
	toks := a.toks
	k := i
	for k < len(toks) {
		t := &toks[k]
		if k > i && t.nl {
			p := &toks[k-1]
			if !(p.kind == kPunct && strings.Contains("+ . | , = ( [ { && || ??", p.text)) {
				break
			}
		}
		if t.kind == kPunct {
			switch t.text {
			case ",", ";", ")", "]", "}":
				return k
			case "(", "[", "{":
				if a.match[k] > k {
					k = a.match[k] + 1
					continue
				}
			}
		}
		k++
	}
	return k
}

// tsTypes are TypeScript types a field is annotated with (base: string).
var tsTypes = map[string]bool{"string": true, "number": true, "boolean": true, "any": true, "unknown": true, "URL": true, "String": true}
