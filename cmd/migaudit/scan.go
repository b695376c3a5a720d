package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/fatih/color"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/report"
	"github.com/migaudit/migaudit/rules"
)

var (
	formatChoices = []string{"text", "json", "sarif", "github"}
	failOnChoices = []string{"error", "warning", "info", "never"}
	colorChoices  = []string{"auto", "always", "never"}
)

const scanArgs = "[flags] [PATH...]"

// scanFlags are the flags of scan.
type scanFlags struct {
	format, failOn, color       choiceFlag
	hosts                       listFlag
	ruleFiles, include, exclude repeatFlag
	noIgnore, noDefaultExcludes bool
	goPass                      goModeFlag
	maxSize                     sizeFlag
	jobs                        int
	config                      string
}

func newScanFlags(stderr io.Writer) (*flag.FlagSet, *scanFlags) {
	f := &scanFlags{
		format: choiceFlag{value: "text", choices: formatChoices},
		failOn: choiceFlag{value: "error", choices: failOnChoices},
		color:  choiceFlag{value: "auto", choices: colorChoices},
	}
	fs := newFlagSet("scan", stderr)
	fs.Var(&f.format, "format", "output `format`: text, json, sarif (SARIF 2.1.0, for code scanning) or github (GitHub Actions annotations)")
	fs.Var(&f.failOn, "fail-on", "exit 1 when a finding (or a file error) is at or above this `severity`: error, warning, info or never")
	fs.Var(&f.hosts, "host", "a 360Learning `host` pattern besides *.360learning.com (repeatable, comma-separated; e.g. lms.acme.io, *.lms.acme.io)")
	fs.Var(&f.ruleFiles, "rules", "load extra rules from `FILE` (repeatable; the catalog's YAML format)")
	fs.Var(&f.include, "include", "scan only files matching this doublestar `glob` (repeatable; relative to each PATH)")
	fs.Var(&f.exclude, "exclude", "skip files matching this doublestar `glob` (repeatable)")
	fs.BoolVar(&f.noIgnore, "no-ignore", false, "read files that .gitignore excludes")
	fs.BoolVar(&f.noDefaultExcludes, "no-default-excludes", false, "read vendored trees too (node_modules, vendor)")
	fs.Var(&f.goPass, "go", "analyze the .go files of Go modules with the type-aware pass, loading their packages with the go command (about a second a module with v1 candidates): auto (default: a module that does not load is read as text, with a note), true (it is an error) or false (read .go files as text)")
	fs.Var(&f.maxSize, "max-size", "largest `size` of file read, as 10MiB, 512KiB or bytes (default 10MiB); larger files are reported as errors")
	fs.IntVar(&f.jobs, "jobs", 0, "files read at once (default: the number of CPUs)")
	fs.Var(&f.color, "color", "color `mode` of the text report: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.StringVar(&f.config, "config", "", "read settings from `FILE` (default: "+defaultConfig+" in the current directory, when present)")
	return fs, f
}

func runScan(args []string, stdout, stderr io.Writer) int {
	fs, f := newScanFlags(stderr)
	roots, code, ok := parseCommandLine(fs, scanArgs, args, stdout, stderr)
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

	cfg, err := scanConfig(f.config)
	if err != nil {
		return fail("%v", err)
	}
	if !f.format.set && cfg.Format != "" {
		f.format.value = cfg.Format
	}
	if !f.failOn.set && cfg.FailOn != "" {
		f.failOn.value = cfg.FailOn
	}
	// The config's globs were checked when it was read.
	for _, g := range concat(f.include.items, f.exclude.items) {
		if !doublestar.ValidatePattern(g) {
			return fail("invalid glob %q", g)
		}
	}
	catalog, err := loadCatalog(concat(cfg.Rules, f.ruleFiles.items))
	if err != nil {
		return fail("%v", err)
	}

	if len(roots) == 0 {
		roots = []string{"."}
	}
	for _, r := range roots {
		if _, err := os.Stat(r); err != nil {
			return fail("cannot scan %s: %v", r, cleanErr(err))
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opt := analyzer.Options{
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
	}
	res, err := analyzer.Run(ctx, roots, opt)
	if err != nil {
		return fail("%v", err)
	}
	// The findings carry the fixes `migaudit fix` would make (verified the
	// same way), for JSON and SARIF consumers and the summary's count.
	if _, err := analyzer.PlanFixes(ctx, res, roots, opt, rules.FixOptions{}); err != nil {
		return fail("%v", err)
	}

	switch f.format.value {
	case "json":
		err = report.JSON(stdout, res)
	case "sarif":
		err = report.SARIF(stdout, res, report.SARIFOptions{Version: moduleVersion(), Rules: catalog.Rules(), ReadFile: os.ReadFile})
	case "github":
		err = report.GitHub(stdout, res)
	default:
		err = report.Text(stdout, res, report.TextOptions{Color: useColor(f.color.value, stdout)})
	}
	if err != nil {
		return fail("writing the report: %v", err)
	}
	if failing(res, f.failOn.value) {
		return exitFindings
	}
	return exitOK
}

// moduleVersion is the module version of the build, "devel" for a build
// from a work tree.
func moduleVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// concat joins lists into a new one: flags add to the config's lists.
func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// scanConfig reads the config named by --config, or the default one when
// it is present.
func scanConfig(name string) (*config, error) {
	if name != "" {
		return loadConfig(name, true)
	}
	return loadConfig(defaultConfig, false)
}

// loadCatalog loads the embedded catalog and the user's rule files.
func loadCatalog(files []string) (*rules.Catalog, error) {
	c, err := rules.Default()
	if err != nil {
		return nil, fmt.Errorf("embedded catalog: %v", err)
	}
	for _, name := range files {
		if err := c.LoadFile(name); err != nil {
			// Catalog errors start with the file name; file system errors
			// name it too: say it once.
			msg := strings.TrimPrefix(cleanErr(err).Error(), name+": ")
			return nil, fmt.Errorf("rules file %s: %s", name, msg)
		}
	}
	return c, nil
}

// failing reports whether the scan found something at or above the
// --fail-on threshold. A file that could not be read or parsed counts as an
// error: it may hide v1 calls, and CI must not pass on a scan that did not
// see the whole tree (exclude the file to accept it).
func failing(res *analyzer.Result, failOn string) bool {
	threshold := rules.Severity(failOn).Rank()
	if threshold == 0 { // never
		return false
	}
	if len(res.Errors) > 0 && rules.Error.Rank() >= threshold {
		return true
	}
	for _, f := range res.Findings {
		if f.Severity.Rank() >= threshold {
			return true
		}
	}
	return false
}

// useColor decides whether the text report is colored: --color always or
// never decide; auto colors a terminal unless NO_COLOR is set or TERM is
// dumb (fatih/color works that out for os.Stdout).
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	return w == io.Writer(os.Stdout) && !color.NoColor
}
