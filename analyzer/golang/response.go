package golang

import (
	"go/ast"
	"go/types"
	"sort"

	"github.com/migaudit/migaudit/rules"
)

// decodeTargets returns what the body of a response variable is decoded
// into: json.NewDecoder(resp.Body).Decode(&v), or json.Unmarshal of
// io.ReadAll(resp.Body).
func (c *checker) decodeTargets(resp *types.Var) []ast.Expr {
	out := append([]ast.Expr(nil), c.decodes[resp]...)
	for _, u := range c.unmarshals {
		data := c.varOf(u[0])
		if data == nil {
			continue
		}
		for _, val := range c.assigns[data] {
			call, ok := ast.Unparen(val).(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				continue
			}
			fn := c.callee(call)
			if (funcIs(fn, "io", "ReadAll") || funcIs(fn, "io/ioutil", "ReadAll")) && c.bodyOf(call.Args[0]) == resp {
				out = append(out, u[1])
			}
		}
	}
	return out
}

// readers of the response: a struct type's fields, or a map variable.
type respShape struct {
	fields  map[*types.Var]string // field → json name
	mapVars map[*types.Var]bool
}

// responseShape collects what the response is decoded into.
func (c *checker) responseShape(outs []ast.Expr) *respShape {
	sh := &respShape{fields: map[*types.Var]string{}, mapVars: map[*types.Var]bool{}}
	for _, o := range outs {
		o = stripAddr(o)
		t := c.info.TypeOf(o)
		if t == nil {
			continue
		}
		t = elemType(t)
		switch u := t.Underlying().(type) {
		case *types.Struct:
			c.structFields(u, sh, 0)
		case *types.Map:
			if v := c.varOf(o); v != nil {
				sh.mapVars[v] = true
			}
		}
	}
	return sh
}

// structFields adds a struct's JSON fields, and those of the structs and
// slices of structs it holds, a few levels deep.
func (c *checker) structFields(st *types.Struct, sh *respShape, depth int) {
	if depth > 3 {
		return
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if name, _ := jsonName(f, st.Tag(i)); name != "" {
			if _, seen := sh.fields[f]; seen {
				continue
			}
			sh.fields[f] = name
		}
		t := elemType(f.Type())
		if inner, ok := t.Underlying().(*types.Struct); ok {
			c.structFields(inner, sh, depth+1)
		}
	}
}

// readsIn returns, for the fields and map keys of a response shape, the
// first place the file reads each (ResponseFields), and the error-code
// constants compared with them (ErrorCodes).
func (c *checker) readsIn(sh *respShape, file *ast.File) (fields, codes []rules.Param) {
	inFile := func(n ast.Node) bool { return c.sameFile(n.Pos(), file.Pos()) }
	seen := map[string]bool{}
	add := func(name string, n ast.Node) {
		if seen[name] {
			return
		}
		seen[name] = true
		sp := c.span(n)
		fields = append(fields, rules.Param{Name: name, In: rules.InBody, Span: sp, NameSpan: sp})
	}
	for f, name := range sh.fields {
		for _, sel := range c.reads[f] {
			if inFile(sel) {
				add(name, sel.Sel)
				break
			}
		}
	}
	// Map reads: out["status"].
	mapKey := func(e ast.Expr) (string, ast.Node, bool) {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		if !ok {
			return "", nil, false
		}
		v := c.varOf(ix.X)
		if v == nil || !sh.mapVars[v] {
			return "", nil, false
		}
		k, ok := c.constString(ix.Index)
		return k, ix.Index, ok
	}
	if len(sh.mapVars) > 0 {
		ast.Inspect(file, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok {
				if k, at, ok := mapKey(e); ok {
					add(k, at)
				}
			}
			return true
		})
	}
	isResponse := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if ta, ok := e.(*ast.TypeAssertExpr); ok {
			e = ast.Unparen(ta.X)
		}
		if _, _, ok := mapKey(e); ok {
			return true
		}
		if sel, ok := e.(*ast.SelectorExpr); ok {
			if s := c.info.Selections[sel]; s != nil {
				if v, ok := s.Obj().(*types.Var); ok {
					_, ok := sh.fields[v]
					return ok
				}
			}
		}
		return false
	}
	for _, cmp := range c.compares {
		if !inFile(cmp[1]) || !isResponse(cmp[0]) {
			continue
		}
		code, _ := c.constString(cmp[1])
		codes = append(codes, rules.Param{Name: code, In: rules.InBody, Span: c.span(cmp[1]), NameSpan: c.span(cmp[1])})
	}
	bySpan := func(ps []rules.Param) {
		sort.Slice(ps, func(i, j int) bool { return ps[i].Span.Start < ps[j].Span.Start })
	}
	bySpan(fields)
	bySpan(codes)
	return fields, codes
}

// elemType strips pointers, slices and arrays: what a list of T decodes into.
func elemType(t types.Type) types.Type {
	for i := 0; i < 8; i++ {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		default:
			return t
		}
	}
	return t
}
