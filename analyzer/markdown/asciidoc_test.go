package markdown_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/markdown"
)

const adocRunbook = "= Ops handbook\n" +
	":source-language: shell\n" +
	"\n" +
	"Sync the groups every night.\n" +
	"\n" +
	".Nightly job\n" +
	"[source,bash]\n" +
	"----\n" +
	"curl \"https://acme.360learning.com/api/v1/groups?company=$CID&apiKey=$KEY\"\n" +
	"----\n" +
	"\n" +
	"[source%linenums, Python]\n" +
	"------\n" +
	"requests.get(f\"{HOST}/api/v1/users\")\n" +
	"----\n" +
	"still python\n" +
	"------\n" +
	"\n" +
	"....\n" +
	"GET https://app.360learning.com/api/v1/courses\n" +
	"....\n" +
	"\n" +
	"////\n" +
	"----\n" +
	"commented out\n" +
	"////\n" +
	"\n" +
	"----\n" +
	"curl http://localhost:8080/api/v1/users\n" +
	"----\n" +
	"\n" +
	"[source]\n" +
	"wget https://acme.360learning.com/api/v1/paths\n" +
	"\n" +
	"[NOTE]\n" +
	"The v1 API at https://acme.360learning.com/api/v1/users stays in prose.\n" +
	"\n" +
	"```js\n" +
	"fetch(host + '/api/v1/users')\n" +
	"```\n"

func TestAsciiDoc(t *testing.T) {
	found, err := markdown.ReadAsciiDoc("ops.adoc", []byte(adocRunbook))
	if err != nil {
		t.Fatal(err)
	}
	checkSnippets(t, adocRunbook, found)
	var langs []string
	for _, sn := range found.Snippets {
		langs = append(langs, sn.Lang)
	}
	if got := strings.Join(langs, ","); got != "bash,python,,,shell,js,prose" {
		t.Fatalf("langs = %s", got)
	}
	want := []string{
		"curl \"https://acme.360learning.com/api/v1/groups?company=$CID&apiKey=$KEY\"\n",
		"requests.get(f\"{HOST}/api/v1/users\")\n----\nstill python\n",
		"GET https://app.360learning.com/api/v1/courses\n",
		"curl http://localhost:8080/api/v1/users\n",
		"wget https://acme.360learning.com/api/v1/paths\n",
		"fetch(host + '/api/v1/users')\n",
	}
	for i, w := range want {
		sn := found.Snippets[i]
		if sn.Text != w {
			t.Errorf("snippet %d = %q, want %q", i, sn.Text, w)
		}
		if at := strings.Index(adocRunbook, w); sn.Start != at {
			t.Errorf("snippet %d starts at %d, want %d", i, sn.Start, at)
		}
	}
	prose := found.Snippets[len(found.Snippets)-1].Text
	for _, gone := range []string{"[source,bash]", "api/v1/groups", "still python", "api/v1/courses", "api/v1/paths", "fetch("} {
		if strings.Contains(prose, gone) {
			t.Errorf("prose still holds %q", gone)
		}
	}
	for _, kept := range []string{".Nightly job", "commented out", "/api/v1/users stays in prose"} {
		if !strings.Contains(prose, kept) {
			t.Errorf("prose lost %q", kept)
		}
	}
}

func TestAsciiDocEdges(t *testing.T) {
	for _, src := range []string{
		"",
		"----",
		"----\n",
		"----\ncurl x\n",
		"[source,bash]\n",
		"[source,bash]\n----\n----\n",
		"[source]\nx",
		"```\n",
		"////\n----\n",
	} {
		found, err := markdown.ReadAsciiDoc("x.adoc", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		checkSnippets(t, src, found)
	}
	if _, err := markdown.ReadAsciiDoc("x.adoc", []byte{0xff}); err == nil {
		t.Fatal("invalid UTF-8 accepted")
	}
}

// Callouts are not code: a curl whose lines end in <1> still reads as one
// command, and the snippet maps back to the file's bytes.
func TestAsciiDocCallouts(t *testing.T) {
	src := "[source,bash]\n----\ncurl -X PUT \\ <1>\n  \"https://acme.360learning.com/api/v1/users/5f1b2c3d4e5f6a7b8c9d0e1f/pseudonymize\" <2> <!--3-->\n----\n<1> PUT.\n"
	found, err := markdown.ReadAsciiDoc("x.adoc", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	checkSnippets(t, src, found)
	want := "curl -X PUT \\\n  \"https://acme.360learning.com/api/v1/users/5f1b2c3d4e5f6a7b8c9d0e1f/pseudonymize\"\n"
	if got := found.Snippets[0].Text; got != want {
		t.Errorf("snippet %q, want %q", got, want)
	}
}
