package main

import (
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/migaudit/migaudit/analyzer/golang"
)

// isVetInvocation reports whether args are how the go command runs a vet
// or fix tool (go vet -vettool, go fix -fixtool): -V=full to learn the
// tool's version, -flags to learn its flags, or flags followed by a single
// *.cfg file describing one package.
func isVetInvocation(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch first := args[0]; {
	case strings.HasPrefix(first, "-V=") || first == "-V":
		return true
	case first == "-flags" && len(args) == 1:
		return true
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") {
		return false
	}
	for _, a := range args[:len(args)-1] {
		if !strings.HasPrefix(a, "-") {
			return false
		}
	}
	return true
}

// vetMain runs migaudit as a vet tool; unitchecker.Main exits the process.
func vetMain() {
	unitchecker.Main(golang.Analyzer)
}
