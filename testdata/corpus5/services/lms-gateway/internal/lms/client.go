// Package lms talks to the 360Learning API.
package lms

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"time"
)

const defaultBaseURL = "https://acme.360learning.com/api/v1"

// Client calls the LMS with the company credentials.
type Client struct {
	baseURL string
	company string
	apiKey  string
	http    *http.Client
}

// New reads the configuration from the environment.
func New() *Client {
	base := os.Getenv("LMS_BASE_URL")
	if base == "" {
		base = defaultBaseURL
	}
	return &Client{
		baseURL: base,
		company: os.Getenv("LMS_COMPANY"),
		apiKey:  os.Getenv("LMS_API_KEY"),
		http:    &http.Client{Timeout: 30 * time.Second},
	}
}

func (c *Client) auth() string {
	return "company=" + url.QueryEscape(c.company) + "&apiKey=" + url.QueryEscape(c.apiKey)
}

// ListUsers returns every user, the deleted ones too.
func (c *Client) ListUsers(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/users?deleted=true&"+c.auth(), nil)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

// SetPrimaryGroup moves a user to another primary group.
func (c *Client) SetPrimaryGroup(ctx context.Context, email, groupID string) error {
	body, _ := json.Marshal(map[string]string{
		"primaryGroupId": groupID,
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPut,
		c.baseURL+"/users/"+url.PathEscape(email)+"?"+c.auth(), bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	_, err = c.http.Do(req)
	return err
}

// Pseudonymize anonymises a leaver.
func (c *Client) Pseudonymize(ctx context.Context, email string) error {
	u := fmt.Sprintf("%s/users/%s/pseudonymize?%s", c.baseURL, url.PathEscape(email), c.auth())
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u, nil)
	if err != nil {
		return err
	}
	_, err = c.http.Do(req)
	return err
}

// RemoveFromGroup withdraws a user from a group.
func (c *Client) RemoveFromGroup(ctx context.Context, groupID, email string) error {
	u := fmt.Sprintf("%s/groups/%s/users/%s?%s", c.baseURL, groupID, email, c.auth())
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, u, nil)
	if err != nil {
		return err
	}
	_, err = c.http.Do(req)
	return err
}

// ByExternalID looks a user up by its BambooHR id.
func (c *Client) ByExternalID(ctx context.Context, id string) (*http.Response, error) {
	return c.http.Get(c.baseURL + "/users/getUserByExternalId/" + id + "/bamboohr?" + c.auth())
}
