package markdown_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/markdown"
	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/rules"
)

const runbook = "# Offboarding runbook\n" +
	"\n" +
	"Step 1: pseudonymize the leaver with PUT https://acme.360learning.com/api/v1/users/{email}/pseudonymize.\n" +
	"Our own service exposes GET http://localhost:8080/api/v1/users (not 360Learning).\n" +
	"\n" +
	"```python\n" +
	"import requests\n" +
	"requests.put(f\"https://acme.360learning.com/api/v1/users/{email}\", json={\"password\": pw})\n" +
	"```\n" +
	"\n" +
	"1. Then list users:\n" +
	"   ~~~~ js\n" +
	"   await axios.get('https://acme.360learning.com/api/v1/users', { params: { deleted: true } });\n" +
	"   ~~~~\n" +
	"\n" +
	"```\n" +
	"unterminated fence: DELETE https://acme.360learning.com/api/v2/users/1\n"

func TestFences(t *testing.T) {
	found, err := markdown.Read("RUNBOOK.md", []byte(runbook))
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Snippets) != 4 {
		t.Fatalf("got %d snippets, want 3 fences and the prose", len(found.Snippets))
	}
	langs := []string{found.Snippets[0].Lang, found.Snippets[1].Lang, found.Snippets[2].Lang, found.Snippets[3].Lang}
	if strings.Join(langs, ",") != "python,js,,prose" {
		t.Fatalf("langs = %v", langs)
	}
	py := found.Snippets[0]
	if runbook[py.Start:py.Start+len(py.Text)] != py.Text || !strings.HasPrefix(py.Text, "import requests\n") {
		t.Fatalf("python snippet %q at %d", py.Text, py.Start)
	}
	js := found.Snippets[1]
	if !strings.HasPrefix(js.Text, "await axios") || len(js.Map) != len(js.Text)+1 {
		t.Fatalf("js snippet %q map %d", js.Text, len(js.Map))
	}
	for i := range js.Text {
		if runbook[js.Map[i]] != js.Text[i] {
			t.Fatalf("js snippet byte %d maps to %q, want %q", i, runbook[js.Map[i]], js.Text[i])
		}
	}
	prose := found.Snippets[3]
	if len(prose.Text) != len(runbook) || strings.Contains(prose.Text, "requests.put") || strings.Count(prose.Text, "\n") != strings.Count(runbook, "\n") {
		t.Fatalf("prose does not blank the fences: %q", prose.Text)
	}
}

// The runbook read the way the scanner reads it: every snippet by the text
// reader, findings located in the Markdown file.
func TestRunbookFindings(t *testing.T) {
	found, err := markdown.Read("RUNBOOK.md", []byte(runbook))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	lines := rules.NewLines([]byte(runbook))
	var got []string
	for i := range found.Snippets {
		sf, err := text.ReadSnippet("RUNBOOK.md", &found.Snippets[i])
		if err != nil {
			t.Fatal(err)
		}
		for j := range sf.Calls {
			for _, f := range cat.Check(&sf.Calls[j], nil) {
				f.Locate(lines)
				got = append(got, f.Rule+"@"+itoa(f.Line)+":"+itoa(f.Column))
			}
		}
	}
	sort.Strings(got)
	want := []string{
		"list-users-deleted@13:77",
		"list-users-endpoint@13:21",
		"pseudonymize-user-endpoint@3:42",
		"update-user-endpoint@8:16",
		"update-user-password@8:75",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("findings\n got %v\nwant %v", got, want)
	}
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}
