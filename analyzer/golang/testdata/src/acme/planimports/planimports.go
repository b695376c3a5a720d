// Package planimports is a small sync script whose two calls read the v1
// API key from the environment, and nothing else uses package os: each fix
// alone keeps os for the other, both together would leave it unused.
package planimports

import (
	"bytes"
	"context"
	"net/http"
	"os"
)

const lmsHost = "https://acme.360learning.com"

// SetTitle sets a user's job title.
func SetTitle(ctx context.Context, hc *http.Client, token, userID, job string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/"+userID, bytes.NewBufferString(`{"job": "`+job+`"}`)) // want `v1 updateUser.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	q := req.URL.Query()
	q.Set("company", "acme") // want `v1 credentials.*\[v1-credentials\]`
	q.Set("apiKey", os.Getenv("LMS_API_KEY"))
	req.URL.RawQuery = q.Encode()
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SetOrg sets a user's organization.
func SetOrg(ctx context.Context, hc *http.Client, token, userID, org string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/"+userID, bytes.NewBufferString(`{"organization": "`+org+`"}`)) // want `v1 updateUser.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	q := req.URL.Query()
	q.Set("company", "acme") // want `v1 credentials.*\[v1-credentials\]`
	q.Set("apiKey", os.Getenv("LMS_API_KEY"))
	req.URL.RawQuery = q.Encode()
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
