package golang

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// isCredName reports whether a query parameter name is a v1 credential.
func isCredName(name string) bool {
	return name == "company" || strings.EqualFold(name, "apiKey")
}

// queryCredEdits removes v1 credentials written in the URL's own text:
// pairs of a fmt.Sprintf format ("?company=%s&apiKey=%s", with their
// arguments) or of a plain string literal. n is how many it removes; ok is
// false when a credential pair is written some other way.
func (c *checker) queryCredEdits(s *site, f *ast.File) (edits []edit, n int, ok bool) {
	e := s.urlExpr
	for i := 0; i < maxDepth && e != nil; i++ {
		v := c.varOf(e)
		if v == nil || v.IsField() || !c.local(v) || len(c.assigns[v]) != 1 {
			break
		}
		e = c.assigns[v][0]
	}
	if e == nil || !c.sameFile(e.Pos(), f.Pos()) {
		return nil, 0, false
	}
	if call, isCall := ast.Unparen(e).(*ast.CallExpr); isCall && funcIs(c.callee(call), "fmt", "Sprintf") && len(call.Args) > 0 {
		return c.sprintfCredEdits(call)
	}
	// Literals of a concatenation.
	ok = true
	ast.Inspect(e, func(node ast.Node) bool {
		switch x := node.(type) {
		case *ast.BinaryExpr:
			return x.Op == token.ADD
		case *ast.ParenExpr:
			return true
		case *ast.BasicLit:
			_, es, k, good := c.literalCredEdits(x, nil)
			if !good {
				ok = false
			}
			edits = append(edits, es...)
			n += k
		}
		return false
	})
	return edits, n, ok
}

// literalCredEdits rewrites the query of a raw string literal without
// its credential pairs. verbArgs, for a Sprintf format, maps each verb's
// offset in the literal's value to its argument; the arguments of removed
// pairs are returned. good is false when a pair cannot be removed here.
func (c *checker) literalCredEdits(lit *ast.BasicLit, verbArgs map[int]int) (removedArgs []int, edits []edit, n int, good bool) {
	if lit.Kind != token.STRING || len(lit.Value) < 2 {
		return nil, nil, 0, true
	}
	raw := lit.Value[1 : len(lit.Value)-1]
	if s, ok := c.constString(lit); !ok || s != raw {
		return nil, nil, 0, !credQuery.MatchString(raw) // escapes: not rewritten
	}
	q := strings.IndexByte(raw, '?')
	if q < 0 {
		// A literal continuing a query ("&apiKey=") is written some other way.
		return nil, nil, 0, !strings.Contains(strings.ToLower(raw), "apikey=") && !strings.Contains(raw, "company=")
	}
	end := len(raw)
	if h := strings.IndexByte(raw[q:], '#'); h >= 0 {
		end = q + h
	}
	var kept []string
	start := q + 1
	for _, seg := range strings.Split(raw[q+1:end], "&") {
		name, val, _ := strings.Cut(seg, "=")
		segStart := start
		start += len(seg) + 1
		if !isCredName(name) {
			kept = append(kept, seg)
			continue
		}
		if end == len(raw) && segStart+len(seg) == len(raw) && val == "" && verbArgs == nil {
			return nil, nil, 0, false // its value follows the literal
		}
		n++
		for off, arg := range verbArgs {
			if off >= segStart && off < segStart+len(seg) {
				removedArgs = append(removedArgs, arg)
			}
		}
	}
	if n == 0 {
		return nil, nil, 0, true
	}
	query := ""
	if len(kept) > 0 {
		query = "?" + strings.Join(kept, "&")
	}
	sp := c.span(lit)
	at := rules.Span{Start: sp.Start + 1 + q, End: sp.Start + 1 + end}
	return removedArgs, []edit{{span: at, text: query}}, n, true
}

// sprintfCredEdits removes credential pairs from a Sprintf format and the
// arguments that fill them.
func (c *checker) sprintfCredEdits(call *ast.CallExpr) ([]edit, int, bool) {
	lit, ok := ast.Unparen(call.Args[0]).(*ast.BasicLit)
	if !ok {
		return nil, 0, false
	}
	format, ok := c.constString(lit)
	if !ok {
		return nil, 0, false
	}
	verbArgs := map[int]int{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j < len(format) && (format[j] == '[' || format[j] == '*') {
			return nil, 0, false // indexed or starred arguments: not rewritten
		}
		verbArgs[i] = arg
		arg++
		i = j
	}
	if arg != len(call.Args) || call.Ellipsis.IsValid() {
		return nil, 0, false
	}
	removed, edits, n, good := c.literalCredEdits(lit, verbArgs)
	if !good || n == 0 {
		return nil, n, good
	}
	gone := map[int]bool{}
	var nodes []ast.Node
	for _, a := range removed {
		gone[a] = true
		nodes = append(nodes, call.Args[a])
	}
	for a := 1; a < len(call.Args); a++ {
		if gone[a] {
			// From the end of the previous argument: drops ", arg".
			edits = append(edits, edit{span: c.spanOf(call.Args[a-1].End(), call.Args[a].End())})
		}
	}
	if c.leavesUnused(nodes, c.fileOf(call)) {
		return nil, 0, false
	}
	return edits, n, true
}

// fileOf returns the file holding a node.
func (c *checker) fileOf(n ast.Node) *ast.File {
	return c.files[c.pass.Fset.File(n.Pos())]
}
