package rules

import (
	"sort"
	"unicode/utf8"
)

// Lines maps byte offsets of a file to 1-based lines and columns.
// Columns count bytes, as go vet and gofmt do.
type Lines struct {
	starts []int
	size   int
}

// NewLines indexes the line starts of src.
func NewLines(src []byte) *Lines {
	l := &Lines{starts: []int{0}, size: len(src)}
	for i, b := range src {
		if b == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// Position returns the 1-based line and column of offset off.
func (l *Lines) Position(off int) (line, col int) {
	off = max(0, min(off, l.size))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	return i + 1, off - l.starts[i] + 1
}

// ValidUTF8 reports whether src is valid UTF-8; readers reject files that are not.
func ValidUTF8(src []byte) bool { return utf8.Valid(src) }
