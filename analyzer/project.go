package analyzer

import (
	"bytes"
	"sort"
	"strings"
	"sync"

	"github.com/migaudit/migaudit/rules"
)

// project is a group of files whose calls may use each other's bases: the
// files below the nearest directory holding a project marker (.git, go.mod,
// package.json, …) or the scan root.
type project struct {
	mu      sync.Mutex
	bases   []rules.Base
	pending []pendingCall
	// rejects are the files phase 1's prefilter turned down (their paths):
	// phase 2 re-reads them if the project defines bases.
	rejects []string
}

// pendingCall is a call waiting for the project's bases, with what is
// needed to place its findings in its file.
type pendingCall struct {
	p     rules.Pending
	path  string
	lines *rules.Lines
}

func (s *scan) newProject() *project {
	p := &project{}
	s.mu.Lock()
	s.projects = append(s.projects, p)
	s.mu.Unlock()
	return p
}

func (p *project) reject(abs string) {
	p.mu.Lock()
	p.rejects = append(p.rejects, abs)
	p.mu.Unlock()
}

// add keeps a file's bases and pending calls until every file is read. Their
// strings are copied: a reader's strings may share the memory of the whole
// file's text, which must not outlive the file's processing.
func (p *project) add(path string, bases []rules.Base, pending []rules.Pending, lines *rules.Lines) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, b := range bases {
		b.Name, b.URL, b.File = strings.Clone(b.Name), cloneParts(b.URL), strings.Clone(b.File)
		p.bases = append(p.bases, b)
	}
	for _, pc := range pending {
		pc.Base = strings.Clone(pc.Base)
		pc.Call = cloneCall(pc.Call)
		p.pending = append(p.pending, pendingCall{p: pc, path: path, lines: lines})
	}
}

func cloneCall(c rules.Call) rules.Call {
	c.File, c.Reader, c.Method = strings.Clone(c.File), strings.Clone(c.Reader), strings.Clone(c.Method)
	c.URL = cloneParts(c.URL)
	c.Params, c.ResponseFields, c.ErrorCodes = cloneParams(c.Params), cloneParams(c.ResponseFields), cloneParams(c.ErrorCodes)
	return c
}

func cloneParts(parts []rules.URLPart) []rules.URLPart {
	out := make([]rules.URLPart, len(parts))
	for i, u := range parts {
		u.Lit, u.Hole = strings.Clone(u.Lit), strings.Clone(u.Hole)
		out[i] = u
	}
	return out
}

func cloneParams(params []rules.Param) []rules.Param {
	if params == nil {
		return nil
	}
	out := make([]rules.Param, len(params))
	for i, p := range params {
		p.Name, p.Value = strings.Clone(p.Name), strings.Clone(p.Value)
		out[i] = p
	}
	return out
}

// phase2Set is the second-phase prefilter of a project: literals that mark
// a file as possibly holding a call relative to one of its bases.
type phase2Set struct {
	literals [][]byte // matched as written ("/users")
	names    [][]byte // base names, lower-case, matched in any case
}

// phase2 returns the project's second-phase prefilter, or nil when the
// project defines no base (nothing to complete) or rejected no file.
func (p *project) phase2(c *rules.Catalog) *phase2Set {
	if len(p.bases) == 0 || len(p.rejects) == 0 {
		return nil
	}
	set := &phase2Set{}
	keys := make([]string, 0, len(c.Resources))
	for k := range c.Resources {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		set.literals = append(set.literals, []byte("/"+k))
	}
	seen := map[string]bool{}
	for _, b := range p.bases {
		n := bytes.ToLower([]byte(b.Name))
		if len(n) == 0 || seen[string(n)] {
			continue
		}
		seen[string(n)] = true
		set.names = append(set.names, n)
	}
	return set
}

func (set *phase2Set) match(src []byte) bool {
	for _, l := range set.literals {
		if bytes.Contains(src, l) {
			return true
		}
	}
	for _, n := range set.names {
		if containsFold(src, n) {
			return true
		}
	}
	return false
}

// containsFold reports whether src holds lower (lower-case ASCII) in any
// letter case.
func containsFold(src, lower []byte) bool { return indexFold(src, lower) >= 0 }

// indexFold returns the index of the first instance of lower (lower-case
// ASCII) in src in any letter case, or -1.
func indexFold(src, lower []byte) int {
	first := lower[0]
	upper := first
	if 'a' <= first && first <= 'z' {
		upper -= 'a' - 'A'
	}
	for i := 0; i+len(lower) <= len(src); {
		j := bytes.IndexByte(src[i:], first)
		if upper != first {
			if k := bytes.IndexByte(src[i:], upper); k >= 0 && (j < 0 || k < j) {
				j = k
			}
		}
		if j < 0 {
			return -1
		}
		i += j
		if i+len(lower) <= len(src) && equalFoldASCII(src[i:i+len(lower)], string(lower)) {
			return i
		}
		i++
	}
	return -1
}
