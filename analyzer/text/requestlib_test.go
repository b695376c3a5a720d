package text_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/internal/readertest"
)

// The request library (and its look-alikes) takes the method from the verb
// member it is called through, or from the options' method, whether the
// URL is the first argument or the options' url/uri.
func TestRequestLibraryMethods(t *testing.T) {
	src := `const request = require('request');
const LMS = process.env.LMS_HOST || 'https://acme.360learning.com';
const auth = { company: process.env.LMS_COMPANY, apiKey: process.env.LMS_API_KEY };

function create(user, cb) {
  request.post({ url: ` + "`${LMS}/api/v1/users`" + `, qs: auth, form: { mail: user.mail, password: user.pw } }, cb);
}
function remove(groupId, email, cb) {
  request({ method: 'DELETE', url: ` + "`${LMS}/api/v1/groups/${groupId}/users/${email}`" + `, qs: auth }, cb);
}
function rename(id, cb) {
  request.put(LMS + '/api/v1/users/' + id, { qs: auth, json: { firstName: 'A', password: 'x' } }, cb);
}
function find(id, cb) {
  request.get({ uri: ` + "`${LMS}/api/v1/users/getUserByExternalId/${id}/Workday`" + `, qs: auth, json: true }, cb);
}
function options(id, cb) {
  request.post({ method: 'PUT', url: ` + "`${LMS}/api/v1/users/${id}`" + `, qs: auth }, cb);
}
`
	fs, err := readertest.Findings(t, text.Read, "offboard.js", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule+"@"+strconv.Itoa(f.Line))
	}
	joined := strings.Join(got, " ")
	for _, want := range []string{"v1-endpoint-unmapped@6", "remove-user-role-endpoint@9", "update-user-endpoint@12", "update-user-password@12", "list-id-mappings-endpoint@15", "update-user-endpoint@18"} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %s in %s", want, joined)
		}
	}
	for _, bad := range []string{"list-users-endpoint@6", "list-users-endpoint@15", "v1-endpoint-unmapped@18"} {
		if strings.Contains(joined, bad) {
			t.Errorf("unexpected %s in %s", bad, joined)
		}
	}
}
