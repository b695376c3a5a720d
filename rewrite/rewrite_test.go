package rewrite

import (
	"errors"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/rules"
)

func edit(start, end int, text string) rules.Edit {
	return rules.Edit{Span: rules.Span{Start: start, End: end}, NewText: text}
}

func TestApply(t *testing.T) {
	src := []byte("PUT /api/v1/users/x?company=c&apiKey=k")
	got, err := Apply(src, []rules.Edit{
		edit(20, 38, ""),     // drop the query
		edit(0, 3, "PATCH"),  // method
		edit(9, 11, "v2"),    // version
		edit(9, 11, "v2"),    // the same edit again counts once
		edit(19, 20, ""),     // the '?' (adjacent, not overlapping)
		edit(38, 38, "#end"), // insertion at the end
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "PATCH /api/v2/users/x#end"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}

	for name, edits := range map[string][]rules.Edit{
		"overlap":            {edit(0, 5, "a"), edit(4, 8, "b")},
		"two inserts":        {edit(3, 3, "a"), edit(3, 3, "b")},
		"outside":            {edit(30, 99, "")},
		"same span, differs": {edit(0, 3, "GET"), edit(0, 3, "POST")},
	} {
		out, err := Apply(src, edits)
		if err == nil || out != nil {
			t.Errorf("%s: want an error, got %q", name, out)
		}
		var ce *ConflictError
		if name != "outside" && !errors.As(err, &ce) {
			t.Errorf("%s: want a ConflictError, got %v", name, err)
		}
	}
}

// gitApply checks a diff with the real git: applied to old it must give new.
func gitApply(t *testing.T, name string, old, new []byte, diff string) {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not found")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	patch := filepath.Join(t.TempDir(), "p.diff")
	os.WriteFile(patch, []byte(diff), 0o644)
	cmd := exec.Command(git, "apply", patch)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s\n%s", err, out, diff)
	}
	got, _ := os.ReadFile(path)
	if string(got) != string(new) {
		t.Fatalf("after git apply:\n%q\nwant\n%q\ndiff:\n%s", got, new, diff)
	}
}

func TestUnifiedDiffAppliesWithGit(t *testing.T) {
	var lines []string
	for i := 0; i < 40; i++ {
		lines = append(lines, "line "+string(rune('a'+i%26))+strings.Repeat("x", i%5))
	}
	old := strings.Join(lines, "\n") + "\n"
	cases := map[string]string{
		"one change":        strings.Replace(old, "line c", "line C", 1),
		"far apart changes": strings.Replace(strings.Replace(old, "line b", "LINE B", 1), "line nxxx", "LINE N", 1),
		"near changes":      strings.Replace(strings.Replace(old, "line b", "LINE B", 1), "line gxx", "LINE G", 1),
		"insert at start":   "new first\n" + old,
		"delete at end":     strings.Join(lines[:38], "\n") + "\n",
		"no final newline":  strings.TrimSuffix(old, "\n"),
		"crlf kept":         strings.ReplaceAll(old, "\n", "\r\n"),
	}
	for name, new := range cases {
		t.Run(name, func(t *testing.T) {
			d := UnifiedDiff("scripts/offboard.sh", []byte(old), []byte(new))
			if !strings.HasPrefix(d, "diff --git a/scripts/offboard.sh b/scripts/offboard.sh\n--- a/scripts/offboard.sh\n+++ b/scripts/offboard.sh\n@@ ") {
				t.Fatalf("header:\n%s", d)
			}
			gitApply(t, "scripts/offboard.sh", []byte(old), []byte(new), d)
		})
	}
	if d := UnifiedDiff("x", []byte(old), []byte(old)); d != "" {
		t.Errorf("no change gives %q", d)
	}
}

func TestUnifiedDiffRandom(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	words := []string{"curl", "-X PUT", "apiKey", "{{host}}", "", "  indented", "v1", "v2"}
	gen := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(words[r.Intn(len(words))])
			b.WriteByte('\n')
		}
		return b.String()
	}
	for i := 0; i < 25; i++ {
		old := gen(5 + r.Intn(30))
		new := old
		for k := 0; k < 1+r.Intn(4); k++ {
			ls := strings.SplitAfter(new, "\n")
			j := r.Intn(len(ls))
			ls[j] = gen(r.Intn(3))
			new = strings.Join(ls, "")
		}
		if old == new {
			continue
		}
		gitApply(t, "a.txt", []byte(old), []byte(new), UnifiedDiff("a.txt", []byte(old), []byte(new)))
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.sh")
	os.WriteFile(path, []byte("old"), 0o755)
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	data, _ := os.ReadFile(path)
	if string(data) != "new" || info.Mode().Perm() != 0o755 {
		t.Errorf("content %q mode %v", data, info.Mode())
	}
	// Through a symlink: the target changes, the link stays a link.
	link := filepath.Join(dir, "link.sh")
	os.Symlink("run.sh", link)
	if err := WriteFile(link, []byte("newer")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if data, _ := os.ReadFile(path); string(data) != "newer" {
		t.Errorf("target content %q", data)
	}
	// A read-only file is left as it was.
	ro := filepath.Join(dir, "ro.sh")
	os.WriteFile(ro, []byte("keep"), 0o444)
	if err := WriteFile(ro, []byte("changed")); err == nil {
		t.Error("read-only file written")
	}
	if data, _ := os.ReadFile(ro); string(data) != "keep" {
		t.Errorf("read-only file now %q", data)
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".migaudit-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	if err := WriteFile(filepath.Join(dir, "missing"), nil); err == nil {
		t.Error("missing file: no error")
	}
}
