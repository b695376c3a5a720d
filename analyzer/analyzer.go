// Package analyzer walks source trees, hands each file to the reader for
// its format, and checks the Calls they find against the rule catalog.
package analyzer

import (
	"context"

	"github.com/migaudit/migaudit/rules"
)

// Options configure a scan.
type Options struct {
	Catalog *rules.Catalog
	// Check says which hosts are 360Learning's beyond the defaults.
	Check rules.Options
	// Include and Exclude are doublestar globs matched against paths
	// relative to each root (slash-separated); a file must match an Include
	// glob when there are any, and no Exclude glob.
	Include, Exclude []string
	// NoIgnore reads files .gitignore excludes; NoDefaultExcludes reads
	// vendored trees (node_modules, vendor) too.
	NoIgnore, NoDefaultExcludes bool
	// MaxFileSize is the largest file read (default 10 MiB); larger ones
	// are reported as errors.
	MaxFileSize int64
	// Jobs is how many files are read at once (default GOMAXPROCS).
	Jobs int
}

// FileError is a file that could not be read or parsed.
type FileError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Result is what a scan found.
type Result struct {
	// Findings, sorted by path, line and column.
	Findings []rules.Finding
	// Errors, sorted by path.
	Errors []FileError
	// Files counts the files looked at (after ignores and globs).
	Files int
}

// Run scans roots (files or directories). Its error is for a scan that
// could not run at all (a root that does not exist); problems with single
// files go in Result.Errors.
func Run(ctx context.Context, roots []string, opt Options) (*Result, error) {
	return &Result{}, nil // TODO(analyzer helper): implement
}
