package golang

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// part is a URL part with, while a helper is summarised, the helper
// parameter it stands for.
type part struct {
	rules.URLPart
	param int // 1-based parameter index; 0 when none
	// verb is where the fmt verb (%s) this part fills is written in a raw
	// format literal, for a part that is a hole; zero otherwise.
	verb rules.Span
}

// env is the context a value is evaluated in.
type env struct {
	// params are the parameters of the helper being summarised (1-based).
	params map[*types.Var]int
	depth  int
	seen   map[*types.Var]bool
	// query collects the url.Values whose Encode() the URL contains.
	query []*types.Var
	// queryParam is a url.Values parameter encoded into the URL.
	queryParam int
	// summary reports that a helper is being summarised.
	summary bool
}

func newEnv(params map[*types.Var]int) *env {
	return &env{params: params, seen: map[*types.Var]bool{}}
}

// summaryEnv is the context of a helper being summarised: its body, query,
// method and output parameters are recorded as such.
func summaryEnv(params map[*types.Var]int) *env {
	en := newEnv(params)
	en.summary = true
	return en
}

// arg returns the 1-based index of v among the parameters of the helper
// being summarised, or 0. Outside a summary a parameter is an ordinary
// variable, read through its type.
func (en *env) arg(v *types.Var) int {
	if !en.summary {
		return 0
	}
	return en.params[v]
}

const maxDepth = 16

// eval turns a string expression into URL parts: constants fold, and
// concatenation, fmt.Sprintf, url.JoinPath, path.Join, url.URL literals,
// variables assigned once, and fields and variables holding a constant are
// followed; anything else is a hole named by its text.
func (c *checker) eval(e ast.Expr, en *env) []part {
	e = ast.Unparen(e)
	if en.depth > maxDepth || e == nil {
		return c.hole(e)
	}
	en.depth++
	defer func() { en.depth-- }()
	// A concatenation keeps its operands' spans, even when it is constant.
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return append(c.eval(b.X, en), c.eval(b.Y, en)...)
	}
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		s := constant.StringVal(tv.Value)
		if lit, ok := e.(*ast.BasicLit); ok {
			return []part{c.litPart(lit, s)}
		}
		return []part{{URLPart: rules.URLPart{Lit: s, Span: c.span(e)}}}
	}
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if v := c.varOf(e); v != nil {
			if i := en.params[v]; i > 0 {
				return []part{{URLPart: rules.URLPart{Hole: c.text(e), Span: c.span(e)}, param: i}}
			}
			if s, ok := c.baseOf(v); ok {
				return []part{{URLPart: rules.URLPart{Lit: s, Span: c.span(e)}}}
			}
			if !v.IsField() && !en.seen[v] {
				if vals := c.assigns[v]; len(vals) == 1 && c.local(v) {
					en.seen[v] = true
					defer delete(en.seen, v)
					// A local's one value is in the same function, so
					// its parts keep their exact spans.
					return c.eval(vals[0], en)
				}
			}
		}
	case *ast.CallExpr:
		return c.evalCall(e, en)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.eval(e.X, en)
		}
	}
	return c.hole(e)
}

// local reports whether v is declared inside a function of this package (its
// single assignment is all there is).
func (c *checker) local(v *types.Var) bool {
	return v.Pkg() == c.pass.Pkg && v.Parent() != nil && v.Parent() != c.pass.Pkg.Scope()
}

func (c *checker) hole(e ast.Expr) []part {
	return []part{{URLPart: rules.URLPart{Hole: c.text(e), Span: c.span(e)}}}
}

// litPart is a string literal's part: its span is the text between the
// quotes, raw when that text is the value byte for byte.
func (c *checker) litPart(lit *ast.BasicLit, s string) part {
	sp := c.span(lit)
	raw := false
	if len(lit.Value) >= 2 {
		sp = rules.Span{Start: sp.Start + 1, End: sp.End - 1}
		raw = lit.Value[1:len(lit.Value)-1] == s
	}
	return part{URLPart: rules.URLPart{Lit: s, Span: sp, Raw: raw}}
}

// text returns the source text of an expression, on one line.
func (c *checker) text(e ast.Expr) string {
	return strings.Join(strings.Fields(types.ExprString(e)), " ")
}

func (c *checker) evalCall(call *ast.CallExpr, en *env) []part {
	fn := c.callee(call)
	switch {
	case funcIs(fn, "fmt", "Sprintf") && len(call.Args) >= 1:
		return c.sprintf(call, en)
	case (funcIs(fn, "net/url", "JoinPath") || funcIs(fn, "path", "Join")) && len(call.Args) >= 1 && !call.Ellipsis.IsValid():
		var out []part
		for i, a := range call.Args {
			if i > 0 {
				out = append(out, part{URLPart: rules.URLPart{Lit: "/", Span: zeroAt(c.span(a).Start)}})
			}
			out = append(out, c.eval(a, en)...)
		}
		return joinSlashes(out)
	case methodIs(fn, "net/url", "URL", "String"):
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			if lit := c.urlLiteral(sel.X); lit != nil {
				return c.evalURLLiteral(lit, en)
			}
		}
	case methodIs(fn, "net/url", "Values", "Encode"):
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			if v := c.varOf(sel.X); v != nil {
				if i := en.arg(v); i > 0 {
					en.queryParam = i
				} else {
					en.query = append(en.query, v)
				}
			}
		}
	}
	return c.hole(call)
}

func zeroAt(off int) rules.Span { return rules.Span{Start: off, End: off} }

// joinSlashes drops the "/" separators path.Join would not double.
func joinSlashes(parts []part) []part {
	out := parts[:0:0]
	for i, p := range parts {
		if p.Lit == "/" && p.Span.Start == p.Span.End && i > 0 && i+1 < len(parts) {
			prev, next := parts[i-1], parts[i+1]
			if prev.Hole == "" && strings.HasSuffix(prev.Lit, "/") || next.Hole == "" && strings.HasPrefix(next.Lit, "/") {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// sprintf evaluates fmt.Sprintf with a constant format: verbs take the
// value of their argument.
func (c *checker) sprintf(call *ast.CallExpr, en *env) []part {
	tv := c.info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return c.hole(call)
	}
	format := constant.StringVal(tv.Value)
	var fp part
	lit, isLit := ast.Unparen(call.Args[0]).(*ast.BasicLit)
	if isLit {
		fp = c.litPart(lit, format)
	} else {
		fp = part{URLPart: rules.URLPart{Lit: format, Span: c.span(call.Args[0])}}
	}
	sub := func(i, j int) part {
		p := fp
		p.Lit = format[i:j]
		if p.Raw {
			p.Span = rules.Span{Start: fp.Span.Start + i, End: fp.Span.Start + j}
		}
		return p
	}
	var out []part
	args := call.Args[1:]
	start := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			out = append(out, sub(start, i+1))
			i++
			start = i + 1
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			break
		}
		if start < i {
			out = append(out, sub(start, i))
		}
		if len(args) > 0 {
			var ps []part
			switch format[j] {
			case 's', 'v':
				ps = c.eval(args[0], en)
			default:
				ps = c.hole(args[0])
			}
			if len(ps) == 1 && ps[0].Hole != "" && fp.Raw && j == i+1 {
				ps[0].verb = sub(i, j+1).Span
			}
			out = append(out, ps...)
			args = args[1:]
		} else {
			out = append(out, part{URLPart: rules.URLPart{Hole: format[i : j+1], Span: sub(i, j+1).Span}})
		}
		start = j + 1
		i = j
	}
	if start < len(format) {
		out = append(out, sub(start, len(format)))
	}
	return out
}

// urlLiteral returns the url.URL composite literal an expression is or a
// local variable was given, or nil.
func (c *checker) urlLiteral(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok && isNamed(c.info.TypeOf(lit), "net/url", "URL") {
		return lit
	}
	if v := c.varOf(e); v != nil && !v.IsField() {
		if vals := c.assigns[v]; len(vals) == 1 {
			return c.urlLiteral(vals[0])
		}
	}
	return nil
}

// evalURLLiteral renders url.URL{Scheme, Host, Path, RawQuery} as
// scheme://host/path?query.
func (c *checker) evalURLLiteral(lit *ast.CompositeLit, en *env) []part {
	fields := map[string]ast.Expr{}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				fields[id.Name] = kv.Value
			}
		}
	}
	at := zeroAt(c.span(lit).Start)
	var out []part
	if s, ok := fields["Scheme"]; ok {
		out = append(out, c.eval(s, en)...)
		out = append(out, part{URLPart: rules.URLPart{Lit: "://", Span: at}})
	}
	if h, ok := fields["Host"]; ok {
		out = append(out, c.eval(h, en)...)
	}
	if p, ok := fields["Path"]; ok {
		out = append(out, c.eval(p, en)...)
	}
	if q, ok := fields["RawQuery"]; ok {
		out = append(out, part{URLPart: rules.URLPart{Lit: "?", Span: zeroAt(c.span(q).Start)}})
		out = append(out, c.eval(q, en)...)
	}
	return out
}

// baseOf returns the constant string a field or package variable always
// holds: from this package's analysis or from a fact of its own package.
func (c *checker) baseOf(v *types.Var) (string, bool) {
	if s, ok := c.bases[v]; ok {
		return s, true
	}
	if v.Pkg() != nil && v.Pkg() != c.pass.Pkg {
		var f baseFact
		if c.pass.ImportObjectFact(v, &f) {
			return f.Value, true
		}
	}
	return "", false
}

// computeBases finds the fields and package variables of this package that
// are only ever given one constant string.
func (c *checker) computeBases() {
	consider := func(v *types.Var, vals []ast.Expr) {
		if v.Pkg() != c.pass.Pkg || len(vals) == 0 {
			return
		}
		value := ""
		for i, e := range vals {
			s, ok := c.constString(e)
			if !ok {
				// A resty client made with its base URL.
				if s, ok = c.restyBaseOf(e); !ok {
					return
				}
			}
			if i > 0 && s != value {
				return
			}
			value = s
		}
		if !strings.Contains(value, "/") {
			return // not a URL or a path: nothing to follow
		}
		c.bases[v] = value
		c.pass.ExportObjectFact(v, &baseFact{Value: value})
	}
	for v, vals := range c.fieldVals {
		consider(v, vals)
	}
	for v, vals := range c.assigns {
		if v.Parent() == c.pass.Pkg.Scope() {
			consider(v, vals)
		}
	}
}
