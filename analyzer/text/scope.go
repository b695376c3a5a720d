// Local names: a name assigned a URL inside a block or function is not the
// same name used in another block, and a later plain assignment of the
// name ends the first value's reach.

package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// localName reports whether a definition's name is a plain local name (no
// member access, no instance or global sigil) that the language scopes to
// its enclosing block or function.
func localName(name string) bool {
	return name != "" && !strings.ContainsAny(name, ".:>@[$") && name != "self" && name != "this"
}

// scopeEnd returns the token index where the scope of a local name
// assigned at token at ends: the end of the enclosing Ruby do/def block,
// Python function or brace block; len(toks) when it is not local.
func (a *analysis) scopeEnd(name string, at int) int {
	n := len(a.toks)
	if !localName(name) || at < 0 || at >= n {
		return n
	}
	end := n
	// a brace block holding statements: the name is assigned in it, so it
	// is no object literal (keys are not assignments)
	if p := a.parent[at]; p >= 0 && a.toks[p].is("{") && !(p > 0 && a.toks[p-1].is("@")) && a.match[p] > at {
		end = a.match[p]
	}
	switch {
	case a.fam.ruby:
		if e := a.rubyBlockEnd(at); e < end {
			end = e
		}
	case a.fam.python:
		if e := a.pythonFuncEnd(at); e < end {
			end = e
		}
	}
	return end
}

// rubyOpeners open a block closed by `end`; the conditional ones only when
// they start a statement (not `x if y`).
var rubyOpeners = map[string]bool{"do": true, "def": true, "class": true, "module": true, "begin": true, "case": true}
var rubyStatementOpeners = map[string]bool{"if": true, "unless": true, "while": true, "until": true, "for": true}

// rubyBlockEnd returns the `end` token closing the innermost do/def block
// around token at, else len(toks).
func (a *analysis) rubyBlockEnd(at int) int {
	toks := a.toks
	type open struct {
		tok   int
		scope bool
	}
	var stack []open
	best := len(toks)
	for i := range toks {
		t := &toks[i]
		if t.kind != kIdent || i > 0 && (toks[i-1].is(".") || toks[i-1].is("::")) {
			continue
		}
		switch {
		case rubyOpeners[t.text]:
			stack = append(stack, open{i, t.text == "do" || t.text == "def"})
		case rubyStatementOpeners[t.text] && (t.nl || i == 0 || toks[i-1].is("=") || toks[i-1].is("(")):
			stack = append(stack, open{i, false})
		case t.text == "end" && len(stack) > 0:
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if o.scope && o.tok < at && at < i {
				// the innermost scope closes first
				return i
			}
		}
	}
	return best
}

// pythonFuncEnd returns the first token after at that starts a line
// indented no deeper than the def enclosing token at, else len(toks).
func (a *analysis) pythonFuncEnd(at int) int {
	toks := a.toks
	ind := a.indentOf(at)
	defInd := -1
	for i := at; i >= 0; i-- {
		if !toks[i].nl && i != 0 {
			continue
		}
		li := a.indentOf(i)
		if li >= ind {
			continue
		}
		ind = li
		k := i
		if toks[k].kind == kIdent && toks[k].text == "async" && k+1 < len(toks) {
			k++
		}
		if toks[k].kind == kIdent && toks[k].text == "def" {
			defInd = li
			break
		}
	}
	if defInd < 0 {
		return len(toks)
	}
	for i := at + 1; i < len(toks); i++ {
		if toks[i].nl && a.parent[i] < 0 && a.indentOf(i) <= defInd {
			return i
		}
	}
	return len(toks)
}

// indentOf returns the column of the first token on token i's line.
func (a *analysis) indentOf(i int) int {
	s := toks0(a.src, a.toks[i].start)
	col := 0
	for s+col < len(a.src) && (a.src[s+col] == ' ' || a.src[s+col] == '\t') {
		col++
	}
	return col
}

// toks0 returns the offset where the line holding offset p starts.
func toks0(src string, p int) int {
	return strings.LastIndexByte(src[:p], '\n') + 1
}

// reassigned reports whether the use of a name at token u is a plain
// assignment of a new value to it (uri = other(…)), which ends the reach
// of the value given before.
func (a *analysis) reassigned(u int) bool {
	toks := a.toks
	if u+1 >= len(toks) || !(toks[u+1].is("=") || toks[u+1].is(":=")) {
		return false
	}
	return !a.insideCall(u)
}

// urlBuilder reports whether a call named name looks like a project helper
// that builds a request URL from a path (lms_uri, build_url, apiUrl).
func urlBuilder(name string) bool {
	l := strings.ToLower(name)
	if requestNames[l] || wrappers[name] || verbName(name) != "" || strings.Contains(l, "encode") || strings.Contains(l, "open") {
		return false
	}
	return strings.HasSuffix(l, "uri") || strings.HasSuffix(l, "url") || strings.HasPrefix(l, "url") || strings.HasPrefix(l, "uri") ||
		strings.Contains(l, "_uri") || strings.Contains(l, "_url")
}

// builderCall returns the opening parenthesis of the URL-building helper
// call whose first argument is the value at tokens [from, to), else -1.
func (a *analysis) builderCall(from, to int) int {
	toks := a.toks
	p := a.parent[from]
	if p <= 0 || !toks[p].is("(") || from != p+1 || toks[p-1].kind != kIdent || !urlBuilder(toks[p-1].text) {
		return -1
	}
	if to != a.match[p] && !(to < len(toks) && toks[to].is(",")) {
		return -1
	}
	if !(a.fam.ruby || a.fam.python || a.fam.js() || a.fam.php) {
		return -1
	}
	return p
}

// builderQueryParams returns the keyword arguments a URL-building helper
// is given after the path (lms_uri("/users", deleted: true),
// api_url("/users", deleted=True)), as query parameters: the helper puts
// them in the URL's query.
func (a *analysis) builderQueryParams(from, to int) []rules.Param {
	p := a.builderCall(from, to)
	if p < 0 {
		return nil
	}
	toks := a.toks
	var e ev
	for n, r := range a.args(p) {
		vf, vt := r[0], r[1]
		if n == 0 || vt-vf < 2 {
			continue
		}
		if toks[vf].is("{") && a.match[vf] == vt-1 {
			a.addParamsFrom(&e, vf, vt, rules.InQuery)
			continue
		}
		if !(toks[vf].kind == kIdent || toks[vf].kind == kString) || !(toks[vf+1].is(":") || toks[vf+1].is("=>") || toks[vf+1].is("=") && a.fam.python) {
			continue
		}
		if name, sp := a.keyName(vf); name != "" && !rubyOptionKeys[strings.ToLower(name)] {
			e.params = append(e.params, rules.Param{Name: strings.TrimPrefix(name, ":"), In: rules.InQuery, Span: a.span(vf, vt), NameSpan: sp})
		}
	}
	return e.params
}
