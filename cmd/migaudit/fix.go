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

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

const fixArgs = "[flags] [PATH...]"

// fixFlags are the flags of fix: scan's selection flags and the answers
// a person gives the fixes.
type fixFlags struct {
	treeFlags

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
	f.register(fs, "fix")
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
	if f.diff && f.patch != "" {
		return fail("--diff and --patch both ask for a diff: give one")
	}
	opt, _, err := f.options()
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
	if roots, err = checkRoots(roots, "fix"); err != nil {
		return fail("%v", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := analyzer.Fix(ctx, roots, opt, fo)
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
