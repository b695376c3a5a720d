// Command goclient applies one HR change to 360Learning: a new job title
// for one user, and the pseudonymization of a leaver.
//
// Usage: goclient USER_ID JOB_TITLE LEAVER_ID
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"time"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: goclient USER_ID JOB_TITLE LEAVER_ID")
		os.Exit(64)
	}
	base := os.Getenv("LMS_BASE")
	if base == "" {
		base = "https://acme.360learning.com"
	}
	c := &Client{
		BaseURL: base,
		Company: os.Getenv("LMS_COMPANY_ID"),
		APIKey:  os.Getenv("LMS_API_KEY"),
		Token:   os.Getenv("ACCESS_TOKEN"),
		HTTP:    &http.Client{Timeout: 30 * time.Second},
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := c.SetJob(ctx, os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "set job:", err)
		os.Exit(1)
	}
	if err := c.Pseudonymize(ctx, os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, "pseudonymize:", err)
		os.Exit(1)
	}
	fmt.Println("ok")
}
