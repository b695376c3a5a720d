package rules

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
