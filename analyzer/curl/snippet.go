package curl

import (
	"errors"
	"strings"
)

// blankPrompts replaces console prompts at the start of lines ("$ curl …",
// "user@host:~$ curl …", and the "> " continuation prompt after a line
// ending in a backslash) with spaces, keeping every offset.
func blankPrompts(text string) string {
	b := []byte(text)
	session, continued := false, false
	for start := 0; start < len(b); {
		end := start
		for end < len(b) && b[end] != '\n' {
			end++
		}
		line := text[start:end]
		n := promptLen(line)
		if n > 0 {
			session = true
		} else if session && continued {
			trimmed := strings.TrimLeft(line, " \t")
			if strings.HasPrefix(trimmed, "> ") || trimmed == ">" {
				n = len(line) - len(trimmed) + min(2, len(trimmed))
			}
		}
		for i := start; i < start+n; i++ {
			b[i] = ' '
		}
		continued = strings.HasSuffix(strings.TrimRight(line, "\r"), "\\")
		start = end + 1
	}
	return string(b)
}

// promptLen returns the length of the prompt a line starts with, or 0.
func promptLen(line string) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	j := i
	for j < len(line) && isPromptByte(line[j]) {
		j++
	}
	if strings.HasPrefix(line[j:], "$ ") || line[j:] == "$" {
		return min(j+2, len(line))
	}
	return 0
}

func isPromptByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("_.@:~/-", c) >= 0
}

// maxCommandLines bounds how far a command that does not parse yet (an
// open quote) is extended before its first line is given up.
const maxCommandLines = 200

// parseCommands parses a snippet one command at a time: from each line, the
// shortest run of lines that parses (quotes and backslash-newlines may
// carry a command over several lines). Lines that never parse (command
// output, prose) are skipped.
func parseCommands(text string) []*unit {
	var starts []int
	for i := 0; i <= len(text); {
		starts = append(starts, i)
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	lineEnd := func(k int) int {
		if k+1 < len(starts) {
			return starts[k+1]
		}
		return len(text)
	}
	var units []*unit
	for i := 0; i < len(starts); {
		next := i + 1
		for j := i; j < len(starts) && j < i+maxCommandLines; j++ {
			chunk := text[starts[i]:lineEnd(j)]
			if j+1 < len(starts) && strings.HasSuffix(strings.TrimRight(chunk, "\r\n"), "\\") {
				continue // a backslash-newline: the command goes on
			}
			u, err := parseUnit(chunk, starts[i])
			if err == nil {
				units = append(units, u)
				next = j + 1
				break
			}
			var se *shellError
			if !errors.As(err, &se) || !se.incomplete {
				break
			}
		}
		i = next
	}
	return units
}

// rewriteTemplates turns CI template expressions (GitHub Actions and Azure
// Pipelines ${{ secrets.KEY }}), which the runner substitutes before the
// shell runs, into braced shell variables of the same length
// (${__secrets_KEY__}), so that the snippet parses and they read as holes.
func rewriteTemplates(text string) string {
	if !strings.Contains(text, "${{") {
		return text
	}
	b := []byte(text)
	for i := 0; ; {
		k := strings.Index(text[i:], "${{")
		if k < 0 {
			break
		}
		start := i + k
		end := strings.Index(text[start:], "}}")
		nl := strings.IndexByte(text[start:], '\n')
		if end < 0 || nl >= 0 && nl < end {
			i = start + 3
			continue
		}
		end += start // text[end:end+2] == "}}"
		for j := start + 2; j <= end; j++ {
			c := b[j]
			if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				b[j] = '_'
			}
		}
		i = end + 2
	}
	return string(b)
}
