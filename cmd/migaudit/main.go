// Command migaudit audits a code base for uses of the 360Learning REST API v1
// and says what the migration guides ask for to move each one to v2.
//
// Usage:
//
//	migaudit scan [flags] [PATH...]   report v1 calls (default: .)
//	migaudit fix [flags] [PATH...]    move them to v2 in place (--diff, --patch FILE: as a patch)
//	migaudit rules [--format json]    list the loaded rules
//	migaudit explain RULE-ID          print one rule in full
//	migaudit version                  print the version
//
// As a vet tool, migaudit runs its type-aware Go analyzer on each package:
//
//	go vet -vettool=$(command -v migaudit) ./...
//	go vet -vettool=$(command -v migaudit) -fix ./...   apply the suggested fixes
//	go fix -fixtool=$(command -v migaudit) -diff ./...  show them as a diff
//
// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
// 2 the command could not run.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitUsage    = 2 // the command could not run: bad flags, config, rules, root
)

// command is one subcommand.
type command struct {
	name, args, summary string
	run                 func(args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order help shows them.
var commands = []command{
	{"scan", "[flags] [PATH...]", "report 360Learning API v1 calls under PATH (default .)", runScan},
	{"fix", "[flags] [PATH...]", "move them to v2 where the change is mechanical (--diff: as a patch)", runFix},
	{"rules", "[--format text|json]", "list the rules of the catalog", runRules},
	{"explain", "RULE-ID", "print everything about one rule", runExplain},
	{"version", "", "print migaudit's version", runVersion},
}

func main() {
	// go vet -vettool and go fix -fixtool call the tool with -V=full,
	// -flags, or flags and a *.cfg file: those calls go to unitchecker,
	// which exits itself.
	if isVetInvocation(os.Args[1:]) {
		vetMain()
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			if c := lookup(rest[0]); c != nil {
				return c.run([]string{"-h"}, stdout, stderr)
			}
		}
		usage(stdout)
		return exitOK
	}
	if c := lookup(name); c != nil {
		return c.run(rest, stdout, stderr)
	}
	fmt.Fprintf(stderr, "migaudit: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func lookup(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "migaudit finds 360Learning API v1 calls and says how to move them to v2.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  migaudit %-8s %-22s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "  migaudit help     [COMMAND]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'migaudit help COMMAND' for the flags of scan and fix.")
}
