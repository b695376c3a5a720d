package report

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// columns turns the byte columns of findings into UTF-16 columns, reading
// each file once.
type columns struct {
	read  func(path string) ([]byte, error)
	files map[string]*utf16Lines
}

// utf16Lines is a file split into lines; nil when it could not be read.
type utf16Lines struct {
	lines [][]byte
}

func (c columns) region(path string, line, col, endLine, endCol int) *sarifRegion {
	return &sarifRegion{line, c.column(path, line, col), endLine, c.column(path, endLine, endCol)}
}

// column converts the 1-based byte column col of line to a 1-based UTF-16
// column; it returns col unchanged when the file is not at hand.
func (c columns) column(path string, line, col int) int {
	if c.read == nil {
		return col
	}
	f, ok := c.files[path]
	if !ok {
		if src, err := c.read(path); err == nil {
			f = &utf16Lines{lines: bytes.Split(src, []byte("\n"))}
		}
		c.files[path] = f
	}
	if f == nil || line < 1 || line > len(f.lines) {
		return col
	}
	text := f.lines[line-1]
	if col-1 > len(text) || col < 1 {
		return col
	}
	n := 0
	for rest := text[:col-1]; len(rest) > 0; {
		r, size := utf8.DecodeRune(rest)
		rest = rest[size:]
		n += max(1, utf16.RuneLen(r))
	}
	return n + 1
}
