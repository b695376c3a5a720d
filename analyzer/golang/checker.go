package golang

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/migaudit/migaudit/rules"
)

// checker holds one pass's indexes of the package: what is assigned to
// variables and fields, the struct tags, the helper summaries.
type checker struct {
	pass *analysis.Pass
	info *types.Info
	cat  *rules.Catalog
	opt  *rules.Options
	// fixOpt are the person's answers the fix plans use.
	fixOpt rules.FixOptions
	// whyNot says why a call site got no fix.
	whyNot map[*site]string

	// assigns maps variables (locals, package variables) to the values
	// assigned to them; a multi-value call assigns itself to its first
	// result (u, err := url.JoinPath(…)).
	assigns map[*types.Var][]ast.Expr
	// fieldVals maps struct fields to the values composite literals and
	// assignments (c.baseURL = …) give them.
	fieldVals map[*types.Var][]ast.Expr
	// lhs maps a call on the right of an assignment to the variables it
	// assigns, in order (req, err := http.NewRequest(…)).
	lhs map[*ast.CallExpr][]*types.Var
	// calls lists the method calls made on each variable (q.Set(…),
	// req.Header.Set(…) is indexed under req), with the statement they are.
	calls map[*types.Var][]varCall
	// tags maps struct fields declared in this package to their tag literal.
	tags map[*types.Var]*ast.BasicLit
	// helpers are the helper summaries of this package's functions.
	helpers map[*types.Func]*helperFact
	// bases are the constant values of this package's fields and variables.
	bases map[*types.Var]string
	// files maps token files to their syntax.
	files map[*token.File]*ast.File
	// encodes maps a buffer variable to the values JSON-encoded into it
	// (json.NewEncoder(&buf).Encode(x)).
	encodes map[*types.Var][]ast.Expr
	// fieldAssigned records fields assigned outside composite literals.
	fieldAssigned map[*types.Var]bool
	// rawQueries maps a request or URL variable to the values its
	// RawQuery is given (req.URL.RawQuery = q.Encode()).
	rawQueries map[*types.Var][]ast.Expr
	// decodes maps a response variable to the targets its body is
	// decoded into (json.NewDecoder(resp.Body).Decode(&v)).
	decodes map[*types.Var][]ast.Expr
	// unmarshals are json.Unmarshal(data, &v) calls: data, then target.
	unmarshals [][2]ast.Expr
	// reads maps struct fields to the selectors reading them.
	reads map[*types.Var][]*ast.SelectorExpr
	// compares are string comparisons (==, !=, switch cases): the compared
	// expression and the constant.
	compares [][2]ast.Expr
	// reported dedups diagnostics (two calls decoding into one type read
	// the same field).
	reported map[string]bool
	// content caches file contents for fixes.
	content map[*token.File][]byte
	// uses maps local variables to the identifiers using them, built
	// when a fix first needs it.
	uses map[*types.Var][]*ast.Ident
	// pending are the current file's calls, reported once all their
	// fixes are known.
	pending []*pendingCall
	// findings are the findings reported, the pass's result.
	findings []rules.Finding
}

// varCall is a method call on a variable, the statement it stands in (nil
// when it is not a statement of its own) and the selector path from the
// variable (["Set"], ["Header", "Set"]).
type varCall struct {
	call *ast.CallExpr
	stmt *ast.ExprStmt
	path []string
}

func newChecker(pass *analysis.Pass, cat *rules.Catalog, opt *rules.Options) *checker {
	c := &checker{
		pass: pass, info: pass.TypesInfo, cat: cat, opt: opt,
		assigns:   map[*types.Var][]ast.Expr{},
		fieldVals: map[*types.Var][]ast.Expr{},
		lhs:       map[*ast.CallExpr][]*types.Var{},
		calls:     map[*types.Var][]varCall{},
		tags:      map[*types.Var]*ast.BasicLit{},
		helpers:   map[*types.Func]*helperFact{},
		bases:     map[*types.Var]string{},
		files:     map[*token.File]*ast.File{},

		encodes:       map[*types.Var][]ast.Expr{},
		fieldAssigned: map[*types.Var]bool{},
		rawQueries:    map[*types.Var][]ast.Expr{},
		decodes:       map[*types.Var][]ast.Expr{},
		reads:         map[*types.Var][]*ast.SelectorExpr{},
		reported:      map[string]bool{},
		content:       map[*token.File][]byte{},
	}
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil {
			c.files[tf] = f
		}
		c.index(f)
	}
	return c
}

func (c *checker) run() {
	c.computeBases()
	c.summarize()
	for _, f := range c.pass.Files {
		c.reportFile(f)
	}
}

// varOf returns the variable an identifier denotes, or nil.
func (c *checker) varOf(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := c.info.ObjectOf(e).(*types.Var)
		return v
	case *ast.SelectorExpr:
		// A qualified package variable, or a field.
		v, _ := c.info.ObjectOf(e.Sel).(*types.Var)
		return v
	}
	return nil
}

func (c *checker) index(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			c.indexAssign(n)
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, _ := c.info.Defs[name].(*types.Var)
				if v == nil {
					continue
				}
				switch {
				case len(n.Values) == len(n.Names):
					c.assigns[v] = append(c.assigns[v], n.Values[i])
				case len(n.Values) == 1 && i == 0:
					c.assigns[v] = append(c.assigns[v], n.Values[0])
				}
			}
		case *ast.CompositeLit:
			for _, elt := range n.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if id, ok := kv.Key.(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok && v.IsField() {
						c.fieldVals[v] = append(c.fieldVals[v], kv.Value)
					}
				}
			}
		case *ast.StructType:
			for _, fld := range n.Fields.List {
				if fld.Tag == nil {
					continue
				}
				for _, name := range fld.Names {
					if v, ok := c.info.Defs[name].(*types.Var); ok {
						c.tags[v] = fld.Tag
					}
				}
			}
		case *ast.ExprStmt:
			if call, ok := n.X.(*ast.CallExpr); ok {
				c.indexVarCall(call, n)
			}
			return true
		case *ast.CallExpr:
			c.indexVarCall(n, nil)
			c.indexCodec(n)
		case *ast.SelectorExpr:
			if sel := c.info.Selections[n]; sel != nil && sel.Kind() == types.FieldVal {
				if v, ok := sel.Obj().(*types.Var); ok {
					c.reads[v] = append(c.reads[v], n)
				}
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				if _, ok := c.constString(n.Y); ok {
					c.compares = append(c.compares, [2]ast.Expr{n.X, n.Y})
				} else if _, ok := c.constString(n.X); ok {
					c.compares = append(c.compares, [2]ast.Expr{n.Y, n.X})
				}
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, st := range n.Body.List {
					if cc, ok := st.(*ast.CaseClause); ok {
						for _, e := range cc.List {
							if _, ok := c.constString(e); ok {
								c.compares = append(c.compares, [2]ast.Expr{n.Tag, e})
							}
						}
					}
				}
			}
		}
		return true
	})
}

// indexCodec records JSON encoding into buffers and decoding of responses.
func (c *checker) indexCodec(call *ast.CallExpr) {
	fn := c.callee(call)
	switch {
	case methodIs(fn, "encoding/json", "Encoder", "Encode") && len(call.Args) == 1:
		if inner := c.ctorArg(call, "NewEncoder"); inner != nil {
			if v := c.varOf(stripAddr(inner)); v != nil {
				c.encodes[v] = append(c.encodes[v], call.Args[0])
			}
		}
	case methodIs(fn, "encoding/json", "Decoder", "Decode") && len(call.Args) == 1:
		if inner := c.ctorArg(call, "NewDecoder"); inner != nil {
			if v := c.bodyOf(inner); v != nil {
				c.decodes[v] = append(c.decodes[v], call.Args[0])
			}
		}
	case funcIs(fn, "encoding/json", "Unmarshal") && len(call.Args) == 2:
		c.unmarshals = append(c.unmarshals, [2]ast.Expr{call.Args[0], call.Args[1]})
	}
}

// ctorArg returns X in json.NewEncoder(X).Encode(…) (name NewEncoder) or
// json.NewDecoder(X).Decode(…).
func (c *checker) ctorArg(call *ast.CallExpr, name string) ast.Expr {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || len(inner.Args) != 1 || !funcIs(c.callee(inner), "encoding/json", name) {
		return nil
	}
	return inner.Args[0]
}

// bodyOf returns resp in resp.Body.
func (c *checker) bodyOf(e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" {
		return nil
	}
	return c.varOf(sel.X)
}

func (c *checker) indexAssign(n *ast.AssignStmt) {
	if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
		// u += "?deleted=true": one more value, so u has no single one.
		for i, l := range n.Lhs {
			if v := c.varOf(l); v != nil && i < len(n.Rhs) {
				if v.IsField() {
					c.fieldVals[v] = append(c.fieldVals[v], n.Rhs[i])
					c.fieldAssigned[v] = true
				} else {
					c.assigns[v] = append(c.assigns[v], n.Rhs[i])
				}
			}
		}
		return
	}
	if len(n.Rhs) == 1 && len(n.Lhs) > 1 {
		if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
			var vars []*types.Var
			for _, l := range n.Lhs {
				vars = append(vars, c.varOf(l))
			}
			c.lhs[call] = vars
			if v := vars[0]; v != nil && !v.IsField() {
				c.assigns[v] = append(c.assigns[v], call)
			}
		}
		return
	}
	if len(n.Lhs) != len(n.Rhs) {
		return
	}
	for i, l := range n.Lhs {
		v := c.varOf(l)
		if v == nil {
			continue
		}
		if call, ok := ast.Unparen(n.Rhs[i]).(*ast.CallExpr); ok {
			c.lhs[call] = []*types.Var{v}
		}
		if v.IsField() {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				c.fieldVals[v] = append(c.fieldVals[v], n.Rhs[i])
				c.fieldAssigned[v] = true
				if v.Name() == "RawQuery" {
					c.indexRawQuery(sel, n.Rhs[i])
				}
			}
			continue
		}
		c.assigns[v] = append(c.assigns[v], n.Rhs[i])
	}
}

// indexRawQuery records u.RawQuery = … and req.URL.RawQuery = … under u or req.
func (c *checker) indexRawQuery(sel *ast.SelectorExpr, val ast.Expr) {
	x := ast.Unparen(sel.X)
	if inner, ok := x.(*ast.SelectorExpr); ok && inner.Sel.Name == "URL" {
		x = ast.Unparen(inner.X)
	}
	if v := c.varOf(x); v != nil && !v.IsField() {
		c.rawQueries[v] = append(c.rawQueries[v], val)
	}
}

// indexVarCall records x.M(…) or x.F.M(…) under the variable x. A call seen
// as a statement is indexed with its statement; Inspect then meets it again
// as a bare call, which is ignored.
func (c *checker) indexVarCall(call *ast.CallExpr, stmt *ast.ExprStmt) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	path := []string{sel.Sel.Name}
	x := ast.Unparen(sel.X)
	// x.F.M(…): a method of a field of the variable (req.Header.Set).
	if inner, ok := x.(*ast.SelectorExpr); ok {
		if f, isField := c.info.Uses[inner.Sel].(*types.Var); isField && f.IsField() {
			path = []string{inner.Sel.Name, sel.Sel.Name}
			x = ast.Unparen(inner.X)
		}
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return
	}
	list := c.calls[v]
	for _, vc := range list {
		if vc.call == call {
			return // already indexed with its statement
		}
	}
	c.calls[v] = append(list, varCall{call: call, stmt: stmt, path: path})
}

// callee returns the function or method a call statically calls, or nil.
func (c *checker) callee(call *ast.CallExpr) *types.Func {
	return typeutil.StaticCallee(c.info, call)
}

// funcIs reports whether fn is the package-level function pkg.name.
func funcIs(fn *types.Func, pkg string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkg {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// methodIs reports whether fn is a method of the named type pkg.typ (or a
// pointer to it) with one of the names.
func methodIs(fn *types.Func, pkg, typ string, names ...string) bool {
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	if !isNamed(sig.Recv().Type(), pkg, typ) {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// isNamed reports whether t (or what it points to) is the named type
// pkg.typ; pkg may end in "/..." to match a path prefix.
func isNamed(t types.Type, pkg, typ string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Name() != typ {
		return false
	}
	path := n.Obj().Pkg().Path()
	if prefix, ok := cutSuffix(pkg, "/..."); ok {
		return path == prefix || len(path) > len(prefix) && path[:len(prefix)+1] == prefix+"/"
	}
	return path == pkg
}

func cutSuffix(s, suffix string) (string, bool) {
	if len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}

// span returns the file byte offsets of a node.
func (c *checker) span(n ast.Node) rules.Span {
	return c.spanOf(n.Pos(), n.End())
}

func (c *checker) spanOf(pos, end token.Pos) rules.Span {
	tf := c.pass.Fset.File(pos)
	if tf == nil {
		return rules.Span{}
	}
	return rules.Span{Start: tf.Offset(pos), End: tf.Offset(end)}
}

// sameFile reports whether two positions are in the same file.
func (c *checker) sameFile(a, b token.Pos) bool {
	return a.IsValid() && b.IsValid() && c.pass.Fset.File(a) == c.pass.Fset.File(b)
}
