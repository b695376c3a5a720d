// Package analyzer walks source trees, hands each file to the reader for
// its format, and checks the Calls they find against the rule catalog.
//
// The walk is parallel (a shared queue of directories and files, like
// ripgrep's), honours .gitignore files and .git/info/exclude, and runs a
// cheap literal prefilter before any parsing: only files that mention
// "api/v1" or "360learning" are parsed in a first phase. Calls whose URL
// starts from a base another file defines (a relative path, a
// {{ lms_api }} reference) are completed per project once every file is
// read; files of projects that define bases are then re-read if they hold
// a v1 resource path or a base's name (the second phase).
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
	// glob when there are any, and no Exclude glob. An Exclude glob that
	// matches a directory prunes it. A root that is a file is read whatever
	// the globs and ignore rules say.
	Include, Exclude []string
	// NoIgnore reads files .gitignore excludes; NoDefaultExcludes reads
	// vendored trees (node_modules, vendor) too.
	NoIgnore, NoDefaultExcludes bool
	// MaxFileSize is the largest file read (default 10 MiB); larger ones
	// are reported as errors.
	MaxFileSize int64
	// Jobs is how many files are read at once (default GOMAXPROCS).
	Jobs int
	// SkipGo leaves .go files out of the scan (they still count in
	// Result.Files): the type-aware Go analyzer reads them instead. When
	// false they are read as text.
	SkipGo bool
	// GoPass runs the type-aware Go analyzer (analyzer/golang) on the .go
	// files of the Go modules found below each root (a directory holding a
	// go.mod): the packages holding candidate files are loaded with the go
	// command and their findings merged with the others. Test files, files
	// under testdata and files the build leaves out stay with the text
	// reader, as do .go files outside any module. A module whose packages
	// do not load is reported as an error on its go.mod and its files are
	// read as text, so nothing is lost.
	GoPass bool
	// GoPassAuto marks a Go pass the user did not ask for (scan's default):
	// a module it cannot load is still read as text, and the reason goes
	// to Result.Notes rather than Result.Errors, since nothing is lost.
	GoPassAuto bool
	// Fix holds the answers a person gives fixes (user map, group role,
	// token); the Go pass plans its suggested fixes with them.
	Fix rules.FixOptions
}

// FileError is a file that could not be read or parsed.
type FileError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Result is what a scan found.
type Result struct {
	// Findings, sorted by path, line, column and rule.
	Findings []rules.Finding
	// Errors, sorted by path.
	Errors []FileError
	// Notes say what the scan did differently than asked where nothing was
	// lost (a Go module read as text because it did not load), by path.
	Notes []FileError
	// Files counts the files looked at (after ignores and globs), binary
	// ones included.
	Files int
	// Candidates counts the files the prefilter let through to a reader
	// (both phases).
	Candidates int
}

// DefaultMaxFileSize is the largest file read when Options.MaxFileSize is 0.
const DefaultMaxFileSize = 10 << 20

// Run scans roots (files or directories). Its error is for a scan that
// could not run at all (a root that does not exist, an invalid glob, a
// cancelled context); problems with single files go in Result.Errors.
// Finding and error paths are each root as given joined with the path
// below it, cleaned and slash-separated, so a relative root gives paths
// relative to the current directory.
func Run(ctx context.Context, roots []string, opt Options) (*Result, error) {
	s, err := newScan(ctx, roots, opt)
	if err != nil {
		return nil, err
	}
	return s.run()
}
