package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/migaudit/migaudit/rules"
)

const rulesArgs = "[--format text|json] [--rules FILE]..."

// ruleJSON is one rule in `migaudit rules --format json`.
type ruleJSON struct {
	*rules.Rule
	// Operation is the v1 operation name, "" for rules that apply to every
	// v1 call.
	Operation string          `json:"operation"`
	V1        *rules.Endpoint `json:"v1,omitempty"`
	V2        *rules.Endpoint `json:"v2,omitempty"`
}

func runRules(args []string, stdout, stderr io.Writer) int {
	format := choiceFlag{value: "text", choices: formatChoices}
	var ruleFiles repeatFlag
	var configFile string
	fs := newFlagSet("rules", stderr)
	fs.Var(&format, "format", "output `format`: text or json")
	fs.Var(&ruleFiles, "rules", "load extra rules from `FILE` (repeatable)")
	fs.StringVar(&configFile, "config", "", "read extra rule files from this config `FILE` (default: "+defaultConfig+" when present)")
	pos, code, ok := parseCommandLine(fs, rulesArgs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "migaudit: rules takes no arguments (did you mean 'migaudit explain %s'?)\n", pos[0])
		return exitUsage
	}
	catalog, err := catalogFromConfig(configFile, ruleFiles.items)
	if err != nil {
		fmt.Fprintf(stderr, "migaudit: %v\n", err)
		return exitUsage
	}
	all := catalog.Rules()
	if format.value == "json" {
		out := make([]ruleJSON, 0, len(all))
		for _, r := range all {
			j := ruleJSON{Rule: r}
			if op := r.Operation; op != nil {
				j.Operation, j.V1, j.V2 = op.Name, &op.V1, &op.V2
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "migaudit: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tOPERATION\tTITLE")
	for _, r := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, ruleOperation(r), r.Title)
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "migaudit: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// ruleOperation names the v1 operation a rule belongs to; rules shared by
// every guide apply to any v1 call.
func ruleOperation(r *rules.Rule) string {
	if r.Operation == nil {
		return "(any)"
	}
	return r.Operation.Name
}

// catalogFromConfig loads the catalog with the rule files of the config
// (explicit, or the default one when present) and of the command line.
func catalogFromConfig(configFile string, files []string) (*rules.Catalog, error) {
	cfg, err := scanConfig(configFile)
	if err != nil {
		return nil, err
	}
	return loadCatalog(concat(cfg.Rules, files))
}
