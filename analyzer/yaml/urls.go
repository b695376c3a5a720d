package yaml

import (
	"strings"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rules"
)

// setFactKeys are the Ansible modules whose arguments define variables.
var setFactKeys = map[string]bool{"set_fact": true, "ansible.builtin.set_fact": true, "ansible.legacy.set_fact": true}

// collectVars records the variables the file defines: play, block and task
// vars:, set_fact, and the top-level settings of a document (role defaults,
// group_vars, an app's config).
func (r *reader) collectVars(n *yamlv3.Node, depth int) {
	if n == nil || depth > maxDepth {
		return
	}
	define := func(m *yamlv3.Node) {
		for _, p := range pairs(m) {
			if p.key.Kind == yamlv3.ScalarNode && isIdent(p.key.Value) && isString(p.value) {
				r.vars[p.key.Value] = append(r.vars[p.key.Value], deref(p.value))
			}
		}
	}
	switch n.Kind {
	case yamlv3.DocumentNode:
		if len(n.Content) > 0 && n.Content[0].Kind == yamlv3.MappingNode {
			define(n.Content[0])
		}
		fallthrough
	case yamlv3.SequenceNode:
		for _, c := range n.Content {
			r.collectVars(c, depth+1)
		}
	case yamlv3.MappingNode:
		for _, p := range pairs(n) {
			if p.key.Value == "vars" || setFactKeys[p.key.Value] {
				define(deref(p.value))
			}
			r.collectVars(p.value, depth+1)
		}
	}
}

// varValue returns the value a variable has in this file, or nil when the
// file does not define it or gives it different values.
func (r *reader) varValue(name string) *yamlv3.Node {
	defs := r.vars[name]
	if len(defs) == 0 {
		return nil
	}
	for _, d := range defs[1:] {
		if d.Value != defs[0].Value {
			return nil
		}
	}
	return defs[0]
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// placeholder finds the Jinja expression {{ ... }} at text[i:], returning
// the index just past it and the expression, or -1.
func placeholder(text string, i int) (int, string) {
	if !strings.HasPrefix(text[i:], "{{") {
		return -1, ""
	}
	// Expressions are short; bounding the search keeps a long run of "{{"
	// without "}}" linear.
	j := strings.Index(text[i+2:min(len(text), i+2+maxExpr)], "}}")
	if j < 0 {
		return -1, ""
	}
	return i + 2 + j + 2, strings.TrimSpace(text[i+2 : i+2+j])
}

// exprVar returns the variable an expression starts from: "lms_base" for
// "lms_base" or "lms_base | trim", "lms.base" for a dictionary lookup,
// ".Values.lms.baseUrl" for a Helm value; "" for anything else.
func exprVar(expr string) string {
	name := expr
	if i := strings.IndexByte(expr, '|'); i >= 0 {
		name = strings.TrimSpace(expr[:i])
	}
	path := strings.TrimPrefix(strings.TrimPrefix(name, "$"), ".")
	for _, id := range strings.Split(path, ".") {
		if !isIdent(id) {
			return ""
		}
	}
	return name
}

// maxExpand bounds the nesting of variables in variables, and
// maxSubstitutions the substitutions made for one URL.
const (
	maxExpand        = 5
	maxSubstitutions = 64
)

// maxExpr is the longest {{ expression }} read as a placeholder.
const maxExpr = 512

// urlParts turns a URL scalar into parts: its literal text (raw where it is
// byte for byte the file text), the values of variables the file defines
// substituted in place of their {{ var }} (not raw, at the placeholder's
// span), and a leading placeholder as a part of its own. Other placeholders
// stay in the literal text, where the rules read them as holes.
func (r *reader) urlParts(ms mapped, depth int, used map[*yamlv3.Node]bool) []rules.URLPart {
	if depth == 0 {
		r.substitutions = 0
	}
	lo, hi := 0, len(ms.text)
	for lo < hi && isBlank(ms.text[lo]) {
		lo++
	}
	for hi > lo && isBlank(ms.text[hi-1]) {
		hi--
	}
	var parts []rules.URLPart
	lit := func(i, j int) {
		if j > i {
			parts = append(parts, rules.URLPart{Lit: ms.text[i:j], Span: ms.span(i, j), Raw: ms.raw(r.src, i, j)})
		}
	}
	a := lo
	for i := lo; i < hi; i++ {
		end, expr := placeholder(ms.text[:hi], i)
		if end < 0 {
			continue
		}
		if isIdent(expr) && depth < maxExpand && r.substitutions < maxSubstitutions {
			if v := r.varValue(expr); v != nil {
				r.substitutions++
				lit(a, i)
				at := ms.span(i, end)
				if used != nil {
					used[v] = true
				}
				for _, p := range r.urlParts(r.scalar(v), depth+1, used) {
					p.Span, p.Raw = at, false
					parts = append(parts, p)
				}
				a, i = end, end-1
				continue
			}
		}
		if i == lo {
			lit(lo, end)
			a, i = end, end-1
		}
	}
	lit(a, hi)
	return parts
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// litText joins the literal text of parts.
func litText(parts []rules.URLPart) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Lit)
	}
	return b.String()
}

// leadingVar returns the variable a URL's first part stands for, when that
// part is a lone {{ var }} placeholder.
func leadingVar(parts []rules.URLPart) string {
	if len(parts) == 0 || parts[0].Hole != "" {
		return ""
	}
	end, expr := placeholder(parts[0].Lit, 0)
	if end != len(parts[0].Lit) {
		return ""
	}
	return exprVar(expr)
}

// emit adds call with URL parts as a Call, or as a Pending when the URL
// starts from a variable the file does not define and the rest is a path
// (no host, no /api/v1) that the variable's base must complete. It reports
// whether anything was added; requireV1 drops URLs that are neither pending
// nor v1 endpoints.
func (r *reader) emit(call rules.Call, requireV1 bool) bool {
	parts := call.URL
	if name := leadingVar(parts); name != "" {
		rest := litText(parts[1:])
		if !strings.Contains(rest, "/api/v1") && !strings.Contains(rest, "://") {
			// A setting's value must go on with a path; a uri url may be
			// the variable alone.
			if requireV1 && (rest == "" || rest[0] != '/') || rest != "" && rest[0] != '/' && rest[0] != '?' {
				return false
			}
			parts[0] = rules.URLPart{Hole: name, Span: parts[0].Span}
			r.found.Pending = append(r.found.Pending, rules.Pending{Call: call, Base: name})
			return true
		}
	}
	if requireV1 && !isV1Endpoint(litText(parts)) {
		return false
	}
	r.found.Calls = append(r.found.Calls, call)
	return true
}

// isV1Endpoint reports whether a URL goes past /api/v1 to an endpoint.
func isV1Endpoint(url string) bool {
	i := strings.Index(url, "/api/v1/")
	if i < 0 {
		return false
	}
	rest := url[i+len("/api/v1/"):]
	return rest != "" && rest[0] != '?' && rest[0] != '#'
}

// looksLikeURL reports whether a setting's value is a URL: http(s)://… or
// {{ var }}…, with no blank outside the placeholders.
func looksLikeURL(s string) bool {
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(s, "{{") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if end, _ := placeholder(s, i); end > 0 {
			i = end - 1
			continue
		}
		if isBlank(s[i]) {
			return false
		}
	}
	return true
}

// isBase reports whether a value is a 360Learning API v1 base: a URL ending
// in /api/v1, or a 360Learning host with or without a scheme.
func isBase(s string) bool {
	if !looksLikeURL(s) && strings.ContainsAny(s, " \t\n/") {
		return false
	}
	if strings.HasSuffix(strings.TrimRight(s, "/"), "/api/v1") {
		return true
	}
	host := strings.ToLower(s)
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/:?#"); i >= 0 {
		host = host[:i]
	}
	for _, d := range []string{"360learning.com", "360learning-dev.com"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// methodKeys are the sibling keys that give a URL setting's method.
var methodKeys = map[string]bool{"method": true, "verb": true, "httpmethod": true}

// settings reads the URL settings of a mapping: values that are v1 bases
// become Bases, values that are v1 endpoint URLs become Calls with the
// method a sibling key gives, and {{ var }}/path values become Pending.
func (r *reader) settings(m *yamlv3.Node, _ string) {
	method, methodSpan := "", rules.Span{}
	envName := ""
	if name := get(m, "name"); isString(name) && get(m, "value") != nil {
		envName = name.Value
	}
	for _, p := range pairs(m) {
		if methodKeys[foldKey(p.key.Value)] && isString(p.value) && isMethod(p.value.Value) {
			method, methodSpan = strings.ToUpper(p.value.Value), r.nodeSpan(deref(p.value))
		}
	}
	for _, p := range pairs(m) {
		v := deref(p.value)
		if p.key.Value == "environment" && v != nil && v.Kind == yamlv3.SequenceNode {
			r.environmentList(v)
			continue
		}
		if p.key.Kind != yamlv3.ScalarNode || !isString(v) || r.used[v] {
			continue
		}
		name := r.baseName(m, p.key.Value)
		if p.key.Value == "value" && envName != "" {
			name = envName
		}
		call := rules.Call{
			File: r.file, Reader: readerName, Method: method, MethodSpan: methodSpan,
			Span: rules.Span{Start: r.start(p.key), End: r.end(v, 0)},
		}
		r.setting(name, r.scalar(v), call)
	}
}

// setting reads one named value: a v1 base becomes a Base; a v1 endpoint
// URL becomes call, and a {{ var }}/path URL a Pending.
func (r *reader) setting(name string, ms mapped, call rules.Call) {
	text := strings.TrimSpace(ms.text)
	if r.templateBase(name, ms) {
		return
	}
	if isBase(text) {
		r.found.Bases = append(r.found.Bases, rules.Base{Name: name, URL: r.urlParts(ms, 0, nil), File: r.file})
	}
	if looksLikeURL(text) {
		// The variables a reported URL substitutes (an endpoint path among
		// them) are read: the pass over endpoint paths must not report
		// them again.
		subst := map[*yamlv3.Node]bool{}
		call.URL = r.urlParts(ms, 0, subst)
		if r.emit(call, true) {
			for n := range subst {
				r.used[n] = true
			}
		}
	}
}

// environmentList reads docker compose's environment: ["NAME=value", …].
func (r *reader) environmentList(seq *yamlv3.Node) {
	for _, item := range seq.Content {
		item = deref(item)
		if !isString(item) || r.used[item] {
			continue
		}
		ms := r.scalar(item)
		eq := strings.IndexByte(ms.text, '=')
		if eq <= 0 || !isIdent(ms.text[:eq]) {
			continue
		}
		call := rules.Call{File: r.file, Reader: readerName, Span: ms.span(0, len(ms.text))}
		r.setting(ms.text[:eq], ms.slice(eq+1, len(ms.text)), call)
	}
}

// foldKey lower-cases a key and drops its '_' and '-': http_method and
// httpMethod are one key.
func foldKey(k string) string {
	if len(k) > 16 {
		return ""
	}
	b := make([]byte, 0, len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c == '_' || c == '-':
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// isMethod reports whether s is an HTTP method name.
func isMethod(s string) bool {
	switch strings.ToUpper(s) {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
		return true
	}
	return false
}
