package analyzer

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// ignoreRules are the gitignore patterns in force in a directory, in
// increasing priority: .git/info/exclude of the repository root, then each
// .gitignore from the top down. Patterns carry the directory they were read
// in as their domain, so one list serves a whole subtree.
type ignoreRules []ignorePattern

// ignorePattern is a go-git pattern with a fast path for the common simple
// forms ("node_modules/", "build", "*.log"), which go-git matches with
// filepath.Match on every path component.
type ignorePattern struct {
	gitignore.Pattern
	depth int // the number of components of the domain
	// kind is how the fast path matches a component: by the name itself
	// (simpleName), by a suffix ("*.log": simpleSuffix), or not at all.
	kind    int
	text    string
	negate  bool
	dirOnly bool
}

const (
	complexPattern = iota
	simpleName
	simpleSuffix
)

func newIgnorePattern(line string, domain []string) ignorePattern {
	p := ignorePattern{Pattern: gitignore.ParsePattern(line, domain), depth: len(domain)}
	// The same steps as gitignore.ParsePattern.
	if strings.HasPrefix(line, "!") {
		p.negate = true
		line = line[1:]
	}
	if !strings.HasSuffix(line, "\\ ") {
		line = strings.TrimRight(line, " ")
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = line[:len(line)-1]
	}
	switch {
	case line == "" || strings.ContainsAny(line, "/\\[?"):
	case !strings.Contains(line, "*"):
		p.kind, p.text = simpleName, line
	case strings.LastIndexByte(line, '*') == 0:
		p.kind, p.text = simpleSuffix, line[1:]
	}
	return p
}

// match is gitignore's Pattern.Match. Rules only reach the directories
// below the one they were read in, so the path always starts with the
// pattern's domain.
func (p *ignorePattern) match(path []string, isDir bool) gitignore.MatchResult {
	if p.kind == complexPattern {
		return p.Pattern.Match(path, isDir)
	}
	if len(path) <= p.depth {
		return gitignore.NoMatch
	}
	rest := path[p.depth:]
	for i, name := range rest {
		if p.kind == simpleName && name != p.text || p.kind == simpleSuffix && !strings.HasSuffix(name, p.text) {
			continue
		}
		if p.dirOnly && !isDir && i == len(rest)-1 {
			return gitignore.NoMatch
		}
		if p.negate {
			return gitignore.Include
		}
		return gitignore.Exclude
	}
	return gitignore.NoMatch
}

// ignored reports whether the path (components from the top of the
// patterns' domains) is excluded; the last pattern that matches decides, so
// a later "!keep.me" re-includes.
func (r ignoreRules) ignored(comps []string, isDir bool) bool {
	for i := len(r) - 1; i >= 0; i-- {
		if m := r[i].match(comps, isDir); m != gitignore.NoMatch {
			return m == gitignore.Exclude
		}
	}
	return false
}

// with returns r extended by the patterns of file, read with the domain
// comps; r itself is never modified (siblings share it).
func (r ignoreRules) with(file string, comps []string) ignoreRules {
	data, err := os.ReadFile(file)
	if err != nil || len(data) == 0 {
		return r
	}
	var added []ignorePattern
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		added = append(added, newIgnorePattern(line, comps))
	}
	if len(added) == 0 {
		return r
	}
	out := make(ignoreRules, 0, len(r)+len(added))
	return append(append(out, r...), added...)
}

// repoPrefix finds the git repository holding dir (an absolute, cleaned
// path) when dir is below its top, and returns the ignore rules of the
// directories from the repository's top down to dir's parent, plus dir's
// components relative to the top. With no repository above dir, both are nil.
func repoPrefix(dir string) (ignoreRules, []string) {
	var names []string // dir's components below the top, reversed
	top := dir
	for {
		parent := filepath.Dir(top)
		if parent == top {
			return nil, nil // reached / without a .git
		}
		names = append(names, filepath.Base(top))
		top = parent
		if _, err := os.Lstat(filepath.Join(top, ".git")); err == nil {
			break
		}
	}
	comps := make([]string, len(names))
	for i, n := range names {
		comps[len(names)-1-i] = n
	}
	rules := ignoreRules(nil).with(filepath.Join(top, ".git", "info", "exclude"), nil)
	cur := top
	for i := 0; i < len(comps); i++ {
		rules = rules.with(filepath.Join(cur, ".gitignore"), comps[:i])
		cur = filepath.Join(cur, comps[i])
	}
	return rules, comps
}
