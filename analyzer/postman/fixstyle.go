package postman

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// fileStyle is how a collection file is written, so that what a fix adds
// looks like the rest of it.
type fileStyle struct {
	// nl is the line ending ("\n" or "\r\n"); unit one level of
	// indentation ("\t", "  ", "    ").
	nl, unit string
	// compact reports a file written on one line (minified).
	compact bool
	// v20 reports a collection of format v2.0, whose auth attributes are
	// objects rather than lists of {key, value}.
	v20 bool
}

func newFileStyle(src []byte, root *node) *fileStyle {
	st := &fileStyle{nl: "\n", unit: "\t"}
	i := bytes.IndexByte(src, '\n')
	if i < 0 {
		st.compact = true
	} else if i > 0 && src[i-1] == '\r' {
		st.nl = "\r\n"
	}
	// The first indented line is one level deep: its indentation is the unit.
	for _, line := range bytes.Split(src, []byte("\n")) {
		ws := line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
		if len(ws) > 0 && len(bytes.TrimSpace(line)) > 0 {
			if ws[0] == '\t' {
				st.unit = "\t"
			} else {
				st.unit = strings.Repeat(" ", len(ws)-len(bytes.TrimLeft(ws, " ")))
			}
			break
		}
	}
	if info := root.get("info"); info != nil {
		st.v20 = strings.Contains(info.text("schema"), "/v2.0.")
	}
	return st
}

// quote writes s as a JSON string the way Postman does: only '"', '\\' and
// control characters escaped.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	b.WriteString(escape(s))
	b.WriteByte('"')
	return b.String()
}

// escape returns s escaped for the inside of a JSON string.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < ' ' || r == utf8.RuneError && n == 1:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[byte(r)>>4])
			b.WriteByte("0123456789abcdef"[byte(r)&15])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// value is a JSON value a fix writes: a string, an object or an array.
type value struct {
	str    string
	fields []field // an object, when isObj
	elems  []value // an array, when isArr
	isObj  bool
	isArr  bool
}

type field struct {
	key string
	val value
}

func str(s string) value { return value{str: s} }

func object(fs ...field) value { return value{fields: fs, isObj: true} }

func array(vs ...value) value { return value{elems: vs, isArr: true} }

// render writes v: on several lines, Postman's way, with indent the
// indentation of the line v starts on; or on one line when flat.
func (st *fileStyle) render(v value, indent string, flat bool) string {
	var b strings.Builder
	st.write(&b, v, indent, flat)
	return b.String()
}

func (st *fileStyle) write(b *strings.Builder, v value, indent string, flat bool) {
	open, close, n := byte('"'), byte('"'), 0
	switch {
	case v.isObj:
		open, close, n = '{', '}', len(v.fields)
	case v.isArr:
		open, close, n = '[', ']', len(v.elems)
	default:
		b.WriteString(quote(v.str))
		return
	}
	b.WriteByte(open)
	inner := indent + st.unit
	for i := 0; i < n; i++ {
		switch {
		case i > 0 && flat:
			b.WriteString(", ")
		case i > 0:
			b.WriteString("," + st.nl + inner)
		case !flat:
			b.WriteString(st.nl + inner)
		}
		if v.isObj {
			b.WriteString(quote(v.fields[i].key) + ": ")
			st.write(b, v.fields[i].val, inner, flat)
		} else {
			st.write(b, v.elems[i], inner, flat)
		}
	}
	if n > 0 && !flat {
		b.WriteString(st.nl + indent)
	}
	b.WriteByte(close)
}

// lineIndent returns the indentation of the line holding offset off.
func lineIndent(src []byte, off int) string {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// listStyle is how an existing array or object lays out its elements.
type listStyle struct {
	// pre is the text between the opening bracket and the first element,
	// sep between elements (the comma included), post after the last.
	pre, sep, post string
	// indent is the indentation of an element on its own line; flat
	// reports elements written on one line.
	indent string
	flat   bool
}

// layout reads how list (an array or object whose elements span elems)
// is laid out; an empty one gets the file's way.
func (st *fileStyle) layout(src []byte, list *node, elems []span) listStyle {
	if len(elems) == 0 {
		if st.compact {
			return listStyle{sep: ", ", flat: true}
		}
		base := lineIndent(src, list.span.Start)
		in := base + st.unit
		return listStyle{pre: st.nl + in, sep: "," + st.nl + in, post: st.nl + base, indent: in}
	}
	ls := listStyle{
		pre:  string(src[list.span.Start+1 : elems[0].start]),
		post: string(src[elems[len(elems)-1].end : list.span.End-1]),
	}
	if len(elems) > 1 {
		ls.sep = string(src[elems[0].end:elems[1].start])
	} else {
		ls.sep = "," + ls.pre
		if ls.pre == "" {
			ls.sep = ", "
		}
	}
	if k := strings.LastIndexByte(ls.pre, '\n'); k >= 0 {
		ls.indent = ls.pre[k+1:]
	} else {
		ls.flat = true
	}
	return ls
}

// join writes a list's inside from its elements' texts.
func (ls listStyle) join(items []string) string {
	if len(items) == 0 {
		return ""
	}
	return ls.pre + strings.Join(items, ls.sep) + ls.post
}

// span is a byte range [start, end) in some text.
type span struct{ start, end int }

// removeRuns returns the ranges to cut to remove the elements marked gone
// from a list whose elements span elems, with their separators: a run of
// gone elements goes with the comma before it (or, at the start of the
// list, the one after it). inner is the list's inside (between its
// brackets), cut whole when every element goes.
func removeRuns(elems []span, gone []bool, inner span) []span {
	var out []span
	n := len(elems)
	for i := 0; i < n; {
		if !gone[i] {
			i++
			continue
		}
		j := i
		for j+1 < n && gone[j+1] {
			j++
		}
		switch {
		case i > 0:
			out = append(out, span{elems[i-1].end, elems[j].end})
		case j+1 < n:
			out = append(out, span{elems[i].start, elems[j+1].start})
		default:
			out = append(out, inner)
		}
		i = j + 1
	}
	return out
}

// elemSpans returns the spans of an array's elements, or of an object's
// members (key to value).
func elemSpans(n *node) []span {
	var out []span
	switch n.kind {
	case kArray:
		for _, e := range n.elems {
			out = append(out, span{e.span.Start, e.span.End})
		}
	case kObject:
		for i, k := range n.keys {
			out = append(out, span{k.span.Start, n.vals[i].span.End})
		}
	}
	return out
}
