package rules

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
)

// DefaultHosts are the hosts taken for 360Learning's without configuration.
var DefaultHosts = []string{"360learning.com", "*.360learning.com", "360learning-dev.com", "*.360learning-dev.com"}

// Options tune a check.
type Options struct {
	// Hosts are more host patterns (path.Match syntax, e.g. "lms.acme.io" or
	// "*.lms.acme.io") that serve 360Learning's API.
	Hosts []string
}

// IsHost reports whether host (lower-case, without port) is a 360Learning
// host: one of DefaultHosts or opt.Hosts. A host with holes matches when its
// literal domain after the last hole does.
func (opt *Options) IsHost(host string) bool {
	if i := strings.LastIndexByte(host, hole); i >= 0 {
		host = "x" + host[i+1:]
	}
	match := func(patterns []string) bool {
		for _, p := range patterns {
			if ok, _ := path.Match(strings.ToLower(p), host); ok {
				return true
			}
		}
		return false
	}
	return match(DefaultHosts) || opt != nil && match(opt.Hosts)
}

var objectID = regexp.MustCompile(`^[0-9a-fA-F]{24}$`)

// Check returns the findings the catalog's rules make about call. Calls that
// are not to 360Learning's API v1 give none.
func (c *Catalog) Check(call *Call, opt *Options) []Finding {
	u := parseURL(call.URL)
	if u.v1 < 0 {
		return nil
	}
	params := append(append([]Param(nil), u.query...), call.Params...)
	creds := credentials(params)
	if !u.templated && !opt.IsHost(u.host) {
		return nil // an explicit other host: not ours
	}
	op, methodNote := c.match(call, u)
	if u.templated && op == nil && !c.knownResource(u.segs) && len(creds) < 2 {
		return nil // nothing says this is 360Learning
	}
	at := call.URLSpan()
	if at.IsZero() {
		at = call.Span
	}
	fs := &findings{file: call.File}
	if op == nil {
		c.unmapped(fs, call, u, at)
	} else {
		c.mapped(fs, call, u, op, methodNote, params, at, len(creds) > 0)
	}
	if len(creds) > 0 {
		r := c.commonRule("auth")
		if r != nil {
			where := map[Location]bool{}
			var names []string
			sp := Span{}
			for _, p := range creds {
				where[p.In] = true
				names = append(names, p.Name)
				sp = sp.Cover(p.Span)
			}
			// One span for credentials written side by side (company=…&apiKey=…);
			// apart (a collection's auth block and a request), the first one.
			if len(where) > 1 || !adjacent(creds) {
				sp = creds[0].Span
			}
			loc := string(creds[0].In)
			if loc == string(InForm) {
				loc = "form data"
			}
			fs.add(r, opName(op), sp, fmt.Sprintf("v1 credentials %s in the %s: %s", strings.Join(names, " and "), loc, r.Short))
		}
	}
	return fs.list
}

type findings struct {
	file string
	list []Finding
}

func (fs *findings) add(r *Rule, op string, at Span, msg string) {
	fs.list = append(fs.list, Finding{
		Rule: r.ID, Severity: r.Severity, Operation: op, Path: fs.file, Message: msg, Span: at,
	})
}

func opName(op *Operation) string {
	if op == nil {
		return ""
	}
	return op.Name
}

// adjacent reports whether the parameters are written next to each other,
// with at most a separator or two between them.
func adjacent(ps []Param) bool {
	spans := make([]Span, len(ps))
	for i, p := range ps {
		spans[i] = p.Span
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	for i := 1; i < len(spans); i++ {
		if spans[i].Start-spans[i-1].End > 8 {
			return false
		}
	}
	return true
}

func credentials(params []Param) []Param {
	var out []Param
	for _, p := range params {
		if p.In == InHeader || p.In == InPath {
			continue
		}
		if strings.EqualFold(p.Name, "apiKey") || p.Name == "company" {
			out = append(out, p)
		}
	}
	return out
}

// match finds the catalog operation for the call's path and method. When the
// method is unknown and the path fits an operation, the operation is taken
// and the note says so.
func (c *Catalog) match(call *Call, u *parsedURL) (*Operation, string) {
	var best *Operation
	bestScore := -1
	for _, op := range c.Operations {
		score, ok := matchSegments(op.segments, u.segs)
		if !ok {
			continue
		}
		if call.Method != "" && call.Method != op.V1.Method {
			continue
		}
		if score > bestScore {
			best, bestScore = op, score
		}
	}
	if best != nil && call.Method == "" {
		return best, fmt.Sprintf("the method is not written here: if it is not %s, this is another v1 endpoint", best.V1.Method)
	}
	return best, ""
}

// matchSegments matches path segments against a template; the score counts
// the literal segments matched.
func matchSegments(tmpl, segs []string) (int, bool) {
	if len(tmpl) != len(segs) {
		return 0, false
	}
	score := 0
	for i, t := range tmpl {
		if isParam(t) {
			if segs[i] == "" {
				return 0, false
			}
			continue
		}
		if segs[i] != t {
			return 0, false
		}
		score++
	}
	return score, true
}

func isParam(seg string) bool {
	return strings.HasPrefix(seg, ":") || strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}")
}

func (c *Catalog) knownResource(segs []string) bool {
	if len(segs) == 0 {
		return false
	}
	_, ok := c.Resources[segs[0]]
	return ok
}

// mapped reports a call to an operation a guide covers.
func (c *Catalog) mapped(fs *findings, call *Call, u *parsedURL, op *Operation, methodNote string, params []Param, at Span, hasCreds bool) {
	var notes []string
	if methodNote != "" {
		notes = append(notes, methodNote)
	}
	for _, r := range op.Rules {
		switch r.Kind {
		case "method":
			if call.Method == "" || call.Method == r.From {
				notes = append(notes, r.Short)
			}
		case "identifier":
			if note := identifierNote(r, op, u); note != "" {
				notes = append(notes, note)
			}
		case "path-added", "param-modified", "pagination", "response", "behaviour":
			if r.Short != "" && r.Severity != Info {
				notes = append(notes, r.Short)
			}
		case "param-added":
			if r.Short != "" && r.Severity != Info && !hasParam(params, r.Param) {
				notes = append(notes, r.Short)
			}
		}
	}
	if !hasCreds && !call.Bearer {
		if r := c.commonRule("auth"); r != nil {
			notes = append(notes, "send a bearer token and the 360-api-version: v2.0 header")
		}
	}
	ep := op.Rule("endpoint")
	msg := ep.Short
	if len(notes) > 0 {
		msg += ": " + strings.Join(notes, "; ")
	}
	fs.add(ep, op.Name, at, msg)

	for _, r := range op.Rules {
		switch r.Kind {
		case "param-removed", "param-moved":
			for _, p := range params {
				if p.Name != r.Param || !inMatches(r.In, p.In) {
					continue
				}
				// The finding sits on the name, where a reader looks for it.
				at := p.NameSpan
				if at.IsZero() {
					at = p.Span
				}
				fs.add(r, op.Name, at, fmt.Sprintf("%s. %s", r.Title, adviceOf(r.Text)))
			}
		case "property-removed", "property-renamed", "response":
			props := r.Properties
			if r.Property != "" {
				props = []string{r.Property}
			}
			for _, f := range call.ResponseFields {
				for _, p := range props {
					if f.Name == p {
						fs.add(r, op.Name, f.Span, fmt.Sprintf("%s reads %s from the %s response: %s", op.Name, p, op.Name, r.Title))
					}
				}
			}
		case "error-removed":
			for _, e := range call.ErrorCodes {
				if e.Name == r.Code {
					fs.add(r, op.Name, e.Span, r.Title+": "+strings.Join(strings.Fields(r.Text), " "))
				}
			}
		}
	}
}

func inMatches(want, got Location) bool {
	if want == InBody {
		return got == InBody || got == InForm
	}
	return want == got
}

func hasParam(params []Param, name string) bool {
	for _, p := range params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// adviceOf returns the advice of a rule's text: what follows
// its first sentence, flattened to one line.
func adviceOf(text string) string {
	t := strings.Join(strings.Fields(text), " ")
	if i := strings.Index(t, ". "); i >= 0 {
		return t[i+2:]
	}
	return t
}

// identifierNote says what the call passes where v2 wants an internal ID.
func identifierNote(r *Rule, op *Operation, u *parsedURL) string {
	idx := -1
	for i, t := range op.segments {
		if strings.Trim(t, ":{}") == r.Param {
			idx = i
		}
	}
	if idx < 0 || idx >= len(u.segs) {
		return r.Short
	}
	seg := u.segs[idx]
	switch {
	case objectID.MatchString(seg):
		return "" // already an internal ID
	case strings.Contains(seg, "@"):
		return "this passes an email where v2 takes the internal user ID: look it up with List all users (GET /api/v2/users) and use its _id"
	}
	return r.Short + " (get it from List all users: the _id of the user whose mail matches)"
}

// unmapped reports a v1 call no guide covers, naming v2 candidates.
func (c *Catalog) unmapped(fs *findings, call *Call, u *parsedURL, at Span) {
	r := c.commonRule("unmapped")
	if r == nil {
		return
	}
	method := call.Method
	shown := method
	if shown == "" {
		shown = "(method unknown)"
	}
	msg := fmt.Sprintf("v1 call %s %s: %s", shown, pathText("/api/v1", u.segs), r.Short)
	if cands := c.Candidates(method, u.segs); len(cands) > 0 {
		var names []string
		for _, op := range cands {
			names = append(names, fmt.Sprintf("%s %s (%s)", op.Method, op.Path, op.Name))
		}
		msg += "; v2 candidates to check: " + strings.Join(names, ", ")
	} else {
		msg += "; find its v2 counterpart in the v2 reference"
	}
	fs.add(r, "", at, msg)
}

// Candidates returns up to three v2 operations on the same resource as the v1
// path segments, best first.
func (c *Catalog) Candidates(method string, segs []string) []*V2Operation {
	if len(segs) == 0 {
		return nil
	}
	res, ok := c.Resources[segs[0]]
	if !ok {
		return nil
	}
	type scored struct {
		op    *V2Operation
		score int
	}
	var list []scored
	for i := range c.V2 {
		op := &c.V2[i]
		v2segs := splitPath(strings.TrimPrefix(op.Path, "/api/v2"))
		if len(v2segs) == 0 || v2segs[0] != res {
			continue
		}
		score := 0
		if method != "" && op.Method == method {
			score += 4
		}
		for _, s := range segs[1:] {
			if strings.ContainsRune(s, hole) || s == "" {
				continue
			}
			for _, t := range v2segs[1:] {
				if strings.EqualFold(kebab(s), t) || strings.EqualFold(s, t) {
					score += 3
				}
			}
		}
		// Same shape: a parameter where the v1 path has a hole.
		if d := len(v2segs) - len(segs); d == 0 {
			score += 2
		} else if d == 1 || d == -1 {
			score++
		}
		list = append(list, scored{op, score})
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].score > list[j].score })
	var out []*V2Operation
	for _, s := range list {
		if len(out) == 3 || len(out) > 0 && s.score < list[0].score-2 {
			break
		}
		out = append(out, s.op)
	}
	return out
}

// kebab turns camelCase into kebab-case: customFields → custom-fields.
func kebab(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			if i > 0 {
				b.WriteByte('-')
			}
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}
