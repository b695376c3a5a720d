package yaml_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/yaml"
	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

// TestOnlyURITasksAreFixable: URL settings, endpoint paths beside a base
// and Kubernetes env values are read as calls but cannot carry headers, so
// they have no Fixer; a uri task has one.
func TestOnlyURITasksAreFixable(t *testing.T) {
	src := `lms:
  base_url: https://acme.360learning.com
  endpoints:
    pseudonymize: /api/v1/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize
  offboard_url: https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize
  method: PUT
env:
  - name: LMS_USERS_URL
    value: https://acme.360learning.com/api/v1/users?company=acme
tasks:
  - name: Pseudonymize
    uri:
      url: https://acme.360learning.com/api/v1/users/{{ user_id }}/pseudonymize
      method: PUT
`
	found, err := yaml.Read("app.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fixable := 0
	for _, c := range found.Calls {
		if c.Fixer != nil {
			fixable++
			if !strings.Contains(c.URLText(), "{{ user_id }}") {
				t.Errorf("a setting has a Fixer: %s", c.URLText())
			}
		}
	}
	if len(found.Calls) < 4 || fixable != 1 {
		t.Errorf("got %d calls, %d with a Fixer; want at least 4 and only the uri task's", len(found.Calls), fixable)
	}
}

// TestResponseUnused: a uri task's response is unused unless it is
// registered.
func TestResponseUnused(t *testing.T) {
	src := `- uri:
    url: https://acme.360learning.com/api/v1/users
- uri:
    url: https://acme.360learning.com/api/v1/users
  register: users
`
	found, err := yaml.Read("p.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Calls) != 2 || !found.Calls[0].ResponseUnused || found.Calls[1].ResponseUnused {
		t.Errorf("ResponseUnused = %v, want [true false]", unusedFlags(found.Calls))
	}
}

func unusedFlags(cs []rules.Call) []bool {
	var out []bool
	for _, c := range cs {
		out = append(out, c.ResponseUnused)
	}
	return out
}

// TestURIFixEdgeCases fixes single tasks: the result, or why it is left.
func TestURIFixEdgeCases(t *testing.T) {
	tests := []struct {
		name, src string
		opt       rules.FixOptions
		want      string // the fixed file, or "left: reason"
	}{
		{"external ID filters in a plain url of a block mapping",
			"- uri:\n    url: https://acme.360learning.com/api/v1/users/getUserByExternalId/E42/workday\n",
			rules.FixOptions{},
			"- uri:\n    url: https://acme.360learning.com/api/v2/external-ids?value[eq]=E42&platform[eq]=workday&type[eq]=user\n" +
				"    headers:\n      360-api-version: \"v2.0\"\n      Authorization: \"Bearer {{ access_token }}\"\n"},
		{"external ID filters in a plain url of a flow mapping",
			"- uri: {url: https://acme.360learning.com/api/v1/users/getUserByExternalId/E42/workday}\n",
			rules.FixOptions{}, "left: flow collection"},
		{"lower-case authorization header",
			"- uri:\n    url: https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize\n    method: PUT\n    headers:\n      authorization: Basic abc\n",
			rules.FixOptions{}, "left: not a bearer token"},
		{"token with a double quote, no final line break",
			"- uri:\n    url: https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize\n    method: PUT",
			rules.FixOptions{Token: `{{ lookup("env", "T") }}`},
			"- uri:\n    url: https://acme.360learning.com/api/v2/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize\n    method: PUT\n" +
				"    headers:\n      360-api-version: \"v2.0\"\n      Authorization: \"Bearer {{ lookup(\\\"env\\\", \\\"T\\\") }}\""},
		{"four-space indentation, comment after the last argument",
			"-   name: p\n    uri:\n        url: https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize\n        method: PUT  # v1 verb\n    tags: [lms]\n",
			rules.FixOptions{},
			"-   name: p\n    uri:\n        url: https://acme.360learning.com/api/v2/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize\n        method: PUT  # v1 verb\n" +
				"        headers:\n            360-api-version: \"v2.0\"\n            Authorization: \"Bearer {{ access_token }}\"\n    tags: [lms]\n"},
		{"body whose last entry goes, last argument of the task",
			"- uri:\n    url: https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e\n    method: PUT\n    body_format: json\n    body:\n      lastName: Doe\n      apiKey: k\n",
			rules.FixOptions{},
			"- uri:\n    url: https://acme.360learning.com/api/v2/users/64b7f0c2a1e4d3b2c1a09f8e\n    method: PATCH\n    body_format: json\n    body:\n      lastName: Doe\n" +
				"    headers:\n      360-api-version: \"v2.0\"\n      Authorization: \"Bearer {{ access_token }}\"\n"},
		{"user map substitution",
			"- uri:\n    url: \"https://acme.360learning.com/api/v1/users/ada@acme.io/pseudonymize\"\n    method: PUT\n",
			rules.FixOptions{Users: map[string]string{"ada@acme.io": "64b7f0c2a1e4d3b2c1a09f8e"}},
			"- uri:\n    url: \"https://acme.360learning.com/api/v2/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize\"\n    method: PUT\n" +
				"    headers:\n      360-api-version: \"v2.0\"\n      Authorization: \"Bearer {{ access_token }}\"\n"},
		{"last argument a block scalar keeping its empty lines",
			"- uri:\n    url: https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e\n    method: PUT\n    body: |+\n      {\"lastName\": \"x\"}\n\n",
			rules.FixOptions{}, "left: trailing empty lines"},
		{"last argument a literal body",
			"- uri:\n    url: https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e\n    method: PUT\n    body: |\n      {\"lastName\": \"x\"}\n- debug: {}\n",
			rules.FixOptions{},
			"- uri:\n    url: https://acme.360learning.com/api/v2/users/64b7f0c2a1e4d3b2c1a09f8e\n    method: PATCH\n    body: |\n      {\"lastName\": \"x\"}\n" +
				"    headers:\n      360-api-version: \"v2.0\"\n      Authorization: \"Bearer {{ access_token }}\"\n- debug: {}\n"},
		{"base from a variable of the file",
			"- vars:\n    lms: https://acme.360learning.com/api/v1\n  tasks:\n    - uri:\n        url: \"{{ lms }}/users/{{ user_id }}/pseudonymize\"\n        method: PUT\n",
			rules.FixOptions{}, "left: not written in one place"},
	}
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found, err := yaml.Read("p.yml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(found.Calls) != 1 {
				t.Fatalf("got %d calls, want 1", len(found.Calls))
			}
			call := &found.Calls[0]
			p, err := cat.Plan(call, []byte(tt.src), tt.opt)
			var edits []rules.Edit
			if err == nil {
				edits, err = call.Fixer.Fix(p)
			}
			if reason, ok := strings.CutPrefix(tt.want, "left: "); ok {
				if err == nil || !strings.Contains(err.Error(), reason) {
					t.Fatalf("got %v, %v; want left with %q", edits, err, reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("left: %v", err)
			}
			out, err := rewrite.Apply([]byte(tt.src), edits)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
			again, err := yaml.Read("p.yml", out)
			if err != nil {
				t.Fatal(err)
			}
			req, ok := again.Calls[0].V2Request()
			if !ok {
				t.Fatalf("not a v2 call after the fix: %s", again.Calls[0].URLText())
			}
			if probs := cat.CheckV2(req); len(probs) > 0 {
				t.Errorf("v2 problems: %v", probs)
			}
		})
	}
}
