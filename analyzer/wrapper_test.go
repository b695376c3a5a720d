package analyzer_test

import (
	"slices"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
)

// A fetch wrapper whose base comes from .env.local, defined in one module
// and called with relative paths from others (a Next.js route file under
// app/api/v1/ among them: its own path makes it no route the calls serve).
func TestCrossFileWrapperThroughEnv(t *testing.T) {
	root := tree(t, map[string]string{
		".env.local": "LMS_API_URL=https://acme.360learning.com/api/v1\nDIRECTORY_URL=https://api.peoplehub.example/v1\n",
		"lib/lms.ts": "const BASE = process.env.LMS_API_URL!;\n\n" +
			"export async function lmsFetch<T>(path: string, init: RequestInit = {}): Promise<T> {\n" +
			"  const res = await fetch(`${BASE}${path}`, { ...init, headers: { 'content-type': 'application/json' } });\n" +
			"  return res.json();\n}\n",
		"lib/directory.ts": "const ROOT = process.env.DIRECTORY_URL!;\n\n" +
			"export const dirFetch = async (path: string) => fetch(ROOT + path);\n",
		"app/profile/actions.ts": "'use server';\nimport { lmsFetch } from '@/lib/lms';\nimport { dirFetch } from '@/lib/directory';\n\n" +
			"export async function save(id: string, firstName: string, password: string) {\n" +
			"  await lmsFetch('/users/' + id, { method: 'PUT', body: JSON.stringify({ firstName, password }) });\n" +
			"  await dirFetch('/users/' + id);\n" +
			"  console.log('/users/' + id);\n" +
			"}\n",
		"app/api/v1/users/[id]/route.ts": "import { lmsFetch } from '@/lib/lms';\n\n" +
			"export async function GET(_req: Request, { params }: { params: { id: string } }) {\n" +
			"  return Response.json(await lmsFetch(`/users?deleted=true`));\n}\n",
	})
	res := scan(t, analyzer.Options{}, root)
	got := findings(res, root)
	for _, want := range []string{
		"app/profile/actions.ts:6 update-user-endpoint",
		"app/profile/actions.ts:6 update-user-password",
		"app/api/v1/users/[id]/route.ts:4 list-users-endpoint",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	for _, f := range got {
		if f == "app/profile/actions.ts:7 get-user-endpoint" || f == "app/profile/actions.ts:8 get-user-endpoint" {
			t.Errorf("reported %q: the directory wrapper's host and a log line are no LMS calls", f)
		}
	}
}
