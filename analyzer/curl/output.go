package curl

import "mvdan.cc/sh/v3/syntax"

// isCaptured reports whether something may read what a command writes to
// its standard output: a pipe after it, a command substitution, a
// redirection of it or of a block around it, or a function (whose callers
// may capture it).
func (r *reader) isCaptured(u *unit, st *syntax.Stmt) bool {
	m, ok := r.captured[u]
	if !ok {
		m = capturedStmts(u.f)
		r.captured[u] = m
	}
	return m[st]
}

// capturedStmts returns the statements of f whose output is not the
// terminal's.
func capturedStmts(f *syntax.File) map[*syntax.Stmt]bool {
	out := map[*syntax.Stmt]bool{}
	var stack []syntax.Node
	syntax.Walk(f, func(n syntax.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if st, ok := n.(*syntax.Stmt); ok && (redirectsOutput(st) || capturedBy(stack, st)) {
			out[st] = true
		}
		stack = append(stack, n)
		return true
	})
	return out
}

// capturedBy reports whether an enclosing node takes a statement's output.
func capturedBy(stack []syntax.Node, st *syntax.Stmt) bool {
	for i, n := range stack {
		var child syntax.Node = st
		if i+1 < len(stack) {
			child = stack[i+1]
		}
		switch n := n.(type) {
		case *syntax.CmdSubst, *syntax.ProcSubst, *syntax.FuncDecl:
			return true
		case *syntax.Stmt:
			if redirectsOutput(n) {
				return true
			}
		case *syntax.BinaryCmd:
			if (n.Op == syntax.Pipe || n.Op == syntax.PipeAll) && child == syntax.Node(n.X) {
				return true
			}
		}
	}
	return false
}

// redirectsOutput reports a redirection of a statement's standard output.
func redirectsOutput(st *syntax.Stmt) bool {
	for _, rd := range st.Redirs {
		switch rd.Op {
		case syntax.RdrAll, syntax.AppAll, syntax.RdrAllClob, syntax.AppAllClob:
			return true
		case syntax.RdrOut, syntax.AppOut, syntax.RdrClob, syntax.AppClob, syntax.DplOut:
			if rd.N == nil || rd.N.Value == "1" {
				return true
			}
		}
	}
	return false
}

// writesOutput reports curl options that write the response, or part of
// it, somewhere a script may read: a file, or -w's report.
func writesOutput(inv invocation) bool {
	for _, o := range inv.opts {
		switch o.name {
		case "output", "write-out", "dump-header", "output-dir":
			return true
		}
	}
	return inv.flags["remote-name"] || inv.flags["remote-name-all"]
}
