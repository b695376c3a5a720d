package rules

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ParseUserMap reads a map from users' mails to their internal IDs, in
// either form the migration guides suggest keeping: a saved response of
// List all users (GET /api/v2/users: a JSON array of users with _id and
// mail; a {"users": [...]} or {"data": [...]} wrapper is accepted too), or a
// CSV of mail,id rows (a header row naming the columns is optional).
// Mails are keyed lower-case. An ID that is not 24 hexadecimal digits, a
// mail given two different IDs, or a file with no users is an error.
func ParseUserMap(data []byte) (map[string]string, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("empty user map")
	}
	var pairs [][2]string
	var err error
	if trimmed[0] == '[' || trimmed[0] == '{' {
		pairs, err = jsonUsers(trimmed)
	} else {
		pairs, err = csvUsers(trimmed)
	}
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, p := range pairs {
		mail, id := strings.ToLower(strings.TrimSpace(p[0])), strings.TrimSpace(p[1])
		if mail == "" && id == "" {
			continue
		}
		if !strings.Contains(mail, "@") {
			return nil, fmt.Errorf("%q is not a mail", p[0])
		}
		if !objectID.MatchString(id) {
			return nil, fmt.Errorf("the ID of %s, %q, is not an internal user ID (24 hexadecimal digits)", mail, id)
		}
		if old, ok := out[mail]; ok && old != id {
			return nil, fmt.Errorf("%s has two IDs, %s and %s", mail, old, id)
		}
		out[mail] = id
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no users in the user map")
	}
	return out, nil
}

func jsonUsers(data []byte) ([][2]string, error) {
	type user struct {
		ID   string `json:"_id"`
		Mail string `json:"mail"`
	}
	var list []user
	if data[0] == '{' {
		var wrap map[string]json.RawMessage
		if err := json.Unmarshal(data, &wrap); err != nil {
			return nil, fmt.Errorf("invalid JSON: %v", err)
		}
		raw, ok := wrap["users"]
		if !ok {
			raw, ok = wrap["data"]
		}
		if !ok {
			return nil, fmt.Errorf("a JSON user map is an array of users (the List all users response), or an object with a users array")
		}
		data = raw
	}
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("invalid JSON user list: %v", err)
	}
	var out [][2]string
	for i, u := range list {
		if u.ID == "" || u.Mail == "" {
			return nil, fmt.Errorf("user %d has no _id or no mail", i+1)
		}
		out = append(out, [2]string{u.Mail, u.ID})
	}
	return out, nil
}

func csvUsers(data []byte) ([][2]string, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var out [][2]string
	mailCol, idCol := 0, 1
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("CSV: %v", err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if line == 1 && !strings.Contains(strings.Join(rec, ""), "@") {
			// A header row: find the columns by name.
			for i, h := range rec {
				switch strings.ToLower(strings.TrimSpace(h)) {
				case "mail", "email", "e-mail":
					mailCol = i
				case "_id", "id", "userid", "user_id":
					idCol = i
				}
			}
			continue
		}
		if len(rec) <= max(mailCol, idCol) {
			return nil, fmt.Errorf("CSV line %d: want mail,id", line)
		}
		out = append(out, [2]string{rec[mailCol], rec[idCol]})
	}
	return out, nil
}
