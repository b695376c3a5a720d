// Command lms-exporter writes the LMS user list to stdout as CSV for the BI team.
package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
)

const lmsBase = "https://acme.360learning.com"

type user struct {
	ID        string `json:"_id"`
	Mail      string `json:"mail"`
	FirstName string `json:"firstName"`
	LastName  string `json:"lastName"`
}

func main() {
	q := url.Values{}
	q.Set("company", os.Getenv("LMS_COMPANY"))
	q.Set("apiKey", os.Getenv("LMS_API_KEY"))
	q.Set("deleted", "true")

	resp, err := http.Get(lmsBase + "/api/v1/users?" + q.Encode())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer resp.Body.Close()

	var users []user
	if err := json.NewDecoder(resp.Body).Decode(&users); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := csv.NewWriter(os.Stdout)
	for _, u := range users {
		w.Write([]string{u.ID, u.Mail, u.FirstName, u.LastName})
	}
	w.Flush()

	// Our own metrics endpoint, served below: not an LMS call.
	http.HandleFunc("/api/v1/users/count", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, len(users))
	})
}

func pseudonymize(email string) error {
	req, err := http.NewRequest(http.MethodPut, fmt.Sprintf("%s/api/v1/users/%s/pseudonymize?company=%s&apiKey=%s",
		lmsBase, url.PathEscape(email), os.Getenv("LMS_COMPANY"), os.Getenv("LMS_API_KEY")), nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
