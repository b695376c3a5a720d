package analyzer

import (
	"strings"
	"testing"
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
