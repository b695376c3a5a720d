package curl

import (
	"fmt"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// httpReaderName is the Reader of the calls read from HTTP request messages.
const httpReaderName = "http"

// requestLineMethods are the methods a request line may start with.
var requestLineMethods = map[string]bool{
	"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true,
	"HEAD": true, "OPTIONS": true, "TRACE": true, "CONNECT": true,
}

// ReadHTTP returns the calls of an HTTP request file, the format of the
// .http and .rest files of VS Code REST Client and JetBrains HTTP Client:
// requests separated by lines starting with ###, each a request line
// (METHOD URL [HTTP/x], or a URL alone for GET), header lines, a blank line
// and a body. Comments (# and //) and file variables (@name = value) may
// come before a request line; {{name}} takes a file variable's value, and
// references to variables the file does not define ({{token}},
// {{$dotenv KEY}}) stay in the URL as placeholders. A request written as a
// curl command line is read as one.
//
// It fails only when the file holds no request at all but has blocks that
// are not requests; the error names the first such line.
func ReadHTTP(file string, src []byte) (*rules.Found, error) {
	found, bad := readHTTP(file, string(src), false)
	if len(found.Calls) == 0 && bad != nil {
		return nil, bad
	}
	return found, nil
}

// ReadHTTPSnippet returns the calls of an HTTP request message embedded in
// file (a Markdown http or rest fence), with spans in file offsets. It
// never fails: text that is not a request is skipped.
func ReadHTTPSnippet(file string, sn *rules.Snippet) (*rules.Found, error) {
	found, _ := readHTTP(file, sn.Text, true)
	sn.MapFound(found)
	return found, nil
}

// httpLine is one line of the text, without its line break.
type httpLine struct {
	start, end int
	text       string
}

// httpRequest is one request block of the file.
type httpRequest struct {
	lines []httpLine
}

// readHTTP reads every request of text; bad is the first block that is not
// a request.
func readHTTP(file, text string, snippet bool) (*rules.Found, error) {
	blocks := splitRequests(text)
	vars := map[string]string{}
	for _, b := range blocks {
		for _, l := range b.lines {
			if name, value, ok := fileVariable(l.text); ok {
				vars[name] = value
			}
		}
	}
	hr := &httpReader{file: file, text: text, vars: vars, found: &rules.Found{}, snippet: snippet}
	var bad error
	for _, b := range blocks {
		if err := hr.request(b); err != nil && bad == nil {
			bad = err
		}
	}
	return hr.found, bad
}

// splitRequests cuts text into blocks at lines starting with ###.
func splitRequests(text string) []httpRequest {
	var blocks []httpRequest
	cur := httpRequest{}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += start
			next = end + 1
		}
		l := httpLine{start: start, end: end, text: strings.TrimSuffix(text[start:end], "\r")}
		l.end = start + len(l.text)
		if strings.HasPrefix(l.text, "###") {
			blocks = append(blocks, cur)
			cur = httpRequest{}
		} else {
			cur.lines = append(cur.lines, l)
		}
		start = next
	}
	return append(blocks, cur)
}

// fileVariable reads an "@name = value" line.
func fileVariable(line string) (name, value string, ok bool) {
	if !strings.HasPrefix(line, "@") {
		return "", "", false
	}
	name, value, ok = strings.Cut(line[1:], "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.ContainsAny(name, " \t{}") {
		return "", "", false
	}
	return name, strings.TrimSpace(value), true
}

// isComment reports whether a line outside a body is a comment.
func isComment(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//")
}

type httpReader struct {
	file  string
	text  string
	vars  map[string]string
	found *rules.Found
	// snippet reports text embedded in another file (a Markdown fence).
	snippet bool
}

// request reads one block: its request line, headers and body.
func (hr *httpReader) request(b httpRequest) error {
	ls := b.lines
	k := 0
	for k < len(ls) {
		t := strings.TrimSpace(ls[k].text)
		if t == "" || isComment(t) {
			k++
			continue
		}
		if _, _, ok := fileVariable(t); ok {
			k++
			continue
		}
		break
	}
	if k == len(ls) {
		return nil
	}
	first := ls[k]
	if strings.HasPrefix(strings.TrimSpace(first.text), "curl ") {
		return hr.curlBlock(first.start, ls[len(ls)-1].end)
	}
	c, ok := hr.requestLine(first)
	if !ok {
		return fmt.Errorf("line %d: not an HTTP request line: %.40q", lineOf(hr.text, first.start), first.text)
	}
	k++
	// A query string may go on over indented lines starting with ? or &.
	for k < len(ls) {
		t := strings.TrimLeft(ls[k].text, " \t")
		if t == "" || t == ls[k].text || (t[0] != '?' && t[0] != '&') {
			break
		}
		lead := len(ls[k].text) - len(t)
		c.URL = append(c.URL, hr.urlParts(ls[k].start+lead, ls[k].end, true)...)
		k++
	}
	host := ""
	for ; k < len(ls) && strings.TrimSpace(ls[k].text) != ""; k++ {
		l := ls[k]
		if isComment(l.text) {
			continue
		}
		name, value, ok := strings.Cut(l.text, ":")
		if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(strings.TrimSpace(name), " \t") {
			continue
		}
		lead := len(name) - len(strings.TrimLeft(name, " \t"))
		name = strings.TrimSpace(name)
		value, resolved := hr.expandText(strings.TrimSpace(value))
		if strings.EqualFold(name, "host") {
			host = value
		}
		if strings.EqualFold(name, "authorization") && len(value) >= 7 && strings.EqualFold(value[:7], "bearer ") {
			c.Bearer = true
		}
		if !resolved {
			value = ""
		}
		c.Params = append(c.Params, rules.Param{
			Name: name, Value: value, In: rules.InHeader,
			Span:     rules.Span{Start: l.start, End: l.end},
			NameSpan: rules.Span{Start: l.start + lead, End: l.start + lead + len(name)},
		})
	}
	if len(c.URL) > 0 && c.URL[0].Hole == "" && strings.HasPrefix(c.URL[0].Lit, "/") {
		if host == "" {
			return nil // a path alone: no host says where it goes
		}
		at := c.URL[0].Span.Start
		c.URL = append([]rules.URLPart{{Lit: "https://" + host, Span: rules.Span{Start: at, End: at}}}, c.URL...)
	}
	c.Span = rules.Span{Start: first.start, End: first.end}
	fx := &httpFixer{text: hr.text, implied: c.MethodSpan.IsZero(), snippet: hr.snippet}
	fx.url = hr.requestURL(first)
	fx.headersEnd = ls[k-1].end
	c.ResponseRead = hr.responseRead(ls)
	c.ResponseUnused = !c.ResponseRead
	if k < len(ls) {
		c.Params = append(c.Params, hr.body(ls[k+1:])...)
		fx.fileBody = bodyFromFile(ls[k+1:])
		if b, ok := hr.bodyOf(ls[k+1:]); ok {
			fx.body = &b.src
			// Removing the whole body takes its lines (the blank line
			// before it stays: a response handler may follow).
			fx.bodyLines = rules.Span{Start: ls[k+1+b.first].start, End: lineNext(hr.text, ls[k+1+b.last])}
		}
		for _, l := range ls[k:] {
			if strings.TrimSpace(l.text) != "" {
				c.Span.End = l.end
			}
		}
	}
	c.Fixer = fx
	hr.found.Calls = append(hr.found.Calls, c)
	return nil
}

// lineNext returns the offset of the line after l (the end of the text
// when l is the last).
func lineNext(text string, l httpLine) int {
	if i := strings.IndexByte(text[l.end:], '\n'); i >= 0 {
		return l.end + i + 1
	}
	return len(text)
}

// requestURL returns the span of the URL word of a request line.
func (hr *httpReader) requestURL(l httpLine) rules.Span {
	fields := strings.Fields(l.text)
	i := 0
	if len(fields) > 1 && requestLineMethods[fields[0]] {
		i = 1
	}
	at := 0
	for k := 0; k <= i; k++ {
		at += strings.Index(l.text[at:], fields[k])
		if k < i {
			at += len(fields[k])
		}
	}
	return rules.Span{Start: l.start + at, End: l.start + at + len(fields[i])}
}

// responseRead reports whether anything reads a request's response: a
// response handler or redirection in its block, or, for a named request
// (# @name login), a reference to it elsewhere ({{login.response.…}}).
func (hr *httpReader) responseRead(ls []httpLine) bool {
	for _, l := range ls {
		if isHandler(l.text) {
			return true
		}
		t := strings.TrimSpace(l.text)
		t = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(t, "#"), "//"))
		if name, ok := strings.CutPrefix(t, "@name"); ok && !strings.HasPrefix(l.text, "@") {
			if name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "=")); name != "" && strings.Contains(hr.text, name+".response") {
				return true
			}
		}
	}
	return false
}

// requestLine reads "METHOD URL [HTTP/x]" or "URL".
func (hr *httpReader) requestLine(l httpLine) (rules.Call, bool) {
	c := rules.Call{File: hr.file, Reader: httpReaderName}
	fields := strings.Fields(l.text)
	if len(fields) == 0 {
		return c, false
	}
	at := l.start + strings.Index(l.text, fields[0])
	urlWord := fields[0]
	if requestLineMethods[fields[0]] {
		if len(fields) < 2 {
			return c, false
		}
		c.Method = fields[0]
		c.MethodSpan = rules.Span{Start: at, End: at + len(fields[0])}
		urlWord = fields[1]
		at = at + len(fields[0]) + strings.Index(l.text[at-l.start+len(fields[0]):], urlWord)
		if len(fields) > 3 || len(fields) == 3 && !strings.HasPrefix(fields[2], "HTTP/") {
			return c, false
		}
	} else {
		if len(fields) > 2 || len(fields) == 2 && !strings.HasPrefix(fields[1], "HTTP/") {
			return c, false
		}
		c.Method, c.MethodImplied = "GET", true
	}
	lower := strings.ToLower(urlWord)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") &&
		!strings.HasPrefix(urlWord, "/") && !strings.HasPrefix(urlWord, "{{") {
		return c, false
	}
	c.URL = hr.urlParts(at, at+len(urlWord), false)
	return c, true
}

// maxVarDepth bounds how deep variables that reference variables expand,
// and maxVarBytes the text one expansion may produce: values that each
// reference the next several times would otherwise grow exponentially.
const (
	maxVarDepth = 8
	maxVarBytes = 1 << 16
)

// urlParts splits text[start:end] into raw literal parts and the values of
// the file variables it references; a reference to a variable the file
// does not define stays in the literal text. References in the query
// string (after '?', or all of a continuation line: query) stay too: the
// rules read them as placeholders, and a fix can remove a parameter whose
// text is written where it stands.
func (hr *httpReader) urlParts(start, end int, query bool) []rules.URLPart {
	var out []rules.URLPart
	s := hr.text[start:end]
	lit := 0 // start of the pending literal text in s
	flush := func(to int) {
		if to > lit {
			out = append(out, rules.URLPart{Lit: s[lit:to], Span: rules.Span{Start: start + lit, End: start + to}, Raw: true})
		}
	}
	if !query {
		if q := strings.IndexByte(s, '?'); q >= 0 {
			s = s[:q]
		}
	}
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "{{")
		if j < 0 {
			break
		}
		j += i
		e := strings.Index(s[j:], "}}")
		if e < 0 {
			break
		}
		e += j + 2
		value, ok := hr.lookup(strings.TrimSpace(s[j+2:e-2]), 0, new(maxVarBytes))
		if !ok {
			i = e
			continue
		}
		flush(j)
		out = append(out, rules.URLPart{Lit: value, Span: rules.Span{Start: start + j, End: start + e}})
		lit, i = e, e
	}
	s = hr.text[start:end] // the query string joins the last literal text
	flush(len(s))
	return out
}

// lookup returns a file variable's value with the references it holds
// expanded; ok is false when the name, or one it references, is unknown,
// or when the expansion would exceed the bytes left in budget.
func (hr *httpReader) lookup(name string, depth int, budget *int) (string, bool) {
	v, ok := hr.vars[name]
	if !ok || depth > maxVarDepth || len(v) > *budget {
		return "", false
	}
	*budget -= len(v)
	if !strings.Contains(v, "{{") {
		return v, true
	}
	var b strings.Builder
	for {
		j := strings.Index(v, "{{")
		if j < 0 {
			break
		}
		e := strings.Index(v[j:], "}}")
		if e < 0 {
			break
		}
		inner, ok := hr.lookup(strings.TrimSpace(v[j+2:j+e]), depth+1, budget)
		if !ok {
			return "", false
		}
		b.WriteString(v[:j])
		b.WriteString(inner)
		v = v[j+e+2:]
	}
	b.WriteString(v)
	return b.String(), true
}

// expandText expands the file variables text references; resolved is false
// when a reference stays unknown.
func (hr *httpReader) expandText(text string) (string, bool) {
	if !strings.Contains(text, "{{") {
		return text, true
	}
	hr.vars["\x00"] = text
	defer delete(hr.vars, "\x00")
	if v, ok := hr.lookup("\x00", 0, new(maxVarBytes)); ok {
		return v, true
	}
	return text, false
}

// body reads a request body's fields: a JSON object's top-level keys, or
// urlencoded name=value pairs. A body read from a file (< path) is not in
// this text, and a response handler (> {% … %}, >> file) ends the body.
func (hr *httpReader) body(ls []httpLine) []rules.Param {
	b, ok := hr.bodyOf(ls)
	if !ok {
		return nil
	}
	if b.src.json {
		return jsonParams(b.src.f)
	}
	if b.last > b.first {
		return nil // not JSON, and not a one-line form
	}
	return bodyParams(b.src.f, option{span: b.src.whole}, rules.InForm, false)
}

// httpBody is a request's body as text that carries parameters, and the
// lines it spans (indexes into the lines given to bodyOf).
type httpBody struct {
	src         dataSource
	first, last int
}

// bodyOf finds the body among the lines after the blank line that ends the
// headers; ok is false when there is none in this text.
func (hr *httpReader) bodyOf(ls []httpLine) (httpBody, bool) {
	end := len(ls)
	for k, l := range ls {
		if isHandler(l.text) {
			end = k
			break
		}
	}
	first, last := 0, end-1
	for last >= 0 && strings.TrimSpace(ls[last].text) == "" {
		last--
	}
	for first <= last && strings.TrimSpace(ls[first].text) == "" {
		first++
	}
	if first > last || strings.HasPrefix(strings.TrimSpace(ls[first].text), "<") {
		return httpBody{}, false
	}
	start, stop := ls[first].start, ls[last].end
	f := flat{s: hr.text[start:stop]}
	f.spans = make([]rules.Span, len(f.s))
	for i := range f.spans {
		f.spans[i] = rules.Span{Start: start + i, End: start + i + 1}
	}
	if strings.Contains(f.s, "{{") {
		f.s = holeReferences(f.s)
	}
	src := dataSource{f: f, whole: rules.Span{Start: start, End: stop}, json: strings.HasPrefix(strings.TrimSpace(f.s), "{")}
	return httpBody{src: src, first: first, last: last}, true
}

// bodyFromFile reports a body read from a file (< ./body.json).
func bodyFromFile(ls []httpLine) bool {
	for _, l := range ls {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		return strings.HasPrefix(t, "< ") || strings.HasPrefix(t, "<@")
	}
	return false
}

// isHandler reports a line that starts a response handler (> {% … %},
// > file.js), a redirection of the response (>> file) or a comparison
// with a saved one (<> file).
func isHandler(line string) bool {
	return strings.HasPrefix(line, "> ") || strings.HasPrefix(line, ">>") || strings.HasPrefix(line, "<> ")
}

// holeReferences turns each {{…}} reference into a hole byte followed by
// spaces, keeping the length, so that a JSON body reads it as a value.
func holeReferences(s string) string {
	b := []byte(s)
	for i := 0; i+1 < len(b); i++ {
		if b[i] != '{' || b[i+1] != '{' {
			continue
		}
		e := strings.Index(s[i:], "}}")
		if e < 0 || strings.IndexByte(s[i:i+e], '\n') >= 0 {
			continue
		}
		b[i] = holeByte
		for k := i + 1; k < i+e+2; k++ {
			b[k] = ' '
		}
		i += e + 1
	}
	return string(b)
}

// curlBlock reads a request written as a curl command line.
func (hr *httpReader) curlBlock(start, end int) error {
	sn := &rules.Snippet{Lang: "shell", Text: hr.text[start:end], Start: start}
	f, _ := ReadSnippet(hr.file, sn)
	hr.found.Calls = append(hr.found.Calls, f.Calls...)
	return nil
}

// lineOf returns the 1-based line of offset off.
func lineOf(text string, off int) int {
	return strings.Count(text[:min(off, len(text))], "\n") + 1
}
