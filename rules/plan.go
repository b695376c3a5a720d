package rules

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
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
	if op.Rule("pagination") != nil && !call.ResponseUnused {
		return nil, leave("v2 pages this list (and changes its items): code reading the response must follow the Link header; migrate it by hand")
	}
	b := &urlBuilder{cat: c, u: u, src: src}
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
		if strings.Trim(strings.TrimSpace(prm.Value), `"'`) != "false" {
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

// urlBuilder rewrites a parsed v1 URL into its v2 form as replacements of
// ranges of its normalized text, keeping every hole where it is.
type urlBuilder struct {
	cat  *Catalog
	u    *parsedURL
	src  []byte
	reps []replacement
	// added reports that the path added query parameters.
	added bool
	text  string
}

type replacement struct {
	i, j int // range of u.norm.s
	text string
}

// segRange returns the normalized-text range of path segment k.
func (b *urlBuilder) segRange(k int) (int, int) {
	s := b.u.norm.s
	i := b.u.v1 + len("/api/v1")
	if s[b.u.v1] != '/' {
		i = b.u.v1 + len("api/v1")
	}
	for n := 0; ; n++ {
		for i < b.u.pathEnd && s[i] == '/' {
			i++
		}
		j := i
		for j < b.u.pathEnd && s[j] != '/' {
			j++
		}
		if n == k {
			return i, j
		}
		i = j
	}
}

// path turns the v1 path into the op's v2 path: literal text between the
// values the call passes is replaced, the values stay (or, for a user given
// by mail, become the user's ID).
func (b *urlBuilder) path(op *Operation, opt FixOptions, p *Plan) error {
	v1 := op.segments
	if len(v1) != len(b.u.segs) {
		return leave("the path does not have the shape of %s", op.V1.Path)
	}
	bind := map[string]int{} // normalized param name → v1 segment index
	for i, t := range v1 {
		if isParam(t) {
			bind[normName(t)] = i
		}
	}
	// The v2 path, then query pieces from path parameters that became filters.
	type piece struct {
		lit string
		ref int // v1 segment index, or -1
		val string
	}
	var pieces []piece
	lit := func(s string) { pieces = append(pieces, piece{lit: s, ref: -1}) }
	ident := op.Rule("identifier")
	for i, t := range splitPath(strings.TrimPrefix(op.V2.Path, "/api/v2")) {
		if i == 0 {
			lit("/api/v2/")
		} else {
			lit("/")
		}
		if !isParam(t) {
			lit(t)
			continue
		}
		name := normName(t)
		if r := op.Rule("path-added"); r != nil && normName(r.Param) == name {
			role, err := b.role(op, r, opt.GroupRole)
			if err != nil {
				return err
			}
			lit(role)
			continue
		}
		if ident != nil && normName(ident.V2Param) == name {
			k, ok := bind[normName(ident.Param)]
			if !ok {
				return leave("the v1 path has no %s segment", ident.Param)
			}
			id, err := b.userID(k, opt, ident)
			if err != nil {
				return err
			}
			pieces = append(pieces, piece{ref: k, val: id})
			continue
		}
		k, ok := bind[name]
		if !ok {
			return leave("nothing in the v1 call gives the v2 path parameter %s", t)
		}
		pieces = append(pieces, piece{ref: k})
	}
	sep := "?"
	for _, r := range op.Rules {
		if r.Kind == "param-modified" && r.V2Param != "" {
			k, ok := bind[normName(r.Param)]
			if !ok {
				continue
			}
			lit(sep + r.V2Param + "=")
			pieces = append(pieces, piece{ref: k})
			sep = "&"
		}
	}
	for _, r := range op.Rules {
		if r.Kind == "param-added" && r.In == InQuery && r.Value != "" && r.Severity != Info {
			lit(sep + r.Param + "=" + r.Value)
			sep = "&"
		}
	}
	b.added = sep == "&"
	// Replace the text between consecutive values; values keep their place.
	start := b.u.v1
	var out strings.Builder
	pending := ""
	last := -1
	for _, pc := range pieces {
		if pc.ref < 0 {
			pending += pc.lit
			continue
		}
		if pc.ref <= last {
			return leave("v2 orders the path's values differently: rewrite it by hand")
		}
		i, j := b.segRange(pc.ref)
		b.reps = append(b.reps, replacement{start, i, pending})
		out.WriteString(pending)
		if pc.val != "" {
			b.reps = append(b.reps, replacement{i, j, pc.val})
			out.WriteString(pc.val)
		} else {
			out.WriteString(b.display(i, j))
		}
		pending, start, last = "", j, pc.ref
	}
	b.reps = append(b.reps, replacement{start, b.u.pathEnd, pending})
	out.WriteString(pending)
	b.text = b.display(0, b.u.v1) + out.String()
	return nil
}

// role checks the role a person gave against the v2 reference's values.
func (b *urlBuilder) role(op *Operation, r *Rule, role string) (string, error) {
	values := b.cat.ParamValues(op.V2.Method, op.V2.Path, r.Param)
	if role == "" {
		return "", leave("v2 names the role to withdraw in the path: give it with --group-role (one of %s)", strings.Join(values, ", "))
	}
	if len(values) > 0 && !slices.Contains(values, role) {
		return "", leave("--group-role %s is not a role of the v2 reference (%s)", role, strings.Join(values, ", "))
	}
	return role, nil
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

// display renders u.norm.s[i:j] with holes as their source text.
func (b *urlBuilder) display(i, j int) string {
	var out strings.Builder
	s := b.u.norm.s
	for k := i; k < j; k++ {
		if s[k] != hole {
			out.WriteByte(s[k])
			continue
		}
		sp := b.u.norm.spans[k]
		for k+1 < j && s[k+1] == hole && b.u.norm.spans[k+1] == sp {
			k++
		}
		if sp.End <= len(b.src) && sp.Start < sp.End {
			text := string(b.src[sp.Start:sp.End])
			if placeholderLen(text) != len(text) {
				text = "{" + text + "}" // an expression: mark where it goes
			}
			out.WriteString(text)
		} else {
			out.WriteString("{…}")
		}
	}
	return out.String()
}

// userID checks the user segment: an internal ID stays, a mail in the user
// map becomes its ID, anything else leaves the call to a person.
func (b *urlBuilder) userID(k int, opt FixOptions, r *Rule) (string, error) {
	i, j := b.segRange(k)
	seg := b.u.norm.s[i:j]
	if strings.HasPrefix(seg, ":") && len(seg) > 1 {
		// A path variable (Postman's :user_email, Express-style :id).
		if idLike(seg) {
			return "", nil
		}
		return "", leave("v2 takes the internal user ID; this call passes %s, which may be a mail: look the ID up with List all users (GET /api/v2/users) and pass it", seg)
	}
	if !strings.ContainsRune(seg, hole) {
		text := seg
		if un, err := url.PathUnescape(seg); err == nil {
			text = un
		}
		switch {
		case objectID.MatchString(text):
			return "", nil
		case strings.Contains(text, "@"):
			if id := opt.Users[strings.ToLower(text)]; id != "" {
				return id, nil
			}
			if opt.Users == nil {
				return "", leave("v2 takes the internal user ID, not the mail %s: give a user map (--user-map) or look the ID up with List all users (GET /api/v2/users)", text)
			}
			return "", leave("v2 takes the internal user ID, and the user map has no user with mail %s", text)
		}
		return "", leave("v2 takes the internal user ID; %q does not look like one (24 hexadecimal digits)", text)
	}
	expr := b.display(i, j)
	if seg == string(hole) && idLike(expr) {
		return "", nil
	}
	return "", leave("v2 takes the internal user ID; this call passes %s, which may be a mail: look the ID up with List all users (GET /api/v2/users) and pass it", expr)
}

// idLike reports whether a placeholder or expression names an ID and not a mail:
// {userId}, ${USER_ID}, {{learner_id}}, u.ID.
func idLike(expr string) bool {
	e := strings.ToLower(expr)
	if strings.Contains(e, "mail") {
		return false
	}
	e = strings.TrimRight(e, "}]) \"'")
	return strings.HasSuffix(e, "id") || strings.HasSuffix(e, "_id")
}

// normName reduces a template parameter (":user_email", "{userId}") to a
// comparable name.
func normName(t string) string {
	t = strings.Trim(t, ":{}")
	return strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(t, "_", ""), "-", ""))
}

// query removes the query parameters written in the URL that must go, and
// joins what remains to the filters the path added.
func (b *urlBuilder) query(drop []Param) error {
	s := b.u.norm.s
	if b.u.pathEnd >= len(s) || s[b.u.pathEnd] != '?' {
		return nil
	}
	type qp struct {
		i, j int
		drop bool
	}
	var all []qp
	q := b.u.pathEnd + 1
	end := len(s)
	if k := strings.IndexByte(s[q:], '#'); k >= 0 {
		end = q + k
	}
	for q < end {
		amp := strings.IndexByte(s[q:end], '&')
		if amp < 0 {
			amp = end - q
		}
		sp := b.u.norm.span(q, q+amp)
		d := false
		for _, prm := range drop {
			if prm.Span == sp {
				d = true
			}
		}
		all = append(all, qp{q, q + amp, d})
		q += amp + 1
	}
	keptAfter := func(k int) bool {
		for _, p := range all[k+1:] {
			if !p.drop {
				return true
			}
		}
		return false
	}
	anyKept := false
	for k, p := range all {
		if !p.drop {
			anyKept = true
			continue
		}
		if keptAfter(k) {
			b.reps = append(b.reps, replacement{p.i, p.j + 1, ""})
		} else {
			b.reps = append(b.reps, replacement{p.i - 1, p.j, ""})
		}
	}
	if anyKept && b.added {
		// The kept parameters follow the added filters. A removal never
		// takes the '?' while a parameter is kept.
		b.reps = append(b.reps, replacement{b.u.pathEnd, b.u.pathEnd + 1, "&"})
	}
	// The plan's URL text, for messages: drop what goes.
	var kept []string
	for _, p := range all {
		if !p.drop {
			kept = append(kept, b.display(p.i, p.j))
		}
	}
	if len(kept) > 0 {
		sep := "?"
		if b.added {
			sep = "&"
		}
		b.text += sep + strings.Join(kept, "&")
	}
	return nil
}

// edits turns the replacements into file edits. Each replaced range must be
// written contiguously in the file (one literal, or literal text and the
// placeholders inside it), and an insertion must land inside literal text.
func (b *urlBuilder) edits() ([]Edit, error) {
	n := b.u.norm
	sort.Slice(b.reps, func(x, y int) bool { return b.reps[x].i < b.reps[y].i })
	var out []Edit
	for _, r := range b.reps {
		if r.i == r.j {
			if r.text == "" {
				continue
			}
			// Insert after the literal byte before, else before the one after.
			switch {
			case r.i > 0 && n.s[r.i-1] != hole && n.spans[r.i-1].End-n.spans[r.i-1].Start == 1:
				at := n.spans[r.i-1].End
				out = append(out, Edit{Span: Span{at, at}, NewText: r.text})
			case r.i < len(n.s) && n.s[r.i] != hole && n.spans[r.i].End-n.spans[r.i].Start == 1:
				at := n.spans[r.i].Start
				out = append(out, Edit{Span: Span{at, at}, NewText: r.text})
			default:
				return nil, leave("the URL is built from pieces migaudit cannot edit in place")
			}
			continue
		}
		if sub := n.s[r.i:r.j]; sub == r.text {
			continue
		}
		sp, ok := n.contiguous(r.i, r.j)
		if !ok {
			return nil, leave("the part of the URL that changes is not written in one place (it is built from pieces or comes from elsewhere)")
		}
		out = append(out, Edit{Span: sp, NewText: r.text})
	}
	return MergeEdits(out)
}

// contiguous returns the file span of norm.s[i:j] when its bytes are written
// one after another in the file: literal text and the placeholders or
// interpolations inside it ("…&apiKey=${KEY}"), not pieces joined by code.
func (n normURL) contiguous(i, j int) (Span, bool) {
	for k := i; k < j; k++ {
		sp := n.spans[k]
		if n.s[k] != hole && sp.End-sp.Start != 1 {
			return Span{}, false // a literal that is not raw
		}
		if k > i && sp != n.spans[k-1] && sp.Start != n.spans[k-1].End {
			return Span{}, false
		}
	}
	return Span{n.spans[i].Start, n.spans[j-1].End}, true
}
