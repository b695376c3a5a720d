package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// chainBefore reads the request builder calls chained before the verb call
// c: Laravel's $http->withQueryParameters([…])->get($url) gives query
// parameters, Http::asForm()->put(…) sends the body as a form. It
// reports whether the body is a form.
func (a *analysis) chainBefore(e *ev, c *call) (form bool) {
	toks := a.toks
	for k := c.nameTok - 1; k >= 2 && a.memberOp(k) && toks[k-1].is(")"); {
		o := a.match[k-1]
		if o < 1 || toks[o-1].kind != kIdent {
			break
		}
		switch toks[o-1].text {
		case "withQueryParameters", "withQuery", "withQueryParams":
			if vf, vt, ok := a.firstArg(o); ok {
				a.addParamsFrom(e, vf, vt, rules.InQuery)
			}
		case "asForm", "asMultipart":
			form = true
		case "SetQueryParam", "SetFormData", "SetQueryParams", "SetBody", "SetMultipartFormData":
			// resty: c.R().SetQueryParam("k", v).SetBody(map…{…}).Put(path)
			a.restyParam(e, toks[o-1].text, o)
		}
		k = o - 2
	}
	return form
}

// rubyOptionKeys are the keyword arguments of Ruby HTTP clients that are
// options rather than parameters.
var rubyOptionKeys = map[string]bool{"json": true, "body": true, "payload": true, "data": true, "params": true, "query": true,
	"headers": true, "form": true, "timeout": true, "format": true, "basic_auth": true, "verify": true, "follow_redirects": true}

// rubyQueryArgs reads the parameters a Ruby GET or DELETE passes after its
// URL: Faraday's conn.get('/users', deleted: true) or conn.get('/users',
// { deleted: true }).
func (a *analysis) rubyQueryArgs(e *ev, c *call, argi int) {
	toks := a.toks
	for n, r := range c.args {
		if n <= argi {
			continue
		}
		vf, vt := r[0], r[1]
		if toks[vf].is("{") && a.match[vf] == vt-1 {
			a.addParamsFrom(e, vf, vt, rules.InQuery)
			continue
		}
		if vt-vf < 2 || !(toks[vf].kind == kIdent || toks[vf].kind == kString) {
			continue
		}
		name, sp := a.keyName(vf)
		if !(toks[vf+1].is(":") || toks[vf+1].is("=>")) {
			continue
		}
		if name == "" || rubyOptionKeys[strings.ToLower(name)] {
			continue
		}
		e.params = append(e.params, rules.Param{Name: name, In: rules.InQuery, Span: a.span(vf, vt), NameSpan: sp})
	}
}

// rubyRequestBlock reads a Faraday request block after the call ending at
// token end: { |req| req.params['deleted'] = true } or do |req| …
// req.body = { … } end.
func (a *analysis) rubyRequestBlock(e *ev, end int) {
	toks := a.toks
	if end+3 >= len(toks) || !(toks[end].is("{") || toks[end].kind == kIdent && toks[end].text == "do") || !toks[end+1].is("|") || toks[end+2].kind != kIdent || !toks[end+3].is("|") {
		return
	}
	req := toks[end+2].text
	stop := len(toks)
	if toks[end].is("{") && a.match[end] > end {
		stop = a.match[end]
	}
	for k := end + 4; k+2 < stop && k < end+200; k++ {
		t := &toks[k]
		if t.kind == kIdent && t.text == "end" && toks[end].text == "do" {
			return
		}
		if t.kind != kIdent || t.text != req || !toks[k+1].is(".") || toks[k+2].kind != kIdent {
			continue
		}
		field := toks[k+2].text
		j := k + 3
		switch {
		case field == "params" && j+2 < stop && toks[j].is("[") && a.match[j] > j:
			kt := j + 1
			if toks[kt].is(":") {
				kt++ // a symbol key, :deleted
			}
			if name, sp := a.keyName(kt); name != "" && a.match[j]+1 < stop && toks[a.match[j]+1].is("=") {
				name = strings.TrimPrefix(name, ":")
				if sp.End-sp.Start > len(name) {
					sp.Start = sp.End - len(name)
				}
				e.params = append(e.params, rules.Param{Name: name, In: rules.InQuery, Span: a.span(k, a.match[j]+1), NameSpan: sp})
			}
		case (field == "body" || field == "params") && j+1 < stop && toks[j].is("="):
			in := rules.InBody
			if field == "params" {
				in = rules.InQuery
			}
			a.addParamsFrom(e, j+1, a.valueEnd(j+1), in)
		}
	}
}

// rubyRequestObject reads what a Ruby script sets on the request object a
// Net::HTTP::Put.new(uri) call c is assigned to, in the statements after
// it within the same scope: req.set_form_data("k" => v, …) gives form
// parameters, req.body = { … }.to_json body parameters.
func (a *analysis) rubyRequestObject(e *ev, c *call) {
	toks := a.toks
	s := a.operandStart(c.cf)
	if s < 0 {
		return
	}
	req, kind, _ := a.nameBefore(s)
	if kind != "assign" || !localName(req) {
		return
	}
	stop := min(a.scopeEnd(req, s), c.end+400)
	for k := c.end; k+3 < stop; k++ {
		t := &toks[k]
		if t.kind != kIdent || t.text != req || k > 0 && toks[k-1].is(".") {
			continue
		}
		if toks[k+1].is("=") {
			return // the name is given another request
		}
		if !toks[k+1].is(".") || toks[k+2].kind != kIdent {
			continue
		}
		field, j := toks[k+2].text, k+3
		switch {
		case (field == "set_form_data" || field == "form_data=") && toks[j].is("(") && a.match[j] > j:
			for _, r := range a.args(j) {
				a.rubyPairArg(e, r[0], r[1], rules.InForm)
			}
		case field == "body" && toks[j].is("="):
			a.addParamsFrom(e, j+1, a.valueEnd(j+1), rules.InBody)
		}
	}
}

// rubyPairArg adds the parameter a Ruby hash argument names: "k" => v,
// k: v or a braced hash.
func (a *analysis) rubyPairArg(e *ev, vf, vt int, in rules.Location) {
	toks := a.toks
	if vf >= vt {
		return
	}
	if toks[vf].is("{") && a.match[vf] == vt-1 {
		a.addParamsFrom(e, vf, vt, in)
		return
	}
	if vt-vf < 2 || !(toks[vf].kind == kIdent || toks[vf].kind == kString) || !(toks[vf+1].is(":") || toks[vf+1].is("=>")) {
		return
	}
	if name, sp := a.keyName(vf); name != "" {
		e.params = append(e.params, rules.Param{Name: strings.TrimPrefix(name, ":"), In: in, Span: a.span(vf, vt), NameSpan: sp})
	}
}

// restyParam reads one resty request setter before the verb, its argument
// list opening at token o.
func (a *analysis) restyParam(e *ev, setter string, o int) {
	toks := a.toks
	vf, vt, ok := a.firstArg(o)
	if !ok {
		return
	}
	switch setter {
	case "SetQueryParam":
		if name, sp := a.keyName(vf); name != "" && toks[vf].kind == kString {
			e.params = append(e.params, rules.Param{Name: name, In: rules.InQuery, Span: a.span(o-1, a.match[o]+1), NameSpan: sp})
		}
	case "SetQueryParams":
		a.addParamsFrom(e, vf, vt, rules.InQuery)
	case "SetBody":
		a.addParamsFrom(e, vf, vt, rules.InBody)
	default:
		a.addParamsFrom(e, vf, vt, rules.InForm)
	}
}
