package curl

import (
	"path"
	"strconv"
	"strings"

	"github.com/migaudit/migaudit/rules"
	"mvdan.cc/sh/v3/syntax"
)

// funcDef is a shell function and the places the script calls it.
type funcDef struct {
	decl  *syntax.FuncDecl
	unit  *unit
	sites []site
	// perSite reports that the function's curl takes its URL or method
	// from the caller ("$@", or call sites that pass a path or a method),
	// so it is read once per call site instead of once on its own.
	perSite bool
}

// site is a command that calls a function.
type site struct {
	call *syntax.CallExpr
	unit *unit
}

func (r *reader) collectFuncs(u *unit) {
	syntax.Walk(u.f, func(n syntax.Node) bool {
		if fd, ok := n.(*syntax.FuncDecl); ok && fd.Name != nil {
			if r.funcs[fd.Name.Value] == nil && callsCurl(fd) {
				r.funcs[fd.Name.Value] = &funcDef{decl: fd, unit: u}
			}
		}
		return true
	})
}

func isTool(args []*syntax.Word) bool {
	i, _ := toolIndex(args)
	return i >= 0
}

// callsCurl reports whether a function body runs curl with positional
// parameters in its arguments.
func callsCurl(fd *syntax.FuncDecl) bool {
	found := false
	syntax.Walk(fd.Body, func(n syntax.Node) bool {
		if c, ok := n.(*syntax.CallExpr); ok && isTool(c.Args) {
			syntax.Walk(c, func(m syntax.Node) bool {
				if p, ok := m.(*syntax.ParamExp); ok && p.Param != nil && isPositional(p.Param.Value) {
					found = true
				}
				return !found
			})
		}
		return !found
	})
	return found
}

var httpMethods = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true}

func (r *reader) collectSites() {
	if len(r.funcs) == 0 {
		return
	}
	for _, u := range r.units {
		syntax.Walk(u.f, func(n syntax.Node) bool {
			c, ok := n.(*syntax.CallExpr)
			if !ok || len(c.Args) == 0 {
				return true
			}
			fn := r.funcs[c.Args[0].Lit()]
			if fn == nil {
				return true
			}
			fn.sites = append(fn.sites, site{call: c, unit: u})
			for _, w := range c.Args[1:] {
				t := flatten(r.expand(u, w, nil)).s
				if strings.Contains(t, "/") || httpMethods[t] {
					fn.perSite = true
				}
			}
			return true
		})
	}
	for _, fn := range r.funcs {
		if len(fn.sites) > 0 && usesAllArgs(fn.decl) {
			fn.perSite = true
		}
	}
}

// usesAllArgs reports whether a function hands "$@" to curl.
func usesAllArgs(fd *syntax.FuncDecl) bool {
	found := false
	syntax.Walk(fd.Body, func(n syntax.Node) bool {
		if p, ok := n.(*syntax.ParamExp); ok && p.Param != nil && (p.Param.Value == "@" || p.Param.Value == "*") {
			found = true
		}
		return !found
	})
	return found
}

// walk reads every curl command under node. sc and at are set when a
// function body is read for one call site.
func (r *reader) walk(u *unit, node syntax.Node, sc *scope, at *site) {
	syntax.Walk(node, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDecl:
			if n == node {
				return true
			}
			// A body is read once: a function declared inside another
			// function's body is met again on every call site of the outer
			// one, and reading it each time multiplied with the nesting
			// (exponential work on nested declarations).
			if r.walked[n] {
				return false
			}
			r.walked[n] = true
			var fn *funcDef
			if n.Name != nil {
				fn = r.funcs[n.Name.Value]
			}
			if fn != nil && fn.decl == n && fn.perSite && at == nil {
				shifts := shiftsIn(u, n)
				for i := range fn.sites {
					s := &fn.sites[i]
					r.walk(u, n.Body, &scope{args: r.siteArgs(s), shifts: shifts}, s)
				}
				return false
			}
			r.walk(u, n.Body, &scope{}, nil)
			return false
		case *syntax.BinaryCmd:
			if n.Op == syntax.Pipe || n.Op == syntax.PipeAll {
				if in := r.pipeInput(u, n.X, sc); in != nil {
					r.stdin[n.Y] = in
				}
			}
		case *syntax.Stmt:
			if c, ok := n.Cmd.(*syntax.CallExpr); ok {
				r.command(u, n, c, sc, at)
			}
		}
		return true
	})
}

// shiftsIn returns the shift commands of a function body.
func shiftsIn(u *unit, fd *syntax.FuncDecl) []shift {
	var out []shift
	syntax.Walk(fd.Body, func(n syntax.Node) bool {
		c, ok := n.(*syntax.CallExpr)
		if !ok || len(c.Args) == 0 || c.Args[0].Lit() != "shift" {
			return true
		}
		k := 1
		if len(c.Args) > 1 {
			if v, err := strconv.Atoi(c.Args[1].Lit()); err == nil && v >= 0 {
				k = v
			}
		}
		out = append(out, shift{at: u.base + int(c.Pos().Offset()), n: k})
		return true
	})
	return out
}

// siteArgs expands the arguments a call site passes to a function.
func (r *reader) siteArgs(s *site) [][]piece {
	var out [][]piece
	for _, w := range s.call.Args[1:] {
		ps := r.expand(s.unit, w, nil)
		for i := range ps {
			ps[i].arg = true
		}
		out = append(out, ps)
	}
	return out
}

// pipeInput returns what a command writes to a pipe when the script says
// it: a here-document through cat, or echo/printf of one word.
func (r *reader) pipeInput(u *unit, st *syntax.Stmt, sc *scope) []piece {
	c, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(c.Args) == 0 {
		return nil
	}
	switch c.Args[0].Lit() {
	case "cat":
		if len(c.Args) == 1 {
			return r.heredoc(u, st, sc)
		}
	case "echo", "printf":
		args := c.Args[1:]
		for len(args) > 0 && strings.HasPrefix(args[0].Lit(), "-") {
			args = args[1:]
		}
		if c.Args[0].Lit() == "printf" && len(args) == 2 && args[0].Lit() == "%s" {
			args = args[1:]
		}
		if len(args) == 1 {
			return r.expand(u, args[0], sc)
		}
	}
	return nil
}

// heredoc returns a statement's here-document or here-string, if any.
func (r *reader) heredoc(u *unit, st *syntax.Stmt, sc *scope) []piece {
	for _, rd := range st.Redirs {
		switch rd.Op {
		case syntax.Hdoc, syntax.DashHdoc:
			if rd.Hdoc == nil {
				return []piece{}
			}
			quoted := rd.Word != nil && rd.Word.Lit() == ""
			var out []piece
			for _, p := range rd.Hdoc.Parts {
				if l, ok := p.(*syntax.Lit); ok && quoted {
					s := int(l.Pos().Offset())
					out = append(out, piece{lit: l.Value, span: u.span(s, int(l.End().Offset())), raw: true, offs: u.offs(s, len(l.Value))})
					continue
				}
				out = append(out, r.expandPart(u, p, sc, quoteHeredoc)...)
			}
			return out
		case syntax.WordHdoc:
			return r.expand(u, rd.Word, sc)
		}
	}
	return nil
}

// httpTools are the commands read, by the name they are run as.
var httpTools = map[string]string{"curl": "curl", "wget": "wget", "http": "http", "https": "https", "xh": "http", "xhs": "https"}

// toolIndex returns the index of the curl (wget, HTTPie) word in a command
// and the tool, looking through sudo, env, command, exec, nohup, nice,
// timeout and xargs; -1 when the command is none of them.
func toolIndex(args []*syntax.Word) (int, string) {
	// withArg lists each wrapper's options that take a value.
	withArg := map[string]string{
		"sudo": "ugpChDrtURT", "env": "uCS", "nice": "n", "timeout": "sk",
		"xargs": "IndPLaEsS", "exec": "a", "command": "", "nohup": "", "stdbuf": "ioe",
	}
	i := 0
	for i < len(args) {
		name := path.Base(args[i].Lit())
		if tool, ok := httpTools[name]; ok {
			return i, tool
		}
		opts, ok := withArg[name]
		if !ok {
			return -1, ""
		}
		i++
		durationNext := name == "timeout"
		for i < len(args) {
			t := args[i].Lit()
			switch {
			case t == "--":
				i++
			case strings.HasPrefix(t, "-") && len(t) > 1:
				if !strings.HasPrefix(t, "--") && len(t) == 2 && strings.IndexByte(opts, t[1]) >= 0 {
					i++
				}
				i++
				continue
			case name == "env" && strings.Contains(t, "="):
				i++
				continue
			case durationNext:
				durationNext = false
				i++
				continue
			}
			break
		}
	}
	return -1, ""
}

// command reads one curl (or wget, or HTTPie) command.
func (r *reader) command(u *unit, st *syntax.Stmt, c *syntax.CallExpr, sc *scope, at *site) {
	r.budget = maxExpansions
	var args []arg
	k, tool := toolIndex(c.Args)
	if k < 0 {
		// CURL="curl -sS --fail"; $CURL -X PUT "$URL"
		if len(c.Args) == 0 {
			return
		}
		lead := r.words(u, c.Args[0], sc)
		if len(lead) == 0 {
			return
		}
		t, ok := lead[0].flat().literal()
		if tool, ok = httpTools[path.Base(t)]; !ok || len(c.Args[0].Parts) != 1 {
			return
		}
		args = lead[1:]
		k = 0
	}
	for _, w := range c.Args[k+1:] {
		args = append(args, r.words(u, w, sc)...)
	}
	stdin := r.heredoc(u, st, sc)
	if stdin == nil {
		stdin = r.stdin[st]
	}
	var cmd parsedCmd
	switch tool {
	case "curl":
		cmd = readCurl(args, stdin)
	case "wget":
		cmd = readWget(args)
	default:
		cmd = readHTTPie(args)
	}

	base := rules.Call{
		File: r.file, Reader: readerName, Span: u.nodeSpan(c), Bearer: cmd.req.bearer,
		Method: cmd.method, MethodSpan: cmd.methodSpan, MethodImplied: cmd.implied,
	}
	if at != nil {
		base.Span = at.unit.nodeSpan(at.call)
	}
	for _, a := range cmd.urls {
		call := base
		call.Params = append([]rules.Param(nil), cmd.req.params...)
		ps := a.ps
		if at != nil {
			// Read for a call site: the parts the function writes itself
			// are placed at the call, so the URL's span stays on one line.
			name := at.unit.nodeSpan(at.call.Args[0])
			ps = append([]piece(nil), ps...)
			for i := range ps {
				if !ps[i].arg {
					ps[i].span, ps[i].raw, ps[i].offs = name, false, nil
				}
			}
		}
		call.URL = urlParts(r.queryHoles(ps))
		if at == nil {
			switch {
			case tool == "curl":
				call.ResponseRead = r.isCaptured(u, st) || readsBody(cmd.inv)
				call.ResponseUnused = !r.isCaptured(u, st) && !writesOutput(cmd.inv)
				if len(cmd.urls) == 1 {
					call.Fixer = r.newCurlFixer(u, c, k, cmd, stdin)
				}
			case cmd.httpie != nil:
				call.ResponseRead = r.isCaptured(u, st) || cmd.httpie.output
				call.ResponseUnused = !call.ResponseRead
				call.Fixer = r.newHTTPieFixer(u, c, k, cmd)
			}
		}
		if name, ok := r.pendingBase(a.ps); ok {
			r.found.Pending = append(r.found.Pending, rules.Pending{Call: call, Base: name})
			continue
		}
		r.found.Calls = append(r.found.Calls, call)
	}
}

// words expands one shell word into arguments: "$@" in a function read for
// a call site becomes the caller's arguments, and an unquoted $VAR holding
// several words (CURL_OPTS="-sS --fail") splits.
func (r *reader) words(u *unit, w *syntax.Word, sc *scope) []arg {
	if len(w.Parts) == 1 {
		pe, _ := w.Parts[0].(*syntax.ParamExp)
		quoted := false
		if dq, ok := w.Parts[0].(*syntax.DblQuoted); ok && len(dq.Parts) == 1 {
			pe, _ = dq.Parts[0].(*syntax.ParamExp)
			quoted = true
		}
		if pe != nil && pe.Param != nil && (pe.Param.Value == "@" || pe.Param.Value == "*") && sc != nil && sc.args != nil {
			var out []arg
			for _, ps := range sc.argsAt(u.base + int(w.Pos().Offset())) {
				out = append(out, arg{ps: ps, span: coverPieces(ps), split: true})
			}
			return out
		}
		if pe != nil && !quoted && pe.Param != nil && pe.Exp == nil {
			ps := r.expand(u, w, sc)
			a := arg{ps: ps, span: u.nodeSpan(w), lone: pe.Param.Value}
			if text, ok := flatten(ps).literal(); ok && strings.ContainsAny(strings.TrimSpace(text), " \t\n") {
				var out []arg
				for _, f := range strings.Fields(text) {
					out = append(out, arg{ps: []piece{{lit: f, span: a.span}}, span: a.span, split: true})
				}
				return out
			}
			return []arg{a}
		}
	}
	return []arg{{ps: r.expand(u, w, sc), span: u.nodeSpan(w)}}
}

func coverPieces(ps []piece) rules.Span {
	var s rules.Span
	for _, p := range ps {
		s = s.Cover(p.span)
	}
	return s
}

// queryHoles turns the values of variables the script sets, where they
// stand as a parameter's value in the URL's query string
// (company=$COMPANY), back into holes
// named by the reference: the rules read query parameters by name, and a
// fix can then remove a parameter with the reference as written.
func (r *reader) queryHoles(ps []piece) []piece {
	inQuery := false
	var out []piece
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		n := len(out)
		afterEq := n > 0 && out[n-1].hole == "" && strings.HasSuffix(out[n-1].lit, "=")
		if inQuery && afterEq && p.hole == "" && !p.raw && p.offs == nil && !p.arg && p.lit != "" &&
			p.span.End > p.span.Start && p.span.End <= len(r.orig) && r.orig[p.span.Start] == '$' {
			// The value's pieces all stand at the reference.
			j := i + 1
			value := p.lit
			for j < len(ps) && ps[j].span == p.span && ps[j].hole == "" {
				value += ps[j].lit
				j++
			}
			if !strings.ContainsAny(value, "&=?#") && (j == len(ps) || ps[j].span != p.span) {
				out = append(out, piece{hole: strings.Trim(r.orig[p.span.Start:p.span.End], "${}()"), span: p.span})
				i = j - 1
				continue
			}
		}
		if p.hole == "" && strings.Contains(p.lit, "?") {
			inQuery = true
		}
		out = append(out, p)
	}
	return out
}

// urlParts turns expanded pieces into URL parts.
func urlParts(ps []piece) []rules.URLPart {
	var out []rules.URLPart
	for _, p := range ps {
		if p.hole == "" && p.lit == "" && len(ps) > 1 {
			continue
		}
		if n := len(out); n > 0 && p.hole == "" && !p.raw && out[n-1].Hole == "" && !out[n-1].Raw && out[n-1].Span == p.span {
			out[n-1].Lit += p.lit // one variable's value: one part
			continue
		}
		out = append(out, rules.URLPart{Lit: p.lit, Hole: p.hole, Span: p.span, Raw: p.raw && p.hole == ""})
	}
	return out
}

// pendingBase reports whether a URL starts from a variable the script
// never sets and says nothing else that makes it a 360Learning v1 call
// (no /api/v1, no host): such a call waits for a base from another file.
func (r *reader) pendingBase(ps []piece) (string, bool) {
	if len(ps) == 0 || ps[0].hole == "" || !ps[0].undef {
		return "", false
	}
	rest := strings.ToLower(flatten(ps[1:]).s)
	if strings.Contains(rest, "/api/v1") || strings.Contains(rest, "://") {
		return "", false
	}
	return ps[0].hole, true
}
