package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// httpAttrs are properties of an HTTP response object itself, not of the
// body it carries.
var httpAttrs = map[string]bool{
	"status": true, "statusCode": true, "status_code": true, "ok": true, "headers": true, "statusText": true,
	"code": true, "StatusCode": true, "IsSuccessStatusCode": true, "reason": true, "url": true, "raise_for_status": true,
}

// bodyWrappers lead from a response object to its body.
var bodyWrappers = map[string]bool{
	"data": true, "body": true, "json": true, "content": true, "text": true, "Content": true, "parsed_response": true,
	"getBody": true, "toArray": true, "ReadAsStringAsync": true, "ReadFromJsonAsync": true, "result": true,
}

// responseWindow is how many tokens after a call are searched for reads of
// its response and comparisons with error codes.
const responseWindow = 400

// response records the properties of the response the code reads (a
// variable the call's result is assigned to, then res.data.primaryGroupId,
// user["primaryGroupId"], $user->primaryGroupId) and the error-code
// literals it compares with (=== 'mail_already_exists'), in the code that
// follows the call up to the next function or URL.
func (a *analysis) response(c *rules.Call, cf, ct int) {
	toks := a.toks
	// the response variable, and variables its body is assigned to
	// (user = await r.json()), whose properties are all body fields
	vars := map[string]bool{}
	if v := a.resultVar(cf); v != "" {
		vars[v] = false
	}
	if a.consumedWhole(cf, ct) {
		c.ResponseRead = true
	}
	end := min(len(toks), ct+responseWindow)
	for j := ct; j < end; j++ {
		t := &toks[j]
		if t.kind == kIdent && t.nl && (t.text == "def" || t.text == "function" || t.text == "func" || t.text == "public" || t.text == "private" || t.text == "protected" || t.text == "export") {
			break
		}
		if t.kind == kString && j != ct && a.startsURL(j) {
			break
		}
		if body, ok := vars[t.text]; ok && t.kind == kIdent && (j == 0 || !a.memberOp(j-1)) {
			if a.fieldsAfter(c, j+1, body) {
				if w := a.resultVar(j); w != "" && w != t.text {
					vars[w] = true
				}
			}
		}
		if t.kind == kString && len(t.parts) == 1 && t.parts[0].hole == "" && a.compared(j) {
			lit := t.parts[0].lit
			if lit != "" && len(lit) < 80 && !strings.ContainsAny(lit, "/\n") {
				c.ErrorCodes = append(c.ErrorCodes, rules.Param{Name: lit, Value: lit, Span: t.parts[0].span, NameSpan: t.parts[0].span})
			}
		}
	}
}

// startsURL reports whether the string at j holds a URL of its own.
func (a *analysis) startsURL(j int) bool {
	for _, p := range a.toks[j].parts {
		if p.hole == "" && (strings.Contains(p.lit, "://") || strings.Contains(p.lit, "api/v1")) {
			return true
		}
	}
	return false
}

// resultVar returns the variable a call starting at token cf is assigned
// to (await and .json() allowed): r = …, const res = await …, $user = ….
func (a *analysis) resultVar(cf int) string {
	toks := a.toks
	k := cf - 1
	if k >= 0 && toks[k].kind == kIdent && (toks[k].text == "await" || toks[k].text == "new") {
		k--
	}
	if k < 1 || !(toks[k].is("=") || toks[k].is(":=")) {
		return ""
	}
	n := &toks[k-1]
	if n.kind != kIdent {
		if n.is(",") && k >= 2 && toks[k-2].kind == kIdent {
			return toks[k-2].text // resp, err := …
		}
		return ""
	}
	if k >= 2 && a.memberOp(k-2) {
		return ""
	}
	return n.text
}

// fieldsAfter reads the accessor chain after a response variable; it
// reports whether the chain only leads to the body (r.json(), res.data).
func (a *analysis) fieldsAfter(c *rules.Call, j int, body bool) bool {
	toks := a.toks
	depth := 0
	onlyWrappers := true
	for j < len(toks) && depth < 6 {
		var name string
		var sp rules.Span
		switch {
		case j+1 < len(toks) && a.memberOp(j) && toks[j+1].kind == kIdent:
			name, sp = toks[j+1].text, toks[j+1].spanOf()
			j += 2
			if j < len(toks) && toks[j].is("(") && a.match[j] > j {
				if len(a.args(j)) > 0 {
					return false
				}
				j = a.match[j] + 1
			}
		case j+2 < len(toks) && toks[j].is("[") && toks[j+1].kind == kString && toks[j+2].is("]") && len(toks[j+1].parts) == 1 && toks[j+1].parts[0].hole == "":
			name, sp = toks[j+1].parts[0].lit, toks[j+1].parts[0].span
			j += 3
		case j+3 < len(toks) && toks[j].is("[") && toks[j+1].is(":") && toks[j+2].kind == kIdent && toks[j+3].is("]"):
			name, sp = toks[j+2].text, toks[j+2].spanOf()
			j += 4
		default:
			return depth > 0 && onlyWrappers
		}
		depth++
		if depth == 1 && !body && httpAttrs[name] {
			return false
		}
		if !body && bodyWrappers[name] && depth <= 2 {
			continue
		}
		onlyWrappers = false
		c.ResponseFields = append(c.ResponseFields, rules.Param{Name: name, Span: sp, NameSpan: sp})
	}
	return false
}

// compared reports whether the string at j is one side of an equality
// comparison or a case label.
func (a *analysis) compared(j int) bool {
	toks := a.toks
	eq := func(t *token) bool {
		return t.kind == kPunct && (t.text == "==" || t.text == "===" || t.text == "!=" || t.text == "!==") ||
			t.kind == kIdent && (strings.EqualFold(t.text, "-eq") || strings.EqualFold(t.text, "-ne") || t.text == "equals" || t.text == "Equals")
	}
	if j > 0 && eq(&toks[j-1]) || j+1 < len(toks) && eq(&toks[j+1]) {
		return true
	}
	if j > 0 && toks[j-1].kind == kIdent && (toks[j-1].text == "case" || toks[j-1].text == "when") {
		return true
	}
	// "x".equals(code), 'x' in codes are not compared with the response
	return j > 1 && toks[j-1].is("(") && toks[j-2].kind == kIdent && (toks[j-2].text == "equals" || toks[j-2].text == "Equals")
}

// consumedWhole reports a response read in ways the field analysis does
// not follow: a promise chain (fetch(…).then(r => r.json()).then(…)) or a
// destructuring assignment (const { data } = await axios.put(…)).
func (a *analysis) consumedWhole(cf, ct int) bool {
	toks := a.toks
	if ct+1 < len(toks) && toks[ct].is(".") && toks[ct+1].kind == kIdent && toks[ct+1].text == "then" {
		return true
	}
	k := cf - 1
	if k >= 0 && toks[k].kind == kIdent && toks[k].text == "await" {
		k--
	}
	return k >= 1 && toks[k].is("=") && (toks[k-1].is("}") || toks[k-1].is("]"))
}
