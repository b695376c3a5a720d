package golang

import (
	"fmt"
	"os"

	"github.com/migaudit/migaudit/rules"
)

// maxUserMap bounds the user map file read (a List all users response of a
// large tenant is a few megabytes).
const maxUserMap = 64 << 20

// LoadUserMap reads a -user-map file: a saved List all users response (a
// JSON array of users with _id and mail) or a CSV of mail,id rows. It
// returns mails (lower-case) mapped to internal user IDs; the error names
// the file and the reason.
func LoadUserMap(name string) (map[string]string, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("reading the user map: %v", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("reading the user map %s: not a regular file", name)
	}
	if fi.Size() > maxUserMap {
		return nil, fmt.Errorf("reading the user map %s: %d bytes, more than the %d a user map may have", name, fi.Size(), maxUserMap)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading the user map: %v", err)
	}
	users, err := rules.ParseUserMap(data)
	if err != nil {
		return nil, fmt.Errorf("user map %s: %v", name, err)
	}
	return users, nil
}
