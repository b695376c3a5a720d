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
	treeFlags
	format, failOn, color choiceFlag
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
	f.register(fs, "scan")
	fs.Var(&f.color, "color", "color `mode` of the text report: auto (on a terminal, unless NO_COLOR is set), always or never")
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
	opt, cfg, err := f.options()
	if err != nil {
		return fail("%v", err)
	}
	if !f.format.set && cfg.Format != "" {
		f.format.value = cfg.Format
	}
	if !f.failOn.set && cfg.FailOn != "" {
		f.failOn.value = cfg.FailOn
	}
	if roots, err = checkRoots(roots, "scan"); err != nil {
		return fail("%v", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
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
		err = report.SARIF(stdout, res, report.SARIFOptions{Version: moduleVersion(), Rules: opt.Catalog.Rules(), ReadFile: os.ReadFile})
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
