package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

const fixArgs = "[flags] [PATH...]"

// fixFlags are the flags of fix: scan's selection flags and the answers
// a person gives the fixes.
type fixFlags struct {
	hosts                       listFlag
	ruleFiles, include, exclude repeatFlag
	noIgnore, noDefaultExcludes bool
	goPass                      goModeFlag
	maxSize                     sizeFlag
	jobs                        int
	config                      string

	diff      bool
	patch     string
	userMap   string
	groupRole string
	token     string
	format    choiceFlag
}

func newFixFlags(stderr io.Writer) (*flag.FlagSet, *fixFlags) {
	f := &fixFlags{format: choiceFlag{value: "text", choices: []string{"text", "json"}}}
	fs := newFlagSet("fix", stderr)
	fs.BoolVar(&f.diff, "diff", false, "print the fixes as a unified diff (git apply takes it) instead of changing files")
	fs.StringVar(&f.patch, "patch", "", "write the fixes as a unified diff to `FILE` instead of changing files")
	fs.StringVar(&f.userMap, "user-map", "", "map users' mails to internal IDs with `FILE`: a saved List all users response (JSON, _id and mail) or a CSV of mail,id")
	fs.StringVar(&f.groupRole, "group-role", "", "the `ROLE` Remove a user's role withdraws (the v2 path's {role}: "+strings.Join(roleValues(), ", ")+")")
	fs.StringVar(&f.token, "token", "", "the `TEXT` sent after \"Authorization: Bearer\" (default: each format's placeholder, ${ACCESS_TOKEN} in shell, {{accessToken}} in Postman and .http files, {{ access_token }} in Ansible)")
	fs.Var(&f.format, "format", "summary `format`: text or json")
	fs.Var(&f.hosts, "host", "a 360Learning `host` pattern besides *.360learning.com (repeatable, comma-separated)")
	fs.Var(&f.ruleFiles, "rules", "load extra rules from `FILE` (repeatable)")
	fs.Var(&f.include, "include", "fix only files matching this doublestar `glob` (repeatable; relative to each PATH)")
	fs.Var(&f.exclude, "exclude", "skip files matching this doublestar `glob` (repeatable)")
	fs.BoolVar(&f.noIgnore, "no-ignore", false, "read files that .gitignore excludes")
	fs.BoolVar(&f.noDefaultExcludes, "no-default-excludes", false, "read vendored trees too (node_modules, vendor)")
	fs.Var(&f.goPass, "go", "fix .go files of Go modules with the type-aware pass's suggested fixes: auto (default), true, or false (read them as text and leave them)")
	fs.Var(&f.maxSize, "max-size", "largest `size` of file read (default 10MiB)")
	fs.IntVar(&f.jobs, "jobs", 0, "files read at once (default: the number of CPUs)")
	fs.StringVar(&f.config, "config", "", "read settings from `FILE` (default: "+defaultConfig+" in the current directory, when present)")
	return fs, f
}

// roleValues are the roles the v2 reference allows in Remove a user's role.
func roleValues() []string {
	c, err := rules.Default()
	if err != nil {
		return nil
	}
	for _, op := range c.Operations {
		if r := op.Rule("path-added"); r != nil {
			return c.ParamValues(op.V2.Method, op.V2.Path, r.Param)
		}
	}
	return nil
}

func runFix(args []string, stdout, stderr io.Writer) int {
	fs, f := newFixFlags(stderr)
	roots, code, ok := parseCommandLine(fs, fixArgs, args, stdout, stderr)
	if !ok {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "migaudit: "+format+"\n", a...)
		return exitUsage
	}
	if f.jobs < 0 {
		return fail("--jobs must be 0 or more, not %d", f.jobs)
	}
	if f.diff && f.patch != "" {
		return fail("--diff and --patch both ask for a diff: give one")
	}
	cfg, err := scanConfig(f.config)
	if err != nil {
		return fail("%v", err)
	}
	for _, g := range concat(f.include.items, f.exclude.items) {
		if !doublestar.ValidatePattern(g) {
			return fail("invalid glob %q", g)
		}
	}
	catalog, err := loadCatalog(concat(cfg.Rules, f.ruleFiles.items))
	if err != nil {
		return fail("%v", err)
	}
	fo := rules.FixOptions{GroupRole: f.groupRole, Token: f.token}
	if f.groupRole != "" {
		if roles := roleValues(); len(roles) > 0 && !contains(roles, f.groupRole) {
			return fail("--group-role %s is not a role of the v2 reference: one of %s", f.groupRole, strings.Join(roles, ", "))
		}
	}
	if strings.ContainsAny(f.token, "\n\r") {
		return fail("--token must be one line")
	}
	if f.userMap != "" {
		data, err := os.ReadFile(f.userMap)
		if err != nil {
			return fail("user map %s: %v", f.userMap, cleanErr(err))
		}
		if fo.Users, err = rules.ParseUserMap(data); err != nil {
			return fail("user map %s: %v", f.userMap, err)
		}
	}
	if len(roots) == 0 {
		roots = []string{"."}
	}
	for _, r := range roots {
		if _, err := os.Stat(r); err != nil {
			return fail("cannot fix %s: %v", r, cleanErr(err))
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := analyzer.Fix(ctx, roots, analyzer.Options{
		Catalog:           catalog,
		Check:             rules.Options{Hosts: concat(cfg.Hosts, f.hosts.items)},
		Include:           concat(cfg.Include, f.include.items),
		Exclude:           concat(cfg.Exclude, f.exclude.items),
		NoIgnore:          f.noIgnore,
		NoDefaultExcludes: f.noDefaultExcludes,
		GoPass:            f.goPass.on(),
		GoPassAuto:        f.goPass.auto(),
		MaxFileSize:       f.maxSize.n,
		Jobs:              f.jobs,
	}, fo)
	if err != nil {
		return fail("%v", err)
	}

	summary := stdout
	switch {
	case f.diff:
		summary = stderr
		cwd, _ := os.Getwd()
		if _, err := io.WriteString(stdout, res.Diff(cwd)); err != nil {
			return fail("writing the diff: %v", err)
		}
	case f.patch != "":
		cwd, _ := os.Getwd()
		if err := writeNew(f.patch, []byte(res.Diff(cwd))); err != nil {
			return fail("writing the patch: %v", cleanErr(err))
		}
	default:
		res.Write()
	}
	if err := writeSummary(summary, f, res); err != nil {
		return fail("writing the summary: %v", err)
	}
	if len(res.Left) > 0 || len(res.Errors) > 0 || len(res.Scan.Errors) > 0 {
		return exitFindings
	}
	return exitOK
}

// writeNew writes a file through a temporary file and a rename, so a
// failed write leaves no half-written patch.
func writeNew(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".migaudit-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// leftGroup is the findings of one call left for one reason.
type leftGroup struct {
	Path      string   `json:"path"`
	Line      int      `json:"line"`
	Operation string   `json:"operation"`
	Rules     []string `json:"rules"`
	Reason    string   `json:"reason"`
}

func groupLeft(left []analyzer.LeftFinding) []leftGroup {
	var out []leftGroup
	idx := map[string]int{}
	for _, l := range left {
		k := fmt.Sprintf("%s:%d:%s", l.Path, l.Line, l.Reason)
		if i, ok := idx[k]; ok {
			out[i].Rules = append(out[i].Rules, l.Rule)
			continue
		}
		idx[k] = len(out)
		out = append(out, leftGroup{Path: l.Path, Line: l.Line, Operation: l.Operation, Rules: []string{l.Rule}, Reason: l.Reason})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// writeSummary says what was fixed, what was left and why, and what could
// not be written.
func writeSummary(w io.Writer, f *fixFlags, res *analyzer.FixResult) error {
	errs := append(append([]analyzer.FileError(nil), res.Scan.Errors...), res.Errors...)
	if f.format.value == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		files := []string{}
		for _, ff := range res.Files {
			files = append(files, ff.Path)
		}
		return enc.Encode(struct {
			Files  []string             `json:"files"`
			Fixed  []analyzer.FixedCall `json:"fixed"`
			Left   []leftGroup          `json:"left"`
			Errors []analyzer.FileError `json:"errors"`
		}{files, nonNil(res.Fixed), nonNilLeft(groupLeft(res.Left)), nonNilErrs(errs)})
	}
	verb := "fixed"
	switch {
	case f.diff || f.patch != "":
		verb = "the patch fixes"
	}
	findings := 0
	for _, c := range res.Fixed {
		findings += c.Findings
	}
	fmt.Fprintf(w, "%s %d %s in %d %s (%d %s)\n", verb, len(res.Fixed), plural(len(res.Fixed), "call", "calls"),
		len(res.Files), plural(len(res.Files), "file", "files"), findings, plural(findings, "finding", "findings"))
	for _, c := range res.Fixed {
		fmt.Fprintf(w, "  %s:%d: %s: %s\n", c.Path, c.Line, c.Operation, c.Message)
		for _, u := range c.FollowUps {
			fmt.Fprintf(w, "      then check: %s\n", u)
		}
	}
	left := groupLeft(res.Left)
	if len(left) > 0 {
		fmt.Fprintf(w, "left %d %s for a person:\n", len(res.Left), plural(len(res.Left), "finding", "findings"))
		for _, l := range left {
			op := l.Operation
			if op == "" {
				op = "v1 call"
			}
			fmt.Fprintf(w, "  %s:%d: %s [%s]: %s\n", l.Path, l.Line, op, strings.Join(l.Rules, ", "), l.Reason)
		}
	}
	for _, e := range errs {
		fmt.Fprintf(w, "error: %s: %s\n", e.Path, e.Message)
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func nonNil(x []analyzer.FixedCall) []analyzer.FixedCall {
	if x == nil {
		return []analyzer.FixedCall{}
	}
	return x
}

func nonNilLeft(x []leftGroup) []leftGroup {
	if x == nil {
		return []leftGroup{}
	}
	return x
}

func nonNilErrs(x []analyzer.FileError) []analyzer.FileError {
	if x == nil {
		return []analyzer.FileError{}
	}
	return x
}
