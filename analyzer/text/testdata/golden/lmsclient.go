package lmsclient

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

const baseURL = "https://acme.360learning.com/api/v1"

// Client talks to 360Learning. See https://acme.360learning.com/api/v1/users (comment).
type Client struct {
	HTTP    *http.Client
	Company string
	APIKey  string
}

// UpdateUser still uses v1.
func (c *Client) UpdateUser(email, body string) error {
	req, err := http.NewRequest(http.MethodPut, fmt.Sprintf("%s/users/%s", baseURL, url.PathEscape(email)), strings.NewReader(body))
	if err != nil {
		return err
	}
	_, err = c.HTTP.Do(req)
	return err
}

// Users lists users with v1 credentials.
func (c *Client) Users() (*http.Response, error) {
	return http.Get(baseURL + "/users?company=" + c.Company + "&apiKey=" + c.APIKey)
}

// Serve mirrors a few routes for tests: routes we serve, not calls.
func Serve(mux *http.ServeMux) {
	mux.HandleFunc("/api/v1/users/", func(w http.ResponseWriter, r *http.Request) {})
}
