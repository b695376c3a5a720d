// Command lmsctl is the HR team's small helper around the LMS.
package main

import (
	"flag"
	"fmt"
	"log"

	"github.com/acme-hr/lmsctl/internal/lms"
)

func main() {
	deleted := flag.Bool("deleted", false, "include deleted users")
	flag.Parse()
	c := lms.New()
	users, err := c.ListUsers(*deleted)
	if err != nil {
		log.Fatal(err)
	}
	for _, u := range users {
		fmt.Println(u.Mail, u.PrimaryGroupID)
	}
	// Old docs: https://acme.360learning.com/api/v1/users?company=...&apiKey=...
}
