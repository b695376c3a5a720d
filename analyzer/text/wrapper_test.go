package text_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/rules"
)

// A module defining a path wrapper exports its base under the wrapper's
// name; other modules' calls through it wait for that base.
func TestWrapperBaseAcrossFiles(t *testing.T) {
	lib := []byte("import os\nimport requests\n\nBASE = os.environ[\"LMS_API_URL\"]\nsession = requests.Session()\n\n" +
		"def lms_get(path, **kw):\n    return session.get(BASE + path, **kw)\n\n" +
		"def lms_put(path, **kw):\n    return session.put(BASE + path, **kw)\n\n" +
		"def explain(path):\n    return 'see ' + path\n")
	sync := []byte("from lms import lms_get, lms_put\n\n" +
		"def deactivate(email):\n    lms_put('/users/' + email, json={'primaryGroupId': None})\n\n" +
		"def leavers():\n    return lms_get('/users', params={'deleted': 'true'}).json()\n\n" +
		"def report(email):\n    print('/users/' + email)\n    explain('/users/' + email)\n")
	lf, err := text.Read("hr/lms.py", lib)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, b := range lf.Bases {
		c := rules.Call{URL: b.URL}
		names[b.Name] = c.URLText()
	}
	if names["lms_get"] != `{os.environ["LMS_API_URL"]}` || names["lms_put"] != names["lms_get"] || names["explain"] != "" {
		t.Fatalf("bases = %q, want lms_get and lms_put from the environment lookup, no base for explain", names)
	}
	sf, err := text.Read("hr/sync.py", sync)
	if err != nil {
		t.Fatal(err)
	}
	type got struct{ base, method, url string }
	var pend []got
	for _, p := range sf.Pending {
		pend = append(pend, got{p.Base, p.Call.Method, p.Call.URLText()})
	}
	want := []got{
		{"lms_put", "PUT", "{lms_put}/users/{email}"},
		{"lms_get", "GET", "{lms_get}/users"},
		{"explain", "GET", "{explain}/users/{email}"},
	}
	if len(pend) != len(want) {
		t.Fatalf("pending = %+v, want %+v", pend, want)
	}
	for i := range want {
		if pend[i] != want[i] {
			t.Fatalf("pending = %+v, want %+v", pend, want)
		}
	}
	if p := sf.Pending[0].Call.Params; len(p) != 1 || p[0].Name != "primaryGroupId" || p[0].In != rules.InBody {
		t.Fatalf("PUT params = %+v", p)
	}
	if p := sf.Pending[1].Call.Params; len(p) != 1 || p[0].Name != "deleted" || p[0].In != rules.InQuery {
		t.Fatalf("GET params = %+v", p)
	}
	// explain is no wrapper: no base completes its pending call
	if alts := rules.Resolve(sf.Pending[2:], lf.Bases); len(alts[0]) != 0 {
		t.Fatalf("explain resolved to %+v", alts)
	}
}

// A class method wrapper exports its base too, resolved through the class
// field it reads; a path held in a local name first still waits for it.
func TestWrapperClassMethodAndPathName(t *testing.T) {
	client := []byte("export class LmsClient {\n  private readonly base = 'https://acme.360learning.com/api/v1';\n\n" +
		"  async lmsCall<T>(path: string, init: RequestInit = {}): Promise<T> {\n" +
		"    const res = await fetch(`${this.base}${path}`, init);\n    return res.json();\n  }\n\n" +
		"  label(path: string): string {\n    if (path) { return 'users' + path; }\n    return '';\n  }\n}\n")
	cf, err := text.Read("lms/client.ts", client)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range cf.Bases {
		if b.Name == "lmsCall" {
			c := rules.Call{URL: b.URL}
			if c.URLText() != "https://acme.360learning.com/api/v1" {
				t.Errorf("lmsCall's base = %s", c.URLText())
			}
		}
		names = append(names, b.Name)
	}
	if !slices.Contains(names, "lmsCall") || slices.Contains(names, "label") {
		t.Fatalf("bases named %q, want lmsCall (label makes no request)", names)
	}
	svc := []byte("export async function drop(lms: LmsClient, id: string) {\n  const path = `/users/${id}`;\n  await lms.lmsCall(path, { method: 'DELETE' });\n  await lmsCall(path, { method: 'DELETE' });\n}\n")
	sf, err := text.Read("lms/users.ts", svc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range sf.Pending {
		got = append(got, p.Base+" "+p.Call.Method+" "+p.Call.URLText())
	}
	if len(got) != 2 || got[0] != "lmsCall DELETE {lmsCall}/users/{id}" || got[1] != got[0] {
		t.Fatalf("pending = %q", got)
	}
}

// Deeply nested definitions are read in linear time.
func TestNestedWrappersAreFast(t *testing.T) {
	var b strings.Builder
	const depth = 20000
	for range depth {
		b.WriteString("function w(path) { fetch(BASE + path);\n")
	}
	b.WriteString(strings.Repeat("}\n", depth))
	start := time.Now()
	if _, err := text.Read("deep.js", []byte(b.String())); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("took %v", d)
	}
}
