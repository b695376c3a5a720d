package markdown

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// ReadRST returns one Snippet per reStructuredText code block and one
// Snippet with Lang "prose": the whole file with every block blanked to
// spaces (newlines kept), Start 0.
//
// Code blocks are the `.. code-block:: LANG`, `.. code:: LANG` and
// `.. sourcecode:: LANG` directives (Lang lower-case, "" when absent; the
// directive's option lines are skipped) and the literal blocks a paragraph
// ending in "::" introduces (Lang ""). A block's content is the indented
// lines that follow a blank line, up to the first non-blank line indented
// no deeper than the directive or paragraph; their common indentation is
// removed and Map keeps the exact file offset of every byte.
func ReadRST(file string, src []byte) (*rules.Found, error) {
	if !rules.ValidUTF8(src) {
		return nil, errNotUTF8
	}
	ls := splitLines(src)
	var snippets []rules.Snippet
	var blanked [][2]int
	for i := 0; i < len(ls); i++ {
		txt := ls[i].text(src)
		ind := ls[i].indentOf(src)
		body := strings.TrimSpace(txt)
		lang, directive := rstCodeDirective(body)
		literal := !directive && strings.HasSuffix(body, "::") && !strings.HasPrefix(body, "..")
		if !directive && !literal {
			continue
		}
		j := i + 1
		if directive {
			// Option lines (":linenos:") follow the directive directly.
			for j < len(ls) && !ls[j].blank(src) && ls[j].indentOf(src) > ind &&
				strings.HasPrefix(strings.TrimSpace(ls[j].text(src)), ":") {
				j++
			}
		}
		if j >= len(ls) || (literal && !ls[j].blank(src)) {
			continue // a literal block must follow a blank line
		}
		first, last := -1, -1
		k := j
		for ; k < len(ls); k++ {
			if ls[k].blank(src) {
				continue
			}
			if ls[k].indentOf(src) <= ind {
				break
			}
			if first < 0 {
				first = k
			}
			last = k
		}
		if first < 0 {
			continue
		}
		cut := -1
		for _, ln := range ls[first : last+1] {
			if ln.blank(src) {
				continue
			}
			if n := ln.indentOf(src); cut < 0 || n < cut {
				cut = n
			}
		}
		snippets = append(snippets, dedentSnippet(src, lang, ls[first:last+1], cut, ls[first].start))
		from := ls[first].start
		if directive {
			from = ls[i].start
		}
		blanked = append(blanked, [2]int{from, ls[last].next})
		i = last
	}
	return withProse(src, snippets, blanked), nil
}

// rstCodeDirective recognises a code directive line (without its
// indentation) and returns its language.
func rstCodeDirective(body string) (lang string, ok bool) {
	rest, ok := strings.CutPrefix(body, "..")
	if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
		return "", false
	}
	name, arg, ok := strings.Cut(strings.TrimSpace(rest), "::")
	if !ok {
		return "", false
	}
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "code-block", "code", "sourcecode":
	default:
		return "", false
	}
	fields := strings.Fields(arg)
	if len(fields) == 0 {
		return "", true
	}
	return strings.ToLower(fields[0]), true
}
