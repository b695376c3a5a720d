package curl

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
	"mvdan.cc/sh/v3/syntax"
)

// cmdLine is a command line as written, for the fixers of the commands
// read (curl, HTTPie): its words, how its URL word is quoted, and where a
// fix may add or remove words keeping the command's layout.
type cmdLine struct {
	text  string       // the text read, as written (prompts and all)
	tool  rules.Span   // the command word (or $CURL)
	words []rules.Span // the command's words after it, without a line's CR
	// url is the index of the URL's word (-1 when the URL is not written
	// in the command) and segs how it is quoted.
	url  int
	segs []segment
	// snippet reports a command read from a snippet: the plan's URL and
	// method edits are the snippet fixer's to add.
	snippet bool
	// token is the token written when the plan gives none.
	token string
}

// newCmdLine captures the words of command c whose tool word is c.Args[k]
// and whose URL is url.
func (r *reader) newCmdLine(u *unit, c *syntax.CallExpr, k int, url arg) cmdLine {
	l := cmdLine{text: r.orig, tool: r.trimCR(u.nodeSpan(c.Args[k])), url: -1, snippet: r.snippet, token: r.token}
	for _, w := range c.Args[k+1:] {
		sp := u.nodeSpan(w)
		if sp == url.span && !url.split {
			l.url = len(l.words)
			l.segs = wordSegments(u, w)
		}
		l.words = append(l.words, r.trimCR(sp))
	}
	return l
}

// insertAfter adds words after word anchor: on the same line, or, on a
// command written over several lines, after the last word of the anchor's
// line, each on a continuation line of its own indented like the other
// argument lines.
func (f *cmdLine) insertAfter(anchor int, added []string) rules.Edit {
	if !f.multiline() {
		at := f.words[anchor].End
		return rules.Edit{Span: rules.Span{Start: at, End: at}, NewText: " " + strings.Join(added, " ")}
	}
	for anchor+1 < len(f.words) && !strings.Contains(f.gap(anchor+1), "\n") {
		anchor++
	}
	nl := "\n"
	for i := range f.words {
		if strings.Contains(f.gap(i), "\r\n") {
			nl = "\r\n"
		}
	}
	var b strings.Builder
	indent := f.indent(anchor)
	for _, h := range added {
		b.WriteString(" \\" + nl + indent + h)
	}
	at := f.words[anchor].End
	return rules.Edit{Span: rules.Span{Start: at, End: at}, NewText: b.String()}
}

// removeWords deletes words i to j with the blanks (or the line
// continuation) before them.
func (f *cmdLine) removeWords(i, j int) rules.Edit {
	prev := f.tool.End
	if i > 0 {
		prev = f.words[i-1].End
	}
	return rules.Edit{Span: rules.Span{Start: prev, End: f.words[j].End}}
}

// quoting contexts of a word's pieces.
type quoteCtx int

const (
	ctxBare   quoteCtx = iota // unquoted literal text
	ctxSingle                 // inside '…'
	ctxDouble                 // literal text inside "…"
	ctxCode                   // an expansion ($VAR, $(cmd))
)

// segment is a piece of a word: its span and how it is quoted (quoted
// reports an expansion inside double quotes).
type segment struct {
	span   rules.Span
	ctx    quoteCtx
	text   string
	quoted bool
}

// wordSegments splits a word into its quoted pieces.
func wordSegments(u *unit, w *syntax.Word) []segment {
	var out []segment
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			out = append(out, segment{u.nodeSpan(p), ctxBare, p.Value, false})
		case *syntax.SglQuoted:
			start := int(p.Left.Offset()) + 1
			if p.Dollar {
				start++
			}
			out = append(out, segment{u.span(start, int(p.Right.Offset())), ctxSingle, p.Value, true})
		case *syntax.DblQuoted:
			for _, in := range p.Parts {
				if l, ok := in.(*syntax.Lit); ok {
					out = append(out, segment{u.nodeSpan(l), ctxDouble, l.Value, true})
				} else {
					out = append(out, segment{u.nodeSpan(in), ctxCode, "", true})
				}
			}
			if len(p.Parts) == 0 {
				out = append(out, segment{u.nodeSpan(p), ctxDouble, "", true})
			}
		default:
			out = append(out, segment{u.nodeSpan(p), ctxCode, "", false})
		}
	}
	return out
}

// trimCR drops the CR a CRLF line leaves at the end of its last word.
func (r *reader) trimCR(sp rules.Span) rules.Span {
	if sp.End > sp.Start && sp.End <= len(r.orig) && r.orig[sp.End-1] == '\r' {
		sp.End--
	}
	return sp
}

// gap returns the text between word i and the one before it (or curl).
func (f *cmdLine) gap(i int) string {
	prev := f.tool.End
	if i > 0 {
		prev = f.words[i-1].End
	}
	return f.text[prev:f.words[i].Start]
}

// multiline reports a command continued over lines with backslashes.
func (f *cmdLine) multiline() bool {
	for i := range f.words {
		if g := f.gap(i); strings.Contains(g, "\\\n") || strings.Contains(g, "\\\r\n") {
			return true
		}
	}
	return false
}

// indent returns what comes before the first word of an argument line:
// the line of word i when it is not curl's, else the first such line.
func (f *cmdLine) indent(i int) string {
	lineStart := func(k int) (int, bool) {
		g := f.gap(k)
		if n := strings.LastIndexByte(g, '\n'); n >= 0 {
			return f.words[k].Start - (len(g) - n - 1), true
		}
		return 0, false
	}
	for k := i; k >= 0; k-- {
		if s, ok := lineStart(k); ok {
			return f.text[s:f.words[k].Start]
		}
	}
	for k := i + 1; k < len(f.words); k++ {
		if s, ok := lineStart(k); ok {
			return f.text[s:f.words[k].Start]
		}
	}
	return "  "
}

// wordEnding returns the index of the word ending at off, or -1.
func (f *cmdLine) wordEnding(off int) int {
	for i, w := range f.words {
		if w.End == off || w.End+1 == off && f.text[w.End] == '\r' {
			return i
		}
	}
	return -1
}

func (f *cmdLine) wordStarting(off int) int {
	for i, w := range f.words {
		if w.Start == off {
			return i
		}
	}
	return -1
}

// Characters the new URL text must not bring into each quoting context.
const (
	bareSpecial   = " \t\r\n|&;<>()$`\\\"'*?[]{}"
	doubleSpecial = "$`\"\\"
)

// quoteURL checks that the URL edits keep the shell's reading of the word,
// and double-quotes an unquoted URL the new text needs quoted.
func (f *cmdLine) quoteURL(p *rules.Plan) ([]rules.Edit, error) {
	w := f.words[f.url]
	notQuoted := &rules.Unfixable{Reason: "the URL is not quoted and its v2 form needs quotes: quote it, then run fix again"}
	if f.snippet {
		// The snippet's fixer adds the URL edits: only see whether text
		// the shell would read differently comes in bare text.
		bare := false
		old := ""
		for _, s := range f.segs {
			bare = bare || s.ctx == ctxBare
			old += s.text
		}
		if bare {
			for _, c := range p.URL {
				if strings.ContainsRune("&;|<>()[] '\"", c) && !strings.ContainsRune(old, c) {
					return nil, notQuoted
				}
			}
		}
		return nil, nil
	}
	wrap := false
	for _, e := range p.URLEdits {
		switch ctx := f.contextAt(e.Span); ctx {
		case ctxSingle:
			if strings.Contains(e.NewText, "'") {
				return nil, notQuoted
			}
		case ctxDouble:
			if strings.ContainsAny(e.NewText, doubleSpecial) {
				return nil, notQuoted
			}
		case ctxBare:
			if strings.ContainsAny(e.NewText, bareSpecial) {
				wrap = true
			}
		default:
			return nil, &rules.Unfixable{Reason: "the URL edit falls on a shell expansion"}
		}
	}
	if !wrap {
		return p.URLEdits, nil
	}
	// "…" around the whole word: bare text and $VAR read the same inside.
	for _, s := range f.segs {
		if s.quoted || s.ctx == ctxBare && strings.ContainsAny(s.text, "\\\"`") {
			return nil, notQuoted
		}
	}
	for _, e := range p.URLEdits {
		if strings.ContainsAny(e.NewText, doubleSpecial) {
			return nil, notQuoted
		}
	}
	out := []rules.Edit{{Span: rules.Span{Start: w.Start, End: w.Start}, NewText: `"`}}
	out = append(out, p.URLEdits...)
	return append(out, rules.Edit{Span: rules.Span{Start: w.End, End: w.End}, NewText: `"`}), nil
}

// contextAt returns the quoting of the text an edit replaces, or of the
// literal text an insertion lands next to.
func (f *cmdLine) contextAt(sp rules.Span) quoteCtx {
	in := func(off int) (quoteCtx, bool) {
		for _, s := range f.segs {
			if s.ctx != ctxCode && s.span.Start <= off && off < s.span.End {
				return s.ctx, true
			}
		}
		return ctxCode, false
	}
	if sp.End > sp.Start {
		c, _ := in(sp.Start)
		return c
	}
	if c, ok := in(sp.Start - 1); ok {
		return c
	}
	c, _ := in(sp.Start)
	return c
}
