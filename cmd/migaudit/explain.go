package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

const explainArgs = "[--rules FILE]... RULE-ID"

func runExplain(args []string, stdout, stderr io.Writer) int {
	var ruleFiles repeatFlag
	var configFile string
	fs := newFlagSet("explain", stderr)
	fs.Var(&ruleFiles, "rules", "load extra rules from `FILE` (repeatable)")
	fs.StringVar(&configFile, "config", "", "read extra rule files from this config `FILE` (default: "+defaultConfig+" when present)")
	pos, code, ok := parseCommandLine(fs, explainArgs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "migaudit: explain takes one rule ID ('migaudit rules' lists them)")
		printUsage(stderr, fs, explainArgs)
		return exitUsage
	}
	catalog, err := catalogFromConfig(configFile, ruleFiles.items)
	if err != nil {
		fmt.Fprintf(stderr, "migaudit: %v\n", err)
		return exitUsage
	}
	id := pos[0]
	r := catalog.Rule(id)
	if r == nil {
		fmt.Fprintf(stderr, "migaudit: unknown rule %s\n", id)
		if near := closeMatches(id, catalog.Rules()); len(near) > 0 {
			fmt.Fprintf(stderr, "did you mean %s?\n", strings.Join(near, ", "))
		} else {
			fmt.Fprintln(stderr, "'migaudit rules' lists the rules")
		}
		return exitUsage
	}
	writeRule(stdout, r)
	return exitOK
}

// writeRule prints everything the catalog says about one rule.
func writeRule(w io.Writer, r *rules.Rule) {
	fmt.Fprintf(w, "%s: %s\n\n", r.ID, r.Title)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(w, "  %-10s %s\n", name+":", value)
		}
	}
	field("severity", string(r.Severity))
	field("kind", r.Kind)
	field("guide", r.Guide)
	if op := r.Operation; op != nil {
		field("operation", fmt.Sprintf("%s (%s %s) → %s (%s %s)", op.Name, op.V1.Method, op.V1.Path, op.V2.Name, op.V2.Method, op.V2.Path))
	} else {
		field("operation", "any v1 call")
	}
	field("source", r.Source)
	fmt.Fprintln(w)
	for _, line := range strings.Split(strings.TrimRight(r.Text, "\n"), "\n") {
		fmt.Fprintln(w, strings.TrimRight("  "+line, " "))
	}
}

// closeMatches returns up to five rule IDs that look like id: IDs that
// contain it or that it contains, then those a few edits away.
func closeMatches(id string, all []*rules.Rule) []string {
	type cand struct {
		id   string
		dist int
	}
	lower := strings.ToLower(id)
	var cands []cand
	for _, r := range all {
		other := strings.ToLower(r.ID)
		d := editDistance(lower, other)
		if lower != "" && (strings.Contains(other, lower) || strings.Contains(lower, other)) {
			d = 0
		}
		if d <= max(2, len(lower)/4) {
			cands = append(cands, cand{r.ID, d})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	var out []string
	for i := 0; i < len(cands) && i < 5; i++ {
		out = append(out, cands[i].id)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
