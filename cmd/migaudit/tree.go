package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

// treeFlags are the flags scan and fix share: which files are read, and how.
type treeFlags struct {
	hosts                       listFlag
	ruleFiles, include, exclude repeatFlag
	noIgnore, noDefaultExcludes bool
	goPass                      goModeFlag
	maxSize                     sizeFlag
	jobs                        int
	config                      string
}

// register defines the flags on fs; verb ("scan", "fix") words their help.
func (t *treeFlags) register(fs *flag.FlagSet, verb string) {
	fs.Var(&t.hosts, "host", "a 360Learning `host` pattern besides *.360learning.com (repeatable, comma-separated; e.g. lms.acme.io, *.lms.acme.io)")
	fs.Var(&t.ruleFiles, "rules", "load extra rules from `FILE` (repeatable; the catalog's YAML format)")
	fs.Var(&t.include, "include", verb+" only files matching this doublestar `glob` (repeatable; relative to each PATH)")
	fs.Var(&t.exclude, "exclude", "skip files matching this doublestar `glob` (repeatable)")
	fs.BoolVar(&t.noIgnore, "no-ignore", false, "read files that .gitignore excludes")
	fs.BoolVar(&t.noDefaultExcludes, "no-default-excludes", false, "read vendored trees too (node_modules, vendor)")
	fs.Var(&t.goPass, "go", "read the .go files of Go modules with the type-aware pass, loading their packages with the go command (about a second a module with v1 candidates): auto (default: a module that does not load is read as text, with a note), true (that is an error) or false (read .go files as text)")
	fs.Var(&t.maxSize, "max-size", "largest `size` of file read, as 10MiB, 512KiB or bytes (default 10MiB); larger files are reported as errors")
	fs.IntVar(&t.jobs, "jobs", 0, "files read at once (default: the number of CPUs)")
	fs.StringVar(&t.config, "config", "", "read settings from `FILE` (default: "+defaultConfig+" in the current directory, when present)")
}

// options checks the flags, reads the config and the rule files, and
// returns the analyzer's options and the config (for the settings only
// one command has). Its error is the user's to fix (exit 2).
func (t *treeFlags) options() (analyzer.Options, *config, error) {
	if t.jobs < 0 {
		return analyzer.Options{}, nil, fmt.Errorf("--jobs must be 0 or more, not %d", t.jobs)
	}
	cfg, err := scanConfig(t.config)
	if err != nil {
		return analyzer.Options{}, nil, err
	}
	// The config's globs were checked when it was read.
	for _, g := range concat(t.include.items, t.exclude.items) {
		if !doublestar.ValidatePattern(g) {
			return analyzer.Options{}, nil, fmt.Errorf("invalid glob %q", g)
		}
	}
	catalog, err := loadCatalog(concat(cfg.Rules, t.ruleFiles.items))
	if err != nil {
		return analyzer.Options{}, nil, err
	}
	return analyzer.Options{
		Catalog:           catalog,
		Check:             rules.Options{Hosts: concat(cfg.Hosts, t.hosts.items)},
		Include:           concat(cfg.Include, t.include.items),
		Exclude:           concat(cfg.Exclude, t.exclude.items),
		NoIgnore:          t.noIgnore,
		NoDefaultExcludes: t.noDefaultExcludes,
		GoPass:            t.goPass.on(),
		GoPassAuto:        t.goPass.auto(),
		MaxFileSize:       t.maxSize.n,
		Jobs:              t.jobs,
	}, cfg, nil
}

// checkRoots returns the PATHs to read (. when none), or the first that
// cannot be.
func checkRoots(roots []string, verb string) ([]string, error) {
	if len(roots) == 0 {
		return []string{"."}, nil
	}
	for _, r := range roots {
		if _, err := os.Stat(r); err != nil {
			return nil, fmt.Errorf("cannot %s %s: %v", verb, r, cleanErr(err))
		}
	}
	return roots, nil
}
