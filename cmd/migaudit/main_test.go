package main

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected files of failing cmp commands in the scripts")

// TestMain lets the scripts run the real command as "migaudit": the test
// binary re-executes itself as that command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"migaudit": main,
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: exit codes,
// text and JSON output, bad input, globs, ignores, hosts, rule files,
// config files, the rules and explain commands.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			// Colors and the user's settings must not leak into outputs.
			env.Setenv("NO_COLOR", "")
			env.Setenv("TERM", "dumb")
			// The example tree the README runs on.
			examples, err := filepath.Abs("../../testdata/examples")
			if err != nil {
				return err
			}
			env.Setenv("EXAMPLES", examples)
			return nil
		},
	})
}
