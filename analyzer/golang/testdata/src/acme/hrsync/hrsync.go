// Package hrsync mirrors the HR system's leavers into the LMS through the
// shared lms client.
package hrsync

import (
	"context"
	"net/http"

	"acme/lms"
)

// Leaver is someone leaving a team.
type Leaver struct {
	Email       string
	TeamGroupID string
}

// Sync removes leavers from their team's group.
func Sync(ctx context.Context, c *lms.Client, leavers []Leaver) error {
	for _, l := range leavers {
		path := "/groups/" + l.TeamGroupID + "/users/" + l.Email             // want `v1 deleteUserFromGroup.*\[remove-user-role-endpoint\]`
		if err := c.Do(ctx, http.MethodDelete, path, nil, nil); err != nil { // want `\[v1-credentials\]`
			return err
		}
	}
	return nil
}

// Export lists users straight from the client's base URL.
func Export(c *lms.Client, key string) (*http.Response, error) {
	return http.Get(c.BaseURL + "/users?company=acme&apiKey=" + key) // want `v1 getUsers.*\[list-users-endpoint\]` `v1 credentials company and apiKey in the query.*\[v1-credentials\]`
}

// Anonymize pseudonymizes a user the HR system deleted.
func Anonymize(ctx context.Context, c *lms.Client, mail string) error {
	return c.PseudonymizeUser(ctx, mail)
}
