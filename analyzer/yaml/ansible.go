package yaml

import (
	"strings"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rules"
)

// uriModules are the names an Ansible uri task is written with.
var uriModules = map[string]bool{"uri": true, "ansible.builtin.uri": true, "ansible.legacy.uri": true}

// option is one argument of a uri task: a node of the task's YAML, or a
// value of the free-form "url=… method=PUT" string.
type option struct {
	node *yamlv3.Node // nil for a free-form value
	ms   mapped
	// span covers the whole key=value (or key: value) as written.
	span, nameSpan rules.Span
	// parent is the mapping the option is an entry of (the module's or
	// the task's args:), and index its entry's position; nil for a
	// free-form value.
	parent *yamlv3.Node
	index  int
}

func (o *option) text() string { return strings.TrimSpace(o.ms.text) }

// uriTask reads task m when it is an Ansible uri task, wherever it sits
// (tasks, pre_tasks, post_tasks, handlers, block/rescue/always, a role's
// task list). Its url is marked used so the settings pass does not read it
// again.
func (r *reader) uriTask(m *yamlv3.Node) {
	var module *yamlv3.Node
	for _, p := range pairs(m) {
		if uriModules[p.key.Value] {
			module = deref(p.value)
		}
	}
	if module == nil {
		return
	}
	opts := map[string]*option{}
	freeFormArgs := false
	// Task-level args: first, so that the module's own arguments win.
	for _, src := range []*yamlv3.Node{get(m, "args"), module} {
		switch {
		case src == nil:
		case src.Kind == yamlv3.MappingNode:
			for i, p := range pairs(src) {
				v := deref(p.value)
				o := &option{node: v, nameSpan: r.nodeSpan(p.key), span: rules.Span{Start: r.start(p.key), End: r.end(v, 0)}, parent: src, index: i}
				if v.Kind == yamlv3.ScalarNode {
					o.ms = r.scalar(v)
				}
				opts[p.key.Value] = o
			}
		case isString(src) && strings.Contains(src.Value, "url="):
			r.used[src] = true
			freeFormArgs = true
			for k, o := range freeForm(r.scalar(src)) {
				opts[k] = o
			}
		}
	}
	url := opts["url"]
	if url == nil || url.node != nil && url.node.Kind != yamlv3.ScalarNode {
		return
	}
	if url.node != nil {
		r.used[url.node] = true
	}
	call := rules.Call{
		File: r.file, Reader: readerName,
		URL:  r.urlParts(url.ms, 0, r.used),
		Span: r.nodeSpan(m),
		// Without register: nothing in the play can read the response.
		ResponseUnused: get(m, "register") == nil,
		ResponseRead:   get(m, "register") != nil,
	}
	if o := opts["method"]; o != nil && (o.node == nil || o.node.Kind == yamlv3.ScalarNode) {
		call.MethodSpan = o.ms.span(0, len(o.ms.text))
		if t := o.text(); isMethod(t) {
			call.Method = strings.ToUpper(t)
		}
	} else {
		call.Method, call.MethodImplied = "GET", true
	}
	format := ""
	if o := opts["body_format"]; o != nil {
		format = strings.ToLower(o.text())
	}
	var body []rules.Param
	if o := opts["body"]; o != nil {
		body = r.bodyParams(o, format)
		call.Params = append(call.Params, body...)
	}
	if o := opts["headers"]; o != nil && o.node != nil {
		for _, p := range pairs(o.node) {
			v := deref(p.value)
			param := rules.Param{Name: p.key.Value, In: rules.InHeader, NameSpan: r.nodeSpan(p.key), Span: rules.Span{Start: r.start(p.key), End: r.end(v, 0)}}
			if v.Kind == yamlv3.ScalarNode {
				param.Value = v.Value
				if strings.EqualFold(p.key.Value, "Authorization") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(v.Value)), "bearer ") {
					call.Bearer = true
				}
			}
			call.Params = append(call.Params, param)
		}
	}
	call.Fixer = r.uriFixer(m, opts, body, freeFormArgs)
	r.emit(call, false)
}

// bodyParams returns the top-level keys of a uri body: a mapping's keys, a
// JSON string's keys, or a urlencoded string's fields.
func (r *reader) bodyParams(o *option, format string) []rules.Param {
	in := rules.InBody
	if strings.HasPrefix(format, "form-") {
		in = rules.InForm
	}
	if o.node != nil && o.node.Kind == yamlv3.MappingNode {
		var out []rules.Param
		for _, p := range pairs(o.node) {
			v := deref(p.value)
			param := rules.Param{Name: p.key.Value, In: in, NameSpan: r.nodeSpan(p.key), Span: rules.Span{Start: r.start(p.key), End: r.end(v, 0)}}
			if v.Kind == yamlv3.ScalarNode {
				param.Value = v.Value
			}
			out = append(out, param)
		}
		return out
	}
	if o.node != nil && o.node.Kind != yamlv3.ScalarNode {
		return nil
	}
	text := o.text()
	switch {
	case format == "json" || strings.HasPrefix(text, "{"):
		return jsonKeys(o.ms)
	case format == "form-urlencoded" || strings.Contains(text, "="):
		return formFields(o.ms)
	}
	return nil
}

// freeForm parses the old "url=https://… method=PUT body_format=json"
// argument string of a module. Values may be quoted and may hold {{ … }}.
func freeForm(ms mapped) map[string]*option {
	out := map[string]*option{}
	s := ms.text
	for i := 0; i < len(s); {
		for i < len(s) && isBlank(s[i]) {
			i++
		}
		k := i
		for i < len(s) && isIdent(s[k:i+1]) {
			i++
		}
		if i == k || i >= len(s) || s[i] != '=' {
			for i < len(s) && !isBlank(s[i]) {
				i++
			}
			continue
		}
		key, keyEnd := s[k:i], i
		i++
		vs, ve := i, i
		if i < len(s) && (s[i] == '"' || s[i] == '\'') {
			q := s[i]
			j := strings.IndexByte(s[i+1:], q)
			if j < 0 {
				j = len(s) - i - 1
			}
			vs, ve = i+1, i+1+j
			i = min(len(s), ve+1)
		} else {
			for i < len(s) && !isBlank(s[i]) {
				if end, _ := placeholder(s, i); end > 0 {
					i = end
					continue
				}
				i++
			}
			ve = i
		}
		out[key] = &option{ms: ms.slice(vs, ve), span: ms.span(k, i), nameSpan: ms.span(k, keyEnd)}
	}
	return out
}

// formFields reads "a=1&b={{ x }}" fields.
func formFields(ms mapped) []rules.Param {
	var out []rules.Param
	s := ms.text
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '&')
		if j < 0 {
			j = len(s) - i
		}
		field := s[i : i+j]
		lead := len(field) - len(strings.TrimLeft(field, " \t\r\n"))
		field = strings.TrimSpace(field)
		if name, value, ok := strings.Cut(field, "="); ok && name != "" {
			st := i + lead
			out = append(out, rules.Param{Name: name, Value: value, In: rules.InForm, Span: ms.span(st, st+len(field)), NameSpan: ms.span(st, st+len(name))})
		}
		i += j + 1
	}
	return out
}

// jsonKeys reads the top-level keys of a JSON object written as a string,
// tolerating Jinja ({{ x }} as a value) that makes it invalid JSON.
func jsonKeys(ms mapped) []rules.Param {
	s := ms.text
	var out []rules.Param
	depth := 0
	expectKey := false
	var cur *rules.Param
	valueStart := 0
	closeParam := func(end int) {
		if cur != nil {
			for end > valueStart && isBlank(s[end-1]) {
				end--
			}
			cur.Value = strings.Trim(s[valueStart:end], `"`)
			cur.Span = rules.Span{Start: cur.Span.Start, End: ms.span(valueStart, end).End}
			out = append(out, *cur)
			cur = nil
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if end, _ := placeholder(s, i); end > 0 {
			i = end - 1
			continue
		}
		switch c {
		case '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(s)-1)
			if depth == 1 && expectKey {
				rest := strings.TrimLeft(s[j+1:], " \t\r\n")
				if strings.HasPrefix(rest, ":") {
					cur = &rules.Param{Name: s[i+1 : j], In: rules.InBody, NameSpan: ms.span(i+1, j), Span: ms.span(i, j+1)}
					valueStart = len(s) - len(rest) + 1
					for valueStart < len(s) && isBlank(s[valueStart]) {
						valueStart++
					}
					expectKey = false
				}
			}
			i = j
		case '{', '[':
			depth++
			if depth == 1 && c == '{' {
				expectKey = true
			}
		case '}', ']':
			if depth == 1 {
				closeParam(i)
			}
			depth--
		case ',':
			if depth == 1 {
				closeParam(i)
				expectKey = true
			}
		}
	}
	return out
}
