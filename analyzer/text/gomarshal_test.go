package text_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/rules"
)

// A Go map literal marshalled to JSON and sent as the request body: its
// keys are the request's body parameters.
func TestGoMarshalledMapBody(t *testing.T) {
	src := []byte(`package lms

func (c *Client) Move(ctx context.Context, email, group string) error {
	body := map[string]any{"primaryGroupId": group, "firstName": "x"}
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, c.base+"/api/v1/users/"+email, bytes.NewReader(b))
	if err != nil {
		return err
	}
	_, err = c.http.Do(req)
	return err
}
`)
	found, err := text.Read("lms/client.go", src)
	if err != nil {
		t.Fatal(err)
	}
	var calls []rules.Call
	calls = append(calls, found.Calls...)
	for _, p := range found.Pending {
		calls = append(calls, p.Call)
	}
	if len(calls) != 1 {
		t.Fatalf("calls = %+v", calls)
	}
	got := map[string]rules.Location{}
	for _, p := range calls[0].Params {
		got[p.Name] = p.In
	}
	if calls[0].Method != "PUT" || got["primaryGroupId"] != rules.InBody || got["firstName"] != rules.InBody {
		t.Fatalf("method %s params %+v", calls[0].Method, calls[0].Params)
	}
}
