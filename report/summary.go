// Package report renders scan results for people (Text), for machines
// (JSON), for SARIF consumers such as GitHub code scanning (SARIF) and as
// GitHub Actions annotations (GitHub). It knows nothing of file formats: it
// only sees Findings and file errors.
package report

import (
	"sort"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

// NoGuide is the operation name the text summary gives findings that no
// migration guide covers (their Operation is empty).
const NoGuide = "no migration guide"

// Summary is the tally of a scan.
type Summary struct {
	// Files counts the files scanned.
	Files int `json:"files"`
	// Findings counts every finding; BySeverity splits them.
	Findings   int        `json:"findings"`
	BySeverity BySeverity `json:"bySeverity"`
	// ByOperation counts findings by v1 operation name; findings with no
	// operation (no migration guide covers them) are counted under "".
	ByOperation []OperationCount `json:"byOperation"`
	// Fixable counts the findings that carry a fix.
	Fixable int `json:"fixable"`
	// Errors counts the files that could not be read or parsed.
	Errors int `json:"errors"`
}

// BySeverity counts findings by severity.
type BySeverity struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// OperationCount is how many findings one v1 operation has.
type OperationCount struct {
	// Operation is the v1 operation name, "" when no guide covers the call.
	Operation string `json:"operation"`
	Count     int    `json:"count"`
}

// Summarize tallies a result. Operations come most findings first, by name
// on ties, with the unmapped ones ("") last.
func Summarize(res *analyzer.Result) Summary {
	s := Summary{Files: res.Files, Findings: len(res.Findings), Errors: len(res.Errors), ByOperation: []OperationCount{}}
	byOp := map[string]int{}
	for _, f := range res.Findings {
		switch f.Severity {
		case rules.Error:
			s.BySeverity.Error++
		case rules.Warning:
			s.BySeverity.Warning++
		case rules.Info:
			s.BySeverity.Info++
		}
		byOp[f.Operation]++
		if f.Fix != nil {
			s.Fixable++
		}
	}
	for op, n := range byOp {
		s.ByOperation = append(s.ByOperation, OperationCount{op, n})
	}
	sort.Slice(s.ByOperation, func(i, j int) bool {
		a, b := s.ByOperation[i], s.ByOperation[j]
		if (a.Operation == "") != (b.Operation == "") {
			return b.Operation == ""
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Operation < b.Operation
	})
	return s
}
