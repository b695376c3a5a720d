package report

import (
	"encoding/json"
	"io"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

// jsonReport is the machine contract of `migaudit scan --format json`.
type jsonReport struct {
	Findings []rules.Finding      `json:"findings"`
	Errors   []analyzer.FileError `json:"errors"`
	// Notes appear only when there are some (a Go module read as text
	// because the default Go pass could not load it).
	Notes   []analyzer.FileError `json:"notes,omitempty"`
	Summary Summary              `json:"summary"`
}

// JSON writes the result as one JSON document, indented by two spaces:
// {"findings": […], "errors": […], "summary": {…}}. Both lists are always
// arrays, empty rather than null.
func JSON(w io.Writer, res *analyzer.Result) error {
	r := jsonReport{Findings: res.Findings, Errors: res.Errors, Notes: res.Notes, Summary: Summarize(res)}
	if r.Findings == nil {
		r.Findings = []rules.Finding{}
	}
	if r.Errors == nil {
		r.Errors = []analyzer.FileError{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
