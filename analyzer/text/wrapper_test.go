package text_test

import (
	"testing"

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
