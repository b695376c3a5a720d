// Package lms is Acme's client for the 360Learning API, used by the HR sync
// and the offboarding jobs.
package lms

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

const defaultBaseURL = "https://acme.360learning.com/api/v1"

// Client calls the 360Learning API with the company's API key.
type Client struct {
	BaseURL string // want BaseURL:`base "https://acme.360learning.com/api/v1"`
	company string
	apiKey  string
	http    *http.Client
}

// NewClient returns a client for Acme's platform.
func NewClient(company, apiKey string) *Client {
	return &Client{
		BaseURL: defaultBaseURL,
		company: company,
		apiKey:  apiKey,
		http:    &http.Client{Timeout: 30 * time.Second},
	}
}

// UserUpdate is what UpdateUser changes.
type UserUpdate struct {
	FirstName      string `json:"firstName,omitempty"`
	LastName       string `json:"lastName,omitempty"`
	PrimaryGroupID string `json:"primaryGroupId,omitempty"` // want `body parameter primaryGroupId is removed.*\[update-user-primary-group-id\]`
	JobTitle       string `json:"jobTitle,omitempty"`
}

type updateResult struct {
	Status string `json:"status"`
	Error  string `json:"error"`
}

// User is a user as getUsers lists it.
type User struct {
	ID             string `json:"_id"`
	Mail           string `json:"mail"`
	PrimaryGroupID string `json:"primaryGroupId"`
}

// Do sends a request to the API: path is relative to the base URL, body is
// sent as JSON, the JSON response is decoded into out.
func (c *Client) Do(ctx context.Context, method, path string, body, out any) error { // want Do:`helper \$2 https://acme.360learning.com/api/v1\{\$3\}`
	q := url.Values{}
	q.Set("company", c.company)
	q.Set("apiKey", c.apiKey)
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path+"?"+q.Encode(), r)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("lms: %s %s: %s", method, path, resp.Status)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) get(ctx context.Context, path string, out any) error { // want get:`helper GET`
	return c.Do(ctx, http.MethodGet, path, nil, out)
}

func (c *Client) put(ctx context.Context, path string, body, out any) error { // want put:`helper PUT`
	return c.Do(ctx, http.MethodPut, path, body, out)
}

// PseudonymizeUser removes a deleted user's personal data.
func (c *Client) PseudonymizeUser(ctx context.Context, email string) error {
	return c.put(ctx, "/users/"+email+"/pseudonymize", nil, nil) // want `v1 pseudonymizeUser.*\[pseudonymize-user-endpoint\]` `v1 credentials.*sent by c.put.*\[v1-credentials\]`
}

// UpdateUser changes a user's profile.
func (c *Client) UpdateUser(ctx context.Context, email string, u UserUpdate) error {
	var res updateResult
	if err := c.put(ctx, "/users/"+url.PathEscape(email), u, &res); err != nil { // want `v1 updateUser.*PUT becomes PATCH.*\[update-user-endpoint\]` `\[v1-credentials\]`
		return err
	}
	if res.Error == "mail_already_exists" { // want `error 400 mail_already_exists is removed.*\[update-user-error-mail-already-exists\]`
		return fmt.Errorf("lms: %s: mail already used", email)
	}
	if res.Status != "user_updated" { // want `updateUser reads status.*\[update-user-response\]`
		return fmt.Errorf("lms: update %s: %s", email, res.Status)
	}
	return nil
}

// Users lists every user of the platform.
func (c *Client) Users(ctx context.Context) ([]User, error) {
	var users []User
	err := c.get(ctx, "/users", &users) // want `v1 getUsers.*\[list-users-endpoint\]` `\[v1-credentials\]`
	return users, err
}

// PrimaryGroups maps each user's mail to their primary group.
func PrimaryGroups(users []User) map[string]string {
	m := map[string]string{}
	for _, u := range users {
		m[u.Mail] = u.PrimaryGroupID // want `getUsers reads primaryGroupId.*\[list-users-primary-group-id\]`
	}
	return m
}

// retry runs a request builder until it succeeds, three times at most.
func retry(send func() error) error {
	var err error
	for range 3 {
		if err = send(); err == nil {
			return nil
		}
	}
	return err
}

// deleteWithRetry removes something, retrying: the request is built in a
// closure, so deleteWithRetry is a helper too.
func (c *Client) deleteWithRetry(ctx context.Context, path string) error { // want deleteWithRetry:`helper DELETE https://acme.360learning.com/api/v1\{\$2\}`
	return retry(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodDelete, c.BaseURL+path, nil)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// LeaveGroup takes a user out of a group.
func (c *Client) LeaveGroup(ctx context.Context, groupID, email string) error {
	return c.deleteWithRetry(ctx, "/groups/"+groupID+"/users/"+email) // want `v1 deleteUserFromGroup.*send a bearer token.*\[remove-user-role-endpoint\]`
}
