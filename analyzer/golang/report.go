package golang

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/migaudit/migaudit/rules"
)

// finish completes a site with what evaluating its URL collected.
func (c *checker) finish(s *site, en *env) {
	for _, v := range en.query {
		s.params = append(s.params, c.valuesVar(v, rules.InQuery)...)
	}
	if en.queryParam > 0 {
		s.queryParam = en.queryParam
	}
	outs := s.outs[:0]
	for _, o := range s.outs {
		if v := c.varOf(stripAddr(o)); v != nil && en.arg(v) > 0 {
			s.outParam = en.arg(v)
			continue
		}
		outs = append(outs, o)
	}
	s.outs = outs
}

// reportFile reports the requests every function of a file makes.
func (c *checker) reportFile(f *ast.File) {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		params := c.paramIndex(fd)
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			en := newEnv(params)
			s := c.request(call, en)
			if s == nil || helperShaped(s.url) {
				return true
			}
			c.report(s, f)
			return true
		})
	}
	c.flush(f)
}

// callOf turns a site into the rules' Call.
func (c *checker) callOf(s *site, f *ast.File) rules.Call {
	tf := c.pass.Fset.File(f.Pos())
	call := rules.Call{
		File: tf.Name(), Reader: "go", Method: s.method,
		Span: c.span(s.call), Bearer: s.bearer,
	}
	if s.methodExpr != nil {
		call.MethodSpan = c.span(s.methodExpr)
	}
	for _, p := range s.url {
		call.URL = append(call.URL, p.URLPart)
	}
	for _, p := range s.params {
		call.Params = append(call.Params, p.Param)
	}
	call.ResponseFields, call.ErrorCodes = c.readsIn(c.responseShape(s.outs), f)
	return call
}

// noFixHook, set by tests, learns why a call got no fix; callHook sees
// every call read.
var (
	noFixHook func(pos token.Position, why error)
	callHook  func(call rules.Call)
)

// pendingCall is a call whose findings wait for the file's other fixes.
type pendingCall struct {
	s        *site
	findings []rules.Finding
	fixed    *callFixed
}

// report checks a site's call and works out its fix; flush reports them.
func (c *checker) report(s *site, f *ast.File) {
	call := c.callOf(s, f)
	if callHook != nil {
		callHook(call)
	}
	findings := c.cat.Check(&call, c.opt)
	if len(findings) == 0 {
		return
	}
	// One fix for the whole call, on the diagnostic of its endpoint: the
	// request must move to v2 with all its changes or not at all.
	fixed, whyNot := c.callFix(s, &call, f)
	if fixed != nil && fixed.fix == nil {
		fixed, whyNot = nil, unfixable("nothing to change")
	}
	if whyNot != nil {
		c.noFix(s, whyNot)
	}
	c.pending = append(c.pending, &pendingCall{s: s, findings: findings, fixed: fixed})
}

// noFix records why a call has no fix, and tells the test hook.
func (c *checker) noFix(s *site, why error) {
	if c.whyNot == nil {
		c.whyNot = map[*site]string{}
	}
	c.whyNot[s] = why.Error()
	if noFixHook != nil {
		noFixHook(c.pass.Fset.Position(s.call.Pos()), why)
	}
}

// flush reports the file's pending calls, once their fixes are known to
// hold together: go vet -fix applies them all, an editor one at a time, so
// each must be right alone and with the others.
func (c *checker) flush(f *ast.File) {
	pending := c.pending
	c.pending = nil
	c.reconcile(pending, f)
	tf := c.pass.Fset.File(f.Pos())
	for _, pc := range pending {
		c.emit(tf, pc)
	}
}

// reconcile drops fixes that touch the same code as another call's fix,
// and fixes that together would leave an import unused although none of
// them alone does.
func (c *checker) reconcile(pending []*pendingCall, f *ast.File) {
	var fixed []*pendingCall
	for _, pc := range pending {
		if pc.fixed != nil {
			fixed = append(fixed, pc)
		}
	}
	drop := func(pc *pendingCall, why error) {
		if pc.fixed != nil {
			pc.fixed = nil
			c.noFix(pc.s, why)
		}
	}
	for i, a := range fixed {
		for _, b := range fixed[i+1:] {
			if editsMeet(a.fixed.fix, b.fixed.fix) {
				why := unfixable("another call's fix changes the same code: change them by hand")
				drop(a, why)
				drop(b, why)
			}
		}
	}
	// Imports: a package whose every use some fix deletes, and whose
	// import no fix removes.
	inside := func(pos token.Pos) bool {
		for _, pc := range fixed {
			if pc.fixed == nil {
				continue
			}
			for _, n := range pc.fixed.deleted {
				if n.Pos() <= pos && pos < n.End() {
					return true
				}
			}
		}
		return false
	}
	users := map[*types.PkgName][]*pendingCall{}
	removes := map[*types.PkgName]bool{}
	for _, pc := range fixed {
		if pc.fixed == nil {
			continue
		}
		for _, pn := range pc.fixed.imports {
			removes[pn] = true
		}
		for _, n := range pc.fixed.deleted {
			ast.Inspect(n, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					if pn, ok := c.info.Uses[id].(*types.PkgName); ok {
						users[pn] = append(users[pn], pc)
					}
				}
				return true
			})
		}
	}
	for pn, pcs := range users {
		if removes[pn] {
			continue
		}
		usedElsewhere := false
		ast.Inspect(f, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && c.info.Uses[id] == pn && !inside(id.Pos()) {
				usedElsewhere = true
			}
			return !usedElsewhere
		})
		if !usedElsewhere {
			for _, pc := range pcs {
				drop(pc, unfixable("with the other fixes of this file, the import of %s would be left unused: change these calls by hand", pn.Imported().Path()))
			}
		}
	}
}

// editsMeet reports whether two fixes edit the same text: overlapping
// ranges, or an insertion inside or at the edge of the other's range.
func editsMeet(a, b *analysis.SuggestedFix) bool {
	for _, x := range a.TextEdits {
		for _, y := range b.TextEdits {
			if x.Pos < y.End && y.Pos < x.End {
				return true
			}
			if (x.Pos == x.End || y.Pos == y.End) && x.Pos <= y.End && y.Pos <= x.End {
				return true
			}
		}
	}
	return false
}

// emit reports a call's findings, its fix on the endpoint's diagnostic.
func (c *checker) emit(tf *token.File, pc *pendingCall) {
	s, findings := pc.s, pc.findings
	var fix *analysis.SuggestedFix
	if pc.fixed != nil {
		fix = pc.fixed.fix
	}
	fixAt := -1
	if fix != nil {
		fixAt = 0
		for i, fd := range findings {
			if r := c.cat.Rule(fd.Rule); r != nil && r.Kind == "endpoint" {
				fixAt = i
				break
			}
		}
	}
	for i, fd := range findings {
		if note := c.whereSent(s, fd); note != "" {
			fd.Message += note
		}
		if fix != nil && i != fixAt && c.fixedByCallFix(fd) {
			fd.Message += " (fixed with the call's fix)"
		}
		if fix == nil {
			fd.Unfixed = c.whyNot[s]
		}
		d := analysis.Diagnostic{
			Pos:      c.pos(tf, fd.Span.Start),
			End:      c.pos(tf, fd.Span.End),
			Category: fd.Rule,
			Message:  fmt.Sprintf("%s [%s]", strings.Join(strings.Fields(fd.Message), " "), fd.Rule),
		}
		if i == fixAt {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
		key := fmt.Sprintf("%d:%d:%s", d.Pos, d.End, d.Message)
		if c.reported[key] {
			continue
		}
		c.reported[key] = true
		c.pass.Report(d)
		c.findings = append(c.findings, c.located(tf, fd, d.SuggestedFixes))
	}
}

// pos turns a file offset into a position, clamped to the file.
func (c *checker) pos(tf *token.File, off int) token.Pos {
	return tf.Pos(max(0, min(off, tf.Size())))
}

// suggested turns span edits into a suggested fix.
func (c *checker) suggested(tf *token.File, msg string, edits []edit) *analysis.SuggestedFix {
	if len(edits) == 0 {
		return nil
	}
	fix := &analysis.SuggestedFix{Message: msg}
	for _, e := range edits {
		fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{
			Pos: c.pos(tf, e.span.Start), End: c.pos(tf, e.span.End), NewText: []byte(e.text),
		})
	}
	return fix
}

// edit replaces a span of the file with text.
type edit struct {
	span rules.Span
	text string
}

// lastIdent returns the last identifier of an expression's text, lower-case.
func lastIdent(expr string) string {
	f := strings.FieldsFunc(expr, func(r rune) bool {
		return !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	})
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[len(f)-1])
}

// located completes a finding with its lines and columns and its fix.
func (c *checker) located(tf *token.File, fd rules.Finding, fixes []analysis.SuggestedFix) rules.Finding {
	fd.Message = strings.Join(strings.Fields(fd.Message), " ")
	if len(fixes) > 0 {
		fix := &rules.Fix{Message: fixes[0].Message}
		for _, e := range fixes[0].TextEdits {
			fix.Edits = append(fix.Edits, rules.Edit{
				Span:    rules.Span{Start: tf.Offset(e.Pos), End: tf.Offset(e.End)},
				NewText: string(e.NewText),
			})
		}
		fd.Fix = fix
	}
	at := func(off int) (int, int) {
		p := tf.PositionFor(c.pos(tf, off), false) // the file's own lines, not //line directives
		return p.Line, p.Column
	}
	fd.Line, fd.Column = at(fd.Span.Start)
	fd.EndLine, fd.EndColumn = at(fd.Span.End)
	if fd.Fix != nil {
		for i := range fd.Fix.Edits {
			e := &fd.Fix.Edits[i]
			e.Line, e.Column = at(e.Span.Start)
			e.EndLine, e.EndColumn = at(e.Span.End)
		}
	}
	return fd
}

// whereSent tells, for a finding about parameters a helper sends, which
// helper to change: the call site cannot stop sending them.
func (c *checker) whereSent(s *site, fd rules.Finding) string {
	r := c.cat.Rule(fd.Rule)
	if r == nil || (r.Kind != "auth" && r.Kind != "param-removed" && r.Kind != "param-moved") {
		return ""
	}
	for _, p := range s.params {
		if p.helper != "" && p.Span == fd.Span {
			return " (sent by " + p.helper + " for every request: change it there)"
		}
	}
	return ""
}

// fixedByCallFix reports whether a finding is about the request the call's
// fix changes (credentials, parameters, path, method, headers), not about
// the response or behaviour a person must still check.
func (c *checker) fixedByCallFix(fd rules.Finding) bool {
	r := c.cat.Rule(fd.Rule)
	if r == nil {
		return false
	}
	switch r.Kind {
	case "auth", "param-removed", "param-moved", "param-modified", "method", "identifier", "path-added", "header-required", "header-added":
		return true
	}
	return false
}
