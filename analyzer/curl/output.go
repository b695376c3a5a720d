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
// terminal's. One walk: a node's output is taken when its parent's is, or
// the node itself takes it (a command substitution, a redirection, a
// function), or it is the left side of a pipe.
func capturedStmts(f *syntax.File) map[*syntax.Stmt]bool {
	out := map[*syntax.Stmt]bool{}
	type frame struct {
		n        syntax.Node
		captured bool
	}
	var stack []frame
	syntax.Walk(f, func(n syntax.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		c := false
		if k := len(stack); k > 0 {
			parent := stack[k-1]
			c = parent.captured
			if b, ok := parent.n.(*syntax.BinaryCmd); ok && (b.Op == syntax.Pipe || b.Op == syntax.PipeAll) && n == syntax.Node(b.X) {
				c = true
			}
		}
		switch n := n.(type) {
		case *syntax.CmdSubst, *syntax.ProcSubst, *syntax.FuncDecl:
			c = true
		case *syntax.Stmt:
			if redirectsOutput(n) {
				c = true
			}
			if c {
				out[n] = true
			}
		}
		stack = append(stack, frame{n, c})
		return true
	})
	return out
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

// readsBody reports curl options that keep the response's body where a
// script may read it: a file (but /dev/null), a remote name. -w and -D
// write the status and headers only.
func readsBody(inv invocation) bool {
	for _, o := range inv.opts {
		switch o.name {
		case "output", "output-dir":
			if len(o.val.ps) == 1 && o.val.ps[0].hole == "" && o.val.ps[0].lit == "/dev/null" {
				continue
			}
			return true
		}
	}
	return inv.flags["remote-name"] || inv.flags["remote-name-all"]
}
