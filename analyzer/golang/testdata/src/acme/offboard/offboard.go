// Package offboard holds the leaver runbook steps that call the LMS and the
// HR system directly.
package offboard

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"acme/lmsconst"
)

// RemoveFromGroup takes a leaver out of their team's group.
func RemoveFromGroup(ctx context.Context, hc *http.Client, groupID, email, company, apiKey string) error {
	u := fmt.Sprintf("%s/groups/%s/users/%s", lmsconst.APIv1, groupID, email)   // want `v1 deleteUserFromGroup.*the v2 path names the role.*\[remove-user-role-endpoint\]`
	body, _ := json.Marshal(map[string]any{"deleteFromPrivateSubgroups": true}) // want `body parameter deleteFromPrivateSubgroups is removed.*\[remove-user-role-delete-from-private-subgroups\]`
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	q := req.URL.Query()
	q.Set("company", company) // want `v1 credentials company and apiKey in the query.*\[v1-credentials\]`
	q.Set("apiKey", apiKey)
	req.URL.RawQuery = q.Encode()
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ActiveMails lists the mails of the users still active.
func ActiveMails(hc *http.Client) ([]string, error) {
	resp, err := hc.Get(lmsconst.Users + "?deleted=false") // want `v1 getUsers.*send a bearer token.*\[list-users-endpoint\]` `query parameter deleted is removed.*\[list-users-deleted\]`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var users []struct {
		Mail string `json:"mail"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&users); err != nil {
		return nil, err
	}
	var mails []string
	for _, u := range users {
		mails = append(mails, u.Mail)
	}
	return mails, nil
}

// Employee is a worker as the HR system knows them.
type Employee struct {
	ID             string `json:"id"`
	PrimaryGroupID string `json:"primaryGroupId"`
}

// Leaver fetches an employee from the HR system: not 360Learning.
func Leaver(hc *http.Client, id string) (*Employee, error) {
	resp, err := hc.Get(lmsconst.PeopleHub + "/users/" + id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var e Employee
	err = json.NewDecoder(resp.Body).Decode(&e)
	return &e, err
}

// Reactivate already uses API v2.
func Reactivate(ctx context.Context, hc *http.Client, token, userID string) error {
	body := bytes.NewBufferString(`{"toDeactivateAt": null}`)
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, lmsconst.Host+"/api/v2/users/"+userID, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("360-api-version", "v2.0")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
