// Package lms talks to the 360Learning v1 API for lmsctl.
package lms

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// DefaultRoot is the tenant lmsctl talks to unless -root is given.
const DefaultRoot = "https://vandelay.360learning.com/api/v1"

// Client signs each request with the company and API key.
type Client struct {
	Root    string
	Company string
	APIKey  string
	HTTP    *http.Client
}

// New returns a client on DefaultRoot.
func New(company, key string) *Client {
	return &Client{Root: DefaultRoot, Company: company, APIKey: key, HTTP: http.DefaultClient}
}

func (c *Client) do(ctx context.Context, method, path string, q url.Values, body any) (*http.Response, error) {
	if q == nil {
		q = url.Values{}
	}
	q.Set("company", c.Company)
	q.Set("apiKey", c.APIKey)
	var buf bytes.Buffer
	if body != nil {
		if err := json.NewEncoder(&buf).Encode(body); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, c.Root+path+"?"+q.Encode(), &buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return c.HTTP.Do(req)
}

// Learners lists every learner, deactivated ones too when all is set.
func (c *Client) Learners(ctx context.Context, all bool) (*http.Response, error) {
	q := url.Values{}
	if all {
		q.Set("deleted", "true")
	}
	return c.do(ctx, http.MethodGet, "/users", q, nil)
}

// SetPassword replaces a learner's password.
func (c *Client) SetPassword(ctx context.Context, email, password string) error {
	resp, err := c.do(ctx, http.MethodPut, "/users/"+url.PathEscape(email), nil, map[string]string{"password": password})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("set password: %s", resp.Status)
	}
	return nil
}

// Detach removes a learner from a group and its private subgroups.
func (c *Client) Detach(ctx context.Context, groupID, email string) error {
	resp, err := c.do(ctx, http.MethodDelete, fmt.Sprintf("/groups/%s/users/%s", groupID, email), nil,
		map[string]any{"deleteFromPrivateSubgroups": true})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Invite creates a learner account.
func (c *Client) Invite(ctx context.Context, email, first, last string) error {
	resp, err := c.do(ctx, http.MethodPost, "/users", nil, map[string]string{"mail": email, "firstName": first, "lastName": last})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Forget pseudonymizes a learner.
func (c *Client) Forget(ctx context.Context, email string) error {
	resp, err := c.do(ctx, http.MethodPut, "/users/"+email+"/pseudonymize", nil, nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
