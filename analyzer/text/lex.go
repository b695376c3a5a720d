package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// family is a group of languages that share string and comment syntax.
type family struct {
	name         string
	slashComment bool // // and /* */
	hashComment  bool // #
	jsTemplate   bool // `...${x}...`
	goRaw        bool // `...` without escapes
	regex        bool // /.../ regular expression literals
	python       bool // prefixes, triple quotes, f-strings
	ruby         bool // "#{x}", %w[], =begin
	php          bool // "$x {$x->y}"
	powershell   bool // "$x $($x.y)", @"..."@, backtick escapes, -Param
	csharp       bool // $"{x}", @"..."
	kotlin       bool // "$x ${x}"
	textBlock    bool // """...""" (Java, Kotlin, Scala, Swift)
	dollarIdent  bool // $ may start an identifier (JS, PHP)
}

var (
	famJS     = &family{name: "js", slashComment: true, jsTemplate: true, regex: true, dollarIdent: true}
	famPython = &family{name: "python", hashComment: true, python: true}
	famRuby   = &family{name: "ruby", hashComment: true, ruby: true, regex: true}
	famPHP    = &family{name: "php", slashComment: true, hashComment: true, php: true, dollarIdent: true}
	famPS     = &family{name: "powershell", hashComment: true, powershell: true}
	famGo     = &family{name: "go", slashComment: true, goRaw: true}
	famJava   = &family{name: "java", slashComment: true, textBlock: true}
	famKotlin = &family{name: "kotlin", slashComment: true, kotlin: true, textBlock: true}
	famCSharp = &family{name: "csharp", slashComment: true, csharp: true}
	famC      = &family{name: "c", slashComment: true}
)

type kind uint8

const (
	kIdent kind = iota + 1
	kString
	kNumber
	kPunct
)

// piece is a part of a string literal: literal text or an interpolation.
type piece struct {
	lit  string
	hole string // the interpolated expression as written
	span rules.Span
	raw  bool // lit is byte for byte the file text at span
}

type token struct {
	kind  kind
	start int
	end   int
	text  string  // identifier or punctuation text
	parts []piece // string contents
	nl    bool    // a line break precedes the token
	// doc marks a string standing alone as a statement (a docstring).
	doc bool
	// param marks a PowerShell -Parameter name.
	param bool
}

func (t *token) is(p string) bool { return t.kind == kPunct && t.text == p }

// lexer turns source text into tokens, skipping comments and whitespace.
type lexer struct {
	src  string
	fam  *family
	pos  int
	toks []token
	nl   bool
}

func lex(src string, fam *family) []token {
	lx := &lexer{src: src, fam: fam, nl: true}
	// about one token every three bytes in code; growing by copying is the
	// main cost on large files otherwise
	lx.toks = make([]token, 0, len(src)/3+16)
	lx.run()
	return lx.toks
}

func isIdentStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

func isIdentByte(c byte) bool { return isIdentStart(c) || '0' <= c && c <= '9' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

var puncts3 = []string{"===", "!==", "<=>", "**=", "...", "<<<", "?->"}
var puncts2 = []string{"=>", "->", "::", "?.", "??", "||", "&&", "==", "!=", "<=", ">=", ":=", "<<", ">>", "+=", "-=", ".=", "*=", "|=", "**", "++", "--"}

func (lx *lexer) emit(t token) {
	t.nl = lx.nl
	lx.nl = false
	lx.toks = append(lx.toks, t)
}

func (lx *lexer) prev() *token {
	if len(lx.toks) == 0 {
		return nil
	}
	return &lx.toks[len(lx.toks)-1]
}

// operandBefore reports whether the previous token ends an operand, so that a
// following / is a division and not a regular expression.
func (lx *lexer) operandBefore() bool {
	p := lx.prev()
	if p == nil {
		return false
	}
	switch p.kind {
	case kNumber, kString:
		return true
	case kIdent:
		switch p.text {
		case "return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "when", "if", "unless", "and", "or", "not", "yield", "await":
			return false
		}
		return true
	case kPunct:
		return p.text == ")" || p.text == "]" || p.text == "}"
	}
	return false
}

func (lx *lexer) run() {
	src, f := lx.src, lx.fam
	for lx.pos < len(src) {
		c := src[lx.pos]
		switch {
		case c == '\n':
			lx.nl = true
			lx.pos++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			lx.pos++
			continue
		case c == '\\' && f.python || c == '`' && f.powershell && lx.pos+1 < len(src) && (src[lx.pos+1] == '\n' || src[lx.pos+1] == '\r'):
			// line continuation
			lx.pos++
			for lx.pos < len(src) && (src[lx.pos] == '\r' || src[lx.pos] == '\n') {
				lx.pos++
			}
			continue
		}
		if lx.comment() {
			continue
		}
		start := lx.pos
		switch {
		case f.powershell && c == '@' && lx.pos+1 < len(src) && (src[lx.pos+1] == '"' || src[lx.pos+1] == '\'') && lx.hereString():
		case f.powershell && c == '-' && lx.pos+1 < len(src) && isIdentStart(src[lx.pos+1]) && (start == 0 || !isIdentByte(src[start-1])):
			lx.pos++
			for lx.pos < len(src) && isIdentByte(src[lx.pos]) {
				lx.pos++
			}
			lx.emit(token{kind: kIdent, start: start, end: lx.pos, text: src[start:lx.pos], param: true})
		case c == '"' || c == '\'':
			lx.quoted(start, "")
		case c == '`' && f.jsTemplate:
			lx.template(start)
		case c == '`' && f.goRaw:
			lx.rawString(start, start+1, "`")
		case f.python && isIdentStart(c) && lx.pyPrefix():
		case f.csharp && (c == '$' || c == '@') && lx.csPrefix():
		case f.ruby && c == '%' && lx.rubyPercent():
		case f.regex && c == '/' && !lx.operandBefore() && lx.regexLit():
		case isIdentStart(c) || c == '$' && (f.dollarIdent || f.powershell || f.ruby) || c == '@' && f.ruby:
			lx.ident(start)
		case isDigit(c):
			for lx.pos < len(src) && (isIdentByte(src[lx.pos]) || src[lx.pos] == '.' && lx.pos+1 < len(src) && isDigit(src[lx.pos+1])) {
				lx.pos++
			}
			lx.emit(token{kind: kNumber, start: start, end: lx.pos, text: src[start:lx.pos]})
		default:
			lx.punct(start)
		}
	}
}

func (lx *lexer) punct(start int) {
	rest := lx.src[start:]
	for _, group := range [][]string{puncts3, puncts2} {
		for _, p := range group {
			if strings.HasPrefix(rest, p) {
				lx.pos += len(p)
				lx.emit(token{kind: kPunct, start: start, end: lx.pos, text: p})
				return
			}
		}
	}
	lx.pos++
	lx.emit(token{kind: kPunct, start: start, end: lx.pos, text: rest[:1]})
}

func (lx *lexer) ident(start int) {
	src, f := lx.src, lx.fam
	i := start
	if src[i] == '@' {
		i++
		if i < len(src) && src[i] == '@' {
			i++
		}
	} else if src[i] == '$' {
		i++
		if f.powershell && i < len(src) && src[i] == '{' {
			if j := strings.IndexByte(src[i:], '}'); j >= 0 {
				i += j + 1
				lx.pos = i
				lx.emit(token{kind: kIdent, start: start, end: i, text: src[start:i]})
				return
			}
		}
	}
	for i < len(src) && (isIdentByte(src[i]) || src[i] == '$' && f.dollarIdent) {
		i++
	}
	if f.powershell {
		// $script:Name, $env:NAME, Verb-Noun commands
		if src[start] == '$' && i < len(src) && src[i] == ':' && i+1 < len(src) && isIdentStart(src[i+1]) {
			i++
			for i < len(src) && isIdentByte(src[i]) {
				i++
			}
		}
		for src[start] != '$' && i+1 < len(src) && src[i] == '-' && isIdentStart(src[i+1]) {
			i++
			for i < len(src) && isIdentByte(src[i]) {
				i++
			}
		}
	}
	if i == start {
		i++
	}
	lx.pos = i
	lx.emit(token{kind: kIdent, start: start, end: i, text: src[start:i]})
}

// comment skips a comment at pos and reports whether there was one.
func (lx *lexer) comment() bool {
	src, f, i := lx.src, lx.fam, lx.pos
	rest := src[i:]
	toEOL := func() {
		j := strings.IndexByte(rest, '\n')
		if j < 0 {
			j = len(rest)
		}
		lx.pos = i + j
	}
	switch {
	case f.slashComment && strings.HasPrefix(rest, "//"):
		toEOL()
	case f.slashComment && strings.HasPrefix(rest, "/*"):
		j := strings.Index(rest[2:], "*/")
		if j < 0 {
			lx.pos = len(src)
		} else {
			lx.pos = i + 2 + j + 2
		}
		if strings.Contains(rest[:lx.pos-i], "\n") {
			lx.nl = true
		}
	case f.powershell && strings.HasPrefix(rest, "<#"):
		j := strings.Index(rest[2:], "#>")
		if j < 0 {
			lx.pos = len(src)
		} else {
			lx.pos = i + 2 + j + 2
		}
		lx.nl = true
	case f.ruby && lx.nl && strings.HasPrefix(rest, "=begin"):
		j := strings.Index(rest, "\n=end")
		if j < 0 {
			lx.pos = len(src)
		} else {
			lx.pos = i + j + 5
		}
	case f.hashComment && rest[0] == '#' && !(f.php && strings.HasPrefix(rest, "#[")):
		toEOL()
	default:
		return false
	}
	return true
}

// pyPrefix lexes a Python string with a prefix (f"…", r"…", rb"…").
func (lx *lexer) pyPrefix() bool {
	src, i := lx.src, lx.pos
	j := i
	for j < len(src) && j-i < 3 && strings.IndexByte("rRbBuUfF", src[j]) >= 0 {
		j++
	}
	if j == i || j >= len(src) || (src[j] != '"' && src[j] != '\'') {
		return false
	}
	lx.quoted(i, strings.ToLower(src[i:j]))
	return true
}

// csPrefix lexes a C# interpolated or verbatim string.
func (lx *lexer) csPrefix() bool {
	src, i := lx.src, lx.pos
	j := i
	for j < len(src) && j-i < 2 && (src[j] == '$' || src[j] == '@') {
		j++
	}
	if j == i || j >= len(src) || src[j] != '"' {
		return false
	}
	lx.quoted(i, src[i:j])
	return true
}

// quoted lexes a string opened by a quote at start+len(prefix).
func (lx *lexer) quoted(start int, prefix string) {
	src, f := lx.src, lx.fam
	q := start + len(prefix)
	quote := src[q]
	triple := (f.python || f.textBlock && quote == '"') && strings.HasPrefix(src[q:], strings.Repeat(string(quote), 3))
	closer := string(quote)
	open := q + 1
	if triple {
		closer = strings.Repeat(string(quote), 3)
		open = q + 3
	}
	// C# 11 raw strings: three or more quotes, closed by as many, no escapes
	raw := 0
	if f.csharp && quote == '"' {
		for q+raw < len(src) && src[q+raw] == '"' {
			raw++
		}
		if raw >= 3 {
			triple, closer, open = true, src[q:q+raw], q+raw
		} else {
			raw = 0
		}
	}
	sc := scanner{lx: lx, quote: quote, closer: closer, start: open}
	switch {
	case f.python:
		sc.escapes = !strings.Contains(prefix, "r")
		if strings.Contains(prefix, "f") {
			sc.interp = interpPyF
		}
	case f.ruby, f.php:
		sc.escapes = true
		switch {
		case quote != '"':
			sc.singleQuoted = true
		case f.ruby:
			sc.interp = interpRuby
		default:
			sc.interp = interpPHP
		}
	case f.powershell:
		sc.backtick = quote == '"'
		sc.doubled = true
		if quote == '"' {
			sc.interp = interpPS
		}
	case f.csharp:
		sc.escapes = !strings.Contains(prefix, "@") && raw == 0
		sc.doubled = strings.Contains(prefix, "@")
		if strings.Contains(prefix, "$") {
			sc.interp = interpCS
		}
	case f.kotlin:
		sc.escapes = true
		if quote == '"' {
			sc.interp = interpKotlin
		}
		if triple {
			sc.escapes = false
		}
	default:
		sc.escapes = true
	}
	// Strings end at the line's end unless the language lets them span
	// lines: an unclosed quote then costs one line, not the rest of the file.
	if !triple && !sc.doubled && !(f.powershell || f.ruby || f.php) {
		sc.stopAtNewline = true
	}
	parts, end := sc.scan()
	lx.pos = end
	t := token{kind: kString, start: start, end: end, parts: parts}
	lx.emit(t)
	if triple && f.python {
		// A triple-quoted string standing alone is a docstring.
		n := len(lx.toks)
		p := (*token)(nil)
		if n >= 2 {
			p = &lx.toks[n-2]
		}
		if lx.toks[n-1].nl && (p == nil || !(p.kind == kPunct && strings.Contains("=([{,+%:", p.text) && p.text != ":")) {
			lx.toks[n-1].doc = true
		}
	}
}

// template lexes a JavaScript template literal.
func (lx *lexer) template(start int) {
	sc := scanner{lx: lx, quote: '`', closer: "`", start: start + 1, escapes: true, interp: interpJS}
	parts, end := sc.scan()
	lx.pos = end
	lx.emit(token{kind: kString, start: start, end: end, parts: parts})
}

// rawString lexes a string without escapes from open to closer.
func (lx *lexer) rawString(start, open int, closer string) {
	src := lx.src
	j := strings.Index(src[open:], closer)
	end := len(src)
	cend := len(src)
	if j >= 0 {
		cend = open + j
		end = cend + len(closer)
	}
	lx.pos = end
	lx.emit(token{kind: kString, start: start, end: end, parts: []piece{{lit: src[open:cend], span: rules.Span{Start: open, End: cend}, raw: true}}})
}

// hereString lexes a PowerShell here-string @"..."@ or @'...'@.
func (lx *lexer) hereString() bool {
	src, i := lx.src, lx.pos
	quote := src[i+1]
	j := i + 2
	for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
		j++
	}
	if j >= len(src) || src[j] != '\n' {
		return false
	}
	open := j + 1
	closer := "\n" + string(quote) + "@"
	k := strings.Index(src[open-1:], closer)
	cend, end := len(src), len(src)
	if k >= 0 {
		cend = open - 1 + k
		end = cend + len(closer)
	}
	if quote == '\'' {
		lx.pos = end
		lx.emit(token{kind: kString, start: i, end: end, parts: []piece{{lit: src[open:cend], span: rules.Span{Start: open, End: cend}, raw: true}}})
		return true
	}
	sub := &lexer{src: src[:cend], fam: lx.fam}
	sc := scanner{lx: sub, quote: 0, closer: "\x00", start: open, backtick: true, interp: interpPS}
	parts, _ := sc.scan()
	lx.pos = end
	lx.emit(token{kind: kString, start: i, end: end, parts: parts})
	return true
}

// rubyPercent lexes %w[], %q(), %Q{}, %() literals.
func (lx *lexer) rubyPercent() bool {
	src, i := lx.src, lx.pos
	j := i + 1
	kindc := byte('Q')
	if j < len(src) && strings.IndexByte("qQwWiI", src[j]) >= 0 {
		kindc = src[j]
		j++
	} else if lx.operandBefore() {
		return false
	}
	if j >= len(src) {
		return false
	}
	open := src[j]
	var closeb byte
	switch open {
	case '(':
		closeb = ')'
	case '[':
		closeb = ']'
	case '{':
		closeb = '}'
	case '<':
		closeb = '>'
	case '|', '!', '/':
		closeb = open
	default:
		return false
	}
	sc := scanner{lx: lx, quote: closeb, closer: string(closeb), start: j + 1, escapes: true}
	if kindc == 'Q' || kindc == 'W' || kindc == 'I' {
		sc.interp = interpRuby
	}
	parts, end := sc.scan()
	lx.pos = end
	if kindc == 'w' || kindc == 'W' || kindc == 'i' || kindc == 'I' {
		lx.emit(token{kind: kPunct, start: i, end: end, text: "%w"})
		return true
	}
	lx.emit(token{kind: kString, start: i, end: end, parts: parts})
	return true
}

// regexLit skips a regular expression literal; false when the / does not
// start one on this line.
func (lx *lexer) regexLit() bool {
	src := lx.src
	inClass := false
	for j := lx.pos + 1; j < len(src) && j < lx.pos+2000; j++ {
		switch src[j] {
		case '\\':
			j++
		case '\n':
			return false
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if inClass {
				continue
			}
			j++
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			lx.emit(token{kind: kPunct, start: lx.pos, end: j, text: "regex"})
			lx.pos = j
			return true
		}
	}
	return false
}
