package text_test

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

// TestFixCases checks single calls: what the fix writes, or why it leaves
// the call.
func TestFixCases(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, src string
		want            string // the fixed text, or "left: <part of the reason>"
	}{
		{"url in a local used once", "a.py",
			"def p(uid, tok):\n    url = f\"https://acme.360learning.com/api/v1/users/{uid}/pseudonymize\"\n    requests.put(url, headers={\"Authorization\": f\"Bearer {tok}\"})\n",
			"def p(uid, tok):\n    url = f\"https://acme.360learning.com/api/v2/users/{uid}/pseudonymize\"\n    requests.put(url, headers={\"Authorization\": f\"Bearer {tok}\", \"360-api-version\": \"v2.0\"})\n"},
		{"url in a local used twice", "a.py",
			"def p(uid, tok):\n    url = f\"https://acme.360learning.com/api/v1/users/{uid}/pseudonymize\"\n    requests.put(url, headers={\"Authorization\": f\"Bearer {tok}\"})\n    log.info(url)\n",
			"left: written in a definition other code shares"},
		{"v1 base shared by calls", "a.py",
			"BASE = \"https://acme.360learning.com/api/v1\"\n\ndef p(uid, tok):\n    requests.put(f\"{BASE}/users/{uid}/pseudonymize\", headers={\"Authorization\": f\"Bearer {tok}\"})\n",
			"left: not written in one place"},
		{"headers dict shared at module level", "a.py",
			"H = {\"Authorization\": f\"Bearer {TOKEN}\"}\n\ndef p(uid):\n    requests.put(f\"https://acme.360learning.com/api/v1/users/{uid}/pseudonymize\", headers=H)\n\ndef q():\n    requests.get(\"https://api.peoplehub.example/v1/people\", headers=H)\n",
			"left: headers literal is not this call's alone"},
		{"headers chosen by a condition", "a.py",
			"def p(uid, tok, ro):\n    headers = {\"Authorization\": f\"Bearer {tok}\"} if not ro else {\"Authorization\": f\"Bearer {RO}\"}\n    requests.put(f\"https://acme.360learning.com/api/v1/users/{uid}/pseudonymize\", headers=headers)\n",
			"left: a condition chooses it"},
		{"headers built by a function", "a.py",
			"def p(uid):\n    requests.put(f\"https://acme.360learning.com/api/v1/users/{uid}/pseudonymize\", headers=auth_headers())\n",
			"left: no bearer token"},
		{"credentials and a comment on their lines, CRLF", "a.py",
			"def e(uid, tok):\r\n    requests.put(\r\n        f\"https://acme.360learning.com/api/v1/users/{uid}\",\r\n        headers={\r\n            \"Authorization\": f\"Bearer {tok}\"  # from vault\r\n        },\r\n        json={\r\n            \"lastName\": \"Doe\",\r\n            \"apiKey\": KEY,  # legacy\r\n        },\r\n    )\r\n",
			"def e(uid, tok):\r\n    requests.patch(\r\n        f\"https://acme.360learning.com/api/v2/users/{uid}\",\r\n        headers={\r\n            \"Authorization\": f\"Bearer {tok}\",  # from vault\r\n            \"360-api-version\": \"v2.0\"\r\n        },\r\n        json={\r\n            \"lastName\": \"Doe\",\r\n        },\r\n    )\r\n"},
		{"last entry removed without trailing comma", "a.js",
			"await fetch(`https://acme.360learning.com/api/v1/users/${id}`, {\n  method: 'PUT',\n  headers: { Authorization: `Bearer ${t}` },\n  body: JSON.stringify({\n    firstName: f,\n    company: c\n  })\n});\n",
			"await fetch(`https://acme.360learning.com/api/v2/users/${id}`, {\n  method: 'PATCH',\n  headers: { Authorization: `Bearer ${t}`, '360-api-version': 'v2.0' },\n  body: JSON.stringify({\n    firstName: f\n  })\n});\n"},
		{"a session whose params are set elsewhere", "a.py",
			"s = requests.Session()\ns.params = {\"company\": \"acme\", \"apiKey\": KEY}\n\ndef p(uid, tok):\n    s.put(f\"https://acme.360learning.com/api/v1/users/{uid}/pseudonymize\", headers={\"Authorization\": f\"Bearer {tok}\"})\n",
			"left: whose params is set elsewhere"},
		{"a promise chain reads the response", "a.js",
			"fetch(`https://acme.360learning.com/api/v1/users/${id}/pseudonymize`, { method: 'PUT', headers: { Authorization: `Bearer ${t}` } })\n  .then((r) => r.json())\n  .then((d) => console.log(d.message));\n",
			"left: the response is read"},
		{"a destructuring assignment reads the response", "a.js",
			"async function q(id, t) {\n  const { data } = await axios.put(`https://acme.360learning.com/api/v1/users/${id}/pseudonymize`, null, { headers: { Authorization: `Bearer ${t}` } });\n  return data;\n}\n",
			"left: the response is read"},
		{"unquoted keys take the file's quotes", "a.ts",
			"await fetch(`https://acme.360learning.com/api/v1/users/${id}/pseudonymize`, {\n  method: \"PUT\",\n  headers: { Authorization: `Bearer ${t}` },\n});\n",
			"await fetch(`https://acme.360learning.com/api/v2/users/${id}/pseudonymize`, {\n  method: \"PUT\",\n  headers: { Authorization: `Bearer ${t}`, \"360-api-version\": \"v2.0\" },\n});\n"},
		{"removed entry sharing a line in a multi-line literal", "a.js",
			"await fetch(`https://acme.360learning.com/api/v1/users/${id}`, {\n  method: 'PUT',\n  headers: { Authorization: `Bearer ${t}` },\n  body: JSON.stringify({\n    firstName: f, company: c,\n    lastName: l\n  })\n});\n",
			"left: do not stand on lines of their own"},
		{"method in shared options", "a.js",
			"const opts = { method: 'PUT', headers: { Authorization: `Bearer ${t}` } };\nawait fetch(`https://acme.360learning.com/api/v1/users/${id}`, opts);\nawait fetch(`https://acme.360learning.com/api/v1/users/${other}`, opts);\n",
			"left: options other code shares"},
		{"method in options used once", "a.js",
			"function f(id, t) {\n  const opts = { method: 'PUT', headers: { Authorization: `Bearer ${t}` }, body: JSON.stringify({ lastName: 'Doe' }) };\n  return fetch(`https://acme.360learning.com/api/v1/users/${id}`, opts);\n}\n",
			"function f(id, t) {\n  const opts = { method: 'PATCH', headers: { Authorization: `Bearer ${t}`, '360-api-version': 'v2.0' }, body: JSON.stringify({ lastName: 'Doe' }) };\n  return fetch(`https://acme.360learning.com/api/v2/users/${id}`, opts);\n}\n"},
		{"a project wrapper is not an idiom", "a.py",
			"def p(uid, tok):\n    lms.call(\"PUT\", f\"https://acme.360learning.com/api/v1/users/{uid}/pseudonymize\", headers={\"Authorization\": f\"Bearer {tok}\"})\n",
			"left: no fixer"},
		{"powershell splatted body keys on one line", "a.ps1",
			"Invoke-RestMethod -Method Put -Uri \"https://acme.360learning.com/api/v1/users/$id\" -Headers @{ Authorization = \"Bearer $t\" } -Body (@{ lastName = 'Doe'; company = $c; apiKey = $k } | ConvertTo-Json)\n",
			"Invoke-RestMethod -Method Patch -Uri \"https://acme.360learning.com/api/v2/users/$id\" -Headers @{ Authorization = \"Bearer $t\"; \"360-api-version\" = \"v2.0\" } -Body (@{ lastName = 'Doe' } | ConvertTo-Json)\n"},
		{"delete from private subgroups asked", "a.py",
			"def r(g, uid, tok):\n    requests.delete(f\"https://acme.360learning.com/api/v1/groups/{g}/users/{uid}\", headers={\"Authorization\": f\"Bearer {tok}\"}, json={\"deleteFromPrivateSubgroups\": True})\n",
			"left: asks to remove the user from private subgroups"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			found, err := text.Read(tt.file, src)
			if err != nil {
				t.Fatal(err)
			}
			var got string
			for i := range found.Calls {
				c := &found.Calls[i]
				if len(cat.Check(c, &rules.Options{})) == 0 {
					continue
				}
				p, err := cat.Plan(c, src, fixOptions)
				if err == nil && c.Fixer == nil {
					got = "left: no fixer"
					break
				}
				var es []rules.Edit
				if err == nil {
					es, err = c.Fixer.Fix(p)
				}
				if err != nil {
					got = "left: " + err.Error()
					break
				}
				out, err := rewrite.Apply(src, es)
				if err != nil {
					t.Fatal(err)
				}
				got = string(out)
				break
			}
			if reason, ok := strings.CutPrefix(tt.want, "left: "); ok {
				if !strings.HasPrefix(got, "left: ") || !strings.Contains(got, reason) {
					t.Errorf("got %q, want the call left with %q", got, reason)
				}
				return
			}
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestFixInSnippet fixes a Python call in a Markdown fence through the
// snippet mapping: edits land in the file, the URL and method edits are
// the plan's.
func TestFixInSnippet(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	code := "requests.put(\n    f\"https://acme.360learning.com/api/v1/users/{user_id}\",\n    headers={\"Authorization\": f\"Bearer {token}\"},\n    json={\"firstName\": \"Ada\", \"company\": \"acme\"},\n)\n"
	doc := "# Renaming a learner\n\n```python\n" + code + "```\n"
	start := strings.Index(doc, "requests")
	sn := &rules.Snippet{Lang: "python", Text: code, Start: start}
	found, err := text.ReadSnippet("README.md", sn)
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Calls) != 1 || found.Calls[0].Fixer == nil {
		t.Fatalf("got %d calls, want one with a fixer", len(found.Calls))
	}
	c := &found.Calls[0]
	p, err := cat.Plan(c, []byte(doc), fixOptions)
	if err != nil {
		t.Fatal(err)
	}
	es, err := c.Fixer.Fix(p)
	if err != nil {
		t.Fatal(err)
	}
	out, err := rewrite.Apply([]byte(doc), es)
	if err != nil {
		t.Fatal(err)
	}
	want := "# Renaming a learner\n\n```python\nrequests.patch(\n    f\"https://acme.360learning.com/api/v2/users/{user_id}\",\n    headers={\"Authorization\": f\"Bearer {token}\", \"360-api-version\": \"v2.0\"},\n    json={\"firstName\": \"Ada\"},\n)\n```\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// Fixes never panic, whatever the file turns into.
func TestFixNoPanicOnMutatedInputs(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/fix/*")
	rng := rand.New(rand.NewSource(4))
	for _, path := range files {
		if strings.HasSuffix(path, ".plan") {
			continue
		}
		orig, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 300; i++ {
			src := append([]byte(nil), orig...)
			for m := 0; m < 1+rng.Intn(6); m++ {
				k := rng.Intn(len(src))
				switch rng.Intn(3) {
				case 0:
					src = append(src[:k], src[min(len(src), k+1+rng.Intn(20)):]...)
				case 1:
					src = append(src[:k], append([]byte("{(,\n'\"}"[rng.Intn(7):][:1]), src[k:]...)...)
				default:
					j := rng.Intn(len(src))
					src[k], src[j] = src[j], src[k]
				}
				if len(src) == 0 {
					src = []byte("x")
				}
			}
			found, err := text.Read(path, src)
			if err != nil {
				continue
			}
			for c := range found.Calls {
				call := &found.Calls[c]
				p, err := cat.Plan(call, src, fixOptions)
				if err != nil || call.Fixer == nil {
					continue
				}
				if es, err := call.Fixer.Fix(p); err == nil {
					_, _ = rewrite.Apply(src, es)
				}
			}
		}
	}
}

// A call in a fence indented inside a list item (a snippet mapped byte by
// byte) is fixed when no line is added, and left when a line would be.
func TestFixInIndentedSnippet(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		headers, want string
	}{
		{`headers={"Authorization": f"Bearer {token}"}`, `headers={"Authorization": f"Bearer {token}", "360-api-version": "v2.0"}`},
		{"headers={\n    \"Authorization\": f\"Bearer {token}\",\n}", "left"},
	} {
		code := "requests.put(\n    f\"https://acme.360learning.com/api/v1/users/{user_id}/pseudonymize\",\n    " +
			strings.ReplaceAll(tt.headers, "\n", "\n    ") + ",\n)\n"
		// the file indents every line of the fence by three blanks
		var doc strings.Builder
		doc.WriteString("1. Pseudonymize the leaver:\n\n   ```python\n")
		m := make([]int, 0, len(code)+1)
		for _, line := range strings.SplitAfter(code, "\n") {
			if line == "" {
				continue
			}
			doc.WriteString("   ")
			for i := 0; i < len(line); i++ {
				m = append(m, doc.Len())
				doc.WriteByte(line[i])
			}
		}
		m = append(m, doc.Len())
		doc.WriteString("   ```\n")
		src := []byte(doc.String())
		found, err := text.ReadSnippet("README.md", &rules.Snippet{Lang: "python", Text: code, Map: m})
		if err != nil {
			t.Fatal(err)
		}
		if len(found.Calls) != 1 {
			t.Fatalf("got %d calls", len(found.Calls))
		}
		c := &found.Calls[0]
		p, err := cat.Plan(c, src, fixOptions)
		if err != nil {
			t.Fatal(err)
		}
		es, err := c.Fixer.Fix(p)
		if tt.want == "left" {
			if err == nil || !strings.Contains(err.Error(), "indented block") {
				t.Errorf("got %v, want the call left for its indented block", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		out, err := rewrite.Apply(src, es)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "   "+tt.want) || !strings.Contains(string(out), "/api/v2/users/{user_id}/pseudonymize") {
			t.Errorf("got\n%s", out)
		}
	}
}
