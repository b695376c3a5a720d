package analyzer

import (
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// The fast path for simple patterns must agree with go-git's matching.
func TestIgnoreFastPathAgreesWithGoGit(t *testing.T) {
	patterns := []string{
		"build", "build/", "!build", "*.log", "!keep.log", "*.log/", "node_modules/",
		".env", "*", "a*b", "dist/*.js", "/local.txt", "trailing  ", `esc\ `, "**/tmp", "[bB]uild",
	}
	paths := []string{
		"build", "src/build", "src/build/x.js", "debug.log", "logs/debug.log", "keep.log",
		"x.log/y", ".env", "a.env", "dist/app.js", "local.txt", "app/local.txt", "trailing",
		"esc ", "tmp", "a/tmp", "Build", "aXb",
	}
	for _, domain := range [][]string{nil, {"app"}} {
		for _, pat := range patterns {
			fast := newIgnorePattern(pat, domain)
			slow := gitignore.ParsePattern(pat, domain)
			for _, p := range paths {
				comps := append(append([]string(nil), domain...), strings.Split(p, "/")...)
				for _, isDir := range []bool{false, true} {
					if got, want := fast.match(comps, isDir), slow.Match(comps, isDir); got != want {
						t.Errorf("pattern %q domain %q path %q dir=%v: fast %v, go-git %v", pat, domain, p, isDir, got, want)
					}
				}
			}
		}
	}
}
