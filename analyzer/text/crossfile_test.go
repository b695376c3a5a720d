package text_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/rules"
)

// A base defined in a config module completes a call in a service module.
func TestCrossFileCompletion(t *testing.T) {
	cfg := []byte("export const config = {\n  lmsBaseUrl: 'https://acme.360learning.com/api/v1',\n};\n")
	svc := []byte("import { config } from './config';\n\nexport async function deactivate(email: string) {\n  await axios.put(`${config.lmsBaseUrl}/users/${email}`, { primaryGroupId: null });\n}\n")
	cf, err := text.Read("src/config.ts", cfg)
	if err != nil {
		t.Fatal(err)
	}
	sf, err := text.Read("src/users.ts", svc)
	if err != nil {
		t.Fatal(err)
	}
	if len(cf.Bases) != 1 || cf.Bases[0].Name != "config.lmsBaseUrl" {
		t.Fatalf("config bases = %+v, want one named config.lmsBaseUrl (its dotted path)", cf.Bases)
	}
	if len(sf.Calls) != 0 || len(sf.Pending) != 1 || sf.Pending[0].Base != "config.lmsBaseUrl" {
		t.Fatalf("service: calls %+v, pending %+v; want one call pending config.lmsBaseUrl", sf.Calls, sf.Pending)
	}
	alts := rules.Resolve(sf.Pending, cf.Bases)
	if len(alts) != 1 || len(alts[0]) != 1 {
		t.Fatalf("resolve = %+v", alts)
	}
	call := alts[0][0]
	if call.Method != "PUT" || call.URLText() != "https://acme.360learning.com/api/v1/users/{email}" {
		t.Fatalf("completed call %s %s", call.Method, call.URLText())
	}
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	lines := rules.NewLines(svc)
	got := map[string]int{}
	for _, f := range cat.Check(&call, nil) {
		f.Locate(lines)
		got[f.Rule] = f.Line
	}
	if got["update-user-endpoint"] != 4 || got["update-user-primary-group-id"] != 4 {
		t.Fatalf("findings by rule and line = %v, want update-user-endpoint and update-user-primary-group-id at line 4", got)
	}
}

// Relative paths sent through a client whose base lives in another file
// wait for the project's default bases.
func TestRelativePathPending(t *testing.T) {
	src := []byte("class Users:\n    def drop(self, email):\n        return self.session.put('/users/%s' % email, json={'password': 'x'})\n\n    def other(self):\n        cache.get('/users/all')\n        print('/users/' + 'x')\n")
	found, err := text.Read("users.py", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Pending) != 1 || found.Pending[0].Base != "" || found.Pending[0].Call.Method != "PUT" {
		t.Fatalf("pending = %+v, want one PUT waiting for a default base", found.Pending)
	}
	c := found.Pending[0].Call
	if len(c.Params) != 1 || c.Params[0].Name != "password" || c.Params[0].In != rules.InBody {
		t.Fatalf("params = %+v", c.Params)
	}
	alts := rules.Resolve(found.Pending, []rules.Base{{Name: "", URL: []rules.URLPart{{Lit: "https://acme.360learning.com/api/v1"}}}})
	if len(alts[0]) != 1 || alts[0][0].URLText() != "https://acme.360learning.com/api/v1/users/{email}" {
		t.Fatalf("resolved = %+v", alts)
	}
}

func TestInvalidUTF8(t *testing.T) {
	if _, err := text.Read("x.js", []byte{0xff, 0xfe, 'a'}); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Fatalf("err = %v, want a UTF-8 error", err)
	}
}

// A client class's default base (axios.create) completes the relative paths
// a users service in another file sends through it.
func TestCrossFileDefaultBase(t *testing.T) {
	client := []byte("const config = { lmsBaseUrl: 'https://acme.360learning.com/api/v1' };\nexport const lms = axios.create({ baseURL: config.lmsBaseUrl, timeout: 5000 });\n")
	service := []byte("import { lms } from './client';\n\nexport const drop = (groupId, email) =>\n  lms.delete(`/groups/${groupId}/users/${email}`, { data: { deleteFromPrivateSubgroups: true } });\n")
	cf, err := text.Read("client.js", client)
	if err != nil {
		t.Fatal(err)
	}
	sf, err := text.Read("users.js", service)
	if err != nil {
		t.Fatal(err)
	}
	// the call names the instance it is made on; the client file exports
	// the instance's base under its name
	var defaults []rules.Base
	for _, b := range cf.Bases {
		if b.Name == "lms" {
			defaults = append(defaults, b)
		}
	}
	if len(defaults) != 1 || len(sf.Pending) != 1 || sf.Pending[0].Base != "lms" {
		t.Fatalf("client bases %+v, service pending %+v", cf.Bases, sf.Pending)
	}
	alts := rules.Resolve(sf.Pending, defaults)
	if len(alts[0]) != 1 {
		t.Fatalf("resolve = %+v", alts)
	}
	call := alts[0][0]
	cat, _ := rules.Default()
	lines := rules.NewLines(service)
	got := map[string]int{}
	for _, f := range cat.Check(&call, nil) {
		f.Locate(lines)
		got[f.Rule] = f.Line
	}
	if got["remove-user-role-endpoint"] != 4 || got["remove-user-role-delete-from-private-subgroups"] != 4 {
		t.Fatalf("findings = %v, want the deleteUserFromGroup endpoint and removed parameter at line 4", got)
	}
}
