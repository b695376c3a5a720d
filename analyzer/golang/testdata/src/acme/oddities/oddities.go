// Package oddities is code migaudit must read without crashing or crying
// wolf: recursion, generics, closures, variadic calls, reassigned URLs.
package oddities

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
)

// Getter is anything that sends a request.
type Getter interface {
	Do(req *http.Request) (*http.Response, error)
}

// loop calls itself: its URL never settles.
func loop(u string, n int) (*http.Response, error) { // want loop:`helper GET \{\$1\}`
	if n == 0 {
		return http.Get(u)
	}
	return loop(u+"/x", n-1)
}

// Fetch is generic over the decoded type.
func Fetch[T any](ctx context.Context, g Getter, u string) (T, error) { // want Fetch:`helper GET \{\$3\}`
	var out T
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return out, err
	}
	resp, err := g.Do(req)
	if err != nil {
		return out, err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out, err
}

// Peers reads the HR system's v1 API through the generic helper.
func Peers(ctx context.Context, g Getter) ([]string, error) {
	return Fetch[[]string](ctx, g, "https://api.peoplehub.example/api/v1/users")
}

// Reassigned builds its URL in steps: the value is unknown, not guessed.
func Reassigned(env string) (*http.Response, error) {
	u := "https://api.peoplehub.example"
	if env == "lms" {
		u = "https://acme.360learning.com"
	}
	u += "/api/v1/stats"
	return http.Get(u)
}

// Closures and method values.
func Closures(hc *http.Client) {
	get := hc.Get
	_, _ = get("https://api.peoplehub.example/api/v1/users")
	do := func(p string) { _, _ = http.Get("https://api.peoplehub.example" + p) }
	do("/api/v1/users")
	parts := []string{"https://api.peoplehub.example", "api", "v1", "users"}
	_, _ = http.Get(strings.Join(parts, "/"))
}

// V2Update already uses v2, with a json tag v1 removed for another call.
func V2Update(ctx context.Context, hc *http.Client, token, userID string) error {
	type patch struct {
		PrimaryGroupID string `json:"primaryGroupId"`
	}
	b, _ := json.Marshal(patch{PrimaryGroupID: "x"})
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, "https://acme.360learning.com/api/v2/users/"+userID, strings.NewReader(string(b)))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Empty and odd arguments.
func Odd(args ...string) {
	_, _ = http.Get("")
	_, _ = http.Get(args[0])
	_, _ = http.NewRequest(http.MethodGet, "/api/v1", nil)
}

// Steps appends to its URL: the value is not a single one, so it is not
// taken for a call to /api/v1/users.
func Steps(email string) (*http.Request, error) {
	u := "https://acme.360learning.com/api/v1/users/"
	u += email
	return http.NewRequest(http.MethodPut, u, nil)
}
