// Package selfhosted calls 360Learning through the company's own domain,
// which migaudit knows only from -hosts.
package selfhosted

import "net/http"

// Users lists users through the vanity domain.
func Users(hc *http.Client) (*http.Response, error) {
	return hc.Get("https://lms.acme.io/api/v1/users") // want `v1 getUsers.*\[list-users-endpoint\]`
}

// Staging is the staging tenant, on a subdomain.
func Staging(hc *http.Client) (*http.Response, error) {
	return hc.Get("https://staging.lms.acme.io/api/v1/users?deleted=true") // want `v1 getUsers.*\[list-users-endpoint\]` `query parameter deleted is removed.*\[list-users-deleted\]`
}
