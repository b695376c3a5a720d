package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/report"
	"github.com/migaudit/migaudit/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sarifDoc is the part of SARIF 2.1.0 consumers rely on, decoded strictly
// enough to catch a missing or misnamed field.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				InformationURI string `json:"informationUri"`
				Version        string `json:"version"`
				Rules          []struct {
					ID                   string                  `json:"id"`
					ShortDescription     *struct{ Text string }  `json:"shortDescription"`
					FullDescription      *struct{ Text string }  `json:"fullDescription"`
					DefaultConfiguration struct{ Level string }  `json:"defaultConfiguration"`
					Properties           struct{ Tags []string } `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful        *bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level     string
				Message   struct{ Text string }
				Locations []sarifLoc
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID              string                `json:"ruleId"`
			RuleIndex           *int                  `json:"ruleIndex"`
			Level               string                `json:"level"`
			Message             struct{ Text string } `json:"message"`
			Locations           []sarifLoc            `json:"locations"`
			PartialFingerprints map[string]string     `json:"partialFingerprints"`
			Fixes               []struct {
				Description     struct{ Text string } `json:"description"`
				ArtifactChanges []struct {
					ArtifactLocation sarifArtifact `json:"artifactLocation"`
					Replacements     []struct {
						DeletedRegion   sarifRegion            `json:"deletedRegion"`
						InsertedContent *struct{ Text string } `json:"insertedContent"`
					} `json:"replacements"`
				} `json:"artifactChanges"`
			} `json:"fixes"`
		} `json:"results"`
	} `json:"runs"`
}

type sarifLoc struct {
	PhysicalLocation struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region"`
	} `json:"physicalLocation"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine, StartColumn, EndLine, EndColumn int
}

func sampleRules() []*rules.Rule {
	op := &rules.Operation{Name: "getUsers"}
	return []*rules.Rule{
		{ID: "list-users-endpoint", Severity: rules.Error, Title: "getUsers moves to GET /api/v2/users", Text: "Endpoint mapping: /api/v1/users\nbecomes /api/v2/users.\n\nThe method stays GET.\n", Operation: op},
		{ID: "list-users-pagination", Severity: rules.Warning, Title: "v2 pages", Text: "Paginated.", Operation: op},
		{ID: "v1-credentials", Severity: rules.Error, Title: "v1 credentials", Text: "Use a token."},
		{ID: "unused-rule", Severity: rules.Info, Title: "never found", Operation: op},
	}
}

func decodeSARIF(t *testing.T, b []byte) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b)
	}
	if doc.Version != "2.1.0" || !strings.Contains(doc.Schema, "sarif-2.1.0") || len(doc.Runs) != 1 {
		t.Fatalf("version %q, schema %q, %d runs", doc.Version, doc.Schema, len(doc.Runs))
	}
	return doc
}

func TestSARIF(t *testing.T) {
	var b bytes.Buffer
	if err := report.SARIF(&b, sample(), report.SARIFOptions{Version: "v1.2.3", Rules: sampleRules()}); err != nil {
		t.Fatal(err)
	}
	doc := decodeSARIF(t, b.Bytes())
	run := doc.Runs[0]
	d := run.Tool.Driver
	if d.Name != "migaudit" || d.Version != "v1.2.3" || !strings.HasPrefix(d.InformationURI, "https://") {
		t.Errorf("driver = %+v", d)
	}
	// One descriptor per rule with findings, in order of first finding.
	var ids []string
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
	}
	if got, want := strings.Join(ids, " "), "list-users-endpoint list-users-deleted list-users-pagination v1-endpoint-unmapped list-users-deleted-added"; got != want {
		t.Errorf("rules = %s, want %s", got, want)
	}
	ep := d.Rules[0]
	if ep.ShortDescription == nil || ep.ShortDescription.Text != "getUsers moves to GET /api/v2/users" ||
		ep.FullDescription == nil || ep.FullDescription.Text != "Endpoint mapping: /api/v1/users becomes /api/v2/users.\n\nThe method stays GET." ||
		ep.DefaultConfiguration.Level != "error" || strings.Join(ep.Properties.Tags, ",") != "360learning-api-v1,getUsers" {
		t.Errorf("endpoint rule = %+v", ep)
	}
	if r := d.Rules[2]; r.DefaultConfiguration.Level != "warning" {
		t.Errorf("pagination rule level = %q", r.DefaultConfiguration.Level)
	}
	// A rule missing from the catalog still gets a descriptor, from its finding.
	if r := d.Rules[4]; r.ShortDescription != nil || r.DefaultConfiguration.Level != "note" {
		t.Errorf("unknown rule = %+v", r)
	}

	if len(run.Results) != 5 {
		t.Fatalf("%d results, want 5", len(run.Results))
	}
	wantLevels := []string{"error", "error", "warning", "error", "note"}
	for i, r := range run.Results {
		if r.Level != wantLevels[i] {
			t.Errorf("result %d level = %q, want %q", i, r.Level, wantLevels[i])
		}
		if r.RuleIndex == nil || d.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex does not point at %s", i, r.RuleID)
		}
		if r.Message.Text == "" || len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.Region == nil {
			t.Errorf("result %d lacks message or region: %+v", i, r)
		}
		if r.PartialFingerprints["migaudit/v1"] == "" {
			t.Errorf("result %d has no fingerprint", i)
		}
	}
	loc := run.Results[0].Locations[0].PhysicalLocation
	if loc.ArtifactLocation != (sarifArtifact{"scripts/sync.sh", "%SRCROOT%"}) || *loc.Region != (sarifRegion{4, 9, 4, 60}) {
		t.Errorf("location = %+v %+v", loc.ArtifactLocation, *loc.Region)
	}
	if run.Results[3].Message.Text != "v1 call\nacross lines" {
		t.Errorf("message = %q", run.Results[3].Message.Text)
	}

	fix := run.Results[1].Fixes
	if len(fix) != 1 || fix[0].Description.Text != "remove deleted" || len(fix[0].ArtifactChanges) != 1 {
		t.Fatalf("fixes = %+v", fix)
	}
	ch := fix[0].ArtifactChanges[0]
	if ch.ArtifactLocation.URI != "scripts/sync.sh" || len(ch.Replacements) != 1 ||
		ch.Replacements[0].DeletedRegion != (sarifRegion{4, 60, 4, 73}) ||
		ch.Replacements[0].InsertedContent == nil || ch.Replacements[0].InsertedContent.Text != "" {
		t.Errorf("fix change = %+v", ch)
	}
	if run.Results[0].Fixes != nil {
		t.Errorf("a finding without a fix has fixes")
	}

	inv := run.Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful == nil || !*inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 1 {
		t.Fatalf("invocations = %+v", inv)
	}
	n := inv[0].ToolExecutionNotifications[0]
	if n.Level != "error" || !strings.Contains(n.Message.Text, "invalid JSON at line 3") ||
		n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "postman/broken.json" {
		t.Errorf("notification = %+v", n)
	}

	golden := filepath.Join("testdata", "sample.sarif")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("SARIF differs from %s (go test ./report -update):\n%s", golden, b.String())
	}
}

func TestSARIFEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := report.SARIF(&b, &analyzer.Result{Files: 2}, report.SARIFOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`"results": []`, `"rules": []`, `"toolExecutionNotifications": []`, `"version": "devel"`} {
		if !strings.Contains(out, want) {
			t.Errorf("empty log lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "null") {
		t.Errorf("empty log has null:\n%s", out)
	}
	decodeSARIF(t, b.Bytes())
}

func TestSARIFPaths(t *testing.T) {
	abs, _ := filepath.Abs(filepath.Join("x", "ops scripts", "sync.sh"))
	res := &analyzer.Result{Findings: []rules.Finding{
		{Rule: "r", Severity: rules.Info, Path: filepath.Join(".", "ops scripts", "a#b.sh"), Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: "m"},
		{Rule: "r", Severity: rules.Info, Path: abs, Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: "m"},
	}}
	var b bytes.Buffer
	report.SARIF(&b, res, report.SARIFOptions{})
	doc := decodeSARIF(t, b.Bytes())
	rel := doc.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	if rel != (sarifArtifact{"ops%20scripts/a%23b.sh", "%SRCROOT%"}) {
		t.Errorf("relative path = %+v", rel)
	}
	a := doc.Runs[0].Results[1].Locations[0].PhysicalLocation.ArtifactLocation
	if !strings.HasPrefix(a.URI, "file:///") || !strings.HasSuffix(a.URI, "/x/ops%20scripts/sync.sh") || a.URIBaseID != "" {
		t.Errorf("absolute path = %+v", a)
	}
}

// Byte columns become UTF-16 columns when the file is at hand: "é" is two
// bytes but one UTF-16 unit, "𝄞" four bytes but two units.
func TestSARIFColumnsUTF16(t *testing.T) {
	src := "# café 𝄞\ncurl \"x\" # é https://acme.360learning.com/api/v1/users\n"
	start := strings.Index(strings.Split(src, "\n")[1], "https") + 1
	res := &analyzer.Result{Findings: []rules.Finding{
		{Rule: "r", Severity: rules.Error, Path: "a.sh", Line: 2, Column: start, EndLine: 2, EndColumn: start + 5, Message: "m"},
		{Rule: "r", Severity: rules.Error, Path: "a.sh", Line: 1, Column: 9, EndLine: 1, EndColumn: 13, Message: "m2"},
		{Rule: "r", Severity: rules.Error, Path: "gone.sh", Line: 1, Column: 7, EndLine: 1, EndColumn: 9, Message: "m"},
	}}
	read := func(p string) ([]byte, error) {
		if p == "a.sh" {
			return []byte(src), nil
		}
		return nil, errors.New("no such file")
	}
	var b bytes.Buffer
	report.SARIF(&b, res, report.SARIFOptions{ReadFile: read})
	doc := decodeSARIF(t, b.Bytes())
	regions := []sarifRegion{}
	for _, r := range doc.Runs[0].Results {
		regions = append(regions, *r.Locations[0].PhysicalLocation.Region)
	}
	want := []sarifRegion{{2, start - 1, 2, start + 4}, {1, 8, 1, 10}, {1, 7, 1, 9}}
	for i := range want {
		if regions[i] != want[i] {
			t.Errorf("region %d = %+v, want %+v", i, regions[i], want[i])
		}
	}
}

// A fingerprint survives lines added above the finding; identical findings
// in one file still get distinct ones.
func TestSARIFFingerprints(t *testing.T) {
	at := func(lines ...int) []string {
		res := &analyzer.Result{}
		for _, l := range lines {
			res.Findings = append(res.Findings, rules.Finding{Rule: "v1-credentials", Severity: rules.Error, Path: "a.sh", Line: l, Column: 1, EndLine: l, EndColumn: 5, Message: "v1 credentials"})
		}
		var b bytes.Buffer
		report.SARIF(&b, res, report.SARIFOptions{})
		var fps []string
		for _, r := range decodeSARIF(t, b.Bytes()).Runs[0].Results {
			fps = append(fps, r.PartialFingerprints["migaudit/v1"])
		}
		return fps
	}
	before, after := at(4, 9), at(6, 11)
	if before[0] != after[0] || before[1] != after[1] {
		t.Errorf("fingerprints moved with the lines: %v, then %v", before, after)
	}
	if before[0] == before[1] {
		t.Errorf("two findings share fingerprint %s", before[0])
	}
}
