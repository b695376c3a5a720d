package text_test

import (
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
)

// Names defined through each other (aliases, bases, bodies, merges) must be
// followed a bounded number of times: a cycle in the input must neither
// overflow the stack nor loop for ever.
func TestDefinitionCyclesAreBounded(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(16 << 20))
	cases := map[string]string{
		"alias.js":  "let a = b;\nlet b = a;\nfetch(a + '/api/v1/users');\nfetch(b + '/users/' + id, { method: 'DELETE', body: JSON.stringify(a) });\n",
		"self.ts":   "const base = base + '/api/v1';\nconst body = { ...body, password: body };\nawait fetch(base + '/users', { method: 'POST', body: JSON.stringify(body) });\n",
		"merge.rb":  "auth = auth.merge(password: auth)\nparams = auth.merge(params)\nauth = params\nHTTParty.post(\"https://acme.360learning.com/api/v1/users\", body: auth.merge(params).to_json)\n",
		"dict.py":   "p = dict(q)\nq = dict(p)\np['password'] = q\nrequests.post('https://acme.360learning.com/api/v1/users', json=p)\n",
		"chain.ps1": "$a = $b\n$b = $a\n$body = $body | ConvertTo-Json\nInvoke-RestMethod -Method Post -Uri \"$a/api/v1/users\" -Body ($body | ConvertTo-Json)\n",
		"deep.js":   "const x0 = 'https://acme.360learning.com/api/v1';\n" + chainDefs(5000) + "fetch(x5000 + '/users');\n",
	}
	for name, src := range cases {
		if _, err := text.Read(name, []byte(src)); err != nil {
			t.Logf("%s: error (acceptable): %v", name, err)
		}
	}
}

// chainDefs defines x1 = x0 + '/a', x2 = x1 + '/a', … up to xn.
func chainDefs(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString("const x" + strconv.Itoa(i) + " = x" + strconv.Itoa(i-1) + ";\n")
	}
	return b.String()
}

// Bases named after each other across files must not send the project's
// resolution round for ever.
func TestCrossFileBaseCyclesAreBounded(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(16 << 20))
	scanProject(t, map[string]string{
		"src/a.ts": "import { B } from './b';\nexport const A = B + '/api/v1';\nconst lms = axios.create({ baseURL: A });\nexport const users = () => lms.get('/users');\n",
		"src/b.ts": "import { A } from './a';\nexport const B = A;\nconst api = axios.create({ baseURL: B });\nexport const groups = () => api.get('/groups');\n",
		"lib/c.rb": "LMS_CONNECTION = HR_CONNECTION\nHR_CONNECTION = LMS_CONNECTION\nLMS_CONNECTION.get('users')\n",
	})
}
