// Local names: a name assigned a URL inside a block or function is not the
// same name used in another block, and a later plain assignment of the
// name ends the first value's reach.

package text

import "strings"

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
