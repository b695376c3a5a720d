package postman

import (
	"fmt"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// defaultToken is the bearer token a fix writes when the user gives none:
// a collection variable the user sets once.
const defaultToken = "{{accessToken}}"

// requestFixer writes a fix plan into one request of a collection. Postman
// writes the URL twice (url.raw, and url.path and url.query parsed from
// it), so the fixer edits raw with the plan's URL edits and rewrites the
// path and query arrays to match the new raw; it changes the method
// string, removes parameters from the query, form and JSON bodies, adds the
// version header to the header list and a bearer auth to the request (which
// overrides any auth inherited from folders or the collection).
type requestFixer struct {
	src   []byte
	style *fileStyle
	// req is the request: an object, or v2.0's bare URL string.
	req *node
	// url is the request's url: a string or an object.
	url *node
	// inherited is the auth block the request inherits, or nil.
	inherited *node
}

func unfixable(format string, args ...any) error {
	return &rules.Unfixable{Reason: fmt.Sprintf(format, args...)}
}

// fix gathers one request's edits.
type fix struct {
	*requestFixer
	p     *rules.Plan
	edits []rules.Edit
	// gone are the plan's parameters to remove, by span, until something
	// removes them.
	gone map[rules.Span]bool
	// first is the text to insert before the request's first member
	// (auth, and the header list when there is no method to follow).
	first []field
}

// Fix returns every edit that carries out p in the request.
func (f *requestFixer) Fix(p *rules.Plan) ([]rules.Edit, error) {
	if f.req.kind != kObject {
		return nil, unfixable("the request is written as a bare URL string, which cannot carry the v2 headers: make it a request object (open and save it in Postman) first")
	}
	x := &fix{requestFixer: f, p: p, gone: map[rules.Span]bool{}}
	for _, prm := range p.Remove {
		x.gone[prm.Span] = true
	}
	steps := []func() error{x.urlEdits, x.method, x.headers, x.auth, x.body}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	for _, prm := range p.Remove {
		if x.gone[prm.Span] {
			return nil, unfixable("the request sends %s where migaudit cannot remove it: remove it by hand", prm.Name)
		}
	}
	if len(x.first) > 0 {
		x.insertFirst()
	}
	return x.edits, nil
}

func (x *fix) add(sp rules.Span, text string) {
	x.edits = append(x.edits, rules.Edit{Span: sp, NewText: text})
}

// method changes the method string.
func (x *fix) method() error {
	if x.p.Method != "" && len(x.p.MethodEdits) == 0 {
		return unfixable("the request's method is not written in it; v2 uses %s", x.p.Method)
	}
	x.edits = append(x.edits, x.p.MethodEdits...)
	return nil
}

// members returns the spans of an object's members.
func members(obj *node) []span { return elemSpans(obj) }

// memberIndex returns the index of an object's member key, or -1.
func memberIndex(obj *node, key string) int {
	for i := len(obj.keys) - 1; i >= 0; i-- {
		if obj.keys[i].str == key {
			return i
		}
	}
	return -1
}

// cutMember removes member i of obj with its comma: up to the next member
// (so an insertion after the previous one never meets it), else from the
// previous one's end.
func (x *fix) cutMember(obj *node, i int) {
	ms := members(obj)
	switch {
	case i+1 < len(ms):
		x.add(rules.Span{Start: ms[i].start, End: ms[i+1].start}, "")
	case i > 0:
		x.add(rules.Span{Start: ms[i-1].end, End: ms[i].end}, "")
	default:
		x.add(rules.Span{Start: obj.span.Start + 1, End: obj.span.End - 1}, "")
	}
}

// memberLayout returns how a new member of obj is written: the text
// between members (comma excluded) and the indentation of a member's line,
// or flat for an object written on one line.
func (x *fix) memberLayout(obj *node) (ws, indent string, flat bool) {
	ms := members(obj)
	ls := x.style.layout(x.src, obj, ms)
	if ls.flat {
		return " ", "", true
	}
	return x.style.nl + ls.indent, ls.indent, false
}

// renderMember writes "key": value for a member of obj.
func (x *fix) renderMember(obj *node, fl field) string {
	_, indent, flat := x.memberLayout(obj)
	return quote(fl.key) + ": " + x.style.render(fl.val, indent, flat)
}

// insertFirst inserts the gathered members before the request's first
// member.
func (x *fix) insertFirst() {
	ws, _, _ := x.memberLayout(x.req)
	var parts []string
	for _, fl := range x.first {
		parts = append(parts, x.renderMember(x.req, fl))
	}
	if len(x.req.keys) == 0 {
		ls := x.style.layout(x.src, x.req, nil)
		x.add(rules.Span{Start: x.req.span.Start + 1, End: x.req.span.End - 1}, ls.join(parts))
		return
	}
	at := x.req.keys[0].span.Start
	x.add(rules.Span{Start: at, End: at}, strings.Join(parts, ","+ws)+","+ws)
}

// insertAfter inserts a member after member i of the request.
func (x *fix) insertAfter(i int, fl field) {
	x.insertMember(x.req, i, fl)
}

// insertMember inserts a member after member i of obj.
func (x *fix) insertMember(obj *node, i int, fl field) {
	ws, _, _ := x.memberLayout(obj)
	at := obj.vals[i].span.End
	x.add(rules.Span{Start: at, End: at}, ","+ws+x.renderMember(obj, fl))
}

// headers adds the version header and removes the headers the plan drops.
func (x *fix) headers() error {
	h := x.req.get("header")
	entry := []field{{"key", str(rules.VersionHeader)}, {"value", str(rules.VersionValue)}}
	switch {
	case h == nil || h.kind == kNull:
		if !x.p.AddVersion {
			return nil
		}
		list := field{"header", array(object(entry...))}
		if h != nil {
			x.add(h.span, x.style.render(list.val, lineIndent(x.src, h.span.Start), x.style.compact))
			return nil
		}
		if m := memberIndex(x.req, "method"); m >= 0 {
			x.insertAfter(m, list)
		} else {
			x.first = append(x.first, list)
		}
		return nil
	case h.kind == kString:
		for _, e := range (&walker{src: x.src}).headers(h, &rules.Call{}) {
			if x.gone[e.Span] {
				return unfixable("the request's header %s cannot be removed from its header text: remove it by hand", e.Name)
			}
		}
		if !x.p.AddVersion {
			return nil
		}
		line := rules.VersionHeader + ": " + rules.VersionValue
		switch {
		case strings.TrimSpace(h.str) == "":
			x.add(rules.Span{Start: h.span.Start + 1, End: h.span.End - 1}, line)
		case strings.HasSuffix(h.str, "\n"):
			x.add(rules.Span{Start: h.span.End - 1, End: h.span.End - 1}, escape(line+"\n"))
		default:
			x.add(rules.Span{Start: h.span.End - 1, End: h.span.End - 1}, escape("\n"+line))
		}
		return nil
	case h.kind == kArray:
		typed := false
		for _, e := range h.elems {
			typed = typed || e.get("type") != nil
		}
		if typed {
			entry = append(entry, field{"type", str("text")})
		}
		var add []value
		if x.p.AddVersion {
			add = append(add, object(entry...))
		}
		x.rewriteList(h, nil, add)
		return nil
	}
	return unfixable("the request's header is neither a list nor text")
}

// rewriteList rewrites an array: the elements whose span the plan removes
// go (with those keep says to drop), and add are appended. It makes no
// edit when nothing changes.
func (x *fix) rewriteList(list *node, drop func(i int) bool, add []value) {
	spans := elemSpans(list)
	ls := x.style.layout(x.src, list, spans)
	var items []string
	changed := len(add) > 0
	for i, e := range list.elems {
		if x.gone[e.span] || drop != nil && drop(i) {
			x.gone[e.span] = false
			changed = true
			continue
		}
		items = append(items, string(x.src[e.span.Start:e.span.End]))
	}
	if !changed {
		return
	}
	flat := ls.flat || len(list.elems) > 0 && !strings.Contains(items0(x.src, list), "\n")
	for _, v := range add {
		items = append(items, x.style.render(v, ls.indent, flat))
	}
	x.add(rules.Span{Start: list.span.Start + 1, End: list.span.End - 1}, ls.join(items))
}

// items0 returns the text of a list's first element.
func items0(src []byte, list *node) string {
	if len(list.elems) == 0 {
		return ""
	}
	return string(src[list.elems[0].span.Start:list.elems[0].span.End])
}

// auth gives the request its own bearer auth when the plan adds one, or
// when the v1 credentials it must stop sending come from an auth block
// (its own, or inherited: the request's own auth overrides that).
func (x *fix) auth() error {
	own := x.req.get("auth")
	need := x.p.AddBearer
	if own != nil && x.gone[own.span] {
		x.gone[own.span] = false
		need = true
	}
	if x.inherited != nil && x.gone[x.inherited.span] {
		x.gone[x.inherited.span] = false
		need = true
	}
	if !need {
		return nil
	}
	val := object(field{"type", str("noauth")})
	if x.p.AddBearer {
		val = x.bearer()
	}
	if own == nil {
		x.first = append(x.first, field{"auth", val})
		return nil
	}
	if own.kind == kObject {
		switch typ := strings.ToLower(own.text("type")); typ {
		case "", "inherit", "noauth":
		case "apikey":
			attrs := authAttrs(own.get("apikey"))
			if attrs == nil {
				attrs = authAttrs(own.get("apiKey"))
			}
			if k := attrs["key"]; k != nil && k.kind == kString && !strings.EqualFold(k.str, "apiKey") && k.str != "company" {
				return unfixable("the request's own API key auth sends %s, which is not a v1 credential: give it a bearer token by hand", k.str)
			}
		default:
			return unfixable("the request has its own %s auth: replace it with a bearer token by hand", typ)
		}
	} else if own.kind != kNull {
		return unfixable("the request's auth is not an object")
	}
	k := x.req.keyOf("auth")
	_, _, flat := x.memberLayout(x.req)
	x.add(own.span, x.style.render(val, lineIndent(x.src, k.span.Start), flat))
	return nil
}

// bearer is Postman's bearer auth with the plan's token.
func (x *fix) bearer() value {
	tok := x.p.Token
	if tok == "" {
		tok = defaultToken
	}
	if x.style.v20 {
		return object(field{"type", str("bearer")}, field{"bearer", object(field{"token", str(tok)})})
	}
	return object(field{"type", str("bearer")}, field{"bearer", array(object(
		field{"key", str("token")}, field{"value", str(tok)}, field{"type", str("string")},
	))})
}

// body removes the form fields and JSON keys the plan drops; a body left
// with nothing goes whole.
func (x *fix) body() error {
	b := x.req.get("body")
	if b == nil || b.kind != kObject {
		return nil
	}
	switch mode := b.text("mode"); mode {
	case "urlencoded", "formdata":
		list := b.get(mode)
		if list == nil || list.kind != kArray {
			return nil
		}
		gone := make([]bool, len(list.elems))
		n := 0
		for i, e := range list.elems {
			if x.gone[e.span] {
				x.gone[e.span] = false
				gone[i] = true
				n++
			}
		}
		switch n {
		case 0:
		case len(list.elems):
			x.cutMember(x.req, memberIndex(x.req, "body"))
		default:
			for _, r := range removeRuns(elemSpans(list), gone, span{list.span.Start + 1, list.span.End - 1}) {
				x.add(rules.Span{Start: r.start, End: r.end}, "")
			}
		}
	case "raw":
		return x.rawBody(b)
	}
	return nil
}

// rawBody removes keys from a JSON body written as a JSON string: the
// ranges to cut are found in the decoded body and mapped back to the
// file's escaped text, so whole escapes go and the string stays valid.
func (x *fix) rawBody(b *node) error {
	raw := b.get("raw")
	if raw == nil || raw.kind != kString {
		return nil
	}
	s, offs := (&walker{src: x.src}).strMap(raw)
	root, err := parseJSON(sanitizeJSON(s), 0)
	if root == nil || root.kind != kObject {
		return nil
	}
	ms := elemSpans(root)
	gone := make([]bool, len(ms))
	n := 0
	for i, m := range ms {
		sp := rules.Span{Start: offs[m.start], End: offs[m.end]}
		if x.gone[sp] {
			x.gone[sp] = false
			gone[i] = true
			n++
		}
	}
	switch {
	case n == 0:
		return nil
	case err != nil:
		return unfixable("the request's JSON body does not parse: remove its v1 parameters by hand")
	case n == len(ms):
		x.cutMember(x.req, memberIndex(x.req, "body"))
		return nil
	}
	for _, r := range removeRuns(ms, gone, span{root.span.Start + 1, root.span.End - 1}) {
		x.add(rules.Span{Start: offs[r.start], End: offs[r.end]}, "")
	}
	return nil
}
