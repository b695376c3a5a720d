package curl_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/rules"
)

const lms = "https://acme.360learning.com"

// fixScript fixes a script and returns the result, or why its one v1 call
// was left.
func fixScript(t *testing.T, src string, opt rules.FixOptions) (string, string) {
	t.Helper()
	res := fixFile(t, curl.Read, "t.sh", []byte(src), opt)
	if len(res.left) > 0 {
		return string(res.out), strings.Join(res.left, "; ")
	}
	checkFixed(t, curl.Read, "t.sh", res, opt)
	return string(res.out), ""
}

func TestFixCommands(t *testing.T) {
	const id = "64b7f0c2a1e4d3b2c1a09f8e"
	tests := []struct {
		name, src string
		opt       rules.FixOptions
		want      string // the fixed script, or "left: <reason part>"
	}{
		{"one line, query credentials",
			`curl -X PUT "` + lms + `/api/v1/users/` + id + `/pseudonymize?company=acme&apiKey=$KEY"`, rules.FixOptions{},
			`curl -X PUT "` + lms + `/api/v2/users/` + id + `/pseudonymize" -H "360-api-version: v2.0" -H "Authorization: Bearer ${ACCESS_TOKEN}"`},
		{"long options: the headers are written long too",
			`curl --silent --request PUT --url "` + lms + `/api/v1/users/` + id + `/pseudonymize?company=acme&apiKey=$KEY"`, rules.FixOptions{},
			`curl --silent --request PUT --url "` + lms + `/api/v2/users/` + id + `/pseudonymize" --header "360-api-version: v2.0" --header "Authorization: Bearer ${ACCESS_TOKEN}"`},
		{"headers from a file", `curl -X PUT "` + lms + `/api/v1/users/` + id + `/pseudonymize" -H @headers.txt`, rules.FixOptions{},
			"left: reads headers from a file"},
		{"token given",
			`curl -X PUT "` + lms + `/api/v1/users/` + id + `/pseudonymize"`, rules.FixOptions{Token: "$(vault read -field=token lms)"},
			`curl -X PUT "` + lms + `/api/v2/users/` + id + `/pseudonymize" -H "360-api-version: v2.0" -H "Authorization: Bearer $(vault read -field=token lms)"`},
		{"token with a double quote", `curl -X PUT "` + lms + `/api/v1/users/` + id + `/pseudonymize"`, rules.FixOptions{Token: `a"b`},
			"left: cannot be written inside double quotes"},
		{"PUT to PATCH, lower-case and attached",
			`curl -Xput ` + lms + `/api/v1/users/$USER_ID -H 'Content-Type: application/json' -d '{"firstName": "Ada"}'`, rules.FixOptions{},
			`curl -Xpatch ` + lms + `/api/v2/users/$USER_ID -H 'Content-Type: application/json' -H "360-api-version: v2.0" -H "Authorization: Bearer ${ACCESS_TOKEN}" -d '{"firstName": "Ada"}'`},
		{"body uploaded from a file", `curl -T patch.json "` + lms + `/api/v1/users/$USER_ID"`, rules.FixOptions{}, "left: a file as the body"},
		{"user map", `curl -X PUT "` + lms + `/api/v1/users/Ada@Acme.io/pseudonymize"`, rules.FixOptions{Users: map[string]string{"ada@acme.io": id}},
			`curl -X PUT "` + lms + `/api/v2/users/` + id + `/pseudonymize" -H "360-api-version: v2.0" -H "Authorization: Bearer ${ACCESS_TOKEN}"`},
		{"mail without a user map", `curl -X PUT "` + lms + `/api/v1/users/ada@acme.io/pseudonymize"`, rules.FixOptions{}, "left: give a user map"},
		{"-G data all removed, -g added",
			`curl -G "` + lms + `/api/v1/users/getUserByExternalId/$EXT/sap" -d company=acme --data-urlencode "apiKey=$KEY"`, rules.FixOptions{},
			`curl -g -G "` + lms + `/api/v2/external-ids?value[eq]=$EXT&platform[eq]=sap&type[eq]=user" -H "360-api-version: v2.0" -H "Authorization: Bearer ${ACCESS_TOKEN}"`},
		{"globoff already there", `curl --globoff "` + lms + `/api/v1/users/getUserByExternalId/E1/sap"`, rules.FixOptions{},
			`curl --globoff "` + lms + `/api/v2/external-ids?value[eq]=E1&platform[eq]=sap&type[eq]=user" -H "360-api-version: v2.0" -H "Authorization: Bearer ${ACCESS_TOKEN}"`},
		{"unquoted URL gets quoted", `curl ` + lms + `/api/v1/users/getUserByExternalId/E1/sap`, rules.FixOptions{},
			`curl -g "` + lms + `/api/v2/external-ids?value[eq]=E1&platform[eq]=sap&type[eq]=user" -H "360-api-version: v2.0" -H "Authorization: Bearer ${ACCESS_TOKEN}"`},
		{"half-quoted URL", `curl "$LMS"/api/v1/users/getUserByExternalId/E1/sap`, rules.FixOptions{}, "left: not quoted"},
		{"here-document body",
			"curl -X PUT \"" + lms + "/api/v1/users/$ID\" -H 'Content-Type: application/json' -d @- <<EOF\n{\"company\": \"acme\", \"apiKey\": \"$KEY\", \"lastName\": \"Doe\"}\nEOF",
			rules.FixOptions{},
			"curl -X PATCH \"" + lms + "/api/v2/users/$ID\" -H 'Content-Type: application/json' -H \"360-api-version: v2.0\" -H \"Authorization: Bearer ${ACCESS_TOKEN}\" -d @- <<EOF\n{\"lastName\": \"Doe\"}\nEOF"},
		{"here-document left empty",
			"curl -X DELETE \"" + lms + "/api/v1/groups/$G/users/$USER_ID\" -d @- <<EOF\n{\"company\": \"acme\", \"apiKey\": \"$KEY\"}\nEOF",
			rules.FixOptions{GroupRole: "learner"}, "left: nothing would be left"},
		{"bundled short options", `curl -sd company=acme -X DELETE "` + lms + `/api/v1/groups/$G/users/$USER_ID"`, rules.FixOptions{GroupRole: "learner"},
			"left: not written on its own"},
		{"options from a variable", "OPTS='-d company=acme'\ncurl $OPTS -X DELETE \"" + lms + "/api/v1/groups/$G/users/$USER_ID\"", rules.FixOptions{GroupRole: "learner"},
			"left: not written on its own"},
		{"value from a variable",
			"BODY='{\"company\": \"acme\", \"firstName\": \"Ada\"}'\ncurl -X PUT -H 'Content-Type: application/json' -d \"$BODY\" \"" + lms + "/api/v1/users/$USER_ID\"",
			rules.FixOptions{}, "left: comes from a variable"},
		{"method from a variable", `curl -X "$M" "` + lms + `/api/v1/users/$USER_ID" -d '{}'`, rules.FixOptions{}, "left: method"},
		{"another Authorization", `curl -X PUT -H "Authorization: Basic $B" "` + lms + `/api/v1/users/$USER_ID/pseudonymize"`, rules.FixOptions{},
			"left: another Authorization header"},
		{"two URLs", `curl -X PUT "` + lms + `/api/v1/users/$USER_ID/pseudonymize" "` + lms + `/api/v1/users/$OTHER_ID/pseudonymize"`, rules.FixOptions{},
			"left: no fixer"},
		{"function called with a path", "lms_put() { curl -X PUT \"" + lms + "/api/v1/$1\"; }\nlms_put users/$USER_ID/pseudonymize", rules.FixOptions{},
			"left: not written in one place"},
		{"body from a file", `curl -X PUT -H 'Content-Type: application/json' -d @user.json "` + lms + `/api/v1/users/$USER_ID"`, rules.FixOptions{},
			"left: data from a file (@user.json)"},
		{"options nobody can see", `curl $CURL_OPTS -X PUT "` + lms + `/api/v1/users/$USER_ID/pseudonymize"`, rules.FixOptions{},
			"left: options from a variable"},
		{"HTTPie items nobody can see", `xh "` + lms + `/api/v1/users" "${AUTH[@]}"`, rules.FixOptions{}, "left: cannot read"},
		{"a list whose output is piped", `curl -s "` + lms + `/api/v1/users" | jq length`, rules.FixOptions{}, "left: v2 pages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, left := fixScript(t, tt.src, tt.opt)
			if reason, ok := strings.CutPrefix(tt.want, "left: "); ok {
				if left == "" || !strings.Contains(left, reason) {
					t.Errorf("got left %q, want left with %q; output:\n%s", left, reason, out)
				}
				if out != tt.src {
					t.Errorf("a call left changed the script:\n%s", out)
				}
				return
			}
			if left != "" {
				t.Fatalf("left: %s", left)
			}
			if out != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
		})
	}
}

func TestResponseUnused(t *testing.T) {
	u := lms + "/api/v1/users"
	tests := []struct {
		src    string
		unused bool
	}{
		{"curl -s " + u, true},
		{"curl -s " + u + " 2>/dev/null", true},
		{"curl -s " + u + " && echo done", true},
		{"if curl -sf " + u + "; then echo ok; fi", true},
		{"cat <<EOF | curl -d @- " + u + "\nx=1\nEOF", true},
		{"curl -s " + u + " | jq .", false},
		{"curl -s " + u + " > users.json", false},
		{"curl -s " + u + " 1>users.json", false},
		{"curl -s " + u + " &> log", false},
		{"users=$(curl -s " + u + ")", false},
		{"users=`curl -s " + u + "`", false},
		{"diff <(curl -s " + u + ") old.json", false},
		{"{ curl -s " + u + "; } > out", false},
		{"list() { curl -s " + u + "; }", false},
		{"curl -s -o users.json " + u, false},
		{"curl -sO " + u, false},
		{"curl -s -w '%{http_code}' " + u, false},
		{"http " + u, true},
		{"http " + u + " | jq .", false},
		{"http --download " + u, false},
		{"http -o users.json " + u, false},
	}
	for _, tt := range tests {
		f := read(t, tt.src)
		if len(f.Calls) != 1 {
			t.Errorf("%q: %d calls", tt.src, len(f.Calls))
			continue
		}
		if got := f.Calls[0].ResponseUnused; got != tt.unused {
			t.Errorf("%q: ResponseUnused %v, want %v", tt.src, got, tt.unused)
		}
	}
	// ResponseRead: something reads the body (not just -w's status, not
	// a body sent to /dev/null).
	for src, want := range map[string]bool{
		"curl -s " + u:                                       false,
		"curl -s " + u + " | jq .status":                     true,
		"st=$(curl -s " + u + ")":                            true,
		"curl -s -o out.json " + u:                           true,
		"curl -s -o /dev/null -w '%{http_code}' " + u:        false,
		"curl -sf -o /dev/null " + u + " || echo failed >&2": false,
	} {
		f := read(t, src)
		if len(f.Calls) == 1 && f.Calls[0].ResponseRead != want {
			t.Errorf("%q: ResponseRead %v, want %v", src, f.Calls[0].ResponseRead, want)
		}
	}
}

func TestHTTPResponseUnused(t *testing.T) {
	src := `GET https://acme.360learning.com/api/v1/users

###
# @name all
GET https://acme.360learning.com/api/v1/users

###
GET https://acme.360learning.com/api/v2/users/{{all.response.body.$[0]._id}}

###
GET https://acme.360learning.com/api/v1/users

> {% client.global.set("n", response.body.length); %}

###
# @name unused
GET https://acme.360learning.com/api/v1/users

###
GET https://acme.360learning.com/api/v1/users

>> users.json
`
	f, err := curl.ReadHTTP("t.http", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, false, true, false, true, false}
	if len(f.Calls) != len(want) {
		t.Fatalf("%d calls, want %d", len(f.Calls), len(want))
	}
	for i, c := range f.Calls {
		if c.ResponseUnused != want[i] {
			t.Errorf("request %d: ResponseUnused %v, want %v", i+1, c.ResponseUnused, want[i])
		}
	}
}
