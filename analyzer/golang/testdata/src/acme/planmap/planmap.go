// Package planmap holds the offboarding runbook's LMS calls, checked with
// the answers a person gave: a user map (-user-map) and the role to
// withdraw (-group-role coach).
package planmap

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

const lmsHost = "https://acme.360learning.com"

// Runbook runs the offboarding steps with an OAuth2 token.
type Runbook struct {
	hc    *http.Client
	token string
}

// RetitleOpsBot names the service account by its mail, which the user map
// turns into its ID.
func (r *Runbook) RetitleOpsBot(ctx context.Context) error {
	body := bytes.NewBufferString(`{"job": "Automation"}`)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/ops-bot@acme.com", body) // want `v1 updateUser.*passes an email.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+r.token)
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// RetitleContractor names a user the map does not hold.
func (r *Runbook) RetitleContractor(ctx context.Context) error {
	body := bytes.NewBufferString(`{"job": "Contractor"}`)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, lmsHost+"/api/v1/users/temp.contractor@acme.com", body) // want `v1 updateUser.*passes an email.*\[update-user-endpoint\]`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+r.token)
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// DropCoach takes a leaver's coach role in a group away, leaving the
// private subgroups alone (deleteFromPrivateSubgroups false, v2's only
// behaviour).
func (r *Runbook) DropCoach(ctx context.Context, groupID, userID string) error {
	body, err := json.Marshal(map[string]any{"deleteFromPrivateSubgroups": false}) // want `body parameter deleteFromPrivateSubgroups is removed.*\(fixed with the call's fix\) \[remove-user-role-delete-from-private-subgroups\]`
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "DELETE", lmsHost+"/api/v1/groups/"+groupID+"/users/"+userID, bytes.NewReader(body)) // want `v1 deleteUserFromGroup.*\[remove-user-role-endpoint\]`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+r.token)
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// DropJane takes Jane (by mail) out of a group, with the v1 body flag
// written in a struct only this request uses.
func (r *Runbook) DropJane(ctx context.Context, groupID string) error {
	type leave struct {
		DeleteFromPrivateSubgroups bool `json:"deleteFromPrivateSubgroups"`
	}
	body, err := json.Marshal(leave{DeleteFromPrivateSubgroups: false}) // want `body parameter deleteFromPrivateSubgroups is removed.*\(fixed with the call's fix\) \[remove-user-role-delete-from-private-subgroups\]`
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, lmsHost+"/api/v1/groups/"+groupID+"/users/jane.doe@acme.com", bytes.NewReader(body)) // want `v1 deleteUserFromGroup.*\[remove-user-role-endpoint\]`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+r.token)
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
