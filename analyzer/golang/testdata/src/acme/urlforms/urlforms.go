// Package urlforms builds 360Learning URLs every way Go code does.
package urlforms

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
)

const apiRoot = "https://acme.360learning.com/api/v1"

var lmsBase = "https://acme.360learning.com" // want lmsBase:`base "https://acme.360learning.com"`

// BySprintf pseudonymizes with a formatted URL.
func BySprintf(email string) (*http.Response, error) {
	return http.DefaultClient.Do(mustReq(http.MethodPut, fmt.Sprintf("%s/users/%s/pseudonymize", apiRoot, email))) // want `v1 pseudonymizeUser.*\[pseudonymize-user-endpoint\]`
}

func mustReq(method, u string) *http.Request { // want mustReq:`helper \$1 \{\$2\}`
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		panic(err)
	}
	return req
}

// ByJoinPath lists users with url.JoinPath from a package variable.
func ByJoinPath() ([]byte, error) {
	u, err := url.JoinPath(lmsBase, "api/v1", "users") // want `v1 getUsers.*\[list-users-endpoint\]`
	if err != nil {
		return nil, err
	}
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// ByURLLiteral lists users with a url.URL and a url.Values query.
func ByURLLiteral(company, key string) (*http.Response, error) {
	q := url.Values{}
	q.Set("company", company) // want `v1 credentials company and apiKey in the query.*\[v1-credentials\]`
	q.Set("apiKey", key)
	u := url.URL{Scheme: "https", Host: "acme.360learning.com", Path: path.Join("/api/v1", "users"), RawQuery: q.Encode()} // want `v1 getUsers.*\[list-users-endpoint\]`
	return http.Get(u.String())
}

// ExternalID looks a user up by their HR ID and reads the v1 shape.
func ExternalID(hc *http.Client, id string) (string, error) {
	resp, err := hc.Get(apiRoot + "/users/getUserByExternalId/" + id + "/workday") // want `\[list-id-mappings-endpoint\]`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	var user map[string]any
	if err := json.Unmarshal(data, &user); err != nil {
		return "", err
	}
	mail, _ := user["mail"].(string) // want `reads mail.*\[list-id-mappings-mail\]`
	return mail, nil
}

type apiError struct {
	Error string `json:"error"`
}

// Rename updates a user's name and handles the v1 errors.
func Rename(hc *http.Client, email, first string) error {
	form := url.Values{"firstName": {first}}
	req, err := http.NewRequest("PUT", apiRoot+"/users/"+email, nil) // want `v1 updateUser.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	req.PostForm = form
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var e apiError
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		return err
	}
	switch e.Error {
	case "user_not_found": // want `error 400 user_not_found is removed.*\[update-user-error-user-not-found\]`
		return fmt.Errorf("no user %s", email)
	case "mailInvalid":
		return fmt.Errorf("bad mail %s", email)
	}
	return nil
}

// Health is not an API call at all.
func Health() (*http.Response, error) {
	return http.Get("https://status.360learning.com/health")
}

// Local talks to a developer's mock of the v1 API.
func Local() (*http.Response, error) {
	return http.Get("http://localhost:8080/api/v1/users")
}

// RemoveFromTeam is the runbook's one-off: the body is a JSON literal.
func RemoveFromTeam(hc *http.Client, email string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodDelete, apiRoot+"/groups/team-data/users/"+email, // want `v1 deleteUserFromGroup.*\[remove-user-role-endpoint\]`
		strings.NewReader(`{"deleteFromPrivateSubgroups": true}`)) // want `body parameter deleteFromPrivateSubgroups is removed.*\[remove-user-role-delete-from-private-subgroups\]`
	if err != nil {
		return nil, err
	}
	return hc.Do(req)
}
