package text_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/rules"
)

// In Markdown prose a path without a host is documentation unless it is
// written as a request line; full URLs are calls wherever they are.
func TestProse(t *testing.T) {
	tests := []struct{ name, prose, want string }{
		{"request line at the start of a line", "Nightly job:\n\nPUT /api/v1/users/:email\n", "PUT /api/v1/users/:email"},
		{"request line in a list item", "- DELETE /api/v1/groups/:gid/users/:email\n", "DELETE /api/v1/groups/:gid/users/:email"},
		{"request line in a code span", "Then the job runs `GET /api/v1/users?deleted=true` again.\n", "GET /api/v1/users?deleted=true"},
		{"full URL in running text", "We still call https://acme.360learning.com/api/v1/users/{mail} from cron.\n", "? https://acme.360learning.com/api/v1/users/{mail}"},
		{"templated host in running text", "It hits {{host}}/api/v1/groups/{gid}/users nightly.\n", "? {{host}}/api/v1/groups/{gid}/users"},
		{"a path template named in a sentence", "In v2 the endpoint `/api/v1/groups/:group_id/users/:email` becomes a DELETE on memberships.\n", ""},
		{"a route the intranet serves", "The portal serves `GET /api/v1/users` to its own pages.\n", ""},
		{"a route the service exposes", "Our gateway exposes `PUT /api/v1/users/:id` for HR.\n", ""},
		{"a migration note naming the old endpoint", "* Password resets (`PUT /api/v1/users/:mail`) move to `PATCH /api/v2/users/{id}`.\n", ""},
		{"an arrow from the old endpoint", "`DELETE /api/v1/groups/:g/users/:m` → `DELETE /api/v2/groups/{g}/users/{u}`\n", ""},
		{"a request span followed by prose", "The nightly job sends `PUT /api/v1/users/:mail` to reset passwords.\n", "PUT /api/v1/users/:mail"},
		{"a bare host-less path", "Mind the /api/v1/users/:email/pseudonymize path.\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := text.ReadSnippet("README.md", &rules.Snippet{Lang: "prose", Text: tc.prose})
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(f); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
