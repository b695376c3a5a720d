package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// Refit (C#) declares calls as interface methods: [Get("/api/v1/users")]
// Task<…> List([Query] bool deleted). The paths are relative to the base
// address the project configures for the interface type, so they are
// pending on a base named by the type, which refitBase names from
// AddRefitClient<T>().ConfigureHttpClient(c => c.BaseAddress = …) or
// RestService.For<T>("https://…").

// refitMethod reads a Refit attribute call c ([Get("…")]): the interface
// it is declared in and the query parameters of the method it annotates.
func (a *analysis) refitMethod(e *ev, c *call, url string) {
	toks := a.toks
	if !a.fam.csharp || c.cf == 0 || !toks[c.cf-1].is("[") || verbName(c.name) == "" {
		return
	}
	e.iface = a.enclosingInterface(c.cf)
	// skip further attributes to the method's parameter list
	k := a.match[c.cf-1] + 1
	for k > 0 && k < len(toks) && toks[k].is("[") && a.match[k] > k {
		k = a.match[k] + 1
	}
	for n := 0; k < len(toks) && n < 40 && !toks[k].is("(") && !toks[k].is(";") && !toks[k].is("{"); n++ {
		k++
	}
	if k >= len(toks) || !toks[k].is("(") || a.match[k] < 0 {
		return
	}
	for _, r := range a.args(k) {
		a.refitParam(e, r[0], r[1], url)
	}
}

// refitParam reads one parameter declaration of a Refit method: [Query]
// or unattributed parameters that fill no {placeholder} of the path are
// query parameters, named by [AliasAs("…")] when given.
func (a *analysis) refitParam(e *ev, vf, vt int, url string) {
	toks := a.toks
	query, alias := true, ""
	var aliasSpan rules.Span
	for vf < vt && toks[vf].is("[") && a.match[vf] > vf {
		attr := toks[vf+1].text
		switch attr {
		case "Query":
		case "AliasAs":
			if vf+3 < vt && toks[vf+3].kind == kString {
				alias, aliasSpan = a.keyName(vf + 3)
			}
		default: // Body, Header, Authorize, Property…
			query = false
		}
		vf = a.match[vf] + 1
	}
	name, at := "", -1
	for k := vf; k < vt && !toks[k].is("="); k++ {
		if toks[k].kind == kIdent {
			name, at = toks[k].text, k
		}
	}
	if !query || at < 0 || strings.Contains(a.text(vf, at), "CancellationToken") {
		return
	}
	if strings.Contains(url, "{"+name+"}") || strings.Contains(url, "{**"+name+"}") {
		return
	}
	sp := toks[at].spanOf()
	if alias != "" {
		name, sp = alias, aliasSpan
	}
	e.params = append(e.params, rules.Param{Name: name, In: rules.InQuery, Span: a.span(vf, vt), NameSpan: sp})
}

// enclosingInterface returns the name of the interface whose body holds
// token at, or "".
func (a *analysis) enclosingInterface(at int) string {
	toks := a.toks
	for p := a.parent[at]; p >= 0; p = a.parent[p] {
		if !toks[p].is("{") {
			continue
		}
		for k := p - 1; k > 0 && p-k < 24; k-- {
			if toks[k].is(";") || toks[k].is("}") || toks[k].is("{") {
				break
			}
			if toks[k-1].kind == kIdent && toks[k-1].text == "interface" && toks[k].kind == kIdent {
				return toks[k].text
			}
		}
	}
	return ""
}

// refitBase returns the interface type a base URL at token from is
// configured for (AddRefitClient<T>()…BaseAddress = new Uri(…),
// RestService.For<T>(…)), or "".
func (a *analysis) refitBase(from int) string {
	toks := a.toks
	if !a.fam.csharp {
		return ""
	}
	for k := from - 1; k >= 3 && from-k < 60; k-- {
		t := &toks[k]
		if t.is(";") || t.is("}") && a.match[k] < k {
			return ""
		}
		if t.is(">") && toks[k-1].kind == kIdent && toks[k-2].is("<") && toks[k-3].kind == kIdent {
			switch toks[k-3].text {
			case "AddRefitClient", "For":
				return toks[k-1].text
			}
		}
	}
	return ""
}
