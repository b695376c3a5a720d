package curl

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
	"mvdan.cc/sh/v3/syntax"
)

// piece is one part of an expanded shell word: literal text or a hole.
type piece struct {
	lit  string
	hole string // the expression as written, when the piece is not literal
	span rules.Span
	// offs, when set, holds the file span of every byte of lit (the text
	// came from the file, possibly through unescaping: \" spans two bytes).
	offs []rules.Span
	// raw reports that lit is byte for byte the file text at span.
	raw bool
	// arg reports that the piece came from a function's call-site argument,
	// so its span is kept when it flows through a variable.
	arg bool
	// undef reports a hole standing for a variable the script never sets.
	undef bool
}

// scope is the context a word is expanded in: the assignments being
// resolved (a chain, to stop cycles) and the positional parameters of a
// function call site.
type scope struct {
	parent *scope
	in     *assignment // the assignment whose value is being expanded
	args   [][]piece   // $1, $2, … when expanding a function at a call site
	// shifts are the function's shift commands: the file offset of each
	// and how many arguments it drops.
	shifts []shift
}

type shift struct{ at, n int }

// enter returns the scope for expanding a's value, or false when a is
// already being expanded (X=$Y; Y=$X).
func (s *scope) enter(a *assignment) (*scope, bool) {
	for p := s; p != nil; p = p.parent {
		if p.in == a {
			return nil, false
		}
	}
	n := &scope{parent: s, in: a}
	if s != nil {
		n.args, n.shifts = s.args, s.shifts
	}
	return n, true
}

// argsAt returns the positional parameters in effect at file offset at.
func (s *scope) argsAt(at int) [][]piece {
	args := s.args
	for _, sh := range s.shifts {
		if sh.at < at {
			args = args[min(sh.n, len(args)):]
		}
	}
	return args
}

// expand turns a word into pieces, resolving the variables it can.
func (r *reader) expand(u *unit, w *syntax.Word, sc *scope) []piece {
	if w == nil {
		return nil
	}
	var out []piece
	for _, p := range w.Parts {
		out = append(out, r.expandPart(u, p, sc, quoteNone)...)
	}
	return out
}

type quoting int

const (
	quoteNone quoting = iota
	quoteDouble
	quoteHeredoc
)

func (r *reader) expandPart(u *unit, p syntax.WordPart, sc *scope, q quoting) []piece {
	switch p := p.(type) {
	case *syntax.Lit:
		return []piece{u.litPiece(p.Value, int(p.Pos().Offset()), int(p.End().Offset()), q)}
	case *syntax.SglQuoted:
		start := int(p.Left.Offset()) + 1
		if p.Dollar {
			start++
			s := unescapeANSI(p.Value)
			return []piece{{lit: s, span: u.span(start, int(p.Right.Offset())), raw: s == p.Value, offs: u.offsIf(s == p.Value, start, len(s))}}
		}
		return []piece{{lit: p.Value, span: u.span(start, int(p.Right.Offset())), raw: true, offs: u.offs(start, len(p.Value))}}
	case *syntax.DblQuoted:
		var out []piece
		for _, in := range p.Parts {
			out = append(out, r.expandPart(u, in, sc, quoteDouble)...)
		}
		if len(p.Parts) == 0 {
			at := int(p.Left.Offset()) + 1
			if p.Dollar {
				at++
			}
			out = append(out, piece{span: u.span(at, at), raw: true})
		}
		return out
	case *syntax.ParamExp:
		return r.expandParam(u, p, sc)
	}
	// $(cmd), `cmd`, $((x)), <(cmd), globs: unknown values.
	return []piece{{hole: u.text(p), span: u.nodeSpan(p)}}
}

// litPiece builds the piece for literal text src[start:end], unescaping the
// backslashes the quoting context gives a meaning to.
func (u *unit) litPiece(value string, start, end int, q quoting) piece {
	if !strings.Contains(value, `\`) {
		return piece{lit: value, span: u.span(start, end), raw: true, offs: u.offs(start, len(value))}
	}
	var b strings.Builder
	var offs []rules.Span
	for i := 0; i < len(value); i++ {
		c, from := value[i], i
		if c == '\\' && i+1 < len(value) {
			n := value[i+1]
			special := q == quoteNone ||
				strings.IndexByte("$`\"\\\n", n) >= 0 && q == quoteDouble ||
				strings.IndexByte("$`\\\n", n) >= 0 && q == quoteHeredoc
			if special {
				i++
				if n == '\n' {
					continue
				}
				c = n
			}
		}
		b.WriteByte(c)
		// An escaped byte spans its backslash too.
		offs = append(offs, rules.Span{Start: u.base + start + from, End: u.base + start + i + 1})
	}
	return piece{lit: b.String(), span: u.span(start, end), offs: offs}
}

// unescapeANSI decodes the common escapes of a $'…' string.
func unescapeANSI(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	r := strings.NewReplacer(`\n`, "\n", `\t`, "\t", `\r`, "\r", `\\`, `\`, `\'`, `'`, `\"`, `"`)
	return r.Replace(s)
}

func (r *reader) expandParam(u *unit, p *syntax.ParamExp, sc *scope) []piece {
	at := u.nodeSpan(p)
	if p.Param == nil || p.Excl || p.Length || p.Index != nil || p.Slice != nil || p.Repl != nil || p.NestedParam != nil {
		return []piece{{hole: strings.Trim(u.text(p), "${}"), span: at}}
	}
	name := p.Param.Value
	if t := u.origText(p); strings.HasPrefix(t, "${{") {
		return []piece{{hole: t, span: at, undef: true}} // a CI template expression
	}
	if isPositional(name) && sc != nil && sc.args != nil {
		return positional(name, sc.argsAt(at.Start), at)
	}
	var val []piece
	known := false
	if !isPositional(name) {
		val, known = r.resolve(name, int(p.Pos().Offset())+u.base, sc)
	}
	if p.Exp != nil {
		switch p.Exp.Op {
		case syntax.DefaultUnset, syntax.DefaultUnsetOrNull, syntax.AssignUnset, syntax.AssignUnsetOrNull:
			if !known {
				val, known = r.expand(u, p.Exp.Word, sc), true
			}
		default:
			// ${X#prefix}, ${X:+alt}, …: the value is transformed.
			known = false
		}
	}
	if !known {
		return []piece{{hole: name, span: at, undef: !isPositional(name) && len(r.vars[name]) == 0}}
	}
	// Copying a value's pieces costs budget too: values built by doubling
	// are copied at every level they pass through.
	r.budget -= len(val)
	out := make([]piece, 0, len(val))
	for _, v := range val {
		if !v.arg {
			v.span, v.raw, v.offs = at, false, nil
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		out = append(out, piece{span: rules.Span{Start: at.Start, End: at.Start}})
	}
	return out
}

func isPositional(name string) bool {
	if name == "@" || name == "*" {
		return true
	}
	for _, c := range name {
		if c < '0' || c > '9' {
			return false
		}
	}
	return name != "" && name != "0"
}

// positional expands $N (or "$@", joined by spaces) from call-site arguments.
func positional(name string, args [][]piece, at rules.Span) []piece {
	if name == "@" || name == "*" {
		var out []piece
		for i, a := range args {
			if i > 0 {
				out = append(out, piece{lit: " ", span: at, arg: true})
			}
			out = append(out, a...)
		}
		return out
	}
	n := 0
	for _, c := range name {
		n = n*10 + int(c-'0')
	}
	if n-1 < len(args) {
		return args[n-1]
	}
	return []piece{{span: rules.Span{Start: at.Start, End: at.Start}}}
}

// resolve returns the value of variable name as seen at file offset at, when
// the script assigns it a value built from literals and known variables.
func (r *reader) resolve(name string, at int, sc *scope) ([]piece, bool) {
	a := r.vars.lookup(name, at)
	if a == nil || a.value == nil || r.budget <= 0 {
		return nil, false
	}
	r.budget-- // values built by doubling (B=$A$A; C=$B$B…) must not explode
	inner, ok := sc.enter(a)
	if !ok {
		return nil, false // a cycle: X=${X:-default} falls back to its default
	}
	return r.expand(a.unit, a.value, inner), true
}

// text returns the source text of a node.
func (u *unit) text(n syntax.Node) string {
	s, e := int(n.Pos().Offset()), int(n.End().Offset())
	if s < 0 || e > len(u.src) || s > e {
		return ""
	}
	return u.src[s:e]
}

// origText returns the text of a node as written.
func (u *unit) origText(n syntax.Node) string {
	s, e := int(n.Pos().Offset()), int(n.End().Offset())
	if s < 0 || e > len(u.orig) || s > e {
		return ""
	}
	return u.orig[s:e]
}

func (u *unit) nodeSpan(n syntax.Node) rules.Span {
	return u.span(int(n.Pos().Offset()), int(n.End().Offset()))
}

func (u *unit) span(start, end int) rules.Span {
	return rules.Span{Start: u.base + start, End: u.base + end}
}

func (u *unit) offs(start, n int) []rules.Span {
	o := make([]rules.Span, n)
	for i := range o {
		o[i] = rules.Span{Start: u.base + start + i, End: u.base + start + i + 1}
	}
	return o
}

func (u *unit) offsIf(ok bool, start, n int) []rules.Span {
	if !ok {
		return nil
	}
	return u.offs(start, n)
}

// flat is an expanded word as one string with the file span of every byte;
// holes are written as a NUL byte.
type flat struct {
	s     string
	spans []rules.Span
}

const holeByte = '\x00'

func flatten(ps []piece) flat {
	var b strings.Builder
	var spans []rules.Span
	for _, p := range ps {
		if p.hole != "" {
			b.WriteByte(holeByte)
			spans = append(spans, p.span)
			continue
		}
		b.WriteString(p.lit)
		for i := range len(p.lit) {
			if p.offs != nil && i < len(p.offs) {
				spans = append(spans, p.offs[i])
			} else {
				spans = append(spans, p.span)
			}
		}
	}
	return flat{b.String(), spans}
}

// span returns the file span of f.s[i:j].
func (f flat) span(i, j int) rules.Span {
	if len(f.spans) == 0 {
		return rules.Span{}
	}
	if i >= len(f.spans) {
		e := f.spans[len(f.spans)-1].End
		return rules.Span{Start: e, End: e}
	}
	if j <= i {
		s := f.spans[i].Start
		return rules.Span{Start: s, End: s}
	}
	if j > len(f.spans) {
		j = len(f.spans)
	}
	return rules.Span{Start: f.spans[i].Start, End: f.spans[j-1].End}
}

// from returns the flat text from byte i on.
func (f flat) from(i int) flat {
	if i > len(f.s) {
		i = len(f.s)
	}
	return flat{f.s[i:], f.spans[i:]}
}

// literal returns the text when it holds no hole.
func (f flat) literal() (string, bool) {
	return f.s, !strings.ContainsRune(f.s, holeByte)
}

// dropPrefix returns the pieces after the first n bytes of literal text
// (an option name bundled with its argument: -XPUT).
func dropPrefix(ps []piece, n int) []piece {
	var out []piece
	for _, p := range ps {
		if n == 0 || p.hole != "" {
			out = append(out, p)
			n = 0
			continue
		}
		if n >= len(p.lit) {
			n -= len(p.lit)
			continue
		}
		q := p
		q.lit = p.lit[n:]
		if p.offs != nil {
			q.offs = p.offs[n:]
			q.span = rules.Span{Start: p.offs[n].Start, End: p.span.End}
		}
		out = append(out, q)
		n = 0
	}
	return out
}
