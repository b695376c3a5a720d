package text_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/internal/readertest"
)

// A body named after itself (body: JSON.stringify(body)) once sent the
// object lookup round for ever: a stack overflow kills the whole scan, so a
// reader must never recurse without a bound.
func TestSelfNamedBodyDoesNotRecurse(t *testing.T) {
	src := "export async function save(id: string, form: FormData) {\n" +
		"  await lmsFetch('/users/' + id, {\n" +
		"    method: 'PUT',\n" +
		"    body: JSON.stringify({ firstName: form.get('firstName') }),\n" +
		"  });\n" +
		"}\n\n" +
		"export async function mirror(id: string, body: unknown) {\n" +
		"  await fetch(`https://acme.360learning.com/api/v1/users/${id}`, { method: 'PUT', body: JSON.stringify(body) });\n" +
		"}\n"
	fs, err := readertest.Findings(t, text.Read, "actions.ts", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Rule != "update-user-endpoint" || fs[0].Line != 9 {
		t.Errorf("findings: %+v", fs)
	}
}
