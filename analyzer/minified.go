package analyzer

import (
	"bytes"
	"path"
	"slices"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// Minified files (bundles of one or a few huge lines) are not parsed whole:
// a source reader's cost on megabytes of minified code dwarfs the whole walk,
// and their calls sit close to their URL. The reader gets a window of code
// around each prefilter hit instead, as a snippet with file offsets.
const (
	minifiedSize    = 256 << 10 // smaller files are always read whole
	minifiedLineLen = 1000      // average line length above which a file is minified
	windowRadius    = 2048      // bytes of context on each side of a hit
	maxWindows      = 512
)

func isMinified(src []byte) bool {
	return len(src) >= minifiedSize && bytes.Count(src, []byte{'\n'}) < len(src)/minifiedLineLen
}

// windows returns snippets of src around every hit of the prefilter's
// literals (and set's, in the second phase), merged where they overlap.
// Each starts and ends at a statement boundary (';' or a newline) when one
// is near, so a window rarely opens inside a string literal.
func windows(name string, src []byte, set *phase2Set) []rules.Snippet {
	hits := hitOffsets(src, set)
	lang := strings.TrimPrefix(path.Ext(name), ".")
	var out []rules.Snippet
	lastEnd := -1
	for _, h := range hits {
		if h < lastEnd {
			continue // inside the previous window
		}
		start := max(0, h-windowRadius)
		if start < lastEnd {
			start = lastEnd
		}
		if i := indexBoundary(src[start:h]); i >= 0 && start > 0 {
			start += i + 1
		}
		end := min(len(src), h+windowRadius)
		if i := indexBoundary(src[end:min(len(src), end+windowRadius)]); i >= 0 {
			end += i + 1
		}
		for start < h && isContinuation(src[start]) {
			start++
		}
		for end < len(src) && isContinuation(src[end]) {
			end++
		}
		if len(out) > 0 && start <= lastEnd {
			prev := &out[len(out)-1]
			prev.Text += string(src[lastEnd:end])
		} else {
			if len(out) == maxWindows {
				break
			}
			out = append(out, rules.Snippet{Lang: lang, Text: string(src[start:end]), Start: start})
		}
		lastEnd = end
	}
	return out
}

func indexBoundary(b []byte) int { return bytes.IndexAny(b, ";\n") }

func isContinuation(c byte) bool { return c&0xC0 == 0x80 }

// hitOffsets lists, in order, where the prefilter's literals occur.
func hitOffsets(src []byte, set *phase2Set) []int {
	var hits []int
	add := func(needle []byte, fold bool) {
		for off := 0; off < len(src); {
			var i int
			if fold {
				i = indexFold(src[off:], needle)
			} else {
				i = bytes.Index(src[off:], needle)
			}
			if i < 0 {
				return
			}
			hits = append(hits, off+i)
			off += i + len(needle)
		}
	}
	add([]byte("api/v1"), false)
	add([]byte("360learning"), true)
	if set != nil {
		for _, l := range set.literals {
			add(l, false)
		}
		for _, n := range set.names {
			add(n, true)
		}
	}
	slices.Sort(hits)
	return hits
}
