package yaml

import (
	"errors"
	"sort"
	"strings"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rules"
)

// entry is one item of a written list a fix may remove items from or add
// items to: a mapping's key: value, a JSON body's "key": value, a form
// body's key=value.
type entry struct {
	span rules.Span // the item as written (a mapping entry: key to value)
	// Block mapping entries only: lines covers the whole lines the entry
	// is written on, line break included, and after is the end of its last
	// line (before the line break), where text written after it goes.
	// ownLines reports that nothing else is written on those lines.
	lines    rules.Span
	after    int
	ownLines bool
	// trailingBlank reports a block scalar value that keeps empty lines
	// at its end (|+): text written after it would take them.
	trailingBlank bool
}

// entryList is a written list of entries: a block mapping (one entry per
// line or lines) or separated items (a flow mapping, a JSON object, form
// fields) whose separators go with them.
type entryList struct {
	block   bool
	entries []entry
}

// mappingEntries returns the entries of mapping m as written.
func (r *reader) mappingEntries(m *yamlv3.Node) entryList {
	l := entryList{block: m.Style&yamlv3.FlowStyle == 0}
	for _, p := range pairs(m) {
		start := r.start(p.key)
		end := max(r.valueEnd(deref(p.value), 0), r.end(p.key, 0))
		e := entry{span: rules.Span{Start: start, End: end}}
		if v := deref(p.value); v != nil && v.Style&(yamlv3.LiteralStyle|yamlv3.FoldedStyle) != 0 && strings.HasSuffix(v.Value, "\n\n") {
			e.trailingBlank = true
		}
		if l.block {
			e.lines, e.after, e.ownLines = r.entryLines(start, end)
		}
		l.entries = append(l.entries, e)
	}
	return l
}

// valueEnd returns the offset just past value n as written: r.end, and
// for a flow collection past its closing bracket.
func (r *reader) valueEnd(n *yamlv3.Node, depth int) int {
	if n == nil || n.Style&yamlv3.FlowStyle == 0 || n.Kind != yamlv3.MappingNode && n.Kind != yamlv3.SequenceNode || depth > maxDepth {
		return r.end(n, 0)
	}
	src := r.src
	e := r.start(n) + 1 // past the opening bracket
	for _, c := range n.Content {
		if c.Kind != yamlv3.AliasNode {
			e = max(e, r.valueEnd(c, depth+1))
		}
	}
	// Blanks, line breaks, comments and a trailing comma before the close.
	for e < len(src) {
		switch c := src[e]; {
		case isBlank(c) || c == ',':
			e++
		case c == '#':
			e = lineEnd(src, e)
		case c == ']' || c == '}':
			return e + 1
		default:
			return e
		}
	}
	return e
}

// entryLines returns the lines a block entry from start to end is written
// on, the end of its last line, and whether nothing else is on them (but a
// comment after the value).
func (r *reader) entryLines(start, end int) (rules.Span, int, bool) {
	src := r.src
	ls := start
	for ls > 0 && src[ls-1] != '\n' && src[ls-1] != '\r' {
		ls--
	}
	own := true
	for k := ls; k < start; k++ {
		if src[k] != ' ' {
			own = false
		}
	}
	// A block scalar's value ends past its final line break: step back.
	e := end
	for e > start && (src[e-1] == '\n' || src[e-1] == '\r') {
		e--
	}
	le := lineEnd(src, e)
	k := e
	for k < le && isSpace(src[k]) {
		k++
	}
	if k < le && src[k] != '#' {
		own = false
	}
	return rules.Span{Start: ls, End: le + lineBreak(src, le)}, le, own
}

// separatedEntries returns params (items of one JSON object or form string)
// as separated entries, in file order.
func separatedEntries(params []rules.Param) entryList {
	l := entryList{}
	for _, p := range params {
		l.entries = append(l.entries, entry{span: p.Span})
	}
	sort.Slice(l.entries, func(i, j int) bool { return l.entries[i].span.Start < l.entries[j].span.Start })
	return l
}

// lastKept returns the index of the last entry not in drop, or -1.
func (l entryList) lastKept(drop map[int]bool) int {
	for i := len(l.entries) - 1; i >= 0; i-- {
		if !drop[i] {
			return i
		}
	}
	return -1
}

// remove returns the edits that delete the entries in drop, which must
// leave at least one: whole lines in a block mapping; in a separated list
// each entry with the separator after it, or, for the entries after the
// last one kept, with the separator before it.
func (l entryList) remove(drop map[int]bool) ([]rules.Edit, error) {
	last := l.lastKept(drop)
	if last < 0 {
		return nil, errors.New("removing every entry of a list")
	}
	var out []rules.Edit
	for i, e := range l.entries {
		if !drop[i] {
			continue
		}
		switch {
		case l.block:
			if !e.ownLines {
				return nil, errors.New("an entry to remove shares its line with other YAML: edit it by hand")
			}
			out = append(out, rules.Edit{Span: e.lines})
		case i < last:
			out = append(out, rules.Edit{Span: rules.Span{Start: e.span.Start, End: l.entries[i+1].span.Start}})
		default:
			out = append(out, rules.Edit{Span: rules.Span{Start: l.entries[i-1].span.End, End: e.span.End}})
		}
	}
	return out, nil
}
