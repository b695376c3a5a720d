package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// V2Request is a request to API v2 as sent: what a server receives, or what
// a reader sees in a fixed file (where values may be unknown).
type V2Request struct {
	Method string
	// Segments are the path segments after /api/v2; Unknown marks one whose
	// value is not known (a variable).
	Segments []string
	// Query and Body are the names of the query parameters and of the
	// top-level body keys (or form fields) sent.
	Query, Body []string
	// Headers maps lower-case header names to their values ("" when
	// unknown).
	Headers map[string]string
	Bearer  bool
}

// Unknown stands for a path segment whose value is not known.
const Unknown = "\x00"

// V2Match returns the v2 operation a request is for, or nil.
func (c *Catalog) V2Match(method string, segs []string) *V2Operation {
	var best *V2Operation
	bestLits := -1
	for i := range c.V2 {
		op := &c.V2[i]
		if op.Method != method {
			continue
		}
		tmpl := splitPath(strings.TrimPrefix(op.Path, "/api/v2"))
		if len(tmpl) != len(segs) {
			continue
		}
		lits, ok := 0, true
		for k, t := range tmpl {
			switch {
			case isParam(t):
			case t == segs[k]:
				lits++
			default:
				ok = false
			}
		}
		// /users/me before /users/{userId}: the most literal template wins.
		if ok && lits > bestLits {
			best, bestLits = op, lits
		}
	}
	return best
}

// CheckV2 returns what is wrong with a v2 request by the official reference
// and the migration guides: nothing when the API would take it.
// The first problem says whether the operation exists.
func (c *Catalog) CheckV2(r V2Request) []string {
	op := c.V2Match(r.Method, r.Segments)
	if op == nil {
		return []string{fmt.Sprintf("no v2 operation %s /api/v2/%s in the reference", r.Method, strings.ReplaceAll(strings.Join(r.Segments, "/"), Unknown, "{…}"))}
	}
	var out []string
	for _, h := range op.Headers {
		v, ok := r.Headers[strings.ToLower(h)]
		switch {
		case !ok:
			out = append(out, "missing header "+h)
		case strings.EqualFold(h, VersionHeader) && v != "" && v != VersionValue:
			out = append(out, fmt.Sprintf("header %s is %q, not %s", h, v, VersionValue))
		}
	}
	if op.Bearer && !r.Bearer {
		out = append(out, "missing Authorization: Bearer token")
	}
	removed := c.guideRemoved(op)
	for _, name := range append(append([]string(nil), r.Query...), r.Body...) {
		if name == "company" || strings.EqualFold(name, "apiKey") {
			out = append(out, "sends the v1 credential "+name)
		}
	}
	tmpl := splitPath(strings.TrimPrefix(op.Path, "/api/v2"))
	for k, t := range tmpl {
		if !isParam(t) || r.Segments[k] == Unknown {
			continue
		}
		name := strings.Trim(t, "{}")
		v := r.Segments[k]
		if strings.HasSuffix(strings.ToLower(name), "userid") && strings.Contains(v, "@") {
			out = append(out, fmt.Sprintf("path parameter %s is a mail (%s); v2 takes the internal user ID", name, v))
		}
		for _, p := range op.Params {
			if p.Name == name && p.In == "path" && len(p.Enum) > 0 && !slices.Contains(p.Enum, v) {
				out = append(out, fmt.Sprintf("path parameter %s is %q, not one of %s", name, v, strings.Join(p.Enum, ", ")))
			}
		}
	}
	sent := map[string]bool{}
	for _, q := range r.Query {
		name, key, _ := strings.Cut(q, "[")
		key = strings.TrimSuffix(key, "]")
		sent[name] = true
		var spec *V2Param
		for i := range op.Params {
			if op.Params[i].Name == name && op.Params[i].In == "query" {
				spec = &op.Params[i]
			}
		}
		switch {
		case name == "company" || strings.EqualFold(name, "apiKey"):
		case spec == nil:
			out = append(out, "unknown query parameter "+q)
		case key != "" && len(spec.Keys) > 0 && !slices.Contains(spec.Keys, key):
			out = append(out, fmt.Sprintf("query parameter %s takes no [%s] (only %s)", name, key, strings.Join(spec.Keys, ", ")))
		case removed[name]:
			out = append(out, "query parameter "+name+" was removed by the migration guide")
		}
	}
	for _, p := range op.Params {
		if p.In == "query" && p.Required && !sent[p.Name] {
			out = append(out, "missing required query parameter "+p.Name)
		}
	}
	for _, k := range r.Body {
		switch {
		case k == "company" || strings.EqualFold(k, "apiKey"):
		case removed[k]:
			out = append(out, "body parameter "+k+" was removed by the migration guide")
		case len(op.Body) == 0:
			out = append(out, fmt.Sprintf("%s takes no body parameters (got %s)", op.Name, k))
		case !slices.Contains(op.Body, k):
			out = append(out, "unknown body parameter "+k)
		}
	}
	sort.Strings(out)
	return out
}

// guideRemoved returns the parameters the migration guides remove from the
// operation, which win over the reference where they disagree.
func (c *Catalog) guideRemoved(v2 *V2Operation) map[string]bool {
	out := map[string]bool{}
	for _, op := range c.Operations {
		if op.V2.Method != v2.Method || op.V2.Path != v2.Path {
			continue
		}
		for _, r := range op.Rules {
			if r.Kind == "param-removed" || r.Kind == "param-moved" {
				out[r.Param] = true
			}
		}
	}
	return out
}

// V2Request returns the request a call sends when it is a v2 call, as far
// as the reader saw it; ok is false for a call that is not to /api/v2.
func (call *Call) V2Request() (r V2Request, ok bool) {
	u := parseURL(call.URL)
	if u.v2 < 0 || u.v1 >= 0 {
		return r, false
	}
	s := u.norm.s
	rest := u.v2 + len("/api/v2")
	if s[u.v2] != '/' {
		rest = u.v2 + len("api/v2")
	}
	r.Method = call.Method
	for _, seg := range strings.Split(strings.Trim(s[rest:u.pathEnd], "/"), "/") {
		if seg == "" {
			continue
		}
		if strings.ContainsRune(seg, hole) {
			seg = Unknown
		}
		r.Segments = append(r.Segments, seg)
	}
	r.Headers = map[string]string{}
	for _, q := range u.query {
		r.Query = append(r.Query, q.Name)
	}
	for _, p := range call.Params {
		switch p.In {
		case InQuery:
			r.Query = append(r.Query, p.Name)
		case InBody, InForm:
			r.Body = append(r.Body, p.Name)
		case InHeader:
			r.Headers[strings.ToLower(p.Name)] = p.Value
		}
	}
	r.Bearer = call.Bearer
	return r, true
}
