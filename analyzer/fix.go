package analyzer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

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

func (fx *fixer) leave(f rules.Finding, reason string) {
	fx.out.Left = append(fx.out.Left, LeftFinding{Finding: f, Reason: reason})
}

func (fx *fixer) leaveAll(fs []rules.Finding, reason string) {
	for _, f := range fs {
		fx.leave(f, reason)
	}
}
