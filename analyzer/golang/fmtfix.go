package golang

import (
	"go/ast"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// fmtVerb is a verb of a format string: value offsets [i, j) and the
// 1-based argument it takes (0 for %%).
type fmtVerb struct{ i, j, arg int }

// formatVerbs lists a format's verbs; ok is false for indexed or starred
// ones, whose arguments are not in order.
func formatVerbs(format string) (verbs []fmtVerb, ok bool) {
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			verbs = append(verbs, fmtVerb{i, i + 2, 0})
			i++
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) || format[j] == '[' || format[j] == '*' {
			return nil, false
		}
		verbs = append(verbs, fmtVerb{i, j + 1, arg})
		arg++
		i = j
	}
	return verbs, true
}

// argCount counts the verbs that take an argument.
func argCount(verbs []fmtVerb) int {
	n := 0
	for _, v := range verbs {
		if v.arg > 0 {
			n++
		}
	}
	return n
}

// formatArgEdits deletes the arguments of fmt calls whose verbs the URL
// edits removed, with the comma before each; nodes are the arguments.
func (c *checker) formatArgEdits(gone map[*ast.CallExpr]map[int]bool) (out []edit, nodes []ast.Node) {
	for fc, args := range gone {
		for a := 1; a < len(fc.Args); a++ {
			if args[a] {
				out = append(out, edit{span: c.spanOf(fc.Args[a-1].End(), fc.Args[a].End())})
				nodes = append(nodes, fc.Args[a])
			}
		}
	}
	return out, nodes
}

// fixView is the call's URL as the fix plans it: a hole filling a %s verb
// of a raw format literal after the query began is the verb's own text
// (which the rules read as a placeholder), so that a query parameter
// company=%s is written in one place and can go; parts written one after
// another in the file become one.
func fixView(parts []part, src []byte) []rules.URLPart {
	var out []rules.URLPart
	inQuery := false
	for _, p := range parts {
		u := p.URLPart
		if inQuery && u.Hole != "" && !p.verb.IsZero() && p.verb.End <= len(src) {
			switch text := string(src[p.verb.Start:p.verb.End]); text {
			case "%s", "%d", "%v", "%q":
				u = rules.URLPart{Lit: text, Span: p.verb, Raw: true}
			}
		}
		if u.Hole == "" && strings.Contains(u.Lit, "?") {
			inQuery = true
		}
		if n := len(out); n > 0 && u.Raw && u.Hole == "" && out[n-1].Raw && out[n-1].Hole == "" && out[n-1].Span.End == u.Span.Start && !u.Span.IsZero() {
			out[n-1].Lit += u.Lit
			out[n-1].Span.End = u.Span.End
			continue
		}
		out = append(out, u)
	}
	return out
}

// formatCall returns the fmt printing call whose format lit is, or nil.
func formatCall(c *checker, lit *ast.BasicLit, path []ast.Node) *ast.CallExpr {
	for _, n := range path[1:] {
		switch n := n.(type) {
		case *ast.ParenExpr:
			continue
		case *ast.CallExpr:
			fn := c.callee(n)
			if len(n.Args) > 0 && ast.Unparen(n.Args[0]) == lit && fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && strings.HasSuffix(fn.Name(), "f") {
				return n
			}
		}
		return nil
	}
	return nil
}
