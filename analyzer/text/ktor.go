// Ktor clients: the request block after the verb call sets parameters
// (parameter("k", v)), the body (setBody(mapOf("k" to v))), forms
// (FormDataContent(Parameters.build { append(…) }), submitForm(…,
// formParameters = parameters { … })) and the method (method =
// HttpMethod.Put).

package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// ktorFormMakers are the calls and builders whose append("k", v) entries
// are form fields.
var ktorFormMakers = map[string]bool{
	"FormDataContent": true, "submitForm": true, "submitFormWithBinaryData": true, "formData": true,
	"MultiPartFormDataContent": true, "parameters": true, "build": true, "formParameters": true,
}

// ktorEvidence reads a Ktor call c: its arguments after the URL and the
// request block that follows it.
func (a *analysis) ktorEvidence(e *ev, c *call, argi int) {
	toks := a.toks
	lname := strings.ToLower(c.name)
	if lname == "submitform" || lname == "submitformwithbinarydata" {
		e.http = true
		if e.method == "" {
			e.method, e.implied = "POST", true
			if strings.Contains(a.text(c.cf, c.end), "encodeInQuery = true") {
				e.method = "GET"
			}
		}
	}
	if !e.http {
		return
	}
	from, to := c.ct, c.end
	if c.end < len(toks) && toks[c.end].is("{") && a.match[c.end] > c.end {
		to = a.match[c.end] + 1
	}
	for k := from; k+2 < to; k++ {
		t := &toks[k]
		switch {
		case t.kind == kIdent && t.text == "method" && toks[k+1].is("=") && e.method == "":
			if m, sp := a.methodValue(k+2, a.valueEnd(k+2)); m != "" {
				e.method, e.mspan, e.implied = m, sp, false
			}
		case t.kind == kIdent && (t.text == "parameter" || t.text == "append") && toks[k+1].is("(") && toks[k+2].kind == kString:
			name, sp := a.keyName(k + 2)
			if name == "" {
				continue
			}
			in := rules.InQuery
			if t.text == "append" {
				in = a.ktorAppendIn(k)
				if in == "" {
					continue
				}
			}
			e.params = append(e.params, rules.Param{Name: name, In: in, Span: a.span(k, a.match[k+1]+1), NameSpan: sp})
		case t.kind == kString && toks[k+1].kind == kIdent && toks[k+1].text == "to" && a.insideMapOf(k):
			if name, sp := a.keyName(k); name != "" {
				e.params = append(e.params, rules.Param{Name: name, In: rules.InBody, Span: a.span(k, min(k+3, to)), NameSpan: sp})
			}
		}
	}
}

// ktorAppendIn returns where an append("k", v) at token k puts its key:
// a form field inside a form builder, a query parameter on
// url.parameters; "" when neither.
func (a *analysis) ktorAppendIn(k int) rules.Location {
	toks := a.toks
	if k >= 2 && toks[k-1].is(".") && toks[k-2].text == "parameters" {
		return rules.InQuery // url.parameters.append("k", v)
	}
	for p := a.parent[k]; p > 0; p = a.parent[p] {
		if q := p - 1; toks[q].kind == kIdent && ktorFormMakers[toks[q].text] || toks[q].is("=") && q > 0 && ktorFormMakers[toks[q-1].text] {
			return rules.InForm
		}
		if toks[p].is("(") && p > 0 && toks[p-1].text == "setBody" {
			return rules.InForm
		}
	}
	return ""
}

// insideMapOf reports whether token k is directly inside mapOf(…),
// hashMapOf(…) or a body given to setBody.
func (a *analysis) insideMapOf(k int) bool {
	p := a.parent[k]
	if p <= 0 || !a.toks[p].is("(") {
		return false
	}
	n := a.toks[p-1].text
	return n == "mapOf" || n == "hashMapOf" || n == "mutableMapOf" || n == "linkedMapOf" || n == "buildMap"
}
