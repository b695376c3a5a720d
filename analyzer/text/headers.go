package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// headerEntry reads the headers a call sends when they are written as a
// literal mapping (headers={…}, headers: {…}, -Headers @{…}, or a name
// assigned such a literal): each entry becomes a header parameter, and an
// Authorization entry whose value starts with "Bearer" marks the call as
// sending a bearer token. The first headers value seen is remembered for
// the fixer (hdrObj, the literal's opening bracket + 1; hdrOther when the
// headers are not a literal).
func (a *analysis) headerEntry(e *ev, vf, vt int) {
	obj := a.objectIn(vf, vt)
	if e.hdrObj != 0 || e.hdrOther {
		e.hdrTwice = true
	}
	if obj < 0 || !a.toks[obj].is("{") || a.match[obj] < 0 {
		e.hdrOther = true
		return
	}
	if e.hdrObj == 0 {
		e.hdrObj = obj + 1
	}
	for _, en := range a.entries(obj) {
		if en.name == "" {
			continue
		}
		e.params = append(e.params, rules.Param{Name: en.name, In: rules.InHeader, Span: en.span, NameSpan: en.nameSpan, Value: en.value})
		if strings.EqualFold(en.name, "Authorization") && a.bearerValue(en.vf, en.vt) {
			e.bearer = true
		}
	}
}

// bearerValue reports whether a header value starts with the literal text
// "Bearer " ("Bearer $token", f"Bearer {token}", `Bearer ${token}`,
// "Bearer " + token).
func (a *analysis) bearerValue(vf, vt int) bool {
	if vf >= vt || a.toks[vf].kind != kString || len(a.toks[vf].parts) == 0 {
		return false
	}
	p := a.toks[vf].parts[0]
	return p.hole == "" && strings.HasPrefix(strings.TrimLeft(p.lit, " "), "Bearer")
}
