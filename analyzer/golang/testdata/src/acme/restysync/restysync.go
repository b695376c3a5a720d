// Package restysync moves users between groups with go-resty.
package restysync

import (
	"github.com/go-resty/resty/v2"
)

const (
	v1Base = "https://acme.360learning.com/api/v1"
	v2Base = "https://acme.360learning.com/api/v2"
)

// Syncer talks to the LMS.
type Syncer struct {
	client          *resty.Client
	company, apiKey string
	token           string
}

// MoveUser sets a user's primary group.
func (s *Syncer) MoveUser(email, groupID string) error {
	_, err := s.client.R().
		SetQueryParams(map[string]string{"company": s.company, "apiKey": s.apiKey}). // want `v1 credentials company and apiKey in the query.*\[v1-credentials\]`
		SetBody(map[string]any{"primaryGroupId": groupID, "jobTitle": "Engineer"}).  // want `body parameter primaryGroupId is removed.*\[update-user-primary-group-id\]`
		Put(v1Base + "/users/" + email)                                              // want `v1 updateUser.*PUT becomes PATCH.*\[update-user-endpoint\]`
	return err
}

// Deactivate already uses v2.
func (s *Syncer) Deactivate(userID string) error {
	_, err := s.client.R().
		SetAuthToken(s.token).
		SetHeader("360-api-version", "v2.0").
		SetBody(map[string]any{"toDeactivateAt": "2026-12-31"}).
		Patch(v2Base + "/users/" + userID)
	return err
}

// Courses lists courses from another vendor's catalogue.
func (s *Syncer) Courses() error {
	_, err := s.client.R().SetQueryParam("apiKey", s.apiKey).Get("https://catalog.coursevendor.example/api/v1/courses")
	return err
}

// Client is a resty client made once with its base URL.
type Client struct {
	rc *resty.Client // want rc:`base "https://acme.360learning.com/api/v1"`
}

// New returns a client on Acme's platform.
func New() *Client {
	return &Client{rc: resty.New().SetBaseURL(v1Base)}
}

// Pseudonymize runs pseudonymizeUser for a deleted user.
func (c *Client) Pseudonymize(email string) error {
	_, err := c.rc.R().Put("/users/" + email + "/pseudonymize") // want `v1 pseudonymizeUser.*\[pseudonymize-user-endpoint\]`
	return err
}
