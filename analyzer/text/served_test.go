package text_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
)

// runCases reads each case's source and compares the summary of what it
// found.
func runCases(t *testing.T, tests []struct{ name, file, src, want string }) {
	t.Helper()
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

// TestServedRoutes covers routes a server declares or matches, whatever
// its router is called: they are served, not called.
func TestServedRoutes(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"router in any variable with arrow handler", "stub.ts",
			"const fake = express.Router();\nfake.put('/api/v1/users/:mail', async (req: Request, res: Response) => { res.status(204).end(); });\nfake.get(`/api/v1/groups/:gid/users`, req => []);\n",
			""},
		{"router with function handler", "stub.js",
			"const stubs = Router()\nstubs.delete('/api/v1/users/:mail', function (req, res) { res.end() })\n",
			""},
		{"client call with arrow in its options is still a call", "c.ts",
			"await hr.get('https://acme.360learning.com/api/v1/users', { transformResponse: [(d) => JSON.parse(d)] });\n",
			"GET https://acme.360learning.com/api/v1/users"},
		{"client call then arrow is still a call", "c.js",
			"lms.get('https://acme.360learning.com/api/v1/users').then((r) => r.data);\n",
			"GET https://acme.360learning.com/api/v1/users"},
		{"aiohttp router methods", "srv.py",
			"app.router.add_put('/api/v1/users/{mail}', update)\nweb_app.router.add_get(\"/api/v1/users\", listing)\n",
			""},
		{"js path comparison", "edge.ts",
			"export default { fetch(req) { const u = new URL(req.url); if (u.pathname === '/api/v1/users') return new Response('[]'); } };\n",
			""},
		{"python path comparison", "h.py",
			"def handle(request):\n    if request.path == \"/api/v1/users\" and request.method == \"GET\":\n        return []\n",
			""},
		{"switch over a path", "h.js",
			"switch (path) {\n  case \"/api/v1/users\":\n    return list();\n}\n",
			""},
		{"full URL compared is still reported", "chk.py",
			"if next_url != 'https://acme.360learning.com/api/v1/users':\n    requests.get(next_url)\n",
			"? https://acme.360learning.com/api/v1/users"},
	})
}
