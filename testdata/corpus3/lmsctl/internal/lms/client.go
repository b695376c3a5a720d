// Package lms wraps the 360Learning API for the lmsctl command.
package lms

import (
	"fmt"
	"net/url"
	"os"

	"github.com/go-resty/resty/v2"
)

// Client talks to the 360Learning tenant of ACME.
type Client struct {
	r *resty.Client
}

// New builds a client on the v1 root; credentials go in every query.
func New() *Client {
	r := resty.New().
		SetBaseURL("https://acme.360learning.com/api/v1").
		SetQueryParams(map[string]string{
			"company": os.Getenv("LMS_COMPANY"),
			"apiKey":  os.Getenv("LMS_API_KEY"),
		})
	return &Client{r: r}
}

// User is the part of a v1 user we read.
type User struct {
	ID             string `json:"_id"`
	Mail           string `json:"mail"`
	PrimaryGroupID string `json:"primaryGroupId"`
}

// ListUsers returns every user, deleted ones included when asked.
func (c *Client) ListUsers(withDeleted bool) ([]User, error) {
	var out []User
	_, err := c.r.R().
		SetQueryParam("deleted", fmt.Sprint(withDeleted)).
		SetResult(&out).
		Get("/users")
	return out, err
}

// Rename changes a user's names and moves them to another primary group.
func (c *Client) Rename(email, first, last, group string) error {
	_, err := c.r.R().
		SetBody(map[string]any{
			"firstName":      first,
			"lastName":       last,
			"primaryGroupId": group,
		}).
		Put("/users/" + url.PathEscape(email))
	return err
}

// ByWorkdayID finds a user from their Workday worker ID.
func (c *Client) ByWorkdayID(workerID string) (*User, error) {
	var u User
	_, err := c.r.R().SetResult(&u).
		SetPathParams(map[string]string{"id": workerID, "platform": "workday"}).
		Get("/users/getUserByExternalId/{id}/{platform}")
	return &u, err
}

// Forget pseudonymizes a deleted user (GDPR request).
func (c *Client) Forget(email string) error {
	_, err := c.r.R().Put(fmt.Sprintf("/users/%s/pseudonymize", url.PathEscape(email)))
	return err
}

// Unassign removes a user from a group and its private subgroups.
func (c *Client) Unassign(groupID, email string) error {
	_, err := c.r.R().
		SetFormData(map[string]string{"deleteFromPrivateSubgroups": "true"}).
		Delete("/groups/" + groupID + "/users/" + email)
	return err
}
