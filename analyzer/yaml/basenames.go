package yaml

import (
	"strings"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rules"
)

// collectPaths records the dotted key path of every mapping reached from a
// document's root through mapping keys only (lms: {baseUrl: …} gives the
// inner mapping "lms"), so that a setting's Base is named the way other
// files refer to it: .Values.lms.baseUrl, config.lms.baseUrl.
func (r *reader) collectPaths(n *yamlv3.Node, path string, depth int) {
	if n == nil || depth > maxDepth {
		return
	}
	switch n.Kind {
	case yamlv3.DocumentNode:
		for _, c := range n.Content {
			r.collectPaths(c, "", depth+1)
		}
	case yamlv3.MappingNode:
		r.paths[n] = path
		for _, p := range pairs(n) {
			if p.key.Kind != yamlv3.ScalarNode || p.key.Value == "" || strings.ContainsAny(p.key.Value, ". \t\n") {
				continue
			}
			sub := p.key.Value
			if path != "" {
				sub = path + "." + sub
			}
			r.collectPaths(p.value, sub, depth+1)
		}
	}
}

// baseName returns the name a Base set by key in mapping m goes by: its
// dotted path from the document's root (lms.baseUrl) where there is one,
// the key alone otherwise. An environment variable's name (LMS_BASE_URL in
// a ConfigMap's data:) is already the name the shell uses; it stays alone.
func (r *reader) baseName(m *yamlv3.Node, key string) string {
	if isEnvName(key) {
		return key
	}
	if path, ok := r.paths[m]; ok && path != "" && !strings.ContainsAny(key, ". \t\n") {
		return path + "." + key
	}
	return key
}

// templateBase reads a value that is only a template reference to another
// setting ("{{ .Values.lms.baseUrl }}", "{{ lms_base | quote }}") as a Base
// whose URL is a hole naming that setting: the analyzer expands it with the
// Base the referenced file defines, so that a call on ${name} elsewhere
// resolves through it. It reports whether ms is such a value.
func (r *reader) templateBase(name string, ms mapped) bool {
	text := strings.TrimSpace(ms.text)
	lead := len(ms.text) - len(strings.TrimLeft(ms.text, " \t\r\n"))
	end, expr := placeholder(text, 0)
	if end != len(text) {
		return false
	}
	ref := exprVar(expr)
	if ref == "" || !urlSettingName(name) || r.varValue(ref) != nil || rules.BaseKey(ref) == rules.BaseKey(name) && strings.EqualFold(ref, name) {
		return false
	}
	r.found.Bases = append(r.found.Bases, rules.Base{
		Name: name,
		URL:  []rules.URLPart{{Hole: ref, Span: ms.span(lead, lead+end)}},
		File: r.file,
	})
	return true
}

// isEnvName reports whether key is written like an environment variable:
// upper-case letters, digits and '_'.
func isEnvName(key string) bool {
	return isIdent(key) && strings.ToUpper(key) == key && strings.ToLower(key) != key
}

// urlSettingName reports whether a setting's name says it holds a URL or a
// part of one (LMS_BASE_URL, lms.apiRoot, host, endpoint); a template
// reference under any other name (schedule, company) is no base.
func urlSettingName(name string) bool {
	key := rules.BaseKey(name)
	for _, w := range []string{"url", "uri", "base", "host", "endpoint", "api", "root", "server", "origin"} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}
