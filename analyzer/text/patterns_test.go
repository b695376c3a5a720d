package text_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
)

// TestPatterns covers the ways integration code hides a call's parameters
// and bases: merges, keys assigned after a literal, project wrappers,
// JSON text, initialisers, conditional query pieces, generic calls.
func TestPatterns(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		// generic type arguments
		{"ts generic get with params", "svc.ts",
			"const r = await hr.get<Account[]>(`${LMS_ROOT}/api/v1/users`, { params: { deleted: true } });\n",
			"GET {LMS_ROOT}/api/v1/users deleted@query"},
		{"ts nested generic put", "svc.ts",
			"await api.put<Record<string, Array<string>>>('https://app.360learning.com/api/v1/users/' + mail, { password: secret });\n",
			"PUT https://app.360learning.com/api/v1/users/{mail} password@body"},
		{"c# generic get", "Svc.cs",
			"var list = await http.GetFromJsonAsync<List<Row>>($\"https://acme.360learning.com/api/v1/groups/{gid}/users\");\n",
			"GET https://acme.360learning.com/api/v1/groups/{gid}/users"},
		{"comparison is no generic call", "a.ts",
			"if (count < limit && total > (offset)) { audit('https://acme.360learning.com/api/v1/users'); }\n",
			"? https://acme.360learning.com/api/v1/users"},

		// nested object keys name their bases by path
		{"nested config bases", "settings.ts",
			"export const settings = {\n  training: { apiRoot: 'https://acme.360learning.com/api/v1' },\n  payroll: { apiRoot: 'https://payroll.example.org/api/v1' },\n};\n",
			"base(settings.payroll.apiRoot) https://payroll.example.org/api/v1\nbase(settings.training.apiRoot) https://acme.360learning.com/api/v1"},
		{"python nested dict base", "conf.py",
			"SERVICES = {\n    \"lms\": {\"base_url\": \"https://acme.360learning.com/api/v1\"},\n}\n",
			"base(SERVICES.lms.base_url) https://acme.360learning.com/api/v1"},

		// a client whose own default base is another host
		{"ruby class on an intranet host", "jobs.rb",
			"class Lms\n  include HTTParty\n  base_uri 'https://acme.360learning.com'\n  def all\n    self.class.get('/api/v1/users')\n  end\nend\n\nclass Ledger\n  include HTTParty\n  base_uri 'https://ledger.corp.local'\n  def self.log(id)\n    post(\"/api/v1/users/#{id}/events\", body: { kind: 'sync' })\n  end\nend\n",
			"GET /api/v1/users\nbase() https://acme.360learning.com"},
		{"ruby class without a base does not borrow another class's", "two.rb",
			"class Lms\n  include HTTParty\n  base_uri 'https://acme.360learning.com/api/v1'\n  def self.all\n    get('/users')\n  end\nend\n\nclass Crm\n  include HTTParty\n  def self.leads\n    get('/users')\n  end\nend\n",
			"GET https://acme.360learning.com/api/v1/users\nbase() https://acme.360learning.com/api/v1\npending() GET /users"},
		{"ruby relative call under an intranet base", "intra.rb",
			"class Directory\n  include HTTParty\n  base_uri 'https://people.corp.local/api/v1'\n  def self.find(id)\n    get(\"/users/#{id}\")\n  end\nend\n",
			// completed with its own class's host, which the rules' host check drops
			"GET https://people.corp.local/api/v1/users/{id}\nbase() https://people.corp.local/api/v1"},
		{"templated default host is no foreign host", "gw.php",
			"<?php\n$c = new Client(['base_uri' => \"https://{$tenant}\"]);\n$c->get('/api/v1/groups/' . $g);\n",
			"GET /api/v1/groups/{$g}"},

		// merged parameters
		{"ruby merge", "sync.rb",
			"creds = { company: ENV['CO'], apiKey: ENV['KEY'] }\nHTTParty.get(\"#{LMS}/api/v1/users\", query: creds.merge(deleted: true))\n",
			"GET {LMS}/api/v1/users deleted@query company@query apiKey@query"},
		{"php array union", "a.php",
			"<?php\n$creds = ['company' => $co, 'apiKey' => $key];\n$http->request('GET', $root . '/api/v1/users', ['query' => $creds + ['deleted' => 1]]);\n",
			"GET {$root}/api/v1/users company@query apiKey@query deleted@query"},
		{"php array_merge", "a.php",
			"<?php\n$http->put(\"https://acme.360learning.com/api/v1/users/{$mail}\", ['json' => array_merge($base, ['primaryGroupId' => $g])]);\n",
			"PUT https://acme.360learning.com/api/v1/users/{$mail} primaryGroupId@body"},
		{"powershell hashtable union", "Kick.ps1",
			"$creds = @{ company = $Co; apiKey = $Key }\n$form = $creds + @{ deleteFromPrivateSubgroups = $false }\nInvoke-RestMethod -Method Delete -Uri \"$Root/api/v1/groups/$Gid/users/$Mail\" -Body $form\n",
			"DELETE {$Root}/api/v1/groups/{$Gid}/users/{$Mail} company@form apiKey@form deleteFromPrivateSubgroups@form"},
		{"js spread", "a.js",
			"const body = { ...creds, password: next };\nawait axios.put(`${ROOT}/api/v1/users/${mail}`, body);\n",
			"PUT {ROOT}/api/v1/users/{mail} password@body"},
		{"python dict unpacking", "a.py",
			"q = {**creds, \"deleted\": True}\nrequests.get(ROOT + \"/api/v1/users\", params=q)\n",
			"GET {ROOT}/api/v1/users deleted@query"},
		{"python dict()", "a.py",
			"requests.get(ROOT + \"/api/v1/users\", params=dict(creds, deleted=True))\n",
			"GET {ROOT}/api/v1/users deleted@query"},

		// keys assigned after the literal
		{"python key assigned later", "a.py",
			"doc = {\"firstName\": first}\nif grp:\n    doc[\"primaryGroupId\"] = grp\nhttpx.put(f\"{ROOT}/api/v1/users/{mail}\", json=doc)\n",
			"PUT {ROOT}/api/v1/users/{mail} firstName@body primaryGroupId@body"},
		{"js member assigned later", "a.js",
			"const doc = {};\nif (pw) doc.password = pw;\nawait got.put(ROOT + '/api/v1/users/' + mail, { json: doc });\n",
			"PUT {ROOT}/api/v1/users/{mail} password@body"},
		{"php key assigned later", "a.php",
			"<?php\n$doc = [];\n$doc['password'] = $pw;\n$http->put(\"$root/api/v1/users/$mail\", ['json' => $doc]);\n",
			"PUT {$root}/api/v1/users/{$mail} password@body"},
		{"key assigned after the call is not the call's", "a.py",
			"doc = {}\nrequests.put(ROOT + \"/api/v1/users/\" + m, json=doc)\ndoc[\"password\"] = pw\n",
			"PUT {ROOT}/api/v1/users/{m}"},

		// the project's own wrapper
		{"python wrapper with a verb and body=", "ops.py",
			"lms_call(\"PUT\", \"/api/v1/users/{}\".format(mail), body={\"primaryGroupId\": g})\n",
			"PUT /api/v1/users/{mail} primaryGroupId@body"},
		{"python wrapper GET positional query", "ops.py",
			"rows = lms_call(\"GET\", \"/api/v1/users\", {\"deleted\": \"true\"})\n",
			"GET /api/v1/users deleted@query"},
		{"js wrapper with shorthand body", "ops.js",
			"await send('PUT', `/api/v1/users/${id}`, { password });\n",
			"PUT /api/v1/users/{id} password@body"},
		{"a verb that is no leading argument is no call", "ops.js",
			"log(`/users/${id}`, 'PUT');\n",
			""},

		{"go helper taking method and path, base from a const via the constructor", "lms.go",
			"const lmsRoot = \"https://acme.360learning.com/api/v1\"\n\ntype API struct{ base string; hc *http.Client }\n\nfunc NewAPI() *API { return &API{base: lmsRoot, hc: http.DefaultClient} }\n\n" +
				"func (a *API) call(ctx context.Context, verb, p string, payload any) error {\n\treq, _ := http.NewRequestWithContext(ctx, verb, a.base+p, encode(payload))\n\t_, err := a.hc.Do(req)\n\treturn err\n}\n\n" +
				"func (a *API) Move(ctx context.Context, mail, g string) error {\n\treturn a.call(ctx, http.MethodPut, \"/users/\"+mail, &struct{}{})\n}\n\n" +
				"func (a *API) Unlink(ctx context.Context, g, mail string) error {\n\treturn a.call(ctx, http.MethodDelete, \"/groups/\"+g+\"/users/\"+mail, map[string]bool{\"deleteFromPrivateSubgroups\": true})\n}\n",
			"DELETE https://acme.360learning.com/api/v1/groups/{g}/users/{mail} deleteFromPrivateSubgroups@body\nPUT https://acme.360learning.com/api/v1/users/{mail}\nbase(lmsRoot) https://acme.360learning.com/api/v1"},
		{"go helper GET with url.Values", "lms.go",
			"var Base = \"https://app.360learning.com/api/v1\"\n\nfunc send(method, rel string, v url.Values) (*http.Response, error) {\n\treq, _ := http.NewRequest(method, Base+rel+\"?\"+v.Encode(), nil)\n\treturn http.DefaultClient.Do(req)\n}\n\n" +
				"func gone() {\n\tv := url.Values{}\n\tv.Add(\"deleted\", \"true\")\n\tsend(http.MethodGet, \"/users\", v)\n}\n",
			"GET https://app.360learning.com/api/v1/users deleted@query\nbase(Base) https://app.360learning.com/api/v1"},
		{"go helper whose base is not visible stays pending on its name", "lms.go",
			"func (c *Client) do(method, path string) error {\n\treq, _ := http.NewRequest(method, c.endpoint+path, nil)\n\t_, err := c.hc.Do(req)\n\treturn err\n}\n\nfunc (c *Client) Wipe(m string) error { return c.do(http.MethodPut, \"/users/\"+m+\"/pseudonymize\") }\n",
			"pending(c.endpoint) PUT {c.endpoint}/users/{m}/pseudonymize"},
		{"a method constant that follows the path is no wrapper", "x.go",
			"log.Printf(\"%s %s\", \"/users/\"+m, http.MethodPut)\n",
			""},
		{"c# wrapper taking HttpMethod and a relative path", "Lms.cs",
			"class Lms {\n  const string Root = \"https://acme.360learning.com/api/v1\";\n  Task<HttpResponseMessage> Send(HttpMethod method, string path, object body) => http.SendAsync(new HttpRequestMessage(method, Root + path) { Content = JsonContent.Create(body) });\n" +
				"  public Task Park(string mail) => Send(HttpMethod.Put, $\"/users/{mail}\", new { primaryGroupId = \"archive\" });\n}\n",
			"PUT https://acme.360learning.com/api/v1/users/{mail} primaryGroupId@body\nbase(Root) https://acme.360learning.com/api/v1"},
		{"spring RestClient on a configured root", "TrainingGateway.java",
			"@Service\nclass TrainingGateway {\n  private final RestClient rest;\n  TrainingGateway(RestClient.Builder b, @Value(\"${training.root}\") String root) {\n    this.rest = b.baseUrl(root).build();\n  }\n" +
				"  Map<?, ?> people() {\n    return rest.get().uri(u -> u.path(\"/users\").queryParam(\"deleted\", \"true\").build()).retrieve().body(Map.class);\n  }\n" +
				"  void park(String mail) {\n    rest.method(HttpMethod.PUT).uri(\"/users/{mail}\", mail).body(Map.of(\"primaryGroupId\", \"archive\")).retrieve().toBodilessEntity();\n  }\n}\n",
			"base() {training.root}\npending(training.root) GET {training.root}/users deleted@query\npending(training.root) PUT {training.root}/users/{mail} primaryGroupId@body"},
		{"a uri without a verb in its chain is no call", "Links.java",
			"String link = UriComponentsBuilder.newInstance().path(\"/users\").build().toString();\n",
			""},
		{"ts base read from ConfigService by key", "lms.ts",
			"class Lms {\n  private base: string;\n  constructor(cfg: ConfigService) { this.base = cfg.getOrThrow<string>('LMS_ROOT'); }\n  gone() { return this.http.get(`${this.base}/users`, { params: { deleted: true } }); }\n}\n",
			"pending(LMS_ROOT) GET {LMS_ROOT}/users deleted@query"},
		{"a field's type annotation is no base", "lms.ts",
			"class Lms {\n  private base: string;\n  gone() { return this.http.get(`${this.base}/users`); }\n}\n",
			"pending(this.base) GET {this.base}/users"},
		{"airflow operators: data on GET is the query, each endpoint its own call", "dag.py",
			"purge = HttpOperator(task_id=\"purge\", http_conn_id=\"lms\", method=\"GET\", endpoint=\"/api/v1/users\", data={\"deleted\": \"true\"})\n" +
				"unlink = HttpOperator(task_id=\"unlink\", http_conn_id=\"lms\", method=\"DELETE\", endpoint=f\"/api/v1/groups/{gid}/users/{mail}\", data={\"deleteFromPrivateSubgroups\": \"true\"})\n",
			"DELETE /api/v1/groups/{gid}/users/{mail} deleteFromPrivateSubgroups@form\nGET /api/v1/users deleted@query"},
		{"laravel query parameters chained before the verb", "Sync.php",
			"<?php\n$rows = Http::withToken($t)->withQueryParameters(['deleted' => 'true'])->acceptJson()->get(\"$root/api/v1/users\")->json();\n",
			"GET {$root}/api/v1/users deleted@query +bearer"},
		{"laravel asForm sends the body as a form", "Sync.php",
			"<?php\nHttp::asForm()->put($root . '/api/v1/users/' . $mail, ['primaryGroupId' => $g]);\n",
			"PUT {$root}/api/v1/users/{$mail} primaryGroupId@form"},
		{"faraday keyword query on get", "lms.rb",
			"def gone\n  @http.get(\"/api/v1/users\", deleted: true, 'limit' => 50).body\nend\n",
			"GET /api/v1/users deleted@query limit@query"},
		{"faraday request block params", "lms.rb",
			"def gone\n  @http.get('/api/v1/users') { |r| r.params['deleted'] = true }\nend\n",
			"GET /api/v1/users deleted@query"},
		{"faraday do block body", "lms.rb",
			"def park(mail)\n  @http.put(\"/api/v1/users/#{mail}\") do |r|\n    r.headers['X-Trace'] = id\n    r.body = { primaryGroupId: 'archive' }\n  end\nend\n",
			"PUT /api/v1/users/{mail} primaryGroupId@body"},
		{"faraday get with a headers option only", "lms.rb",
			"@http.get('/api/v1/users', nil, headers: { 'Accept' => 'json' })\n",
			"GET /api/v1/users Accept@header"},
		{"ts class wrapper building its URL in a template", "lms.ts",
			"export class Lms {\n  private root = process.env.LMS_ROOT;\n  private async call(verb: string, path: string, body?: unknown) {\n    return fetch(`${this.root}${path}`, { method: verb, body: JSON.stringify(body) });\n  }\n" +
				"  park(id: string) { return this.call('PUT', `/users/${id}`, { primaryGroupId: 'archive' }); }\n}\n",
			"pending(process.env.LMS_ROOT) PUT {process.env.LMS_ROOT}/users/{id} primaryGroupId@body"},
		{"python wrapper building its URL in an f-string with a class base", "lms.py",
			"BASE = \"https://acme.360learning.com/api/v1\"\n\nclass Lms:\n    def __init__(self):\n        self.base = BASE\n\n    def _call(self, verb, path, **kw):\n        return self.s.request(verb, f\"{self.base}{path}\", **kw)\n\n" +
				"    def wipe(self, mail):\n        return self._call(\"PUT\", f\"/users/{mail}/pseudonymize\")\n",
			"PUT https://acme.360learning.com/api/v1/users/{mail}/pseudonymize\nbase(BASE) https://acme.360learning.com/api/v1"},
		{"python method wrapper with a relative path", "client.py",
			"class Lms:\n    def unlink(self, gid, mail):\n        return self._send(\"DELETE\", f\"/groups/{gid}/users/{mail}\", data={\"deleteFromPrivateSubgroups\": True})\n",
			"pending() DELETE /groups/{gid}/users/{mail} deleteFromPrivateSubgroups@form"},
		{"powershell keys added after the hashtable", "Set.ps1",
			"$b = @{ company = $Co }\n$b.primaryGroupId = $G\n$b['password'] = $P\nInvoke-RestMethod -Method Put -Uri \"$Root/api/v1/users/$M\" -Body ($b | ConvertTo-Json)\n",
			"PUT {$Root}/api/v1/users/{$M} company@body primaryGroupId@body password@body"},
		{"python update() after the literal", "a.py",
			"q = dict(CREDS)\nq.update(deleted=True)\nrequests.get(ROOT + \"/api/v1/users\", params=q)\n",
			"GET {ROOT}/api/v1/users deleted@query"},

		// JSON text and initialisers
		{"java json string then PUT", "C.java",
			"String payload = \"{\\\"primaryGroupId\\\": \\\"\" + gid + \"\\\"}\";\nHttpRequest r = HttpRequest.newBuilder(URI.create(ROOT + \"/api/v1/users/\" + mail)).PUT(BodyPublishers.ofString(payload)).build();\n",
			"PUT {ROOT}/api/v1/users/{mail} primaryGroupId@body"},
		{"java text block", "C.java",
			"String payload = \"\"\"\n    {\"password\": \"x\"}\n    \"\"\";\nHttpRequest r = HttpRequest.newBuilder().uri(URI.create(ROOT + \"/api/v1/users/\" + mail)).PUT(BodyPublishers.ofString(payload)).build();\n",
			"PUT {ROOT}/api/v1/users/{mail} password@body"},
		{"c# anonymous object", "A.cs",
			"await http.PutAsJsonAsync($\"{root}/api/v1/users/{mail}\", new { primaryGroupId = gid });\n",
			"PUT {root}/api/v1/users/{mail} primaryGroupId@body"},
		{"c# dictionary initialiser", "A.cs",
			"var msg = new HttpRequestMessage(HttpMethod.Delete, root + \"/api/v1/groups/\" + g + \"/users/\" + m) {\n  Content = new FormUrlEncodedContent(new Dictionary<string, object> { {\"group_id\", g}, [\"deleteFromPrivateSubgroups\"] = true })\n};\n",
			"DELETE {root}/api/v1/groups/{g}/users/{m} group_id@form deleteFromPrivateSubgroups@form"},

		// conditional query pieces
		{"js ternary query piece", "a.js",
			"fetch(ROOT + '/api/v1/users?company=' + co + (gone ? '&deleted=true' : ''));\n",
			"GET(implied) {ROOT}/api/v1/users?company={co}{(gone ? '&deleted=true' : '')} deleted@query"},
		{"python conditional query piece", "a.py",
			"u = ROOT + \"/api/v1/users?x=1\" + (\"&deleted=true\" if gone else \"\")\nrequests.get(u)\n",
			"GET {ROOT}/api/v1/users?x=1{(\"&deleted=true\" if gone else \"\")} deleted@query"},

		{"c# raw string json", "A.cs",
			"var json = \"\"\"\n  {\"primaryGroupId\": \"g-1\"}\n  \"\"\";\nawait http.PutAsync($\"{root}/api/v1/users/{m}\", new StringContent(json, Encoding.UTF8, \"application/json\"));\n",
			"PUT {root}/api/v1/users/{m} primaryGroupId@body"},
		{"java entity argument", "C.java",
			"rest.exchange(ROOT + \"/api/v1/users/\" + m, HttpMethod.PUT, new HttpEntity<>(Map.of(\"password\", pw)), Void.class);\n",
			"PUT {ROOT}/api/v1/users/{m} password@body"},
		{"ruby merge then to_json", "a.rb",
			"HTTParty.put(\"#{ROOT}/api/v1/users/#{m}\", body: creds.merge(password: pw).to_json)\n",
			"PUT {ROOT}/api/v1/users/{m} password@body"},
		{"js conditional inside the template", "a.js",
			"fetch(`${ROOT}/api/v1/users?company=${co}${gone ? '&deleted=true' : ''}`);\n",
			"GET(implied) {ROOT}/api/v1/users?company={co}{gone ? '&deleted=true' : ''} deleted@query"},
		{"python conditional inside the f-string", "a.py",
			"requests.get(f\"{ROOT}/api/v1/users?company={co}{'&deleted=true' if gone else ''}\")\n",
			"GET {ROOT}/api/v1/users?company={co}{'&deleted=true' if gone else ''} deleted@query"},
		{"a plain hole is no query piece", "a.js",
			"fetch(`${ROOT}/api/v1/users?${qs}`);\n",
			"GET(implied) {ROOT}/api/v1/users?{qs}"},

		// Go read as text
		{"go url.Values into RawQuery", "x.go",
			"v := url.Values{}\nv.Add(\"deleted\", \"false\")\nreq, _ := http.NewRequest(\"GET\", root+\"/api/v1/users\", nil)\nreq.URL.RawQuery = v.Encode()\n",
			"GET {root}/api/v1/users deleted@query"},
		{"go url.Values concatenated", "x.go",
			"v := url.Values{}\nv.Set(\"deleted\", \"true\")\nresp, _ := http.Get(root + \"/api/v1/users?\" + v.Encode())\n",
			"GET {root}/api/v1/users?{v.Encode()} deleted@query"},
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

// Parameters found through merges, later assignments, JSON text and
// conditional pieces sit on their names in the file, for findings and fixes.
func TestParamNameSpans(t *testing.T) {
	tests := []struct{ file, src string }{
		{"a.js", "fetch(ROOT + '/api/v1/users?company=' + co + (gone ? '&deleted=true' : ''));\n"},
		{"lms.rb", "@http.get('/api/v1/users') { |r| r.params[:deleted] = true }\n"},
		{"lms.rb", "@http.get(\"/api/v1/users\", deleted: true)\n"},
		{"Sync.php", "<?php\nHttp::withQueryParameters(['deleted' => 'true'])->get(\"$root/api/v1/users\");\n"},
		{"lms.go", "var Base = \"https://app.360learning.com/api/v1\"\nfunc send(method, rel string, v url.Values) { http.NewRequest(method, Base+rel+\"?\"+v.Encode(), nil) }\nfunc gone() {\n\tv := url.Values{}\n\tv.Add(\"deleted\", \"true\")\n\tsend(http.MethodGet, \"/users\", v)\n}\n"},
		{"a.js", "fetch(`${ROOT}/api/v1/users?x=1${gone ? '&deleted=true' : ''}`);\n"},
		{"C.java", "String j = \"{\\\"primaryGroupId\\\": \\\"\" + g + \"\\\"}\";\nHttpRequest.newBuilder(URI.create(ROOT + \"/api/v1/users/\" + m)).PUT(BodyPublishers.ofString(j)).build();\n"},
		{"a.py", "doc = {}\ndoc[\"password\"] = pw\nrequests.put(ROOT + \"/api/v1/users/\" + m, json=doc)\n"},
		{"x.go", "v := url.Values{}\nv.Set(\"deleted\", \"true\")\nhttp.Get(root + \"/api/v1/users?\" + v.Encode())\n"},
		{"A.cs", "new HttpRequestMessage(HttpMethod.Delete, root + \"/api/v1/groups/\" + g + \"/users/\" + m) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { [\"deleteFromPrivateSubgroups\"] = \"true\" }) };\n"},
	}
	for _, tc := range tests {
		f, err := text.Read(tc.file, []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range f.Calls {
			for _, p := range c.Params {
				n++
				if got := tc.src[p.NameSpan.Start:p.NameSpan.End]; got != p.Name {
					t.Errorf("%s: parameter %s spans %q", tc.file, p.Name, got)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no parameters in %s", tc.file, summary(f))
		}
	}
}
