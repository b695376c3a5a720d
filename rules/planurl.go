package rules

import (
	"net/url"
	"slices"
	"sort"
	"strings"
)

// urlBuilder rewrites a parsed v1 URL into its v2 form as replacements of
// ranges of its normalized text, keeping every hole where it is.
type urlBuilder struct {
	cat  *Catalog
	u    *parsedURL
	src  []byte
	reps []replacement
	// added reports that the path added query parameters.
	added bool
	// queryKnown reports that the reader knows the parameters a query
	// written as an expression holds (url.Values it read): they are the
	// call's query Params, removed where they are written.
	queryKnown bool
	text       string
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
			if i, j := b.segRange(k); strings.HasPrefix(b.u.norm.s[i:j], ":") {
				// A path variable (Postman's :externalId) is filled in
				// in the path only: in the query it would be sent as is.
				return leave("the path variable %s would move into the query, where it is not filled in: give the value or a {{variable}}", b.u.norm.s[i:j])
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
		if name, _, _ := strings.Cut(s[q:q+amp], "="); strings.ContainsRune(name, hole) && !b.queryKnown {
			// ?${qs}, "?" + q: parameters the URL does not show.
			return leave("the query string comes from %s, which may carry the v1 credentials: build it without them by hand", b.display(q, q+amp))
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
