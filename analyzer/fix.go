package analyzer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	gofmt "go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

// FixResult is what Fix would change and what it leaves to a person.
type FixResult struct {
	// Scan is the scan the fixes come from.
	Scan *Result
	// Files are the files that change, sorted by path.
	Files []FileFix
	// Fixed are the calls the fixes migrate; Left the findings they leave,
	// each with the reason.
	Fixed []FixedCall
	Left  []LeftFinding
	// Errors are files whose fixes could not be made or written; they stay
	// as they were.
	Errors []FileError
}

// FileFix is one file's change.
type FileFix struct {
	// Path is the file's path as the scan reports it; Abs its absolute path.
	Path, Abs string
	Old, New  []byte
}

// FixedCall is a call a fix moves to v2.
type FixedCall struct {
	Path      string   `json:"path"`
	Line      int      `json:"line"`
	Operation string   `json:"operation"`
	Message   string   `json:"message"`
	FollowUps []string `json:"followUps,omitempty"`
	// Findings counts the findings the fix resolves.
	Findings int `json:"findings"`

	resolved []rules.Finding
}

// LeftFinding is a finding no fix resolves, with why.
type LeftFinding struct {
	rules.Finding
	Reason string `json:"reason"`
}

// Fix scans roots and works out, file by file, the fixes of the v1 calls
// the catalog can migrate with what fo gives. Nothing is written: Write
// writes the files, Diff renders them as a patch.
//
// Every file's fixes are verified before they are kept: the changed file
// is read again, it must still parse (shell, JSON, YAML, Go), every fixed
// call must read as a v2 request the official reference accepts
// (rules.Catalog.CheckV2), and no other finding may change. A call whose
// fix fails this is left, with the reason, and the rest of the file is
// fixed without it.
func Fix(ctx context.Context, roots []string, opt Options, fo rules.FixOptions) (*FixResult, error) {
	opt.Fix = fo // the Go pass plans its fixes with the same answers
	res, err := Run(ctx, roots, opt)
	if err != nil {
		return nil, err
	}
	return PlanFixes(ctx, res, roots, opt, fo)
}

// PlanFixes works out the fixes of a scan's findings, as Fix does, and
// attaches each fixed call's fix to the finding about the call (its
// endpoint finding): the scan's reports then carry the fixes.
func PlanFixes(ctx context.Context, res *Result, roots []string, opt Options, fo rules.FixOptions) (*FixResult, error) {
	if opt.Catalog == nil {
		c, err := rules.Default()
		if err != nil {
			return nil, err
		}
		opt.Catalog = c
	}
	fx := &fixer{cat: opt.Catalog, check: &opt.Check, fo: fo, out: &FixResult{Scan: res}, index: map[string]int{}, goPass: opt.GoPass}
	fx.roots = rootsOf(roots)
	byPath := map[string][]rules.Finding{}
	var paths []string
	for i, f := range res.Findings {
		fx.index[indexKey(f)] = i
		if byPath[f.Path] == nil {
			paths = append(paths, f.Path)
		}
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		fx.file(p, byPath[p])
	}
	return fx.out, nil
}

type fixer struct {
	cat   *rules.Catalog
	check *rules.Options
	fo    rules.FixOptions
	roots []string
	out   *FixResult
	// index finds a finding of the scan by path, rule and span.
	index map[string]int
	// goPass: .go files' findings and fixes come from the Go pass.
	goPass bool
}

func indexKey(f rules.Finding) string {
	return fmt.Sprintf("%s\x00%s\x00%d\x00%d", f.Path, f.Rule, f.Span.Start, f.Span.End)
}

// attach sets a fixed call's fix on its endpoint finding (else its first).
func (fx *fixer) attach(c *candidate, src []byte) {
	at := c.findings[0]
	for _, f := range c.findings {
		if r := fx.cat.Rule(f.Rule); r != nil && r.Kind == "endpoint" {
			at = f
			break
		}
	}
	i, ok := fx.index[indexKey(at)]
	if !ok {
		return
	}
	fix := &rules.Fix{Message: c.plan.Message, Edits: append([]rules.Edit(nil), c.edits...)}
	sort.Slice(fix.Edits, func(a, b int) bool { return fix.Edits[a].Span.Start < fix.Edits[b].Span.Start })
	f := &fx.out.Scan.Findings[i]
	f.Fix = fix
	f.Locate(rules.NewLines(src))
}

// candidate is one call's fix before verification.
type candidate struct {
	call     *rules.Call
	plan     *rules.Plan
	edits    []rules.Edit
	findings []rules.Finding
}

type findingKey struct {
	rule string
	span rules.Span
}

// file works out the fixes of one file with findings. A panic (a bug in
// a fixer) leaves the file's findings, with the reason, and the others go on.
func (fx *fixer) file(path string, findings []rules.Finding) {
	fixed, left := len(fx.out.Fixed), len(fx.out.Left)
	defer func() {
		if r := recover(); r != nil {
			fx.out.Fixed, fx.out.Left = fx.out.Fixed[:fixed], fx.out.Left[:left]
			fx.out.Errors = append(fx.out.Errors, FileError{Path: path, Message: fmt.Sprintf("internal error while fixing: %v", r)})
			fx.leaveAll(findings, "internal error while fixing the file")
		}
	}()
	src, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		fx.out.Errors = append(fx.out.Errors, FileError{Path: path, Message: err.Error()})
		fx.leaveAll(findings, "the file could not be read again")
		return
	}
	if isGo(path) && (fx.goPass || hasGoFixes(findings)) {
		fx.goFile(path, src, findings)
		return
	}
	reported := map[findingKey]rules.Finding{}
	for _, f := range findings {
		reported[findingKey{f.Rule, f.Span}] = f
	}
	found, oldErrs := dispatch(path, src, false, nil)
	var cands []*candidate
	claimed := map[findingKey]bool{}
	if found != nil {
		for i := range found.Calls {
			call := &found.Calls[i]
			var mine []rules.Finding
			for _, f := range fx.cat.Check(call, fx.check) {
				k := findingKey{f.Rule, f.Span}
				if rf, ok := reported[k]; ok && !claimed[k] {
					claimed[k] = true
					mine = append(mine, rf)
				}
			}
			if len(mine) == 0 {
				continue // not reported (suppressed), or not a v1 call
			}
			c, reason := fx.plan(call, src, mine)
			if c == nil {
				fx.leaveAll(mine, reason)
				continue
			}
			cands = append(cands, c)
		}
	}
	for _, f := range findings {
		if !claimed[findingKey{f.Rule, f.Span}] {
			fx.leave(f, unclaimedReason(f))
		}
	}
	if len(cands) == 0 {
		return
	}
	kept, newSrc, failures := fx.verify(path, src, cands, len(oldErrs), fx.countFindings(found))
	for c, why := range failures {
		fx.leaveAll(c.findings, "the fix did not pass verification ("+why+"); change it by hand")
	}
	if len(kept) == 0 {
		return
	}
	for _, c := range kept {
		fx.attach(c, src)
		fx.out.Fixed = append(fx.out.Fixed, FixedCall{
			Path: path, Line: c.findings[0].Line, Operation: c.plan.Op.Name,
			Message: c.plan.Message, FollowUps: c.plan.FollowUps, Findings: len(c.findings),
			resolved: c.findings,
		})
	}
	fx.addFile(path, src, newSrc)
}

// unclaimedReason says why a finding no call of its file accounts for has
// no fix.
func unclaimedReason(f rules.Finding) string {
	if f.Rule == "ignore-unused" || f.Rule == "ignore-needs-reason" {
		return "a directive to edit by hand"
	}
	return "the call's URL starts from a base defined elsewhere (another file or a config value): move the base to v2 once every call using it is ready"
}

// plan works out one call's fix; nil and the reason when there is none.
func (fx *fixer) plan(call *rules.Call, src []byte, mine []rules.Finding) (c *candidate, reason string) {
	defer func() {
		if r := recover(); r != nil {
			c, reason = nil, fmt.Sprintf("internal error while planning the fix: %v", r)
		}
	}()
	p, err := fx.cat.Plan(call, src, fx.fo)
	if err != nil {
		return nil, err.Error()
	}
	if call.Fixer == nil {
		return nil, "migaudit does not edit calls written this way yet; the v2 request is " + p.Op.V2.Method + " " + p.URL
	}
	edits, err := call.Fixer.Fix(p)
	if err != nil {
		return nil, err.Error()
	}
	if len(edits) == 0 {
		return nil, "nothing to edit"
	}
	for _, e := range edits {
		if e.Span.Start < 0 || e.Span.End > len(src) || e.Span.End < e.Span.Start {
			return nil, "internal error: an edit outside the file"
		}
	}
	return &candidate{call: call, plan: p, edits: edits, findings: mine}, ""
}

// verify applies the candidates' edits and checks the result, dropping
// candidates until what remains passes. It returns the kept candidates,
// the new content and why each dropped one failed.
//
// oldErrs and oldFindings are how many reader errors and findings the
// file has as it is.
func (fx *fixer) verify(path string, src []byte, cands []*candidate, oldErrs, oldFindings int) ([]*candidate, []byte, map[*candidate]string) {
	failures := map[*candidate]string{}
	kept := append([]*candidate(nil), cands...)
	for len(kept) > 0 {
		var edits []rules.Edit
		for _, c := range kept {
			edits = append(edits, c.edits...)
		}
		newSrc, err := rewrite.Apply(src, edits)
		if err != nil {
			// Overlapping fixes: keep the first call, drop the one after.
			var ce *rewrite.ConflictError
			drop := kept[len(kept)-1]
			if errors.As(err, &ce) {
				drop = owner(kept, ce.B)
			}
			failures[drop] = "it overlaps another call's fix"
			kept = without(kept, drop)
			continue
		}
		if why := validFormat(path, src, newSrc); why != "" {
			if len(kept) == 1 {
				failures[kept[0]] = why
				return nil, nil, failures
			}
			// Find the culprit one call at a time.
			for _, c := range kept {
				one, _ := rewrite.Apply(src, c.edits)
				if one == nil || validFormat(path, src, one) != "" {
					failures[c] = why
					kept = without(kept, c)
				}
			}
			if len(kept) > 0 && len(failures) > 0 {
				continue
			}
			for _, c := range kept {
				failures[c] = why
			}
			return nil, nil, failures
		}
		found, newErrs := dispatch(path, newSrc, false, nil)
		if len(newErrs) > oldErrs {
			for _, c := range kept {
				failures[c] = "the file no longer reads: " + newErrs[0]
			}
			return nil, nil, failures
		}
		bad := false
		for _, c := range kept {
			at := shift(c.call.URLSpan().Start, edits)
			nc := callAt(found, at)
			if nc == nil {
				failures[c], bad = "the fixed call cannot be read back", true
				kept = without(kept, c)
				continue
			}
			if fs := fx.cat.Check(nc, fx.check); len(fs) > 0 {
				failures[c], bad = "it still reads as a v1 call: "+fs[0].Message, true
				kept = without(kept, c)
				continue
			}
			r, ok := nc.V2Request()
			if !ok {
				failures[c], bad = "it does not read as a v2 call", true
				kept = without(kept, c)
				continue
			}
			if probs := fx.cat.CheckV2(r); len(probs) > 0 {
				failures[c], bad = "the v2 reference would refuse it: "+strings.Join(probs, "; "), true
				kept = without(kept, c)
			}
		}
		if bad {
			continue
		}
		resolved := 0
		for _, c := range kept {
			resolved += len(c.findingsAll(fx))
		}
		if got := fx.countFindings(found); got != oldFindings-resolved {
			for _, c := range kept {
				failures[c] = fmt.Sprintf("other findings of the file changed (%d before, %d after, %d fixed)", oldFindings, got, resolved)
			}
			return nil, nil, failures
		}
		return kept, newSrc, failures
	}
	return nil, nil, failures
}

// findingsAll returns every finding the catalog makes about the candidate's
// call (suppressed ones too), which its fix resolves.
func (c *candidate) findingsAll(fx *fixer) []rules.Finding {
	return fx.cat.Check(c.call, fx.check)
}

// countFindings counts the catalog's findings about the calls found.
func (fx *fixer) countFindings(found *rules.Found) int {
	if found == nil {
		return 0
	}
	n := 0
	seen := map[findingKey]bool{}
	for i := range found.Calls {
		for _, f := range fx.cat.Check(&found.Calls[i], fx.check) {
			k := findingKey{f.Rule, f.Span}
			if !seen[k] {
				seen[k] = true
				n++
			}
		}
	}
	return n
}

// validFormat returns why new is not valid in a format old was valid in.
func validFormat(path string, old, new []byte) string {
	switch formatOf(path, old) {
	case fmtJSON:
		if json.Valid(old) && !json.Valid(new) {
			return "the JSON would no longer load"
		}
	case fmtYAML:
		if yamlLoads(old) && !yamlLoads(new) {
			return "the YAML would no longer load"
		}
	}
	return ""
}

func yamlLoads(src []byte) bool {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if err != nil {
			return err.Error() == "EOF"
		}
	}
}

// shift maps an offset of the old content to the new one.
func shift(off int, edits []rules.Edit) int {
	d := 0
	for _, e := range edits {
		if e.Span.End <= off && !(e.Span.Start == off && e.Span.End == off) {
			d += len(e.NewText) - (e.Span.End - e.Span.Start)
		}
	}
	return off + d
}

// callAt returns the call whose URL starts at off, else the call whose
// span holds off.
func callAt(f *rules.Found, off int) *rules.Call {
	if f == nil {
		return nil
	}
	var within *rules.Call
	for i := range f.Calls {
		c := &f.Calls[i]
		if c.URLSpan().Start == off {
			return c
		}
		if within == nil && c.Span.Start <= off && off < c.Span.End {
			within = c
		}
	}
	return within
}

func owner(cs []*candidate, e rules.Edit) *candidate {
	for i := len(cs) - 1; i >= 0; i-- {
		for _, x := range cs[i].edits {
			if x.Span == e.Span && x.NewText == e.NewText {
				return cs[i]
			}
		}
	}
	return cs[len(cs)-1]
}

func without(cs []*candidate, c *candidate) []*candidate {
	var out []*candidate
	for _, x := range cs {
		if x != c {
			out = append(out, x)
		}
	}
	return out
}

func (fx *fixer) leave(f rules.Finding, reason string) {
	fx.out.Left = append(fx.out.Left, LeftFinding{Finding: f, Reason: reason})
}

func (fx *fixer) leaveAll(fs []rules.Finding, reason string) {
	for _, f := range fs {
		fx.leave(f, reason)
	}
}

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

// addFile records a changed file, refusing one outside the roots.
func (fx *fixer) addFile(path string, old, new []byte) {
	if bytes.Equal(old, new) {
		return
	}
	abs, err := filepath.Abs(filepath.FromSlash(path))
	if err == nil {
		err = fx.inRoots(abs)
	}
	if err != nil {
		fx.out.Errors = append(fx.out.Errors, FileError{Path: path, Message: err.Error()})
		return
	}
	fx.out.Files = append(fx.out.Files, FileFix{Path: path, Abs: abs, Old: old, New: new})
}

// rootsOf returns the roots' real absolute paths (symbolic links resolved).
func rootsOf(roots []string) []string {
	var out []string
	for _, r := range roots {
		if abs, err := filepath.Abs(r); err == nil {
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				out = append(out, real)
			}
		}
	}
	return out
}

// inRoots refuses a file whose real path (links followed) is outside every
// root: a fix never writes through a link out of the scanned tree.
func (fx *fixer) inRoots(abs string) error {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return err
	}
	for _, r := range fx.roots {
		if real == r {
			return nil
		}
		if rel, err := filepath.Rel(r, real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil
		}
	}
	return fmt.Errorf("not written: it leads outside the scanned roots (to %s)", real)
}

// Write writes the changed files atomically. A file that changed since it
// was read, is read-only or fails to write stays as it was: it moves from
// Files to Errors, and its fixed calls' findings to Left.
func (r *FixResult) Write() {
	var files []FileFix
	failed := map[string]string{}
	for _, f := range r.Files {
		cur, err := os.ReadFile(f.Abs)
		switch {
		case err != nil:
		case !bytes.Equal(cur, f.Old):
			err = fmt.Errorf("changed since it was read; run fix again")
		default:
			err = rewrite.WriteFile(f.Abs, f.New)
		}
		if err != nil {
			msg := strings.TrimPrefix(err.Error(), f.Abs+": ")
			failed[f.Path] = msg
			r.Errors = append(r.Errors, FileError{Path: f.Path, Message: msg})
			continue
		}
		files = append(files, f)
	}
	if len(failed) == 0 {
		return
	}
	r.Files = files
	var fixed []FixedCall
	for _, c := range r.Fixed {
		msg, ok := failed[c.Path]
		if !ok {
			fixed = append(fixed, c)
			continue
		}
		for _, f := range c.resolved {
			r.Left = append(r.Left, LeftFinding{Finding: f, Reason: "the fix could not be written: " + msg})
		}
	}
	r.Fixed = fixed
}

// Diff renders the changes as one unified diff with git-style a/ and b/
// paths relative to dir (normally the current directory), which `git apply`
// takes.
func (r *FixResult) Diff(dir string) string {
	var b strings.Builder
	for _, f := range r.Files {
		name := f.Path
		if rel, err := filepath.Rel(dir, f.Abs); err == nil {
			name = filepath.ToSlash(rel)
		}
		b.WriteString(rewrite.UnifiedDiff(name, f.Old, f.New))
	}
	return b.String()
}
