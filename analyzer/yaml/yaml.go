// Package yaml reads YAML files (Ansible playbooks and roles, Kubernetes
// manifests, CI pipelines, docker compose files, application configs and
// Helm values) into Calls, and hands back the shell they embed as Snippets
// for the curl reader.
//
// What it reports:
//   - Ansible uri tasks (uri, ansible.builtin.uri, ansible.legacy.uri),
//     wherever they sit: url, method (GET, implied, when absent), body (a
//     mapping's keys, a JSON string's keys, urlencoded fields; form fields
//     for form-urlencoded and form-multipart), headers (Authorization:
//     Bearer sets Call.Bearer), from the module's mapping, the task's args:
//     or the old free-form "url=… method=PUT" string.
//   - URL settings: a string value that is an http(s) URL or starts with
//     {{ var }} and goes past /api/v1 is a Call, with the method a sibling
//     method/verb/httpMethod key gives ("" otherwise). Values that are v1
//     bases (ending in /api/v1, or on a 360Learning host) are Bases, named
//     by their dotted key path from the document's root (lms.baseUrl in a
//     Helm values.yaml; an UPPER_CASE key alone), the name of a Kubernetes
//     env entry, or the NAME of a compose "NAME=value" entry. A value that
//     is only a template reference ("{{ .Values.lms.baseUrl }}") under a
//     name that says URL (LMS_BASE_URL in a ConfigMap) is a Base whose URL
//     is a hole naming the reference, which the analyzer expands with the
//     Base it names.
//   - Endpoint paths: a string value that is a path starting with /api/v1/
//     (list_users: /api/v1/users, a {name, path, method} entry, an item of a
//     list) is a Call composed with the nearest base URL set in its mapping
//     or an enclosing one (base_url, baseUrl, url, host, api_base, endpoint,
//     lms.base-url …; the base's origin, the path replacing its own path),
//     with no host when there is none; the method is a sibling
//     method/verb key's ("" otherwise). Paths under a server's own routes
//     (ingress paths, probes, routes:, server:) are not read.
//   - A URL starting with {{ var }} that the file does not define, with a
//     path after it, is Pending on var. Variables the file defines (vars:,
//     set_fact, top-level settings) once are substituted in place.
//   - Shell: run:, script:, before_script:, after_script:, bash:, commands:,
//     cmds:, cmd:, command:, entrypoint:, Ansible shell/command/raw (and
//     cmd:/argv:), compose healthcheck tests, Concourse run.path/args,
//     Argo script sources. Exec lists starting with curl become a command
//     line of single-quoted items; "sh -c SCRIPT" hands back the script.
//
// Fixes: a uri task's Call has a Fixer (see uriFixer): the plan's URL and
// method edits where they are written (encoded for the url scalar's style),
// removed body entries (a block or flow mapping's entries, a JSON or form
// string's fields; the body and its body_format when nothing is left), and
// the headers the request lacks in the task's headers: mapping, or a new
// one in the file's indentation and line breaks, with the bearer token
// "{{ access_token }}" unless the user gives one. ResponseUnused is set on a
// uri task without register:. A free-form task, headers from an
// expression and an Authorization header that is not a bearer are left to a
// person. URL settings and endpoint paths have no Fixer: they cannot carry
// headers. Every Snippet has an Encode for its scalar's style, so the shell
// reader's fixes are written the way the scalar needs.
//
// Offsets: each scalar's value is mapped back onto the file byte by byte
// (plain, single- and double-quoted with escapes and folds, literal block
// scalars with any chomping or indentation indicator); folded (>) scalars map
// approximately. Template expressions the shell never sees (Jinja
// {{ x }}, GitHub Actions ${{ x }}) are written in snippets as same-length
// placeholders the shell reads as one word ({{_x_}}, {{{_x_}}), so offsets
// stay exact.
package yaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rules"
)

// readerName is the Reader every Call of this package carries.
const readerName = "yaml"

// Read returns what a YAML file (one or several documents) holds: Ansible
// uri calls and URL settings as Calls, embedded shell as Snippets, v1 base
// URLs as Bases, and calls waiting for a base another file defines as
// Pending.
//
// A Helm template that is not valid YAML until rendered is read as written
// (see decodeTemplate): its {{ }} values stay placeholders at their offsets.
// Any other file that is not valid YAML gives an error "invalid YAML: line L:
// reason". The documents before the broken one are still read, and what they
// hold is returned along with the error, so a multi-document manifest with
// one bad document still reports the others; callers that only report the
// error lose nothing by ignoring it.
func Read(file string, src []byte) (found *rules.Found, err error) {
	r := newReader(file, src)
	defer func() {
		if p := recover(); p != nil {
			found, err = r.found, fmt.Errorf("reading YAML: internal error: %v", p)
		}
	}()
	if !rules.ValidUTF8(src) {
		return r.found, errors.New("invalid YAML: the file is not valid UTF-8")
	}
	docs, perr := decodeAll(src)
	if perr != nil {
		if tdocs := decodeTemplate(src); tdocs != nil {
			docs, perr = tdocs, nil // a Helm template, read as written
		} else {
			perr = r.locateError(perr)
		}
	}
	for _, d := range docs {
		r.collectVars(d, 0)
		r.collectPaths(d, "", 0)
	}
	// uri tasks and snippets first, so that the generic pass over settings
	// knows which scalars they already read.
	for _, d := range docs {
		r.walk(d, "", 0, r.tasksAndSnippets)
	}
	for _, d := range docs {
		r.walk(d, "", 0, r.settings)
	}
	for _, d := range docs {
		r.endpointPaths(d, nil, 0)
	}
	return r.found, perr
}

// decodeAll decodes the documents of src up to the first error.
func decodeAll(src []byte) ([]*yamlv3.Node, error) {
	dec := yamlv3.NewDecoder(bytes.NewReader(src))
	var docs []*yamlv3.Node
	for {
		var n yamlv3.Node
		err := dec.Decode(&n)
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return docs, parseError(err)
		}
		docs = append(docs, &n)
	}
}

// syntaxError is a file that is not valid YAML.
type syntaxError struct {
	line   int // 1-based; 0 when unknown
	reason string
}

func (e *syntaxError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("invalid YAML: line %d: %s", e.line, e.reason)
	}
	return "invalid YAML: " + e.reason
}

// parseError splits a yaml.v3 error ("yaml: line 3: did not find expected
// key") into its line and reason.
func parseError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &syntaxError{reason: msg}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, reason, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				e.line, e.reason = n, reason
			}
		}
	}
	return e
}

// locateError finds the line a syntax error is on. yaml.v3 names the line
// where the construct being parsed began (counted from 0 for parser errors),
// often far from the mistake; the first line whose addition makes the file
// fail with the same reason is where the mistake is. When the search finds
// no such line, yaml.v3's line stays.
func (r *reader) locateError(err error) error {
	e, ok := err.(*syntaxError)
	if !ok {
		return err
	}
	reason := func(lines int) string {
		end := len(r.src)
		if lines < len(r.starts) {
			end = r.starts[lines]
		}
		if _, err := decodeAll(r.src[:end]); err != nil {
			if se, ok := err.(*syntaxError); ok {
				return se.reason
			}
		}
		return ""
	}
	lo, hi := 0, len(r.starts) // the first lo lines parse, the first hi fail
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if reason(mid) != "" {
			hi = mid
		} else {
			lo = mid
		}
	}
	if reason(hi) == e.reason {
		e.line = hi
	}
	return e
}

// reader holds the state of one file's reading.
type reader struct {
	file   string
	src    []byte
	starts []int // line start offsets
	found  *rules.Found
	cache  map[*yamlv3.Node]mapped
	// vars are the values the file gives each variable name (Ansible vars:,
	// set_fact, role defaults, top-level settings).
	vars map[string][]*yamlv3.Node
	// paths are the dotted key paths of the mappings (see collectPaths).
	paths map[*yamlv3.Node]string
	// used are the scalars already read as part of a uri task or a snippet.
	used    map[*yamlv3.Node]bool
	lastPos position
	// substitutions counts the variables substituted in the URL being read.
	substitutions int
}

func newReader(file string, src []byte) *reader {
	r := &reader{
		file:   file,
		src:    src,
		starts: []int{0},
		found:  &rules.Found{},
		cache:  map[*yamlv3.Node]mapped{},
		vars:   map[string][]*yamlv3.Node{},
		paths:  map[*yamlv3.Node]string{},
		used:   map[*yamlv3.Node]bool{},
	}
	for i, b := range src {
		if b == '\n' {
			r.starts = append(r.starts, i+1)
		}
	}
	return r
}

// maxDepth bounds the walk over pathologically nested documents.
const maxDepth = 200

// pair is a mapping entry.
type pair struct {
	key, value *yamlv3.Node
}

// pairs returns the entries of a mapping node.
func pairs(n *yamlv3.Node) []pair {
	if n == nil || n.Kind != yamlv3.MappingNode {
		return nil
	}
	var out []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, pair{n.Content[i], n.Content[i+1]})
	}
	return out
}

// get returns the value of key in mapping n, or nil.
func get(n *yamlv3.Node, key string) *yamlv3.Node {
	for _, p := range pairs(n) {
		if p.key.Kind == yamlv3.ScalarNode && p.key.Value == key {
			return deref(p.value)
		}
	}
	return nil
}

func deref(n *yamlv3.Node) *yamlv3.Node {
	if n != nil && n.Kind == yamlv3.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// isString reports whether n is a string scalar (not a number, bool or null).
func isString(n *yamlv3.Node) bool {
	n = deref(n)
	return n != nil && n.Kind == yamlv3.ScalarNode && (n.Tag == "!!str" || n.Tag == "" || n.Style&(yamlv3.DoubleQuotedStyle|yamlv3.SingleQuotedStyle|yamlv3.LiteralStyle|yamlv3.FoldedStyle) != 0)
}

// walk calls visit on every mapping under n (aliases are not followed: what
// they name is visited where it is written). parentKey is the key whose value
// n is, or is an item of.
func (r *reader) walk(n *yamlv3.Node, parentKey string, depth int, visit func(m *yamlv3.Node, parentKey string)) {
	if n == nil || depth > maxDepth {
		return
	}
	switch n.Kind {
	case yamlv3.DocumentNode, yamlv3.SequenceNode:
		for _, c := range n.Content {
			r.walk(c, parentKey, depth+1, visit)
		}
	case yamlv3.MappingNode:
		visit(n, parentKey)
		for _, p := range pairs(n) {
			r.walk(p.value, p.key.Value, depth+1, visit)
		}
	}
}

func (r *reader) tasksAndSnippets(m *yamlv3.Node, parentKey string) {
	r.uriTask(m)
	r.snippets(m, parentKey)
}

// end returns the offset just past node n.
func (r *reader) end(n *yamlv3.Node, depth int) int {
	n = deref(n)
	if n == nil {
		return 0
	}
	if n.Kind == yamlv3.ScalarNode {
		ms := r.scalar(n)
		e := ms.m[len(ms.text)]
		if n.Style&(yamlv3.DoubleQuotedStyle|yamlv3.SingleQuotedStyle) != 0 && ms.exact && e < len(r.src) {
			e++ // the closing quote
		}
		return e
	}
	e := r.offset(n.Line, n.Column)
	if depth > maxDepth {
		return e
	}
	for _, c := range n.Content {
		if c.Kind == yamlv3.AliasNode {
			continue
		}
		e = max(e, r.end(c, depth+1))
	}
	return e
}

// start returns the offset of node n.
func (r *reader) start(n *yamlv3.Node) int {
	if n.Kind == yamlv3.ScalarNode {
		return r.scalar(n).m[0]
	}
	return r.offset(n.Line, n.Column)
}

// nodeSpan returns the span of node n.
func (r *reader) nodeSpan(n *yamlv3.Node) rules.Span {
	return rules.Span{Start: r.start(n), End: r.end(n, 0)}
}
