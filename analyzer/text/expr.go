package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// item is one part of a URL expression: literal text, or a hole. A hole
// that is a plain name (config.lmsBaseUrl, $this->baseUrl) is a reference
// that same-file definitions and other files' bases may complete.
type item struct {
	lit  string
	hole string
	span rules.Span
	raw  bool
	ref  bool
}

func (it item) isHole() bool { return it.hole != "" }

// expr is a URL expression: the items and the tokens [from, to) it covers,
// wrappers such as new URL(…) or fmt.Sprintf(…) included.
type expr struct {
	items    []item
	from, to int
	// resolved is items with leading same-file references substituted.
	resolved []item
	def      *def
}

// isRefText reports whether s is a plain name or member chain.
func isRefText(s string) bool {
	if s == "" || !(isIdentStart(s[0]) || s[0] == '$' || s[0] == '@') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isIdentByte(c) && strings.IndexByte("$@.:->?", c) < 0 {
			return false
		}
	}
	return true
}

func stringItems(t *token) []item {
	out := make([]item, 0, len(t.parts))
	for _, p := range t.parts {
		if p.hole != "" {
			if lit, ok := quotedConstant(p.hole); ok {
				out = append(out, item{lit: lit, span: p.span})
				continue
			}
			out = append(out, item{hole: p.hole, span: p.span, ref: isRefText(p.hole)})
		} else {
			out = append(out, item{lit: p.lit, span: p.span, raw: p.raw})
		}
	}
	return out
}

// concatOp reports whether token i joins two operands into one string.
func (a *analysis) concatOp(i int) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	t := &a.toks[i]
	if t.kind != kPunct {
		return false
	}
	switch t.text {
	case "+":
		return true
	case ".":
		return a.fam.php
	}
	return false
}

// operandEnd returns the end (exclusive) of the operand starting at token
// j, or -1 when none starts there.
func (a *analysis) operandEnd(j int) int {
	if j >= len(a.toks) {
		return -1
	}
	t := &a.toks[j]
	switch t.kind {
	case kString, kNumber:
		return j + 1
	case kPunct:
		if t.text == "(" && a.match[j] > j {
			return a.match[j] + 1
		}
		return -1
	case kIdent:
		if t.param {
			return -1
		}
		k := j
		if t.text == "new" && k+1 < len(a.toks) && a.toks[k+1].kind == kIdent {
			k++
		}
		for {
			k++
			for k < len(a.toks) && (a.toks[k].is("(") || a.toks[k].is("[")) && !a.toks[k].nl && a.match[k] > k {
				k = a.match[k] + 1
			}
			if k+1 < len(a.toks) && a.memberOp(k) && a.toks[k+1].kind == kIdent {
				k++
				continue
			}
			return k
		}
	}
	return -1
}

func (a *analysis) memberOp(k int) bool {
	t := &a.toks[k]
	if t.kind != kPunct {
		return false
	}
	switch t.text {
	case "->", "?.", "::":
		return true
	case ".":
		return !a.fam.php
	}
	return false
}

// operandStart returns the start of the operand ending at token k
// (inclusive), or -1.
func (a *analysis) operandStart(k int) int {
	if k < 0 {
		return -1
	}
	t := &a.toks[k]
	switch t.kind {
	case kString, kNumber:
		return k
	case kPunct:
		if (t.text == ")" || t.text == "]") && a.match[k] >= 0 && a.match[k] < k {
			o := a.match[k]
			if o > 0 && a.toks[o-1].kind == kIdent && !a.toks[o].nl {
				return a.operandStart(o - 1)
			}
			if t.text == ")" {
				return o
			}
		}
		return -1
	case kIdent:
		if t.param {
			return -1
		}
		j := k
		for j >= 2 && a.memberOp(j-1) {
			p := &a.toks[j-2]
			if p.kind == kIdent {
				j -= 2
				continue
			}
			if (p.text == ")" || p.text == "]") && a.match[j-2] >= 0 && a.match[j-2] < j-2 {
				o := a.match[j-2]
				if o > 0 && a.toks[o-1].kind == kIdent {
					j = o - 1
					continue
				}
			}
			break
		}
		if j > 0 && a.toks[j-1].kind == kIdent && a.toks[j-1].text == "new" {
			j--
		}
		return j
	}
	return -1
}

// operandItems turns tokens [i, j) into URL items.
func (a *analysis) operandItems(i, j int) []item {
	return a.nestedOperandItems(i, j, 0)
}

// maxParenDepth bounds how deep parenthesized concatenations are read:
// generated code can nest them without end, and each level recurses.
const maxParenDepth = 16

func (a *analysis) nestedOperandItems(i, j, depth int) []item {
	if j == i+1 && a.toks[i].kind == kString {
		return stringItems(&a.toks[i])
	}
	if a.toks[i].is("(") && a.match[i] == j-1 && depth < maxParenDepth {
		// a parenthesized concatenation: read it as one
		if e := a.concatAt(i+1, j-1, depth+1); e != nil {
			return e
		}
	}
	text := a.text(i, j)
	return []item{{hole: text, span: a.span(i, j), ref: isRefText(text)}}
}

// concatAt reads the tokens [i, j) as a concatenation of operands, or nil;
// depth counts the parentheses around it.
func (a *analysis) concatAt(i, j, depth int) []item {
	var items []item
	for k := i; k < j; {
		e := a.operandEnd(k)
		if e < 0 || e > j {
			return nil
		}
		items = append(items, a.nestedOperandItems(k, e, depth)...)
		k = e
		if k < j {
			if !a.concatOp(k) {
				return nil
			}
			k++
		}
	}
	return items
}

func (a *analysis) text(i, j int) string {
	if i >= j {
		return ""
	}
	return a.src[a.toks[i].start:a.toks[j-1].end]
}

func (a *analysis) span(i, j int) rules.Span {
	if i >= j {
		return rules.Span{}
	}
	return rules.Span{Start: a.toks[i].start, End: a.toks[j-1].end}
}

// buildExpr assembles the URL expression around the string token at i.
func (a *analysis) buildExpr(i int) *expr {
	from, to := i, i+1
	items := stringItems(&a.toks[i])
	// backward through concatenations
	for from >= 2 && a.concatOp(from-1) {
		s := a.operandStart(from - 2)
		if s < 0 {
			break
		}
		items = append(a.operandItems(s, from-1), items...)
		from = s
	}
	if a.fam.python {
		for from >= 1 && a.toks[from-1].kind == kString && !a.toks[from-1].doc {
			items = append(stringItems(&a.toks[from-1]), items...)
			from--
		}
	}
	// forward
	for {
		if a.fam.python && to < len(a.toks) && a.toks[to].kind == kString && (!a.toks[to].nl || a.parent[to] >= 0) {
			items = append(items, stringItems(&a.toks[to])...)
			to++
			continue
		}
		if a.concatOp(to) {
			e := a.operandEnd(to + 1)
			if e < 0 {
				break
			}
			items = append(items, a.operandItems(to+1, e)...)
			to = e
			continue
		}
		break
	}
	e := &expr{items: items, from: from, to: to}
	a.formatting(e)
	return e
}

// formatting applies %-formatting, .format(), -f and printf-like wrappers.
func (a *analysis) formatting(e *expr) {
	toks := a.toks
	// "…" % args (Python, Ruby)
	if (a.fam.python || a.fam.ruby) && e.to < len(toks) && toks[e.to].is("%") {
		if end := a.operandEnd(e.to + 1); end > 0 {
			var args []string
			var spans []rules.Span
			if toks[e.to+1].is("(") || toks[e.to+1].is("[") {
				for _, r := range a.args(e.to + 1) {
					args = append(args, a.text(r[0], r[1]))
					spans = append(spans, a.span(r[0], r[1]))
				}
			} else {
				args = []string{a.text(e.to+1, end)}
			}
			e.items = fillPlaceholders(e.items, args, false, nil)
			e.to = end
		}
	}
	// "…".format(args) / "…".formatted(args)
	if e.to+2 < len(toks) && toks[e.to].is(".") && toks[e.to+1].kind == kIdent && (toks[e.to+1].text == "format" || toks[e.to+1].text == "formatted") && toks[e.to+2].is("(") {
		args, kw := a.callArgs(e.to + 2)
		e.items = fillPlaceholders(e.items, args, true, kw)
		e.to = a.match[e.to+2] + 1
	}
	// "…" -f args (PowerShell)
	if a.fam.powershell && e.to < len(toks) && strings.EqualFold(toks[e.to].text, "-f") {
		var args []string
		k := e.to + 1
		for k < len(toks) && !toks[k].nl {
			end := a.operandEnd(k)
			if end < 0 {
				break
			}
			args = append(args, a.text(k, end))
			k = end
			if k < len(toks) && toks[k].is(",") && !toks[k].nl {
				k++
				continue
			}
			break
		}
		e.items = fillPlaceholders(e.items, args, true, nil)
		e.to = k
	}
	// Sprintf("…", args), String.format("…", args), string.Format("{0}", args)
	if p := a.parent[e.from]; p > 0 && toks[p].is("(") && toks[p-1].kind == kIdent && e.from == p+1 && e.to < len(toks) && (toks[e.to].is(",") || toks[e.to].is(")")) {
		name := toks[p-1].text
		switch name {
		case "Sprintf", "sprintf", "format", "Format", "vsprintf":
			args, _ := a.callArgs(p)
			if len(args) > 0 {
				args = args[1:]
			}
			e.items = fillPlaceholders(e.items, args, name == "Format", nil)
			if s := a.operandStart(p - 1); s >= 0 {
				e.from = s
			}
			e.to = a.match[p] + 1
		}
	}
}

// callArgs returns the positional arguments' text and keyword arguments of
// the call whose '(' is at p.
func (a *analysis) callArgs(p int) ([]string, map[string]string) {
	var args []string
	kw := map[string]string{}
	for _, r := range a.args(p) {
		if r[1]-r[0] >= 3 && a.toks[r[0]].kind == kIdent && (a.toks[r[0]+1].is("=") || a.toks[r[0]+1].is(":")) {
			kw[a.toks[r[0]].text] = a.text(r[0]+2, r[1])
			continue
		}
		args = append(args, a.text(r[0], r[1]))
	}
	return args, kw
}

// fillPlaceholders replaces printf (%s) or brace ({}, {0}, {name})
// placeholders in literal items by holes naming the arguments.
func fillPlaceholders(items []item, args []string, braces bool, kw map[string]string) []item {
	var out []item
	next := 0
	for _, it := range items {
		if it.isHole() {
			out = append(out, it)
			continue
		}
		lit := it.lit
		from := 0
		at := func(i, j int) rules.Span {
			if it.raw && it.span.End-it.span.Start == len(it.lit) {
				return rules.Span{Start: it.span.Start + i, End: it.span.Start + j}
			}
			return it.span
		}
		emitLit := func(i, j int) {
			if j > i {
				out = append(out, item{lit: lit[i:j], span: at(i, j), raw: it.raw && it.span.End-it.span.Start == len(it.lit)})
			}
		}
		for i := 0; i < len(lit); i++ {
			n, arg := 0, ""
			switch {
			case !braces && lit[i] == '%' && i+1 < len(lit):
				if lit[i+1] == '%' {
					i++
					continue
				}
				if strings.IndexByte("sdvqiu", lit[i+1]) >= 0 {
					n = 2
					if next < len(args) {
						arg = args[next]
					}
					next++
				}
			case braces && lit[i] == '{':
				j := strings.IndexByte(lit[i:], '}')
				if j < 0 {
					continue
				}
				name := lit[i+1 : i+j]
				if k := strings.IndexAny(name, ":!,"); k >= 0 {
					name = name[:k]
				}
				switch {
				case name == "":
					if next < len(args) {
						arg = args[next]
					}
					next++
				case isDigit(name[0]):
					idx := 0
					for _, c := range name {
						if c < '0' || c > '9' {
							break
						}
						idx = idx*10 + int(c-'0')
					}
					if idx < len(args) {
						arg = args[idx]
					}
				default:
					arg = kw[name]
				}
				n = j + 1
			}
			if n == 0 || arg == "" {
				if n > 0 {
					i += n - 1
				}
				continue
			}
			emitLit(from, i)
			out = append(out, item{hole: strings.TrimSpace(arg), span: at(i, i+n), ref: isRefText(strings.TrimSpace(arg))})
			from = i + n
			i += n - 1
		}
		emitLit(from, len(lit))
	}
	return out
}

// args returns the token ranges of the top-level arguments of the bracket
// opened at p.
func (a *analysis) args(p int) [][2]int {
	end := a.match[p]
	if end < 0 {
		return nil
	}
	var out [][2]int
	start := p + 1
	for k := p + 1; k < end; k++ {
		t := &a.toks[k]
		if (t.is("(") || t.is("[") || t.is("{")) && a.match[k] > k {
			k = a.match[k]
			continue
		}
		if t.is(",") || t.is(";") && a.fam.powershell {
			if k > start {
				out = append(out, [2]int{start, k})
			}
			start = k + 1
		}
	}
	if end > start {
		out = append(out, [2]int{start, end})
	}
	return out
}

// quotedConstant returns the text of an interpolated expression that is
// itself a plain string literal (${'https://host'}).
func quotedConstant(expr string) (string, bool) {
	if len(expr) < 2 {
		return "", false
	}
	q := expr[0]
	if (q != '"' && q != '\'') || expr[len(expr)-1] != q {
		return "", false
	}
	body := expr[1 : len(expr)-1]
	if strings.ContainsAny(body, "\\\"'`$#{") {
		return "", false
	}
	return body, true
}
