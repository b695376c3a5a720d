package curl_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/rules"
)

// The fence of a Markdown runbook: the request message starts at offset
// start of the file.
const fenceDoc = "# Pseudonymize\n\n```http\n"

const fenceBody = `PUT /api/v1/users/jane@acme.com HTTP/1.1
Host: acme.360learning.com
Content-Type: application/json
Authorization: Bearer {{token}}

{
  "password": "x",
  "primaryGroupId": "5f1e"
}
`

func TestReadHTTPSnippetRequestMessage(t *testing.T) {
	file := fenceDoc + fenceBody + "```\n"
	sn := &rules.Snippet{Lang: "http", Text: fenceBody, Start: len(fenceDoc)}
	found, err := curl.ReadHTTPSnippet("RUNBOOK.md", sn)
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Calls) != 1 {
		t.Fatalf("got %d calls, want 1: %+v", len(found.Calls), found.Calls)
	}
	c := found.Calls[0]
	if c.Method != "PUT" || file[c.MethodSpan.Start:c.MethodSpan.End] != "PUT" {
		t.Errorf("method %q at %v", c.Method, c.MethodSpan)
	}
	if got, want := c.URLText(), "https://acme.360learning.com/api/v1/users/jane@acme.com"; got != want {
		t.Errorf("URL %q, want %q", got, want)
	}
	if !c.Bearer {
		t.Error("Authorization: Bearer not seen")
	}
	for _, p := range c.URL {
		if p.Raw && file[p.Span.Start:p.Span.End] != p.Lit {
			t.Errorf("raw part %q at %q", p.Lit, file[p.Span.Start:p.Span.End])
		}
	}
	want := map[string]rules.Location{
		"Host": rules.InHeader, "Content-Type": rules.InHeader, "Authorization": rules.InHeader,
		"password": rules.InBody, "primaryGroupId": rules.InBody,
	}
	for _, p := range c.Params {
		if want[p.Name] != p.In {
			t.Errorf("param %s in %q", p.Name, p.In)
		}
		delete(want, p.Name)
		if got := file[p.NameSpan.Start:p.NameSpan.End]; got != p.Name {
			t.Errorf("param %s: name span holds %q", p.Name, got)
		}
		if p.Name == "Authorization" && p.Value != "" {
			t.Error("a header value with an unknown variable must not be kept")
		}
	}
	if len(want) != 0 {
		t.Errorf("params not found: %v", want)
	}
	if line := strings.Count(file[:c.URLSpan().Start], "\n") + 1; line != 4 {
		t.Errorf("URL on line %d, want 4 (the request line)", line)
	}
}

func TestReadHTTPVariables(t *testing.T) {
	src := "@host = acme.360learning.com\n@base = https://{{host}}/api/v1\n\nGET {{base}}/users/{{email}}\n"
	found, err := curl.ReadHTTP("a.http", []byte(src))
	if err != nil || len(found.Calls) != 1 {
		t.Fatalf("calls %v, err %v", found, err)
	}
	c := found.Calls[0]
	if got, want := c.URLText(), "https://acme.360learning.com/api/v1/users/{{email}}"; got != want {
		t.Errorf("URL %q, want %q", got, want)
	}
	if c.Method != "GET" || c.MethodImplied || src[c.MethodSpan.Start:c.MethodSpan.End] != "GET" {
		t.Errorf("method %q", c.Method)
	}
	ref := strings.Index(src, "{{base}}")
	if p := c.URL[0]; p.Raw || p.Span != (rules.Span{Start: ref, End: ref + len("{{base}}")}) {
		t.Errorf("the variable's part %+v, want it at the reference", p)
	}
}

func TestReadHTTPRecursiveVariableStops(t *testing.T) {
	src := "@a = {{b}}\n@b = {{a}}\nGET {{a}}/api/v1/users\n"
	found, err := curl.ReadHTTP("loop.http", []byte(src))
	if err != nil || len(found.Calls) != 1 {
		t.Fatalf("calls %v, err %v", found, err)
	}
	if got := found.Calls[0].URLText(); got != "{{a}}/api/v1/users" {
		t.Errorf("URL %q: an unresolvable reference stays as written", got)
	}
}

func TestReadHTTPNotRequests(t *testing.T) {
	_, err := curl.ReadHTTP("notes.http", []byte("# notes\nthis is not a request\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("err = %v, want one naming line 2", err)
	}
	found, err := curl.ReadHTTPSnippet("x.md", &rules.Snippet{Text: "HTTP/1.1 200 OK\nContent-Type: application/json\n"})
	if err != nil || len(found.Calls) != 0 {
		t.Errorf("a response message is no call: %v %v", found, err)
	}
}

// TestReadHTTPOddInputs reads broken and truncated requests without panicking.
func TestReadHTTPOddInputs(t *testing.T) {
	for _, src := range []string{
		"", "###", "GET", "GET {{", "GET {{x}", "PUT /api/v1/users/x\nHost: {{h\n\n{\"a\":", "@ = x\n@x\nGET /\n",
		"POST https://acme.360learning.com/api/v1/users\n\n{{body}}", "GET https://a/{{}}\r\n\r\n> {%\n",
		"POST https://acme.360learning.com/api/v1/users\n\n< ./user.json\n", "\n\n   \n?x\n",
	} {
		curl.ReadHTTP("odd.http", []byte(src))
		curl.ReadHTTPSnippet("odd.md", &rules.Snippet{Text: src, Start: 3})
	}
}

func TestReadHTTPURLAloneIsGet(t *testing.T) {
	found, err := curl.ReadHTTP("a.http", []byte("https://acme.360learning.com/api/v1/users?company=c&apiKey=k\n"))
	if err != nil || len(found.Calls) != 1 {
		t.Fatalf("calls %v, err %v", found, err)
	}
	if c := found.Calls[0]; c.Method != "GET" || !c.MethodImplied || !c.URL[0].Raw {
		t.Errorf("call %+v", c)
	}
}
