package rules

import "sort"

// Finding is one thing a rule says about a call. Its JSON form is the
// machine contract of `migaudit scan --format json`.
type Finding struct {
	Rule      string   `json:"rule"`
	Severity  Severity `json:"severity"`
	Operation string   `json:"operation"`
	Path      string   `json:"path"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"endLine"`
	EndColumn int      `json:"endColumn"`
	Message   string   `json:"message"`
	Fix       *Fix     `json:"fix,omitempty"`
	// Unfixed says why a finding has no fix, where its reader knows (the Go
	// pass); not part of the JSON contract.
	Unfixed string `json:"-"`

	// Span is where the finding sits in the file; Locate turns it into
	// lines and columns.
	Span Span `json:"-"`
}

// Fix is a change that resolves a finding: edits in the finding's file only,
// none overlapping.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Edit replaces the text at Span with NewText.
type Edit struct {
	Span      Span   `json:"-"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	NewText   string `json:"newText"`
}

// Locate fills the line and column fields of f and its fix from their spans.
func (f *Finding) Locate(l *Lines) {
	f.Line, f.Column = l.Position(f.Span.Start)
	f.EndLine, f.EndColumn = l.Position(f.Span.End)
	if f.Fix != nil {
		for i := range f.Fix.Edits {
			e := &f.Fix.Edits[i]
			e.Line, e.Column = l.Position(e.Span.Start)
			e.EndLine, e.EndColumn = l.Position(e.Span.End)
		}
	}
}

// MergeEdits sorts edits and joins those that touch (an insertion at the
// edge of a deletion, two insertions at one point in the order given), so
// that no two share an offset, as a Fixer's result must; overlapping edits
// are an error (an *Unfixable).
func MergeEdits(es []Edit) ([]Edit, error) {
	sorted := append([]Edit(nil), es...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Span.Start != sorted[j].Span.Start {
			return sorted[i].Span.Start < sorted[j].Span.Start
		}
		return sorted[i].Span.End < sorted[j].Span.End
	})
	var out []Edit
	for _, e := range sorted {
		if n := len(out) - 1; n >= 0 {
			last := &out[n]
			switch {
			case e.Span.Start == last.Span.End:
				last.Span.End = e.Span.End
				last.NewText += e.NewText
				continue
			case e.Span.Start < last.Span.End:
				return nil, &Unfixable{Reason: "two changes to the call overlap"}
			}
		}
		out = append(out, e)
	}
	return out, nil
}
