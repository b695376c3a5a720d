package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// batchCalls reads the URLs a Windows batch script builds on a variable
// (set LMS=https://…/api/v1, then curl.exe "%LMS%/users/%1"): each is a
// call pending on the variable's base, with %1 and %VAR% as holes and the
// method from curl's -X on the command's logical line (^ continues it).
func batchCalls(file, src string, found *rules.Found) {
	for off := 0; off < len(src); {
		i := strings.IndexAny(src[off:], "%!")
		if i < 0 {
			break
		}
		i += off
		off = i + 1
		q := src[i]
		j := strings.IndexByte(src[i+1:], q)
		if j <= 0 || j > 64 || !isRefText(src[i+1:i+1+j]) {
			continue
		}
		name := src[i+1 : i+1+j]
		rest := i + 2 + j
		if i > 0 && urlByte(src[i-1]) && src[i-1] != '=' || batchComment(src, i) {
			continue // inside another word or URL, or documentation
		}
		_, end := urlRun(src, rest)
		if end <= rest || !resourcePath(stripBatchVars(src[rest:end])) {
			continue
		}
		off = end
		items := []item{{hole: name, ref: true, span: rules.Span{Start: i, End: rest}}}
		items = append(items, batchItems(src, rest, end)...)
		c := rules.Call{File: file, Reader: readerName, URL: toParts(items), Span: rules.Span{Start: i, End: end}}
		if m, sp := batchVerb(src, i); m != "" {
			c.Method, c.MethodSpan = m, sp
		}
		found.Pending = append(found.Pending, rules.Pending{Base: name, Call: c})
	}
}

// stripBatchVars replaces %1 and %VAR% in s by "x", for shape checks.
func stripBatchVars(s string) string {
	var b strings.Builder
	for _, it := range batchItems(s, 0, len(s)) {
		if it.isHole() {
			b.WriteString("x")
		} else {
			b.WriteString(it.lit)
		}
	}
	return b.String()
}

// batchItems splits src[from:to] into literal text and holes: %1 … %9,
// %* and %VAR%.
func batchItems(src string, from, to int) []item {
	var out []item
	lit := from
	flush := func(k int) {
		if k > lit {
			out = append(out, item{lit: src[lit:k], span: rules.Span{Start: lit, End: k}, raw: true})
		}
	}
	for k := from; k < to; k++ {
		if src[k] != '%' || k+1 >= to {
			continue
		}
		e := -1
		if c := src[k+1]; c >= '0' && c <= '9' || c == '*' {
			e = k + 2
		} else if n := strings.IndexByte(src[k+1:to], '%'); n > 0 && isRefText(src[k+1:k+1+n]) {
			e = k + 2 + n
		}
		if e < 0 {
			continue
		}
		flush(k)
		out = append(out, item{hole: src[k:e], span: rules.Span{Start: k, End: e}})
		lit = e
		k = e - 1
	}
	flush(to)
	return out
}

// batchVerb returns the method curl's -X or --request gives on the logical
// command line holding offset at (lines ending in ^ continue it).
func batchVerb(src string, at int) (string, rules.Span) {
	start := strings.LastIndexByte(src[:at], '\n') + 1
	for start > 1 {
		prev := strings.TrimRight(src[:start-1], " \t\r")
		if !strings.HasSuffix(prev, "^") {
			break
		}
		start = strings.LastIndexByte(prev, '\n') + 1
	}
	line := src[start:at]
	for _, flag := range []string{"-X ", "--request "} {
		k := strings.LastIndex(line, flag)
		if k < 0 {
			continue
		}
		v := start + k + len(flag)
		for v < at && src[v] == ' ' {
			v++
		}
		e := v
		for e < at && 'A' <= src[e] && src[e] <= 'Z' {
			e++
		}
		switch w := src[v:e]; w {
		case "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD":
			return w, rules.Span{Start: v, End: e}
		}
	}
	return "", rules.Span{}
}
