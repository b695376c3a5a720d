// Package markdown splits Markdown files into their fenced code blocks and
// their prose, for the readers of each language.
package markdown

import (
	"errors"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// Read returns one Snippet per fenced code block (Lang is the fence's info
// word, lower-case) and one Snippet with Lang "prose": the whole file with
// every fenced block's bytes blanked to spaces (newlines kept), Start 0.
//
// Fences follow CommonMark: a line of at least three backticks or tildes
// indented by at most three spaces opens a block, which a fence line of the
// same character, at least as long and with nothing but spaces after it,
// closes; an unclosed block runs to the end of the file. The content lines of
// a fence indented by n spaces lose up to n leading spaces, and Map keeps
// the exact file offset of every byte.
func Read(file string, src []byte) (*rules.Found, error) {
	if !rules.ValidUTF8(src) {
		return nil, errNotUTF8
	}
	found := &rules.Found{}
	prose := []byte(string(src))
	for _, b := range fences(src) {
		found.Snippets = append(found.Snippets, b.snippet(src))
		for i := b.start; i < b.end; i++ {
			if prose[i] != '\n' && prose[i] != '\r' {
				prose[i] = ' '
			}
		}
	}
	found.Snippets = append(found.Snippets, rules.Snippet{Lang: "prose", Text: string(prose), Start: 0})
	return found, nil
}

var errNotUTF8 = errors.New("not valid UTF-8 text")

// block is one fenced code block: its bytes in the file, fence lines
// included ([start, end)), and the lines of its content.
type block struct {
	start, end int
	info       string
	indent     int
	lines      [][2]int // content lines [start, end) including the newline
}

func (b *block) snippet(src []byte) rules.Snippet {
	lang := strings.ToLower(b.info)
	if i := strings.IndexAny(lang, " \t{,"); i >= 0 {
		lang = lang[:i]
	}
	lang = strings.TrimPrefix(lang, ".")
	if len(b.lines) == 0 {
		return rules.Snippet{Lang: lang, Start: b.end}
	}
	if b.indent == 0 {
		first, last := b.lines[0][0], b.lines[len(b.lines)-1][1]
		return rules.Snippet{Lang: lang, Text: string(src[first:last]), Start: first}
	}
	var text []byte
	var offs []int
	for _, ln := range b.lines {
		s := ln[0]
		for k := 0; k < b.indent && s < ln[1] && src[s] == ' '; k++ {
			s++
		}
		for i := s; i < ln[1]; i++ {
			text = append(text, src[i])
			offs = append(offs, i)
		}
	}
	offs = append(offs, b.lines[len(b.lines)-1][1])
	return rules.Snippet{Lang: lang, Text: string(text), Start: offs[0], Map: offs, Encode: indentEncoder(strings.Repeat(" ", b.indent))}
}

// indentEncoder writes text a fix inserts into a block whose lines the
// file indents by prefix (a fence in a list item, an rst directive's
// content): each new line gets the prefix, so it stays in the block.
func indentEncoder(prefix string) func(string) (string, error) {
	return func(s string) (string, error) {
		return strings.ReplaceAll(s, "\n", "\n"+prefix), nil
	}
}

// fences finds the fenced code blocks of src in one pass over its lines.
func fences(src []byte) []block {
	var out []block
	var cur *block
	var fenceChar byte
	var fenceLen int
	for pos := 0; pos < len(src); {
		end := pos
		for end < len(src) && src[end] != '\n' {
			end++
		}
		next := end
		if next < len(src) {
			next++
		}
		line := src[pos:end]
		if cur == nil {
			if ind, ch, n, info, ok := openFence(line); ok {
				cur = &block{start: pos, info: info, indent: ind}
				fenceChar, fenceLen = ch, n
			}
		} else if closesFence(line, fenceChar, fenceLen) {
			cur.end = next
			out = append(out, *cur)
			cur = nil
		} else {
			cur.lines = append(cur.lines, [2]int{pos, next})
		}
		pos = next
	}
	if cur != nil {
		cur.end = len(src)
		out = append(out, *cur)
	}
	return out
}

func leadingSpaces(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

func openFence(line []byte) (indent int, ch byte, n int, info string, ok bool) {
	indent = leadingSpaces(line)
	if indent > 3 || indent >= len(line) {
		return 0, 0, 0, "", false
	}
	ch = line[indent]
	if ch != '`' && ch != '~' {
		return 0, 0, 0, "", false
	}
	i := indent
	for i < len(line) && line[i] == ch {
		i++
	}
	n = i - indent
	if n < 3 {
		return 0, 0, 0, "", false
	}
	rest := strings.TrimSpace(strings.TrimRight(string(line[i:]), "\r"))
	if ch == '`' && strings.IndexByte(rest, '`') >= 0 {
		return 0, 0, 0, "", false // a backtick info string may not hold backticks
	}
	return indent, ch, n, rest, true
}

func closesFence(line []byte, ch byte, n int) bool {
	i := leadingSpaces(line)
	if i > 3 {
		return false
	}
	j := i
	for j < len(line) && line[j] == ch {
		j++
	}
	if j-i < n {
		return false
	}
	return strings.TrimSpace(string(line[j:])) == ""
}
