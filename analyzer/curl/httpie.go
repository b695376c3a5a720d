package curl

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// httpieLongWithArg lists HTTPie's long options that take a value.
var httpieLongWithArg = setOf(`
auth auth-type boundary cert cert-key cert-key-pass ciphers default-scheme
format-options history-print max-redirects output pretty print proxy raw
response-charset response-mime session session-read-only ssl style timeout
verify
`)

// httpieShortWithArg maps HTTPie's short options that take a value to
// long names.
var httpieShortWithArg = map[byte]string{'a': "auth", 'A': "auth-type", 'o': "output", 'p': "print", 'P': "history-print", 's': "style"}

// httpieInfo is what a fix needs of an HTTPie command line besides its
// request.
type httpieInfo struct {
	// form reports --form (-f): data items are sent as a form.
	form bool
	// auth reports --auth (-a) credentials; output that the response is
	// written to a file (--output, --download).
	auth, output bool
	// items are the request items after the URL, as written.
	items []httpieItem
}

// httpieItem is one request item: its word, and whether it is body data
// (not a header or a query parameter).
type httpieItem struct {
	span        rules.Span
	data, split bool
	// opaque reports an item that cannot be read ("${AUTH[@]}"): it may
	// send anything, v1 credentials included.
	opaque bool
}

// httpieSeparators are HTTPie's request-item separators, longest first at
// any one position.
var httpieSeparators = []string{":=@", "=@", "==", ":=", "=", "@", ":"}

// readHTTPie reads an HTTPie command line: http [flags] [METHOD] URL
// [ITEM…]. Items are header:value, name==query, name=string, name:=json
// and field@file. (https, HTTPie's https-by-default twin, reads the same:
// the rules do not need the scheme.)
func readHTTPie(args []arg) parsedCmd {
	var cmd parsedCmd
	info := &httpieInfo{}
	cmd.httpie = info
	form := false
	var pos []arg
	for i := 0; i < len(args); i++ {
		a := args[i]
		t := a.flat().s
		if len(t) < 2 || t[0] != '-' || len(pos) > 0 {
			pos = append(pos, a)
			continue
		}
		var name, val string
		if strings.HasPrefix(t, "--") {
			n, v, hasEq := strings.Cut(t[2:], "=")
			name, val = n, v
			if httpieLongWithArg[n] && !hasEq && i+1 < len(args) {
				i++
				val = args[i].flat().s
			}
		} else if n, ok := httpieShortWithArg[t[1]]; ok {
			name, val = n, t[2:]
			if val == "" && i+1 < len(args) {
				i++
				val = args[i].flat().s
			}
		} else if strings.ContainsRune(t[1:], 'f') {
			name = "form"
		}
		if name == "output" || name == "download" || !strings.HasPrefix(t, "--") && strings.ContainsRune(t[1:], 'd') {
			info.output = true
		}
		switch {
		case name == "form":
			form = true
		case name == "auth-type" && strings.EqualFold(val, "bearer"):
			cmd.req.bearer = true
		case name == "auth":
			info.auth = true
		}
	}
	info.form = form
	if len(pos) >= 2 && isMethodWord(pos[0].flat().s) {
		cmd.method, cmd.methodSpan = methodOf(pos[0])
		pos = pos[1:]
	} else {
		cmd.implied = true
	}
	if len(pos) == 0 {
		return cmd
	}
	cmd.urls = []arg{httpieURL(pos[0])}
	hasData := false
	for _, item := range pos[1:] {
		f := item.flat()
		at, sep := httpieSeparator(f.s)
		it := httpieItem{span: item.span, split: item.split, data: at > 0 && sep != ":" && sep != "==",
			opaque: at <= 0 || strings.ContainsRune(f.s[:at], holeByte)}
		info.items = append(info.items, it)
		if at <= 0 || strings.ContainsRune(f.s[:at], holeByte) {
			continue
		}
		name := f.s[:at]
		raw := f.s[at+len(sep):]
		value := raw
		if strings.ContainsRune(value, holeByte) {
			value = ""
		}
		p := rules.Param{Name: name, Value: value, Span: item.span, NameSpan: f.span(0, at)}
		switch sep {
		case ":":
			p.In = rules.InHeader
			// Authorization:"Bearer $TOKEN": the token is a hole.
			if strings.EqualFold(name, "authorization") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(raw)), "bearer ") {
				cmd.req.bearer = true
			}
		case "==":
			p.In = rules.InQuery
		case "@":
			p.In, p.Value, hasData = rules.InForm, "", true
		default:
			p.In, hasData = rules.InBody, true
			if form {
				p.In = rules.InForm
			}
		}
		cmd.req.params = append(cmd.req.params, p)
	}
	if cmd.implied {
		cmd.method = "GET"
		if hasData {
			cmd.method = "POST"
		}
	}
	return cmd
}

func isMethodWord(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// httpieSeparator finds a request item's separator.
func httpieSeparator(s string) (int, string) {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		for _, sep := range httpieSeparators {
			if strings.HasPrefix(s[i:], sep) {
				return i, sep
			}
		}
	}
	return -1, ""
}

// httpieURL completes HTTPie's URL shorthands: ":3000/path" is localhost.
func httpieURL(a arg) arg {
	t := a.flat().s
	if strings.HasPrefix(t, ":") && !strings.HasPrefix(t, "://") {
		at := rules.Span{Start: a.span.Start, End: a.span.Start}
		if len(a.ps) > 0 {
			at = rules.Span{Start: a.ps[0].span.Start, End: a.ps[0].span.Start}
		}
		a.ps = append([]piece{{lit: "localhost", span: at}}, a.ps...)
	}
	return a
}
