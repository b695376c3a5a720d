package text

import (
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// maxMergeDepth bounds how many names and merges deep parameters are
// followed (body → auth + {…} → auth's literal).
const maxMergeDepth = 4

// mergers are calls whose result holds the keys of their receiver and of
// their arguments: auth.merge(deleted: true), array_merge($auth, […]),
// Object.assign({}, auth, {…}), dict(auth, deleted=True).
var mergers = map[string]bool{
	"merge": true, "merge!": true, "deep_merge": true, "reverse_merge": true, "array_merge": true,
	"array_replace": true, "assign": true, "dict": true, "update": true, "putAll": true,
}

// encoders are calls that serialise their first argument without changing
// its keys: JSON.stringify(body), json_encode($payload), ofString(json).
var encoders = map[string]bool{
	"stringify": true, "dumps": true, "json_encode": true, "http_build_query": true, "URLSearchParams": true,
	"jsonify": true, "urlencode": true, "encode_www_form": true, "Marshal": true, "ofString": true,
	"StringContent": true, "FormUrlEncodedContent": true, "Create": true, "Serialize": true,
	"SerializeObject": true, "to_json": true, "HttpEntity": true, "JsonContent": true, "generate": true, "toJson": true, "writeValueAsString": true,
	// Go readers over the encoded bytes: bytes.NewReader(b), strings.NewReader(s)
	"NewReader": true, "NewBuffer": true, "NewBufferString": true,
}

// postfixes are member reads that keep an object's keys: Ruby's
// {…}.compact.to_json.
var postfixes = map[string]bool{"to_json": true, "compact": true, "to_h": true, "stringify_keys": true, "symbolize_keys": true, "to_query": true}

// paramEntries returns the keys a request's parameter value [vf, vt)
// carries, seen from token at: object literals and what they are merged
// with (auth + {…}, {...auth, k: v}, auth.merge(k: v)), names assigned such
// values, keys assigned to those names before at (body["k"] = v,
// payload.k = v) and JSON text held in a string.
func (a *analysis) paramEntries(vf, vt, at, depth int) []entry {
	toks := a.toks
	if depth > maxMergeDepth || vf >= vt || vt > len(toks) {
		return nil
	}
	if ops := a.plusOperands(vf, vt); len(ops) > 1 {
		var out []entry
		for _, op := range ops {
			out = append(out, a.paramEntries(op[0], op[1], at, depth+1)...)
		}
		return out
	}
	if toks[vf].is("(") && a.match[vf] == vt-1 {
		return a.paramEntries(vf+1, vt-1, at, depth+1)
	}
	// PowerShell: $body | ConvertTo-Json
	if a.fam.powershell {
		for k := vf + 1; k < vt; k++ {
			if (toks[k].is("(") || toks[k].is("{")) && a.match[k] > k {
				k = a.match[k]
				continue
			}
			if toks[k].is("|") {
				return a.paramEntries(vf, k, at, depth+1)
			}
		}
	}
	if toks[vf].kind == kIdent && toks[vf].text == "new" && vf+1 < vt && toks[vf+1].kind == kIdent {
		if obj := a.initializer(vf+1, vt); obj >= 0 {
			return a.entries(obj)
		}
	}
	// {…}.compact.to_json, body.to_json
	if vt-vf >= 3 && toks[vt-1].kind == kIdent && postfixes[toks[vt-1].text] && a.memberOp(vt-2) {
		return a.paramEntries(vf, vt-2, at, depth+1)
	}
	if toks[vt-1].is(")") && a.match[vt-1] > vf {
		p := a.match[vt-1]
		nt := p - 1
		if lt := a.typeArgsStart(nt); lt > 0 {
			nt = lt - 1 // new HttpEntity<>(…)
		}
		name := toks[nt].text
		if toks[nt].kind == kIdent && (mergers[name] || encoders[name]) && a.operandStart(nt) == vf {
			var out []entry
			if mergers[name] {
				out = a.entries(p)
			}
			for n, r := range a.args(p) {
				if encoders[name] && n > 0 {
					break
				}
				if toks[r[0]].text == "new" {
					// new Dictionary<string, object> { … }: its type's commas split no argument
					if obj := a.initializer(r[0]+1, a.match[p]); obj >= 0 {
						out = append(out, a.entries(obj)...)
						break
					}
				}
				out = append(out, a.paramEntries(r[0], r[1], at, depth+1)...)
			}
			if p-2 > vf && a.memberOp(p-2) {
				out = append(out, a.paramEntries(vf, p-2, at, depth+1)...)
			}
			return out
		}
	}
	if vt-vf == 1 && toks[vf].kind == kString {
		return a.jsonKeys(vf)
	}
	if toks[vf].kind == kIdent && (a.operandEnd(vf) == vt || a.nameChain(vf, vt)) {
		name := a.text(vf, vt)
		if isRefText(name) && !strings.HasSuffix(name, ")") {
			if v := a.lastValue(name, at); v >= 0 {
				out := a.paramEntries(v, a.valueEnd(v), v, depth+1)
				return append(out, a.laterKeys(name, v, at)...)
			}
		}
	}
	if obj := a.objectIn(vf, vt); obj >= 0 {
		out := a.entries(obj)
		for _, r := range a.spreads(obj) {
			out = append(out, a.paramEntries(r[0], r[1], at, depth+1)...)
		}
		return out
	}
	return nil
}

// spreads returns the names spread into the object literal opened at obj:
// {...auth, k: v} in JavaScript, {**auth, "k": v} in Python.
func (a *analysis) spreads(obj int) [][2]int {
	if !a.toks[obj].is("{") || !(a.fam.js() || a.fam.python) {
		return nil
	}
	var out [][2]int
	for _, r := range a.args(obj) {
		if r[1]-r[0] >= 2 && (a.toks[r[0]].is("...") || a.toks[r[0]].is("**")) {
			out = append(out, [2]int{r[0] + 1, r[1]})
		}
	}
	return out
}

// nameChain reports whether [vf, vt) is a plain name or member chain
// (creds, self.auth, $this->auth).
func (a *analysis) nameChain(vf, vt int) bool {
	for k := vf; k < vt; k++ {
		if (k-vf)%2 == 0 && a.toks[k].kind != kIdent || (k-vf)%2 == 1 && !a.memberOp(k) {
			return false
		}
	}
	return (vt-vf)%2 == 1
}

// plusOperands splits [vf, vt) at its top-level '+' (PHP and PowerShell
// array unions, merged hashes), or returns one range.
func (a *analysis) plusOperands(vf, vt int) [][2]int {
	var out [][2]int
	start := vf
	for k := vf; k < vt; k++ {
		t := &a.toks[k]
		if (t.is("(") || t.is("[") || t.is("{")) && a.match[k] > k {
			k = a.match[k]
			continue
		}
		if t.is("+") && k > start {
			out = append(out, [2]int{start, k})
			start = k + 1
		}
	}
	return append(out, [2]int{start, vt})
}

// initializer returns the '{' of a C#/Java collection or object
// initializer after new T<…>(…), or -1.
func (a *analysis) initializer(k, vt int) int {
	toks := a.toks
	for ; k < vt; k++ {
		t := &toks[k]
		switch {
		case t.is("{"):
			return k
		case t.is("(") && a.match[k] > k:
			k = a.match[k]
		case t.kind == kIdent || t.kind == kPunct && strings.Contains(". , < > >> [ ] ?", t.text):
		default:
			return -1
		}
	}
	return -1
}

// lastValue returns the first token of the value last assigned to name
// before token at, or -1.
func (a *analysis) lastValue(name string, at int) int {
	list := a.vals[name] // in token order
	if k := sort.SearchInts(list, at); k > 0 {
		return list[k-1]
	}
	return -1
}

// maxLaterUses bounds how many uses of a payload's name before a call are
// read for keys assigned to it, so that a name used all over a large file
// costs each call a constant.
const maxLaterUses = 64

// laterKeys returns the keys assigned to name's entries between tokens from
// and to: body["k"] = v, $payload['k'] = v, payload.k = v, body[:k] = v,
// and body.update({…}) / body.update(k=v).
func (a *analysis) laterKeys(name string, from, to int) []entry {
	toks := a.toks
	last := name
	if i := strings.LastIndexAny(last, ".>:"); i >= 0 && i+1 < len(last) {
		last = last[i+1:]
	}
	var out []entry
	pos := a.byName[last]
	lo := max(sort.SearchInts(pos, from+1), sort.SearchInts(pos, to)-maxLaterUses)
	for k := lo; k < len(pos) && pos[k] < to; k++ {
		u := pos[k]
		if u+4 >= len(toks) {
			continue
		}
		start := a.operandStart(u)
		if start < 0 || a.text(start, u+1) != name || start > 0 && a.memberOp(start-1) {
			continue
		}
		switch {
		case toks[u+1].is("[") && a.match[u+1] == u+3 && toks[u+4].is("="):
			k := u + 2
			if n, sp := a.keyName(k); n != "" {
				n = strings.TrimPrefix(n, ":")
				out = append(out, entry{name: n, kf: k, vf: u + 5, vt: a.valueEnd(u + 5), span: a.span(u, a.valueEnd(u+5)), nameSpan: sp})
			}
		case a.memberOp(u+1) || toks[u+1].is("."):
			k := u + 2
			if toks[k].kind != kIdent {
				continue
			}
			if toks[k+1].is("=") {
				out = append(out, entry{name: toks[k].text, kf: k, vf: k + 2, vt: a.valueEnd(k + 2), span: a.span(u, a.valueEnd(k+2)), nameSpan: toks[k].spanOf()})
			} else if en, ok := a.setterEntry(u, k); ok {
				out = append(out, en)
			} else if mergers[toks[k].text] && toks[k+1].is("(") && a.match[k+1] > k {
				out = append(out, a.entries(k+1)...)
				for _, r := range a.args(k + 1) {
					if obj := a.objectIn(r[0], r[1]); obj >= 0 {
						out = append(out, a.entries(obj)...)
					}
				}
			}
		}
	}
	return out
}

// jsonKeys returns the top-level keys of JSON text held in the string
// token k ("{\"primaryGroupId\": …}", Java text blocks, C# raw strings).
func (a *analysis) jsonKeys(k int) []entry {
	t := &a.toks[k]
	var txt strings.Builder
	for _, p := range t.parts {
		if p.hole == "" {
			txt.WriteString(p.lit)
		} else {
			txt.WriteString("0")
		}
	}
	s := strings.TrimSpace(txt.String())
	if !strings.HasPrefix(s, "{") {
		return nil
	}
	src := a.src[t.start:t.end]
	var out []entry
	depth, seen := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return out
			}
			key := s[i+1 : i+1+j]
			i += j + 1
			rest := strings.TrimLeft(s[i+1:], " \t\r\n")
			if depth != 1 || !strings.HasPrefix(rest, ":") || key == "" {
				continue
			}
			sp := t.spanOf()
			// the key's own place in the file when it is written there once
			if n := strings.Index(src[seen:], key); n >= 0 {
				sp = rules.Span{Start: t.start + seen + n, End: t.start + seen + n + len(key)}
				seen += n + len(key)
			}
			out = append(out, entry{name: key, kf: k, vf: k, vt: k + 1, span: sp, nameSpan: sp})
		}
	}
	return out
}

// condQueryParams returns the query parameters a URL expression adds in a
// conditional piece: url + (deleted ? '&deleted=true' : ""), Python
// ("&deleted=true" if deleted else "").
func (a *analysis) condQueryParams(from, to int) []rules.Param {
	toks := a.toks
	var out []rules.Param
	for k := from; k < to; k++ {
		t := &toks[k]
		if t.kind == kString {
			for _, p := range t.parts {
				if p.hole != "" {
					out = append(out, a.holeQueryParams(p)...)
				}
			}
		}
		if t.kind != kString || len(t.parts) != 1 || t.parts[0].hole != "" {
			continue
		}
		p := a.parent[k]
		if p < from || !toks[p].is("(") || !a.conditional(p) {
			continue
		}
		lit := t.parts[0].lit
		if !(strings.HasPrefix(lit, "&") || strings.HasPrefix(lit, "?")) || !strings.Contains(lit, "=") {
			continue
		}
		raw := t.parts[0].span.End-t.parts[0].span.Start == len(lit)
		off := 0
		for _, kv := range strings.Split(lit, "&") {
			name, _, _ := strings.Cut(strings.TrimPrefix(kv, "?"), "=")
			lead := len(kv) - len(strings.TrimPrefix(kv, "?"))
			if name != "" {
				sp := t.parts[0].span
				if raw {
					sp = rules.Span{Start: sp.Start + off + lead, End: sp.Start + off + lead + len(name)}
				}
				out = append(out, rules.Param{Name: name, In: rules.InQuery, Span: sp, NameSpan: sp})
			}
			off += len(kv) + 1
		}
	}
	return out
}

// holeQueryParams reads the query pieces a conditional written inside an
// interpolation adds: `…${gone ? '&deleted=true' : none}`,
// f"…{'&deleted=true' if gone else none}".
func (a *analysis) holeQueryParams(p piece) []rules.Param {
	if p.span.Start < 0 || p.span.End > len(a.src) || p.span.End-p.span.Start > 400 {
		return nil
	}
	src := a.src[p.span.Start:p.span.End]
	if !strings.Contains(src, "?") && !strings.Contains(src, " if ") {
		return nil
	}
	var out []rules.Param
	for i := 0; i < len(src); i++ {
		q := src[i]
		if q != '\'' && q != '"' {
			continue
		}
		j := strings.IndexByte(src[i+1:], q)
		if j < 0 {
			break
		}
		lit := src[i+1 : i+1+j]
		base := p.span.Start + i + 1
		i += j + 1
		if !(strings.HasPrefix(lit, "&") || strings.HasPrefix(lit, "?")) || !strings.Contains(lit, "=") || strings.ContainsAny(lit, "\\{$") {
			continue
		}
		off := 0
		for _, kv := range strings.Split(lit, "&") {
			lead := len(kv) - len(strings.TrimPrefix(kv, "?"))
			if name, _, _ := strings.Cut(kv[lead:], "="); name != "" {
				sp := rules.Span{Start: base + off + lead, End: base + off + lead + len(name)}
				out = append(out, rules.Param{Name: name, In: rules.InQuery, Span: sp, NameSpan: sp})
			}
			off += len(kv) + 1
		}
	}
	return out
}

// conditional reports whether the parentheses opened at p hold a
// conditional expression (c ? x : y, x if c else y).
func (a *analysis) conditional(p int) bool {
	for k := p + 1; k < a.match[p]; k++ {
		t := &a.toks[k]
		if t.is("?") || t.kind == kIdent && (t.text == "if" || t.text == "else") {
			return true
		}
		if (t.is("(") || t.is("[") || t.is("{")) && a.match[k] > k {
			k = a.match[k]
		}
	}
	return false
}

// maxRawQueryGap bounds how many tokens after a Go URL expression a
// req.URL.RawQuery = q.Encode() assignment is looked for.
const maxRawQueryGap = 200

// extraParams returns the query parameters a URL expression adds outside
// its literal text: conditional pieces and, in Go, url.Values encoded into
// it or into the request's RawQuery (q.Set("deleted", "true")).
func (a *analysis) extraParams(e *expr) []rules.Param {
	out := a.condQueryParams(e.from, e.to)
	out = append(out, a.builderQueryParams(e.from, e.to)...)
	out = append(out, a.encodedQueryParams(e.from, e.to)...)
	if a.fam != famGo {
		return out
	}
	toks := a.toks
	var names []int
	for k := e.from; k+3 < e.to+maxRawQueryGap && k+3 < len(toks); k++ {
		if k >= e.to && !(toks[k].text == "RawQuery" && toks[k+1].is("=")) {
			continue
		}
		if k >= e.to {
			k += 2
		}
		if k+3 < len(toks) && toks[k].kind == kIdent && toks[k+1].is(".") && toks[k+2].text == "Encode" && toks[k+3].is("(") {
			names = append(names, k)
		}
	}
	for _, n := range names {
		out = append(out, a.valuesParams(n)...)
	}
	return out
}

// valuesParams returns the keys set on the Go url.Values named at token n
// before it (q.Set("deleted", "true")), as query parameters.
func (a *analysis) valuesParams(n int) []rules.Param {
	toks := a.toks
	var out []rules.Param
	name := toks[n].text
	from := a.lastValue(name, n)
	pos := a.byName[name]
	lo := max(sort.SearchInts(pos, from+1), sort.SearchInts(pos, n)-maxLaterUses)
	for k := lo; k < len(pos) && pos[k] < n; k++ {
		u := pos[k]
		if u+4 < len(toks) && toks[u+1].is(".") && (toks[u+2].text == "Set" || toks[u+2].text == "Add") && toks[u+3].is("(") {
			if key, sp := a.keyName(u + 4); key != "" && toks[u+4].kind == kString {
				out = append(out, rules.Param{Name: key, In: rules.InQuery, Span: a.span(u, a.match[u+3]+1), NameSpan: sp})
			}
		}
	}
	return out
}
