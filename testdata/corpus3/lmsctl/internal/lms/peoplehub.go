package lms

import "github.com/go-resty/resty/v2"

// PeopleHub is the HRIS we read workers from; its API is also "v1".
func PeopleHub(token string) *resty.Client {
	return resty.New().
		SetBaseURL("https://api.peoplehub.example/api/v1").
		SetAuthToken(token)
}

// Workers lists active workers from PeopleHub (not 360Learning).
func Workers(c *resty.Client) (*resty.Response, error) {
	return c.R().SetQueryParam("deleted", "false").Get("/users")
}

// GroupsV2 already uses the migrated 360Learning endpoint.
func GroupsV2(token string) (*resty.Response, error) {
	return resty.New().R().
		SetAuthToken(token).
		SetHeader("360-api-version", "v2.0").
		Get("https://acme.360learning.com/api/v2/groups")
}
