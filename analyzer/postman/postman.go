// Package postman reads Postman collections (v2.0 and v2.1) into Calls.
package postman

import "github.com/migaudit/migaudit/rules"

// IsCollection reports whether a JSON document is a Postman collection.
func IsCollection(src []byte) bool {
	return false // TODO(postman helper): implement
}

// Read returns the requests of a collection as Calls.
func Read(file string, src []byte) (*rules.Found, error) {
	return &rules.Found{}, nil // TODO(postman helper): implement
}
