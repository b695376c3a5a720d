package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// Client calls the 360Learning API for the HR sync.
type Client struct {
	BaseURL string
	Company string
	APIKey  string
	// Token is the OAuth2 access token the platform team hands out.
	Token string
	HTTP  *http.Client
}

// SetJob updates a user's job title.
func (c *Client) SetJob(ctx context.Context, userID, job string) error {
	body, err := json.Marshal(map[string]string{"job": job})
	if err != nil {
		return err
	}
	u := fmt.Sprintf("%s/api/v1/users/%s?company=%s&apiKey=%s", c.BaseURL, userID, c.Company, c.APIKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.Token)
	return c.send(req)
}

// Pseudonymize pseudonymizes a user who left.
func (c *Client) Pseudonymize(ctx context.Context, userID string) error {
	u := fmt.Sprintf("%s/api/v1/users/%s/pseudonymize?company=%s&apiKey=%s", c.BaseURL, userID, c.Company, c.APIKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	return c.send(req)
}

// send does a request and turns a non-2xx answer into an error.
func (c *Client) send(req *http.Request) error {
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("%s %s: %s: %s", req.Method, req.URL.Path, resp.Status, bytes.TrimSpace(msg))
	}
	return nil
}
