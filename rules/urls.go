package rules

import (
	"strings"
)

// hole is the byte that stands for an unknown value in a normalized URL.
const hole = '\x00'

// normURL is a URL flattened to one string, holes written as the hole byte,
// with the file span of every byte.
type normURL struct {
	s     string
	spans []Span
}

// normalize flattens parts, turning the placeholders written inside literal
// text ({{host}}, ${HOST}, #{id}, {userId}, <id>, %s, $email) into holes.
func normalize(parts []URLPart) normURL {
	var b strings.Builder
	var spans []Span
	put := func(c byte, sp Span) {
		b.WriteByte(c)
		spans = append(spans, sp)
	}
	for _, p := range parts {
		if p.Hole != "" {
			put(hole, p.Span)
			continue
		}
		at := func(i, j int) Span {
			if p.Raw && p.Span.End-p.Span.Start == len(p.Lit) {
				return Span{p.Span.Start + i, p.Span.Start + j}
			}
			return p.Span
		}
		lit := p.Lit
		for i := 0; i < len(lit); {
			if n := placeholderLen(lit[i:]); n > 0 {
				put(hole, at(i, i+n))
				i += n
				continue
			}
			put(lit[i], at(i, i+1))
			i++
		}
	}
	return normURL{b.String(), spans}
}

// placeholderLen returns the length of the placeholder s starts with, or 0.
func placeholderLen(s string) int {
	switch {
	case strings.HasPrefix(s, "{{"):
		if i := strings.Index(s, "}}"); i > 0 {
			return i + 2
		}
	case strings.HasPrefix(s, "${"), strings.HasPrefix(s, "#{"), strings.HasPrefix(s, "$("):
		closer := "}"
		if s[1] == '(' {
			closer = ")"
		}
		if i := strings.Index(s, closer); i > 0 {
			return i + 1
		}
	case s[0] == '{' || s[0] == '<':
		closer := byte('}')
		if s[0] == '<' {
			closer = '>'
		}
		for i := 1; i < len(s); i++ {
			if s[i] == closer {
				if i > 1 {
					return i + 1
				}
				return 0
			}
			if !isPlaceholderByte(s[i]) {
				return 0
			}
		}
	case s[0] == '%' && len(s) > 1:
		switch s[1] {
		case 's', 'd', 'v', 'q':
			return 2
		case '(':
			if i := strings.Index(s, ")"); i > 0 && i+1 < len(s) && s[i+1] == 's' {
				return i + 2
			}
		}
	case s[0] == '$' && len(s) > 1 && isIdentStart(s[1]):
		i := 1
		for i < len(s) && (isIdentByte(s[i]) || s[i] == '.' || s[i] == ':') {
			i++
		}
		return i
	}
	return 0
}

func isIdentStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isIdentByte(c byte) bool { return isIdentStart(c) || '0' <= c && c <= '9' }

func isPlaceholderByte(c byte) bool {
	return isIdentByte(c) || c == '.' || c == '-' || c == ' ' || c == '[' || c == ']' || c == '\'' || c == '"'
}

// parsedURL is a URL split into what the rules look at.
type parsedURL struct {
	norm normURL
	// host is the literal host, lower-case, without port or user info; it
	// may hold holes. templated reports a host made only of holes or none.
	host      string
	templated bool
	// v1 is the index in norm.s of "/api/v1", or -1; v2 likewise.
	v1, v2 int
	// segs are the path segments after /api/v1 (holes as the hole byte),
	// with their spans.
	segs     []string
	segSpans []Span
	query    []Param
	// pathEnd is the index in norm.s where the path ends.
	pathEnd int
}

func parseURL(parts []URLPart) *parsedURL {
	n := normalize(parts)
	u := &parsedURL{norm: n, v1: -1, v2: -1}
	s := n.s
	u.v1 = apiIndex(s, "api/v1")
	u.v2 = apiIndex(s, "api/v2")
	api := u.v1
	if api < 0 {
		api = u.v2
	}
	if api < 0 {
		return u
	}
	u.host, u.templated = hostOf(s[:api])
	rest := api + len("/api/v1")
	if s[api] != '/' {
		rest = api + len("api/v1")
	}
	end := len(s)
	if i := strings.IndexAny(s[rest:], "?#"); i >= 0 {
		end = rest + i
	}
	u.pathEnd = end
	// Segments after /api/vN.
	start := rest
	for i := rest; i <= end; i++ {
		if i == end || s[i] == '/' {
			if i > start {
				u.segs = append(u.segs, s[start:i])
				u.segSpans = append(u.segSpans, n.span(start, i))
			}
			start = i + 1
		}
	}
	if end < len(s) && s[end] == '?' {
		q := end + 1
		qend := len(s)
		if i := strings.IndexByte(s[q:], '#'); i >= 0 {
			qend = q + i
		}
		for q < qend {
			amp := strings.IndexByte(s[q:qend], '&')
			if amp < 0 {
				amp = qend - q
			}
			kv := s[q : q+amp]
			name, value, _ := strings.Cut(kv, "=")
			if name != "" && !strings.ContainsRune(name, hole) {
				u.query = append(u.query, Param{
					Name: name, Value: value, In: InQuery,
					Span: n.span(q, q+amp), NameSpan: n.span(q, q+len(name)),
				})
			}
			q += amp + 1
		}
	}
	return u
}

// span returns the file span of norm.s[i:j].
func (n normURL) span(i, j int) Span {
	if i >= len(n.spans) || j <= i {
		if len(n.spans) == 0 {
			return Span{}
		}
		last := n.spans[len(n.spans)-1]
		return Span{last.End, last.End}
	}
	return Span{n.spans[i].Start, n.spans[j-1].End}
}

// apiIndex finds "/api/vN" (or "api/vN" right after a hole) followed by the
// end, a slash, a query, or a hole, and returns its index.
func apiIndex(s, api string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], api)
		if i < 0 {
			return -1
		}
		i += off
		after := i + len(api)
		okAfter := after == len(s) || strings.IndexByte("/?#\x00", s[after]) >= 0
		switch {
		case okAfter && i > 0 && s[i-1] == '/':
			return i - 1
		case okAfter && (i == 0 || s[i-1] == hole):
			return i
		}
		off = i + 1
	}
}

// hostOf extracts the host from what precedes /api/vN.
func hostOf(origin string) (host string, templated bool) {
	origin = strings.TrimSpace(origin)
	lower := strings.ToLower(origin)
	switch {
	case strings.HasPrefix(lower, "https://"):
		origin = origin[len("https://"):]
	case strings.HasPrefix(lower, "http://"):
		origin = origin[len("http://"):]
	case strings.HasPrefix(origin, "//"):
		origin = origin[2:]
	}
	if i := strings.IndexByte(origin, '/'); i >= 0 {
		origin = origin[:i]
	}
	if i := strings.LastIndexByte(origin, '@'); i >= 0 {
		origin = origin[i+1:]
	}
	if i := strings.LastIndexByte(origin, ':'); i >= 0 && !strings.Contains(origin[i:], "]") {
		origin = origin[:i]
	}
	host = strings.ToLower(origin)
	// Nothing (a relative URL) or only holes: a templated or unknown host.
	return host, strings.Trim(host, string(hole)) == ""
}

// pathText renders the segments for a message, holes as {…}.
func pathText(prefix string, segs []string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, s := range segs {
		b.WriteByte('/')
		b.WriteString(strings.ReplaceAll(s, string(hole), "{…}"))
	}
	return b.String()
}
