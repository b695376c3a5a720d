package analyzer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/migaudit/migaudit/rewrite"
)

// addFile records a changed file, refusing one outside the roots.
func (fx *fixer) addFile(path string, old, new []byte) {
	if bytes.Equal(old, new) {
		return
	}
	abs, err := filepath.Abs(filepath.FromSlash(path))
	if err == nil {
		err = fx.inRoots(abs)
	}
	if err != nil {
		fx.out.Errors = append(fx.out.Errors, FileError{Path: path, Message: err.Error()})
		return
	}
	fx.out.Files = append(fx.out.Files, FileFix{Path: path, Abs: abs, Old: old, New: new})
}

// rootsOf returns the roots' real absolute paths (symbolic links resolved).
func rootsOf(roots []string) []string {
	var out []string
	for _, r := range roots {
		if abs, err := filepath.Abs(r); err == nil {
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				out = append(out, real)
			}
		}
	}
	return out
}

// inRoots refuses a file whose real path (links followed) is outside every
// root: a fix never writes through a link out of the scanned tree.
func (fx *fixer) inRoots(abs string) error {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return err
	}
	for _, r := range fx.roots {
		if real == r {
			return nil
		}
		if rel, err := filepath.Rel(r, real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil
		}
	}
	return fmt.Errorf("not written: it leads outside the scanned roots (to %s)", real)
}

// Write writes the changed files atomically. A file that changed since it
// was read, is read-only or fails to write stays as it was: it moves from
// Files to Errors, and its fixed calls' findings to Left.
func (r *FixResult) Write() {
	var files []FileFix
	failed := map[string]string{}
	for _, f := range r.Files {
		cur, err := os.ReadFile(f.Abs)
		switch {
		case err != nil:
		case !bytes.Equal(cur, f.Old):
			err = fmt.Errorf("changed since it was read; run fix again")
		default:
			err = rewrite.WriteFile(f.Abs, f.New)
		}
		if err != nil {
			msg := strings.TrimPrefix(err.Error(), f.Abs+": ")
			failed[f.Path] = msg
			r.Errors = append(r.Errors, FileError{Path: f.Path, Message: msg})
			continue
		}
		files = append(files, f)
	}
	if len(failed) == 0 {
		return
	}
	r.Files = files
	var fixed []FixedCall
	for _, c := range r.Fixed {
		msg, ok := failed[c.Path]
		if !ok {
			fixed = append(fixed, c)
			continue
		}
		for _, f := range c.resolved {
			r.Left = append(r.Left, LeftFinding{Finding: f, Reason: "the fix could not be written: " + msg})
		}
	}
	r.Fixed = fixed
}

// Diff renders the changes as one unified diff with git-style a/ and b/
// paths relative to dir (normally the current directory), which `git apply`
// takes.
func (r *FixResult) Diff(dir string) string {
	var b strings.Builder
	for _, f := range r.Files {
		name := f.Path
		if rel, err := filepath.Rel(dir, f.Abs); err == nil {
			name = filepath.ToSlash(rel)
		}
		b.WriteString(rewrite.UnifiedDiff(name, f.Old, f.New))
	}
	return b.String()
}
