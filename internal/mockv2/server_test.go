package mockv2_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/migaudit/migaudit/internal/mockv2"
	"github.com/migaudit/migaudit/rules"
)

const userID = "64b7f0c2a1e4d3b2c1a09f8e"

func newServer(t *testing.T) (*mockv2.Server, string) {
	t.Helper()
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := mockv2.New(cat)
	ts := s.Start()
	t.Cleanup(ts.Close)
	return s, ts.URL
}

// v2 are the headers of a well-formed v2 request.
func v2() map[string]string {
	return map[string]string{"360-api-version": "v2.0", "Authorization": "Bearer t0k3n"}
}

func with(h map[string]string, kv ...string) map[string]string {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			delete(h, kv[i])
			continue
		}
		h[kv[i]] = kv[i+1]
	}
	return h
}

type reqCase struct {
	name    string
	method  string
	path    string // with the query
	headers map[string]string
	body    string
	status  int
	problem string // part of a problem the error body must list ("" for none)
}

func TestStatuses(t *testing.T) {
	jsonCT := "Content-Type"
	tests := []reqCase{
		// Accepted.
		{"list users", "GET", "/api/v2/users", v2(), "", 200, ""},
		{"list users filtered", "GET", "/api/v2/users?mail[eq]=ada%40acme.io&status[eq]=active", v2(), "", 200, ""},
		{"edit user", "PATCH", "/api/v2/users/" + userID, with(v2(), jsonCT, "application/json"), `{"firstName":"Ada","job":"Engineer"}`, 200, ""},
		{"edit user trailing slash", "PATCH", "/api/v2/users/" + userID + "/", with(v2(), jsonCT, "application/json; charset=utf-8"), `{"lang":"fr"}`, 200, ""},
		{"pseudonymize", "PUT", "/api/v2/users/" + userID + "/pseudonymize", v2(), "", 200, ""},
		{"pseudonymize empty JSON", "PUT", "/api/v2/users/" + userID + "/pseudonymize", with(v2(), jsonCT, "application/json"), "{}", 200, ""},
		{"id mappings", "GET", "/api/v2/external-ids?value[eq]=E-1042&platform[eq]=workday&type[eq]=user", v2(), "", 200, ""},
		{"id mappings escaped brackets", "GET", "/api/v2/external-ids?value%5Beq%5D=E-1042&type%5Beq%5D=user", v2(), "", 200, ""},
		{"remove role", "DELETE", "/api/v2/groups/5e1f00aa11bb22cc33dd44ee/learner/" + userID, v2(), "", 204, ""},
		{"create user", "POST", "/api/v2/users", with(v2(), jsonCT, "application/json"), `{"mail":"ada@acme.io","firstName":"Ada"}`, 201, ""},
		{"form body", "PATCH", "/api/v2/users/" + userID, with(v2(), jsonCT, "application/x-www-form-urlencoded"), "firstName=Ada&lastName=Lovelace", 200, ""},
		{"bearer scheme case", "GET", "/api/v2/users/me", with(v2(), "Authorization", "bearer abc"), "", 200, ""},

		// Refused.
		{"missing version header", "GET", "/api/v2/users", with(v2(), "360-api-version", ""), "", 400, "missing header 360-api-version"},
		{"wrong version", "GET", "/api/v2/users", with(v2(), "360-api-version", "v1"), "", 400, `is "v1", not v2.0`},
		{"missing bearer", "GET", "/api/v2/users", with(v2(), "Authorization", ""), "", 400, "missing Authorization: Bearer"},
		{"empty bearer", "GET", "/api/v2/users", with(v2(), "Authorization", "Bearer "), "", 400, "missing Authorization: Bearer"},
		{"basic auth", "GET", "/api/v2/users", with(v2(), "Authorization", "Basic YTpi"), "", 400, "missing Authorization: Bearer"},
		{"placeholder token", "GET", "/api/v2/users", with(v2(), "Authorization", "Bearer ${ACCESS_TOKEN}"), "", 400, "unexpanded placeholder"},
		{"query credentials", "GET", "/api/v2/users?company=acme&apiKey=s3cr3t", v2(), "", 400, "v1 credential apiKey"},
		{"body credentials", "PUT", "/api/v2/users/" + userID + "/pseudonymize", with(v2(), jsonCT, "application/json"), `{"company":"acme"}`, 400, "v1 credential company"},
		{"form credentials", "PUT", "/api/v2/users/" + userID + "/pseudonymize", with(v2(), jsonCT, "application/x-www-form-urlencoded"), "company=acme&apiKey=s3cr3t", 400, "v1 credential apiKey"},
		{"removed primaryGroupId", "PATCH", "/api/v2/users/" + userID, with(v2(), jsonCT, "application/json"), `{"firstName":"Ada","primaryGroupId":"5e1f00aa11bb22cc33dd44ee"}`, 400, "primaryGroupId was removed"},
		{"removed query deleted", "GET", "/api/v2/users?deleted=false", v2(), "", 400, "unknown query parameter deleted"},
		{"unknown body key", "PATCH", "/api/v2/users/" + userID, with(v2(), jsonCT, "application/json"), `{"jobTitle":"CTO"}`, 400, "unknown body parameter jobTitle"},
		{"JSON sent as a form", "PATCH", "/api/v2/users/" + userID, with(v2(), jsonCT, "application/x-www-form-urlencoded"), `{"firstName":"Ada"}`, 400, "unknown body parameter"},
		{"bad filter key", "GET", "/api/v2/external-ids?value[like]=E", v2(), "", 400, "takes no [like]"},
		{"bad role", "DELETE", "/api/v2/groups/5e1f00aa11bb22cc33dd44ee/owner/" + userID, v2(), "", 400, `role is "owner"`},
		{"email as userId", "PUT", "/api/v2/users/jane.doe@acme.com/pseudonymize", v2(), "", 400, "is a mail (jane.doe@acme.com)"},
		{"escaped email as userId", "PATCH", "/api/v2/users/jane.doe%40acme.com", with(v2(), jsonCT, "application/json"), `{"lang":"en"}`, 400, "is a mail"},
		{"invalid JSON", "PATCH", "/api/v2/users/" + userID, with(v2(), jsonCT, "application/json"), `{"firstName": "Ada",}`, 400, "not valid JSON"},
		{"JSON array", "PATCH", "/api/v2/users/" + userID, with(v2(), jsonCT, "application/json"), `["firstName"]`, 400, "not an object"},
		{"body without type", "PATCH", "/api/v2/users/" + userID, v2(), `{"firstName":"Ada"}`, 400, "without a Content-Type"},
		{"unknown path", "GET", "/api/v2/userz", v2(), "", 404, "no v2 operation GET /api/v2/userz"},
		{"v1 path", "PUT", "/api/v1/users/" + userID + "/pseudonymize?company=acme&apiKey=s3cr3t", v2(), "", 404, "not an API v2 path"},
		{"v2 prefix only", "GET", "/api/v2x/users", v2(), "", 404, "not an API v2 path"},
		{"wrong method", "PUT", "/api/v2/users/" + userID, with(v2(), jsonCT, "application/json"), `{"firstName":"Ada"}`, 404, "no v2 operation PUT"},
		{"wrong method on list", "DELETE", "/api/v2/users", v2(), "", 404, "no v2 operation DELETE"},
	}
	_, base := newServer(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body := do(t, base, tc)
			if status != tc.status {
				t.Fatalf("status %d, want %d; body %s", status, tc.status, body)
			}
			if tc.status >= 400 {
				var e struct {
					Error struct {
						Code     string   `json:"code"`
						Message  string   `json:"message"`
						Problems []string `json:"problems"`
					} `json:"error"`
				}
				if err := json.Unmarshal(body, &e); err != nil {
					t.Fatalf("error body is not JSON: %v: %s", err, body)
				}
				if e.Error.Code == "" || e.Error.Message == "" || !strings.Contains(strings.Join(e.Error.Problems, "\n"), tc.problem) {
					t.Errorf("error %+v, want a problem with %q", e.Error, tc.problem)
				}
			}
		})
	}
}

func do(t *testing.T, base string, tc reqCase) (int, []byte) {
	t.Helper()
	status, body, err := send(base, tc)
	if err != nil {
		t.Fatal(err)
	}
	return status, body
}

// send sends one request and returns the status and body of the answer.
func send(base string, tc reqCase) (int, []byte, error) {
	var body io.Reader
	if tc.body != "" {
		body = strings.NewReader(tc.body)
	}
	req, err := http.NewRequest(tc.method, base+tc.path, body)
	if err != nil {
		return 0, nil, err
	}
	for k, v := range tc.headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, data, err
}

func TestResponses(t *testing.T) {
	_, base := newServer(t)
	for _, tc := range []struct {
		reqCase
		want string // the JSON response ("" for no body)
	}{
		{reqCase{method: "GET", path: "/api/v2/users", headers: v2()}, `[]`},
		{reqCase{method: "GET", path: "/api/v2/users/" + userID, headers: v2()}, `{"_id":"` + userID + `"}`},
		{reqCase{method: "PUT", path: "/api/v2/users/" + userID + "/pseudonymize", headers: v2()}, `{"_id":"` + userID + `"}`},
		{reqCase{method: "DELETE", path: "/api/v2/users/" + userID, headers: v2()}, ""},
	} {
		status, body := do(t, base, tc.reqCase)
		if got := strings.TrimSpace(string(body)); got != tc.want || status >= 300 {
			t.Errorf("%s %s: %d %s, want %s", tc.method, tc.path, status, got, tc.want)
		}
	}
	req, _ := http.NewRequest("GET", base+"/api/v2/users", nil)
	for k, v := range v2() {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if l := resp.Header.Get("Link"); l != "" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Errorf("list: Link %q, Content-Type %q; want a single JSON page", l, resp.Header.Get("Content-Type"))
	}
	// POST answers 201 with an internal-ID-like _id.
	status, body := do(t, base, reqCase{method: "POST", path: "/api/v2/users", headers: with(v2(), "Content-Type", "application/json"), body: `{"mail":"a@acme.io"}`})
	var created map[string]string
	if err := json.Unmarshal(body, &created); status != 201 || err != nil || len(created["_id"]) != 24 {
		t.Errorf("POST: %d %s", status, body)
	}
}

func TestMultipartBody(t *testing.T) {
	_, base := newServer(t)
	send := func(fields ...string) int {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for _, f := range fields {
			if err := mw.WriteField(f, "x"); err != nil {
				t.Fatal(err)
			}
		}
		mw.Close()
		h := with(v2(), "Content-Type", mw.FormDataContentType())
		status, _ := do(t, base, reqCase{method: "PATCH", path: "/api/v2/users/" + userID, headers: h, body: buf.String()})
		return status
	}
	if got := send("firstName", "lang"); got != 200 {
		t.Errorf("multipart with v2 fields: %d, want 200", got)
	}
	if got := send("firstName", "apiKey"); got != 400 {
		t.Errorf("multipart with apiKey: %d, want 400", got)
	}
}

func TestRecords(t *testing.T) {
	s, base := newServer(t)
	do(t, base, reqCase{method: "GET", path: "/api/v2/users?company=acme&apiKey=s3cr3t-value", headers: v2()})
	do(t, base, reqCase{method: "PUT", path: "/api/v2/users/" + userID + "/pseudonymize", headers: v2()})
	do(t, base, reqCase{method: "GET", path: "/nowhere", headers: v2()})
	do(t, base, reqCase{method: "DELETE", path: "/api/v2/users/" + userID, headers: v2()})
	recs := s.Requests()
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4: %+v", len(recs), recs)
	}
	r0 := recs[0]
	if r0.Method != "GET" || r0.Status != 400 || r0.Operation != "getUsers" || len(r0.Problems) == 0 {
		t.Errorf("record 0: %+v", r0)
	}
	if strings.Contains(r0.URL, "s3cr3t") || !strings.Contains(r0.URL, "apiKey=REDACTED") {
		t.Errorf("record 0 URL %q: the apiKey value must be redacted", r0.URL)
	}
	if r := recs[1]; r.Status != 200 || r.Operation != "pseudonymizeUser" || r.Problems != nil || r.URL != "/api/v2/users/"+userID+"/pseudonymize" {
		t.Errorf("record 1: %+v", r)
	}
	if r := recs[2]; r.Status != 404 || r.Operation != "" {
		t.Errorf("record 2: %+v", r)
	}
	if r := recs[3]; r.Status != 204 || r.Operation != "deleteUser" {
		t.Errorf("record 3: %+v (want the status sent)", r)
	}
	// Records are copies.
	recs[0].Problems[0] = "changed"
	if s.Requests()[0].Problems[0] == "changed" {
		t.Error("Requests shares its slices with the server")
	}
	s.Reset()
	if n := len(s.Requests()); n != 0 {
		t.Errorf("%d records after Reset", n)
	}
}

func TestExpectedToken(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := mockv2.New(cat)
	s.Token = "expected"
	ts := s.Start()
	defer ts.Close()
	if st, _ := do(t, ts.URL, reqCase{method: "GET", path: "/api/v2/users", headers: with(v2(), "Authorization", "Bearer other")}); st != 400 {
		t.Errorf("other token: %d, want 400", st)
	}
	if st, _ := do(t, ts.URL, reqCase{method: "GET", path: "/api/v2/users", headers: with(v2(), "Authorization", "Bearer expected")}); st != 200 {
		t.Errorf("expected token: %d, want 200", st)
	}
}

func TestConcurrent(t *testing.T) {
	s, base := newServer(t)
	const n = 40
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := fmt.Sprintf("/api/v2/users/%024x", i)
			if _, _, err := send(base, reqCase{method: "GET", path: path, headers: v2()}); err != nil {
				t.Error(err)
			}
			s.Requests()
		}()
	}
	wg.Wait()
	recs := s.Requests()
	if len(recs) != n {
		t.Fatalf("%d records, want %d", len(recs), n)
	}
	for _, r := range recs {
		if r.Status != 200 {
			t.Errorf("%s: %d %v", r.URL, r.Status, r.Problems)
		}
	}
}
