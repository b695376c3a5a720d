package golang

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"net/http"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/migaudit/migaudit/rules"
)

const (
	versionHeader = "360-api-version"
	versionValue  = "v2.0"
)

// fixes returns the suggested fix of each finding (nil where a person must
// decide). Each fix edits only the diagnostic's file.
func (c *checker) fixes(s *site, call *rules.Call, findings []rules.Finding, f *ast.File) []*analysis.SuggestedFix {
	tf := c.pass.Fset.File(f.Pos())
	out := make([]*analysis.SuggestedFix, len(findings))
	header := c.headerEdit(s, f)
	credIdx := -1
	for i, fd := range findings {
		r := c.cat.Rule(fd.Rule)
		if r == nil {
			continue
		}
		switch r.Kind {
		case "auth":
			if edits, ok := c.credentialEdits(s, call, f); ok {
				if header != nil {
					edits = append(edits, *header)
				}
				out[i] = c.suggested(tf, "Remove the v1 credentials company and apiKey and send the 360-api-version: v2.0 header (add the OAuth2 bearer token yourself)", edits)
				credIdx = i
			}
		case "param-removed":
			if r.In != rules.InBody {
				continue
			}
			if edits, ok := c.removedParamEdits(s, r.Param, f); ok {
				out[i] = c.suggested(tf, "Stop sending "+r.Param+", which v2 removed", edits)
			}
		}
	}
	for i, fd := range findings {
		r := c.cat.Rule(fd.Rule)
		if r == nil || r.Kind != "endpoint" || r.Operation == nil {
			continue
		}
		edits, ok := c.endpointEdits(s, call, r.Operation, findings, out, f)
		if !ok {
			continue
		}
		if header != nil && credIdx < 0 {
			// Without credentials to replace, the header goes with the path.
			edits = append(edits, *header)
		}
		op := r.Operation
		out[i] = c.suggested(tf, "Use "+op.V2.Method+" "+op.V2.Path+" ("+op.V2.Name+")", edits)
	}
	return out
}

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

// removalEdits deletes the statements and literal elements that send params;
// ok is false when one of them cannot be removed in this file, or removing
// it would leave a variable or an import unused.
func (c *checker) removalEdits(ps []pparam, f *ast.File) ([]edit, bool) {
	var out []edit
	var nodes []ast.Node
	byLit := map[*ast.CompositeLit]map[ast.Expr]bool{}
	var lits []*ast.CompositeLit
	for _, p := range ps {
		switch {
		case p.stmt != nil && c.sameFile(p.stmt.Pos(), f.Pos()):
			out = append(out, c.lineEdit(p.stmt))
			nodes = append(nodes, p.stmt)
		case p.lit != nil && c.sameFile(p.lit.Pos(), f.Pos()):
			if byLit[p.lit] == nil {
				byLit[p.lit] = map[ast.Expr]bool{}
				lits = append(lits, p.lit)
			}
			byLit[p.lit][p.elt] = true
			nodes = append(nodes, p.elt)
		default:
			return nil, false
		}
	}
	for _, lit := range lits {
		out = append(out, c.eltEdits(lit, byLit[lit])...)
	}
	if c.leavesUnused(nodes, f) {
		return nil, false
	}
	return out, true
}

// leavesUnused reports whether deleting nodes would leave a local variable
// or an import of the file without uses (a build error).
func (c *checker) leavesUnused(nodes []ast.Node, f *ast.File) bool {
	inside := func(pos token.Pos) bool {
		for _, n := range nodes {
			if n.Pos() <= pos && pos < n.End() {
				return true
			}
		}
		return false
	}
	watched := map[types.Object]bool{}
	for _, n := range nodes {
		ast.Inspect(n, func(m ast.Node) bool {
			id, ok := m.(*ast.Ident)
			if !ok {
				return true
			}
			switch obj := c.info.Uses[id].(type) {
			case *types.PkgName:
				watched[obj] = true
			case *types.Var:
				if !obj.IsField() && c.local(obj) && !c.isParam(obj) {
					watched[obj] = true
				}
			}
			return true
		})
	}
	if len(watched) == 0 {
		return false
	}
	usedElsewhere := map[types.Object]bool{}
	ast.Inspect(f, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok {
			if obj := c.info.Uses[id]; obj != nil && watched[obj] && !inside(id.Pos()) {
				usedElsewhere[obj] = true
			}
		}
		return true
	})
	for obj := range watched {
		if !usedElsewhere[obj] {
			return true
		}
	}
	return false
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

var credQuery = regexp.MustCompile(`[?&](company|(?i:apikey))=`)

// credentialEdits removes the v1 credentials a call sends; ok is false when
// one of them is not removable here (in a URL literal, in a helper, in
// another file).
func (c *checker) credentialEdits(s *site, call *rules.Call, f *ast.File) ([]edit, bool) {
	var edits []edit
	if want := len(credQuery.FindAllString(call.URLText(), -1)); want > 0 {
		es, n, ok := c.queryCredEdits(s, f)
		if !ok || n != want {
			return nil, false
		}
		edits = es
	}
	var creds []pparam
	for _, p := range s.params {
		if p.In != rules.InHeader && p.In != rules.InPath && isCredName(p.Name) {
			creds = append(creds, p)
		}
	}
	if len(creds) == 0 {
		return edits, len(edits) > 0
	}
	more, ok := c.removalEdits(creds, f)
	if !ok {
		return nil, false
	}
	return append(edits, more...), true
}

// removedParamEdits stops sending a removed body parameter: its json tag
// becomes "-", or its map literal entry goes.
func (c *checker) removedParamEdits(s *site, name string, f *ast.File) ([]edit, bool) {
	var out []edit
	found := false
	for _, p := range s.params {
		if p.Name != name || (p.In != rules.InBody && p.In != rules.InForm) {
			continue
		}
		found = true
		switch {
		case p.tag != nil && !p.tagName.IsZero() && c.sameFile(p.tag.Pos(), f.Pos()):
			out = append(out, edit{span: p.tagName, text: `"-"`})
		case p.lit != nil || p.stmt != nil:
			edits, ok := c.removalEdits([]pparam{p}, f)
			if !ok {
				return nil, false
			}
			out = append(out, edits...)
		default:
			return nil, false
		}
	}
	return out, found
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

var objectIDText = regexp.MustCompile(`^[0-9a-fA-F]{24}$`)

// endpointEdits moves a call to its v2 path (and method) when that is all
// the request needs: the v2 path is the v1 path under /api/v2, the user is
// already given by ID, nothing else about the call needs a person, and the
// "/api/v1" text is written in this call's own literal.
func (c *checker) endpointEdits(s *site, call *rules.Call, op *rules.Operation, findings []rules.Finding, fixes []*analysis.SuggestedFix, f *ast.File) ([]edit, bool) {
	// Moving to v2 without v2 authentication would leave a call no scan
	// reports any more: only calls that already send a bearer token move.
	if !call.Bearer || !sameShape(op.V1.Path, op.V2.Path) {
		return nil, false
	}
	for _, r := range op.Rules {
		switch r.Kind {
		case "pagination", "path-added", "param-moved":
			return nil, false
		}
	}
	// The response shape changes for most operations: code reading it needs a person.
	if len(s.outs) > 0 || s.outParam > 0 {
		return nil, false
	}
	// Every other request-side finding must be fixed with it, or the
	// leftover would hide behind a v2 path.
	for i, fd := range findings {
		r := c.cat.Rule(fd.Rule)
		if r == nil || r.Kind == "endpoint" {
			continue
		}
		if fixes[i] == nil {
			return nil, false
		}
	}
	if r := op.Rule("identifier"); r != nil && !c.givesID(call, op, r.Param) {
		return nil, false
	}
	var edits []edit
	found := false
	for _, p := range s.url {
		if !p.Raw || !c.inFile(p.Span, f) {
			continue
		}
		if i := strings.Index(p.Lit, "/api/v1"); i >= 0 && (i+7 == len(p.Lit) || p.Lit[i+7] == '/' || p.Lit[i+7] == '?') {
			at := p.Span.Start + i + len("/api/v")
			edits = append(edits, edit{span: rules.Span{Start: at, End: at + 1}, text: "2"})
			found = true
			break
		}
	}
	if !found {
		return nil, false
	}
	if m := op.Rule("method"); m != nil && call.Method == m.From {
		e, ok := c.methodEdit(s, m.To, f)
		if !ok {
			return nil, false
		}
		edits = append(edits, e)
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].span.Start < edits[j].span.Start })
	return edits, true
}

// inFile reports whether a span is a real range of the file.
func (c *checker) inFile(sp rules.Span, f *ast.File) bool {
	tf := c.pass.Fset.File(f.Pos())
	return sp.End > sp.Start && sp.End <= tf.Size()
}

// sameShape reports whether two templates differ only in their /api/vN
// prefix and parameter names.
func sameShape(v1, v2 string) bool {
	a := strings.Split(strings.TrimPrefix(v1, "/api/v1"), "/")
	b := strings.Split(strings.TrimPrefix(v2, "/api/v2"), "/")
	if len(a) != len(b) {
		return false
	}
	isParam := func(s string) bool { return strings.HasPrefix(s, ":") || strings.HasPrefix(s, "{") }
	for i := range a {
		if isParam(a[i]) != isParam(b[i]) || !isParam(a[i]) && a[i] != b[i] {
			return false
		}
	}
	return true
}

// givesID reports whether the URL segment of the user parameter is an
// internal ID: a 24-hex literal, or one expression named like an ID
// (userID, u.ID) and not like a mail.
func (c *checker) givesID(call *rules.Call, op *rules.Operation, param string) bool {
	tmpl := strings.Split(strings.Trim(strings.TrimPrefix(op.V1.Path, "/api/v1"), "/"), "/")
	idx := -1
	for i, t := range tmpl {
		if strings.Trim(t, ":{}") == param {
			idx = i
		}
	}
	// Flatten the URL, holes as \x00, and split the path after /api/v1.
	var b strings.Builder
	var holes []string
	for _, p := range call.URL {
		if p.Hole != "" {
			b.WriteByte(0)
			holes = append(holes, p.Hole)
			continue
		}
		b.WriteString(p.Lit)
	}
	s := b.String()
	i := strings.Index(s, "/api/v1/")
	if idx < 0 || i < 0 {
		return false
	}
	holesBefore := strings.Count(s[:i], "\x00")
	rest := s[i+len("/api/v1/"):]
	if j := strings.IndexAny(rest, "?#"); j >= 0 {
		rest = rest[:j]
	}
	segs := strings.Split(rest, "/")
	if idx >= len(segs) {
		return false
	}
	seg := segs[idx]
	switch {
	case !strings.Contains(seg, "\x00"):
		return objectIDText.MatchString(seg)
	case seg != "\x00":
		return false // a hole with text around it
	}
	n := holesBefore
	for _, sg := range segs[:idx] {
		n += strings.Count(sg, "\x00")
	}
	if n >= len(holes) {
		return false
	}
	h := holes[n]
	return strings.HasSuffix(lastIdent(h), "id") && !strings.Contains(strings.ToLower(h), "mail")
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
