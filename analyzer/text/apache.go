package text

import (
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// Apache HttpClient builds a request as objects: new URIBuilder(url) with
// addParameter("deleted", …) calls, a request object new HttpPut(uri)
// and its entity set later (put.setEntity(new StringEntity(json))).

// apacheRequests are the request classes and their methods.
var apacheRequests = map[string]string{
	"HttpGet": "GET", "HttpPut": "PUT", "HttpPost": "POST", "HttpDelete": "DELETE", "HttpPatch": "PATCH", "HttpHead": "HEAD",
}

// uriBuilders are the classes that build a URI with query parameters added
// by name.
var uriBuilders = map[string]bool{"URIBuilder": true}

// maxUses bounds how many later uses of a request's or builder's name are
// read.
const maxUses = 32

// apacheEvidence reads the URL argument argi of new URIBuilder(…) or
// new HttpPut(…) as a call: its method, its query parameters and its
// entity's keys as body. It reports false when c is neither.
func (a *analysis) apacheEvidence(e *ev, c *call, argi int) bool {
	toks := a.toks
	if a.fam != famJava && a.fam != famKotlin || argi != 0 || c.nameTok < 1 || toks[c.nameTok-1].text != "new" {
		return false
	}
	if m := apacheRequests[c.name]; m != "" {
		e.http, e.method, e.mspan = true, m, toks[c.nameTok].spanOf()
		a.entityParams(e, c)
		return true
	}
	if !uriBuilders[c.name] {
		return false
	}
	// query parameters chained on the builder or added through its name
	for j := c.end; j+2 < len(toks) && a.memberOp(j) && toks[j+1].kind == kIdent && toks[j+2].is("(") && a.match[j+2] > 0; j = a.match[j+2] + 1 {
		a.addedParameter(e, j+1)
	}
	name, _, _ := a.nameBefore(c.nameTok - 1)
	if name == "" {
		return true
	}
	for _, u := range a.usesAfter(name, c.end) {
		if u+2 < len(toks) && a.memberOp(u+1) {
			a.addedParameter(e, u+2)
		}
		// new HttpPut(builder.build()) gives the method and the entity
		if p := a.parent[u]; p > 1 && toks[p].is("(") && u == p+1 && toks[p-2].text == "new" {
			if m := apacheRequests[toks[p-1].text]; m != "" && e.method == "" {
				e.http, e.method, e.mspan = true, m, toks[p-1].spanOf()
				if rc := a.callAt(p); rc != nil {
					a.entityParams(e, rc)
				}
			}
		}
	}
	return true
}

// usesAfter returns the uses of name after token from, within the block
// enclosing from.
func (a *analysis) usesAfter(name string, from int) []int {
	end := len(a.toks)
	for p := a.parent[from]; p >= 0; p = a.parent[p] {
		if a.toks[p].is("{") && a.match[p] > from {
			end = a.match[p]
			break
		}
	}
	pos := a.byName[name]
	var out []int
	for k := sort.SearchInts(pos, from); k < len(pos) && pos[k] < end && len(out) < maxUses; k++ {
		out = append(out, pos[k])
	}
	return out
}

// addedParameter reads addParameter("k", v) / setParameter("k", v) whose
// name token is at k as a query parameter.
func (a *analysis) addedParameter(e *ev, k int) {
	toks := a.toks
	if k+2 >= len(toks) || !toks[k+1].is("(") || a.match[k+1] < 0 {
		return
	}
	switch toks[k].text {
	case "addParameter", "setParameter":
	default:
		return
	}
	if key, sp := a.keyName(k + 2); key != "" && toks[k+2].kind == kString {
		e.params = append(e.params, rules.Param{Name: key, In: rules.InQuery, Span: a.span(k, a.match[k+1]+1), NameSpan: sp})
	}
}

// entityParams adds the keys of the entity set later on the request object
// c creates (put.setEntity(new StringEntity(mapper.writeValueAsString(body))))
// as body parameters.
func (a *analysis) entityParams(e *ev, c *call) {
	toks := a.toks
	name, _, _ := a.nameBefore(c.nameTok - 1)
	if name == "" {
		return
	}
	for _, u := range a.usesAfter(name, c.end) {
		if u+3 >= len(toks) || !a.memberOp(u+1) || toks[u+2].text != "setEntity" || !toks[u+3].is("(") {
			continue
		}
		vf, vt, ok := a.firstArg(u + 3)
		if !ok {
			continue
		}
		// new StringEntity(json, type): the JSON is its first argument
		if toks[vf].text == "new" && vf+2 < vt && toks[vf+2].is("(") && strings.HasSuffix(toks[vf+1].text, "Entity") {
			if f, t, ok := a.firstArg(vf + 2); ok {
				vf, vt = f, t
			}
		}
		a.addParamsFrom(e, vf, vt, rules.InBody)
		return
	}
}
