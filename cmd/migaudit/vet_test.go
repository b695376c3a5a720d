package main

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

func TestIsVetInvocation(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"-fix", "-diff", "-migaudit.hosts=lms.acme.io", "/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"-json", "vet.cfg"}, true},
		{nil, false},
		{[]string{"scan"}, false},
		{[]string{"scan", "project.cfg"}, false}, // a scan of a file named *.cfg
		{[]string{"-flags", "x"}, false},
		{[]string{"help"}, false},
	} {
		if got := isVetInvocation(tc.args); got != tc.want {
			t.Errorf("isVetInvocation(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// TestVetTool builds migaudit and runs it as go vet's and go fix's tool on
// the module in testdata/vet/hrsync.txtar: diagnostics (across packages,
// through an exported helper), -fix, the fixed module still builds and is
// gofmt-clean, a second -fix changes nothing.
func TestVetTool(t *testing.T) {
	if testing.Short() {
		t.Skip("builds migaudit and runs go vet: skipped in -short mode")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not in PATH: cannot run go vet -vettool")
	}
	bin := filepath.Join(t.TempDir(), "migaudit")
	if out, err := exec.Command(goCmd, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mod := writeModule(t, "testdata/vet/hrsync.txtar")
	gocmd := func(args ...string) (stdout, stderr string, code int) {
		t.Helper()
		cmd := exec.Command(goCmd, args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local")
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			return o.String(), e.String(), ee.ExitCode()
		} else if err != nil {
			t.Fatalf("go %s: %v", strings.Join(args, " "), err)
		}
		return o.String(), e.String(), 0
	}

	start := time.Now()
	_, stderr, code := gocmd("vet", "-vettool="+bin, "./...")
	t.Logf("go vet -vettool: %v", time.Since(start))
	if code != 1 {
		t.Fatalf("go vet: exit %d, want 1 (diagnostics)\n%s", code, stderr)
	}
	wants := []string{
		`(?m)^lms/client.go:26:30: body parameter primaryGroupId is removed\..* \[update-user-primary-group-id\]$`,
		`(?m)^lms/client.go:49:15: v1 updateUser; use PATCH /api/v2/users/\{userId\}.* \[update-user-endpoint\]$`,
		// Through the exported helper of another package (a fact).
		`(?m)^cmd/hrsync/main.go:24:\d+: v1 pseudonymizeUser.* \[pseudonymize-user-endpoint\]$`,
	}
	for _, w := range wants {
		if !regexp.MustCompile(w).MatchString(stderr) {
			t.Errorf("go vet output lacks %s:\n%s", w, stderr)
		}
	}
	if strings.Contains(stderr, "peoplehub") || strings.Contains(stderr, "main.go:17") {
		t.Errorf("go vet reports the HR system's own v1 API:\n%s", stderr)
	}

	// go fix -fixtool -diff shows the fixes without applying them: SetJob
	// (bearer token sent, user by ID) moves to v2 whole; UpdateUser (a mail,
	// primaryGroupId, no token) and the pseudonymization are left to a person.
	const patched = `http.NewRequest(http.MethodPatch, c.BaseURL+"/api/v2/users/"+userID, bytes.NewReader(b))`
	stdout, _, code := gocmd("fix", "-fixtool="+bin, "-diff", "./...")
	if code == 0 || !strings.Contains(stdout, "+\treq, err := "+patched) || !strings.Contains(stdout, "+\treq.Header.Set(\"360-api-version\", \"v2.0\")") {
		t.Errorf("go fix -fixtool -diff: exit %d, want non-zero and the SetJob fix:\n%s", code, stdout)
	}
	if strings.Contains(stdout, `json:"-"`) {
		t.Errorf("go fix -fixtool -diff stops sending primaryGroupId, whose intent must move to the role endpoints:\n%s", stdout)
	}
	client := filepath.Join(mod, "lms", "client.go")
	before := readFile(t, client)
	if strings.Contains(before, "/api/v2/") {
		t.Fatal("go fix -diff changed the file")
	}

	if _, stderr, code := gocmd("vet", "-vettool="+bin, "-fix", "./..."); code != 0 {
		t.Fatalf("go vet -fix: exit %d\n%s", code, stderr)
	}
	fixed := readFile(t, client)
	if !strings.Contains(fixed, patched) || strings.Contains(fixed, `json:"-"`) {
		t.Errorf("go vet -fix did not write %s (and only that call's fix):\n%s", patched, fixed)
	}
	if _, stderr, code := gocmd("build", "./..."); code != 0 {
		t.Errorf("the fixed module does not build:\n%s", stderr)
	}
	if f, err := format.Source([]byte(fixed)); err != nil || !bytes.Equal(f, []byte(fixed)) {
		t.Errorf("the fixed file is not gofmt-clean (err %v)", err)
	}

	// Fixed once, fixed for good: a second -fix changes nothing, and vet
	// no longer reports SetJob (line 59), only what a person must do.
	if _, stderr, code := gocmd("vet", "-vettool="+bin, "-fix", "./..."); code != 0 {
		t.Fatalf("second go vet -fix: exit %d\n%s", code, stderr)
	}
	if again := readFile(t, client); again != fixed {
		t.Errorf("a second -fix changed the file:\n%s", again)
	}
	_, stderr, _ = gocmd("vet", "-vettool="+bin, "./...")
	if strings.Contains(stderr, "lms/client.go:59:") || !strings.Contains(stderr, "update-user-primary-group-id") || !strings.Contains(stderr, "lms/client.go:49:15: v1 updateUser") {
		t.Errorf("after -fix, go vet should report UpdateUser and its primaryGroupId, not SetJob:\n%s", stderr)
	}
}

// writeModule writes the files of a txtar archive into a temporary
// directory and returns it.
func writeModule(t *testing.T, archive string) string {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
