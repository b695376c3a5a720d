package yaml_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/yaml"
)

// TestEndpointPathComposesWithNearestBase checks how a path value becomes a
// call: the nearest enclosing base's origin (not its /api/v1 path), placed
// zero-width where the path starts, then the path as raw file text; the
// method from a sibling key; a path with no base at all is not read.
func TestEndpointPathComposesWithNearestBase(t *testing.T) {
	src := `lms:
  baseUrl: https://acme.360learning.com/api/v1
  users:
    update:
      path: '/api/v1/users/{email}?company=acme'
      http_method: put
  inner:
    host: app.360learning.com
    list: /api/v1/users
plain:
  - /api/v1/users/{email}/pseudonymize
`
	found, err := yaml.Read("c.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range found.Calls {
		got = append(got, c.Method+" "+c.URLText())
		last := c.URL[len(c.URL)-1]
		if !last.Raw || src[last.Span.Start:last.Span.End] != last.Lit || !strings.HasPrefix(last.Lit, "/api/v1/") {
			t.Errorf("%s: path part %+v is not the raw file text", c.URLText(), last)
		}
		for _, p := range c.URL[:len(c.URL)-1] {
			if p.Raw || p.Span.Start != last.Span.Start || p.Span.End != last.Span.Start {
				t.Errorf("%s: base part %+v is not zero-width at the path", c.URLText(), p)
			}
		}
	}
	want := []string{
		"PUT https://acme.360learning.com/api/v1/users/{email}?company=acme",
		" app.360learning.com/api/v1/users",
		// plain: a path with no base beside or above it is not a call.
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("calls:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEndpointPathsNotReported lists paths that are no calls of ours: a
// server's own routes, paths that stop at /api/v1, other API versions, and
// paths written inside prose.
func TestEndpointPathsNotReported(t *testing.T) {
	for _, src := range []string{
		"server:\n  servlet:\n    context-path: /api/v1/users\n",
		"spec:\n  rules:\n    - http:\n        paths:\n          - path: /api/v1/users\n            pathType: Prefix\n",
		"livenessProbe:\n  httpGet:\n    path: /api/v1/users\n    port: 8080\n",
		"api:\n  base_url: https://acme.360learning.com\n  prefix: /api/v1\n  next: /api/v2/users\n",
		"note: see /api/v1/users in the runbook\n",
		"routes:\n  - /api/v1/users\n",
	} {
		found, err := yaml.Read("c.yml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(found.Calls)+len(found.Pending) != 0 {
			t.Errorf("%q: calls %+v pending %+v", src, found.Calls, found.Pending)
		}
	}
}
