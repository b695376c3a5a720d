package main

import (
	"flag"
	"os/exec"
	"path/filepath"
	"strings"
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

// goEnv is what the go command needs in the scripts, from the go command
// of the test's environment (empty without one: the scripts skip).
var goEnv = func() map[string]string {
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOROOT").Output()
	if err != nil {
		return nil
	}
	v := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(v) != 3 {
		return nil
	}
	return map[string]string{
		"GOCACHE": v[0], "GOMODCACHE": v[1], "GOROOT": v[2],
		"GOPROXY": "off", "GOTOOLCHAIN": "local", "GOFLAGS": "", "GOWORK": "off",
	}
}()

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
			// The Go pass runs the go command: give it the real caches
			// (the sandbox's HOME has none) and no network.
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			return nil
		},
	})
}
