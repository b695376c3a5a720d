package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// isOptions reports whether an object literal is a request's options
// rather than its body.
func (a *analysis) isOptions(obj int) bool {
	for _, en := range a.entries(obj) {
		switch strings.ToLower(en.name) {
		case "json", "body", "data", "params", "query", "headers", "form", "form_params", "multipart", "searchparams", "auth", "timeout", "method":
			return true
		}
	}
	return false
}

// paramEntry reads a body, query or form option (json=…, data: …,
// 'form_params' => […], -Body …) into parameters.
func (a *analysis) paramEntry(e *ev, en entry) {
	var in rules.Location
	switch strings.ToLower(en.name) {
	case "json", "body", "payload":
		in = rules.InBody
	case "data":
		in = rules.InBody
		if a.fam.python {
			in = rules.InForm
		}
		if e.dataQuery {
			in = rules.InQuery
		}
	case "params", "query", "searchparams", "qs", "query_string":
		in = rules.InQuery
	case "form", "form_params", "multipart", "formdata", "form_data":
		in = rules.InForm
	case "headers":
		a.headerEntry(e, en.vf, en.vt)
		return
	default:
		return
	}
	if in == rules.InBody && a.fam.powershell && e.method == "GET" {
		in = rules.InQuery
	}
	a.addParamsFrom(e, en.vf, en.vt, in)
}

// addParamsFrom adds the keys of the object literal the value [vf, vt) is
// (or wraps, or names) as parameters.
func (a *analysis) addParamsFrom(e *ev, vf, vt int, in rules.Location) {
	ents := a.paramEntries(vf, vt, vf, 0)
	if len(ents) == 0 {
		return
	}
	txt := a.text(vf, vt)
	if in == rules.InForm && (strings.Contains(txt, "json.dumps") || strings.Contains(txt, "json_encode") || strings.Contains(txt, "ConvertTo-Json") || strings.Contains(txt, "JSON.stringify")) {
		in = rules.InBody
	}
	if in == rules.InQuery && a.fam.powershell && strings.Contains(txt, "ConvertTo-Json") {
		in = rules.InBody
	}
	seen := map[rules.Span]bool{}
	for _, en := range ents {
		if en.name == "" || seen[en.nameSpan] {
			continue
		}
		seen[en.nameSpan] = true
		e.params = append(e.params, rules.Param{Name: en.name, In: in, Span: en.span, NameSpan: en.nameSpan, Value: en.value})
	}
}

// objectIn returns the opening bracket of the object literal a value is,
// wraps (JSON.stringify({…}), json_encode([…]), (@{…} | ConvertTo-Json))
// or names (a payload variable assigned a literal earlier); else -1.
func (a *analysis) objectIn(vf, vt int) int {
	toks := a.toks
	for depth := 0; depth < 4 && vf < vt; depth++ {
		t := &toks[vf]
		switch {
		case t.is("@") && vf+1 < vt && toks[vf+1].is("{"):
			return vf + 1
		case t.is("{") || t.is("["):
			return vf
		case t.kind == kIdent && t.text == "new" && vf+1 < vt && toks[vf+1].is("{"):
			return vf + 1
		case a.fam == famGo && (t.text == "map" || t.is("&")):
			// a Go composite literal: map[string]any{…}, &Payload{…}
			if o := a.goLiteralBrace(vf, vt); o >= 0 {
				return o
			}
			return -1
		case t.is("("):
			vf++
			continue
		case t.kind == kIdent:
			e := a.operandEnd(vf)
			if e > vf && toks[e-1].is(")") {
				p := a.match[e-1]
				switch toks[p-1].text {
				case "stringify", "dumps", "json_encode", "http_build_query", "URLSearchParams", "dict", "of", "mapOf", "jsonify", "generate", "array", "urlencode", "encode_www_form", "Marshal", "ofEntries", "hashMapOf":
					if toks[p-1].text == "dict" || toks[p-1].text == "array" || toks[p-1].text == "of" || toks[p-1].text == "mapOf" || toks[p-1].text == "hashMapOf" {
						return p
					}
					vf = p + 1
					vt = a.match[p]
					continue
				}
				return -1
			}
			if e == vf+1 || e > vf && isRefText(a.text(vf, e)) {
				return a.objectNamed(a.text(vf, e), vf)
			}
			return -1
		}
		return -1
	}
	return -1
}

// maxObjectChain bounds how many names deep objectNamed follows an object
// literal (payload = body; body = {…}).
const maxObjectChain = 8

// objectNamed returns the object literal last assigned to name before
// token at, or -1.
func (a *analysis) objectNamed(name string, at int) int {
	// A name defined through itself (body = {…}; body: JSON.stringify(body))
	// must not send objectIn and objectNamed round for ever.
	if a.objDepth >= maxObjectChain {
		return -1
	}
	a.objDepth++
	defer func() { a.objDepth-- }()
	best := -1
	for _, v := range a.objs[name] {
		if v < at {
			best = v
		}
	}
	if best < 0 {
		return -1
	}
	end := a.valueEnd(best)
	if end <= best {
		return -1
	}
	return a.objectIn(best, end)
}

// entry is one key: value entry of an object literal, or a keyword
// argument; kf is the key's token, [vf, vt) the value's.
type entry struct {
	name     string
	kf       int
	vf, vt   int
	span     rules.Span
	nameSpan rules.Span
	value    string
}

// entries lists the entries of the object literal (or dict(), Map.of(),
// array()) opened at obj.
func (a *analysis) entries(obj int) []entry {
	toks := a.toks
	if obj < 0 || a.match[obj] < 0 {
		return nil
	}
	var out []entry
	ranges := a.args(obj)
	if a.fam.powershell && toks[obj].is("{") {
		ranges = a.lines(obj)
	}
	alternating := obj > 0 && toks[obj].is("(") && (toks[obj-1].text == "of" || toks[obj-1].text == "ofEntries")
	if alternating {
		for n := 0; n+1 < len(ranges); n += 2 {
			r := ranges[n]
			if name, sp := a.keyName(r[0]); name != "" && r[1] == r[0]+1 {
				out = append(out, entry{name: name, kf: r[0], vf: ranges[n+1][0], vt: ranges[n+1][1], span: rules.Span{Start: toks[r[0]].start, End: toks[ranges[n+1][1]-1].end}, nameSpan: sp})
			}
		}
		return out
	}
	for _, r := range ranges {
		kf := r[0]
		if r[1]-kf >= 3 && (toks[kf+1].is(":") || toks[kf+1].is("=>") || toks[kf+1].is("=")) {
			name, sp := a.keyName(kf)
			if name == "" {
				continue
			}
			en := entry{name: name, kf: kf, vf: kf + 2, vt: r[1], span: a.span(kf, r[1]), nameSpan: sp}
			if r[1]-kf == 3 && toks[kf+2].kind == kString && len(toks[kf+2].parts) == 1 {
				en.value = toks[kf+2].parts[0].lit
			}
			if r[1]-kf == 3 && toks[kf+2].kind == kIdent {
				en.value = boolLiteral(toks[kf+2].text)
			}
			out = append(out, en)
			continue
		}
		// C# dictionary initialisers: ["k"] = v and { "k", v }
		if r[1]-kf >= 5 && toks[kf].is("[") && a.match[kf] == kf+2 && toks[kf+3].is("=") {
			if name, sp := a.keyName(kf + 1); name != "" && toks[kf+1].kind == kString {
				out = append(out, entry{name: name, kf: kf + 1, vf: kf + 4, vt: r[1], span: a.span(kf, r[1]), nameSpan: sp})
			}
			continue
		}
		if toks[kf].is("{") && a.match[kf] == r[1]-1 && toks[obj].is("{") && a.fam.csharp {
			if in := a.args(kf); len(in) == 2 && in[0][1]-in[0][0] == 1 && toks[in[0][0]].kind == kString {
				if name, sp := a.keyName(in[0][0]); name != "" {
					out = append(out, entry{name: name, kf: in[0][0], vf: in[1][0], vt: in[1][1], span: a.span(kf, r[1]), nameSpan: sp})
				}
			}
			continue
		}
		if r[1]-kf == 1 && toks[kf].kind == kIdent && toks[obj].is("{") && a.fam.js() {
			out = append(out, entry{name: toks[kf].text, kf: kf, vf: kf, vt: kf + 1, span: a.span(kf, kf+1), nameSpan: toks[kf].spanOf()})
		}
	}
	return out
}

// boolLiteral returns "true" or "false" for a boolean literal of any of
// the languages (True, false, $false), else "".
func boolLiteral(s string) string {
	switch strings.ToLower(strings.TrimPrefix(s, "$")) {
	case "true":
		return "true"
	case "false":
		return "false"
	}
	return ""
}

// lines splits a PowerShell hashtable's entries on ';' and line breaks.
func (a *analysis) lines(obj int) [][2]int {
	toks := a.toks
	end := a.match[obj]
	var out [][2]int
	start := obj + 1
	for k := obj + 1; k <= end; k++ {
		if k == end || toks[k].is(";") || toks[k].nl && k > start {
			if k > start {
				out = append(out, [2]int{start, k})
			}
			start = k
			if k < end && toks[k].is(";") {
				start = k + 1
			}
		}
		if k < end && (toks[k].is("(") || toks[k].is("[") || toks[k].is("{")) && a.match[k] > k {
			k = a.match[k] - 1
			continue
		}
	}
	return out
}

// keyName returns the name of a key token and the span of the name.
func (a *analysis) keyName(k int) (string, rules.Span) {
	t := &a.toks[k]
	switch t.kind {
	case kIdent:
		n := strings.TrimPrefix(t.text, "$")
		return n, t.spanOf()
	case kString:
		if len(t.parts) == 1 && t.parts[0].hole == "" {
			return t.parts[0].lit, t.parts[0].span
		}
		if len(t.parts) == 0 {
			return "", rules.Span{}
		}
	}
	return "", rules.Span{}
}

// sendsBearer reports whether the tokens [from, to) of a call send a bearer
// token: an "Authorization: Bearer …" header written in the call or in a
// headers object it names, withToken(…), bearer_auth(…).
func (a *analysis) sendsBearer(from, to int) bool {
	toks := a.toks
	for j := from; j < to && j < len(toks); j++ {
		t := &toks[j]
		switch t.kind {
		case kString:
			for _, p := range t.parts {
				if p.hole == "" && strings.Contains(p.lit, "Bearer") {
					return true
				}
			}
		case kIdent:
			switch t.text {
			case "withToken", "bearer_auth", "BearerAuth", "setBearerAuth", "AuthenticationHeaderValue":
				return true
			}
			if j > from && (toks[j-1].is("=") || toks[j-1].is(":")) && j >= 2 && strings.EqualFold(strings.Trim(a.text(j-2, j-1), "'\""), "headers") {
				if obj := a.objectNamed(t.text, j); obj >= 0 && a.match[obj] > obj && a.sendsBearerIn(obj, a.match[obj]) {
					return true
				}
			}
		}
	}
	return false
}

func (a *analysis) sendsBearerIn(from, to int) bool {
	for j := from; j < to; j++ {
		if t := &a.toks[j]; t.kind == kString {
			for _, p := range t.parts {
				if p.hole == "" && strings.Contains(p.lit, "Bearer") {
					return true
				}
			}
		}
	}
	return false
}
