package postman

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// maxFolderDepth bounds how deep folders are followed (the parser already
// bounds nesting; this keeps the walk's own recursion modest).
const maxFolderDepth = 1000

// walker reads one collection file.
type walker struct {
	file  string
	src   []byte
	found *rules.Found
	// steps is the budget of variable lookups (see maxLookupSteps).
	steps int
	// style is how the file is written, for the fixes' insertions.
	style *fileStyle
}

// scope is what a request inherits from its folders and the collection.
type scope struct {
	// vars holds the variables with a usable value, by name; nil when
	// there are none.
	vars *varScope
	// auth is the nearest auth block; nil when there is none.
	auth *node
	// tests reports that the collection or an enclosing folder has a test
	// script, which may read the response of every request below it;
	// readsBody that one of them reads the response's body.
	tests, readsBody bool
}

func readCollection(file string, src []byte, root *node) *rules.Found {
	w := &walker{file: file, src: src, found: &rules.Found{}, steps: maxLookupSteps, style: newFileStyle(src, root)}
	sc := scope{vars: addVariables(nil, root.get("variable"), &w.steps)}
	if a := authBlock(root); a != nil {
		sc.auth = a
	}
	sc.tests, sc.readsBody = testScript(root)
	w.events(root)
	w.items(root.get("item"), sc, 0)
	return w.found
}

// items reads an item array: requests and folders, at any depth.
func (w *walker) items(list *node, sc scope, depth int) {
	if list == nil || list.kind != kArray || depth > maxFolderDepth {
		return
	}
	for _, it := range list.elems {
		if it.kind != kObject {
			continue
		}
		inner := sc
		inner.vars = addVariables(sc.vars, it.get("variable"), &w.steps)
		if a := authBlock(it); a != nil {
			inner.auth = a
		}
		tests, body := testScript(it)
		inner.tests, inner.readsBody = sc.tests || tests, sc.readsBody || body
		w.events(it)
		if req := it.get("request"); req != nil {
			w.request(it, req, inner)
		}
		w.items(it.get("item"), inner, depth+1)
	}
}

// request reads one request item into a call (or a pending call).
func (w *walker) request(item, req *node, sc scope) {
	call := rules.Call{File: w.file, Reader: readerName, Span: item.span, ResponseUnused: !sc.tests, ResponseRead: sc.readsBody}
	inherited := sc.auth
	var urlNode *node
	switch req.kind {
	case kString: // v2.0: "request": "https://…", a GET
		urlNode = req
	case kObject:
		urlNode = req.get("url")
		if a := authBlock(req); a != nil {
			sc.auth = a
		}
	default:
		return
	}
	if m := req.get("method"); m != nil && m.kind == kString && strings.TrimSpace(m.str) != "" {
		call.Method = strings.ToUpper(strings.TrimSpace(m.str))
		call.MethodSpan = m.span
	} else {
		call.Method = "GET" // Postman's default
		call.MethodImplied = true
	}
	if urlNode == nil {
		return
	}
	u := w.url(urlNode, sc.vars)
	if len(u.parts) == 0 {
		return
	}
	call.URL = u.parts
	call.Params = append(call.Params, u.params...)
	if req.kind == kObject {
		call.Params = append(call.Params, w.headers(req.get("header"), &call)...)
		call.Params = append(call.Params, w.body(req.get("body"))...)
	}
	for _, p := range w.auth(sc.auth, &call) {
		if !sends(&call, p.Name) {
			call.Params = append(call.Params, p)
		}
	}
	if base, ok := pendingBase(call.URL); ok {
		call.URL = splitLead(call.URL)
		anchor(call.URL, u.start)
		w.found.Pending = append(w.found.Pending, rules.Pending{Call: call, Base: base})
		return
	}
	anchor(call.URL, u.start)
	call.Fixer = &requestFixer{src: w.src, style: w.style, req: req, url: urlNode, inherited: inherited}
	w.found.Calls = append(w.found.Calls, call)
}

// sends reports whether a call already sends a parameter named name, in its
// URL's query or among its params: an API key the request writes itself is
// reported there, not a second time from the inherited auth.
func sends(call *rules.Call, name string) bool {
	if hasPair(queryPairs(call.URLText()), name) {
		return true
	}
	for _, p := range call.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// authBlock returns the auth block n sets for itself and what it holds, or
// nil when n inherits its auth (no block, null, or type "inherit").
func authBlock(n *node) *node {
	a := n.get("auth")
	if a == nil || a.kind != kObject || strings.EqualFold(a.text("type"), "inherit") {
		return nil
	}
	return a
}

// auth turns the effective auth block into what the call sends: a bearer
// token, or an API key in the query or a header.
func (w *walker) auth(a *node, call *rules.Call) []rules.Param {
	if a == nil {
		return nil
	}
	typ := strings.ToLower(a.text("type"))
	switch typ {
	case "bearer", "oauth2", "jwt":
		call.Bearer = true
		return nil
	case "apikey":
	default: // noauth, basic, digest…: nothing the rules look at
		return nil
	}
	attrs := authAttrs(a.get(typ))
	if attrs == nil {
		attrs = authAttrs(a.get("apiKey"))
	}
	key := attrs["key"]
	if key == nil || key.kind != kString || key.str == "" {
		return nil
	}
	in := rules.InHeader
	if v := attrs["in"]; v != nil && v.str == "query" {
		in = rules.InQuery
	}
	p := rules.Param{Name: key.str, In: in, Span: a.span, NameSpan: key.span}
	if v := attrs["value"]; v != nil && v.kind == kString {
		p.Value = v.str
	}
	return []rules.Param{p}
}

// authAttrs reads an auth type's attributes: v2.1 writes a list of
// {key, value}, v2.0 an object.
func authAttrs(n *node) map[string]*node {
	if n == nil {
		return nil
	}
	out := map[string]*node{}
	switch n.kind {
	case kArray:
		for _, e := range n.elems {
			if k := e.text("key"); k != "" {
				if v := e.get("value"); v != nil {
					out[k] = v
				}
			}
		}
	case kObject:
		for i, k := range n.keys {
			out[k.str] = n.vals[i]
		}
	default:
		return nil
	}
	return out
}

// testScript reports whether an item (or the collection) has a test
// script, and whether one reads the response's body (pm.response.json(),
// responseBody, …) rather than only its status.
func testScript(it *node) (tests, readsBody bool) {
	list := it.get("event")
	if list == nil || list.kind != kArray {
		return false, false
	}
	for _, ev := range list.elems {
		if ev.kind != kObject || ev.isDisabled() || ev.text("listen") != "test" {
			continue
		}
		script := ev.get("script")
		if script == nil || script.kind != kObject {
			continue
		}
		var code []string
		switch exec := script.get("exec"); {
		case exec == nil:
		case exec.kind == kString:
			code = append(code, exec.str)
		case exec.kind == kArray:
			for _, l := range exec.elems {
				if l.kind == kString {
					code = append(code, l.str)
				}
			}
		}
		text := strings.Join(code, "\n")
		if strings.TrimSpace(text) == "" {
			continue
		}
		tests = true
		for _, r := range bodyReads {
			if strings.Contains(text, r) {
				readsBody = true
			}
		}
	}
	return tests, readsBody
}

// bodyReads are how a Postman script reads a response's body.
var bodyReads = []string{"response.json", "response.text", "responseBody", "response.body", "response.stream", "jsonData"}

// events hands the pre-request and test scripts of an item (or of the
// collection) back as JavaScript snippets for the text reader.
func (w *walker) events(it *node) {
	list := it.get("event")
	if list == nil || list.kind != kArray {
		return
	}
	for _, ev := range list.elems {
		if ev.isDisabled() {
			continue
		}
		script := ev.get("script")
		if script == nil || script.kind != kObject {
			continue
		}
		if sn := w.scriptSnippet(script.get("exec")); sn != nil {
			w.found.Snippets = append(w.found.Snippets, *sn)
		}
	}
}

// scriptSnippet joins a script's exec lines (an array of strings, or one
// string) with newlines, keeping the file offset of every byte.
func (w *walker) scriptSnippet(exec *node) *rules.Snippet {
	var lines []*node
	switch {
	case exec == nil:
		return nil
	case exec.kind == kString:
		lines = []*node{exec}
	case exec.kind == kArray:
		for _, l := range exec.elems {
			if l.kind == kString {
				lines = append(lines, l)
			}
		}
	}
	var text strings.Builder
	var offs []int
	for i, l := range lines {
		s, m := w.strMap(l)
		if i > 0 {
			text.WriteByte('\n')
			offs = append(offs, lines[i-1].span.End-1)
		}
		text.WriteString(s)
		offs = append(offs, m[:len(s)]...)
	}
	if strings.TrimSpace(text.String()) == "" {
		return nil
	}
	offs = append(offs, lines[len(lines)-1].span.End-1)
	return &rules.Snippet{Lang: "js", Text: text.String(), Map: offs}
}

// strMap returns a string node's decoded value and the file offset of every
// byte of it, plus one for its end (the closing quote).
func (w *walker) strMap(n *node) (string, []int) {
	if !n.escaped {
		offs := make([]int, len(n.str)+1)
		for i := range offs {
			offs[i] = n.span.Start + 1 + i
		}
		return n.str, offs
	}
	s, m := unescape(w.src[n.span.Start:n.span.End])
	for i := range m {
		m[i] += n.span.Start
	}
	return s, m
}
