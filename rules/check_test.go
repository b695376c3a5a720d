package rules

import (
	"strings"
	"testing"
)

// lit makes a call whose URL is one raw literal at offset 0.
func lit(method, url string) *Call {
	return &Call{File: "f", Method: method, URL: []URLPart{{Lit: url, Raw: true, Span: Span{0, len(url)}}}}
}

func rulesOf(fs []Finding) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	return ids
}

func TestCheckOperations(t *testing.T) {
	c := mustDefault(t)
	tests := []struct {
		name, method, url string
		op                string // "" for none, "-" for unmapped
		rules             []string
	}{
		{"pseudonymize, guide example", "PUT", "https://{{host}}/api/v1/users/:user_email/pseudonymize?company={{company}}&apiKey={{apiKey}}",
			"pseudonymizeUser", []string{"pseudonymize-user-endpoint", "v1-credentials"}},
		{"update, guide example", "PUT", "http://app.360learning.com/api/v1/users/5b56f4c392af558eb5f1386c?company={{company}}&apiKey={{apiKey}}",
			"updateUser", []string{"update-user-endpoint", "v1-credentials"}},
		{"remove from group", "DELETE", "https://acme.360learning.com/api/v1/groups/58eb608a1a92bb4fb56b31a0/users/jane@acme.com",
			"deleteUserFromGroup", []string{"remove-user-role-endpoint"}},
		{"list with deleted", "GET", "https://${LMS_HOST}/api/v1/users?deleted=true&company=c&apiKey=k",
			"getUsers", []string{"list-users-endpoint", "list-users-deleted", "v1-credentials"}},
		{"external id", "GET", "https://app.360learning.com/api/v1/users/getUserByExternalId/14562/BambooHR",
			"getUserByExternalId", []string{"list-id-mappings-endpoint"}},
		{"dev host", "GET", "https://app.staging.360learning-dev.com/api/v1/users", "getUsers", []string{"list-users-endpoint"}},
		{"tenant template host", "GET", "https://{{tenant}}.360learning.com/api/v1/users", "getUsers", []string{"list-users-endpoint"}},
		{"unmapped on 360 host", "GET", "https://acme.360learning.com/api/v1/groups", "-", []string{"v1-endpoint-unmapped"}},
		{"unmapped: other method on a guide path", "GET", "https://acme.360learning.com/api/v1/users/jane@acme.com", "-", []string{"v1-endpoint-unmapped"}},
		{"templated host, known resource", "POST", "${LMS_HOST}/api/v1/users/${email}/managers/${manager}", "-", []string{"v1-endpoint-unmapped"}},
		{"templated host, unknown resource", "GET", "${API}/api/v1/orders", "", nil},
		{"templated host, unknown resource, v1 credentials", "GET", "${API}/api/v1/orders?company=c&apiKey=k", "-", []string{"v1-endpoint-unmapped", "v1-credentials"}},
		{"other host", "GET", "https://api.peoplehub.example/api/v1/users", "", nil},
		{"other host, even with the path of a guide", "PUT", "https://hr.example.com/api/v1/users/a@b.c/pseudonymize", "", nil},
		{"localhost", "GET", "http://localhost:8080/api/v1/users", "", nil},
		{"v2 call", "GET", "https://acme.360learning.com/api/v2/users", "", nil},
		{"api/v10 is not v1", "GET", "https://acme.360learning.com/api/v10/users", "", nil},
		{"relative path, guide template", "PUT", "/api/v1/users/{{email}}/pseudonymize", "pseudonymizeUser", []string{"pseudonymize-user-endpoint"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := c.Check(lit(tt.method, tt.url), nil)
			got := rulesOf(fs)
			if strings.Join(got, ",") != strings.Join(tt.rules, ",") {
				t.Fatalf("rules = %v, want %v\n%v", got, tt.rules, fs)
			}
			for _, f := range fs {
				want := tt.op
				if want == "-" {
					want = ""
				}
				if f.Operation != want {
					t.Errorf("%s: operation %q, want %q", f.Rule, f.Operation, want)
				}
			}
		})
	}
}

func TestCheckConfiguredHost(t *testing.T) {
	c := mustDefault(t)
	call := lit("GET", "https://lms.acme.io/api/v1/users")
	if fs := c.Check(call, nil); len(fs) != 0 {
		t.Fatalf("unconfigured host reported: %v", fs)
	}
	if fs := c.Check(call, &Options{Hosts: []string{"lms.acme.io"}}); len(fs) != 1 {
		t.Fatalf("configured host not reported: %v", fs)
	}
	if fs := c.Check(lit("GET", "https://eu.lms.acme.io:8443/api/v1/users"), &Options{Hosts: []string{"*.lms.acme.io"}}); len(fs) != 1 {
		t.Fatalf("host glob and port: %v", fs)
	}
}

func TestCheckMessages(t *testing.T) {
	c := mustDefault(t)
	url := "https://acme.360learning.com/api/v1/users/jane@acme.com?company=acme&apiKey=s3cr3t-KEY"
	fs := c.Check(lit("PUT", url), nil)
	if len(fs) != 2 {
		t.Fatalf("findings: %v", fs)
	}
	for _, f := range fs {
		if strings.Contains(f.Message, "s3cr3t-KEY") {
			t.Errorf("%s prints the apiKey value: %s", f.Rule, f.Message)
		}
	}
	msg := fs[0].Message
	for _, want := range []string{"updateUser", "PATCH /api/v2/users/{userId}", "Edit a user", "PUT becomes PATCH", "passes an email"} {
		if !strings.Contains(msg, want) {
			t.Errorf("endpoint message lacks %q: %s", want, msg)
		}
	}
	// The credentials finding sits on "company=acme&apiKey=s3cr3t-KEY".
	cred := fs[1]
	if got := url[cred.Span.Start:cred.Span.End]; got != "company=acme&apiKey=s3cr3t-KEY" {
		t.Errorf("credentials span covers %q", got)
	}
	// An internal ID is not called an email; the method note is absent when written.
	fs = c.Check(lit("PUT", "https://acme.360learning.com/api/v1/users/5b56f4c392af558eb5f1386c"), nil)
	if m := fs[0].Message; strings.Contains(m, "email") || strings.Contains(m, "method is not written") {
		t.Errorf("message for an ID with a written method: %s", m)
	}
	// Unknown method: said, not guessed silently.
	fs = c.Check(lit("", "https://acme.360learning.com/api/v1/users/{{email}}"), nil)
	if !strings.Contains(fs[0].Message, "the method is not written here") {
		t.Errorf("unknown method not said: %s", fs[0].Message)
	}
	// Unmapped endpoints name v2 candidates.
	fs = c.Check(lit("POST", "https://acme.360learning.com/api/v1/users/{{email}}/managers/{{manager}}"), nil)
	if !strings.Contains(fs[0].Message, "POST /api/v2/users/{userId}/managers/{managerId} (Add a manager to a user)") {
		t.Errorf("candidates: %s", fs[0].Message)
	}
	fs = c.Check(lit("GET", "https://acme.360learning.com/api/v1/widgets"), nil)
	if !strings.Contains(fs[0].Message, "no migration guide") || strings.Contains(fs[0].Message, "candidates") {
		t.Errorf("no candidates expected: %s", fs[0].Message)
	}
}

func TestCheckRemovedParams(t *testing.T) {
	c := mustDefault(t)
	call := lit("PUT", "https://acme.360learning.com/api/v1/users/{{id}}")
	call.Params = []Param{
		{Name: "firstName", In: InBody, Span: Span{100, 110}},
		{Name: "primaryGroupId", In: InBody, Span: Span{120, 140}},
		{Name: "password", In: InBody, Span: Span{150, 160}},
		{Name: "deleted", In: InBody, Span: Span{170, 180}}, // not removed from this operation
	}
	fs := c.Check(call, nil)
	want := []string{"update-user-endpoint", "update-user-primary-group-id", "update-user-password"}
	if got := rulesOf(fs); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("rules = %v, want %v", got, want)
	}
	if fs[1].Span != (Span{120, 140}) || !strings.Contains(fs[1].Message, "Add a user's role") {
		t.Errorf("primaryGroupId finding: %+v", fs[1])
	}

	// deleteUserFromGroup: body fields in a form, credentials in the form.
	call = lit("DELETE", "https://{{host}}/api/v1/groups/{{gid}}/users/{{email}}")
	call.Params = []Param{
		{Name: "deleteFromPrivateSubgroups", In: InForm, Span: Span{200, 230}},
		{Name: "group_id", In: InForm, Span: Span{240, 250}},
		{Name: "company", In: InForm, Span: Span{260, 270}},
		{Name: "apiKey", In: InForm, Span: Span{280, 290}},
	}
	fs = c.Check(call, nil)
	want = []string{"remove-user-role-endpoint", "remove-user-role-delete-from-private-subgroups", "remove-user-role-group-id", "v1-credentials"}
	if got := rulesOf(fs); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("rules = %v, want %v", got, want)
	}
	if !strings.Contains(fs[3].Message, "form data") {
		t.Errorf("credentials message: %s", fs[3].Message)
	}

	// deleted is a query parameter of getUsers: in a body it is not the removed one.
	call = lit("GET", "https://acme.360learning.com/api/v1/users")
	call.Params = []Param{{Name: "deleted", In: InQuery, Span: Span{300, 310}}}
	if got := rulesOf(c.Check(call, nil)); len(got) != 2 || got[1] != "list-users-deleted" {
		t.Errorf("query param deleted: %v", got)
	}
}

func TestCheckResponseAndErrorCodes(t *testing.T) {
	c := mustDefault(t)
	call := lit("GET", "https://acme.360learning.com/api/v1/users/getUserByExternalId/{{id}}/BambooHR")
	call.ResponseFields = []Param{{Name: "mail", Span: Span{400, 404}}, {Name: "_id", Span: Span{410, 413}}, {Name: "targetId", Span: Span{420, 428}}}
	got := rulesOf(c.Check(call, nil))
	want := []string{"list-id-mappings-endpoint", "list-id-mappings-mail", "list-id-mappings-id"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("rules = %v, want %v", got, want)
	}
	call = lit("PUT", "https://acme.360learning.com/api/v1/users/{{id}}")
	call.ErrorCodes = []Param{{Name: "mail_already_exists", Span: Span{500, 520}}, {Name: "mailAlreadyUsed", Span: Span{530, 545}}}
	got = rulesOf(c.Check(call, nil))
	want = []string{"update-user-endpoint", "update-user-error-mail-already-exists"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("rules = %v, want %v", got, want)
	}
}

func TestCheckHolesAndSpans(t *testing.T) {
	c := mustDefault(t)
	// "https://acme.360learning.com/api/v1/users/" + email + "/pseudonymize"
	src := `"https://acme.360learning.com/api/v1/users/" + email + "/pseudonymize"`
	call := &Call{Method: "PUT", URL: []URLPart{
		{Lit: "https://acme.360learning.com/api/v1/users/", Raw: true, Span: Span{1, 43}},
		{Hole: "email", Span: Span{47, 52}},
		{Lit: "/pseudonymize", Raw: true, Span: Span{56, 69}},
	}}
	fs := c.Check(call, nil)
	if len(fs) != 1 || fs[0].Operation != "pseudonymizeUser" {
		t.Fatalf("findings: %v", fs)
	}
	if got := src[fs[0].Span.Start:fs[0].Span.End]; !strings.HasPrefix(got, "https://") || !strings.HasSuffix(got, "/pseudonymize") {
		t.Errorf("endpoint span covers %q", got)
	}
	// Shell and template placeholders inside literals are holes.
	for _, u := range []string{
		"https://acme.360learning.com/api/v1/users/${EMAIL}/pseudonymize",
		"https://acme.360learning.com/api/v1/users/$email/pseudonymize",
		"https://acme.360learning.com/api/v1/users/#{email}/pseudonymize",
		"https://acme.360learning.com/api/v1/users/%s/pseudonymize",
		"https://acme.360learning.com/api/v1/users/{email}/pseudonymize",
		"https://acme.360learning.com/api/v1/users/<email>/pseudonymize",
		"https://acme.360learning.com/api/v1/users/{{ item.email }}/pseudonymize",
		"https://acme.360learning.com/api/v1/users/%(email)s/pseudonymize",
	} {
		fs := c.Check(lit("PUT", u), nil)
		if len(fs) == 0 || fs[0].Operation != "pseudonymizeUser" {
			t.Errorf("%s: %v", u, fs)
		}
	}
}

func TestLinesPosition(t *testing.T) {
	l := NewLines([]byte("ab\ncd\n\nef"))
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {6, 3, 1}, {7, 4, 1}, {9, 4, 3}, {99, 4, 3}} {
		if line, col := l.Position(tt.off); line != tt.line || col != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestResolve(t *testing.T) {
	bases := []Base{
		{Name: "LMS_API_BASE", URL: []URLPart{{Lit: "https://acme.360learning.com/api/v1/"}}, File: "config.env"},
		{Name: "", URL: []URLPart{{Lit: "https://acme.360learning.com/api/v1"}}, File: "client.rb"},
	}
	named := Pending{Base: "process.env.lmsApiBase", Call: Call{Method: "PUT", URL: []URLPart{
		{Hole: "process.env.lmsApiBase", Span: Span{10, 32}},
		{Lit: "/users/", Span: Span{35, 42}, Raw: true},
		{Hole: "email", Span: Span{45, 50}},
	}}}
	relative := Pending{Call: Call{Method: "GET", URL: []URLPart{{Lit: "users", Span: Span{70, 75}, Raw: true}}}}
	none := Pending{Base: "OTHER_BASE", Call: Call{URL: []URLPart{{Hole: "OTHER_BASE"}, {Lit: "/users"}}}}
	out := Resolve([]Pending{named, relative, none}, bases)
	if len(out[0]) != 1 || out[0][0].URLText() != "https://acme.360learning.com/api/v1/users/{email}" {
		t.Errorf("named: %v", out[0])
	}
	if out[0][0].URL[0].Span != (Span{10, 32}) || out[0][0].URL[0].Raw {
		t.Errorf("substituted base should sit at the reference, not raw: %+v", out[0][0].URL[0])
	}
	if len(out[1]) != 1 || out[1][0].URLText() != "https://acme.360learning.com/api/v1/users" {
		t.Errorf("relative: %v", out[1])
	}
	if len(out[2]) != 0 {
		t.Errorf("unknown base resolved: %v", out[2])
	}
	c := mustDefault(t)
	if fs := c.Check(&out[0][0], nil); len(fs) != 1 || fs[0].Operation != "updateUser" {
		t.Errorf("completed call: %v", fs)
	}
}

func TestBaseKey(t *testing.T) {
	for in, want := range map[string]string{
		"this.baseUrl": "baseurl", "{{ lms_base }}": "lmsbase", "${LMS_BASE}": "lmsbase",
		"self.base_url": "baseurl", "$this->baseUrl": "baseurl", "config['lms-api']": "lmsapi",
	} {
		if got := BaseKey(in); got != want {
			t.Errorf("BaseKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRemovedParamSitsOnItsName(t *testing.T) {
	c := mustDefault(t)
	call := lit("GET", "https://acme.360learning.com/api/v1/users")
	call.Params = []Param{{Name: "deleted", In: InQuery, Span: Span{100, 130}, NameSpan: Span{112, 119}}}
	fs := c.Check(call, nil)
	if len(fs) != 2 || fs[1].Span != (Span{112, 119}) {
		t.Errorf("removed param finding: %+v", fs)
	}
}
