package analyzer_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
)

// lmsModule is a Go module whose calls the text reader cannot see whole: the
// base URL is in client.go, the v1 path in users.go (which mentions neither
// "api/v1" nor "360learning"), and one call is silenced with a reason.
var lmsModule = map[string]string{
	"go.mod": "module acme.example/lms\n\ngo 1.26\n",
	"client/client.go": `// Package client calls the LMS.
package client

import "net/http"

// Client holds the tenant's base URL.
type Client struct{ base string }

// New returns a client for the acme tenant.
func New() *Client { return &Client{base: "https://acme.360learning.com/api/v1"} }

func (c *Client) get(path string) (*http.Response, error) {
	return http.Get(c.base + path)
}

// Groups lists the groups.
func Groups() (*http.Response, error) {
	return http.Get("https://acme.360learning.com/api/v1/groups")
}
`,
	"client/users.go": `package client

import "net/http"

// Users lists the platform's users.
func (c *Client) Users() (*http.Response, error) { return c.get("/users") }

// Pseudonymize anonymizes a leaver.
func (c *Client) Pseudonymize(email string) (*http.Response, error) {
	// migaudit:ignore * the leaver job is retired with the v1 key
	return c.get("/users/" + email + "/pseudonymize")
}
`,
	"client/users_test.go": `package client

const fixture = "https://acme.360learning.com/api/v1/groups"
`,
	"notes.sh": "curl https://acme.360learning.com/api/v1/groups\n",
}

func findingLines(res *analyzer.Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%s:%d %s", f.Path, f.Line, f.Rule))
	}
	return out
}

func TestGoPass(t *testing.T) {
	t.Chdir(tree(t, lmsModule))
	res := scan(t, analyzer.Options{GoPass: true}, ".")
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	got := findingLines(res)
	want := []string{
		"client/client.go:18 v1-endpoint-unmapped",
		"client/users.go:6 list-users-endpoint",       // the Go pass: base from client.go
		"client/users_test.go:3 v1-endpoint-unmapped", // test files: text
		"notes.sh:1 v1-endpoint-unmapped",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	// client.go and users_test.go are candidates, notes.sh too.
	if res.Candidates != 3 || res.Files != 5 {
		t.Errorf("Files %d, Candidates %d; want 5 and 3", res.Files, res.Candidates)
	}
}

func TestGoPassExclude(t *testing.T) {
	t.Chdir(tree(t, lmsModule))
	res := scan(t, analyzer.Options{GoPass: true, Exclude: []string{"client/users.go"}}, ".")
	for _, f := range res.Findings {
		if f.Path == "client/users.go" {
			t.Errorf("an excluded file is reported: %+v", f)
		}
	}
}

// Without the go command, the module's files are read as text and the
// module's go.mod says why.
func TestGoPassWithoutGo(t *testing.T) {
	dir := tree(t, lmsModule)
	t.Setenv("PATH", t.TempDir())
	res := scan(t, analyzer.Options{GoPass: true}, dir)
	if len(res.Errors) != 1 || res.Errors[0].Path != dir+"/go.mod" || !strings.Contains(res.Errors[0].Message, "did not load, read as text") {
		t.Fatalf("errors: %+v; want one on go.mod", res.Errors)
	}
	var onClient bool
	for _, f := range res.Findings {
		onClient = onClient || f.Path == dir+"/client/client.go" && f.Line == 18
	}
	if !onClient {
		t.Errorf("client.go was not read as text: %q", findingLines(res))
	}
}

// A package with a syntax error is read as text without loading anything,
// and the error says which package and where.
func TestGoPassSyntaxError(t *testing.T) {
	files := map[string]string{
		"go.mod": "module acme.example/bridge\n\ngo 1.26\n",
		"lms/client.go": `package lms

import "net/http"

func Groups() {
	http.Get("https://acme.360learning.com/api/v1/groups")
}

if broken {
}
`,
	}
	t.Chdir(tree(t, files))
	res := scan(t, analyzer.Options{GoPass: true}, ".")
	want := "package ./lms does not parse, read as text: lms/client.go:9:1: expected declaration, found 'if'"
	if len(res.Errors) != 1 || res.Errors[0].Path != "go.mod" || res.Errors[0].Message != want {
		t.Errorf("errors: %+v\nwant one on go.mod: %s", res.Errors, want)
	}
	if got := findingLines(res); !slices.Equal(got, []string{"lms/client.go:6 v1-endpoint-unmapped"}) {
		t.Errorf("findings: %q", got)
	}
}
