// Package lms calls the Northwind LMS for the HR sync service.
package lms

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// DefaultBaseURL is the production tenant.
const DefaultBaseURL = "https://northwind.360learning.com"

// Client holds the v1 credentials and the gateway's bearer token.
type Client struct {
	base    string
	company string
	apiKey  string
	token   string
	hc      *http.Client
}

// New returns a client for the tenant at base.
func New(base, company, apiKey, token string) *Client {
	return &Client{base: base, company: company, apiKey: apiKey, token: token, hc: &http.Client{Timeout: 30 * time.Second}}
}

// Account is what the sync needs of an LMS user.
type Account struct {
	ID   string `json:"_id"`
	Mail string `json:"mail"`
}

func (c *Client) do(req *http.Request, want int) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != want {
		return fmt.Errorf("%s %s: %s", req.Method, req.URL.Path, resp.Status)
	}
	return nil
}

// SetJob changes the job title of the account with LMS ID userID.
func (c *Client) SetJob(userID, job string) error {
	body := fmt.Sprintf(`{"job": %q}`, job)
	req, err := http.NewRequest("PUT", fmt.Sprintf("%s/api/v1/users/%s?company=%s&apiKey=%s", c.base, userID, c.company, c.apiKey), strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	return c.do(req, http.StatusOK)
}

// Forget pseudonymizes the account with LMS ID userID.
func (c *Client) Forget(userID string) error {
	req, err := http.NewRequest(http.MethodPut,
		fmt.Sprintf("%s/api/v1/users/%s/pseudonymize?company=%s&apiKey=%s", c.base, userID, c.company, c.apiKey),
		nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return c.do(req, http.StatusOK)
}

// RemoveLearner takes the learner with LMS ID userID out of the group.
func (c *Client) RemoveLearner(groupID, userID string) error {
	req, err := http.NewRequest(http.MethodDelete,
		fmt.Sprintf("%s/api/v1/groups/%s/users/%s?company=%s&apiKey=%s", c.base, groupID, userID, c.company, c.apiKey),
		nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return c.do(req, http.StatusNoContent)
}

// RemoveByMail takes the user with the given mail out of the group.
func (c *Client) RemoveByMail(groupID, mail string) error {
	req, err := http.NewRequest(http.MethodDelete,
		fmt.Sprintf("%s/api/v1/groups/%s/users/%s?company=%s&apiKey=%s", c.base, groupID, mail, c.company, c.apiKey),
		nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return c.do(req, http.StatusNoContent)
}

// AccountForWorker finds the LMS account linked to a Workday worker ID.
func (c *Client) AccountForWorker(workerID string) (Account, error) {
	var a Account
	req, err := http.NewRequest(http.MethodGet,
		fmt.Sprintf("%s/api/v1/users/getUserByExternalId/%s/workday?company=%s&apiKey=%s", c.base, workerID, c.company, c.apiKey),
		nil)
	if err != nil {
		return a, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return a, err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&a)
	return a, err
}

// Accounts lists every LMS account.
func (c *Client) Accounts() ([]Account, error) {
	req, err := http.NewRequest(http.MethodGet,
		fmt.Sprintf("%s/api/v1/users?company=%s&apiKey=%s", c.base, c.company, c.apiKey),
		nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var all []Account
	err = json.NewDecoder(resp.Body).Decode(&all)
	return all, err
}

// Employee is a record of the HRIS (PeopleHub), not of the LMS.
type Employee struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// Leavers asks PeopleHub's own v1 API for this month's leavers.
func Leavers(hc *http.Client, key string) ([]Employee, error) {
	req, err := http.NewRequest(http.MethodGet, "https://api.peoplehub.example/api/v1/users?status=left", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-PeopleHub-Key", key)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out []Employee
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out, err
}
