package curl

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// ReadMakefile returns the calls of a Makefile (Makefile, GNUmakefile,
// *.mk): its recipe lines (tab-indented, with backslash continuations, the
// leading @, - and + flags dropped) are read as shell commands, make's
// $(VAR) and ${VAR} references as variables (holes, or the value a
// "VAR = value", "VAR := value", "VAR ?= value" assignment of the file
// gives), $(function …) calls as holes. Spans are file offsets. It never
// fails: a recipe line that does not parse is skipped.
func ReadMakefile(file string, src []byte) (*rules.Found, error) {
	text := makeShell(string(src))
	var units []*unit
	if u, err := parseUnit(text, 0); err == nil {
		units = []*unit{u}
	} else {
		units = parseCommands(text)
	}
	r := newReader(file, units)
	r.orig = string(src)
	r.token = defaultMakeToken // make passes the environment on as variables
	r.run()
	return &r.found, nil
}

// makeShell rewrites a Makefile into a shell script of the same length,
// byte for byte at the same offsets where it matters: recipe lines stay
// (flags blanked), variable assignments become shell assignments whose
// value sits where it is written, and every other line (rules, directives,
// comments, define blocks) is blanked.
func makeShell(src string) string {
	b := []byte(src)
	blank := func(i, j int) {
		for ; i < j; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	inRecipe, inDefine := false, false
	continued := false // the previous line ended in a backslash
	kind := 0          // of the logical line being continued: 0 other, 1 recipe
	for start := 0; start < len(src); {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := strings.TrimRight(src[start:end], "\r")
		isCont := continued
		continued = strings.HasSuffix(line, "\\") && !strings.HasSuffix(line, "\\\\")
		trimmed := strings.TrimSpace(line)
		switch {
		case isCont:
			if kind != 1 {
				blank(start, end)
			} else {
				makeRefs(b, start, end)
			}
		case inDefine:
			if trimmed == "endef" || strings.HasPrefix(trimmed, "endef ") {
				inDefine = false
			}
			blank(start, end)
		case strings.HasPrefix(line, "\t") && inRecipe:
			kind = 1
			i := start + 1
			for i < end && strings.IndexByte("@-+ \t", src[i]) >= 0 {
				b[i] = ' '
				i++
			}
			makeRefs(b, start, end)
		default:
			kind = 0
			word, _, _ := strings.Cut(trimmed, " ")
			switch {
			case word == "define":
				inDefine = true
				blank(start, end)
			case trimmed == "" || trimmed[0] == '#':
				blank(start, end)
			case makeAssignment(b, src, start, end):
				inRecipe = false
			default:
				// A rule line ("users: deps"; the recipe after "x: ;" is not
				// read) starts a recipe; other directives (ifeq, include)
				// leave the state as it is.
				if isRuleLine(line) {
					inRecipe = true
				}
				blank(start, end)
			}
		}
		start = end + 1
	}
	return string(b)
}

// isRuleLine reports whether a line is a rule: targets, a colon, then
// prerequisites (not := or ::=, which are assignments).
func isRuleLine(line string) bool {
	i := strings.IndexByte(line, ':')
	if i <= 0 || strings.HasPrefix(line[i:], ":=") || strings.HasPrefix(line[i:], "::=") {
		return false
	}
	return !strings.ContainsAny(line[:i], "=")
}

// makeAssignment rewrites a variable assignment line (NAME = value,
// NAME := value, NAME ::= value, NAME ?= value, optionally after export or
// override) in place into the shell assignment NAME=value with the value at
// its offsets, and reports whether the line was one. Values the shell would
// not read as one word (blanks, quotes, ;&|<>()`) are left out: the line is
// blanked.
func makeAssignment(b []byte, src string, start, end int) bool {
	line := src[start:end]
	i := 0
	for _, kw := range []string{"export ", "override "} {
		if strings.HasPrefix(line[i:], kw) {
			i += len(kw)
		}
	}
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	n := i
	for n < len(line) && (line[n] == '_' || 'a' <= line[n] && line[n] <= 'z' || 'A' <= line[n] && line[n] <= 'Z' || n > i && '0' <= line[n] && line[n] <= '9') {
		n++
	}
	if n == i {
		return false
	}
	name := line[i:n]
	op := n
	for op < len(line) && (line[op] == ' ' || line[op] == '\t') {
		op++
	}
	rest := line[op:]
	var opLen int
	switch {
	case strings.HasPrefix(rest, "::="):
		opLen = 3
	case strings.HasPrefix(rest, ":="), strings.HasPrefix(rest, "?="):
		opLen = 2
	case strings.HasPrefix(rest, "="):
		opLen = 1
	default:
		return false // += appends, != runs the shell: neither is read
	}
	v := op + opLen
	for v < len(line) && (line[v] == ' ' || line[v] == '\t') {
		v++
	}
	ve := len(strings.TrimRight(line, " \t\r"))
	for i := start; i < end; i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
	value := line[v:ve]
	if value == "" || strings.ContainsAny(value, " \t'\"\\;&|<>`#") || strings.Contains(value, "$$") {
		return true
	}
	// NAME= ends right where the value begins.
	at := start + v - len(name) - 1
	copy(b[at:], name+"=")
	copy(b[start+v:], value)
	makeRefs(b, start+v, start+ve)
	return true
}

// makeRefs rewrites make's references in b[start:end] for the shell: $(VAR)
// becomes ${VAR}; $(function args) and other references that are no plain
// name become ${___…} holes of the same length; $$ (a dollar for the
// shell) stays.
func makeRefs(b []byte, start, end int) {
	for i := start; i+1 < end; i++ {
		if b[i] != '$' {
			continue
		}
		if b[i+1] == '$' {
			i++
			continue
		}
		open := b[i+1]
		if open != '(' && open != '{' {
			continue
		}
		closing := byte(')')
		if open == '{' {
			closing = '}'
		}
		depth, j := 0, i+1
		for ; j < end; j++ {
			if b[j] == open {
				depth++
			} else if b[j] == closing {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if j >= end {
			return
		}
		plain := j > i+2
		for k := i + 2; k < j; k++ {
			c := b[k]
			if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				plain = false
			}
		}
		b[i+1], b[j] = '{', '}'
		if !plain {
			for k := i + 2; k < j; k++ {
				b[k] = '_'
			}
		}
		i = j
	}
}
