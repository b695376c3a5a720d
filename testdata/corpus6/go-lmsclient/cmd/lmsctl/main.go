// Command lmsctl runs one LMS maintenance action from the service desk.
//
//	lmsctl update <lms-id> <job>
//	lmsctl pseudonymize <lms-id>
//	lmsctl count
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"example.com/acme/lmsclient/lms"
)

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: lmsctl update|pseudonymize|count ...")
	}
	c := lms.New(os.Getenv("LMS_BASE_URL"), os.Getenv("LMS_COMPANY"), os.Getenv("LMS_API_KEY"), os.Getenv("LMS_TOKEN"))
	ctx := context.Background()
	var err error
	switch os.Args[1] {
	case "update":
		err = c.UpdateUser(ctx, os.Args[2], lms.Profile{Job: os.Args[3]})
	case "pseudonymize":
		err = c.Pseudonymize(ctx, os.Args[2])
	case "count":
		var users []lms.User
		users, err = c.ListUsers(ctx)
		fmt.Println(len(users))
	default:
		err = fmt.Errorf("unknown action %q", os.Args[1])
	}
	if err != nil {
		log.Fatal(err)
	}
}
