// Package text reads source files of any language as text (JavaScript,
// TypeScript, Python, Ruby, PHP, PowerShell, and any other text) and finds
// the HTTP calls they make: URL literals, template strings, f-strings,
// %-formatting and concatenations, with the method from the nearest evidence.
package text

import "github.com/migaudit/migaudit/rules"

// Read returns the calls, base URL definitions and calls pending a base of
// a source file; the language comes from the file name.
func Read(file string, src []byte) (*rules.Found, error) {
	return &rules.Found{}, nil // TODO(text helper): implement
}

// ReadSnippet reads a snippet in the given language (a Markdown fence's
// info word, "" for prose) embedded in file, with spans in file offsets.
func ReadSnippet(file string, sn *rules.Snippet) (*rules.Found, error) {
	return &rules.Found{}, nil // TODO(text helper): implement
}
