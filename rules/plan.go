package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// FixOptions are what a person gives the fixes: the answers a tool cannot
// find in the code.
type FixOptions struct {
	// Users maps a user's mail (lower-case) to the user's internal ID, from
	// a saved List all users response or a CSV (see ParseUserMap).
	Users map[string]string
	// GroupRole is the role Remove a user's role withdraws ({role} in its
	// v2 path); "" leaves those calls to a person.
	GroupRole string
	// Token is the text sent after "Bearer "; "" lets each format choose its
	// own placeholder (${ACCESS_TOKEN} in shell, {{accessToken}} in Postman).
	Token string
}

// The version header every v2 request sends.
const (
	VersionHeader = "360-api-version"
	VersionValue  = "v2.0"
)

// Plan is how one v1 call becomes its v2 request. The rules decide what
// changes; the call's reader (its Fixer) writes the changes outside the URL
// in the call's own syntax.
type Plan struct {
	Call *Call
	Op   *Operation
	// URLEdits rewrite the URL where it is written (path, IDs, filters,
	// query parameters written in the URL) and MethodEdits the method word;
	// both in file coordinates. A Fixer includes them in its result unless
	// its format needs the change written some other way.
	URLEdits    []Edit
	MethodEdits []Edit
	// Method is the v2 method when it differs from the call's, so a Fixer
	// whose format writes the method elsewhere can change it.
	Method string
	// URL is the v2 URL as written after the URL edits, holes as {expr}.
	URL string
	// Remove are the parameters sent outside the URL text (body keys, form
	// fields, separate query items, credentials) that must no longer be
	// sent.
	Remove []Param
	// AddVersion and AddBearer say which headers the request lacks.
	AddVersion, AddBearer bool
	// Token is FixOptions.Token.
	Token string
	// Message says in one line what the fix does.
	Message string
	// FollowUps are what a person must still check once the request is v2
	// (a paginated response, a changed response shape).
	FollowUps []string
}

// Fixer writes a plan in a call's own syntax. Readers that can change their
// calls set Call.Fixer.
type Fixer interface {
	// Fix returns every edit that carries out p (normally p.URLEdits and
	// p.MethodEdits plus the format's own), or an error saying why the
	// call cannot be changed here.
	Fix(p *Plan) ([]Edit, error)
}

// Unfixable explains why a call is left to a person.
type Unfixable struct {
	Reason string
}

func (u *Unfixable) Error() string { return u.Reason }

func leave(format string, args ...any) *Unfixable {
	return &Unfixable{Reason: fmt.Sprintf(format, args...)}
}

// Plan works out the v2 request for call, whose file's content is src.
// It returns why not when the change needs a person: an email where v2 wants
// an internal ID and no user map entry, a role nobody gave, a removed
// parameter whose intent must move to another endpoint, a response the code
// reads in its v1 shape, a URL not written where it can be edited.
func (c *Catalog) Plan(call *Call, src []byte, opt FixOptions) (*Plan, error) {
	u := parseURL(call.URL)
	if u.v1 < 0 {
		return nil, leave("not a v1 call")
	}
	op, note := c.match(call, u)
	if op == nil {
		return nil, leave("no migration guide covers this endpoint: move it to v2 by hand")
	}
	if note != "" {
		return nil, leave("%s", note)
	}
	p := &Plan{Call: call, Op: op, Token: opt.Token}
	if m := op.Rule("method"); m != nil {
		switch call.Method {
		case m.From:
			p.Method = m.To
		case "":
			return nil, leave("the call's method is not written where migaudit can see it; v2 uses %s", m.To)
		}
	}
	if len(call.ErrorCodes) > 0 {
		return nil, leave("the code compares v1 error codes; v2 reports errors differently (see the guide)")
	}
	for _, f := range call.ResponseFields {
		if responseChanged(op, f.Name) {
			return nil, leave("the code reads %s from the v1 response, which v2 changes", f.Name)
		}
	}
	if r := responseRule(op); r != nil && call.ResponseRead {
		return nil, leave("the response is read (by code, a test, a handler, register:, a pipe or a capture) and v2 changes it (%s): update what reads it with the request", r.Title)
	}
	if op.Rule("pagination") != nil && !call.ResponseUnused {
		return nil, leave("v2 pages this list (and changes its items): code reading the response must follow the Link header; migrate it by hand")
	}
	b := &urlBuilder{cat: c, u: u, src: src}
	for _, prm := range call.Params {
		if prm.In == InQuery {
			b.queryKnown = true
		}
	}
	if err := b.path(op, opt, p); err != nil {
		return nil, err
	}
	params := append(append([]Param(nil), u.query...), call.Params...)
	var drop []Param // query parameters written in the URL that go
	for _, prm := range params {
		why, ok := dropParam(op, prm)
		if why != "" {
			return nil, leave("%s", why)
		}
		if !ok {
			continue
		}
		if prm.In == InQuery && u.inURL(prm) {
			drop = append(drop, prm)
			continue
		}
		p.Remove = append(p.Remove, prm)
	}
	if err := b.query(drop); err != nil {
		return nil, err
	}
	if why := formLeft(call.Params, p.Remove); why != "" {
		return nil, leave("%s", why)
	}
	edits, err := b.edits()
	if err != nil {
		return nil, err
	}
	p.URLEdits = edits
	p.URL = b.text
	if p.Method != "" && !call.MethodSpan.IsZero() {
		if e, ok := methodEdit(src, call.MethodSpan, call.Method, p.Method); ok {
			p.MethodEdits = []Edit{e}
		}
	}
	p.AddVersion = !sendsHeader(call, VersionHeader)
	p.AddBearer = !call.Bearer
	p.Message = "Use " + op.V2.Method + " " + op.V2.Path + " (" + op.V2.Name + ")"
	for _, r := range op.Rules {
		switch r.Kind {
		case "pagination", "behaviour", "response":
			if r.Severity != Info {
				p.FollowUps = append(p.FollowUps, r.Title)
			}
		}
	}
	if p.AddBearer {
		p.FollowUps = append(p.FollowUps, "provide an OAuth2 access token (Create an access token, POST /api/v2/oauth2/token) for the Authorization header's placeholder")
	}
	for _, prm := range append(drop, p.Remove...) {
		if r := removedRule(op, prm); r != nil && r.Param == "deleted" {
			p.FollowUps = append(p.FollowUps, "deleted is no longer a filter: read each user's deleted property")
		}
	}
	return p, nil
}

// responseChanged reports whether v2 changes or removes a response property.
func responseChanged(op *Operation, name string) bool {
	for _, r := range op.Rules {
		switch r.Kind {
		case "property-removed", "property-renamed":
			if r.Property == name {
				return true
			}
		case "response":
			if slices.Contains(r.Properties, name) {
				return true
			}
		}
	}
	return false
}

// removedRule returns the rule removing or moving a parameter, or nil.
func removedRule(op *Operation, prm Param) *Rule {
	for _, r := range op.Rules {
		if (r.Kind == "param-removed" || r.Kind == "param-moved") && r.Param == prm.Name && inMatches(r.In, prm.In) {
			return r
		}
	}
	return nil
}

// dropParam says whether a parameter must stop being sent (ok) or why the
// call cannot be fixed because of it (why).
func dropParam(op *Operation, prm Param) (why string, ok bool) {
	if prm.In != InHeader && prm.In != InPath && (strings.EqualFold(prm.Name, "apiKey") || prm.Name == "company") {
		return "", true
	}
	r := removedRule(op, prm)
	if r == nil {
		return "", false
	}
	switch r.Param {
	case "password":
		return "the call sets a password, which v2 changes with Replace the password of a user (PUT /api/v2/users/{userId}/password): split it by hand", false
	case "primaryGroupId":
		return "the call sets primaryGroupId, which v2 changes with Add/Remove a user's role: split it by hand", false
	case "deleteFromPrivateSubgroups":
		if !falseText(prm.Value) {
			return "the call asks to remove the user from private subgroups, which v2 no longer does: call Remove a user's role for each private subgroup", false
		}
	}
	return "", true
}

// sendsHeader reports whether the call sends a header (any value).
func sendsHeader(call *Call, name string) bool {
	for _, prm := range call.Params {
		if prm.In == InHeader && strings.EqualFold(prm.Name, name) {
			return true
		}
	}
	return false
}

// inURL reports whether a query parameter is one written in the URL text.
func (u *parsedURL) inURL(prm Param) bool {
	for _, q := range u.query {
		if q.Span == prm.Span && q.Name == prm.Name {
			return true
		}
	}
	return false
}

var methodWord = regexp.MustCompile(`[A-Za-z]+`)

// methodEdit rewrites the method word inside span (PUT, put, Put, .put)
// keeping its case.
func methodEdit(src []byte, sp Span, from, to string) (Edit, bool) {
	if sp.End > len(src) || sp.Start >= sp.End {
		return Edit{}, false
	}
	text := string(src[sp.Start:sp.End])
	var hit []int
	for _, m := range methodWord.FindAllStringIndex(text, -1) {
		if strings.EqualFold(text[m[0]:m[1]], from) {
			if hit != nil {
				return Edit{}, false // twice: not sure which
			}
			hit = m
		}
	}
	if hit == nil {
		return Edit{}, false
	}
	word := text[hit[0]:hit[1]]
	var repl string
	switch {
	case word == strings.ToUpper(word):
		repl = strings.ToUpper(to)
	case word == strings.ToLower(word):
		repl = strings.ToLower(to)
	default:
		repl = strings.ToUpper(to[:1]) + strings.ToLower(to[1:])
	}
	return Edit{Span: Span{sp.Start + hit[0], sp.Start + hit[1]}, NewText: repl}, true
}

// ParamValues returns the values the v2 reference allows for a parameter
// of an operation, or nil.
func (c *Catalog) ParamValues(method, path, param string) []string {
	if op := c.V2Op(method, path); op != nil {
		for _, p := range op.Params {
			if p.Name == param {
				return p.Enum
			}
		}
	}
	return nil
}

// falseText reports whether a parameter's value as written is false: JSON's
// false, and the spellings YAML readers take for it (False, no, off).
func falseText(v string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(v), `"'`)) {
	case "false", "no", "off":
		return true
	}
	return false
}

// responseRule returns the rule saying v2 answers the operation with
// another response (not just the same one), or nil.
func responseRule(op *Operation) *Rule {
	for _, r := range op.Rules {
		if r.Kind == "response" && r.Severity != Info {
			return r
		}
	}
	return nil
}

// formLeft says why form fields that stay in the body block the fix: v2
// takes JSON bodies, and turning a form into JSON is the code's to do.
func formLeft(params, removed []Param) string {
	for _, prm := range params {
		if prm.In != InForm {
			continue
		}
		gone := false
		for _, r := range removed {
			if r.Span == prm.Span && r.Name == prm.Name {
				gone = true
			}
		}
		if !gone {
			return "the call sends form fields (" + prm.Name + "), and v2 takes a JSON body: send them as JSON by hand"
		}
	}
	return ""
}
