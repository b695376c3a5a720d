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
	sups := map[string][]rules.Suppression{}
	for _, w := range ws {
		for path, s := range w.suppressions {
			sups[path] = s
		}
	}
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
		r.Notes = append(r.Notes, w.notes...)
	}
	if len(sups) > 0 {
		r.Findings = s.suppress(r.Findings, sups)
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
	slices.SortFunc(r.Notes, func(a, b FileError) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Message, b.Message))
	})
	r.Notes = slices.Compact(r.Notes)
	return r
}

// suppress applies each file's migaudit:ignore directives to its findings.
func (s *scan) suppress(fs []rules.Finding, sups map[string][]rules.Suppression) []rules.Finding {
	byPath := map[string][]rules.Finding{}
	var out []rules.Finding
	for _, f := range fs {
		if _, ok := sups[f.Path]; ok {
			byPath[f.Path] = append(byPath[f.Path], f)
		} else {
			out = append(out, f)
		}
	}
	for path, list := range sups {
		out = append(out, s.opt.Catalog.Suppress(path, list, byPath[path])...)
	}
	return out
}
