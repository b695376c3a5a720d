// Package planfix is the HR sync's LMS client half-way through its v2
// migration: the OAuth2 token is wired in for some calls, the v1
// credentials still come from the environment.
package planfix

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/go-resty/resty/v2"
)

const lmsHost = "https://acme.360learning.com"

// Client calls the LMS for the HR sync.
type Client struct {
	hc    *http.Client
	rc    *resty.Client
	token string
	// company and apiKey are the v1 credentials, while calls move to v2.
	company, apiKey string
}

// UpdateJobTitle changes a learner's job title. It already sends the
// bearer token: everything else is mechanical.
func (c *Client) UpdateJobTitle(ctx context.Context, userID, title string) error {
	body, err := json.Marshal(map[string]string{"job": title})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/"+userID, bytes.NewReader(body)) // want `v1 updateUser.*PUT becomes PATCH.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	q := req.URL.Query()
	q.Set("company", os.Getenv("LMS_COMPANY")) // want `v1 credentials company and apiKey in the query.*\(fixed with the call's fix\) \[v1-credentials\]`
	q.Set("apiKey", os.Getenv("LMS_API_KEY"))
	req.URL.RawQuery = q.Encode()
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// authorization is the Authorization header value of the OAuth2 token.
func (c *Client) authorization() string { return "Bearer " + c.token }

// SetPhone sets a learner's phone number; the Authorization header comes
// from a method, whose scheme migaudit does not see but which is no v1
// credential.
func (c *Client) SetPhone(ctx context.Context, userID, phone string) error {
	body, err := json.Marshal(map[string]string{"phone": phone})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "PUT", lmsHost+"/api/v1/users/"+userID, bytes.NewReader(body)) // want `v1 updateUser.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", c.authorization())
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SetLanguage formats its URL, v1 credentials included; the token is set.
func (c *Client) SetLanguage(ctx context.Context, userID, lang string) error {
	body, err := json.Marshal(map[string]string{"lang": lang})
	if err != nil {
		return err
	}
	u := fmt.Sprintf("%s/api/v1/users/%s?company=%s&apiKey=%s", lmsHost, userID, c.company, c.apiKey) // want `v1 updateUser.*\[update-user-endpoint\]` `v1 credentials company and apiKey in the query.*\(fixed with the call's fix\) \[v1-credentials\]`
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SetLocale has no bearer token yet: moving it to v2 would break it.
func (c *Client) SetLocale(ctx context.Context, userID, locale string) error {
	body, err := json.Marshal(map[string]string{"lang": locale})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "PUT", lmsHost+"/api/v1/users/"+userID, bytes.NewReader(body)) // want `v1 updateUser.*send a bearer token.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// RetitleOpsBot fixes the service account's title, named by its mail: v2
// takes its ID, which only a user map gives.
func (c *Client) RetitleOpsBot(ctx context.Context) error {
	body := bytes.NewBufferString(`{"job": "Automation"}`)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/ops-bot@acme.com", body) // want `v1 updateUser.*passes an email where v2 takes the internal user ID.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type groupMove struct {
	Job            string `json:"job,omitempty"`
	PrimaryGroupID string `json:"primaryGroupId,omitempty"`
}

// MoveToTeam changes a user's primary group: in v2 that is a role change,
// another endpoint, so it stays for a person.
func (c *Client) MoveToTeam(ctx context.Context, userID, groupID string) error {
	body, err := json.Marshal(groupMove{PrimaryGroupID: groupID}) // want `body parameter primaryGroupId is removed.*\[update-user-primary-group-id\]`
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/"+userID, bytes.NewReader(body)) // want `v1 updateUser.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// LeaveGroup takes a leaver out of a group and its private subgroups: v2
// has no such option, and the role is not known here.
func (c *Client) LeaveGroup(ctx context.Context, groupID, userID string) error {
	body, err := json.Marshal(map[string]any{"deleteFromPrivateSubgroups": true}) // want `body parameter deleteFromPrivateSubgroups is removed.*\[remove-user-role-delete-from-private-subgroups\]`
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, lmsHost+"/api/v1/groups/"+groupID+"/users/"+userID, bytes.NewReader(body)) // want `v1 deleteUserFromGroup.*\[remove-user-role-endpoint\]`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// lmsUser is a user as getUsers lists them.
type lmsUser struct {
	ID   string `json:"_id"`
	Mail string `json:"mail"`
}

// AllUsers reads the whole user list: v2 pages it, so the loop is a
// person's job.
func (c *Client) AllUsers(ctx context.Context) ([]lmsUser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, lmsHost+"/api/v1/users", nil) // want `v1 getUsers.*\[list-users-endpoint\]`
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var users []lmsUser
	err = json.NewDecoder(resp.Body).Decode(&users)
	return users, err
}

// SetOrganization records a user's organization with go-resty; the token
// is set, the v1 credentials ride along as query parameters.
func (c *Client) SetOrganization(userID, org string) error {
	_, err := c.rc.R().
		SetAuthToken(c.token).
		SetQueryParam("company", "acme"). // want `v1 credentials company and apiKey in the query.*\(fixed with the call's fix\) \[v1-credentials\]`
		SetQueryParam("apiKey", c.token).
		SetBody(map[string]any{"organization": org}).
		Put(lmsHost + "/api/v1/users/" + userID) // want `v1 updateUser.*PUT becomes PATCH.*\[update-user-endpoint\]`
	return err
}

// Deactivate schedules a leaver's deactivation: v2 names the date
// toBeDeactivatedAt, a rename the fix does not make.
func (c *Client) Deactivate(userID, date string) error {
	_, err := c.rc.R().
		SetAuthToken(c.token).
		SetHeader("360-api-version", "v2.0").
		SetBody(map[string]any{"toDeactivateAt": date}).
		Put(lmsHost + "/api/v1/users/" + userID) // want `v1 updateUser.*PUT becomes PATCH.*\[update-user-endpoint\]`
	return err
}

// Refresh reads a user and writes it back: the URL is shared by both
// requests, so moving it for one would move the other.
func (c *Client) Refresh(ctx context.Context, userID string) error {
	u := lmsHost + "/api/v1/users/" + userID // want `v1 call GET /api/v1/users/\{…\}.*\[v1-endpoint-unmapped\]` `v1 updateUser.*\[update-user-endpoint\]`
	get, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	get.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(get)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	put, err := http.NewRequestWithContext(ctx, http.MethodPut, u, resp.Body)
	if err != nil {
		return err
	}
	put.Header.Set("Authorization", "Bearer "+c.token)
	resp2, err := c.hc.Do(put)
	if err != nil {
		return err
	}
	return resp2.Body.Close()
}

// RetitleBoth sends one set of v1 credentials with two requests: removing
// them for the first would take them from the second, still v1.
func (c *Client) RetitleBoth(ctx context.Context, userID, legacyID string) error {
	q := url.Values{}
	q.Set("company", c.company) // want `v1 credentials company and apiKey in the query.*\[v1-credentials\]`
	q.Set("apiKey", c.apiKey)
	first, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/"+userID+"?"+q.Encode(), strings.NewReader(`{"job": "Lead"}`)) // want `v1 updateUser.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	first.Header.Set("Authorization", "Bearer "+c.token)
	if _, err := c.hc.Do(first); err != nil {
		return err
	}
	second, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/"+legacyID+"?"+q.Encode(), strings.NewReader(`{"job": "Lead"}`)) // want `v1 updateUser.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	_, err = c.hc.Do(second)
	return err
}

// Reactivate is already v2: nothing to report.
func (c *Client) Reactivate(ctx context.Context, userID string) error {
	body := bytes.NewBufferString(`{"toDeactivateAt": null}`)
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, lmsHost+"/api/v2/users/"+userID, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("360-api-version", "v2.0")
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Leavers asks the HR system, whose v1 API is not 360Learning's.
func (c *Client) Leavers(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, "https://api.peoplehub.example/api/v1/users/leavers", nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// Forget sets the query as text after the request is built: the pass
// cannot tell it holds the credentials, so the call is not moved.
func (c *Client) Forget(ctx context.Context, userID string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/"+userID+"/pseudonymize", nil) // want `v1 pseudonymizeUser.*\[pseudonymize-user-endpoint\]`
	if err != nil {
		return err
	}
	req.URL.RawQuery = "company=acme&apiKey=" + c.token
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
