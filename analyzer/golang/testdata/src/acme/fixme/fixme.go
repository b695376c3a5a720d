// Package fixme holds legacy calls, of which migaudit can migrate only those
// that already send a bearer token and name users by ID.
package fixme

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

const lmsHost = "https://acme.360learning.com"

type profilePatch struct {
	Job            string `json:"job,omitempty"`
	PrimaryGroupID string `json:"primaryGroupId,omitempty"`
}

// SetJobTitle updates a user known by their 360Learning ID; it already
// authenticates with a bearer token.
func SetJobTitle(ctx context.Context, hc *http.Client, token, userID, title string) error {
	body, err := json.Marshal(profilePatch{Job: title})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/"+userID, bytes.NewReader(body)) // want `v1 updateUser.*PUT becomes PATCH.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// MoveToGroup changes a user's primary group, the v1 way.
func MoveToGroup(ctx context.Context, hc *http.Client, company, apiKey, email, groupID string) error {
	body, err := json.Marshal(&profilePatch{
		PrimaryGroupID: groupID, // want `body parameter primaryGroupId is removed.*\[update-user-primary-group-id\]`
	})
	if err != nil {
		return err
	}
	q := url.Values{
		"company": {company}, // want `v1 credentials company and apiKey in the query.*\[v1-credentials\]`
		"apiKey":  {apiKey},
	}
	u := lmsHost + "/api/v1/users/" + url.PathEscape(email) + "?" + q.Encode() // want `v1 updateUser.*not an email.*\[update-user-endpoint\]`
	req, err := http.NewRequestWithContext(ctx, "PUT", u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Pseudonymize is a form-style legacy call: the user is given by ID.
func Pseudonymize(company, apiKey, userID string) (*http.Response, error) {
	form := url.Values{}
	form.Set("company", company) // want `v1 credentials company and apiKey in the form data.*\[v1-credentials\]`
	form.Add("apiKey", apiKey)
	req, err := http.NewRequest(http.MethodPut, lmsHost+"/api/v1/users/"+userID+"/pseudonymize", bytes.NewBufferString(form.Encode())) // want `v1 pseudonymizeUser.*\[pseudonymize-user-endpoint\]`
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// ActiveUsers lists the users still active, credentials in the format.
func ActiveUsers(hc *http.Client, company, apiKey string) (*http.Response, error) {
	return hc.Get(fmt.Sprintf("%s/api/v1/users?company=%s&apiKey=%s&deleted=%t", lmsHost, company, apiKey, false)) // want `v1 getUsers.*\[list-users-endpoint\]` `v1 credentials company and apiKey in the query.*\[v1-credentials\]` `query parameter deleted is removed.*\[list-users-deleted\]`
}

// AllUsers concatenates its credentials: the value follows the literal, so
// there is no fix.
func AllUsers(hc *http.Client, apiKey string) (*http.Response, error) {
	return hc.Get(lmsHost + "/api/v1/users?company=acme&apiKey=" + apiKey) // want `v1 getUsers.*\[list-users-endpoint\]` `v1 credentials company and apiKey in the query.*\[v1-credentials\]`
}
