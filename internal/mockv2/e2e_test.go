package mockv2_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/internal/mockv2"
	"github.com/migaudit/migaudit/rules"
)

// The end-to-end tests fix the legacy files of testdata/fixe2e with
// analyzer.Fix, as `migaudit fix --user-map users.json --group-role learner`
// does, then run them (bash and the real curl, go run for the Go client)
// against the mock API v2: every request the fixed files send must be one
// the API takes.

const (
	fixtures = "../../testdata/fixe2e"
	token    = "e2e-access-token"
	groupID  = "5e1f00aa11bb22cc33dd44ee"
	leaverID = "63c0ffee00aa11bb22cc33dd"
)

// program is one fixture run against the mock.
type program struct {
	name string // a script, or the Go module's directory
	args []string
	// want are the requests it sends, in order, as "METHOD /path".
	want []string
	// query are query parameters a request must carry, by its index.
	query map[int]url.Values
}

var scripts = []program{
	{name: "pseudonymize-leaver.sh", args: []string{leaverID}, want: []string{"PUT /api/v2/users/" + leaverID + "/pseudonymize"}},
	{name: "update-user-profile.sh", args: []string{userID, "Ada", "Lovelace", "Data Analyst"}, want: []string{"PATCH /api/v2/users/" + userID}},
	{
		name: "lookup-external-id.sh", args: []string{"W-10442"}, want: []string{"GET /api/v2/external-ids"},
		query: map[int]url.Values{0: {"value[eq]": {"W-10442"}, "platform[eq]": {"workday"}, "type[eq]": {"user"}}},
	},
	{name: "remove-from-group.sh", args: []string{groupID, userID}, want: []string{"DELETE /api/v2/groups/" + groupID + "/learner/" + userID}},
	// The mails are in users.json (Omar's in another case).
	{name: "pseudonymize-contractors.sh", want: []string{
		"PUT /api/v2/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize",
		"PUT /api/v2/users/650a1b2c3d4e5f6a7b8c9d0e/pseudonymize",
	}},
}

var goClient = program{name: "goclient", args: []string{userID, "Payroll Specialist", leaverID}, want: []string{
	"PATCH /api/v2/users/" + userID,
	"PUT /api/v2/users/" + leaverID + "/pseudonymize",
}}

func TestFixedFilesTalkV2(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: runs bash, curl and go")
	}
	dir := copyFixtures(t)
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	res := fixDir(t, cat, dir)
	if res.Write(); len(res.Errors) > 0 {
		t.Fatalf("writing the fixes: %v", res.Errors)
	}
	// A second run over fixed files changes nothing.
	if again := fixDir(t, cat, dir); len(again.Files) > 0 {
		for _, f := range again.Files {
			t.Errorf("fix is not idempotent: a second run changes %s:\n%s", f.Path, again.Diff(dir))
		}
	}

	srv := mockv2.New(cat)
	srv.Token = token
	ts := srv.Start()
	defer ts.Close()

	for _, p := range scripts {
		t.Run(p.name, func(t *testing.T) {
			bash := need(t, "bash")
			need(t, "curl")
			fixed(t, res, p.name)
			srv.Reset()
			out, err := run(t, dir, ts.URL, bash, append([]string{p.name}, p.args...)...)
			expect(t, srv, p, out, err)
		})
	}
	t.Run(goClient.name, func(t *testing.T) {
		goCmd := goTool(t)
		fixed(t, res, "goclient/client.go")
		srv.Reset()
		out, err := run(t, filepath.Join(dir, "goclient"), ts.URL, goCmd, append([]string{"run", "."}, goClient.args...)...)
		expect(t, srv, goClient, out, err)
	})
}

// TestFixturesUnfixedAreRefused is the control: the legacy files as they
// are send v1 requests, which the mock refuses, and each program then
// fails (curl -f, a non-2xx check), so a passing end-to-end run means the
// fixed requests were taken.
func TestFixturesUnfixedAreRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: runs bash, curl and go")
	}
	dir := copyFixtures(t)
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	srv := mockv2.New(cat)
	ts := srv.Start()
	defer ts.Close()
	check := func(t *testing.T, p program, out []byte, err error) {
		if err == nil {
			t.Errorf("%s succeeded against the mock with v1 requests:\n%s", p.name, out)
		}
		recs := srv.Requests()
		if len(recs) == 0 {
			t.Fatalf("%s sent nothing:\n%s", p.name, out)
		}
		for _, r := range recs {
			if r.Status != 404 || !strings.HasPrefix(r.URL, "/api/v1/") {
				t.Errorf("%s %s: %d, want a v1 request refused with 404", r.Method, r.URL, r.Status)
			}
			if strings.Contains(r.URL, "legacy-key-value") {
				t.Errorf("record %s shows the apiKey value", r.URL)
			}
		}
	}
	for _, p := range scripts {
		t.Run(p.name, func(t *testing.T) {
			bash := need(t, "bash")
			need(t, "curl")
			srv.Reset()
			out, err := run(t, dir, ts.URL, bash, append([]string{p.name}, p.args...)...)
			check(t, p, out, err)
		})
	}
	t.Run(goClient.name, func(t *testing.T) {
		goCmd := goTool(t)
		srv.Reset()
		out, err := run(t, filepath.Join(dir, "goclient"), ts.URL, goCmd, append([]string{"run", "."}, goClient.args...)...)
		check(t, goClient, out, err)
	})
}

// fixDir runs the fixes over dir as `migaudit fix --go --user-map
// users.json --group-role learner` would.
func fixDir(t *testing.T, cat *rules.Catalog, dir string) *analyzer.FixResult {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "users.json"))
	if err != nil {
		t.Fatal(err)
	}
	users, err := rules.ParseUserMap(data)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := analyzer.Fix(ctx, []string{dir}, analyzer.Options{Catalog: cat, GoPass: true}, rules.FixOptions{Users: users, GroupRole: "learner"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("fix: %s: %s", e.Path, e.Message)
	}
	return res
}

// fixed checks that the fixes changed a file and left nothing in it, and
// otherwise fails the test with what they left and why (the program still
// runs, so the mock says what its requests lack).
func fixed(t *testing.T, res *analyzer.FixResult, name string) {
	t.Helper()
	changed := false
	for _, f := range res.Files {
		if filepath.ToSlash(f.Path) == name || strings.HasSuffix(filepath.ToSlash(f.Path), "/"+name) {
			changed = true
		}
	}
	var why []string
	for _, l := range res.Left {
		if p := filepath.ToSlash(l.Path); p == name || strings.HasSuffix(p, "/"+name) {
			why = append(why, fmt.Sprintf("line %d [%s]: %s", l.Line, l.Rule, l.Reason))
		}
	}
	switch {
	case !changed:
		t.Errorf("migaudit fix left %s unchanged:\n  %s", name, strings.Join(why, "\n  "))
	case len(why) > 0:
		t.Errorf("migaudit fix left findings in %s:\n  %s", name, strings.Join(why, "\n  "))
	}
}

// expect checks that a program succeeded and sent exactly the requests it
// should, each accepted by the mock.
func expect(t *testing.T, srv *mockv2.Server, p program, out []byte, err error) {
	t.Helper()
	recs := srv.Requests()
	for _, r := range recs {
		if r.Status >= 400 {
			t.Errorf("the mock refused %s %s (%d): %s", r.Method, r.URL, r.Status, strings.Join(r.Problems, "; "))
		}
	}
	if err != nil {
		t.Errorf("%s failed: %v\n%s", p.name, err, out)
	}
	var got []string
	for _, r := range recs {
		u, perr := url.Parse(r.URL)
		if perr != nil {
			t.Errorf("record URL %q: %v", r.URL, perr)
			continue
		}
		got = append(got, r.Method+" "+u.Path)
	}
	if strings.Join(got, "\n") != strings.Join(p.want, "\n") {
		sent := " nothing"
		if len(got) > 0 {
			sent = "\n  " + strings.Join(got, "\n  ")
		}
		t.Errorf("%s sent%s\nwant\n  %s", p.name, sent, strings.Join(p.want, "\n  "))
	}
	for i, want := range p.query {
		if i >= len(recs) {
			continue
		}
		u, _ := url.Parse(recs[i].URL)
		q := u.Query()
		for name, vals := range want {
			if q.Get(name) != vals[0] {
				t.Errorf("request %d (%s): query %s is %q, want %q", i, recs[i].URL, name, q.Get(name), vals[0])
			}
		}
	}
}

// run runs a program in dir against the mock at base with the
// environment a migrated job has: the token, and the v1 credentials it
// still defines but must no longer send.
func run(t *testing.T, dir, base, name string, args ...string) ([]byte, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"LMS_BASE="+base,
		"ACCESS_TOKEN="+token,
		"LMS_COMPANY_ID=acme",
		"LMS_API_KEY=legacy-key-value",
		// curl would send loopback requests through a configured proxy.
		"no_proxy=127.0.0.1,localhost", "NO_PROXY=127.0.0.1,localhost",
		"http_proxy=", "HTTP_PROXY=",
		// The Go client builds offline with the toolchain at hand.
		"GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local", "GOPROXY=off",
	)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		err = errors.Join(err, ctx.Err())
	}
	return out.Bytes(), err
}

func need(t *testing.T, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		// CI installs the tools and sets MIGAUDIT_E2E=required: there a
		// missing tool must fail the run, not skip the check silently.
		if os.Getenv("MIGAUDIT_E2E") == "required" {
			t.Fatalf("%s not installed, and MIGAUDIT_E2E=required", tool)
		}
		t.Skipf("%s not installed", tool)
	}
	return p
}

func goTool(t *testing.T) string {
	t.Helper()
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); fileExists(p) {
		return p
	}
	return need(t, "go")
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// copyFixtures copies testdata/fixe2e to a fresh directory.
func copyFixtures(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(fixtures, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(fixtures, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}
