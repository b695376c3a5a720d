// Package rewrite turns edits into patched files: it applies non-overlapping
// edits to a file's bytes, renders the change as a unified diff that
// `git apply` accepts, and writes files atomically. It knows nothing of the
// formats the edits come from.
package rewrite

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/migaudit/migaudit/rules"
)

// ConflictError reports two edits that overlap.
type ConflictError struct {
	A, B rules.Edit
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("edits at bytes %d-%d and %d-%d overlap", e.A.Span.Start, e.A.Span.End, e.B.Span.Start, e.B.Span.End)
}

// Apply returns src with edits applied. Edits are taken in file order;
// identical duplicates count once; two that overlap (or insert different
// text at one point) give a *ConflictError and src is not changed.
func Apply(src []byte, edits []rules.Edit) ([]byte, error) {
	es := append([]rules.Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Span.Start != es[j].Span.Start {
			return es[i].Span.Start < es[j].Span.Start
		}
		return es[i].Span.End < es[j].Span.End
	})
	var out bytes.Buffer
	out.Grow(len(src))
	pos := 0
	var prev *rules.Edit
	for i := range es {
		e := &es[i]
		if e.Span.Start < 0 || e.Span.End < e.Span.Start || e.Span.End > len(src) {
			return nil, fmt.Errorf("edit at bytes %d-%d is outside the file (%d bytes)", e.Span.Start, e.Span.End, len(src))
		}
		if prev != nil {
			if prev.Span == e.Span && prev.NewText == e.NewText {
				continue // the same edit twice
			}
			if e.Span.Start < prev.Span.End || e.Span.Start == prev.Span.Start && e.Span.Start == e.Span.End {
				return nil, &ConflictError{A: *prev, B: *e}
			}
		}
		out.Write(src[pos:e.Span.Start])
		out.WriteString(e.NewText)
		pos = e.Span.End
		prev = e
	}
	out.Write(src[pos:])
	return out.Bytes(), nil
}

// WriteFile replaces the file at path with data atomically: it writes a
// temporary file beside it, keeps the old file's mode, syncs, and renames it
// over the old one. A symbolic link is followed and its target replaced, so
// the link stays a link. On any error the file is left as it was.
func WriteFile(path string, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	if info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("%s: file is read-only", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".migaudit-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}
