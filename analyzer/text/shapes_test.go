package text_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/rules"
)

// summary renders what a reader found, one line per call or pending call:
// "METHOD url [param@in …]" ("pending(base) …" for pending calls).
func summary(f *rules.Found) string {
	var out []string
	line := func(prefix string, c rules.Call) {
		var ps []string
		for _, p := range c.Params {
			ps = append(ps, p.Name+"@"+string(p.In))
		}
		m := c.Method
		if m == "" {
			m = "?"
		}
		if c.MethodImplied {
			m += "(implied)"
		}
		if c.Bearer {
			ps = append(ps, "+bearer")
		}
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s%s %s %s", prefix, m, c.URLText(), strings.Join(ps, " "))))
	}
	for _, c := range f.Calls {
		line("", c)
	}
	for _, p := range f.Pending {
		line("pending("+p.Base+") ", p.Call)
	}
	for _, b := range f.Bases {
		out = append(out, "base("+b.Name+") "+(&rules.Call{URL: b.URL}).URLText())
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func TestShapes(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"axios config object", "a.js",
			`axios({ method: 'put', url: 'https://acme.360learning.com/api/v1/users/' + email, data: { password: pw } })`,
			"PUT https://acme.360learning.com/api/v1/users/{email} password@body"},
		{"axios.request", "a.js",
			`await axios.request({ url: ` + "`${LMS}/api/v1/users`" + `, method: 'GET', params: { deleted: true } })`,
			"GET {LMS}/api/v1/users deleted@query"},
		{"superagent send", "a.js",
			`superagent.put('https://acme.360learning.com/api/v1/users/' + e).send({ primaryGroupId: g })`,
			"PUT https://acme.360learning.com/api/v1/users/{e} primaryGroupId@body"},
		{"got json", "a.ts",
			`await got.put(` + "`https://acme.360learning.com/api/v1/users/${e}`" + `, { json: { password: p } })`,
			"PUT https://acme.360learning.com/api/v1/users/{e} password@body"},
		{"payload variable", "a.js",
			"const body = { deleteFromPrivateSubgroups: true };\nawait client.delete(`https://acme.360learning.com/api/v1/groups/${g}/users/${e}`, { data: body });",
			"DELETE https://acme.360learning.com/api/v1/groups/{g}/users/{e} deleteFromPrivateSubgroups@body"},
		{"url variable then call", "a.js",
			"const url = `${config.lmsBaseUrl}/users/${email}`;\nconst r = await fetch(url, { method: 'PUT', body: JSON.stringify({ password }) });",
			"pending(config.lmsBaseUrl) PUT {config.lmsBaseUrl}/users/{email} password@body"},
		{"fetch default GET", "a.js",
			"fetch('https://acme.360learning.com/api/v1/users')",
			"GET(implied) https://acme.360learning.com/api/v1/users"},
		{"no evidence, no guess", "a.js",
			"const USERS = 'https://acme.360learning.com/api/v1/users';\nexport default USERS;",
			"? https://acme.360learning.com/api/v1/users"},
		{"routes are not calls", "server.js",
			"router.put('/api/v1/users/:email', async (req, res) => {});\napp.get('/api/v1/users', listUsers);",
			""},
		{"relative path outside a call is nothing", "a.js",
			"console.log('/users/' + id); cache.get('/users/' + id);",
			""},
		{"comments and regexps", "a.js",
			"// PUT https://acme.360learning.com/api/v1/users/x\nconst re = /\"\\/api\\/v1/; /* 'https://acme.360learning.com/api/v1/users' */",
			""},
		{"python session and implicit concatenation", "a.py",
			"BASE = 'https://acme.360learning.com/api/v1'\nr = session.delete(BASE + '/groups/'\n    f'{gid}/users/{email}', data={'group_id': gid})",
			"DELETE https://acme.360learning.com/api/v1/groups/{gid}/users/{email} group_id@form\nbase(BASE) https://acme.360learning.com/api/v1"},
		{"python urllib method kwarg", "a.py",
			"req = urllib.request.Request(f'{LMS}/api/v1/users/{e}', data=body, method='PUT')",
			"PUT {LMS}/api/v1/users/{e}"},
		{"python httpx base_url client", "a.py",
			"client = httpx.Client(base_url='https://acme.360learning.com/api/v1')\nclient.get('/users', params={'deleted': 'true'})",
			"GET https://acme.360learning.com/api/v1/users deleted@query\nbase() https://acme.360learning.com/api/v1\nbase(client) https://acme.360learning.com/api/v1"},
		{"ruby faraday and restclient", "a.rb",
			"conn = Faraday.new(url: 'https://acme.360learning.com/api/v1')\nconn.put(\"/users/#{email}\")\nRestClient.delete(\"#{ENV['LMS']}/api/v1/groups/#{g}/users/#{e}\")",
			"DELETE {ENV['LMS']}/api/v1/groups/{g}/users/{e}\nPUT https://acme.360learning.com/api/v1/users/{email}\nbase() https://acme.360learning.com/api/v1\nbase(conn) https://acme.360learning.com/api/v1"},
		{"php laravel Http and sprintf", "a.php",
			"<?php\nHttp::withToken($t)->put(sprintf('%s/users/%s', $this->baseUrl, $email), ['password' => $p]);",
			"pending($this->baseUrl) PUT {$this->baseUrl}/users/{$email} password@body +bearer"},
		{"kotlin okhttp", "a.kt",
			"val req = Request.Builder().url(\"$baseUrl/users/$email\").delete().build()",
			"pending(baseUrl) DELETE {baseUrl}/users/{email}"},
		{"go raw string and NewRequest", "a.go",
			"req, _ := http.NewRequest(\"DELETE\", `https://acme.360learning.com/api/v1/groups/`+g+`/users/`+e, nil)",
			"DELETE https://acme.360learning.com/api/v1/groups/{g}/users/{e}"},
		{"c# PutAsJsonAsync", "a.cs",
			"await _http.PutAsJsonAsync($\"{_baseUrl}/users/{email}\", new { primaryGroupId = gid });",
			"pending(_baseUrl) PUT {_baseUrl}/users/{email} primaryGroupId@body"},
		{"powershell splatting", "a.ps1",
			"$p = @{\n  Uri = \"$BaseUri/users/$Email\"\n  Method = 'Put'\n  Body = (@{ password = $pw } | ConvertTo-Json)\n}\nInvoke-RestMethod @p",
			"pending($BaseUri) PUT {$BaseUri}/users/{$Email} password@body"},
		{"axios default base from a config object", "client.ts",
			"const config = { lmsBaseUrl: 'https://acme.360learning.com/api/v1' };\nconst http = axios.create({ baseURL: config.lmsBaseUrl });\nhttp.delete(`/groups/${g}/users/${e}`);",
			"DELETE https://acme.360learning.com/api/v1/groups/{g}/users/{e}\nbase() https://acme.360learning.com/api/v1\nbase(config.lmsBaseUrl) https://acme.360learning.com/api/v1\nbase(http) https://acme.360learning.com/api/v1"},
		{"axios default base from another file", "client.ts",
			"export const http = axios.create({ baseURL: process.env.LMS_BASE_URL });\nhttp.put(`/users/${e}`, { password: p }, { headers: { Authorization: `Bearer ${t}` } });",
			"base() {process.env.LMS_BASE_URL}\nbase(http) {process.env.LMS_BASE_URL}\npending(process.env.LMS_BASE_URL) PUT {process.env.LMS_BASE_URL}/users/{e} password@body Authorization@header +bearer"},
		{"generic verb before URL", "notes.txt",
			"Then PUT https://acme.360learning.com/api/v1/users/jane@acme.com with the new group.\nSee http://localhost/api/v1 too.",
			"PUT https://acme.360learning.com/api/v1/users/jane@acme.com"},
		{"xml base", "app.config",
			"<appSettings>\n  <LmsBaseUrl>https://acme.360learning.com/api/v1</LmsBaseUrl>\n  <HubUrl>https://api.peoplehub.example/v1</HubUrl>\n</appSettings>\n",
			"base(LmsBaseUrl) https://acme.360learning.com/api/v1"},
		{"ini base", "settings.ini",
			"[lms]\nbase_url = https://acme.360learning.com/api/v1\nother = https://api.peoplehub.example/v1\n",
			"base(base_url) https://acme.360learning.com/api/v1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := text.Read(tc.file, []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(f); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
