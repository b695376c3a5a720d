package postman_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/rules"
)

const pseudoURL = `"url": {"raw": "https://acme.360learning.com/api/v1/users/{{userId}}/pseudonymize?company={{company}}",
	"host": ["acme", "360learning", "com"], "path": ["api", "v1", "users", "{{userId}}", "pseudonymize"],
	"query": [{"key": "company", "value": "{{company}}"}]}`

// TestFixCases covers the ways a request can be written: each case is
// fixed, checked like the golden files, and the result must contain (or,
// for a call left to a person, the reason must contain) the wanted texts.
func TestFixCases(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		src  string
		opt  rules.FixOptions
		want []string // texts the fixed file must hold
		left string   // the reason the call is left, when it is
	}{
		{
			name: "url as a string, token given",
			src: collection(`{"name": "p", "request": {"method": "PUT",
				"url": "https://acme.360learning.com/api/v1/users/{{userId}}/pseudonymize?company={{company}}&apiKey={{apiKey}}"}}`),
			opt: rules.FixOptions{Token: "{{lmsToken}}"},
			want: []string{`"url": "https://acme.360learning.com/api/v2/users/{{userId}}/pseudonymize"`,
				`"value": "{{lmsToken}}"`, `"360-api-version"`},
		},
		{
			name: "v2.0 collection: bearer attributes as an object, header text",
			src: strings.Replace(collection(`{"name": "p", "request": {"method": "PUT", "header": "Accept: application/json",
				"url": "https://acme.360learning.com/api/v1/users/{{userId}}/pseudonymize?company={{company}}&apiKey={{apiKey}}"}}`),
				"v2.1.0", "v2.0.0", 1),
			want: []string{`"bearer": {"token": "{{accessToken}}"}`, `"header": "Accept: application/json\n360-api-version: v2.0"`},
		},
		{
			name: "an unquoted variable before a removed key stays whole",
			src: collection(`{"name": "e", "request": {"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{tok}}"}]}, "method": "PUT", "header": [],
				"body": {"mode": "raw", "raw": "{\"firstName\": {{firstName}}, \"company\": \"{{company}}\"}"},
				"url": "https://acme.360learning.com/api/v1/users/5b56f4c392af558eb5f1386c"}}`),
			want: []string{`"raw": "{\"firstName\": {{firstName}}}"`},
		},
		{
			name: "minified collection stays on one line",
			src: `{"info":{"name":"m","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"p","request":{"method":"PUT",` +
				strings.ReplaceAll(strings.ReplaceAll(pseudoURL, "\n", ""), "\t", "") + `}}]}`,
			want: []string{`"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{accessToken}}", "type": "string"}]}, "method":"PUT"`,
				`"header": [{"key": "360-api-version", "value": "v2.0"}]`},
		},
		{
			name: "folder apikey auth in the query is overridden by the request's bearer",
			src: collection(`{"name": "offboarding", "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "apiKey"},
				{"key": "value", "value": "{{apiKey}}"}, {"key": "in", "value": "query"}]},
				"item": [{"name": "p", "request": {"method": "PUT", "header": [], ` + pseudoURL + `}}]}`),
			want: []string{`"auth": {`, `"type": "bearer"`, `"type": "apikey"`},
		},
		{
			name: "request noauth stays overridden",
			src:  collection(`{"name": "p", "request": {"auth": {"type": "noauth"}, "method": "PUT", ` + pseudoURL + `}}`),
			want: []string{`"type": "bearer"`},
		},
		{
			name: "request bearer header: no auth added",
			src: collection(`{"name": "p", "request": {"method": "PUT",
				"header": [{"key": "Authorization", "value": "Bearer {{token}}"}], ` + pseudoURL + `}}`),
			want: []string{`{"key": "360-api-version", "value": "v2.0"}`},
		},
		{
			name: "external-ids filters get a query list",
			src: collection(`{"name": "x", "request": {"method": "GET", "header": [], "url": {"raw": "{{host}}/api/v1/users/getUserByExternalId/{{workerId}}/workday",
				"host": ["{{host}}"], "path": ["api", "v1", "users", "getUserByExternalId", "{{workerId}}", "workday"]}}}`),
			want: []string{`"raw": "{{host}}/api/v2/external-ids?value[eq]={{workerId}}&platform[eq]=workday&type[eq]=user"`,
				`"path": ["api", "v2", "external-ids"], "query": [{"key": "value[eq]", "value": "{{workerId}}"}, {"key": "platform[eq]", "value": "workday"}, {"key": "type[eq]", "value": "user"}]`},
		},
		{
			name: "bare string request",
			src:  `{"info": {"name": "t", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"}, "item": [{"name": "p", "request": "https://acme.360learning.com/api/v1/users?company=c&apiKey=k"}]}`,
			left: "bare URL string",
		},
		{
			name: "raw and path disagree",
			src: collection(`{"name": "p", "request": {"method": "PUT", "url": {"raw": "https://acme.360learning.com/api/v1/users/{{userId}}/pseudonymize",
				"host": ["acme", "360learning", "com"], "path": ["api", "v1", "users", "{{id}}", "pseudonymize"]}}}`),
			left: "url.raw and url.path disagree",
		},
		{
			name: "disabled parameter still in raw",
			src: collection(`{"name": "p", "request": {"method": "PUT", "url": {"raw": "https://acme.360learning.com/api/v1/users/{{userId}}/pseudonymize?company=c&apiKey=k&dryRun=1",
				"host": ["acme", "360learning", "com"], "path": ["api", "v1", "users", "{{userId}}", "pseudonymize"],
				"query": [{"key": "company", "value": "c"}, {"key": "apiKey", "value": "k"}, {"key": "dryRun", "value": "1", "disabled": true}]}}}`),
			left: "disabled query parameter",
		},
		{
			name: "own api key auth that is not v1's",
			src: collection(`{"name": "p", "request": {"auth": {"type": "apikey", "apikey": [{"key": "key", "value": "X-Gateway-Key"},
				{"key": "value", "value": "g"}, {"key": "in", "value": "header"}]}, "method": "PUT", ` + pseudoURL + `}}`),
			left: "not a v1 credential",
		},
		{
			name: "JSON body that does not parse",
			src: collection(`{"name": "u", "request": {"method": "PUT", "body": {"mode": "raw", "raw": "{\"company\": \"c\", \"firstName\": \"A\",}"},
				"url": "https://acme.360learning.com/api/v1/users/{{userId}}"}}`),
			left: "does not parse",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			if !json.Valid(src) {
				t.Fatal("test input is not JSON")
			}
			out, report, fixed := fixFile(t, cat, "c.json", src, tt.opt)
			if tt.left != "" {
				if len(fixed) > 0 || len(report) != 1 || !strings.Contains(report[0], tt.left) {
					t.Fatalf("want left with %q, got %v", tt.left, report)
				}
				if string(out) != tt.src {
					t.Error("a call left to a person changed the file")
				}
				return
			}
			if len(fixed) != 1 {
				t.Fatalf("want one fixed call, got %v", report)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("fixed file lacks %s:\n%s", w, out)
				}
			}
			if !strings.Contains(tt.src, "\n") && strings.Contains(string(out), "\n") {
				t.Errorf("a one-line file got line breaks:\n%s", out)
			}
			verifyFixed(t, cat, src, out, fixed)
		})
	}
}

// TestResponseUnused checks which requests the reader knows nothing reads:
// those without a test script on them, their folders or the collection.
func TestResponseUnused(t *testing.T) {
	test := `"event": [{"listen": "test", "script": {"exec": ["pm.expect(pm.response.code).to.eql(200);"]}}]`
	off := `"event": [{"listen": "test", "disabled": true, "script": {"exec": ["pm.response.json()"]}}, {"listen": "prerequest", "script": {"exec": ["pm.variables.set('x', 1)"]}}]`
	req := func(name string, extra string) string {
		s := `{"name": "` + name + `", "request": {"method": "GET", "url": "https://acme.360learning.com/api/v1/users?n=` + name + `"}`
		if extra != "" {
			s += ", " + extra
		}
		return s + "}"
	}
	for _, tc := range []struct {
		name string
		src  string
		want map[string]bool // request name → ResponseUnused
	}{
		{"request level", collection(req("plain", "") + ", " + req("tested", test) + ", " + req("off", off)),
			map[string]bool{"plain": true, "tested": false, "off": true}},
		{"folder level", collection(`{"name": "f", ` + test + `, "item": [` + req("inside", "") + `]}, ` + req("outside", "")),
			map[string]bool{"inside": false, "outside": true}},
		{"collection level", collection(req("any", ""), test), map[string]bool{"any": false}},
	} {
		found := mustRead(t, tc.src)
		for _, c := range found.Calls {
			name := c.URLText()[strings.Index(c.URLText(), "n=")+2:]
			if want, ok := tc.want[name]; !ok || c.ResponseUnused != want {
				t.Errorf("%s: %s: ResponseUnused = %v, want %v", tc.name, name, c.ResponseUnused, want)
			}
			if c.Fixer == nil {
				t.Errorf("%s: %s: no Fixer", tc.name, name)
			}
		}
		if len(found.Calls) != len(tc.want) {
			t.Errorf("%s: %d calls, want %d", tc.name, len(found.Calls), len(tc.want))
		}
	}
	// A test that reads the body (not just the status) makes ResponseRead.
	body := `"event": [{"listen": "test", "script": {"exec": ["const u = pm.response.json();", "pm.expect(u.status).to.eql('user_updated');"]}}]`
	found := mustRead(t, collection(req("status", test)+", "+req("body", body)))
	for _, c := range found.Calls {
		name := c.URLText()[strings.Index(c.URLText(), "n=")+2:]
		if c.ResponseRead != (name == "body") {
			t.Errorf("%s: ResponseRead = %v", name, c.ResponseRead)
		}
	}
}
