package rules

import (
	"bytes"
	"strings"
)

// directive is the marker of a suppression comment.
const directive = "migaudit:ignore"

type suppression struct {
	line, col int // where the directive is written (1-based)
	span      Span
	rules     []string
	reason    string
	target    int // the line it silences
	used      bool
}

// Suppress applies the file's "migaudit:ignore RULE[,RULE] reason" directives
// to its findings (which must be located): a directive silences the findings of
// the named rules (or * for all) on its own line, or, when it stands alone on
// its line, on the next line that is not blank. It returns the findings kept,
// plus a finding for every directive that gives no reason (which then
// silences nothing) and for every directive that silenced nothing.
func (c *Catalog) Suppress(file string, src []byte, fs []Finding) []Finding {
	if !bytes.Contains(src, []byte(directive)) {
		return fs
	}
	sups := parseSuppressions(src)
	var kept []Finding
	for _, f := range fs {
		silenced := false
		for i := range sups {
			s := &sups[i]
			if s.reason == "" || s.target != f.Line || !s.names(f.Rule) {
				continue
			}
			s.used, silenced = true, true
		}
		if !silenced {
			kept = append(kept, f)
		}
	}
	lines := NewLines(src)
	for _, s := range sups {
		var r *Rule
		var msg string
		switch {
		case s.reason == "":
			r = c.Rule("ignore-needs-reason")
			msg = "migaudit:ignore " + strings.Join(s.rules, ",") + " gives no reason, so it silences nothing: say why the call may stay"
		case !s.used:
			r = c.Rule("ignore-unused")
			msg = "migaudit:ignore " + strings.Join(s.rules, ",") + " silences nothing on this line or the next: remove it or move it to the call"
		}
		if r == nil {
			continue
		}
		f := Finding{Rule: r.ID, Severity: r.Severity, Path: file, Message: msg, Span: s.span}
		f.Locate(lines)
		kept = append(kept, f)
	}
	return kept
}

func (s *suppression) names(rule string) bool {
	for _, r := range s.rules {
		if r == "*" || r == rule {
			return true
		}
	}
	return false
}

func parseSuppressions(src []byte) []suppression {
	var out []suppression
	lineStarts := []int{0}
	for i, b := range src {
		if b == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	lineText := func(n int) []byte { // 1-based
		start := lineStarts[n-1]
		end := len(src)
		if n < len(lineStarts) {
			end = lineStarts[n] - 1
		}
		return src[start:end]
	}
	for n := 1; n <= len(lineStarts); n++ {
		text := lineText(n)
		i := bytes.Index(text, []byte(directive))
		if i < 0 {
			continue
		}
		rest := strings.TrimSpace(string(text[i+len(directive):]))
		// Drop the closers of block comments: */, -->, #>.
		for _, closer := range []string{"*/", "-->", "#>"} {
			rest = strings.TrimSpace(strings.TrimSuffix(rest, closer))
		}
		names, reason, _ := strings.Cut(rest, " ")
		s := suppression{
			line: n, col: i + 1,
			span:   Span{lineStarts[n-1] + i, lineStarts[n-1] + len(text)},
			reason: strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(reason), "--")),
			target: n,
		}
		for _, r := range strings.Split(names, ",") {
			if r = strings.TrimSpace(r); r != "" {
				s.rules = append(s.rules, r)
			}
		}
		if len(s.rules) == 0 {
			s.reason = ""
		}
		// A directive alone on its line (only comment markers before it)
		// silences the next line that is not blank.
		if strings.Trim(string(text[:i]), " \t/#*;-<!'\"rem") == "" {
			for m := n + 1; m <= len(lineStarts); m++ {
				if len(bytes.TrimSpace(lineText(m))) > 0 {
					s.target = m
					break
				}
			}
		}
		out = append(out, s)
	}
	return out
}
