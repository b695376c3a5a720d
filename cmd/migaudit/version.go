package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", stderr)
	pos, code, ok := parseCommandLine(fs, "", args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintln(stderr, "migaudit: version takes no arguments")
		return exitUsage
	}
	fmt.Fprintln(stdout, versionString())
	return exitOK
}

// versionString is the module version of the build ("(devel)" for a build
// from a work tree), with the VCS revision when the build recorded it.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "migaudit (unknown version)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	s := "migaudit " + v
	var rev, modified string
	for _, kv := range info.Settings {
		switch kv.Key {
		case "vcs.revision":
			rev = kv.Value
		case "vcs.modified":
			modified = kv.Value
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified == "true" {
			rev += "-dirty"
		}
		s += " " + rev
	}
	return s + " " + info.GoVersion
}
