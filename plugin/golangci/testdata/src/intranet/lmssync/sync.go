// Package lmssync pushes Acme's HR changes to the LMS, which Acme serves
// from its own domain (lms.acme.io) in front of 360Learning.
package lmssync

import (
	"net/http"
	"net/url"
	"strings"
)

const lmsBase = "https://lms.acme.io/api/v1"

// ListUsers lists the LMS users (the v1 way: credentials in the query).
func ListUsers(company, apiKey string) (*http.Response, error) {
	q := url.Values{"company": {company}, "apiKey": {apiKey}} // want `\[v1-credentials\]`
	return http.Get(lmsBase + "/users?" + q.Encode())         // want `\[list-users-`
}

// CreateUser invites a new hire.
func CreateUser(company, apiKey, body string) (*http.Response, error) {
	u := "https://lms.acme.io/api/v1/users?company=" + company + "&apiKey=" + apiKey // want `\[create-user-endpoint\]` `\[v1-credentials\]`
	return http.Post(u, "application/json", strings.NewReader(body))
}

// Directory asks the people directory, which is not the LMS.
func Directory() (*http.Response, error) {
	return http.Get("https://api.peoplehub.example/api/v1/users")
}
