package golang

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/migaudit/migaudit/rules"
)

// removeEdits stops sending the parameters a plan removes, each where this
// call's code sends it: a url.Values Set/Add statement, a map or
// url.Values literal entry, a go-resty chain call, a struct field's json
// tag (made "-" when the struct is only this request's). nodes are the
// code deleted, for the caller's check of what that leaves unused.
func (c *checker) removeEdits(s *site, remove []rules.Param, f *ast.File) (edits []edit, nodes []ast.Node, err error) {
	targets, err := c.removeTargets(s, remove)
	if err != nil {
		return nil, nil, err
	}
	var out []edit
	byLit := map[*ast.CompositeLit]map[ast.Expr]bool{}
	var lits []*ast.CompositeLit
	links := map[*ast.CallExpr]bool{}
	for _, p := range targets {
		switch {
		case p.field != nil:
			e, err := c.tagEdit(s, p, f)
			if err != nil {
				return nil, nil, err
			}
			out = append(out, e)
		case p.lit != nil:
			if !c.sameFile(p.lit.Pos(), f.Pos()) {
				return nil, nil, unfixable("%s is set in another file", p.Name)
			}
			if p.link == nil && !c.onlyFor(p.lit, s.call, f) {
				return nil, nil, unfixable("%s is set in a value other code may send too: stop sending it by hand", p.Name)
			}
			if byLit[p.lit] == nil {
				byLit[p.lit] = map[ast.Expr]bool{}
				lits = append(lits, p.lit)
			}
			byLit[p.lit][p.elt] = true
		case p.link != nil:
			links[p.link] = true
		case p.stmt != nil:
			if !c.sameFile(p.stmt.Pos(), f.Pos()) {
				return nil, nil, unfixable("%s is set in another file", p.Name)
			}
			if !c.valuesOnlyFor(s, p.stmt, f) {
				return nil, nil, unfixable("%s is set on url.Values other code may send too: stop sending it by hand", p.Name)
			}
			out = append(out, c.lineEdit(p.stmt))
			nodes = append(nodes, p.stmt)
		default:
			return nil, nil, unfixable("%s is sent where migaudit cannot remove it: remove it by hand", p.Name)
		}
	}
	for _, lit := range lits {
		removed := byLit[lit]
		// A resty SetQueryParams(map…) left empty goes from the chain.
		if link := c.linkOf(targets, lit); link != nil && len(removed) == len(lit.Elts) {
			links[link] = true
			continue
		}
		out = append(out, c.eltEdits(lit, removed)...)
		for elt := range removed {
			nodes = append(nodes, elt)
		}
	}
	for link := range links {
		e, ok := c.linkEdit(link, f)
		if !ok {
			return nil, nil, unfixable("the request chain cannot drop %s here: change it by hand", c.text(link.Fun))
		}
		out = append(out, e)
		for _, a := range link.Args {
			nodes = append(nodes, a)
		}
	}
	return out, nodes, nil
}

// removeTargets finds, for each removed parameter, the parameters of the
// site that send it (same span, name and place), once each.
func (c *checker) removeTargets(s *site, remove []rules.Param) ([]pparam, error) {
	type key struct {
		stmt  *ast.ExprStmt
		elt   ast.Expr
		link  *ast.CallExpr
		field *types.Var
		name  string
	}
	seen := map[key]bool{}
	var out []pparam
	for _, rp := range remove {
		found := false
		for _, p := range s.params {
			if p.Span != rp.Span || p.Name != rp.Name || p.In != rp.In {
				continue
			}
			found = true
			if p.helper != "" {
				return nil, unfixable("%s is sent by %s for every request: stop sending it there", p.Name, p.helper)
			}
			k := key{p.stmt, p.elt, p.link, p.field, p.Name}
			if !seen[k] {
				seen[k] = true
				out = append(out, p)
			}
		}
		if !found {
			return nil, unfixable("migaudit cannot tell where this code sends %s: remove it by hand", rp.Name)
		}
	}
	return out, nil
}

// linkOf returns the resty chain call whose map literal argument is lit.
func (c *checker) linkOf(ps []pparam, lit *ast.CompositeLit) *ast.CallExpr {
	for _, p := range ps {
		if p.lit == lit && p.link != nil && len(p.link.Args) == 1 && stripAddr(p.link.Args[0]) == lit {
			return p.link
		}
	}
	return nil
}

// linkEdit drops a call from a method chain: x.SetQueryParam(k, v).Put(u)
// becomes x.Put(u).
func (c *checker) linkEdit(link *ast.CallExpr, f *ast.File) (edit, bool) {
	sel, ok := link.Fun.(*ast.SelectorExpr)
	if !ok || !c.sameFile(link.Pos(), f.Pos()) {
		return edit{}, false
	}
	return edit{span: c.spanOf(sel.X.End(), link.End())}, true
}

// tagEdit stops a struct field from being sent: its json name becomes
// "-". Only when the struct type serves this request alone (declared in
// this file, unexported, used only in the function making the request), so
// that no other request or response loses the field.
func (c *checker) tagEdit(s *site, p pparam, f *ast.File) (edit, error) {
	if p.tag == nil || p.tagName.IsZero() || !c.sameFile(p.tag.Pos(), f.Pos()) {
		return edit{}, unfixable("%s is a struct field whose json tag is not in this file: stop sending it by hand", p.Name)
	}
	fn := c.enclosingFunc(f, s.call.Pos())
	if fn == nil {
		return edit{}, unfixable("%s: the request is not made in a function", p.Name)
	}
	inFn := func(pos token.Pos) bool { return fn.Pos() <= pos && pos < fn.End() }
	named, _ := types.Unalias(p.owner).(*types.Named)
	switch {
	case named != nil:
		obj := named.Obj()
		if obj.Pkg() != c.pass.Pkg || obj.Exported() || obj.Parent() == nil {
			return edit{}, unfixable("%s is a field of %s, which other code may send or read: stop sending it by hand", p.Name, obj.Name())
		}
		for id, o := range c.info.Uses {
			if o == obj && !inFn(id.Pos()) {
				return edit{}, unfixable("%s is a field of %s, which other code uses too: stop sending it by hand", p.Name, obj.Name())
			}
		}
	case !inFn(p.tag.Pos()):
		return edit{}, unfixable("%s is a field of a struct type other code may use: stop sending it by hand", p.Name)
	}
	return edit{span: p.tagName, text: `"-"`}, nil
}

// enclosingFunc returns the function declaration holding pos.
func (c *checker) enclosingFunc(f *ast.File, pos token.Pos) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
			return fd
		}
	}
	return nil
}

// unusedAfter returns the edits removing the imports that deleting nodes
// leaves unused, or an error when it would leave a local variable unused
// (a build error the fix must not cause).
func (c *checker) unusedAfter(nodes []ast.Node, f *ast.File) ([]edit, []*types.PkgName, error) {
	inside := func(pos token.Pos) bool {
		for _, n := range nodes {
			if n.Pos() <= pos && pos < n.End() {
				return true
			}
		}
		return false
	}
	watched := map[types.Object]bool{}
	var order []types.Object
	for _, n := range nodes {
		ast.Inspect(n, func(m ast.Node) bool {
			id, ok := m.(*ast.Ident)
			if !ok {
				return true
			}
			var obj types.Object
			switch o := c.info.Uses[id].(type) {
			case *types.PkgName:
				obj = o
			case *types.Var:
				if !o.IsField() && c.local(o) && !c.isParam(o) {
					obj = o
				}
			}
			if obj != nil && !watched[obj] {
				watched[obj] = true
				order = append(order, obj)
			}
			return true
		})
	}
	if len(watched) == 0 {
		return nil, nil, nil
	}
	used := map[types.Object]bool{}
	ast.Inspect(f, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok {
			if obj := c.info.Uses[id]; obj != nil && watched[obj] && !inside(id.Pos()) {
				used[obj] = true
			}
		}
		return true
	})
	var out []edit
	var pkgs []*types.PkgName
	for _, obj := range order {
		if used[obj] {
			continue
		}
		pn, ok := obj.(*types.PkgName)
		if !ok {
			return nil, nil, unfixable("stopping sending the removed parameters would leave %s unused: change the code by hand", obj.Name())
		}
		e, ok := c.importEdit(pn, f)
		if !ok {
			return nil, nil, unfixable("the import of %s would be left unused", pn.Imported().Path())
		}
		out = append(out, e)
		pkgs = append(pkgs, pn)
	}
	return out, pkgs, nil
}

// importEdit deletes the import of a package, or the whole import
// declaration when it is its only one.
func (c *checker) importEdit(pn *types.PkgName, f *ast.File) (edit, bool) {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, sp := range gd.Specs {
			is, ok := sp.(*ast.ImportSpec)
			if !ok {
				continue
			}
			var obj types.Object
			if is.Name != nil {
				obj = c.info.Defs[is.Name]
			} else {
				obj = c.info.Implicits[is]
			}
			if obj != pn {
				continue
			}
			if len(gd.Specs) > 1 {
				return c.lineEdit(is), true
			}
			e := c.lineEdit(gd)
			// Keep a single blank line where the declaration was.
			if src := c.fileContent(c.pass.Fset.File(f.Pos())); src != nil {
				if end := e.span.End; end < len(src) && src[end] == '\n' && e.span.Start >= 2 && src[e.span.Start-2] == '\n' {
					e.span.End++
				}
			}
			return e, true
		}
	}
	return edit{}, false
}

// valuesOnlyFor reports whether the url.Values a statement (q.Set(k, v))
// sets serve only this request: besides the calls on it, q is used once,
// in the request's own URL, or in req.URL.RawQuery = q.Encode() for the
// request's req.
func (c *checker) valuesOnlyFor(s *site, stmt *ast.ExprStmt, f *ast.File) bool {
	call, ok := stmt.X.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v := c.varOf(sel.X)
	if v == nil || v.IsField() || !c.local(v) {
		return false
	}
	onVar := map[*ast.Ident]bool{} // q in q.Set(…), q.Add(…), q.Del(…)
	for _, vc := range c.calls[v] {
		if vs, ok := vc.call.Fun.(*ast.SelectorExpr); ok && vc.stmt != nil && len(vc.path) == 1 {
			switch vs.Sel.Name {
			case "Set", "Add", "Del":
				if id, ok := ast.Unparen(vs.X).(*ast.Ident); ok {
					onVar[id] = true
				}
			}
		}
	}
	var others []*ast.Ident
	for _, id := range c.usesOf(v) {
		if !onVar[id] {
			others = append(others, id)
		}
	}
	if len(others) != 1 {
		return false
	}
	use := others[0]
	if c.onlyFor(use, s.call, f) {
		return true
	}
	// req.URL.RawQuery = q.Encode(), for this request's req.
	if s.reqVar == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(f, use.Pos(), use.End())
	for _, n := range path {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			continue
		}
		if len(as.Lhs) != 1 {
			return false
		}
		lhs, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
		if !ok || lhs.Sel.Name != "RawQuery" {
			return false
		}
		u, ok := ast.Unparen(lhs.X).(*ast.SelectorExpr)
		return ok && u.Sel.Name == "URL" && c.varOf(u.X) == s.reqVar
	}
	return false
}
