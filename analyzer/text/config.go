package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// configDefs records the names whose value comes from the project's
// configuration, named by its key for the configuration files' bases to
// complete: Spring's @Value("${lms.base-url}") String baseUrl. It then
// records the default bases clients are built with from a name
// (WebClient.builder().baseUrl(baseUrl), RestClient…baseUrl(root)).
func (a *analysis) configDefs() {
	toks := a.toks
	for _, k := range a.byName["Value"] {
		if k == 0 || !toks[k-1].is("@") || k+3 >= len(toks) || !toks[k+1].is("(") {
			continue
		}
		s := &toks[k+2]
		if s.kind != kString || len(s.parts) != 1 || a.match[k+1] != k+3 {
			continue
		}
		prop := springProperty(s.parts[0].lit)
		if prop == "" {
			continue
		}
		// the declared name: the last identifier before , ) ; =
		n := -1
		for j := k + 4; j < len(toks) && j < k+12; j++ {
			if toks[j].kind == kIdent {
				n = j
				continue
			}
			if !toks[j].is("<") && !toks[j].is(">") && !toks[j].is(".") {
				break
			}
		}
		if n < 0 {
			continue
		}
		at := s.parts[0].span.Start + 2 // after "${"
		e := &expr{items: []item{{hole: prop, span: rules.Span{Start: at, End: at + len(prop)}, ref: true}}, from: n, to: n + 1}
		d := &def{name: toks[n].text, key: rules.BaseKey(toks[n].text), at: n, value: e, alias: true}
		e.def = d
		a.addDef(d)
	}
	a.configGetters()
	for p := 1; p+2 < len(toks); p++ {
		if !toks[p].is("(") || toks[p-1].kind != kIdent || a.match[p] != p+2 || toks[p+1].kind != kIdent {
			continue
		}
		if !isDefaultKey(rules.BaseKey(toks[p-1].text)) || p < 2 || !a.memberOp(p-2) {
			continue
		}
		v := p + 1
		if a.defined(v) {
			continue
		}
		src := a.lookup(rules.BaseKey(toks[v].text), p)
		if src == nil || src.at >= p || src.value == nil {
			continue
		}
		items := src.value.items
		e := &expr{items: items, from: v, to: v + 1}
		d := &def{name: toks[p-1].text, key: rules.BaseKey(toks[p-1].text), at: v, value: e, alias: true, deflt: true, owner: a.ownerOf(p-1, toks[p-1].text)}
		e.def = d
		a.addDef(d)
	}
}

// springProperty returns the key of a Spring property placeholder
// ("${lms.base-url}", "${lms.base-url:https://…}"), else "".
func springProperty(s string) string {
	if !strings.HasPrefix(s, "${") || !strings.HasSuffix(s, "}") {
		return ""
	}
	s = s[2 : len(s)-1]
	if i := strings.IndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	if !isRefText(s) {
		return ""
	}
	return s
}

// chainVerb reads the method a request chain sets before the call c:
// web.put().uri(…), client.method(HttpMethod.PUT).uri(…), rest.get().uri(…).
func (a *analysis) chainVerb(c *call) (string, rules.Span) {
	toks := a.toks
	for k := c.nameTok - 1; k >= 2 && a.memberOp(k) && toks[k-1].is(")"); {
		o := a.match[k-1]
		if o < 1 || toks[o-1].kind != kIdent {
			break
		}
		name := toks[o-1].text
		if m := verbs[strings.ToLower(name)]; m != "" && name != "del" && o+1 == k-1 {
			return m, toks[o-1].spanOf()
		}
		if name == "method" {
			if vf, vt, ok := a.firstArg(o); ok {
				if m, sp := a.methodValue(vf, vt); m != "" {
					return m, sp
				}
			}
		}
		k = o - 2
	}
	return "", rules.Span{}
}

// uriBuilderCall returns the request call whose URI a path set in a lambda
// builds (.uri(b -> b.path("/users").queryParam(…).build())), with the
// query parameters chained on the path; nil when c is no such path.
func (a *analysis) uriBuilderCall(c *call) (*call, []rules.Param) {
	toks := a.toks
	if c.name != "path" && c.name != "replacePath" {
		return nil, nil
	}
	p := a.parent[c.cf]
	if p < 1 || !toks[p].is("(") || toks[p-1].text != "uri" {
		return nil, nil
	}
	outer := a.callAt(p)
	if outer == nil {
		return nil, nil
	}
	var params []rules.Param
	for j := c.end; j+2 < len(toks) && a.memberOp(j) && toks[j+1].kind == kIdent && toks[j+2].is("(") && a.match[j+2] > 0; j = a.match[j+2] + 1 {
		if toks[j+1].text != "queryParam" {
			continue
		}
		if key, sp := a.keyName(j + 3); key != "" && toks[j+3].kind == kString {
			params = append(params, rules.Param{Name: key, In: rules.InQuery, Span: a.span(j+1, a.match[j+2]+1), NameSpan: sp})
		}
	}
	return outer, params
}

// configGetters names the names assigned a configuration lookup by its
// key: this.base = config.getOrThrow<string>('LMS_BASE_URL'),
// root = settings.get("lms.root"), for the project's .env and
// configuration files to complete.
func (a *analysis) configGetters() {
	toks := a.toks
	for i := 1; i+1 < len(toks); i++ {
		if !(toks[i].is("=") || toks[i].is(":=") || toks[i].is(":")) {
			continue
		}
		v := i + 1
		end := a.valueEnd(v)
		if end <= v+3 || a.defined(v) || !toks[end-1].is(")") || a.match[end-1] < 0 {
			continue
		}
		c := a.callAt(a.match[end-1])
		if c == nil || c.cf != v || !configGetters[c.name] || len(c.args) != 1 || c.args[0][1]-c.args[0][0] != 1 {
			continue
		}
		s := &toks[c.args[0][0]]
		if s.kind != kString || len(s.parts) != 1 || s.parts[0].hole != "" || !isRefText(s.parts[0].lit) {
			continue
		}
		name, _, _ := a.nameBefore(v)
		if name == "" {
			continue
		}
		key := s.parts[0].lit
		e := &expr{items: []item{{hole: key, span: s.parts[0].span, ref: true}}, from: v, to: end}
		d := &def{name: name, key: rules.BaseKey(name), at: v, value: e, alias: true}
		e.def = d
		a.addDef(d)
	}
}

// configGetters are the lookups that read a configuration value by key.
var configGetters = map[string]bool{"get": true, "getOrThrow": true, "getString": true, "getProperty": true, "getValue": true}
