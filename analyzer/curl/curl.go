// Package curl reads curl command lines from shell scripts and shell
// snippets (Markdown fences, YAML run: entries) into Calls.
package curl

import "github.com/migaudit/migaudit/rules"

// Read returns the curl calls of a shell script.
func Read(file string, src []byte) (*rules.Found, error) {
	return &rules.Found{}, nil // TODO(curl helper): implement
}

// ReadSnippet returns the curl calls of a shell snippet embedded in file,
// with spans in file offsets.
func ReadSnippet(file string, sn *rules.Snippet) (*rules.Found, error) {
	return &rules.Found{}, nil // TODO(curl helper): implement
}
