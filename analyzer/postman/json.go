package postman

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/migaudit/migaudit/rules"
)

// encoding/json gives no byte offsets, so collections are parsed by this
// small JSON parser that records the span of every value and object key.
// It accepts exactly what encoding/json accepts (a fuzz test compares them).

type kind uint8

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kArray
	kObject
)

// node is a JSON value with its span in the source.
type node struct {
	kind kind
	// span covers the value as written: a string's span includes its quotes.
	span rules.Span
	// str is a string's decoded value, or a number's or literal's text.
	str string
	// escaped reports that a string's token holds escapes, so str is not
	// byte for byte the text between its quotes.
	escaped bool
	// partial marks an object or array cut short by a syntax error; its
	// span ends where the error is.
	partial bool
	// keys and vals are an object's members in source order; elems an
	// array's elements.
	keys  []*node
	vals  []*node
	elems []*node
}

// get returns the value of an object's member key (the last one, as
// encoding/json does with duplicates), or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != kObject {
		return nil
	}
	for i := len(n.keys) - 1; i >= 0; i-- {
		if n.keys[i].str == key {
			return n.vals[i]
		}
	}
	return nil
}

// keyOf returns the key node of member key, or nil.
func (n *node) keyOf(key string) *node {
	if n == nil || n.kind != kObject {
		return nil
	}
	for i := len(n.keys) - 1; i >= 0; i-- {
		if n.keys[i].str == key {
			return n.keys[i]
		}
	}
	return nil
}

// text returns a string member's value, or "".
func (n *node) text(key string) string {
	if v := n.get(key); v != nil && v.kind == kString {
		return v.str
	}
	return ""
}

// isTrue reports whether member key is the literal true.
func (n *node) isTrue(key string) bool {
	v := n.get(key)
	return v != nil && v.kind == kBool && v.str == "true"
}

// isDisabled reports whether a Postman entry (a query parameter, header,
// form field, variable or event) is switched off: "disabled": true, or the
// "enabled": false older exports write.
func (n *node) isDisabled() bool {
	if n.isTrue("disabled") {
		return true
	}
	e := n.get("enabled")
	return e != nil && e.kind == kBool && e.str == "false"
}

// syntaxError is malformed JSON at a byte offset.
type syntaxError struct {
	off int
	msg string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("offset %d: %s", e.off, e.msg) }

// maxDepth bounds nesting, as encoding/json does, so hostile input cannot
// exhaust the stack.
const maxDepth = 10000

type parser struct {
	src   []byte
	pos   int
	depth int
}

// parseJSON parses src as one JSON value. On error it still returns what was
// built before the error (so a truncated collection can be recognised).
func parseJSON(src []byte, start int) (*node, error) {
	p := &parser{src: src, pos: start}
	p.skipSpace()
	v, err := p.value()
	if err != nil {
		return v, err
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		return v, p.errorf("unexpected %s after the top-level value", p.describe())
	}
	return v, nil
}

func (p *parser) errorf(format string, args ...any) error {
	return &syntaxError{off: p.pos, msg: fmt.Sprintf(format, args...)}
}

// describe names the byte at the current position for an error message.
func (p *parser) describe() string {
	if p.pos >= len(p.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.src[p.pos:])
	if r < ' ' || r == utf8.RuneError {
		return fmt.Sprintf("byte %#02x", p.src[p.pos])
	}
	return strconv.QuoteRune(r)
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value() (*node, error) {
	if p.pos >= len(p.src) {
		return nil, p.errorf("unexpected end of input, expecting a value")
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.string()
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	case c == 't':
		return p.literal("true", kBool)
	case c == 'f':
		return p.literal("false", kBool)
	case c == 'n':
		return p.literal("null", kNull)
	}
	return nil, p.errorf("unexpected %s, expecting a value", p.describe())
}

// cut marks n as ended by a syntax error at the current position.
func (p *parser) cut(n *node, err error) (*node, error) {
	n.partial = true
	n.span.End = max(p.pos, n.span.Start)
	return n, err
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > maxDepth {
		return p.errorf("nesting deeper than %d levels", maxDepth)
	}
	return nil
}

func (p *parser) object() (*node, error) {
	n := &node{kind: kObject, span: rules.Span{Start: p.pos}}
	if err := p.enter(); err != nil {
		return p.cut(n, err)
	}
	defer func() { p.depth-- }()
	p.pos++ // {
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		n.span.End = p.pos
		return n, nil
	}
	for {
		if p.pos >= len(p.src) || p.src[p.pos] != '"' {
			return p.cut(n, p.errorf("unexpected %s, expecting an object key", p.describe()))
		}
		k, err := p.string()
		if err != nil {
			return p.cut(n, err)
		}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return p.cut(n, p.errorf("unexpected %s after object key, expecting ':'", p.describe()))
		}
		p.pos++
		p.skipSpace()
		v, err := p.value()
		if v != nil {
			n.keys = append(n.keys, k)
			n.vals = append(n.vals, v)
		}
		if err != nil {
			return p.cut(n, err)
		}
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			p.skipSpace()
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			p.pos++
			n.span.End = p.pos
			return n, nil
		}
		return p.cut(n, p.errorf("unexpected %s in object, expecting ',' or '}'", p.describe()))
	}
}

func (p *parser) array() (*node, error) {
	n := &node{kind: kArray, span: rules.Span{Start: p.pos}}
	if err := p.enter(); err != nil {
		return p.cut(n, err)
	}
	defer func() { p.depth-- }()
	p.pos++ // [
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		n.span.End = p.pos
		return n, nil
	}
	for {
		v, err := p.value()
		if v != nil {
			n.elems = append(n.elems, v)
		}
		if err != nil {
			return p.cut(n, err)
		}
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			p.skipSpace()
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == ']' {
			p.pos++
			n.span.End = p.pos
			return n, nil
		}
		return p.cut(n, p.errorf("unexpected %s in array, expecting ',' or ']'", p.describe()))
	}
}

func (p *parser) literal(word string, k kind) (*node, error) {
	start := p.pos
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.src) || p.src[p.pos] != word[i] {
			return nil, p.errorf("unexpected %s in literal %s", p.describe(), word)
		}
		p.pos++
	}
	return &node{kind: k, str: word, span: rules.Span{Start: start, End: p.pos}}, nil
}

func (p *parser) number() (*node, error) {
	start := p.pos
	digits := func() int {
		n := 0
		for p.pos < len(p.src) && '0' <= p.src[p.pos] && p.src[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.src[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(p.src) && p.src[p.pos] == '0':
		p.pos++
	case digits() == 0:
		return nil, p.errorf("unexpected %s in number, expecting a digit", p.describe())
	}
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, p.errorf("unexpected %s after decimal point, expecting a digit", p.describe())
		}
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, p.errorf("unexpected %s in exponent, expecting a digit", p.describe())
		}
	}
	return &node{kind: kNumber, str: string(p.src[start:p.pos]), span: rules.Span{Start: start, End: p.pos}}, nil
}

// string parses a string token; the source must be valid UTF-8 (Read checks).
func (p *parser) string() (*node, error) {
	start := p.pos
	p.pos++ // "
	escaped := false
	for {
		if p.pos >= len(p.src) {
			return nil, p.errorf("unexpected end of input in string")
		}
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			n := &node{kind: kString, span: rules.Span{Start: start, End: p.pos}, escaped: escaped}
			if escaped {
				n.str, _ = unescape(p.src[start:p.pos])
			} else {
				n.str = string(p.src[start+1 : p.pos-1])
			}
			return n, nil
		case c == '\\':
			escaped = true
			if p.pos+1 >= len(p.src) {
				p.pos++
				return nil, p.errorf("unexpected end of input in string escape")
			}
			switch p.src[p.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.pos += 2
			case 'u':
				p.pos += 2
				for i := 0; i < 4; i++ {
					if p.pos >= len(p.src) || !isHex(p.src[p.pos]) {
						return nil, p.errorf("unexpected %s in \\u escape, expecting a hex digit", p.describe())
					}
					p.pos++
				}
			default:
				p.pos++
				return nil, p.errorf("invalid escape character %s in string", p.describe())
			}
		case c < ' ':
			return nil, p.errorf("unexpected control character %#02x in string", c)
		default:
			p.pos++
		}
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unescape decodes a well-formed string token (with its quotes) and returns,
// for every byte of the result and one past its end, the offset in tok of
// the source text it came from: the bytes of an escape all map to the
// escape's backslash, the end to the closing quote.
func unescape(tok []byte) (string, []int) {
	body := tok[1 : len(tok)-1]
	out := make([]byte, 0, len(body))
	offs := make([]int, 0, len(body)+1)
	put := func(at int, bs ...byte) {
		for _, b := range bs {
			out = append(out, b)
			offs = append(offs, at+1)
		}
	}
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			put(i, c)
			i++
			continue
		}
		at := i
		switch e := body[i+1]; e {
		case 'b':
			put(at, '\b')
		case 'f':
			put(at, '\f')
		case 'n':
			put(at, '\n')
		case 'r':
			put(at, '\r')
		case 't':
			put(at, '\t')
		case 'u':
			r, n := decodeU(body[i:])
			put(at, utf8.AppendRune(nil, r)...)
			i += n
			continue
		default:
			put(at, e)
		}
		i += 2
	}
	offs = append(offs, len(tok)-1)
	return string(out), offs
}

// decodeU decodes a \uXXXX escape at the start of s, joining a surrogate
// pair, and returns the rune and the bytes consumed. Lone surrogates give
// U+FFFD, as in encoding/json.
func decodeU(s []byte) (rune, int) {
	hex := func(b []byte) rune {
		if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
			return -1
		}
		v, err := strconv.ParseUint(string(b[2:6]), 16, 32)
		if err != nil {
			return -1
		}
		return rune(v)
	}
	r := hex(s)
	if r < 0 {
		return utf8.RuneError, 2
	}
	if utf16.IsSurrogate(r) {
		if r2 := hex(s[6:]); r2 >= 0 {
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				return d, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}
