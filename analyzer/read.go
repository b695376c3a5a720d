package analyzer

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/migaudit/migaudit/rules"
)

// binarySniff is how many leading bytes are looked at for a NUL.
const binarySniff = 8000

// keptBuffer is the largest read buffer a worker keeps for the next file;
// a bigger one (a large file) goes back to the GC once read.
const keptBuffer = 4 << 20

// file reads one file, prefilters it and, when it is a candidate, parses it.
func (w *worker) file(j job) {
	if j.phase2 == nil {
		w.files++
	}
	goFile := isGo(j.abs) && !j.text
	if goFile && j.dir.mod != nil && j.dir.mod.owns(j.abs) {
		w.goFile(j)
		return
	}
	if goFile && w.s.opt.SkipGo {
		return // the Go analyzer's
	}
	defer func() {
		if cap(w.buf) > keptBuffer {
			w.buf = nil
		}
		// Readers' panics are caught in dispatch; this catches the rest
		// (the checks) so one file cannot stop the scan.
		if r := recover(); r != nil {
			w.errorf(j.abs, "internal error: %v", r)
		}
	}()
	src, skip := w.load(j.abs, &w.buf)
	if skip {
		return
	}
	proj := j.dir.proj
	if j.phase2 != nil {
		if !j.phase2.match(src) {
			return
		}
	} else if !w.s.candidate(src) {
		proj.reject(j.abs)
		return
	}
	w.parse(j.abs, src, proj, j.phase2, j.text)
}

// load reads the file at abs into *bp. It reports skip for binary files
// and files that could not be read (with an error recorded).
func (w *worker) load(abs string, bp *[]byte) (src []byte, skip bool) {
	f, err := openFile(abs)
	if err != nil {
		w.fail(abs, err)
		return nil, true
	}
	defer f.Close()
	size, err := f.size()
	if err != nil {
		w.fail(abs, err)
		return nil, true
	}
	if size > w.s.maxSize {
		head := make([]byte, binarySniff)
		n := 0
		for n < len(head) {
			k, err := f.Read(head[n:])
			if k == 0 || err != nil {
				break
			}
			n += k
		}
		if bytes.IndexByte(head[:n], 0) < 0 {
			w.errorf(abs, "file too large (%s; the limit is %s)", formatSize(size), formatSize(w.s.maxSize))
		}
		return nil, true
	}
	buf := *bp
	if int64(cap(buf)) < size+1 {
		// Grow geometrically: files come in every size, and each new
		// largest one would otherwise mean a new buffer.
		buf = make([]byte, 0, max(size+512, min(2*int64(cap(buf)), keptBuffer), 256<<10))
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the file grew since its size was read
		}
		want := cap(buf) - len(buf)
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err != nil {
			*bp = buf
			w.fail(abs, err)
			return nil, true
		}
		// A short read of a regular file is its end: saves the final
		// zero-byte read on every file.
		if n == 0 || n < want && int64(len(buf)) >= size {
			break
		}
		if int64(len(buf)) > w.s.maxSize {
			break // grew past the limit while read: read what fits
		}
	}
	*bp = buf
	if bytes.IndexByte(buf[:min(len(buf), binarySniff)], 0) >= 0 {
		return nil, true
	}
	return buf, false
}

// candidate is the phase-1 prefilter: the file mentions "360learning" in
// any case, or "api/v1" other than right after an explicit host that is not
// 360Learning's ("https://api.peoplehub.example/api/v1": the rules never
// report those, whatever the reader makes of them).
func (s *scan) candidate(src []byte) bool {
	if contains360(src) {
		return true
	}
	for off := 0; ; {
		i := indexAPIv1(src[off:])
		if i < 0 {
			return false
		}
		i += off
		if !s.foreignHost(src, i) {
			return true
		}
		off = i + 1
	}
}

// foreignHost reports whether the "api/v1" at src[i:] follows
// "://host/" (host written out in full, port allowed) with a host that is
// not a 360Learning one. Anything else (a relative path, a placeholder, a
// concatenation) is not foreign.
func (s *scan) foreignHost(src []byte, i int) bool {
	if i == 0 || src[i-1] != '/' {
		return false
	}
	k := i - 1
	for k > 0 && isHostByte(src[k-1]) {
		k--
	}
	if k == i-1 || k < 3 || string(src[k-3:k]) != "://" {
		return false
	}
	host := strings.ToLower(string(src[k : i-1]))
	if j := strings.IndexByte(host, ':'); j >= 0 {
		host = host[:j]
	}
	return host != "" && !s.opt.Check.IsHost(host)
}

func isHostByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == ':'
}

// indexAPIv1 is bytes.Index(src, "api/v1"), faster on source text:
// bytes.Index looks for the needle's first byte, and 'a' is everywhere;
// '1' is rarer, so look for it and check the five bytes before it. Should
// '1' turn out frequent too, it hands over to bytes.Index.
func indexAPIv1(src []byte) int {
	const needle = "api/v1"
	misses := 0
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '1')
		if i < 0 {
			return -1
		}
		i += off
		if i >= 5 && string(src[i-5:i+1]) == needle {
			return i - 5
		}
		off = i + 1
		if misses++; misses > 64 && misses > off>>5 {
			if j := bytes.Index(src[off-5:], []byte(needle)); j >= 0 {
				return off - 5 + j
			}
			return -1
		}
	}
}

// contains360 reports whether src holds "360learning" in any letter case.
func contains360(src []byte) bool {
	const rest = "learning"
	for off := 0; ; {
		i := bytes.Index(src[off:], []byte("360"))
		if i < 0 {
			return false
		}
		i += off + 3
		if len(src)-i < len(rest) {
			return false
		}
		if equalFoldASCII(src[i:i+len(rest)], rest) {
			return true
		}
		off = i
	}
}

// equalFoldASCII compares b with the lower-case ASCII word lower.
func equalFoldASCII(b []byte, lower string) bool {
	for k := 0; k < len(lower); k++ {
		c := b[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[k] {
			return false
		}
	}
	return true
}

// parse checks a candidate's encoding, runs its readers and checks the
// calls they find. With text, a .go file is read as text whatever
// Options.SkipGo says (its module did not load).
func (w *worker) parse(abs string, src []byte, proj *project, set *phase2Set, text bool) {
	w.candidates++
	path := displayPath(abs)
	if !utf8.Valid(src) {
		w.errorf(abs, "invalid UTF-8 at line %d", invalidLine(src))
		return
	}
	if sups := rules.FindSuppressions(src); sups != nil {
		if w.suppressions == nil {
			w.suppressions = map[string][]rules.Suppression{}
		}
		w.suppressions[path] = sups
	}
	found, errs := dispatch(path, src, w.s.opt.SkipGo && !text, set)
	for _, e := range errs {
		w.errors = append(w.errors, FileError{Path: path, Message: e})
	}
	if found == nil {
		return
	}
	var lines *rules.Lines
	for i := range found.Calls {
		fs := w.s.opt.Catalog.Check(&found.Calls[i], &w.s.opt.Check)
		if len(fs) == 0 {
			continue
		}
		if lines == nil {
			lines = rules.NewLines(src)
		}
		w.add(path, fs, lines)
	}
	if len(found.Bases) > 0 || len(found.Pending) > 0 {
		if len(found.Pending) > 0 && lines == nil {
			lines = rules.NewLines(src)
		}
		proj.add(path, found.Bases, found.Pending, lines)
	}
}

// add locates findings and keeps them, with their own copies of the
// strings that may come from the file's text.
func (w *worker) add(path string, fs []rules.Finding, lines *rules.Lines) {
	for i := range fs {
		f := &fs[i]
		f.Path = path
		f.Locate(lines)
		f.Message = strings.Clone(f.Message)
		if f.Fix != nil {
			f.Fix.Message = strings.Clone(f.Fix.Message)
			for k := range f.Fix.Edits {
				f.Fix.Edits[k].NewText = strings.Clone(f.Fix.Edits[k].NewText)
			}
		}
	}
	w.findings = append(w.findings, fs...)
}

// invalidLine returns the 1-based line of src's first invalid UTF-8 byte.
func invalidLine(src []byte) int {
	off := 0
	for off < len(src) {
		if src[off] < utf8.RuneSelf {
			off++
			continue
		}
		r, n := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	return bytes.Count(src[:off], []byte{'\n'}) + 1
}

// formatSize writes a byte count the way the size-limit error does:
// "12.3 MiB", "10 MiB", "512 KiB", "100 bytes".
func formatSize(n int64) string {
	const kib, mib = 1 << 10, 1 << 20
	switch {
	case n >= mib && n%mib == 0:
		return fmt.Sprintf("%d MiB", n/mib)
	case n >= mib:
		return fmt.Sprintf("%.1f MiB", float64(n)/mib)
	case n >= kib && n%kib == 0:
		return fmt.Sprintf("%d KiB", n/kib)
	case n >= kib:
		return fmt.Sprintf("%.1f KiB", float64(n)/kib)
	}
	return fmt.Sprintf("%d bytes", n)
}
