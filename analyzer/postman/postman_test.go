package postman_test

import (
	"os"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/postman"
	"github.com/migaudit/migaudit/internal/readertest"
	"github.com/migaudit/migaudit/rules"
)

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile("testdata/golden/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func mustRead(t *testing.T, src string) *rules.Found {
	t.Helper()
	found, err := postman.Read("c.json", []byte(src))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return found
}

// collection wraps items (and extra top-level members) in a v2.1 collection.
func collection(items string, extra ...string) string {
	s := `{"info": {"name": "t", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [` + items + `]`
	for _, e := range extra {
		s += ", " + e
	}
	return s + "}"
}

// findingAt returns the finding of rule id, failing when there is not
// exactly one.
func findingAt(t *testing.T, fs []rules.Finding, id string) rules.Finding {
	t.Helper()
	var got []rules.Finding
	for _, f := range fs {
		if f.Rule == id {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("want one %s finding, got %d: %+v", id, len(got), fs)
	}
	return got[0]
}

func TestIsCollectionAndEnvironment(t *testing.T) {
	for _, tc := range []struct {
		file      string
		coll, env bool
	}{
		{file: "admin-v1.postman_collection.json", coll: true},
		{file: "hr-sync-v20.postman_collection.json", coll: true},
		{file: "offboarding-missing-comma.postman_collection.json", coll: true},
		{file: "acme-prod.postman_environment.json", env: true},
		{file: "package.json"},
	} {
		src := readFile(t, tc.file)
		if got := postman.IsCollection(src); got != tc.coll {
			t.Errorf("IsCollection(%s) = %v, want %v", tc.file, got, tc.coll)
		}
		if got := postman.IsEnvironment(src); got != tc.env {
			t.Errorf("IsEnvironment(%s) = %v, want %v", tc.file, got, tc.env)
		}
	}
	admin := readFile(t, "admin-v1.postman_collection.json")
	if !postman.IsCollection(admin[:len(admin)/2]) {
		t.Error("a collection cut in half is still a collection (Read reports the error)")
	}
	for _, s := range []string{
		`{"_postman_id": "x", "info": {}}`,                 // no item, valid JSON
		`{"_postman_id": "x", "item": [], "info": "text"}`, // info not an object
		`["schema.getpostman.com"]`,
		`{"info": {}, "item": []}`, // no Postman marker
		"",
		"\xff\xfe_postman_id",
	} {
		if postman.IsCollection([]byte(s)) {
			t.Errorf("IsCollection(%q) = true", s)
		}
	}
}

// A finding's position lands on the key it is about, through the JSON
// escaping of a raw body and inside url.raw.
func TestFindingOffsets(t *testing.T) {
	src := readFile(t, "admin-v1.postman_collection.json")
	fs, err := readertest.Findings(t, postman.Read, "admin.json", src)
	if err != nil {
		t.Fatal(err)
	}
	at := func(id string) string {
		f := findingAt(t, fs, id)
		return string(src[f.Span.Start:f.Span.End])
	}
	// Findings sit on the parameter's name...
	for id, want := range map[string]string{
		"update-user-primary-group-id": `\"primaryGroupId\"`,
		"update-user-password":         `\"password\"`,
		"list-users-deleted":           "deleted",
		"remove-user-role-group-id":    `"group_id"`,
	} {
		if got := at(id); got != want {
			t.Errorf("%s finding covers %q, want %q", id, got, want)
		}
	}
	// ...while the parameters' spans cover what a fix removes.
	found, err := postman.Read("admin.json", src)
	if err != nil {
		t.Fatal(err)
	}
	spans := map[string]string{}
	for _, c := range found.Calls {
		for _, p := range c.Params {
			spans[p.Name] = string(src[p.Span.Start:p.Span.End])
		}
	}
	if got, want := spans["primaryGroupId"], `\"primaryGroupId\": \"{{primaryGroupId}}\"`; !strings.HasPrefix(got, want) {
		t.Errorf("primaryGroupId param covers %q, want %q", got, want)
	}
	if got := spans["group_id"]; !strings.HasPrefix(got, "{") || !strings.Contains(got, `"key": "group_id"`) || strings.Contains(got, "deleteFromPrivateSubgroups") {
		t.Errorf("group_id param covers %q, want its urlencoded entry", got)
	}
	f := findingAt(t, fs, "update-user-primary-group-id")
	line := strings.Split(string(src), "\n")[f.Line-1]
	if !strings.HasPrefix(line[f.Column-1:], `\"primaryGroupId\"`) {
		t.Errorf("line:col %d:%d does not land on the key: %q", f.Line, f.Column, line[f.Column-1:])
	}
}

func TestEscapedBodyOffsets(t *testing.T) {
	// \u00e9 and \t before the key: the key's span must still be exact.
	src := collection(`{"name": "u", "request": {"method": "PUT",
		"url": "https://acme.360learning.com/api/v1/users/a@acme.com",
		"body": {"mode": "raw", "raw": "{\"name\": \"Ren\u00e9e\",\t\"password\": \"x\"}"}}}`)
	fs, err := readertest.Findings(t, postman.Read, "c.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f := findingAt(t, fs, "update-user-password")
	if got := src[f.Span.Start:f.Span.End]; got != `\"password\"` {
		t.Errorf("password finding covers %q", got)
	}
}

func TestVariables(t *testing.T) {
	src := collection(`
		{"name": "list", "request": {"method": "GET", "url": {"raw": "{{baseUrl}}/users?company={{company}}&deleted=true"}}},
		{"name": "off", "request": {"method": "GET", "url": {"raw": "{{offUrl}}/users"}}}`,
		`"variable": [
			{"key": "baseUrl", "value": "https://{{tenant}}.360learning.com/api/v1"},
			{"key": "tenant", "value": "acme"},
			{"key": "company", "value": "5f3c9a1b2e4d6f7a8b9c0d1e"},
			{"key": "offUrl", "value": "https://acme.360learning.com/api/v1", "disabled": true}
		]`)
	found := mustRead(t, src)
	if len(found.Calls) != 1 {
		t.Fatalf("want 1 call, got %+v", found.Calls)
	}
	c := found.Calls[0]
	if got, want := c.URLText(), "https://acme.360learning.com/api/v1/users?company={{company}}&deleted=true"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	base := c.URL[0]
	if base.Raw || src[base.Span.Start:base.Span.End] != "{{baseUrl}}" {
		t.Errorf("the substituted base sits at %q (raw %v), want at {{baseUrl}}, not raw", src[base.Span.Start:base.Span.End], base.Raw)
	}
	for _, p := range c.URL {
		if p.Raw && src[p.Span.Start:p.Span.End] != p.Lit {
			t.Errorf("raw part %q is not the file text %q", p.Lit, src[p.Span.Start:p.Span.End])
		}
	}
	// A disabled variable is not defined: the call waits for an environment.
	if len(found.Pending) != 1 || found.Pending[0].Base != "offUrl" {
		t.Fatalf("want the offUrl call pending, got %+v", found.Pending)
	}
	p := found.Pending[0].Call.URL[0]
	if p.Lit != "{{offUrl}}" || src[p.Span.Start:p.Span.End] != "{{offUrl}}" {
		t.Errorf("pending call's first part = %+v", p)
	}
}

func TestPendingResolvedByEnvironment(t *testing.T) {
	coll := readFile(t, "hr-sync-v20.postman_collection.json")
	env := readFile(t, "acme-prod.postman_environment.json")
	found, err := postman.Read("hr.json", coll)
	if err != nil {
		t.Fatal(err)
	}
	envFound, err := postman.Read("env.json", env)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range envFound.Bases {
		names = append(names, b.Name)
		if b.File != "env.json" {
			t.Errorf("base %s File = %q", b.Name, b.File)
		}
	}
	// stagingApi is disabled, company and apiKey are no URLs; peoplehubUrl
	// holds /api/v1 (the rules reject its host once a call uses it).
	if got := strings.Join(names, ","); got != "lmsApi,host,peoplehubUrl" {
		t.Errorf("environment bases = %s, want lmsApi,host,peoplehubUrl", got)
	}
	if len(found.Pending) != 1 || found.Pending[0].Base != "lmsApi" {
		t.Fatalf("pending = %+v, want the lmsApi call", found.Pending)
	}
	alts := rules.Resolve(found.Pending, envFound.Bases)
	if len(alts[0]) != 1 {
		t.Fatalf("lmsApi call not resolved: %+v", alts)
	}
	call := alts[0][0]
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	fs := cat.Check(&call, nil)
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	if got := strings.Join(ids, ","); got != "pseudonymize-user-endpoint,v1-credentials" {
		t.Errorf("findings after resolution = %s", got)
	}
	if s := fs[0].Span; string(coll[s.Start:s.Start+len("{{lmsApi}}")]) != "{{lmsApi}}" {
		t.Errorf("the resolved call's finding starts at %q", coll[s.Start:s.End])
	}
}

// A variable at the start followed by a host or /api/v1 is not pending: the
// rules judge the call as written.
func TestNotPending(t *testing.T) {
	src := collection(`
		{"name": "a", "request": {"url": "{{tenant}}.360learning.com/api/v1/users"}},
		{"name": "b", "request": {"url": "{{host}}/api/v1/users"}},
		{"name": "c", "request": {"url": "{{$randomUrl}}/users"}}`)
	found := mustRead(t, src)
	if len(found.Pending) != 0 || len(found.Calls) != 3 {
		t.Errorf("calls %d, pending %+v", len(found.Calls), found.Pending)
	}
}

func TestAuthInheritance(t *testing.T) {
	apikey := func(key, in string) string {
		return `{"type": "apikey", "apikey": [{"key": "key", "value": "` + key + `"}, {"key": "value", "value": "{{k}}"}, {"key": "in", "value": "` + in + `"}]}`
	}
	req := func(name, auth string) string {
		s := `{"name": "` + name + `", "request": {"method": "GET", "url": "https://acme.360learning.com/api/v1/users"`
		if auth != "" {
			s += `, "auth": ` + auth
		}
		return s + `}}`
	}
	src := collection(
		req("inherits collection", "")+`,
		{"name": "bearer folder", "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "t"}]}, "item": [`+req("inherits folder", "")+`, `+req("own apikey", apikey("company", "query"))+`]},
		{"name": "noauth folder", "auth": {"type": "noauth"}, "item": [`+req("inherits noauth", "")+`]},
		{"name": "inherit folder", "auth": {"type": "inherit"}, "item": [`+req("inherits through", "")+`]},
		`+req("header key", apikey("apiKey", "header"))+`,
		`+req("v2.0 object", `{"type": "apikey", "apikey": {"key": "apiKey", "value": "x", "in": "query"}}`),
		`"auth": `+apikey("apiKey", "query"))
	found := mustRead(t, src)
	type want struct {
		bearer bool
		param  string // "name/in" or ""
	}
	wants := map[int]want{
		0: {false, "apiKey/query"},
		1: {true, ""},
		2: {false, "company/query"},
		3: {false, ""},
		4: {false, "apiKey/query"},
		5: {false, "apiKey/header"},
		6: {false, "apiKey/query"},
	}
	if len(found.Calls) != len(wants) {
		t.Fatalf("got %d calls, want %d", len(found.Calls), len(wants))
	}
	for i, c := range found.Calls {
		got := want{bearer: c.Bearer}
		for _, p := range c.Params {
			got.param = p.Name + "/" + string(p.In)
		}
		if got != wants[i] {
			t.Errorf("call %d: got %+v, want %+v", i, got, wants[i])
		}
	}
	// The param sits on the auth block it comes from, named at its key.
	p := found.Calls[0].Params[0]
	if !strings.HasPrefix(src[p.Span.Start:], `{"type": "apikey"`) || src[p.NameSpan.Start:p.NameSpan.End] != `"apiKey"` {
		t.Errorf("apikey param at %q, name at %q", src[p.Span.Start:p.Span.End], src[p.NameSpan.Start:p.NameSpan.End])
	}
}

func TestQueryEntries(t *testing.T) {
	src := collection(`
		{"name": "raw has a disabled pair", "request": {"url": {
			"raw": "https://acme.360learning.com/api/v1/users?deleted=true&company=acme",
			"query": [{"key": "deleted", "value": "true", "disabled": true}, {"key": "company", "value": "acme"}]}}},
		{"name": "entry missing from raw", "request": {"url": {
			"raw": "https://acme.360learning.com/api/v1/users",
			"query": [{"key": "deleted", "value": "true"}, {"key": "apiKey", "value": "k", "disabled": true}]}}},
		{"name": "no raw", "request": {"url": {
			"protocol": "https", "host": "acme.360learning.com", "port": "443", "path": "api/v1/users",
			"query": [{"key": "deleted", "value": "true"}, {"key": "company", "value": "acme", "disabled": true}]}}}`)
	found := mustRead(t, src)
	if len(found.Calls) != 3 {
		t.Fatalf("got %d calls", len(found.Calls))
	}
	if got := found.Calls[0].URLText(); got != "https://acme.360learning.com/api/v1/users?company=acme" {
		t.Errorf("disabled pair not cut: %q", got)
	}
	for _, p := range found.Calls[0].URL {
		if !p.Raw || src[p.Span.Start:p.Span.End] != p.Lit {
			t.Errorf("part %+v is not raw file text", p)
		}
	}
	if ps := found.Calls[1].Params; len(ps) != 1 || ps[0].Name != "deleted" || !strings.HasPrefix(src[ps[0].Span.Start:], `{"key": "deleted"`) {
		t.Errorf("missing entry params = %+v", ps)
	}
	c := found.Calls[2]
	if got := c.URLText(); got != "https://acme.360learning.com:443/api/v1/users" {
		t.Errorf("URL from pieces = %q", got)
	}
	if len(c.Params) != 1 || c.Params[0].Name != "deleted" {
		t.Errorf("no-raw params = %+v", c.Params)
	}
}

func TestMethodHeadersAndBodies(t *testing.T) {
	src := collection(`
		{"name": "string request", "request": "https://acme.360learning.com/api/v1/users"},
		{"name": "headers", "request": {"method": "delete", "url": "https://acme.360learning.com/api/v1/users",
			"header": "Authorization: Bearer abc\r\n  X-Trace: 1\n// comment: no header",
			"body": {"mode": "formdata", "formdata": [{"key": "company", "value": "acme"}, {"key": "apiKey", "value": "k", "enabled": false}]}}},
		{"name": "xml", "request": {"method": "POST", "url": "https://acme.360learning.com/api/v1/users",
			"body": {"mode": "raw", "raw": "{\"password\": 1}", "options": {"raw": {"language": "xml"}}}}},
		{"name": "graphql", "request": {"method": "POST", "url": "https://acme.360learning.com/api/v1/users",
			"body": {"mode": "graphql", "graphql": {"query": "{ users }"}}}}`)
	found := mustRead(t, src)
	c := found.Calls[0]
	if c.Method != "GET" || !c.MethodImplied || !c.MethodSpan.IsZero() {
		t.Errorf("string request method = %q implied %v", c.Method, c.MethodImplied)
	}
	if !strings.HasPrefix(src[c.Span.Start:], `{"name": "string request"`) {
		t.Errorf("call span starts at %q", src[c.Span.Start:c.Span.Start+20])
	}
	c = found.Calls[1]
	if c.Method != "DELETE" || src[c.MethodSpan.Start:c.MethodSpan.End] != `"delete"` {
		t.Errorf("method %q at %q", c.Method, src[c.MethodSpan.Start:c.MethodSpan.End])
	}
	if !c.Bearer {
		t.Error("Authorization: Bearer header not seen")
	}
	var got []string
	for _, p := range c.Params {
		got = append(got, p.Name+"/"+string(p.In)+"="+src[p.NameSpan.Start:p.NameSpan.End])
	}
	if g := strings.Join(got, " "); g != `Authorization/header=Authorization X-Trace/header=X-Trace company/form="company"` {
		t.Errorf("params: %s", g)
	}
	if len(found.Calls[2].Params) != 0 || len(found.Calls[3].Params) != 0 {
		t.Errorf("xml/graphql bodies gave params: %+v %+v", found.Calls[2].Params, found.Calls[3].Params)
	}
}

func TestScriptsAreSnippets(t *testing.T) {
	src := collection(`{"name": "r", "event": [{"listen": "prerequest", "script": {"exec": ["const u = \"https://acme.360learning.com/api/v1/users\";", "pm.sendRequest(u);"]}}],
		"request": "https://example.org"}`)
	found := mustRead(t, src)
	if len(found.Snippets) != 1 {
		t.Fatalf("snippets = %+v", found.Snippets)
	}
	sn := found.Snippets[0]
	if sn.Lang != "js" || !strings.Contains(sn.Text, "\npm.sendRequest(u);") {
		t.Errorf("snippet %+v", sn)
	}
	i := strings.Index(sn.Text, "https://")
	j := strings.Index(sn.Text, "pm.send")
	if src[sn.Offset(i):sn.Offset(i)+8] != "https://" || src[sn.Offset(j):sn.Offset(j)+7] != "pm.send" {
		t.Errorf("snippet offsets are off: %q %q", src[sn.Offset(i):], src[sn.Offset(j):])
	}
}

func TestEscapedURLIsNotRaw(t *testing.T) {
	src := collection(`{"name": "r", "request": {"method": "GET", "url": "https:\/\/acme.360learning.com\/api\/v1\/users?deleted=true"}}`)
	fs, err := readertest.Findings(t, postman.Read, "c.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f := findingAt(t, fs, "list-users-deleted")
	if got := src[f.Span.Start:f.Span.End]; !strings.Contains(got, "deleted=true") {
		t.Errorf("finding covers %q", got)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`{"info": {}, "item": [}`, "invalid JSON: line 1 col 23: unexpected '}', expecting a value"},
		{"{\n  \"info\": {},\n  \"item\": [\n", "invalid JSON: line 4 col 1: unexpected end of input, expecting a value"},
		{`{"info": {}, "item": []} trailing`, "invalid JSON: line 1 col 26: unexpected 't' after the top-level value"},
		{"{\"info\": \"\xff\"}", "invalid JSON: line 1 col 11: invalid UTF-8"},
		{`{"info": "\x"}`, "invalid JSON: line 1 col 12: invalid escape character 'x' in string"},
		{`{"name": "x", "values": []}`, "not a Postman collection"},
		{`[]`, "not a Postman collection"},
		{`{"id": "x", "name": "old", "order": [], "requests": []}`, "not a Postman collection: this is the Postman collection format v1, which is not read: export it from Postman as v2.1"},
		{``, "invalid JSON: line 1 col 1: unexpected end of input, expecting a value"},
	} {
		_, err := postman.Read("x.json", []byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("Read(%q) error = %v, want %s", tc.src, err, tc.want)
		}
	}
	// A collection saved from the Postman API is wrapped in {"collection": …}.
	wrapped := `{"collection": ` + collection(`{"request": "https://acme.360learning.com/api/v1/users"}`) + `}`
	if !postman.IsCollection([]byte(wrapped)) {
		t.Error("wrapped collection not recognised")
	}
	if found, err := postman.Read("x.json", []byte(wrapped)); err != nil || len(found.Calls) != 1 {
		t.Errorf("wrapped collection: %v, %+v", err, found)
	}
	// A byte order mark is fine.
	if _, err := postman.Read("x.json", []byte("\xef\xbb\xbf"+collection(""))); err != nil {
		t.Errorf("BOM: %v", err)
	}
}

// Every prefix of a real collection reads without panicking, and each one
// that fails says where.
func TestTruncated(t *testing.T) {
	src := readFile(t, "hr-sync-v20.postman_collection.json")
	for n := 0; n < len(src); n++ {
		_, err := postman.Read("x.json", src[:n])
		if err == nil && strings.TrimSpace(string(src[:n])) != strings.TrimSpace(string(src)) {
			t.Fatalf("prefix of %d bytes read without error", n)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "invalid JSON: line ") {
			t.Fatalf("prefix of %d bytes: %v", n, err)
		}
	}
}

// TestPiecedURLStartsAtURLObject checks that a URL built from host and path
// starts at its url object (the first part, no longer raw, stretched back
// to the '{'), for calls and pending calls, while a raw URL's parts stay the
// exact file text.
func TestPiecedURLStartsAtURLObject(t *testing.T) {
	src := collection(`
{"name": "pieces", "request": {"method": "GET", "url": {"protocol": "https", "host": ["acme", "360learning", "com"], "path": ["api", "v1", "users"]}}},
{"name": "pending", "request": {"method": "GET", "url": {"host": ["{{baseUrl}}"], "path": ["users"]}}},
{"name": "raw", "request": {"method": "GET", "url": {"raw": "https://acme.360learning.com/api/v1/users", "host": ["acme", "360learning", "com"]}}}`)
	found := mustRead(t, src)
	if len(found.Calls) != 2 || len(found.Pending) != 1 {
		t.Fatalf("calls %d, pending %d", len(found.Calls), len(found.Pending))
	}
	for _, c := range []rules.Call{found.Calls[0], found.Pending[0].Call} {
		first := c.URL[0]
		if first.Raw || !strings.HasPrefix(src[first.Span.Start:], `{"protocol"`) && !strings.HasPrefix(src[first.Span.Start:], `{"host"`) {
			t.Errorf("%s: first part %+v does not start at the url object", c.URLText(), first)
		}
	}
	if p := found.Pending[0].Call.URL[0]; p.Lit != "{{baseUrl}}" {
		t.Errorf("pending lead part %q, want {{baseUrl}}", p.Lit)
	}
	for _, p := range found.Calls[1].URL {
		if !p.Raw || src[p.Span.Start:p.Span.End] != p.Lit {
			t.Errorf("raw URL part %+v is not the exact file text", p)
		}
	}
}
