package analyzer

import (
	"bytes"
	"fmt"
	gofmt "go/format"
	"go/parser"
	"go/token"
	"strings"

	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

// hasGoFixes reports whether the Go pass reported these findings (it gives
// the fixes of Go files).
func hasGoFixes(fs []rules.Finding) bool {
	for _, f := range fs {
		if f.Fix != nil {
			return true
		}
	}
	return false
}

// goFile applies the Go pass's suggested fixes: the result must parse and
// stay gofmt-clean when it was.
func (fx *fixer) goFile(path string, src []byte, findings []rules.Finding) {
	var edits []rules.Edit
	var fixed, covered, left []rules.Finding
	for _, f := range findings {
		switch {
		case f.Fix != nil:
			edits = append(edits, f.Fix.Edits...)
			fixed = append(fixed, f)
		case strings.Contains(f.Message, goFixedWithCall):
			covered = append(covered, f) // resolved when its call's fix applies
		default:
			left = append(left, f)
		}
	}
	for _, f := range left {
		fx.leave(f, goLeftReason(f))
	}
	if len(edits) == 0 {
		fx.leaveAll(covered, "no mechanical fix: see the finding")
		return
	}
	newSrc, err := rewrite.Apply(src, edits)
	if err == nil {
		err = goValid(src, newSrc)
	}
	if err == nil {
		err = goLeftovers(newSrc, fixed, edits)
	}
	if err != nil {
		fx.leaveAll(append(fixed, covered...), "the Go fix did not pass verification ("+err.Error()+")")
		return
	}
	for i, f := range fixed {
		fc := FixedCall{Path: path, Line: f.Line, Operation: f.Operation, Message: f.Fix.Message, Findings: 1, resolved: []rules.Finding{f}}
		if i == 0 {
			// The covered findings go with the file's first fix: they are
			// resolved by the fixes of their calls, all applied together.
			fc.resolved = append(fc.resolved, covered...)
			fc.Findings += len(covered)
		}
		fx.out.Fixed = append(fx.out.Fixed, fc)
	}
	fx.addFile(path, src, newSrc)
}

// goFixedWithCall ends the message of a Go finding its call's fix resolves.
const goFixedWithCall = "(fixed with the call's fix)"

func goLeftReason(f rules.Finding) string {
	if f.Unfixed != "" {
		return f.Unfixed
	}
	return "no mechanical fix: see the finding"
}

// goValid checks that new Go source parses and is gofmt-clean when the old
// one was.
func goValid(old, new []byte) error {
	if _, err := parser.ParseFile(token.NewFileSet(), "", new, parser.ParseComments); err != nil {
		return fmt.Errorf("does not parse: %v", err)
	}
	if f, err := gofmt.Source(old); err == nil && bytes.Equal(f, old) {
		if f, err := gofmt.Source(new); err != nil || !bytes.Equal(f, new) {
			return fmt.Errorf("not gofmt-clean")
		}
	}
	return nil
}

// goLeftovers checks the line of each fixed request for what the pass did
// not take apart (a form string body holding apiKey): the file's fixes are
// then not trusted. The pass's fixes hold together, so none is kept.
func goLeftovers(newSrc []byte, fixed []rules.Finding, edits []rules.Edit) error {
	for _, f := range fixed {
		at := shift(f.Span.Start, edits)
		start := bytes.LastIndexByte(newSrc[:min(at, len(newSrc))], '\n') + 1
		end := len(newSrc)
		if i := bytes.IndexByte(newSrc[min(at, len(newSrc)):], '\n'); i >= 0 {
			end = at + i
		}
		line := &rules.Call{Span: rules.Span{Start: start, End: end}}
		if why := hiddenLeftovers(newSrc, line); why != "" {
			return fmt.Errorf("line %d: %s", f.Line, strings.TrimSuffix(why, ": change it by hand"))
		}
	}
	return nil
}
