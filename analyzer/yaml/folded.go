package yaml

import "strings"

// foldedLine is one line of a folded block scalar's content.
type foldedLine struct {
	start, end int // the content without the block's indentation
	brk        int // the offset of the line break that ends the line
	empty      bool
	spaced     bool // more indented: starts with a space or tab
}

// folded maps a folded block scalar (>) whose header is at off. Folding
// joins two text lines with a space, mapped to the line break it replaces;
// a line break next to a more-indented line is kept; each empty line
// between two text lines is a newline, mapped to its own line break (the
// first line break is then dropped). Each content byte maps to itself.
func (r *reader) folded(off int, want string) (mapped, bool) {
	src := r.src
	start := r.blockContent(off)
	indent := -1
	for i := start; i < len(src); i = nextLine(src, i) {
		end := lineEnd(src, i)
		j := i
		for j < end && src[j] == ' ' {
			j++
		}
		if j < end {
			indent = j - i
			break
		}
		if lineBreak(src, end) == 0 {
			break
		}
	}
	if indent < 0 {
		return mapped{}, false
	}
	var lines []foldedLine
	for i := start; i < len(src); {
		end := lineEnd(src, i)
		j := i
		for j < end && j-i < indent && src[j] == ' ' {
			j++
		}
		rest := strings.TrimLeft(string(src[j:end]), " \t")
		l := foldedLine{start: j, end: end, brk: end}
		switch {
		case j-i < indent && rest != "":
			end = -1 // a less indented line ends the block
		case j-i < indent || (rest == "" && !(j < end && src[j] == ' ' || j < end && src[j] == '\t')):
			l.empty = true
		default:
			l.spaced = src[j] == ' ' || src[j] == '\t'
		}
		if end < 0 {
			break
		}
		lines = append(lines, l)
		n := lineBreak(src, end)
		if n == 0 {
			break
		}
		i = end + n
	}
	b := newBuilder(len(want))
	prev := -1 // the last content line
	for k, l := range lines {
		if l.empty {
			continue
		}
		empties := lines[prev+1 : k]
		if prev >= 0 {
			p := lines[prev]
			if !p.spaced && !l.spaced {
				if len(empties) == 0 {
					b.add(" ", p.brk)
				}
			} else {
				b.add("\n", p.brk)
			}
		}
		for _, e := range empties {
			b.add("\n", e.brk)
		}
		for x := l.start; x < l.end; x++ {
			b.add(string(src[x]), x)
		}
		prev = k
	}
	if prev >= 0 && lineBreak(src, lines[prev].brk) > 0 {
		b.add("\n", lines[prev].brk)
		for _, e := range lines[prev+1:] {
			if lineBreak(src, e.brk) > 0 {
				b.add("\n", e.brk)
			}
		}
	}
	if len(b.text) < len(want) || string(b.text[:len(want)]) != want {
		return mapped{}, false
	}
	b.text, b.m = b.text[:len(want)], b.m[:len(want)]
	endOff := start
	if len(want) > 0 {
		endOff = b.m[len(want)-1] + 1
	}
	return b.done(endOff), true
}
