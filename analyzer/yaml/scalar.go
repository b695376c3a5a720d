package yaml

import (
	"strconv"
	"strings"
	"unicode/utf8"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rules"
)

// mapped is a scalar's value with the file offset of each of its bytes:
// m[i] is where text[i] is written (an escape's backslash for the bytes it
// decodes to, a line break for the space a fold makes), and m[len(text)] is
// the offset just past the value's last byte.
type mapped struct {
	text string
	m    []int
	// exact reports that every offset is exact. Scalars whose source text
	// could not be followed map approximately.
	exact bool
}

// slice returns the bytes [i, j) of s with their offsets.
func (s mapped) slice(i, j int) mapped {
	m := append([]int(nil), s.m[i:j+1]...)
	return mapped{text: s.text[i:j], m: m, exact: s.exact}
}

// span returns the file span of text[i:j].
func (s mapped) span(i, j int) rules.Span {
	if j <= i {
		return rules.Span{Start: s.m[i], End: s.m[i]}
	}
	end := s.m[j]
	if end < s.m[j-1]+1 {
		end = s.m[j-1] + 1
	}
	return rules.Span{Start: s.m[i], End: end}
}

// raw reports that text[i:j] is byte for byte the file text at its span.
func (s mapped) raw(src []byte, i, j int) bool {
	if !s.exact || j <= i {
		return false
	}
	start := s.m[i]
	if start+(j-i) > len(src) || string(src[start:start+j-i]) != s.text[i:j] {
		return false
	}
	for k := i; k < j; k++ {
		if s.m[k] != start+k-i {
			return false
		}
	}
	return true
}

// contiguous reports that the whole value is a plain piece of the file.
func (s mapped) contiguous(src []byte) bool { return s.raw(src, 0, len(s.text)) }

// scalar returns the mapped value of a scalar node (an alias stands for the
// scalar it names).
func (r *reader) scalar(n *yamlv3.Node) mapped {
	if n.Kind == yamlv3.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if ms, ok := r.cache[n]; ok {
		return ms
	}
	ms := r.mapScalar(n)
	r.cache[n] = ms
	return ms
}

func (r *reader) mapScalar(n *yamlv3.Node) mapped {
	start := r.skipProperties(r.offset(n.Line, n.Column))
	var ms mapped
	var ok bool
	switch {
	case n.Style&yamlv3.DoubleQuotedStyle != 0:
		ms, ok = r.flowScalar(start, '"', n.Value)
	case n.Style&yamlv3.SingleQuotedStyle != 0:
		ms, ok = r.flowScalar(start, '\'', n.Value)
	case n.Style&yamlv3.LiteralStyle != 0:
		ms, ok = r.literal(start, n.Value)
	case n.Style&yamlv3.FoldedStyle != 0:
		if ms, ok = r.folded(start, n.Value); !ok {
			return r.align(r.blockContent(start), n.Value)
		}
	default:
		ms, ok = r.flowScalar(start, 0, n.Value)
	}
	if ok && ms.text == n.Value {
		ms.exact = true
		return ms
	}
	return r.align(start, n.Value)
}

// offset turns a yaml.v3 position (1-based line, 1-based column counted in
// characters, a leading BOM not counted) into a byte offset of src.
func (r *reader) offset(line, col int) int {
	if line < 1 || len(r.starts) == 0 {
		return 0
	}
	if line > len(r.starts) {
		return len(r.src)
	}
	off, c := r.starts[line-1], 1
	if line == 1 && strings.HasPrefix(string(r.src[:min(3, len(r.src))]), "\ufeff") {
		off = 3
	}
	// Nodes come mostly in order: go on from the last position asked for
	// on the same line, so that a long one-line flow mapping stays linear.
	if p := r.lastPos; p.line == line && p.col <= col {
		off, c = p.off, p.col
	}
	for ; c < col && off < len(r.src) && r.src[off] != '\n'; c++ {
		_, w := utf8.DecodeRune(r.src[off:])
		off += w
	}
	r.lastPos = position{line, c, off}
	return off
}

// position is a yaml.v3 line and column with its byte offset.
type position struct{ line, col, off int }

// skipProperties steps over a node's anchor and tag (&a !!str) to its content.
func (r *reader) skipProperties(off int) int {
	src := r.src
	for off < len(src) && (src[off] == '&' || src[off] == '!') {
		for off < len(src) && !isSpace(src[off]) && src[off] != '\n' && src[off] != '\r' {
			off++
		}
		for off < len(src) && (isSpace(src[off]) || src[off] == '\n' || src[off] == '\r') {
			off++
		}
	}
	return off
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// lineBreak returns the length of the line break at off, or 0.
func lineBreak(src []byte, off int) int {
	switch {
	case off >= len(src):
		return 0
	case src[off] == '\n':
		return 1
	case src[off] == '\r' && off+1 < len(src) && src[off+1] == '\n':
		return 2
	case src[off] == '\r':
		return 1
	}
	return 0
}

// builder collects decoded bytes with their offsets.
type builder struct {
	text []byte
	m    []int
}

func newBuilder(size int) builder {
	return builder{text: make([]byte, 0, size), m: make([]int, 0, size+1)}
}

func (b *builder) add(s string, at int) {
	for i := 0; i < len(s); i++ {
		b.text = append(b.text, s[i])
		b.m = append(b.m, at)
	}
}

func (b *builder) done(end int) mapped {
	return mapped{text: string(b.text), m: append(b.m, end)}
}

// flowScalar decodes a plain (quote 0), single- or double-quoted scalar
// starting at off, following YAML's line folding, escapes and doubled single quotes.
// A plain scalar is read until it has as many bytes as want.
func (r *reader) flowScalar(off int, quote byte, want string) (mapped, bool) {
	src := r.src
	b := newBuilder(len(want))
	i := off
	if quote != 0 {
		i++
	}
	for i < len(src) {
		if quote == 0 && len(b.text) >= len(want) {
			break
		}
		c := src[i]
		switch {
		case quote != 0 && c == quote:
			if quote == '\'' && i+1 < len(src) && src[i+1] == '\'' {
				b.add("'", i)
				i += 2
				continue
			}
			return b.done(i), true
		case quote == '"' && c == '\\':
			if n := lineBreak(src, i+1); n > 0 {
				// An escaped line break joins the lines without a space.
				i = r.fold(&b, i+1, false)
				continue
			}
			s, n, ok := unescape(src[i:])
			if !ok {
				return mapped{}, false
			}
			b.add(s, i)
			i += n
		case isSpace(c):
			j := i
			for j < len(src) && isSpace(src[j]) {
				j++
			}
			if lineBreak(src, j) > 0 {
				i = j // trailing blanks before a fold are dropped
				continue
			}
			for k := i; k < j; k++ {
				b.add(string(src[k]), k)
			}
			i = j
		case lineBreak(src, i) > 0:
			i = r.fold(&b, i, true)
		default:
			b.add(string(c), i)
			i++
		}
	}
	if quote != 0 {
		return mapped{}, false
	}
	return b.done(i), true
}

// fold consumes the line break at i, the empty lines after it and the next
// line's indentation: one empty line or more become that many newlines; none
// becomes a space when space is set.
func (r *reader) fold(b *builder, i int, space bool) int {
	src := r.src
	brk := i
	i += lineBreak(src, i)
	empties := 0
	for {
		j := i
		for j < len(src) && isSpace(src[j]) {
			j++
		}
		if n := lineBreak(src, j); n > 0 {
			b.add("\n", j)
			empties++
			i = j + n
			continue
		}
		i = j
		break
	}
	if empties == 0 && space {
		b.add(" ", brk)
	}
	return i
}

// unescape decodes the double-quoted escape at the start of s (a backslash)
// and returns the bytes it stands for and its length.
func unescape(s []byte) (string, int, bool) {
	if len(s) < 2 {
		return "", 0, false
	}
	simple := map[byte]string{
		'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v",
		'f': "\f", 'r': "\r", 'e': "\x1b", ' ': " ", '"': "\"", '/': "/", '\\': "\\",
		'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
	}
	if v, ok := simple[s[1]]; ok {
		return v, 2, true
	}
	width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[1]]
	if width == 0 || len(s) < 2+width {
		return "", 0, false
	}
	code, err := strconv.ParseUint(string(s[2:2+width]), 16, 32)
	if err != nil {
		return "", 0, false
	}
	return string(rune(code)), 2 + width, true
}

// blockContent returns the offset of the first content line of the block
// scalar whose header (| or >) is at off.
func (r *reader) blockContent(off int) int {
	src := r.src
	for off < len(src) && lineBreak(src, off) == 0 {
		off++
	}
	return off + lineBreak(src, off)
}

// literal maps a literal block scalar (|) whose header is at off: each
// content line without the block's indentation, and its line break.
func (r *reader) literal(off int, want string) (mapped, bool) {
	src := r.src
	start := r.blockContent(off)
	// The indentation is what the first non-empty line of the value has in
	// front of it in the file; this also covers explicit indicators (|2).
	indent := -1
	lines := strings.Split(want, "\n")
	i := start
	for _, l := range lines {
		if strings.TrimLeft(l, " ") == "" {
			if i >= len(src) {
				break
			}
			i = nextLine(src, i)
			continue
		}
		end := lineEnd(src, i)
		line := string(src[i:end])
		if !strings.HasSuffix(line, l) || strings.Trim(line[:len(line)-len(l)], " ") != "" {
			return mapped{}, false
		}
		indent = len(line) - len(l)
		break
	}
	if indent < 0 {
		indent = 0
	}
	b := newBuilder(len(want))
	for i = start; i < len(src) && len(b.text) < len(want); {
		end := lineEnd(src, i)
		j := i
		for j < end && j-i < indent && src[j] == ' ' {
			j++
		}
		if j-i < indent && j < end {
			break // a less indented line ends the block
		}
		for k := j; k < end; k++ {
			b.add(string(src[k]), k)
		}
		if n := lineBreak(src, end); n > 0 {
			b.add("\n", end)
			i = end + n
		} else {
			i = end
			break
		}
	}
	if len(b.text) < len(want) || string(b.text[:len(want)]) != want {
		return mapped{}, false
	}
	b.text, b.m = b.text[:len(want)], b.m[:len(want)]
	endOff := i
	if len(want) > 0 {
		endOff = b.m[len(want)-1] + 1
	}
	return b.done(endOff), true
}

func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' && src[i] != '\r' {
		i++
	}
	return i
}

func nextLine(src []byte, i int) int {
	e := lineEnd(src, i)
	return e + lineBreak(src, e)
}

// align maps want onto the file text from off as well as it can: bytes that
// match map exactly, folded whitespace maps to the whitespace it came from.
// It is a fallback; the result is approximate.
func (r *reader) align(off int, want string) mapped {
	src := r.src
	b := newBuilder(len(want))
	i := off
	for j := 0; j < len(want); j++ {
		c := want[j]
		if i < len(src) && src[i] == c {
			b.add(string(c), i)
			i++
			continue
		}
		if (c == ' ' || c == '\n') && i < len(src) && (isSpace(src[i]) || lineBreak(src, i) > 0) {
			b.add(string(c), i)
			for i < len(src) && (isSpace(src[i]) || lineBreak(src, i) > 0) {
				i++
			}
			continue
		}
		// Look a little ahead (escapes, quotes) for the byte.
		found := -1
		for k := i; k < len(src) && k < i+12; k++ {
			if src[k] == c {
				found = k
				break
			}
		}
		if found >= 0 {
			b.add(string(c), found)
			i = found + 1
			continue
		}
		b.add(string(c), min(i, len(src)))
	}
	ms := b.done(min(i, len(src)))
	return ms
}
