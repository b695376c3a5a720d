package postman

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// headers reads a request's headers (a list of {key, value, disabled}, or
// v2.0's "Key: value" lines in one string) and notes a bearer token.
func (w *walker) headers(h *node, call *rules.Call) []rules.Param {
	if h == nil {
		return nil
	}
	var out []rules.Param
	add := func(p rules.Param) {
		if strings.EqualFold(p.Name, "Authorization") && hasBearerPrefix(p.Value) {
			call.Bearer = true
		}
		out = append(out, p)
	}
	switch h.kind {
	case kArray:
		for _, e := range h.elems {
			k := e.get("key")
			if e.kind != kObject || e.isDisabled() || k == nil || k.kind != kString || k.str == "" {
				continue
			}
			add(rules.Param{Name: k.str, Value: e.text("value"), In: rules.InHeader, Span: e.span, NameSpan: k.span})
		}
	case kString:
		s, offs := w.strMap(h)
		for start := 0; start < len(s); {
			end := strings.IndexByte(s[start:], '\n')
			if end < 0 {
				end = len(s)
			} else {
				end += start
			}
			line := strings.TrimRight(s[start:end], "\r")
			if name, value, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) != "" && !strings.HasPrefix(strings.TrimSpace(name), "//") {
				lead := len(name) - len(strings.TrimLeft(name, " \t"))
				name = strings.TrimSpace(name)
				ns := start + lead
				add(rules.Param{
					Name: name, Value: strings.TrimSpace(value), In: rules.InHeader,
					Span:     rules.Span{Start: offs[ns], End: offs[start+len(line)]},
					NameSpan: rules.Span{Start: offs[ns], End: offs[ns+len(name)]},
				})
			}
			start = end + 1
		}
	}
	return out
}

func hasBearerPrefix(v string) bool {
	v = strings.TrimSpace(v)
	return len(v) >= 7 && strings.EqualFold(v[:7], "bearer ")
}

// body reads a request body: the top-level keys of a JSON raw body, and the
// enabled fields of urlencoded and formdata bodies. GraphQL and file bodies
// carry nothing the rules look at.
func (w *walker) body(b *node) []rules.Param {
	if b == nil || b.kind != kObject || b.isDisabled() {
		return nil
	}
	switch mode := b.text("mode"); mode {
	case "raw":
		return w.rawBody(b)
	case "urlencoded", "formdata":
		var out []rules.Param
		list := b.get(mode)
		if list == nil || list.kind != kArray {
			return nil
		}
		for _, e := range list.elems {
			k := e.get("key")
			if e.kind != kObject || e.isDisabled() || k == nil || k.kind != kString || k.str == "" {
				continue
			}
			out = append(out, rules.Param{Name: k.str, Value: e.text("value"), In: rules.InForm, Span: e.span, NameSpan: k.span})
		}
		return out
	}
	return nil
}

// rawBody reads the top-level keys of a raw body written in JSON: one whose
// language is json, or unset or text with a body that reads as a JSON
// object. The body is itself a JSON string in the collection, so its spans
// go through the map of its escapes to land on the file's bytes.
func (w *walker) rawBody(b *node) []rules.Param {
	raw := b.get("raw")
	if raw == nil || raw.kind != kString {
		return nil
	}
	lang := ""
	if o := b.get("options"); o != nil {
		lang = strings.ToLower(o.get("raw").text("language"))
	}
	switch lang {
	case "", "json", "text":
	default: // xml, html, javascript
		return nil
	}
	s, offs := w.strMap(raw)
	if lang != "json" && !strings.HasPrefix(strings.TrimSpace(s), "{") {
		return nil
	}
	// A partly readable body (a trailing comma, say) still gives the keys
	// read before the problem.
	root, _ := parseJSON(sanitizeJSON(s), 0)
	if root == nil || root.kind != kObject {
		return nil
	}
	out := make([]rules.Param, 0, len(root.keys))
	for i, k := range root.keys {
		v := root.vals[i]
		if v.partial {
			continue // cut short by the problem: its extent is unknown
		}
		p := rules.Param{
			Name: k.str, In: rules.InBody,
			Span:     rules.Span{Start: offs[k.span.Start], End: offs[v.span.End]},
			NameSpan: rules.Span{Start: offs[k.span.Start], End: offs[k.span.End]},
		}
		switch v.kind {
		case kString, kBool, kNumber:
			p.Value = v.str // a flag's false must read as false
		}
		out = append(out, p)
	}
	return out
}

// sanitizeJSON makes a Postman JSON body parseable without moving a byte:
// unquoted {{variables}} become strings of their length, and the comments
// Postman allows become spaces.
func sanitizeJSON(s string) []byte {
	b := []byte(s)
	inString := false
	noCloser := false // no "}}" left: stop looking (keeps this linear)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch {
		case c == '"':
			inString = true
		case c == '{' && i+1 < len(b) && b[i+1] == '{' && !noCloser:
			j := strings.Index(s[i:], "}}")
			if j < 0 {
				noCloser = true
				continue
			}
			// A string as long as the variable, so the value's span
			// covers all of it (a cut after it never splits it).
			b[i] = '"'
			for k := i + 1; k < i+j+1; k++ {
				b[k] = 'x'
			}
			b[i+j+1] = '"'
			i += j + 1
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			stop := len(b)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for ; i < stop; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			i--
		}
	}
	return b
}
