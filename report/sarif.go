package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

// SARIF constants: the schema of version 2.1.0, and the base every relative
// path is resolved against (the consumer maps it to the checkout).
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
	// InformationURI is where SARIF consumers link the tool.
	InformationURI = "https://github.com/migaudit/migaudit"
)

// SARIFOptions tune the SARIF report.
type SARIFOptions struct {
	// Version is the tool's version; "devel" when empty.
	Version string
	// Rules describe the rules of the findings (the loaded catalog's
	// rules); a finding whose rule is not among them gets a descriptor
	// with its ID only.
	Rules []*rules.Rule
	// ReadFile, when set, reads a finding's file so byte columns become
	// the UTF-16 columns SARIF counts in (they differ on lines with
	// non-ASCII text before the column). Without it, or when the file
	// cannot be read, columns stay byte columns.
	ReadFile func(path string) ([]byte, error)
}

// The subset of SARIF 2.1.0 migaudit writes; optional fields it always
// knows are written even when empty (arrays, not null), so consumers and
// tests can rely on them.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Results     []sarifResult     `json:"results"`
		ColumnKind  string            `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string         `json:"id"`
		ShortDescription     *sarifMessage  `json:"shortDescription,omitempty"`
		FullDescription      *sarifMessage  `json:"fullDescription,omitempty"`
		DefaultConfiguration *sarifConfig   `json:"defaultConfiguration,omitempty"`
		Properties           *sarifRuleProp `json:"properties,omitempty"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifRuleProp struct {
		Tags []string `json:"tags"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifMessage      `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion  `json:"deletedRegion"`
		InsertedContent sarifMessage `json:"insertedContent"`
	}
)

// SARIF writes the result as a SARIF 2.1.0 log with one run, for GitHub code
// scanning and other SARIF consumers. The driver describes the rules that
// have findings; each finding is a result whose location is relative to
// %SRCROOT% (absolute paths become file URIs); a fix becomes a SARIF fix.
// Files that could not be read are error notifications of the invocation,
// which still counts as successful: the scan ran and reported them.
// Columns count UTF-16 code units when opt.ReadFile is set (see there).
func SARIF(w io.Writer, res *analyzer.Result, opt SARIFOptions) error {
	version := opt.Version
	if version == "" {
		version = "devel"
	}
	known := map[string]*rules.Rule{}
	for _, r := range opt.Rules {
		known[r.ID] = r
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: "migaudit", InformationURI: InformationURI, Version: version, Rules: []sarifRule{}}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true, ToolExecutionNotifications: []sarifNotification{}}},
		Results:     []sarifResult{},
		ColumnKind:  "utf16CodeUnits",
	}
	cols := columns{read: opt.ReadFile, files: map[string]*utf16Lines{}}
	index := map[string]int{}
	seen := map[string]int{}
	for _, f := range res.Findings {
		i, ok := index[f.Rule]
		if !ok {
			i = len(run.Tool.Driver.Rules)
			index[f.Rule] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifDescriptor(f, known[f.Rule]))
		}
		art := sarifArtifactOf(f.Path)
		r := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: i,
			Level:     sarifLevel(f.Severity),
			Message:   sarifMessage{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: art,
				Region:           cols.region(f.Path, f.Line, f.Column, f.EndLine, f.EndColumn),
			}}},
			PartialFingerprints: map[string]string{"migaudit/v1": fingerprint(f, seen)},
		}
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			change := sarifArtifactChange{ArtifactLocation: art}
			for _, e := range f.Fix.Edits {
				change.Replacements = append(change.Replacements, sarifReplacement{
					DeletedRegion:   *cols.region(f.Path, e.Line, e.Column, e.EndLine, e.EndColumn),
					InsertedContent: sarifMessage{Text: e.NewText},
				})
			}
			r.Fixes = []sarifFix{{Description: sarifMessage{Text: f.Fix.Message}, ArtifactChanges: []sarifArtifactChange{change}}}
		}
		run.Results = append(run.Results, r)
	}
	for _, e := range res.Errors {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, sarifNotification{
			Level:     "error",
			Message:   sarifMessage{Text: e.Path + ": " + e.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifactOf(e.Path)}}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifDescriptor describes a finding's rule: from the catalog when it is
// there, else from the finding itself.
func sarifDescriptor(f rules.Finding, r *rules.Rule) sarifRule {
	d := sarifRule{ID: f.Rule, DefaultConfiguration: &sarifConfig{Level: sarifLevel(f.Severity)}}
	op := f.Operation
	if r != nil {
		if r.Title != "" {
			d.ShortDescription = &sarifMessage{Text: r.Title}
		}
		if r.Text != "" {
			d.FullDescription = &sarifMessage{Text: unwrap(r.Text)}
		}
		if r.Severity != "" {
			d.DefaultConfiguration.Level = sarifLevel(r.Severity)
		}
		// A common rule (credentials, unmapped calls) spans operations.
		op = ""
		if r.Operation != nil {
			op = r.Operation.Name
		}
	}
	tags := []string{"360learning-api-v1"}
	if op != "" {
		tags = append(tags, op)
	}
	d.Properties = &sarifRuleProp{Tags: tags}
	return d
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

// sarifArtifactOf locates a file: a relative path, slash-separated and
// escaped, against %SRCROOT%; an absolute one as a file URI.
func sarifArtifactOf(path string) sarifArtifact {
	slashed := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(slashed, "/") { // a Windows drive
			slashed = "/" + slashed
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: slashed}).String()}
	}
	slashed = strings.TrimPrefix(slashed, "./")
	return sarifArtifact{URI: (&url.URL{Path: slashed}).EscapedPath(), URIBaseID: srcRoot}
}

// fingerprint identifies a finding across runs without its line number, so
// adding lines above it keeps its alerts: the rule, the path and the
// message, with a count for repeats within the file.
func fingerprint(f rules.Finding, seen map[string]int) string {
	sum := sha256.Sum256([]byte(f.Rule + "\x00" + filepath.ToSlash(f.Path) + "\x00" + f.Message))
	key := hex.EncodeToString(sum[:8])
	seen[key]++
	return key + ":" + strconv.Itoa(seen[key])
}

// unwrap joins the hard-wrapped lines of a catalog text, keeping its
// paragraphs.
func unwrap(text string) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}
