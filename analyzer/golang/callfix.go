package golang

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/migaudit/migaudit/rules"
)

// unfixable says why a call is left to a person.
func unfixable(format string, args ...any) *rules.Unfixable {
	return &rules.Unfixable{Reason: fmt.Sprintf(format, args...)}
}

// callFix works out a call's one fix from the rules' plan: every edit its
// v2 request needs (path, method, credentials and removed parameters gone,
// version header), so that applying it is all or nothing. The error says
// why there is none: the plan needs a person, or this code cannot carry
// the plan out safely.
func (c *checker) callFix(s *site, call *rules.Call, f *ast.File) (*callFixed, error) {
	tf := c.pass.Fset.File(f.Pos())
	src := c.fileContent(tf)
	if src == nil {
		return nil, unfixable("the file's content is not available to the analysis")
	}
	if !c.sameFile(s.call.Pos(), f.Pos()) {
		return nil, unfixable("the request is made in another file")
	}
	view := *call
	view.URL = fixView(s.url, src)
	call = &view
	p, err := c.cat.Plan(call, src, c.fixOpt)
	if err != nil {
		return nil, err
	}
	if s.rawQueryOpaque {
		return nil, unfixable("the request's query is set from text (req.URL.RawQuery = …) that may carry the v1 credentials: move it to v2 by hand")
	}
	if p.AddBearer && !s.authSet {
		// Go clients usually authenticate in an http.RoundTripper (an
		// oauth2 transport) this pass cannot see: moving the call to v2
		// without knowing would write a request that looks migrated. An
		// Authorization header whose value comes from elsewhere is taken
		// as the token.
		return nil, unfixable("send the OAuth2 bearer token (Authorization: Bearer …) with this request first; then the fix can move it to v2")
	}
	var edits []edit
	gone := map[*ast.CallExpr]map[int]bool{} // format arguments whose verbs go
	for _, e := range p.URLEdits {
		fc, args, err := c.checkURLEdit(s, e, f, src)
		if err != nil {
			return nil, err
		}
		for _, a := range args {
			if gone[fc] == nil {
				gone[fc] = map[int]bool{}
			}
			gone[fc][a] = true
		}
		edits = append(edits, edit{span: e.Span, text: e.NewText})
	}
	argEdits, deleted := c.formatArgEdits(gone)
	edits = append(edits, argEdits...)
	if p.Method != "" {
		// The plan's MethodEdits know only the method word (PUT); Go writes
		// http.MethodPut or a resty .Put, which methodEdit rewrites.
		e, ok := c.methodEdit(s, p.Method, f)
		if !ok {
			return nil, unfixable("the method is not written in this call where migaudit can change it: use %s by hand", p.Method)
		}
		edits = append(edits, e)
	}
	removed, nodes, err := c.removeEdits(s, p.Remove, f)
	if err != nil {
		return nil, err
	}
	edits = append(edits, removed...)
	// What the deletions leave unused: an import goes, a variable fails.
	deleted = append(deleted, nodes...)
	imports, dropped, err := c.unusedAfter(deleted, f)
	if err != nil {
		return nil, err
	}
	edits = append(edits, imports...)
	if p.AddVersion {
		h := c.headerEdit(s, f)
		if h == nil {
			return nil, unfixable("the request is not built here, so migaudit cannot add the %s: %s header to it", rules.VersionHeader, rules.VersionValue)
		}
		edits = append(edits, *h)
	}
	edits, err = ordered(edits)
	if err != nil {
		return nil, err
	}
	// No orchestrator re-reads what go vet -fix writes: check here that the
	// fixed request is one the v2 reference accepts.
	if err := c.checkFixed(call, p, s.authSet); err != nil {
		return nil, err
	}
	msg := p.Message
	if len(p.FollowUps) > 0 {
		msg += "; then check: " + strings.Join(p.FollowUps, "; ")
	}
	return &callFixed{fix: c.suggested(tf, msg, edits), deleted: deleted, imports: dropped}, nil
}

// callFixed is a call's fix with the code it deletes and the imports it
// removes, for the check of a file's fixes together.
type callFixed struct {
	fix     *analysis.SuggestedFix
	deleted []ast.Node
	imports []*types.PkgName
}

// ordered sorts edits, drops exact duplicates and fails on overlaps.
func ordered(edits []edit) ([]edit, error) {
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i].span, edits[j].span
		return a.Start < b.Start || a.Start == b.Start && a.End < b.End
	})
	var out []edit
	for _, e := range edits {
		if n := len(out); n > 0 {
			last := out[n-1]
			if last == e {
				continue
			}
			if e.span.Start < last.span.End || e.span.Start == last.span.Start && e.span.Start == e.span.End {
				return nil, unfixable("the changes overlap in this code: change it by hand")
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// checkURLEdit checks that a plan's URL edit lands inside one string
// literal that only this request uses, written byte for byte as its value,
// and writes nothing that would change what the literal means in Go. When
// the literal is a fmt format, the edit may delete whole verbs (a query
// parameter company=%s): fc is the formatting call and args the indexes of
// the arguments those verbs took, which must go with them.
func (c *checker) checkURLEdit(s *site, e rules.Edit, f *ast.File, src []byte) (fc *ast.CallExpr, args []int, err error) {
	lit, path := c.stringLitAt(f, e.Span)
	if lit == nil || e.Span.End > len(src) {
		return nil, nil, unfixable("the part of the URL that changes is not written in one string literal here")
	}
	if v, ok := c.constString(lit); !ok || lit.Value[1:len(lit.Value)-1] != v {
		return nil, nil, unfixable("the URL literal has escapes: change it by hand")
	}
	bad := "\"\\"
	if lit.Value[0] == '`' {
		bad = "`"
	}
	if strings.ContainsAny(e.NewText, bad) || strings.ContainsFunc(e.NewText, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return nil, nil, unfixable("the new URL text cannot be written in this string literal")
	}
	if !c.onlyFor(lit, s.call, f) {
		return nil, nil, unfixable("the URL literal is shared with other code, which the change would move too: change it by hand")
	}
	fc = formatCall(c, lit, path)
	if fc == nil {
		return nil, nil, nil
	}
	if strings.Contains(e.NewText, "%") {
		return nil, nil, unfixable("the new URL text would add a formatting verb")
	}
	verbs, ok := formatVerbs(lit.Value[1 : len(lit.Value)-1])
	if !ok || argCount(verbs) != len(fc.Args)-1 || fc.Ellipsis.IsValid() {
		return nil, nil, unfixable("the URL's format string is not one migaudit can edit (indexed verbs or arguments that do not match)")
	}
	at := c.span(lit).Start + 1 // file offset of the literal's value
	for _, v := range verbs {
		start, end := at+v.i, at+v.j
		switch {
		case end <= e.Span.Start || start >= e.Span.End:
		case start >= e.Span.Start && end <= e.Span.End:
			if v.arg > 0 {
				args = append(args, v.arg)
			}
		default:
			return nil, nil, unfixable("the change would cut a formatting verb of the URL's format string: change it by hand")
		}
	}
	return fc, args, nil
}

// stringLitAt returns the string literal whose text between the quotes
// holds sp, and the path of nodes enclosing it.
func (c *checker) stringLitAt(f *ast.File, sp rules.Span) (*ast.BasicLit, []ast.Node) {
	tf := c.pass.Fset.File(f.Pos())
	if tf == nil || sp.Start < 0 || sp.End > tf.Size() {
		return nil, nil
	}
	pos, end := tf.Pos(sp.Start), tf.Pos(sp.End)
	path, _ := astutil.PathEnclosingInterval(f, pos, end)
	if len(path) == 0 {
		return nil, nil
	}
	lit, ok := path[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING || len(lit.Value) < 2 || pos < lit.Pos()+1 || end > lit.End()-1 {
		return nil, nil
	}
	return lit, path
}

// onlyFor reports whether a node's value reaches no request but call: it
// is written inside the call, or in the one value of a local variable used
// once, itself only for the call.
func (c *checker) onlyFor(n ast.Node, call *ast.CallExpr, f *ast.File) bool {
	pos := n.Pos()
	for range maxDepth {
		if call.Pos() <= pos && pos < call.End() {
			return true
		}
		v := c.assignedAt(f, pos)
		if v == nil || v.IsField() || !c.local(v) || len(c.assigns[v]) != 1 {
			return false
		}
		uses := c.usesOf(v)
		if len(uses) != 1 {
			return false
		}
		pos = uses[0].Pos()
	}
	return false
}

// assignedAt returns the variable whose assigned value (v := …, var v = …)
// holds pos, or nil.
func (c *checker) assignedAt(f *ast.File, pos token.Pos) *types.Var {
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	in := func(e ast.Expr) bool { return e.Pos() <= pos && pos < e.End() }
	for _, n := range path {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && len(n.Lhs) > 1 && in(n.Rhs[0]) {
				return c.varOf(n.Lhs[0]) // body, err := json.Marshal(…)
			}
			if len(n.Lhs) != len(n.Rhs) {
				return nil
			}
			for i, r := range n.Rhs {
				if in(r) {
					return c.varOf(n.Lhs[i])
				}
			}
			return nil
		case *ast.ValueSpec:
			if len(n.Names) != len(n.Values) {
				return nil
			}
			for i, r := range n.Values {
				if in(r) {
					v, _ := c.info.Defs[n.Names[i]].(*types.Var)
					return v
				}
			}
			return nil
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		}
	}
	return nil
}

// usesOf returns the identifiers using a variable.
func (c *checker) usesOf(v *types.Var) []*ast.Ident {
	if c.uses == nil {
		c.uses = map[*types.Var][]*ast.Ident{}
		for id, obj := range c.info.Uses {
			if u, ok := obj.(*types.Var); ok && !u.IsField() {
				c.uses[u] = append(c.uses[u], id)
			}
		}
	}
	return c.uses[v]
}

// checkFixed checks that the call, once the plan is carried out, is a v2
// request the reference accepts: its method and path, the version header,
// the bearer token (an Authorization header set from elsewhere counts),
// and no parameter v2 does not know (a v1 body key v2 renamed, say), which
// the plan does not change.
func (c *checker) checkFixed(call *rules.Call, p *rules.Plan, authSet bool) error {
	fixed := *call
	fixed.Bearer = call.Bearer || authSet
	fixed.URL = fixedURL(call.URL, p.URLEdits)
	if p.Method != "" {
		fixed.Method = p.Method
	}
	fixed.Params = nil
	for _, prm := range call.Params {
		if !slices.ContainsFunc(p.Remove, func(r rules.Param) bool {
			return r.Span == prm.Span && r.Name == prm.Name && r.In == prm.In
		}) {
			fixed.Params = append(fixed.Params, prm)
		}
	}
	if p.AddVersion {
		fixed.Params = append(fixed.Params, rules.Param{Name: rules.VersionHeader, Value: rules.VersionValue, In: rules.InHeader})
	}
	r, ok := fixed.V2Request()
	if !ok {
		return unfixable("the fixed call would not be a v2 request: change it by hand")
	}
	if problems := c.cat.CheckV2(r); len(problems) > 0 {
		return unfixable("the fixed request would still not be right for v2 (%s): change it by hand", strings.Join(problems, "; "))
	}
	return nil
}

// fixedURL applies URL edits to the URL parts holding them.
func fixedURL(parts []rules.URLPart, edits []rules.Edit) []rules.URLPart {
	out := append([]rules.URLPart(nil), parts...)
	// From the last edit, so earlier offsets stay valid.
	es := append([]rules.Edit(nil), edits...)
	sort.Slice(es, func(i, j int) bool { return es[i].Span.Start > es[j].Span.Start })
	for _, e := range es {
		for i := range out {
			pt := &out[i]
			if !pt.Raw || pt.Hole != "" || e.Span.Start < pt.Span.Start || e.Span.End > pt.Span.End {
				continue
			}
			a, b := e.Span.Start-pt.Span.Start, e.Span.End-pt.Span.Start
			pt.Lit = pt.Lit[:a] + e.NewText + pt.Lit[b:]
			pt.Span.End += len(e.NewText) - (b - a)
			break
		}
	}
	return out
}
