package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// helperDefKeywords precede the name of a function definition.
var helperDefKeywords = map[string]bool{"func": true, "def": true, "function": true, "fun": true, "sub": true}

// helperBase finds the same-file definition of the project wrapper named
// name, which takes the URL as its argi-th argument, and returns the
// expression it prefixes that parameter with (c.root + path,
// f"{self.base}{path}", `${this.base}${path}`), or "" when not visible.
func (a *analysis) helperBase(name string, argi int) string {
	toks := a.toks
	for _, k := range a.byName[name] {
		if k == 0 || k+1 >= len(toks) || !toks[k+1].is("(") || a.match[k+1] < 0 {
			continue
		}
		prev := &toks[k-1]
		typed := a.fam == famJava || a.fam.csharp
		// JS and PHP class methods: call(verb, path) { … }, async call(…)
		method := (a.fam.js() || a.fam == famPHP) && !a.memberOp(k-1) && !(prev.kind == kIdent && prev.text == "new")
		if !(prev.kind == kIdent && (helperDefKeywords[prev.text] || typed) || prev.is(">") && typed || prev.is(")") && a.fam == famGo || method) {
			continue
		}
		params := a.args(k + 1)
		if len(params) > 0 {
			if first := a.paramName(params[0]); first == "self" || first == "cls" {
				params = params[1:]
			}
		}
		if argi >= len(params) {
			continue
		}
		param := a.paramName(params[argi])
		if param == "" {
			continue
		}
		body, end := a.helperBody(a.match[k+1] + 1)
		if body < 0 {
			continue
		}
		if ref := a.prefixOf(param, body, end); ref != "" {
			return ref
		}
	}
	return ""
}

// paramName returns the name a parameter declaration binds: the first
// identifier in Go, Python, JS, Ruby, PHP and Kotlin, the last one before
// a default in Java and C#.
func (a *analysis) paramName(r [2]int) string {
	name := ""
	for k := r[0]; k < r[1]; k++ {
		t := &a.toks[k]
		if t.is("=") || t.is(":") && name != "" {
			break
		}
		if t.kind == kIdent {
			name = strings.TrimPrefix(t.text, "$")
			if !(a.fam == famJava || a.fam.csharp) {
				break
			}
		}
	}
	return name
}

// helperBody returns the tokens of a definition's body starting after its
// parameter list: a braced block, or for Python the lines up to the next
// definition.
func (a *analysis) helperBody(from int) (int, int) {
	toks := a.toks
	for k := from; k < len(toks) && k < from+16; k++ {
		if toks[k].is("{") && a.match[k] > k {
			return k + 1, a.match[k]
		}
		if toks[k].is(":") && a.fam.python {
			end := k + 1
			for end < len(toks) && !(toks[end].kind == kIdent && toks[end].text == "def" && end > k+1) {
				end++
			}
			return k + 1, end
		}
		if toks[k].is("=>") {
			// an expression body, up to the end of its statement
			end := k + 1
			for end < len(toks) && !toks[end].is(";") && !toks[end].is("}") {
				if o := &toks[end]; (o.is("(") || o.is("[") || o.is("{")) && a.match[end] > end {
					end = a.match[end]
				}
				end++
			}
			return k + 1, end
		}
		if t := &toks[k]; t.is(";") || t.is("}") || t.is("=") || t.kind == kString {
			break
		}
	}
	return -1, -1
}

// prefixOf finds, in tokens [from, to), a reference concatenated right
// before the name param and returns its text.
func (a *analysis) prefixOf(param string, from, to int) string {
	toks := a.toks
	for k := from; k < to; k++ {
		t := &toks[k]
		if t.kind == kString {
			for n := 1; n < len(t.parts); n++ {
				if strings.TrimPrefix(t.parts[n].hole, "$") == param && isRefText(t.parts[n-1].hole) {
					return t.parts[n-1].hole
				}
			}
			continue
		}
		if t.kind != kIdent || strings.TrimPrefix(t.text, "$") != param || k-2 < from {
			continue
		}
		if op := toks[k-1]; !(op.is("+") || op.is(".") && a.fam == famPHP) {
			continue
		}
		if s := a.operandStart(k - 2); s >= from {
			if ref := a.text(s, k-1); isRefText(ref) {
				return ref
			}
		}
	}
	return ""
}

// goLiteralBrace returns the '{' opening a Go composite literal whose type
// starts at vf (map[string]any{…}, &Payload{…}), else -1.
func (a *analysis) goLiteralBrace(vf, vt int) int {
	toks := a.toks
	for k := vf; k < vt; k++ {
		t := &toks[k]
		switch {
		case t.is("{"):
			return k
		case t.is("[") && a.match[k] > k:
			k = a.match[k]
		case t.kind == kIdent || t.is(".") || t.is("&") || t.is("*"):
		default:
			return -1
		}
	}
	return -1
}

// completeHelper prefixes a wrapper's relative path with the base its
// definition uses: the same-file definition of that name, or the URL
// name it is set from in a constructor or literal (Root: DefaultRoot,
// self.base = BASE_URL) when the name itself is no URL-like name.
func (a *analysis) completeHelper(ref string, items []item, at int) []item {
	head := item{hole: ref, ref: true, span: rules.Span{Start: items[0].span.Start, End: items[0].span.Start}}
	joined := a.substitute(append([]item{head}, items...), at, 0)
	if joined[0].ref && joined[0].hole != ref {
		// self.base = BASE: the name it is set from shares its key
		return a.exactName(joined)
	}
	if !joined[0].ref {
		return joined
	}
	last := ref
	if i := strings.LastIndexAny(last, ".>:"); i >= 0 && i+1 < len(last) {
		last = last[i+1:]
	}
	toks := a.toks
	for _, k := range a.byName[last] {
		if k+2 >= len(toks) || !(toks[k+1].is(":") || toks[k+1].is("=")) || toks[k+2].kind != kIdent {
			continue
		}
		ve := a.operandEnd(k + 2)
		if ve <= k+2 || ve < len(toks) && !(toks[ve].is(",") || toks[ve].is("}") || toks[ve].is(";") || toks[ve].nl) {
			continue
		}
		name := a.text(k+2, ve)
		if isRefText(name) && strings.Contains(name, "env.") {
			// root = process.env.LMS_ROOT: pending on the variable
			head.hole = name
			return append([]item{head}, items...)
		}
		if !isRefText(name) || a.defs[rules.BaseKey(name)] == nil {
			continue
		}
		head.hole = name
		if j := a.substitute(append([]item{head}, items...), at, 0); !j[0].ref {
			return j
		}
	}
	return joined
}

// exactName substitutes a leading reference by the URL definition of that
// exact name, for names whose key their alias shares (self.base = BASE).
func (a *analysis) exactName(items []item) []item {
	for _, d := range a.defs[rules.BaseKey(items[0].hole)] {
		if d.name != items[0].hole || d.alias || d.value == nil {
			continue
		}
		val := a.substitute(d.value.items, d.value.from, 1)
		out := make([]item, 0, len(val)+len(items)-1)
		for _, v := range val {
			v.span, v.raw = items[0].span, false
			out = append(out, v)
		}
		return append(out, items[1:]...)
	}
	return items
}
