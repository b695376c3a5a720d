package text

// keySetters are methods that set one key of a map or JSON object:
// Java's body.put("k", v), Jackson's node.put/set, Gson's addProperty,
// C#'s dict.Add("k", v), a form's append("k", v).
var keySetters = map[string]bool{
	"put": true, "set": true, "addProperty": true, "Add": true, "append": true, "putIfAbsent": true,
}

// setterEntry reads name.put("k", v) whose method name token is k as the
// entry it sets; false when it is no such call.
func (a *analysis) setterEntry(u, k int) (entry, bool) {
	toks := a.toks
	// Go's url.Values Set/Add are read as the query they encode (valuesParams)
	if a.fam == famGo || k+2 >= len(toks) || !keySetters[toks[k].text] || !toks[k+1].is("(") || a.match[k+1] < 0 || toks[k+2].kind != kString {
		return entry{}, false
	}
	args := a.args(k + 1)
	if len(args) != 2 || args[0][1]-args[0][0] != 1 {
		return entry{}, false
	}
	n, sp := a.keyName(k + 2)
	if n == "" {
		return entry{}, false
	}
	end := a.match[k+1] + 1
	return entry{name: n, kf: k + 2, vf: args[1][0], vt: args[1][1], span: a.span(u, end), nameSpan: sp}, true
}
