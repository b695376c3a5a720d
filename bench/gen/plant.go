package main

import "fmt"

// fixed writes the repository scaffolding, the ignored trees and the files
// with planted v1 calls.
func (g *gen) fixed() {
	g.small(".git/HEAD", "ref: refs/heads/main")
	g.small(".gitignore", "node_modules/\nbuild/\n*.log\n.env")
	g.small("package.json", `{"name": "acme-monorepo", "private": true, "workspaces": ["services/*"]}`)

	// Ignored trees: their v1 URLs must not be reported.
	for i := range 40 {
		f := g.create(fmt.Sprintf("node_modules/lms-sdk-%d/dist/index.js", i))
		f.ln(`module.exports.listUsers = () => fetch("https://acme.360learning.com/api/v1/users?company=" + c + "&apiKey=" + k);`)
		for range 200 {
			f.ln(langs[0].line(g))
		}
		f.close()
	}
	f := g.create("build/ops/offboard.sh")
	f.ln(`curl -X PUT "https://acme.360learning.com/api/v1/users/$EMAIL/pseudonymize"`)
	f.close()
	g.small("server.log", `PUT https://acme.360learning.com/api/v1/users/x@y.z/pseudonymize 200`)

	g.shellScripts()
	g.postman()
	g.ansible()
	g.python()
	g.javascript()
	g.markdown()
	g.goClient()
	g.pipelines()
}

// fill writes n filler lines of lang l.
func (f *file) fill(l lang, n int) {
	for range n {
		f.ln(l.line(f.g))
	}
}

func langOf(ext string) lang {
	for _, l := range langs {
		if l.ext == ext {
			return l
		}
	}
	panic(ext)
}

func (g *gen) shellScripts() {
	sh := langOf(".sh")
	scripts := []struct{ name, op, line string }{
		{"ops/scripts/offboard-user.sh", "pseudonymizeUser",
			`curl -sS -X PUT "https://${LMS_HOST}/api/v1/users/${EMAIL}/pseudonymize?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"`},
		{"ops/scripts/export-users.sh", "getUsers",
			`curl -sS "https://acme.360learning.com/api/v1/users?company=${COMPANY}&apiKey=${API_KEY}&page=${PAGE}" | jq -r '.[].mail'`},
		{"ops/scripts/remove-from-group.sh", "deleteUserFromGroup",
			`curl -sS -X DELETE "https://acme.360learning.com/api/v1/groups/${GROUP_ID}/users/${EMAIL}?company=${COMPANY}&apiKey=${API_KEY}"`},
		{"ops/scripts/rename-user.sh", "updateUser",
			`curl -sS -X PUT "https://acme.360learning.com/api/v1/users/${EMAIL}?company=${COMPANY}&apiKey=${API_KEY}" -H 'Content-Type: application/json' -d "{\"firstName\": \"${FIRST}\"}"`},
		{"ops/scripts/find-by-workday-id.sh", "getUserByExternalId",
			`curl -sS "https://acme.360learning.com/api/v1/users/getUserByExternalId/${WORKDAY_ID}/workday?company=${COMPANY}&apiKey=${API_KEY}"`},
		{"ops/bin/lms-offboard", "pseudonymizeUser",
			`curl --fail -X PUT "https://app.360learning.com/api/v1/users/$1/pseudonymize?company=$LMS_COMPANY&apiKey=$LMS_API_KEY"`},
	}
	for _, s := range scripts {
		f := g.create(s.name)
		f.ln("#!/usr/bin/env bash\n# Legacy LMS maintenance script, run by the ops on-call.\nset -euo pipefail")
		f.fill(sh, 20+g.rnd.IntN(40))
		f.plant(s.op, "%s", s.line)
		f.fill(sh, 10+g.rnd.IntN(30))
		f.close()
	}
}

func (g *gen) postman() {
	g.small("tools/postman/package.json", `{"name": "postman-collections", "private": true}`)
	f := g.create("tools/postman/LMS v1.postman_collection.json")
	f.ln(`{
  "info": {
    "_postman_id": "3f1f4c1e-7c1a-4bde-9a55-1f0c1a1f2b3c",
    "name": "LMS v1 (legacy)",
    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
  },
  "item": [`)
	reqs := []struct{ name, method, op, url string }{
		{"List users", "GET", "getUsers", "https://{{host}}/api/v1/users?company={{company}}&apiKey={{apiKey}}"},
		{"Pseudonymize user", "PUT", "pseudonymizeUser", "https://{{host}}/api/v1/users/{{email}}/pseudonymize?company={{company}}&apiKey={{apiKey}}"},
		{"Update user", "PUT", "updateUser", "https://{{host}}/api/v1/users/{{email}}?company={{company}}&apiKey={{apiKey}}"},
		{"Remove user from group", "DELETE", "deleteUserFromGroup", "https://{{host}}/api/v1/groups/{{groupId}}/users/{{email}}?company={{company}}&apiKey={{apiKey}}"},
		{"Get user by external id", "GET", "getUserByExternalId", "https://{{host}}/api/v1/users/getUserByExternalId/{{externalId}}/workday?company={{company}}&apiKey={{apiKey}}"},
	}
	for i, r := range reqs {
		f.lnf(`    {
      "name": %q,
      "request": {
        "method": %q,
        "header": [],
        "url": {`, r.name, r.method)
		f.plant(r.op, `          "raw": %q,`, r.url)
		f.lnf(`          "host": ["{{host}}"]
        }
      }
    }%s`, map[bool]string{true: ",", false: ""}[i < len(reqs)-1])
	}
	f.ln("  ]\n}")
	f.close()
}

func (g *gen) ansible() {
	g.small("ops/ansible/ansible.cfg", "[defaults]\nroles_path = roles\n")
	g.small("ops/ansible/group_vars/all.yml", "lms_company: acme\nlms_api: \"https://acme.360learning.com/api/v1\"\n")
	f := g.create("ops/ansible/roles/lms_offboarding/tasks/main.yml")
	f.ln("---")
	f.ln("- name: Pseudonymize the leaver in the LMS\n  ansible.builtin.uri:")
	f.plant("pseudonymizeUser", `    url: "https://acme.360learning.com/api/v1/users/{{ leaver_email }}/pseudonymize?company={{ lms_company }}&apiKey={{ lms_api_key }}"`)
	f.ln("    method: PUT\n    status_code: 200\n")
	f.ln("- name: Remove the leaver from the contractors group\n  ansible.builtin.uri:")
	f.plant("deleteUserFromGroup", `    url: "https://acme.360learning.com/api/v1/groups/{{ contractors_group_id }}/users/{{ leaver_email }}?company={{ lms_company }}&apiKey={{ lms_api_key }}"`)
	f.ln("    method: DELETE\n    status_code: [200, 404]")
	f.close()
	// A task file with no "api/v1": the base comes from group_vars (phase 2).
	f = g.create("ops/ansible/roles/lms_rename/tasks/main.yml")
	f.ln("---\n- name: Rename the user in the LMS\n  ansible.builtin.uri:")
	f.plant("updateUser", `    url: "{{ lms_api }}/users/{{ user_email }}?company={{ lms_company }}&apiKey={{ lms_api_key }}"`)
	f.ln("    method: PUT\n    body_format: json\n    body:\n      firstName: \"{{ first_name }}\"")
	f.close()
}

func (g *gen) python() {
	py := langOf(".py")
	g.small("services/hr-sync/pyproject.toml", "[project]\nname = \"hr-sync\"\nversion = \"2.3.0\"\n")
	f := g.create("services/hr-sync/hr_sync/lms_client.py")
	f.ln(`"""Client for the LMS (360Learning) used by the nightly HR sync."""
import os

import requests

TIMEOUT = 30


class LmsClient:
    def __init__(self, company, api_key, session=None):
        self.company = company
        self.api_key = api_key
        self.session = session or requests.Session()

    def _auth(self):
        return {"company": self.company, "apiKey": self.api_key}

    def list_users(self, page=1):`)
	f.plant("getUsers", `        r = self.session.get("https://acme.360learning.com/api/v1/users", params={**self._auth(), "page": page}, timeout=TIMEOUT)`)
	f.ln("        r.raise_for_status()\n        return r.json()\n\n    def pseudonymize(self, email):")
	f.plant("pseudonymizeUser", `        r = requests.put(f"https://acme.360learning.com/api/v1/users/{email}/pseudonymize", params=self._auth(), timeout=TIMEOUT)`)
	f.ln("        r.raise_for_status()\n\n    def rename(self, email, first_name):")
	f.plant("updateUser", `        r = requests.put(f"https://acme.360learning.com/api/v1/users/{email}", params=self._auth(), json={"firstName": first_name}, timeout=TIMEOUT)`)
	f.ln("        r.raise_for_status()\n\n    def leave_group(self, group_id, email):")
	f.plant("deleteUserFromGroup", `        r = requests.delete(f"https://acme.360learning.com/api/v1/groups/{group_id}/users/{email}", params=self._auth(), timeout=TIMEOUT)`)
	f.ln("        r.raise_for_status()\n\n    def by_workday_id(self, workday_id):")
	f.plant("getUserByExternalId", `        r = requests.get(f"https://acme.360learning.com/api/v1/users/getUserByExternalId/{workday_id}/workday", params=self._auth(), timeout=TIMEOUT)`)
	f.ln("        r.raise_for_status()\n        return r.json()\n")
	f.fill(py, 60)
	f.close()
}

func (g *gen) javascript() {
	js := langOf(".js")
	f := g.create("services/portal/src/lms/client.js")
	f.ln("const axios = require('axios');\n\nconst company = process.env.LMS_COMPANY;\nconst apiKey = process.env.LMS_API_KEY;\n")
	f.fill(js, 30)
	f.ln("async function listUsers(page) {")
	f.plant("getUsers", `  const { data } = await axios.get('https://acme.360learning.com/api/v1/users', { params: { company, apiKey, page } });`)
	f.ln("  return data;\n}\n\nasync function pseudonymize(email) {")
	f.plant("pseudonymizeUser", "  await axios.put(`https://acme.360learning.com/api/v1/users/${encodeURIComponent(email)}/pseudonymize`, null, { params: { company, apiKey } });")
	f.ln("}\n\nasync function removeFromGroup(groupId, email) {")
	f.plant("deleteUserFromGroup", "  await axios.delete(`https://acme.360learning.com/api/v1/groups/${groupId}/users/${email}`, { params: { company, apiKey } });")
	f.ln("}\n\nasync function rename(email, firstName) {")
	f.plant("updateUser", "  await fetch(`https://acme.360learning.com/api/v1/users/${email}?company=${company}&apiKey=${apiKey}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ firstName }) });")
	f.ln("}\n")
	f.fill(js, 40)
	f.ln("module.exports = { listUsers, pseudonymize, removeFromGroup, rename };")
	f.close()

	// A base in one file, the call in another with no "api/v1" (phase 2).
	g.small("services/people-api/package.json", `{"name": "people-api", "private": true}`)
	g.small("services/people-api/src/config.js", "export const LMS_API = \"https://acme.360learning.com/api/v1\";\nexport const PAGE_SIZE = 100;")
	f = g.create("services/people-api/src/jobs/deactivate.js")
	f.ln("import axios from \"axios\";\nimport { LMS_API } from \"../config.js\";\n")
	f.fill(js, 25)
	f.ln("export async function deactivate(email, company, apiKey) {")
	f.plant("pseudonymizeUser", "  await axios.put(`${LMS_API}/users/${encodeURIComponent(email)}/pseudonymize`, null, { params: { company, apiKey } });")
	f.ln("}")
	f.fill(js, 25)
	f.close()
}

func (g *gen) markdown() {
	f := g.create("docs/runbooks/lms-offboarding.md")
	f.ln("# Offboarding a leaver from the LMS\n\nRun these from the ops bastion; the API key is in the vault under `lms/api-key`.\n\n## 1. Find the user\n\n```bash")
	f.plant("getUsers", `curl -s "https://acme.360learning.com/api/v1/users?company=$COMPANY&apiKey=$API_KEY" | jq '.[] | select(.mail == "'$EMAIL'")'`)
	f.ln("```\n\n## 2. Remove them from their groups\n\n```sh")
	f.plant("deleteUserFromGroup", `curl -X DELETE "https://acme.360learning.com/api/v1/groups/$GROUP_ID/users/$EMAIL?company=$COMPANY&apiKey=$API_KEY"`)
	f.ln("```\n\n## 3. Pseudonymize\n\n```console")
	f.plant("pseudonymizeUser", `$ curl -X PUT "https://acme.360learning.com/api/v1/users/$EMAIL/pseudonymize?company=$COMPANY&apiKey=$API_KEY"`)
	f.ln("```\n\nIf the user came from Workday, look them up by their Workday ID first:\n\n```")
	f.plant("getUserByExternalId", `curl "https://acme.360learning.com/api/v1/users/getUserByExternalId/$WORKDAY_ID/workday?company=$COMPANY&apiKey=$API_KEY"`)
	f.ln("```\n\nThe v2 equivalent is documented in the [migration guide](https://support.360learning.com/api-v2).")
	f.close()
}

func (g *gen) goClient() {
	goLang := langOf(".go")
	g.small("services/lms-bridge/go.mod", "module acme.example/lms-bridge\n\ngo 1.22")
	f := g.create("services/lms-bridge/internal/lms/client.go")
	f.ln("package lms\n\nimport (\n\t\"context\"\n\t\"net/http\"\n\t\"net/url\"\n)\n")
	f.ln("// Pseudonymize anonymizes a leaver's account.\nfunc (c *Client) Pseudonymize(ctx context.Context, email string) error {")
	f.plant("pseudonymizeUser", `	req, err := http.NewRequestWithContext(ctx, http.MethodPut, "https://acme.360learning.com/api/v1/users/"+url.PathEscape(email)+"/pseudonymize?company="+c.company+"&apiKey="+c.apiKey, nil)`)
	f.ln("\tif err != nil {\n\t\treturn err\n\t}\n\treturn c.do(req)\n}\n")
	f.fill(goLang, 40)
	f.close()
}

// pipelines plants shell calls inside YAML: a Kubernetes CronJob's args and
// a CI job's run block.
func (g *gen) pipelines() {
	f := g.create("deploy/k8s/lms-group-cleanup.yaml")
	f.ln(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: lms-group-cleanup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: curlimages/curl:8.8.0
              command: ["/bin/sh", "-c"]
              args:`)
	f.plant("deleteUserFromGroup", `                - curl -fsS -X DELETE "https://acme.360learning.com/api/v1/groups/${GROUP_ID}/users/${LEAVER_EMAIL}?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"`)
	f.ln(`              envFrom:
                - secretRef:
                    name: lms-credentials`)
	f.close()

	f = g.create(".github/workflows/lms-export.yml")
	f.ln(`name: Nightly LMS export
on:
  schedule:
    - cron: "30 2 * * *"
jobs:
  export:
    runs-on: ubuntu-latest
    steps:
      - name: Export users
        run: |
          set -euo pipefail`)
	f.plant("getUsers", `          curl -fsS "https://acme.360learning.com/api/v1/users?company=${{ secrets.LMS_COMPANY }}&apiKey=${{ secrets.LMS_API_KEY }}" -o users.json`)
	f.ln(`          jq length users.json`)
	f.close()
}
