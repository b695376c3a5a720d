// Command hrsync applies HRIS job changes and leavers to the LMS.
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/hrsync/lms"
)

func main() {
	c := lms.New(lms.DefaultBaseURL, os.Getenv("LMS_COMPANY"), os.Getenv("LMS_API_KEY"), os.Getenv("LMS_TOKEN"))
	leavers, err := lms.Leavers(http.DefaultClient, os.Getenv("PEOPLEHUB_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range leavers {
		acct, err := c.AccountForWorker(e.ID)
		if err != nil {
			log.Printf("worker %s: %v", e.ID, err)
			continue
		}
		if err := c.Forget(acct.ID); err != nil {
			log.Printf("forget %s: %v", acct.ID, err)
		}
	}
	if len(os.Args) == 3 {
		if err := c.SetJob(os.Args[1], os.Args[2]); err != nil {
			log.Fatal(err)
		}
	}
	if _, err := c.Accounts(); err != nil {
		log.Fatal(err)
	}
	if group := os.Getenv("SEASONAL_GROUP_ID"); group != "" {
		if err := c.RemoveLearner(group, os.Getenv("SEASONAL_DEMO_USER_ID")); err != nil {
			log.Print(err)
		}
		if err := c.RemoveByMail(group, os.Getenv("SEASONAL_DEMO_MAIL")); err != nil {
			log.Print(err)
		}
	}
}
