package analyzer

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/rules"
)

func TestValidFormatSeesBrokenBlocks(t *testing.T) {
	old := "1. Pseudonymize:\n\n   ```bash\n   curl -X PUT \\\n     \"https://acme.360learning.com/api/v1/users/5f1b2c3d4e5f6a7b8c9d0e1f/pseudonymize\"\n   ```\n\n2. Done\n"
	// A line that closes the fence early leaves the rest outside it.
	broken := strings.Replace(old, "pseudonymize\"\n", "pseudonymize\"\n   ```\n", 1)
	if why := validFormat("runbook.md", []byte(old), []byte(broken)); !strings.Contains(why, "code blocks would change") {
		t.Errorf("broken fence: got %q", why)
	}
	kept := strings.Replace(old, "pseudonymize\"\n", "pseudonymize\" \\\n     -H \"360-api-version: v2.0\"\n", 1)
	if why := validFormat("runbook.md", []byte(old), []byte(kept)); why != "" {
		t.Errorf("fence kept whole: got %q", why)
	}
	for name, pair := range map[string][2]string{
		"c.json": {`{"a": [1, 2]}`, `{"a": [1, 2]`},
		"p.yml":  {"a:\n  b: 1\n", "a:\n  b: 1\n c: 2\n"},
	} {
		if why := validFormat(name, []byte(pair[0]), []byte(pair[1])); why == "" {
			t.Errorf("%s: a broken file passes", name)
		}
		if why := validFormat(name, []byte(pair[0]), []byte(pair[0])); why != "" {
			t.Errorf("%s: the unchanged file fails: %s", name, why)
		}
	}
}

func TestHiddenLeftovers(t *testing.T) {
	for src, want := range map[string]string{
		`fetch(u, {method: "PATCH", body: "apiKey=k&firstName=Jo"})`:                "apiKey is still written",
		`requests.patch(u, params=[("company", "acme")])`:                           "company is still written",
		`fetch(u, {method: "PATCH", body: new URLSearchParams({firstName: "Jo"})})`: "URLSearchParams",
		`requests.patch(u, files={"firstName": (None, "Jo")})`:                      "files=",
		`requests.patch(u, json={"firstName": "Jo"}, headers=h)`:                    "",
	} {
		got := hiddenLeftovers([]byte(src), &rules.Call{Span: rules.Span{Start: 0, End: len(src)}})
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("%s: got %q, want %q", src, got, want)
		}
	}
}

func TestHiddenBindings(t *testing.T) {
	src := "const form = new FormData();\nform.append(\"firstName\", \"Jo\");\nfetch(u, {method: \"PATCH\", body: form});\nconst former = 1;\nfetch(u, {body: formerly});\n"
	call := func(text string) *rules.Call {
		i := strings.Index(src, text)
		return &rules.Call{Span: rules.Span{Start: i, End: i + len(text)}}
	}
	if why := hiddenLeftovers([]byte(src), call(`fetch(u, {method: "PATCH", body: form})`)); !strings.Contains(why, "the call sends form") {
		t.Errorf("form through a variable: got %q", why)
	}
	if why := hiddenLeftovers([]byte(src), call(`fetch(u, {body: formerly})`)); why != "" {
		t.Errorf("another name sharing a prefix: got %q", why)
	}
}
