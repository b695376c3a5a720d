package analyzer_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
)

// End-to-end dispatch through the real readers.

func TestRealReaders(t *testing.T) {
	root := tree(t, map[string]string{
		"ops/offboard.sh": "#!/usr/bin/env bash\nset -euo pipefail\n" +
			`curl -X PUT "https://acme.360learning.com/api/v1/users/a@b.c/pseudonymize"` + "\n",
		"ops/bin/lms-list": "#!/bin/bash\n" + `curl -s "https://acme.360learning.com/api/v1/users?company=$C&apiKey=$K"` + "\n",
		"docs/runbook.md": "# Runbook\n\n```bash\n" +
			`curl -X DELETE "https://acme.360learning.com/api/v1/groups/$GROUP/users/$EMAIL"` + "\n```\n",
		"web/client.js": "const axios = require('axios');\n\n" +
			"async function rename(email) {\n" +
			"  await axios.put(`https://acme.360learning.com/api/v1/users/${email}`, { firstName: 'Ada' });\n}\n",
		// Decoys: another host, a v2 call, a server route.
		"web/peoplehub.js": `fetch("https://api.peoplehub.example/api/v1/users");` + "\n",
		"web/v2.js":        "axios.get('https://acme.360learning.com/api/v2/users', { headers: { Authorization: `Bearer ${t}`, '360-api-version': 'v2.0' } });\n",
		"ops/health.sh":    `curl -fsS "http://localhost:8080/api/v1/health"` + "\n",
	})
	res := scan(t, analyzer.Options{}, root)
	got := map[string]bool{}
	for _, f := range findings(res, root) {
		got[f] = true
	}
	for _, want := range []string{
		"ops/offboard.sh:3 pseudonymize-user-endpoint",
		"ops/bin/lms-list:2 list-users-endpoint",
		"docs/runbook.md:4 remove-user-role-endpoint",
		"web/client.js:4 update-user-endpoint",
	} {
		if !got[want] {
			t.Errorf("missing %s; got %q", want, findings(res, root))
		}
	}
	for f := range got {
		for _, decoy := range []string{"peoplehub.js", "v2.js", "health.sh"} {
			if containsPath(f, decoy) {
				t.Errorf("decoy reported: %s", f)
			}
		}
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors: %q", errorList(res, root))
	}
}

// containsPath reports whether a "path:line rule" finding is in file.
func containsPath(finding, file string) bool {
	return strings.HasPrefix(finding, file+":") || strings.Contains(finding, "/"+file+":")
}

// A base defined in one file completes a call in another that never says
// "api/v1": the call is only read in the second phase.
func TestRealReadersCrossFile(t *testing.T) {
	root := tree(t, map[string]string{
		"people-api/package.json":  `{"name": "people-api"}`,
		"people-api/src/config.js": "export const LMS_API = \"https://acme.360learning.com/api/v1\";\n",
		"people-api/src/jobs/deactivate.js": "import axios from \"axios\";\nimport { LMS_API } from \"../config.js\";\n\n" +
			"export async function deactivate(email) {\n" +
			"  await axios.put(`${LMS_API}/users/${encodeURIComponent(email)}/pseudonymize`);\n}\n",
		"billing/package.json":       `{"name": "billing"}`,
		"billing/src/sync.js":        "import axios from \"axios\";\nexport const go = (e) => axios.put(`${LMS_API}/users/${e}/pseudonymize`);\n",
		"ansible/ansible.cfg":        "[defaults]\n",
		"ansible/group_vars/all.yml": "lms_api: \"https://acme.360learning.com/api/v1\"\n",
		"ansible/roles/rename/tasks/main.yml": "---\n- name: Rename the user\n  ansible.builtin.uri:\n" +
			"    url: \"{{ lms_api }}/users/{{ user_email }}\"\n    method: PUT\n",
	})
	res := scan(t, analyzer.Options{}, root)
	got := map[string]bool{}
	for _, f := range findings(res, root) {
		got[f] = true
	}
	for _, want := range []string{
		"people-api/src/jobs/deactivate.js:5 pseudonymize-user-endpoint",
		"ansible/roles/rename/tasks/main.yml:4 update-user-endpoint",
	} {
		if !got[want] {
			t.Errorf("missing %s; got %q", want, findings(res, root))
		}
	}
	for f := range got {
		if containsPath(f, "billing/src/sync.js") {
			t.Errorf("resolved across projects: %s", f)
		}
	}
}

// A fence without a language that holds a request line, not a command, and a
// Postman collection's pre-request script are read too.
func TestBareFencesAndPostmanScripts(t *testing.T) {
	root := tree(t, map[string]string{
		"docs/api.md": "# Users\n\nList them:\n\n```\nGET https://acme.360learning.com/api/v1/users?deleted=true\n```\n",
		"postman/lms.postman_collection.json": `{
  "info": {"_postman_id": "1", "name": "lms", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "item": [{
    "name": "prepare",
    "event": [{"listen": "prerequest", "script": {"type": "text/javascript", "exec": [
      "pm.sendRequest('https://acme.360learning.com/api/v1/users/getUserByExternalId/' + pm.variables.get('hrId') + '/Workday', () => {});"
    ]}}],
    "request": {"method": "GET", "url": "https://acme.360learning.com/api/v2/users"}
  }]
}
`,
	})
	res := scan(t, analyzer.Options{}, root)
	got := strings.Join(findings(res, root), "\n")
	for _, want := range []string{"docs/api.md:6 list-users-endpoint", "docs/api.md:6 list-users-deleted", "postman/lms.postman_collection.json:6 list-id-mappings-endpoint"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s; got\n%s", want, got)
		}
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors: %q", errorList(res, root))
	}
}

// .http/.rest request files and http fences go to the HTTP request reader.
func TestHTTPRequests(t *testing.T) {
	root := tree(t, map[string]string{
		"requests/lms.http": "@host = acme.360learning.com\n\n### list\nGET https://{{host}}/api/v1/users?deleted=true\n\n" +
			"### rename\nPUT https://{{host}}/api/v1/users/{{userId}}\nContent-Type: application/json\n\n{\"firstName\": \"Ada\", \"password\": \"x\"}\n",
		"docs/api.md": "```http\nDELETE /api/v1/groups/g1/users/ada@acme.com HTTP/1.1\nHost: acme.360learning.com\n```\n",
	})
	res := scan(t, analyzer.Options{}, root)
	got := strings.Join(findings(res, root), "\n")
	for _, want := range []string{
		"requests/lms.http:4 list-users-endpoint", "requests/lms.http:4 list-users-deleted",
		"requests/lms.http:7 update-user-endpoint", "requests/lms.http:10 update-user-password",
		"docs/api.md:2 remove-user-role-endpoint",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s; got\n%s", want, got)
		}
	}
}

// A Makefile's recipes are read as shell.
func TestMakefileRecipes(t *testing.T) {
	root := tree(t, map[string]string{
		"Makefile": "LMS := https://acme.360learning.com/api/v1\n\n.PHONY: users\nusers:\n\t@curl -s \"$(LMS)/users?deleted=true\" -H \"Authorization: Bearer $$TOKEN\"\n",
	})
	res := scan(t, analyzer.Options{}, root)
	got := strings.Join(findings(res, root), "\n")
	for _, want := range []string{"Makefile:5 list-users-endpoint", "Makefile:5 list-users-deleted"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s; got\n%s", want, got)
		}
	}
}

// reStructuredText and AsciiDoc code blocks are read like Markdown fences.
func TestRSTAndAsciiDocBlocks(t *testing.T) {
	root := tree(t, map[string]string{
		"docs/offboarding.rst": "Offboarding\n===========\n\nRemove the leaver:\n\n.. code-block:: bash\n\n" +
			"   curl -X DELETE \"https://acme.360learning.com/api/v1/groups/$GROUP/users/$EMAIL\" \\\n" +
			"        --data-urlencode 'deleteFromPrivateSubgroups=true'\n",
		"docs/sync.adoc": "= Sync\n\n[source,bash]\n----\ncurl -s \"https://acme.360learning.com/api/v1/users?deleted=true\"\n----\n",
	})
	res := scan(t, analyzer.Options{}, root)
	got := strings.Join(findings(res, root), "\n")
	for _, want := range []string{
		"docs/offboarding.rst:8 remove-user-role-endpoint",
		"docs/offboarding.rst:9 remove-user-role-delete-from-private-subgroups",
		"docs/sync.adoc:5 list-users-endpoint", "docs/sync.adoc:5 list-users-deleted",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s; got\n%s", want, got)
		}
	}
}
