package markdown_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/analyzer/markdown"
	"github.com/migaudit/migaudit/rules"
)

// checkSnippets asserts every snippet byte maps to the same file byte and
// that the prose snippet keeps the file's length and newlines.
func checkSnippets(t *testing.T, src string, found *rules.Found) {
	t.Helper()
	for _, sn := range found.Snippets[:len(found.Snippets)-1] {
		for i := 0; i < len(sn.Text); i++ {
			if src[sn.Offset(i)] != sn.Text[i] {
				t.Fatalf("%s snippet byte %d %q maps to %d %q", sn.Lang, i, sn.Text[i], sn.Offset(i), src[sn.Offset(i)])
			}
		}
	}
	prose := found.Snippets[len(found.Snippets)-1]
	if prose.Lang != "prose" || len(prose.Text) != len(src) || strings.Count(prose.Text, "\n") != strings.Count(src, "\n") {
		t.Fatalf("bad prose snippet %q", prose.Text)
	}
}

const rstRunbook = "HR sync runbook\n" +
	"===============\n" +
	"\n" +
	"Deactivate leavers with the legacy API:\n" +
	"\n" +
	".. code-block:: bash\n" +
	"   :linenos:\n" +
	"\n" +
	"   curl -X DELETE \"https://acme.360learning.com/api/v1/users/$EMAIL?company=$CID&apiKey=$KEY\"\n" +
	"     # keep the indentation of continuation lines\n" +
	"\n" +
	"The paginated listing looks like this::\n" +
	"\n" +
	"\tGET https://acme.360learning.com/api/v1/groups\n" +
	"\n" +
	"* Python client:\n" +
	"\n" +
	"  .. code:: Python\n" +
	"\n" +
	"     requests.get(\"https://app.360learning.com/api/v1/courses\")\n" +
	"\n" +
	".. sourcecode:: console\n" +
	"\n" +
	"   $ curl https://api.peoplehub.example/v1/people\n" +
	"\n" +
	".. note:: This is not code::\n" +
	"   Just a note.\n" +
	"\n" +
	"Done. GET https://acme.360learning.com/api/v1/users stays in prose.\n"

func TestRST(t *testing.T) {
	found, err := markdown.ReadRST("runbook.rst", []byte(rstRunbook))
	if err != nil {
		t.Fatal(err)
	}
	checkSnippets(t, rstRunbook, found)
	var langs []string
	for _, sn := range found.Snippets {
		langs = append(langs, sn.Lang)
	}
	if got := strings.Join(langs, ","); got != "bash,,python,console,prose" {
		t.Fatalf("langs = %s", got)
	}
	want := []string{
		"curl -X DELETE \"https://acme.360learning.com/api/v1/users/$EMAIL?company=$CID&apiKey=$KEY\"\n  # keep the indentation of continuation lines\n",
		"GET https://acme.360learning.com/api/v1/groups\n",
		"requests.get(\"https://app.360learning.com/api/v1/courses\")\n",
		"$ curl https://api.peoplehub.example/v1/people\n",
	}
	for i, w := range want {
		if found.Snippets[i].Text != w {
			t.Errorf("snippet %d = %q, want %q", i, found.Snippets[i].Text, w)
		}
	}
	if at := strings.Index(rstRunbook, "curl -X DELETE"); found.Snippets[0].Offset(0) != at {
		t.Errorf("bash snippet starts at %d, want %d", found.Snippets[0].Offset(0), at)
	}
	prose := found.Snippets[len(found.Snippets)-1].Text
	for _, gone := range []string{"code-block", "api/v1/groups", "linenos", "requests.get", "peoplehub"} {
		if strings.Contains(prose, gone) {
			t.Errorf("prose still holds %q", gone)
		}
	}
	for _, kept := range []string{"looks like this::", "Just a note.", "/api/v1/users stays in prose"} {
		if !strings.Contains(prose, kept) {
			t.Errorf("prose lost %q", kept)
		}
	}
}

func TestRSTEdges(t *testing.T) {
	for _, src := range []string{
		"",
		"::",
		"Text::\n",
		"Text::\n\n",
		".. code-block:: bash\n",
		".. code-block::\n\n   x\r\n",
		"Text::\nnot blank\n   indented\n",
		strings.Repeat("  ", 5000) + "deep::\n\n" + strings.Repeat(" ", 10001) + "x",
	} {
		found, err := markdown.ReadRST("x.rst", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		checkSnippets(t, src, found)
	}
	if _, err := markdown.ReadRST("x.rst", []byte{0xff}); err == nil {
		t.Fatal("invalid UTF-8 accepted")
	}
}

// The bash block read by the curl reader: the finding lands on the v1 path
// in the .rst file, not in the dedented snippet.
func TestRSTCurlFinding(t *testing.T) {
	found, err := markdown.ReadRST("runbook.rst", []byte(rstRunbook))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	sf, err := curl.ReadSnippet("runbook.rst", &found.Snippets[0])
	if err != nil {
		t.Fatal(err)
	}
	lines := rules.NewLines([]byte(rstRunbook))
	var got []string
	for j := range sf.Calls {
		for _, f := range cat.Check(&sf.Calls[j], nil) {
			f.Locate(lines)
			got = append(got, f.Rule+"@"+itoa(f.Line)+":"+itoa(f.Column))
		}
	}
	// Line 9 is `   curl -X DELETE "https://…?company=$CID&apiKey=$KEY"`:
	// the URL starts at column 20, apiKey at column 69.
	if want := "v1-endpoint-unmapped@9:20 v1-credentials@9:69"; strings.Join(got, " ") != want {
		t.Fatalf("findings %v, want %s", got, want)
	}
}
