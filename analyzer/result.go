package analyzer

import (
	"cmp"
	"slices"

	"github.com/migaudit/migaudit/rules"
)

// result merges the workers' findings and errors: duplicates (one rule at
// one span of one file, found twice, e.g. by two readers) are dropped, and
// both lists are sorted.
func (s *scan) result(ws []*worker) *Result {
	r := &Result{}
	type key struct {
		rule, path string
		span       rules.Span
	}
	seen := map[key]bool{}
	for _, w := range ws {
		r.Files += w.files
		r.Candidates += w.candidates
		for _, f := range w.findings {
			k := key{f.Rule, f.Path, f.Span}
			if seen[k] {
				continue
			}
			seen[k] = true
			r.Findings = append(r.Findings, f)
		}
		r.Errors = append(r.Errors, w.errors...)
	}
	slices.SortFunc(r.Findings, func(a, b rules.Finding) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.EndLine, b.EndLine),
			cmp.Compare(a.EndColumn, b.EndColumn),
		)
	})
	slices.SortFunc(r.Errors, func(a, b FileError) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Message, b.Message))
	})
	r.Errors = slices.Compact(r.Errors)
	return r
}
