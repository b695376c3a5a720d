package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// listFlag is a repeatable flag; each value may also list several items
// separated by commas (--host a.example,b.example).
type listFlag struct {
	items []string
	set   bool
}

func (l *listFlag) String() string { return strings.Join(l.items, ",") }

func (l *listFlag) Set(v string) error {
	l.set = true
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			l.items = append(l.items, s)
		}
	}
	return nil
}

// repeatFlag is a repeatable flag whose values are kept whole (globs may
// hold commas: "**/*.{js,ts}").
type repeatFlag struct{ items []string }

func (r *repeatFlag) String() string { return strings.Join(r.items, " ") }

func (r *repeatFlag) Set(v string) error {
	r.items = append(r.items, v)
	return nil
}

// choiceFlag is a string flag limited to a set of values.
type choiceFlag struct {
	value   string
	choices []string
	set     bool
}

func (c *choiceFlag) String() string { return c.value }

func (c *choiceFlag) Set(v string) error {
	for _, ok := range c.choices {
		if v == ok {
			c.value, c.set = v, true
			return nil
		}
	}
	return fmt.Errorf("must be one of %s", strings.Join(c.choices, ", "))
}

// goModeFlag is --go: auto (the default), on (--go, --go=true) or off
// (--go=false).
type goModeFlag struct{ mode string }

func (g *goModeFlag) String() string {
	if g == nil || g.mode == "" {
		return "auto"
	}
	return g.mode
}

func (g *goModeFlag) Set(v string) error {
	switch strings.ToLower(v) {
	case "auto":
		g.mode = "auto"
	case "true", "on", "1":
		g.mode = "on"
	case "false", "off", "0":
		g.mode = "off"
	default:
		return fmt.Errorf("must be auto, true or false")
	}
	return nil
}

// IsBoolFlag lets --go stand alone for --go=true.
func (g *goModeFlag) IsBoolFlag() bool { return true }

// on reports whether the Go pass runs; auto whether the user left it to
// the default.
func (g *goModeFlag) on() bool   { return g.String() != "off" }
func (g *goModeFlag) auto() bool { return g.String() == "auto" }

// sizeFlag is a byte count written as 1048576, 512KiB, 10MiB, 10MB or 1GiB.
type sizeFlag struct{ n int64 }

func (s *sizeFlag) String() string {
	if s.n == 0 {
		return ""
	}
	return strconv.FormatInt(s.n, 10)
}

func (s *sizeFlag) Set(v string) error {
	n, err := parseSize(v)
	if err != nil {
		return err
	}
	s.n = n
	return nil
}

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30},
	{"b", 1},
}

func parseSize(v string) (int64, error) {
	s := strings.ToLower(strings.TrimSpace(v))
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is not a size (write 10MiB, 512KiB or a number of bytes)", v)
	}
	return n * mult, nil
}

// newFlagSet returns a flag set that reports errors to stderr instead of
// exiting; parseCommandLine prints the usage.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	return fs
}

// printUsage writes a subcommand's usage line and flags to w.
func printUsage(w io.Writer, fs *flag.FlagSet, args string) {
	fmt.Fprintf(w, "usage: migaudit %s %s\n", fs.Name(), args)
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprintln(w, "\nflags:")
		out := fs.Output()
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(out)
	}
}

// parseCommandLine parses a subcommand's flags (interspersed with its
// positional arguments). When it returns ok false the command is done and
// code is its exit code: 0 for -h (usage on stdout), 2 for a bad flag (the
// error and the usage on stderr).
func parseCommandLine(fs *flag.FlagSet, usageArgs string, args []string, stdout, stderr io.Writer) (pos []string, code int, ok bool) {
	pos, err := parseInterspersed(fs, args)
	switch {
	case err == flag.ErrHelp:
		printUsage(stdout, fs, usageArgs)
		return nil, exitOK, false
	case err != nil:
		printUsage(stderr, fs, usageArgs)
		return nil, exitUsage, false
	}
	return pos, 0, true
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments (scan . --format json), and returns the
// positional ones. Everything after "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
