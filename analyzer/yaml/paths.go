package yaml

import (
	"strings"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rules"
)

// Application configs often keep endpoint paths apart from the base URL:
//
//	lms:
//	  base_url: https://acme.360learning.com
//	  endpoints:
//	    list_users: /api/v1/users?deleted=false
//
// A string value that is a path starting with /api/v1/ is a Call, composed
// with the nearest base URL set in its own mapping or an enclosing one (the
// base's origin: an absolute path replaces the base's own path). A path with
// no base beside it or above it is not read: rule catalogs, API docs and
// route tables list such paths without calling them. The base's
// parts sit, zero-width and not raw, where the path starts, so that findings
// about the call sit on the path's line.

// baseKeys are the folded keys (see foldKey) whose value is a base URL or
// host for the paths written next to it or below it; a Spring-style dotted
// key ("lms.api.base-url") is judged by its last segment.
var baseKeys = map[string]bool{
	"baseurl": true, "baseuri": true, "base": true, "url": true, "uri": true,
	"host": true, "hostname": true, "hosturl": true, "server": true, "serverurl": true,
	"apibase": true, "apibaseurl": true, "apiurl": true, "apihost": true, "apiroot": true,
	"rooturl": true, "endpoint": true, "apiendpoint": true, "address": true, "origin": true,
	"instanceurl": true, "domain": true,
}

// isBaseKey reports whether a key names a base URL or host: one of baseKeys,
// or a name ending in baseurl, baseuri, apiurl or host (lmsBaseUrl,
// LMS_HOST).
func isBaseKey(key string) bool {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		key = key[i+1:]
	}
	k := foldKey(key)
	if baseKeys[k] {
		return true
	}
	for _, suffix := range []string{"baseurl", "baseuri", "apiurl", "host"} {
		if strings.HasSuffix(k, suffix) {
			return true
		}
	}
	return false
}

// servingKeys hold a server's own routes (Kubernetes ingress rules and
// probes, gateway routes): paths below them are served, not called.
var servingKeys = map[string]bool{
	"routes": true, "ingress": true, "paths": true, "backend": true, "httpget": true,
	"livenessprobe": true, "readinessprobe": true, "startupprobe": true,
	"locations": true, "handlers": true, "server": true, "servlet": true,
}

// isBaseValue reports whether s can be a base: a URL, a host name, or a
// placeholder standing for one (${LMS_HOST}, {{ lms_host }},
// ${LMS_URL:https://…}), not a path and not prose.
func isBaseValue(s string) bool {
	if s == "" || s[0] == '/' {
		return false
	}
	if strings.HasPrefix(s, "{{") && strings.HasSuffix(s, "}}") && strings.Count(s, "{{") == 1 {
		return true // a Jinja or Helm placeholder: {{ lms_host }}
	}
	if looksLikeURL(s) || strings.HasPrefix(s, "${") || strings.HasPrefix(s, "$") && isIdent(s[1:]) {
		return !strings.ContainsAny(s, " \t\n")
	}
	host, _, _ := strings.Cut(s, "/")
	if h, _, ok := strings.Cut(host, ":"); ok {
		host = h
	}
	if host != "localhost" && !strings.Contains(host, ".") {
		return false
	}
	for i := 0; i < len(host); i++ {
		c := host[i]
		if !(c == '.' || c == '-' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// originEnd returns the length of a base's origin: the text before the first
// '/' that is not in the scheme's "//" or inside a {{ }} or ${ } placeholder.
func originEnd(s string) int {
	i := 0
	if j := strings.Index(s, "://"); j >= 0 && !strings.ContainsAny(s[:j], "{}$/") {
		i = j + 3
	}
	depth := 0
	for ; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "{{") || strings.HasPrefix(s[i:], "${"):
			depth++
			i++
		case s[i] == '}' && depth > 0:
			depth--
			if strings.HasPrefix(s[i:], "}}") {
				i++
			}
		case s[i] == '/' && depth == 0:
			return i
		}
	}
	return len(s)
}

// isV1Path reports whether a value is a path to a v1 endpoint.
func isV1Path(s string) bool {
	return strings.HasPrefix(s, "/api/v1/") && isV1Endpoint(s)
}

// endpointPaths walks n reading the endpoint paths of application configs;
// base is the nearest base URL value enclosing n, or nil.
func (r *reader) endpointPaths(n *yamlv3.Node, base *yamlv3.Node, depth int) {
	if n == nil || depth > maxDepth {
		return
	}
	switch n.Kind {
	case yamlv3.DocumentNode:
		for _, c := range n.Content {
			r.endpointPaths(c, base, depth+1)
		}
	case yamlv3.SequenceNode:
		if b := envListBase(n); b != nil {
			base = b
		}
		for _, c := range n.Content {
			if c.Kind == yamlv3.ScalarNode {
				r.endpointPath(c, base, rules.Call{File: r.file, Reader: readerName, Span: r.nodeSpan(c)})
				continue
			}
			r.endpointPaths(c, base, depth+1)
		}
	case yamlv3.MappingNode:
		if b := mappingBase(n); b != nil {
			base = b
		}
		method, methodSpan := r.siblingMethod(n)
		for _, p := range pairs(n) {
			v := p.value
			if p.key.Kind != yamlv3.ScalarNode || v.Kind == yamlv3.AliasNode {
				continue
			}
			if v.Kind != yamlv3.ScalarNode {
				if !servingKeys[foldKey(lastSegment(p.key.Value))] {
					r.endpointPaths(v, base, depth+1)
				}
				continue
			}
			call := rules.Call{
				File: r.file, Reader: readerName, Method: method, MethodSpan: methodSpan,
				Span: rules.Span{Start: r.start(p.key), End: r.end(v, 0)},
			}
			r.endpointPath(v, base, call)
		}
	}
}

// endpointPath emits call for scalar v when it is a v1 endpoint path,
// composed with base when there is one.
func (r *reader) endpointPath(v, base *yamlv3.Node, call rules.Call) {
	if !isString(v) || r.used[v] {
		return
	}
	// A path alone, with no base URL beside it, is too weak a sign of a
	// call: rule catalogs, API docs and route tables list such paths too.
	if base == nil {
		return
	}
	ms := r.scalar(v)
	text := strings.TrimSpace(ms.text)
	if !isV1Path(text) {
		return
	}
	path := r.urlParts(ms, 0, nil)
	if len(path) == 0 {
		return
	}
	var url []rules.URLPart
	if base != nil {
		bs := r.scalar(base)
		lead := len(bs.text) - len(strings.TrimLeft(bs.text, " \t\r\n"))
		origin := bs.slice(lead, lead+originEnd(strings.TrimSpace(bs.text)))
		at := rules.Span{Start: path[0].Span.Start, End: path[0].Span.Start}
		for _, p := range r.urlParts(origin, 0, nil) {
			p.Span, p.Raw = at, false
			url = append(url, p)
		}
	}
	call.URL = append(url, path...)
	r.emit(call, true)
}

// mappingBase returns the base URL value a mapping sets, or nil: the first
// base key holding a base value, preferring keys that say "base".
func mappingBase(m *yamlv3.Node) *yamlv3.Node {
	var found *yamlv3.Node
	for _, p := range pairs(m) {
		v := deref(p.value)
		if p.key.Kind != yamlv3.ScalarNode || !isString(v) || !isBaseKey(p.key.Value) || !isBaseValue(strings.TrimSpace(v.Value)) {
			continue
		}
		if strings.Contains(strings.ToLower(lastSegment(p.key.Value)), "base") {
			return v
		}
		if found == nil {
			found = v
		}
	}
	return found
}

// envListBase returns the base a Kubernetes-style env list sets for the
// other entries ({name: LMS_BASE_URL, value: https://…}), or nil.
func envListBase(seq *yamlv3.Node) *yamlv3.Node {
	var found *yamlv3.Node
	for _, item := range seq.Content {
		name, value := get(item, "name"), get(item, "value")
		if !isString(name) || !isString(value) || !isBaseKey(name.Value) || !isBaseValue(strings.TrimSpace(value.Value)) {
			continue
		}
		if strings.Contains(strings.ToLower(name.Value), "base") {
			return value
		}
		if found == nil {
			found = value
		}
	}
	return found
}

// siblingMethod returns the method a mapping's method/verb key gives, and
// where it is written.
func (r *reader) siblingMethod(m *yamlv3.Node) (string, rules.Span) {
	method, span := "", rules.Span{}
	for _, p := range pairs(m) {
		if methodKeys[foldKey(lastSegment(p.key.Value))] && isString(p.value) && isMethod(p.value.Value) {
			method, span = strings.ToUpper(p.value.Value), r.nodeSpan(deref(p.value))
		}
	}
	return method, span
}

// lastSegment returns the part of a dotted key after its last dot.
func lastSegment(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[i+1:]
	}
	return key
}
