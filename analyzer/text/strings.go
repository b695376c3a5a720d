package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// interpolation syntaxes of string literals.
type interp uint8

const (
	interpNone   interp = iota
	interpJS            // ${expr}
	interpPyF           // {expr}, {{ and }} escaped
	interpRuby          // #{expr}
	interpPHP           // $var, $var->prop, {$expr}, ${name}
	interpPS            // $var, $scope:var, $(expr), ${name}
	interpCS            // {expr}, {{ and }} escaped
	interpKotlin        // $name, ${expr}
)

// scanner reads the contents of one string literal into pieces.
type scanner struct {
	lx            *lexer
	quote         byte
	closer        string
	start         int
	escapes       bool // backslash escapes
	singleQuoted  bool // only \\ and \' are escapes (Ruby, PHP)
	backtick      bool // PowerShell `x escapes
	doubled       bool // a doubled quote stands for one
	stopAtNewline bool
	interp        interp

	parts   []piece
	lit     []byte
	litFrom int
	escaped bool
}

func (sc *scanner) flush(at int) {
	if at > sc.litFrom || len(sc.lit) > 0 {
		sc.parts = append(sc.parts, piece{lit: string(sc.lit), span: rules.Span{Start: sc.litFrom, End: at}, raw: !sc.escaped})
	}
	sc.lit = sc.lit[:0]
	sc.escaped = false
}

func (sc *scanner) hole(from, to int, expr string) {
	sc.flush(from)
	expr = strings.TrimSpace(expr)
	if expr == "" {
		expr = "?"
	}
	sc.parts = append(sc.parts, piece{hole: expr, span: rules.Span{Start: from, End: to}})
	sc.litFrom = to
}

// scan returns the pieces and the offset just past the closing quote.
func (sc *scanner) scan() ([]piece, int) {
	src := sc.lx.src
	i := sc.start
	sc.litFrom = i
	for i < len(src) {
		c := src[i]
		if c == '\n' && sc.stopAtNewline {
			sc.flush(i)
			return sc.parts, i
		}
		if c == sc.closer[0] && strings.HasPrefix(src[i:], sc.closer) {
			if sc.doubled && i+1 < len(src) && src[i+1] == sc.quote && len(sc.closer) == 1 {
				sc.lit = append(sc.lit, c)
				sc.escaped = true
				i += 2
				continue
			}
			sc.flush(i)
			return sc.parts, i + len(sc.closer)
		}
		if c == '\\' && sc.escapes && i+1 < len(src) {
			n := src[i+1]
			if sc.singleQuoted && n != '\\' && n != sc.quote {
				sc.lit = append(sc.lit, c)
				i++
				continue
			}
			sc.lit = append(sc.lit, unescape(n))
			sc.escaped = true
			i += 2
			continue
		}
		if c == '`' && sc.backtick && i+1 < len(src) {
			sc.lit = append(sc.lit, unescape(src[i+1]))
			sc.escaped = true
			i += 2
			continue
		}
		if n := sc.interpolation(i); n > i {
			i = n
			continue
		}
		sc.lit = append(sc.lit, c)
		i++
	}
	sc.flush(len(src))
	return sc.parts, len(src)
}

func unescape(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 't':
		return '\t'
	case 'r':
		return '\r'
	case '0':
		return 0
	}
	return c
}

// interpolation reads an interpolation at i and returns the offset after
// it, or i when there is none.
func (sc *scanner) interpolation(i int) int {
	src := sc.lx.src
	rest := src[i:]
	switch sc.interp {
	case interpJS:
		if strings.HasPrefix(rest, "${") {
			return sc.braced(i, 2)
		}
	case interpRuby:
		if strings.HasPrefix(rest, "#{") {
			return sc.braced(i, 2)
		}
	case interpPyF, interpCS:
		if strings.HasPrefix(rest, "{{") || strings.HasPrefix(rest, "}}") {
			sc.lit = append(sc.lit, rest[0])
			sc.escaped = true
			return i + 2
		}
		if rest[0] == '{' {
			end := matchClose(src, i+1, '{', '}', sc.stopAtNewline)
			if end < 0 {
				return i
			}
			expr := src[i+1 : end]
			// a format spec or conversion ends the expression
			if k := topLevelIndexAny(expr, ":!"); k >= 0 && !strings.HasPrefix(expr[k:], "!=") && !strings.HasPrefix(expr[k:], "::") {
				expr = expr[:k]
			}
			if sc.interp == interpCS {
				if k := topLevelIndexAny(expr, ","); k >= 0 {
					expr = expr[:k]
				}
			}
			sc.hole(i, end+1, expr)
			return end + 1
		}
	case interpKotlin:
		if strings.HasPrefix(rest, "${") {
			return sc.braced(i, 2)
		}
		if rest[0] == '$' && len(rest) > 1 && isIdentStart(rest[1]) {
			j := 1
			j = identEnd(rest, j)
			sc.hole(i, i+j, rest[1:j])
			return i + j
		}
	case interpPHP:
		if strings.HasPrefix(rest, "{$") {
			end := matchClose(src, i+1, '{', '}', false)
			if end < 0 {
				return i
			}
			sc.hole(i, end+1, src[i+1:end])
			return end + 1
		}
		if strings.HasPrefix(rest, "${") {
			return sc.braced(i, 2)
		}
		if rest[0] == '$' && len(rest) > 1 && isIdentStart(rest[1]) {
			j := 1
			j = identEnd(rest, j)
			if strings.HasPrefix(rest[j:], "->") && j+2 < len(rest) && isIdentStart(rest[j+2]) {
				j += 2
				j = identEnd(rest, j)
			} else if j < len(rest) && rest[j] == '[' {
				if k := strings.IndexByte(rest[j:], ']'); k > 0 {
					j += k + 1
				}
			}
			sc.hole(i, i+j, rest[:j])
			return i + j
		}
	case interpPS:
		if strings.HasPrefix(rest, "$(") {
			end := matchClose(src, i+2, '(', ')', false)
			if end < 0 {
				return i
			}
			sc.hole(i, end+1, src[i+2:end])
			return end + 1
		}
		if strings.HasPrefix(rest, "${") {
			if k := strings.IndexByte(rest, '}'); k > 0 {
				sc.hole(i, i+k+1, "$"+rest[2:k])
				return i + k + 1
			}
		}
		if rest[0] == '$' && len(rest) > 1 && isIdentStart(rest[1]) {
			j := 1
			j = identEnd(rest, j)
			if j+1 < len(rest) && rest[j] == ':' && isIdentStart(rest[j+1]) {
				j++
				j = identEnd(rest, j)
			}
			sc.hole(i, i+j, rest[:j])
			return i + j
		}
	}
	return i
}

// braced reads an interpolation opened by skip bytes ending in '{'.
func (sc *scanner) braced(i, skip int) int {
	src := sc.lx.src
	end := matchClose(src, i+skip, '{', '}', false)
	if end < 0 {
		return i
	}
	sc.hole(i, end+1, src[i+skip:end])
	return end + 1
}

const maxInterpolation = 4096

// matchClose returns the index of the closer matching the opener just
// before from, skipping nested pairs and quoted strings; -1 when there is
// none (or a line ends first and stopAtNewline is set).
func matchClose(src string, from int, open, closer byte, stopAtNewline bool) int {
	depth := 0
	// an interpolation longer than this is not one: give up rather than
	// rescan a large file for every stray opener
	limit := min(len(src), from+maxInterpolation)
	for i := from; i < limit; i++ {
		switch c := src[i]; c {
		case open:
			depth++
		case closer:
			if depth == 0 {
				return i
			}
			depth--
		case '"', '\'', '`':
			j := i + 1
			for j < limit && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				if j < len(src) && src[j] == '\n' && c != '`' {
					break
				}
				j++
			}
			if j >= limit || src[j] != c {
				return -1
			}
			i = j
		case '\n':
			if stopAtNewline {
				return -1
			}
		}
	}
	return -1
}

// topLevelIndexAny finds the first byte of chars outside brackets and quotes.
func topLevelIndexAny(s, chars string) int {
	depth := 0
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case depth == 0 && strings.IndexByte(chars, c) >= 0:
			return i
		}
	}
	return -1
}

// identEnd returns the index just past the identifier bytes of s from i.
func identEnd(s string, i int) int {
	for i < len(s) && isIdentByte(s[i]) {
		i++
	}
	return i
}
