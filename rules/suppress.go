package rules

import (
	"bytes"
	"strings"
)

// directive is the marker of a suppression comment.
const directive = "migaudit:ignore"

// Suppression is one "migaudit:ignore" directive of a file.
type Suppression struct {
	// Line and Column locate the directive; EndLine and EndColumn its end.
	Line, Column, EndLine, EndColumn int
	Rules                            []string
	Reason                           string
	// Target is the line the directive silences.
	Target int
	span   Span
	used   bool
}

// FindSuppressions returns the "migaudit:ignore RULE[,RULE] reason"
// directives of src, or nil when it has none. A directive silences the
// findings of the named rules (or * for all) on its own line or, when it
// stands alone on its line, on the next line that is not blank.
func FindSuppressions(src []byte) []Suppression {
	if !bytes.Contains(src, []byte(directive)) {
		return nil
	}
	sups := parseSuppressions(src)
	lines := NewLines(src)
	for i := range sups {
		s := &sups[i]
		s.Line, s.Column = lines.Position(s.span.Start)
		s.EndLine, s.EndColumn = lines.Position(s.span.End)
	}
	return sups
}

// Suppress applies the directives of the file at path to its findings
// (located ones): it returns the findings kept, plus one for every directive
// that gives no reason (it then silences nothing) and for every directive
// that silenced nothing.
func (c *Catalog) Suppress(path string, sups []Suppression, fs []Finding) []Finding {
	if len(sups) == 0 {
		return fs
	}
	// Text that only mentions the directive ("migaudit:ignore directives
	// silence findings") names no rule: it is not a directive.
	var own []Suppression
	for _, s := range sups {
		for _, r := range s.Rules {
			if r == "*" || c.Rule(r) != nil {
				own = append(own, s)
				break
			}
		}
	}
	sups = own
	var kept []Finding
	for _, f := range fs {
		silenced := false
		for i := range sups {
			s := &sups[i]
			if s.Reason == "" || s.Target != f.Line || !s.names(f.Rule) {
				continue
			}
			s.used, silenced = true, true
		}
		if !silenced {
			kept = append(kept, f)
		}
	}
	for _, s := range sups {
		var r *Rule
		var msg string
		switch {
		case s.Reason == "":
			r = c.Rule("ignore-needs-reason")
			msg = "migaudit:ignore " + strings.Join(s.Rules, ",") + " gives no reason, so it silences nothing: say why the call may stay"
		case !s.used:
			r = c.Rule("ignore-unused")
			msg = "migaudit:ignore " + strings.Join(s.Rules, ",") + " silences nothing on this line or the next: remove it or move it to the call"
		}
		if r == nil {
			continue
		}
		kept = append(kept, Finding{
			Rule: r.ID, Severity: r.Severity, Path: path, Message: msg, Span: s.span,
			Line: s.Line, Column: s.Column, EndLine: s.EndLine, EndColumn: s.EndColumn,
		})
	}
	return kept
}

func (s *Suppression) names(rule string) bool {
	for _, r := range s.Rules {
		if r == "*" || r == rule {
			return true
		}
	}
	return false
}

func parseSuppressions(src []byte) []Suppression {
	var out []Suppression
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
		s := Suppression{
			span:   Span{lineStarts[n-1] + i, lineStarts[n-1] + len(text)},
			Reason: strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(reason), "--")),
			Target: n,
		}
		for _, r := range strings.Split(names, ",") {
			if r = strings.TrimSpace(r); r != "" {
				s.Rules = append(s.Rules, r)
			}
		}
		if len(s.Rules) == 0 {
			s.Reason = ""
		}
		// A directive alone on its line (only comment markers before it)
		// silences the next line that is not blank.
		if strings.Trim(string(text[:i]), " \t/#*;-<!'\"rem") == "" {
			for m := n + 1; m <= len(lineStarts); m++ {
				if len(bytes.TrimSpace(lineText(m))) > 0 {
					s.Target = m
					break
				}
			}
		}
		out = append(out, s)
	}
	return out
}
