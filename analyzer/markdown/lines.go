package markdown

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// line is one line of a file: [start, end) without its newline, next the
// offset of the following line.
type line struct{ start, end, next int }

func splitLines(src []byte) []line {
	var out []line
	for pos := 0; pos < len(src); {
		end := pos
		for end < len(src) && src[end] != '\n' {
			end++
		}
		next := end
		if next < len(src) {
			next++
		}
		out = append(out, line{pos, end, next})
		pos = next
	}
	return out
}

func (l line) text(src []byte) string {
	return strings.TrimRight(string(src[l.start:l.end]), "\r")
}

func (l line) blank(src []byte) bool {
	return strings.TrimSpace(l.text(src)) == ""
}

// indentOf counts the leading spaces and tabs of a line.
func (l line) indentOf(src []byte) int {
	n := 0
	for l.start+n < l.end && (src[l.start+n] == ' ' || src[l.start+n] == '\t') {
		n++
	}
	return n
}

// dedentSnippet builds the snippet of lines ls with up to cut leading
// spaces or tabs removed from each, Map giving every byte's file offset.
// An empty list gives an empty snippet at offset at.
func dedentSnippet(src []byte, lang string, ls []line, cut, at int) rules.Snippet {
	if len(ls) == 0 {
		return rules.Snippet{Lang: lang, Start: at}
	}
	var text []byte
	var offs []int
	prefix := ""
	for n, ln := range ls {
		s := ln.start
		for k := 0; k < cut && s < ln.end && (src[s] == ' ' || src[s] == '\t'); k++ {
			s++
		}
		if n == 0 || prefix == "" {
			prefix = string(src[ln.start:s])
		}
		for i := s; i < ln.next; i++ {
			text = append(text, src[i])
			offs = append(offs, i)
		}
	}
	offs = append(offs, ls[len(ls)-1].next)
	sn := rules.Snippet{Lang: lang, Text: string(text), Start: offs[0], Map: offs}
	if prefix != "" {
		sn.Encode = indentEncoder(prefix)
	}
	return sn
}

// withProse appends the prose snippet: src with the byte ranges blanked to
// spaces, newlines kept.
func withProse(src []byte, snippets []rules.Snippet, blanked [][2]int) *rules.Found {
	prose := []byte(string(src))
	for _, r := range blanked {
		for i := r[0]; i < r[1]; i++ {
			if prose[i] != '\n' && prose[i] != '\r' {
				prose[i] = ' '
			}
		}
	}
	snippets = append(snippets, rules.Snippet{Lang: "prose", Text: string(prose), Start: 0})
	return &rules.Found{Snippets: snippets}
}
