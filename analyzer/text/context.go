package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// ev is the evidence the surroundings of a URL give about the call.
type ev struct {
	http    bool // the URL is what an HTTP call is made to
	server  bool // the URL is a route the code serves
	method  string
	mspan   rules.Span
	implied bool
	params  []rules.Param
	span    rules.Span
	// receiver is the key of the client the call is made on.
	receiver string
	// cf and ct are the call's first token and the token after it; ct is
	// 0 when there is no call.
	cf, ct int
	// bearer reports that the call sends a bearer token.
	bearer bool
	// dataQuery reports that a data= argument is sent as the query
	// string (an Airflow HTTP operator's GET).
	dataQuery bool
	// iface is the Refit interface a declared call belongs to.
	iface string
	// helper is the base a project wrapper taking (method, path) puts
	// before the path in its definition (c.root), "" when not seen.
	helper string
	// wrapper is the project function a relative path is passed to when
	// no HTTP evidence explains the call (lmsFetch('/users')), "" else.
	wrapper string
	// base is the base a declarative client puts before its paths
	// (@FeignClient(url = …)), nil when none.
	base []item
	// hdrObj is the opening bracket + 1 of the literal the call's headers
	// are written in (0 when none); hdrOther reports headers given some
	// other way, hdrTwice headers given more than once.
	hdrObj             int
	hdrOther, hdrTwice bool
	// idiom names the request idiom a fixer can edit ("" when none);
	// client the object a Python call is made on, when not requests.
	idiom, client string
	// own is the definition of the URL when the call is its only use.
	own *def
}

// call is a call expression: callee tokens [cf, ct), arguments.
type call struct {
	cf, ct    int
	open      int // '(' or -1 for a call without parentheses
	end       int // token after the call
	name      string
	nameTok   int
	receiver  string
	args      [][2]int
	parenless bool
}

var verbs = map[string]string{"get": "GET", "put": "PUT", "post": "POST", "delete": "DELETE", "del": "DELETE", "patch": "PATCH", "head": "HEAD"}

// verbName returns the method a client method's name says (put, PutAsync,
// postForObject, http.Get), or "".
func verbName(name string) string {
	l := strings.ToLower(name)
	if m, ok := verbs[l]; ok {
		return m
	}
	for _, suffix := range []string{"async", "asjsonasync", "fromjsonasync", "stringasync", "streamasync", "bytearrayasync", "forobject", "forentity", "forlocation", "form"} {
		if strings.HasSuffix(l, suffix) {
			if m, ok := verbs[strings.TrimSuffix(l, suffix)]; ok {
				return m
			}
		}
	}
	return ""
}

// notClients are receivers whose get(…) is a lookup, not an HTTP call.
var notClients = map[string]bool{
	"environ": true, "env": true, "config": true, "settings": true, "headers": true, "params": true, "options": true,
	"opts": true, "kwargs": true, "args": true, "data": true, "cache": true, "store": true, "map": true, "dict": true,
	"props": true, "query": true, "os": true, "localstorage": true, "sessionstorage": true, "req": true, "json": true,
	"body": true, "form": true, "cookies": true, "values": true, "attrs": true, "meta": true, "context": true, "ctx": true,
	"state": true, "redis": true, "conf": true, "cfg": true, "vars": true, "row": true, "record": true, "result": true,
	"res": true, "response": true, "resp": true, "user": true, "users": true, "payload": true, "item": true, "obj": true,
}

// requestNames are calls that take the method as an argument.
var requestNames = map[string]bool{
	"request": true, "fetch": true, "newrequest": true, "newrequestwithcontext": true, "exchange": true, "execute": true,
	"urlopen": true, "ajax": true, "httprequestmessage": true, "invoke-restmethod": true, "invoke-webrequest": true,
	"irm": true, "iwr": true, "open": true, "curl_init": true, "sendrequest": true, "makerequest": true, "send": true,
	"requestasync": true, "sendasync": true, "curl_setopt": true, "urllib.request.request": true, "httprequest": true,
	// .NET WebClient: UploadString(url, "PUT", data)
	"uploadstring": true, "uploadstringasync": true, "uploadstringtaskasync": true, "uploaddata": true, "uploadvalues": true,
}

// callAt describes the call whose '(' is at p.
func (a *analysis) callAt(p int) *call {
	toks := a.toks
	if p <= 0 || !toks[p].is("(") || toks[p].nl && !a.fam.python {
		return nil
	}
	nt := p - 1
	if lt := a.typeArgsStart(nt); lt > 0 {
		nt = lt - 1 // lms.get<User[]>(…), GetFromJsonAsync<User>(…)
	}
	if toks[nt].kind != kIdent {
		return nil
	}
	cf := a.operandStart(nt)
	if cf < 0 {
		cf = nt
	}
	c := &call{cf: cf, ct: p, open: p, end: a.match[p] + 1, name: toks[nt].text, nameTok: nt, args: a.args(p)}
	if a.match[p] < 0 {
		c.end = len(toks)
	}
	if nt-1 > cf {
		c.receiver = a.text(cf, nt-1)
	}
	return c
}

// maxTypeArgs bounds how many tokens a generic type argument list may
// span, keeping the backward scan constant-time.
const maxTypeArgs = 24

// typeArgsStart returns the '<' of the generic type argument list that ends
// at token gt ('>' or '>>') right before a call's '(' in the languages that
// have them, else -1.
func (a *analysis) typeArgsStart(gt int) int {
	toks := a.toks
	if !(a.fam.js() || a.fam.csharp || a.fam == famJava || a.fam.kotlin) || gt < 2 || toks[gt].kind != kPunct {
		return -1
	}
	depth := 0
	for k := gt; k > 0 && gt-k <= maxTypeArgs; k-- {
		t := &toks[k]
		if t.kind == kIdent {
			continue
		}
		if t.kind != kPunct {
			return -1
		}
		switch t.text {
		case ">":
			depth++
		case ">>":
			depth += 2
		case "<":
			depth--
			if depth == 0 {
				if toks[k-1].kind == kIdent {
					return k
				}
				return -1
			}
		case ".", ",", "[", "]", "|", "&", "?", "{", "}", ":", ";":
			if t.text == ";" && !a.fam.js() {
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}

// parenlessCall finds the command a value at from is an argument of in
// Ruby (put "/x", body: …) and PowerShell (Invoke-RestMethod -Uri …).
func (a *analysis) parenlessCall(from int) *call {
	toks := a.toks
	if !(a.fam.ruby || a.fam.powershell) {
		return nil
	}
	k := from
	for k > 0 && !toks[k].nl {
		prev := &toks[k-1]
		if prev.kind == kPunct {
			switch prev.text {
			case "|", ";", "{", "(", "=", "[":
				k = -1
			case ")", "]", "}":
				if a.match[k-1] >= 0 {
					k = a.match[k-1]
					continue
				}
			}
			if k < 0 {
				break
			}
		}
		k--
	}
	if k < 0 {
		k = 0
		for j := from; j > 0; j-- {
			if toks[j].nl || toks[j-1].kind == kPunct && strings.Contains("|;{(=[", toks[j-1].text) {
				k = j
				break
			}
		}
	}
	// k is the first token of the command line
	if k >= from || toks[k].kind != kIdent {
		return nil
	}
	ce := a.operandEnd(k)
	if ce < 0 || ce > from {
		return nil
	}
	nt := ce - 1
	if toks[nt].kind != kIdent {
		return nil
	}
	end := from
	for end < len(toks) && !(end > from && toks[end].nl) {
		t := &toks[end]
		if t.is("|") || t.is(";") || t.is("}") || t.is(")") {
			break
		}
		if (t.is("(") || t.is("[") || t.is("{")) && a.match[end] > end {
			end = a.match[end] + 1
			continue
		}
		end++
	}
	c := &call{cf: k, ct: ce, open: -1, end: end, name: toks[nt].text, nameTok: nt, parenless: true}
	if nt-1 > k {
		c.receiver = a.text(k, nt-1)
	}
	// arguments: Ruby splits on commas; PowerShell on -Param names
	start := ce
	for j := ce; j < end; j++ {
		t := &toks[j]
		if (t.is("(") || t.is("[") || t.is("{")) && a.match[j] > j {
			j = a.match[j]
			continue
		}
		if t.is(",") && a.fam.ruby || t.param && j > start {
			if j > start {
				c.args = append(c.args, [2]int{start, j})
			}
			start = j
			if t.is(",") {
				start = j + 1
			}
		}
	}
	if end > start {
		c.args = append(c.args, [2]int{start, end})
	}
	return c
}

// argIndex returns the index of the argument of c that token i is in.
func argIndex(c *call, i int) int {
	for n, r := range c.args {
		if r[0] <= i && i < r[1] {
			return n
		}
	}
	return -1
}

// evidence reads what surrounds the URL value at tokens [from, to).
func (a *analysis) evidence(from, to int, url string) ev {
	toks := a.toks
	from, to = a.lift(from, to)
	var e ev
	if a.comparedPath(from, to, url) {
		e.server = true
		return e
	}
	// a request config: { url: X, method: 'PUT', data: {…} }, Uri = X
	if name, kind, at := a.nameBefore(from); kind == "key" || kind == "assign" && a.inHashtable(at) || kind == "assign" && a.parent[from] >= 0 && toks[a.parent[from]].is("(") {
		key := rules.BaseKey(name)
		if key == "url" || key == "uri" {
			obj := a.parent[from]
			if obj >= 0 {
				a.configEvidence(&e, obj)
				var c *call
				if c = a.callAt(obj); c != nil {
					a.callEvidence(&e, c, -1, url)
				} else if pp := a.parent[obj]; pp >= 0 {
					if c = a.callAt(pp); c != nil {
						a.callEvidence(&e, c, -1, url)
						a.configCallVerb(&e, c, obj)
					}
				}
				if e.method != "" {
					e.http = true
					if c != nil && e.idiom == "" {
						// axios({ url, method, headers, data })
						e.idiom = a.idiomOf(c)
					}
				}
				return e
			}
		}
	}
	if p := a.parent[from]; p >= 0 {
		if c := a.callAt(p); c != nil {
			if outer, query := a.uriBuilderCall(c); outer != nil {
				a.callEvidence(&e, outer, -1, url)
				if e.http {
					e.params = append(e.params, query...)
				}
				return e
			}
			a.callEvidence(&e, c, argIndex(c, from), url)
			return e
		}
	}
	if c := a.parenlessCall(from); c != nil {
		a.callEvidence(&e, c, argIndex(c, from), url)
	}
	return e
}

// inHashtable reports whether token i is directly inside @{ … }.
func (a *analysis) inHashtable(i int) bool {
	p := a.parent[i]
	return a.fam.powershell && p > 0 && a.toks[p].is("{") && a.toks[p-1].is("@")
}

// configEvidence reads method and parameters from the sibling entries of a
// request config object opened at obj.
func (a *analysis) configEvidence(e *ev, obj int) {
	for _, en := range a.entries(obj) {
		k := strings.ToLower(en.name)
		switch k {
		case "method", "type", "verb":
			if m, sp := a.methodValue(en.vf, en.vt); m != "" && e.method == "" {
				e.method, e.mspan = m, sp
			}
		}
	}
	for _, en := range a.entries(obj) {
		a.paramEntry(e, en)
	}
}

// methodValue reads an HTTP method from a value: 'PUT', :put,
// HttpMethod.Put, http.MethodPut, Method::PUT.
func (a *analysis) methodValue(vf, vt int) (string, rules.Span) {
	toks := a.toks
	if vt-vf == 1 && toks[vf].kind == kString && len(toks[vf].parts) == 1 && toks[vf].parts[0].hole == "" {
		if m, ok := verbs[strings.ToLower(toks[vf].parts[0].lit)]; ok && m != "" && strings.ToLower(toks[vf].parts[0].lit) != "del" {
			return m, toks[vf].parts[0].span
		}
	}
	if vt-vf == 2 && toks[vf].is(":") && toks[vf+1].kind == kIdent {
		if m, ok := verbs[strings.ToLower(toks[vf+1].text)]; ok {
			return m, a.span(vf, vt)
		}
	}
	if vt > vf && toks[vt-1].kind == kIdent {
		last := toks[vt-1].text
		l := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(last, "Method"), "HTTP_"))
		if m, ok := verbs[l]; ok && l != "del" && (vt-vf > 1 || a.fam.powershell || strings.HasPrefix(last, "Method")) {
			if vt-vf == 1 || strings.Contains(strings.ToLower(a.text(vf, vt)), "method") || strings.HasPrefix(last, "Method") {
				return m, toks[vt-1].spanOf()
			}
		}
	}
	return "", rules.Span{}
}

func (t *token) spanOf() rules.Span { return rules.Span{Start: t.start, End: t.end} }

// callEvidence reads the method, the parameters and the server shape of
// call c, whose argument argi holds the URL.
func (a *analysis) callEvidence(e *ev, c *call, argi int, url string) {
	toks := a.toks
	e.span = rules.Span{Start: toks[c.cf].start, End: toks[max(c.end-1, c.cf)].end}
	e.cf, e.ct = c.cf, c.end
	e.receiver = rules.BaseKey(c.receiver)
	name := c.name
	lname := strings.ToLower(name)
	if a.feignEvidence(e, c) || a.apacheEvidence(e, c, argi) {
		return
	}
	if a.isServer(c, url) {
		e.server = true
		return
	}
	recvKey := e.receiver
	if m := verbName(name); m != "" && (argi == 0 || c.parenless && argi <= 1) {
		if !(lname == "get" && notClients[recvKey]) && !(lname == "delete" && notClients[recvKey]) {
			e.http, e.method, e.mspan = true, m, toks[c.nameTok].spanOf()
		}
	}
	// Net::HTTP::Put.new(uri)
	if e.method == "" && name == "new" {
		for k := c.cf; k < c.nameTok; k++ {
			if t := &toks[k]; t.kind == kIdent && len(t.text) > 0 && t.text[0] >= 'A' && t.text[0] <= 'Z' {
				if m := verbs[strings.ToLower(t.text)]; m != "" {
					e.http, e.method, e.mspan = true, m, t.spanOf()
				}
			}
		}
	}
	if requestNames[lname] || requestNames[strings.ToLower(a.text(c.cf, c.ct))] || e.http {
		if !(lname == "open" || lname == "send" || lname == "execute") || e.method != "" {
			e.http = true
		}
		if lname == "urlopen" && a.fam.python && e.method == "" {
			e.http = true
		}
	}
	// the method among the arguments
	verbArg := false
	// methodAt is the argument giving the method, -1 when none does
	methodAt := -1
	for n, r := range c.args {
		if n == argi || e.method != "" && !c.parenless {
			continue
		}
		vf, vt := r[0], r[1]
		if toks[vf].param {
			if strings.EqualFold(toks[vf].text, "-Method") && vt > vf+1 {
				if m, sp := a.methodValue(vf+1, vt); m != "" {
					e.method, e.mspan, e.http = m, sp, true
				}
			}
			continue
		}
		if vt-vf >= 3 && (toks[vf+1].is("=") || toks[vf+1].is(":")) && toks[vf].kind == kIdent {
			if k := strings.ToLower(toks[vf].text); k == "method" || k == "type" {
				if m, sp := a.methodValue(vf+2, vt); m != "" {
					e.method, e.mspan = m, sp
					e.http = e.http || requestNames[lname]
					// an operator or task given method= and endpoint=
					// (Airflow's SimpleHttpOperator / HttpOperator)
					if !e.http && a.urlKeyword(c, argi) {
						e.http, e.dataQuery = true, m == "GET"
					}
				}
			}
			continue
		}
		if obj := a.objectIn(vf, vt); obj >= 0 && toks[obj].is("{") && (requestNames[lname] || e.http) {
			for _, en := range a.entries(obj) {
				if k := strings.ToLower(en.name); k == "method" || k == "type" {
					if m, sp := a.methodValue(en.vf, en.vt); m != "" && e.method == "" {
						e.method, e.mspan, e.http = m, sp, true
					}
				}
			}
			continue
		}
		if m, sp := a.methodValue(vf, vt); m != "" && e.method == "" {
			e.method, e.mspan = m, sp
			methodAt = n
			if requestNames[lname] || strings.Contains(lname, "request") {
				e.http = true
			}
			// a project's own wrapper: call("PUT", "/api/v1/users/…", body)
			// or a method constant: c.do(ctx, http.MethodPut, "/users/"+id, …)
			if n < argi && (vt-vf == 1 && toks[vf].kind == kString || vt-vf > 1 && strings.Contains(a.text(vf, vt), "Method")) {
				e.http, verbArg = true, true
			}
		}
	}
	// the method in a builder chain after the call: .PUT(…), .put(body), .method("PUT", …)
	builder := lname == "uri" || lname == "url" || lname == "newbuilder" || strings.Contains(a.text(c.cf, c.ct), "Builder")
	for j := c.end; j+2 < len(toks) && (toks[j].is(".") || toks[j].is("->")) && toks[j+1].kind == kIdent && toks[j+2].is("(") && a.match[j+2] > 0; j = a.match[j+2] + 1 {
		n := toks[j+1].text
		switch {
		case n == "PUT" || n == "GET" || n == "DELETE" || n == "POST" || n == "PATCH":
			if e.method == "" {
				e.method, e.mspan, e.http = n, toks[j+1].spanOf(), true
			}
			// .PUT(BodyPublishers.ofString(json))
			if vf, vt, ok := a.firstArg(j + 2); ok {
				a.addParamsFrom(e, vf, vt, rules.InBody)
			}
		case builder && verbs[n] != "" && n != "del":
			if e.method == "" {
				e.method, e.mspan, e.http = verbs[n], toks[j+1].spanOf(), true
			}
			if vf, vt, ok := a.firstArg(j + 2); ok {
				a.addParamsFrom(e, vf, vt, rules.InBody)
			}
		case n == "method" && builder:
			if vf, vt, ok := a.firstArg(j + 2); ok {
				if m, sp := a.methodValue(vf, vt); m != "" && e.method == "" {
					e.method, e.mspan, e.http = m, sp, true
				}
			}
		case builder && (n == "bodyValue" || n == "body" || n == "syncBody"):
			// Spring WebClient / RestClient: .bodyValue(Map.of(…))
			if vf, vt, ok := a.firstArg(j + 2); ok {
				a.addParamsFrom(e, vf, vt, rules.InBody)
			}
		case n == "send" || n == "query":
			if vf, vt, ok := a.firstArg(j + 2); ok {
				in := rules.InBody
				if n == "query" {
					in = rules.InQuery
				}
				a.addParamsFrom(e, vf, vt, in)
			}
		}
	}
	if builder && e.method == "" {
		if m, sp := a.chainVerb(c); m != "" {
			e.method, e.mspan, e.http = m, sp, true
		}
	}
	// PHP curl: curl_init($url) then curl_setopt($ch, CURLOPT_CUSTOMREQUEST, 'PUT')
	if lname == "curl_init" || lname == "curl_setopt" {
		a.curlEvidence(e, c)
	}
	if e.method == "" && e.http && (lname == "fetch" || lname == "invoke-restmethod" || lname == "invoke-webrequest" || lname == "irm" || lname == "iwr" || lname == "urlopen") {
		e.method, e.implied = "GET", true
	}
	if a.fam.kotlin {
		a.ktorEvidence(e, c, argi)
	}
	if !e.http {
		a.wrapperEvidence(e, c, argi, url)
		return
	}
	a.refitMethod(e, c, url)
	e.idiom = a.idiomOf(c)
	if e.idiom == "python" && c.receiver != "requests" {
		e.client = c.receiver
	}
	e.bearer = e.bearer || a.sendsBearer(c.cf, c.end)
	// parameters
	bodyIn := rules.InBody
	if a.fam.python || a.chainBefore(e, c) {
		bodyIn = rules.InForm
	}
	if a.fam.ruby {
		if e.method == "GET" || e.method == "DELETE" {
			a.rubyQueryArgs(e, c, argi)
		}
		a.rubyRequestBlock(e, c.end)
		if name == "new" {
			a.rubyRequestObject(e, c)
		}
	}
	for n, r := range c.args {
		if n == argi {
			continue
		}
		vf, vt := r[0], r[1]
		if toks[vf].param && vt > vf+1 {
			switch strings.ToLower(toks[vf].text) {
			case "-body":
				// A hashtable goes as a form, unless the call says JSON
				// (-ContentType 'application/json' with ConvertTo-Json).
				in := rules.InForm
				if a.psJSON(c) {
					in = rules.InBody
				}
				if e.method == "GET" {
					in = rules.InQuery
				}
				a.addParamsFrom(e, vf+1, vt, in)
			case "-headers":
				a.headerEntry(e, vf+1, vt)
			}
			continue
		}
		if vt-vf >= 3 && toks[vf].kind == kIdent && (toks[vf+1].is("=") || toks[vf+1].is(":")) {
			a.paramEntry(e, entry{name: toks[vf].text, kf: vf, vf: vf + 2, vt: vt})
			continue
		}
		if n < 1 || argi < 0 && n < 2 {
			continue
		}
		if obj := a.objectIn(vf, vt); obj >= 0 && a.isOptions(obj) {
			for _, en := range a.entries(obj) {
				a.paramEntry(e, en)
			}
			continue
		}
		if n > argi && a.entityArg(vf, vt) {
			in := rules.InBody
			if strings.Contains(a.text(vf, vt), "FormUrlEncoded") {
				in = rules.InForm
			}
			a.addParamsFrom(e, vf, vt, in)
			continue
		}
		if verbArg && n > argi && e.method == "GET" {
			a.addParamsFrom(e, vf, vt, rules.InQuery)
			if a.fam == famGo && vt-vf == 1 && toks[vf].kind == kIdent {
				e.params = append(e.params, a.valuesParams(vf)...)
			}
			continue
		}
		// WebClient.UploadString(url, "PUT", json): the data follows the method
		if (n == argi+1 || verbArg && n > argi || argi >= 0 && methodAt > argi && n == methodAt+1) && (e.method == "PUT" || e.method == "POST" || e.method == "PATCH" || e.method == "DELETE" && !a.fam.js()) {
			a.addParamsFrom(e, vf, vt, bodyIn)
		}
	}
	if verbArg && argi >= 0 {
		e.helper = a.helperBase(c.name, argi)
	}
	// new HttpRequestMessage(…) { Content = new FormUrlEncodedContent(…) }
	if a.fam.csharp && c.open >= 0 && c.end < len(toks) && toks[c.end].is("{") {
		for _, en := range a.entries(c.end) {
			if strings.EqualFold(en.name, "content") {
				in := rules.InBody
				if strings.Contains(a.text(en.vf, en.vt), "FormUrlEncoded") {
					in = rules.InForm
				}
				a.addParamsFrom(e, en.vf, en.vt, in)
			}
		}
	}
}

// entityArg reports whether an argument wraps a request body in a typed
// entity: new HttpEntity<>(…), new StringContent(…), JsonContent.Create(…).
func (a *analysis) entityArg(vf, vt int) bool {
	toks := a.toks
	if vt-vf < 3 {
		return false
	}
	k := vf
	if toks[k].text == "new" {
		k++
	}
	switch toks[k].text {
	case "HttpEntity", "StringContent", "FormUrlEncodedContent", "JsonContent", "ByteArrayContent":
		return true
	}
	return false
}

func (f *family) js() bool { return f == famJS }

// firstArg returns the first argument of the bracket at p.
func (a *analysis) firstArg(p int) (int, int, bool) {
	args := a.args(p)
	if len(args) == 0 {
		return 0, 0, false
	}
	return args[0][0], args[0][1], true
}

// curlEvidence reads the curl_setopt calls that follow a PHP curl handle's
// creation, up to curl_exec.
func (a *analysis) curlEvidence(e *ev, c *call) {
	toks := a.toks
	e.http = true
	post := false
	var postSpan rules.Span
	for j := c.end; j < len(toks) && j < c.end+600; j++ {
		t := &toks[j]
		if t.kind != kIdent {
			continue
		}
		if t.text == "curl_exec" || t.text == "curl_init" {
			break
		}
		if t.text != "curl_setopt" || j+1 >= len(toks) || !toks[j+1].is("(") {
			continue
		}
		args := a.args(j + 1)
		if len(args) < 3 {
			continue
		}
		opt := a.text(args[1][0], args[1][1])
		switch opt {
		case "CURLOPT_CUSTOMREQUEST":
			if m, sp := a.methodValue(args[2][0], args[2][1]); m != "" {
				e.method, e.mspan = m, sp
			}
		case "CURLOPT_POST":
			post, postSpan = true, toks[args[1][0]].spanOf()
		case "CURLOPT_POSTFIELDS":
			a.addParamsFrom(e, args[2][0], args[2][1], rules.InForm)
		}
	}
	if e.method == "" && post {
		e.method, e.mspan = "POST", postSpan
	}
}

// urlKeyword reports whether argument argi of c passes the URL by a
// keyword naming an endpoint (endpoint=…, url=…, path=…).
func (a *analysis) urlKeyword(c *call, argi int) bool {
	if argi < 0 || argi >= len(c.args) {
		return false
	}
	vf := c.args[argi][0]
	if vf+1 >= len(a.toks) || a.toks[vf].kind != kIdent || !(a.toks[vf+1].is("=") || a.toks[vf+1].is(":")) {
		return false
	}
	switch strings.ToLower(a.toks[vf].text) {
	case "endpoint", "url", "uri", "path":
		return true
	}
	return false
}

// psJSON reports whether a PowerShell call says its body is JSON: a
// -ContentType naming json.
func (a *analysis) psJSON(c *call) bool {
	for _, r := range c.args {
		vf, vt := r[0], r[1]
		if !a.toks[vf].param || !strings.EqualFold(a.toks[vf].text, "-contenttype") || vt <= vf+1 {
			continue
		}
		if strings.Contains(strings.ToLower(a.src[a.toks[vf+1].start:a.toks[vt-1].end]), "json") {
			return true
		}
	}
	return false
}
