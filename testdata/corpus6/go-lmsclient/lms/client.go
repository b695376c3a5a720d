// Package lms is the HR team's small client for the 360Learning LMS API.
//
// The OAuth token comes from the platform team's token service (PLAT-311). The v1
// endpoints still want company and apiKey next to it until the migration is done.
package lms

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Client talks to one LMS tenant.
type Client struct {
	BaseURL string // e.g. https://acme.360learning.com
	Company string
	APIKey  string
	Token   string
	HTTP    *http.Client
}

// New returns a client for the tenant at baseURL.
func New(baseURL, company, apiKey, token string) *Client {
	return &Client{
		BaseURL: baseURL,
		Company: company,
		APIKey:  apiKey,
		Token:   token,
		HTTP:    &http.Client{Timeout: 30 * time.Second},
	}
}

// Profile holds the profile fields the HR sync owns.
type Profile struct {
	FirstName    string `json:"firstName,omitempty"`
	LastName     string `json:"lastName,omitempty"`
	Job          string `json:"job,omitempty"`
	Organization string `json:"organization,omitempty"`
}

// User is one entry of the users list.
type User struct {
	ID             string `json:"_id"`
	Mail           string `json:"mail"`
	PrimaryGroupID string `json:"primaryGroupId"`
}

// UpdateUser edits the profile of the user with LMS ID id.
func (c *Client) UpdateUser(ctx context.Context, id string, p Profile) error {
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	url := fmt.Sprintf("%s/api/v1/users/%s?company=%s&apiKey=%s", c.BaseURL, id, c.Company, c.APIKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	req.Header.Set("Content-Type", "application/json")
	return c.expect(req, http.StatusOK)
}

// Pseudonymize removes the personal data of the (deactivated) user with LMS ID id.
func (c *Client) Pseudonymize(ctx context.Context, id string) error {
	url := fmt.Sprintf("%s/api/v1/users/%s/pseudonymize?company=%s&apiKey=%s", c.BaseURL, id, c.Company, c.APIKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	return c.expect(req, http.StatusOK)
}

// ListUsers returns every user of the tenant.
func (c *Client) ListUsers(ctx context.Context) ([]User, error) {
	url := fmt.Sprintf("%s/api/v1/users?company=%s&apiKey=%s", c.BaseURL, c.Company, c.APIKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("list users: %s", resp.Status)
	}
	var users []User
	if err := json.NewDecoder(resp.Body).Decode(&users); err != nil {
		return nil, err
	}
	return users, nil
}

// RemoveFromGroup takes the user with the given email out of a group.
func (c *Client) RemoveFromGroup(ctx context.Context, groupID, email string) error {
	url := fmt.Sprintf("%s/api/v1/groups/%s/users/%s?company=%s&apiKey=%s", c.BaseURL, groupID, email, c.Company, c.APIKey)
	body := bytes.NewReader([]byte(`{"deleteFromPrivateSubgroups": false}`))
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, url, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	req.Header.Set("Content-Type", "application/json")
	return c.expect(req, http.StatusNoContent)
}

// RemoveFromGroupByID takes the user with LMS ID userID out of a group (learners only:
// the onboarding groups have no other members).
func (c *Client) RemoveFromGroupByID(ctx context.Context, groupID, userID string) error {
	url := fmt.Sprintf("%s/api/v1/groups/%s/users/%s?company=%s&apiKey=%s", c.BaseURL, groupID, userID, c.Company, c.APIKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	return c.expect(req, http.StatusNoContent)
}

// GetUser retrieves one user (already on v2, PLAT-311).
func (c *Client) GetUser(ctx context.Context, id string) (*User, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/api/v2/users/"+id, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	req.Header.Set("360-api-version", "v2.0")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var u User
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil {
		return nil, err
	}
	return &u, nil
}

func (c *Client) expect(req *http.Request, status int) error {
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != status {
		return fmt.Errorf("%s %s: %s", req.Method, req.URL.Path, resp.Status)
	}
	return nil
}
