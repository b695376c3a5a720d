package markdown

import (
	"regexp"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// ReadAsciiDoc returns one Snippet per AsciiDoc code block and one Snippet
// with Lang "prose": the whole file with every block blanked to spaces
// (newlines kept), Start 0.
//
// Code blocks are listing blocks delimited by "----" lines and literal
// blocks delimited by "...." lines (the closing delimiter repeats the
// opening one exactly), backtick fences, and a paragraph styled [source]
// without delimiters. A block attribute line [source,LANG] (or [,LANG])
// right above gives Lang (lower-case); [source] alone takes the document's
// :source-language: attribute; other blocks have Lang "". Comment blocks
// (////) are skipped. Block content is contiguous file text (Start exact).
func ReadAsciiDoc(file string, src []byte) (*rules.Found, error) {
	if !rules.ValidUTF8(src) {
		return nil, errNotUTF8
	}
	ls := splitLines(src)
	var snippets []rules.Snippet
	var blanked [][2]int
	defaultLang := ""
	// attr is the pending block attribute line: its index and whether it
	// styles the next block as source with that language.
	attr, attrSource, attrLang := -1, false, ""
	for i := 0; i < len(ls); i++ {
		txt := strings.TrimSpace(ls[i].text(src))
		if v, ok := strings.CutPrefix(txt, ":source-language:"); ok {
			defaultLang = strings.ToLower(strings.TrimSpace(v))
			continue
		}
		if isAdocDelimiter(txt, '/') {
			i = adocClose(src, ls, i, txt) // a comment block hides its content
			attr = -1
			continue
		}
		if strings.HasPrefix(txt, "[") && strings.HasSuffix(txt, "]") && !strings.HasPrefix(txt, "[[") {
			attr = i
			attrSource, attrLang = adocSourceAttr(txt[1:len(txt)-1], defaultLang)
			continue
		}
		if strings.HasPrefix(txt, ".") && len(txt) > 1 && txt[1] != '.' && txt[1] != ' ' {
			continue // a block title keeps the pending attribute line
		}
		lang := ""
		if attr >= 0 && attrSource {
			lang = attrLang
		}
		from := ls[i].start
		if attr >= 0 {
			from = ls[attr].start
		}
		switch {
		case isAdocDelimiter(txt, '-') || isAdocDelimiter(txt, '.'):
			end := adocClose(src, ls, i, txt)
			snippets = append(snippets, contiguous(src, lang, ls, i+1, end))
			blanked = append(blanked, [2]int{from, lastNext(ls, end)})
			i = end
		case strings.HasPrefix(txt, "```"):
			info := strings.TrimSpace(strings.TrimLeft(txt, "`"))
			if f := strings.Fields(info); len(f) > 0 {
				lang = strings.ToLower(f[0])
			}
			end := i + 1
			for end < len(ls) && strings.TrimSpace(ls[end].text(src)) != "```" {
				end++
			}
			snippets = append(snippets, contiguous(src, lang, ls, i+1, end))
			blanked = append(blanked, [2]int{from, lastNext(ls, end)})
			i = end
		case attr >= 0 && attrSource && txt != "":
			// A [source] paragraph: the lines up to the next blank one.
			end := i
			for end < len(ls) && !ls[end].blank(src) {
				end++
			}
			snippets = append(snippets, contiguous(src, lang, ls, i, end))
			blanked = append(blanked, [2]int{from, ls[end-1].next})
			i = end - 1
		}
		attr = -1
	}
	return withProse(src, snippets, blanked), nil
}

// isAdocDelimiter reports whether txt is a run of four or more ch.
func isAdocDelimiter(txt string, ch byte) bool {
	return len(txt) >= 4 && strings.Trim(txt, string(ch)) == ""
}

// adocClose returns the index of the line closing the block opened at
// line open with delimiter delim, or len(ls) when it is never closed.
func adocClose(src []byte, ls []line, open int, delim string) int {
	for k := open + 1; k < len(ls); k++ {
		if strings.TrimSpace(ls[k].text(src)) == delim {
			return k
		}
	}
	return len(ls)
}

// lastNext is the end of the block closed at line end (the file's end when
// it is not closed).
func lastNext(ls []line, end int) int {
	if end >= len(ls) {
		return ls[len(ls)-1].next
	}
	return ls[end].next
}

// contiguous is the snippet of lines [from, to).
func contiguous(src []byte, lang string, ls []line, from, to int) rules.Snippet {
	if from >= to {
		at := len(src)
		if from < len(ls) {
			at = ls[from].start
		}
		return rules.Snippet{Lang: lang, Start: at}
	}
	start, end := ls[from].start, ls[to-1].next
	if !callout.Match(src[start:end]) {
		return rules.Snippet{Lang: lang, Text: string(src[start:end]), Start: start}
	}
	// Callouts (curl … \ <1>) are not code: drop them and the blanks
	// before them, so a line continuation stays one.
	var text []byte
	var offs []int
	for _, ln := range ls[from:to] {
		cut := ln.end
		if m := callout.FindIndex(src[ln.start:ln.end]); m != nil {
			cut = ln.start + m[0]
		}
		for i := ln.start; i < ln.next; i++ {
			if i >= cut && i < ln.end {
				continue
			}
			text = append(text, src[i])
			offs = append(offs, i)
		}
	}
	offs = append(offs, end)
	return rules.Snippet{Lang: lang, Text: string(text), Start: offs[0], Map: offs}
}

// callout matches the callout markers ending a line of an AsciiDoc block
// (<1>, <!--2-->), with the blanks before them.
var callout = regexp.MustCompile(`(?m)(?:[ \t]+(?:<\d+>|<!--\d+-->))+[ \t]*\r?$`)

// adocSourceAttr reads a block attribute list: whether it styles the block
// as source code, and the language ("source,bash", ",bash",
// "source%linenums,bash", "source,language=bash").
func adocSourceAttr(list, defaultLang string) (bool, string) {
	parts := strings.Split(list, ",")
	style := strings.TrimSpace(parts[0])
	if i := strings.IndexAny(style, "%#."); i >= 0 {
		style = style[:i]
	}
	if style != "source" && !(style == "" && len(parts) > 1) {
		return false, ""
	}
	lang := defaultLang
	for k, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if v, ok := strings.CutPrefix(p, "language="); ok {
			lang = strings.Trim(v, `"'`)
			break
		}
		if k == 0 && p != "" && !strings.Contains(p, "=") {
			lang = p
		}
	}
	return true, strings.ToLower(lang)
}
