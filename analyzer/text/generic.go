package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// generic reads text in no known programming language: URL-like runs
// holding /api/v1 become calls, with the method from an HTTP verb written
// just before on the same line; KEY=VALUE, "key": "value" and key: value
// entries whose value is a 360Learning v1 base become bases.
func generic(file, src string) *rules.Found {
	found := genericText(file, src, false)
	if isHCL(file) {
		terraform(file, src, found)
	}
	return found
}

// genericText reads text in the generic mode; in prose (Markdown running
// text) a path written without a host is documentation unless it is a
// request line: a verb starting a line or an inline code span before it
// ("GET /api/v1/users", "`PUT /api/v1/users/:id`"), not "the intranet
// serves `GET /api/v1/users`" nor "the v1 endpoint `/api/v1/users/:id`".
func genericText(file, src string, prose bool) *rules.Found {
	found := &rules.Found{}
	for off := 0; off < len(src); {
		i := strings.Index(src[off:], "api/v1")
		if i < 0 {
			break
		}
		i += off
		start, end := urlRun(src, i)
		off = max(end, i+1)
		if isBatch(file) && batchComment(src, start) {
			continue
		}
		items := []item{{lit: src[start:end], span: rules.Span{Start: start, End: end}, raw: true}}
		s := shapeOf(items)
		if !s.v1 || !s.segs {
			continue
		}
		c := rules.Call{File: file, Reader: readerName, URL: toParts(items), Span: rules.Span{Start: start, End: end}}
		m, sp := verbBefore(src, start)
		if prose && strings.HasPrefix(src[start:end], "/") && !(m != "" && requestLineStart(src, sp.Start)) {
			continue
		}
		if m != "" {
			c.Method, c.MethodSpan = m, sp
			c.Span = c.Span.Cover(sp)
		}
		found.Calls = append(found.Calls, c)
	}
	if isBatch(file) {
		batchCalls(file, src, found)
	}
	genericBases(file, src, found)
	return found
}

// urlRun widens the occurrence at i to the URL-like run around it.
func urlRun(src string, i int) (int, int) {
	start := i
	for start > 0 && start > i-400 && urlByte(src[start-1]) {
		start--
	}
	end := i
	for end < len(src) && end < i+2000 && urlByte(src[end]) {
		end++
	}
	// trailing punctuation of a sentence or a Markdown link
	for end > i && strings.IndexByte(".,;:)]'\"`>", src[end-1]) >= 0 {
		end--
	}
	for start < i && strings.IndexByte("([<'\"`=", src[start]) >= 0 {
		start++
	}
	// KEY=https://… : the URL starts after the last '=' before its scheme
	if k := strings.LastIndexByte(src[start:i], '='); k >= 0 && !strings.Contains(src[start:start+k], "?") {
		start += k + 1
	}
	return start, end
}

func urlByte(c byte) bool {
	if c <= ' ' || c == 0x7f {
		return false
	}
	return strings.IndexByte("\"'`<>|\\", c) < 0
}

// verbBefore returns the HTTP verb written just before offset at on the
// same line ("PUT https://…", "PUT `/api/v1/…`").
func verbBefore(src string, at int) (string, rules.Span) {
	j := at
	for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t' || src[j-1] == '`' || src[j-1] == '"' || src[j-1] == '\'' || src[j-1] == '*') {
		j--
	}
	k := j
	for k > 0 && 'A' <= src[k-1] && src[k-1] <= 'Z' {
		k--
	}
	if k == j || k > 0 && isIdentByte(src[k-1]) {
		return "", rules.Span{}
	}
	w := src[k:j]
	switch w {
	case "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD":
		return w, rules.Span{Start: k, End: j}
	}
	return "", rules.Span{}
}

// requestLineStart reports whether a verb at offset at starts a line
// (after indentation or a list marker) or an inline code span that
// follows no prose verb ("serves `GET …`").
func requestLineStart(src string, at int) bool {
	j := at
	for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	if j == 0 || src[j-1] == '\n' {
		return true
	}
	if src[j-1] == '-' || src[j-1] == '*' || src[j-1] == '>' {
		// "- GET /api/v1/users", "> GET …"
		k := j - 1
		for k > 0 && (src[k-1] == ' ' || src[k-1] == '\t') {
			k--
		}
		return k == 0 || src[k-1] == '\n'
	}
	if src[at-1] != '`' || at >= 2 && src[at-2] == '`' {
		return false
	}
	if migrationAfter(src, at) {
		return false
	}
	// an inline code span: the words before it on the line decide
	line := src[strings.LastIndexByte(src[:at-1], '\n')+1 : at-1]
	fields := strings.Fields(strings.ToLower(line))
	if len(fields) == 0 {
		return true
	}
	last := strings.Trim(fields[len(fields)-1], ",;:()*_")
	switch last {
	case "serves", "serve", "exposes", "expose", "becomes", "become", "replaces", "replace", "implements", "handles", "mounts", "routes", "was", "is", "called", "named", "route", "endpoint":
		return false
	}
	return true
}

// migrationAfter reports whether the inline code span holding offset at
// is followed by words saying where it moves ("`PUT /api/v1/…` moves to
// `PUT /api/v2/…`", "… is replaced by …", "… → …"): a migration note
// naming the old endpoint, not a request.
func migrationAfter(src string, at int) bool {
	rest := src[at:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	close := strings.IndexByte(rest, '`')
	if close < 0 {
		return false
	}
	after := strings.ToLower(strings.TrimLeft(rest[close+1:], " )*_,"))
	for _, w := range []string{"moves to", "move to", "moved to", "becomes", "became", "is replaced", "was replaced", "migrates to", "maps to", "->", "→", "=>", "is now", "turns into"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// genericBases finds KEY=VALUE, key: value and "key": "value" entries
// whose value is a 360Learning v1 base.
func genericBases(file, src string, found *rules.Found) {
	for pos := 0; pos < len(src); {
		end := strings.IndexByte(src[pos:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += pos
		}
		line := src[pos:end]
		if strings.Contains(line, "api/v1") || strings.Contains(line, "360learning") {
			genericLine(file, pos, line, found)
		}
		pos = end + 1
	}
}

func genericLine(file string, pos int, line string, found *rules.Found) {
	xmlBases(file, pos, line, found)
	// key, separator, value on one line; several "key": "value" pairs may share it
	for off := 0; off < len(line); {
		sep := strings.IndexAny(line[off:], "=:")
		if sep < 0 {
			return
		}
		sep += off
		if strings.HasPrefix(line[sep:], "://") {
			off = sep + 3
			continue
		}
		// the key just before the separator
		k := sep
		for k > 0 && (line[k-1] == ' ' || line[k-1] == '"' || line[k-1] == '\'') {
			k--
		}
		ke := k
		for k > 0 && (isIdentByte(line[k-1]) || line[k-1] == '-' || line[k-1] == '.') {
			k--
		}
		key := line[k:ke]
		// the value just after
		v := sep + 1
		for v < len(line) && (line[v] == ' ' || line[v] == '\t' || line[v] == '"' || line[v] == '\'') {
			v++
		}
		ve := v
		for ve < len(line) && urlByte(line[ve]) && line[ve] != ',' {
			ve++
		}
		off = max(ve, sep+1)
		if key == "" || ve == v {
			continue
		}
		val := strings.TrimRight(line[v:ve], "\r;,}")
		// a dotted key (lms.base-url) keeps its path: the base is matched
		// by its last identifier, and the path tells lms.base-url from
		// people.base-url
		items := []item{{lit: val, span: rules.Span{Start: pos + v, End: pos + v + len(val)}, raw: true}}
		s := shapeOf(items)
		s.api = strings.Contains(val, "/api/v")
		lv := strings.ToLower(val)
		if !(strings.Contains(lv, "://") || strings.HasPrefix(lv, "$") || strings.HasPrefix(lv, "{{")) {
			continue
		}
		if isBase(s) {
			found.Bases = append(found.Bases, rules.Base{Name: key, URL: toParts(items), File: file})
		}
	}
}

// xmlBases finds <key>value</key> elements whose value is a v1 base.
func xmlBases(file string, pos int, line string, found *rules.Found) {
	for off := 0; off < len(line); {
		i := strings.Index(line[off:], "</")
		if i < 0 {
			return
		}
		i += off
		off = i + 2
		open := strings.LastIndexByte(line[:i], '>')
		lt := strings.LastIndexByte(line[:max(open, 0)], '<')
		if open < 0 || lt < 0 {
			continue
		}
		tag := line[lt+1 : open]
		if j := strings.IndexAny(tag, " \t/"); j >= 0 {
			tag = tag[:j]
		}
		val := line[open+1 : i]
		if tag == "" || !strings.HasPrefix(line[i+2:], tag) || !strings.Contains(val, "://") && !strings.HasPrefix(val, "$") {
			continue
		}
		items := []item{{lit: val, span: rules.Span{Start: pos + open + 1, End: pos + i}, raw: true}}
		s := shapeOf(items)
		s.api = strings.Contains(val, "/api/v")
		if isBase(s) {
			found.Bases = append(found.Bases, rules.Base{Name: tag, URL: toParts(items), File: file})
		}
	}
}
