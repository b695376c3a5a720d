package golang

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"net/http"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/migaudit/migaudit/rules"
)

const (
	versionHeader = "360-api-version"
	versionValue  = "v2.0"
)

// fileContent returns a file's bytes, or nil.
func (c *checker) fileContent(tf *token.File) []byte {
	if b, ok := c.content[tf]; ok {
		return b
	}
	var b []byte
	if c.pass.ReadFile != nil {
		b, _ = c.pass.ReadFile(tf.Name())
	}
	if len(b) != tf.Size() {
		b = nil
	}
	c.content[tf] = b
	return b
}

// lineEdit deletes a statement with its whole line when it stands alone on
// it, else just the statement.
func (c *checker) lineEdit(n ast.Node) edit {
	tf := c.pass.Fset.File(n.Pos())
	sp := c.span(n)
	src := c.fileContent(tf)
	if src == nil {
		return edit{span: sp}
	}
	start := sp.Start
	for start > 0 && (src[start-1] == ' ' || src[start-1] == '\t') {
		start--
	}
	end := sp.End
	for end < len(src) && (src[end] == ' ' || src[end] == '\t' || src[end] == '\r') {
		end++
	}
	if bytes.HasPrefix(src[end:], []byte("//")) && (start == 0 || src[start-1] == '\n') {
		// Keep a trailing comment, on its own line.
		return edit{span: rules.Span{Start: sp.Start, End: end}}
	}
	if (start == 0 || src[start-1] == '\n') && (end == len(src) || src[end] == '\n') {
		if end < len(src) {
			end++
		}
		return edit{span: rules.Span{Start: start, End: end}}
	}
	return edit{span: sp}
}

// eltEdits removes elements of a composite literal, keeping its commas and
// layout right: runs of removed elements go with the separator after them,
// or before them for the last run.
func (c *checker) eltEdits(lit *ast.CompositeLit, removed map[ast.Expr]bool) []edit {
	var out []edit
	elts := lit.Elts
	for i := 0; i < len(elts); {
		if !removed[elts[i]] {
			i++
			continue
		}
		j := i
		for j+1 < len(elts) && removed[elts[j+1]] {
			j++
		}
		switch {
		case i == 0 && j == len(elts)-1:
			out = append(out, edit{span: c.spanOf(lit.Lbrace+1, lit.Rbrace)})
		case j < len(elts)-1:
			out = append(out, edit{span: c.spanOf(elts[i].Pos(), elts[j+1].Pos())})
		default:
			out = append(out, edit{span: c.spanOf(elts[i-1].End(), elts[j].End())})
		}
		i = j + 1
	}
	return out
}

// isParam reports whether v is a parameter or result of a function.
func (c *checker) isParam(v *types.Var) bool {
	for _, f := range c.pass.Files {
		if !c.sameFile(f.Pos(), v.Pos()) {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, v.Pos(), v.Pos())
		for _, n := range path {
			switch n.(type) {
			case *ast.FieldList:
				return true
			case *ast.BlockStmt:
				return false
			}
		}
	}
	return false
}

// headerEdit inserts req.Header.Set("360-api-version", "v2.0") after the
// request is created (after its error check), or adds SetHeader to a resty
// chain; nil when the request is not visible here or already has it.
func (c *checker) headerEdit(s *site, f *ast.File) *edit {
	if s.viaHelper || !c.sameFile(s.call.Pos(), f.Pos()) {
		return nil
	}
	fn := c.callee(s.call)
	if sel, ok := s.call.Fun.(*ast.SelectorExpr); ok && fn != nil && methodIs(fn, restyPkg, "Request", fn.Name()) {
		if c.chainHasHeader(sel.X) {
			return nil
		}
		return &edit{span: zeroAt(c.span(sel.X).End), text: `.SetHeader("` + versionHeader + `", "` + versionValue + `")`}
	}
	if s.reqVar == nil {
		return nil
	}
	for _, vc := range c.calls[s.reqVar] {
		if len(vc.path) == 2 && vc.path[0] == "Header" && len(vc.call.Args) >= 1 {
			if name, ok := c.constString(vc.call.Args[0]); ok && strings.EqualFold(name, versionHeader) {
				return nil
			}
		}
	}
	path, _ := astutil.PathEnclosingInterval(f, s.call.Pos(), s.call.End())
	var stmt ast.Stmt
	var block *ast.BlockStmt
	for i, n := range path {
		if as, ok := n.(*ast.AssignStmt); ok && i+1 < len(path) {
			if b, ok := path[i+1].(*ast.BlockStmt); ok {
				stmt, block = as, b
			}
			break
		}
	}
	if stmt == nil {
		return nil
	}
	after := ast.Node(stmt)
	for i, st := range block.List {
		if st != stmt {
			continue
		}
		if i+1 < len(block.List) && c.isErrCheck(block.List[i+1]) {
			after = block.List[i+1]
		}
	}
	tf := c.pass.Fset.File(stmt.Pos())
	col := tf.Position(stmt.Pos()).Column
	indent := strings.Repeat("\t", max(0, col-1))
	return &edit{
		span: zeroAt(c.span(after).End),
		text: "\n" + indent + s.reqVar.Name() + `.Header.Set("` + versionHeader + `", "` + versionValue + `")`,
	}
}

// isErrCheck reports whether st is `if err != nil { … }`.
func (c *checker) isErrCheck(st ast.Stmt) bool {
	ifs, ok := st.(*ast.IfStmt)
	if !ok || ifs.Init != nil {
		return false
	}
	be, ok := ifs.Cond.(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ {
		return false
	}
	id, ok := be.X.(*ast.Ident)
	return ok && id.Name == "err"
}

// chainHasHeader reports whether a resty chain already sets the version header.
func (c *checker) chainHasHeader(x ast.Expr) bool {
	for {
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if sel.Sel.Name == "SetHeader" && len(call.Args) == 2 {
			if name, ok := c.constString(call.Args[0]); ok && strings.EqualFold(name, versionHeader) {
				return true
			}
		}
		x = sel.X
	}
}

// methodEdit rewrites the method where this call writes it:
// http.MethodPut → http.MethodPatch, "PUT" → "PATCH", resty .Put → .Patch.
func (c *checker) methodEdit(s *site, to string, f *ast.File) (edit, bool) {
	if s.methodExpr != nil && c.sameFile(s.methodExpr.Pos(), f.Pos()) {
		switch m := ast.Unparen(s.methodExpr).(type) {
		case *ast.SelectorExpr:
			if id, ok := m.X.(*ast.Ident); ok {
				if pn, ok := c.info.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == "net/http" {
					return edit{span: c.span(m.Sel), text: "Method" + titleMethod(to)}, true
				}
			}
		case *ast.BasicLit:
			return edit{span: c.span(m), text: `"` + to + `"`}, true
		}
		return edit{}, false
	}
	if sel, ok := s.call.Fun.(*ast.SelectorExpr); ok && !s.viaHelper {
		if fn := c.callee(s.call); fn != nil && methodIs(fn, restyPkg, "Request", fn.Name()) && restyMethods[fn.Name()] != "" {
			return edit{span: c.span(sel.Sel), text: titleMethod(to)}, true
		}
	}
	return edit{}, false
}

// titleMethod turns PATCH into Patch.
func titleMethod(m string) string {
	if m == http.MethodPatch || len(m) < 2 {
		return "Patch"
	}
	return m[:1] + strings.ToLower(m[1:])
}
