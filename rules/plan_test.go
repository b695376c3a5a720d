package rules

import (
	"strings"
	"testing"
)

// rawCall is a call whose URL is one raw literal written at offset 10 of a
// file, with everything before and after it filler.
func rawCall(method, u string) (*Call, []byte) {
	src := []byte(strings.Repeat(" ", 10) + u + "\n")
	return &Call{
		File: "x", Method: method,
		URL:  []URLPart{{Lit: u, Span: Span{10, 10 + len(u)}, Raw: true}},
		Span: Span{10, 10 + len(u)},
	}, src
}

func applyEdits(src []byte, es []Edit) string {
	out := string(src)
	for i := len(es) - 1; i >= 0; i-- {
		e := es[i]
		out = out[:e.Span.Start] + e.NewText + out[e.Span.End:]
	}
	return strings.TrimSpace(out)
}

func TestPlanURL(t *testing.T) {
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	users := map[string]string{"ada@acme.io": "64b7f0c2a1e4d3b2c1a09f8e"}
	tests := []struct {
		method, url string
		opt         FixOptions
		unused      bool
		want        string // the fixed URL, or "left: <reason part>"
	}{
		{"PUT", "https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize?company=acme&apiKey=k",
			FixOptions{}, false, "https://acme.360learning.com/api/v2/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize"},
		{"PUT", "https://acme.360learning.com/api/v1/users/ada@acme.io/pseudonymize",
			FixOptions{Users: users}, false, "https://acme.360learning.com/api/v2/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize"},
		{"PUT", "https://acme.360learning.com/api/v1/users/bob@acme.io/pseudonymize",
			FixOptions{Users: users}, false, "left: the user map has no user with mail bob@acme.io"},
		{"PUT", "https://acme.360learning.com/api/v1/users/ada@acme.io", FixOptions{}, false, "left: give a user map"},
		{"PUT", "https://acme.360learning.com/api/v1/users/${USER_ID}?apiKey=k&company=c", FixOptions{}, false,
			"https://acme.360learning.com/api/v2/users/${USER_ID}"},
		{"PUT", "https://acme.360learning.com/api/v1/users/${USER_EMAIL}", FixOptions{}, false, "left: may be a mail"},
		{"GET", "https://acme.360learning.com/api/v1/users/getUserByExternalId/${EXT}/workday?company=c&apiKey=k", FixOptions{}, true,
			"https://acme.360learning.com/api/v2/external-ids?value[eq]=${EXT}&platform[eq]=workday&type[eq]=user"},
		{"GET", "https://acme.360learning.com/api/v1/users/getUserByExternalId/E1/sap?apiKey=k&foo=1", FixOptions{}, true,
			"https://acme.360learning.com/api/v2/external-ids?value[eq]=E1&platform[eq]=sap&type[eq]=user&foo=1"},
		{"GET", "https://acme.360learning.com/api/v1/users/getUserByExternalId/E1/sap", FixOptions{}, false, "left: v2 pages"},
		{"GET", "https://acme.360learning.com/api/v1/users/getUserByExternalId/:externalId/:platform", FixOptions{}, true, "left: the path variable :externalId would move into the query"},
		{"GET", "https://acme.360learning.com/api/v1/users?company=c&deleted=true&apiKey=k", FixOptions{}, true,
			"https://acme.360learning.com/api/v2/users"},
		{"DELETE", "https://acme.360learning.com/api/v1/groups/{{groupId}}/users/64b7f0c2a1e4d3b2c1a09f8e", FixOptions{GroupRole: "learner"}, false,
			"https://acme.360learning.com/api/v2/groups/{{groupId}}/learner/64b7f0c2a1e4d3b2c1a09f8e"},
		{"DELETE", "https://acme.360learning.com/api/v1/groups/g1/users/64b7f0c2a1e4d3b2c1a09f8e", FixOptions{}, false, "left: --group-role"},
		{"DELETE", "https://acme.360learning.com/api/v1/groups/g1/users/64b7f0c2a1e4d3b2c1a09f8e", FixOptions{GroupRole: "owner"}, false, "left: not a role"},
		{"", "https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e", FixOptions{}, false, "left: method is not written"},
		{"GET", "https://acme.360learning.com/api/v1/courses", FixOptions{}, false, "left: no migration guide"},
	}
	for _, tt := range tests {
		call, src := rawCall(tt.method, tt.url)
		call.ResponseUnused = tt.unused
		p, err := cat.Plan(call, src, tt.opt)
		if reason, ok := strings.CutPrefix(tt.want, "left: "); ok {
			if err == nil || !strings.Contains(err.Error(), reason) {
				t.Errorf("%s %s: got %v (%v), want left with %q", tt.method, tt.url, err, p, reason)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %s: left: %v", tt.method, tt.url, err)
			continue
		}
		if got := applyEdits(src, p.URLEdits); got != tt.want {
			t.Errorf("%s %s:\n got %s\nwant %s", tt.method, tt.url, got, tt.want)
		}
		if !p.AddBearer || !p.AddVersion {
			t.Errorf("%s: plan should add both headers", tt.url)
		}
	}
}

func TestPlanMethodWord(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"-X PUT", "-X PATCH"}, {"requests.put", "requests.patch"}, {"Method Put", "Method Patch"},
		{`"method": "PUT"`, `"method": "PATCH"`},
	} {
		src := []byte(tc.text)
		e, ok := methodEdit(src, Span{0, len(src)}, "PUT", "PATCH")
		if !ok {
			t.Errorf("%q: no edit", tc.text)
			continue
		}
		if got := applyEdits(src, []Edit{e}); got != tc.want {
			t.Errorf("%q → %q, want %q", tc.text, got, tc.want)
		}
	}
	if _, ok := methodEdit([]byte("put(put)"), Span{0, 8}, "PUT", "PATCH"); ok {
		t.Error("two method words: want no edit")
	}
}

func TestCheckV2(t *testing.T) {
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ok := map[string]string{"360-api-version": "v2.0"}
	tests := []struct {
		r    V2Request
		want string // "" for none, else a problem's part
	}{
		{V2Request{Method: "PATCH", Segments: []string{"users", "64b7f0c2a1e4d3b2c1a09f8e"}, Body: []string{"firstName"}, Headers: ok, Bearer: true}, ""},
		{V2Request{Method: "PUT", Segments: []string{"users", Unknown}, Headers: ok, Bearer: true}, "no v2 operation PUT"},
		{V2Request{Method: "PATCH", Segments: []string{"users", Unknown}, Body: []string{"primaryGroupId"}, Headers: ok, Bearer: true}, "removed by the migration guide"},
		{V2Request{Method: "PATCH", Segments: []string{"users", "a@b.c"}, Headers: ok, Bearer: true}, "is a mail"},
		{V2Request{Method: "GET", Segments: []string{"users"}, Headers: map[string]string{}, Bearer: true}, "missing header 360-api-version"},
		{V2Request{Method: "GET", Segments: []string{"users"}, Headers: ok}, "missing Authorization"},
		{V2Request{Method: "GET", Segments: []string{"users"}, Query: []string{"apiKey"}, Headers: ok, Bearer: true}, "v1 credential apiKey"},
		{V2Request{Method: "GET", Segments: []string{"external-ids"}, Query: []string{"value[eq]", "platform[eq]", "type[eq]"}, Headers: ok, Bearer: true}, ""},
		{V2Request{Method: "GET", Segments: []string{"external-ids"}, Query: []string{"value[like]"}, Headers: ok, Bearer: true}, "takes no [like]"},
		{V2Request{Method: "DELETE", Segments: []string{"groups", "g", "owner", Unknown}, Headers: ok, Bearer: true}, "not one of"},
		{V2Request{Method: "DELETE", Segments: []string{"groups", "g", "learner", Unknown}, Headers: ok, Bearer: true}, ""},
	}
	for _, tt := range tests {
		got := strings.Join(cat.CheckV2(tt.r), "; ")
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%s %v: got %q, want %q", tt.r.Method, tt.r.Segments, got, tt.want)
		}
	}
}

func TestParseUserMap(t *testing.T) {
	id := "64b7f0c2a1e4d3b2c1a09f8e"
	for _, tc := range []struct{ name, data, err string }{
		{"json", `[{"_id":"` + id + `","mail":"Ada@Acme.io","firstName":"Ada"}]`, ""},
		{"wrapped", `{"users":[{"_id":"` + id + `","mail":"ada@acme.io"}]}`, ""},
		{"csv", "ada@acme.io," + id + "\n", ""},
		{"csv header", "id,email\n" + id + ",ada@acme.io\n", ""},
		{"bad id", "ada@acme.io,42\n", "not an internal user ID"},
		{"two ids", "ada@acme.io," + id + "\nada@acme.io,64b7f0c2a1e4d3b2c1a09f8f\n", "two IDs"},
		{"empty", " ", "empty"},
		{"bad json", `[{"_id":`, "invalid JSON"},
	} {
		m, err := ParseUserMap([]byte(tc.data))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: got %v, want error with %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || m["ada@acme.io"] != id {
			t.Errorf("%s: got %v, %v", tc.name, m, err)
		}
	}
}

func TestFalseText(t *testing.T) {
	for v, want := range map[string]bool{"false": true, "False": true, `"false"`: true, "no": true, "off": true, "true": false, "": false, "0": false, "{{ keep }}": false} {
		if got := falseText(v); got != want {
			t.Errorf("falseText(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestPlanLeavesResponsesRead(t *testing.T) {
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	call, src := rawCall("PUT", "https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize")
	if _, err := cat.Plan(call, src, FixOptions{}); err != nil {
		t.Fatalf("not read: %v", err)
	}
	call.ResponseRead = true
	if _, err := cat.Plan(call, src, FixOptions{}); err == nil || !strings.Contains(err.Error(), "the response is read") {
		t.Errorf("read: got %v", err)
	}
	// Remove a user's role answers as v1 did: reading it changes nothing.
	call, src = rawCall("DELETE", "https://acme.360learning.com/api/v1/groups/g1/users/64b7f0c2a1e4d3b2c1a09f8e")
	call.ResponseRead = true
	if _, err := cat.Plan(call, src, FixOptions{GroupRole: "learner"}); err != nil {
		t.Errorf("remove role, read: %v", err)
	}
}

func TestPlanLeavesHiddenQueriesAndForms(t *testing.T) {
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// ?${qs}: the query may carry the credentials; unless the reader knows
	// what it holds (its query Params).
	u := "https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e/pseudonymize?${qs}"
	call, src := rawCall("PUT", u)
	if _, err := cat.Plan(call, src, FixOptions{}); err == nil || !strings.Contains(err.Error(), "the query string comes from ${qs}") {
		t.Errorf("hidden query: got %v", err)
	}
	call.Params = []Param{{Name: "company", In: InQuery, Span: Span{100, 110}}}
	if _, err := cat.Plan(call, src, FixOptions{}); err != nil {
		t.Errorf("known query: %v", err)
	}
	// Form fields that stay: v2 takes JSON.
	call, src = rawCall("PUT", "https://acme.360learning.com/api/v1/users/64b7f0c2a1e4d3b2c1a09f8e")
	call.Params = []Param{
		{Name: "apiKey", In: InForm, Span: Span{100, 110}},
		{Name: "firstName", In: InForm, Span: Span{111, 120}},
	}
	if _, err := cat.Plan(call, src, FixOptions{}); err == nil || !strings.Contains(err.Error(), "form fields (firstName)") {
		t.Errorf("form: got %v", err)
	}
	call.Params = call.Params[:1] // only credentials: they go, nothing stays
	if _, err := cat.Plan(call, src, FixOptions{}); err != nil {
		t.Errorf("form of credentials only: %v", err)
	}
}
