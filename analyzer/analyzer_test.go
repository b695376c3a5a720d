package analyzer_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

const listUsers = "GET https://acme.360learning.com/api/v1/users\n"

// tree writes files (slash paths → contents) under a new temp dir.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var catalog = func() *rules.Catalog {
	c, err := rules.Default()
	if err != nil {
		panic(err)
	}
	return c
}()

func scan(t *testing.T, opt analyzer.Options, roots ...string) *analyzer.Result {
	t.Helper()
	opt.Catalog = catalog
	res, err := analyzer.Run(context.Background(), roots, opt)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

// lineReaders swaps in the test line reader for the test's duration.
func lineReaders(t *testing.T) *analyzer.ReaderLog {
	log := &analyzer.ReaderLog{}
	t.Cleanup(analyzer.UseLineReaders(log))
	return log
}

// paths lists "path:line rule" of each finding, relative to root.
func findings(res *analyzer.Result, root string) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%s:%d %s", rel(root, f.Path), f.Line, f.Rule))
	}
	return out
}

func errorList(res *analyzer.Result, root string) []string {
	var out []string
	for _, e := range res.Errors {
		out = append(out, rel(root, e.Path)+": "+e.Message)
	}
	return out
}

func rel(root, p string) string {
	return strings.TrimPrefix(p, filepath.ToSlash(root)+"/")
}

// files lists the files with a list-users finding.
func filesFound(res *analyzer.Result, root string) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Rule == "list-users-endpoint" {
			out = append(out, rel(root, f.Path))
		}
	}
	return out
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func TestGitignoreNestedAndNegation(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{
		".gitignore":            "build/\n*.log\n!keep.log\n# comment\n",
		"app/.gitignore":        "generated.txt\n/local.txt\n",
		"app/generated.txt":     listUsers,
		"app/local.txt":         listUsers,
		"app/sub/local.txt":     listUsers, // /local.txt anchors to app/
		"app/sub/generated.txt": listUsers,
		"build/out.txt":         listUsers,
		"debug.log":             listUsers,
		"keep.log":              listUsers,
		"main.txt":              listUsers,
	})
	res := scan(t, analyzer.Options{}, root)
	equal(t, "files", filesFound(res, root), []string{"app/sub/local.txt", "keep.log", "main.txt"})

	res = scan(t, analyzer.Options{NoIgnore: true}, root)
	if len(filesFound(res, root)) != 8 {
		t.Errorf("NoIgnore: got %q, want all 8 files", filesFound(res, root))
	}
}

func TestGitInfoExclude(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{
		".git/info/exclude": "secret.txt\n",
		".git/config.txt":   listUsers, // .git is never read
		"secret.txt":        listUsers,
		"a.txt":             listUsers,
	})
	equal(t, "files", filesFound(scan(t, analyzer.Options{}, root), root), []string{"a.txt"})
}

func TestParentRepoGitignore(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{
		".git/HEAD":           "ref: refs/heads/main\n",
		".gitignore":          "dist/\n",
		"svc/dist/bundle.txt": listUsers,
		"svc/src/client.txt":  listUsers,
	})
	sub := filepath.Join(root, "svc")
	equal(t, "files", filesFound(scan(t, analyzer.Options{}, sub), sub), []string{"src/client.txt"})
}

func TestDefaultExcludes(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{
		"node_modules/lms-sdk/index.txt": listUsers,
		"vendor/lms/client.txt":          listUsers,
		"src/client.txt":                 listUsers,
	})
	equal(t, "default", filesFound(scan(t, analyzer.Options{}, root), root), []string{"src/client.txt"})
	equal(t, "NoDefaultExcludes", filesFound(scan(t, analyzer.Options{NoDefaultExcludes: true}, root), root),
		[]string{"node_modules/lms-sdk/index.txt", "src/client.txt", "vendor/lms/client.txt"})
}

func TestIncludeExclude(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{
		"scripts/sync.sh":       listUsers,
		"scripts/old/legacy.sh": listUsers,
		"docs/runbook.md":       listUsers,
		"src/a.txt":             listUsers,
	})
	res := scan(t, analyzer.Options{Include: []string{"**/*.sh", "**/*.md"}, Exclude: []string{"scripts/old"}}, root)
	equal(t, "files", filesFound(res, root), []string{"docs/runbook.md", "scripts/sync.sh"})
	res = scan(t, analyzer.Options{Include: []string{"**/*.sh", "**/*.md"}, Exclude: []string{"**/old/**"}}, root)
	equal(t, "files", filesFound(res, root), []string{"docs/runbook.md", "scripts/sync.sh"})
	if res.Files != 2 {
		t.Errorf("Files = %d, want 2 (globs apply before counting)", res.Files)
	}
	if _, err := analyzer.Run(context.Background(), []string{root}, analyzer.Options{Catalog: catalog, Include: []string{"[a"}}); err == nil {
		t.Error("an invalid glob must fail the run")
	}
}

func TestBinaryTooLargeInvalidUTF8(t *testing.T) {
	lineReaders(t)
	big := strings.Repeat("x", 2<<20) + listUsers
	bigBinary := "\x00" + big
	root := tree(t, map[string]string{
		"blob.bin":   "\x7fELF\x00\x00" + listUsers,
		"big.txt":    big,
		"big.bin":    bigBinary,
		"latin1.txt": "ok\nGET https://acme.360learning.com/api/v1/users\ncaf\xe9\n",
		"other.txt":  "caf\xe9 without any API call\n", // not a candidate: no error
		"a.txt":      listUsers,
	})
	res := scan(t, analyzer.Options{MaxFileSize: 1 << 20}, root)
	equal(t, "files", filesFound(res, root), []string{"a.txt"})
	equal(t, "errors", errorList(res, root), []string{
		"big.txt: file too large (2.0 MiB; the limit is 1 MiB)",
		"latin1.txt: invalid UTF-8 at line 3",
	})
	if res.Files != 6 {
		t.Errorf("Files = %d, want 6 (binary files count)", res.Files)
	}
}

func TestSymlinks(t *testing.T) {
	lineReaders(t)
	outside := tree(t, map[string]string{"elsewhere/client.txt": listUsers, "one.txt": listUsers})
	root := tree(t, map[string]string{"a.txt": listUsers})
	for link, target := range map[string]string{
		"linked-dir":  filepath.Join(outside, "elsewhere"),
		"linked.txt":  filepath.Join(outside, "one.txt"),
		"dangling.sh": filepath.Join(outside, "missing.sh"),
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	res := scan(t, analyzer.Options{}, root)
	equal(t, "files", filesFound(res, root), []string{"a.txt", "linked.txt"})
	equal(t, "errors", errorList(res, root), []string{"dangling.sh: broken symbolic link"})
}

func TestMissingRoot(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-dir")
	_, err := analyzer.Run(context.Background(), []string{missing}, analyzer.Options{Catalog: catalog})
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Fatalf("err = %v, want one naming %s", err, missing)
	}
}

func TestFileRootIgnoresIgnoreRules(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{".gitignore": "*.txt\n", "node_modules/x.txt": listUsers})
	file := filepath.Join(root, "node_modules", "x.txt")
	res := scan(t, analyzer.Options{}, file)
	if len(res.Findings) == 0 || res.Findings[0].Path != filepath.ToSlash(file) {
		t.Fatalf("explicit file not read: %+v", res)
	}
}

func TestCrossFileResolution(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{
		"hr-sync/package.json":   "{}",
		"hr-sync/config.txt":     "BASE lms https://acme.360learning.com/api/v1\n",
		"hr-sync/lib/client.txt": "PENDING lms GET /users\n", // no "api/v1": phase 2
		"hr-sync/lib/other.txt":  "PENDING nope GET /users\n",
		"billing/package.json":   "{}",
		"billing/client.txt":     "PENDING lms GET /users\n", // another project: no base
	})
	res := scan(t, analyzer.Options{}, root)
	equal(t, "findings", findings(res, root), []string{"hr-sync/lib/client.txt:1 list-users-endpoint"})
	f := res.Findings[0]
	if f.Column != 9 || f.EndColumn != 23 {
		t.Errorf("finding at columns %d-%d, want 9-23 (the pending call's URL)", f.Column, f.EndColumn)
	}
	if res.Candidates != 3 {
		t.Errorf("Candidates = %d, want 3 (config.txt in phase 1, client.txt and other.txt in phase 2)", res.Candidates)
	}
}

func TestPhase2ByBaseName(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{
		"ansible.cfg":        "[defaults]\n",
		"group_vars/all.txt": "BASE lms_api https://acme.360learning.com/api/v1\n",
		"roles/x/tasks.txt":  "PENDING lms_api GET /users\n",
		"README.txt":         "nothing to see\n",
	})
	res := scan(t, analyzer.Options{}, root)
	equal(t, "findings", findings(res, root), []string{"roles/x/tasks.txt:1 list-users-endpoint"})
	if res.Candidates != 2 {
		t.Errorf("Candidates = %d, want 2 (README.txt holds neither a resource nor a base name)", res.Candidates)
	}
}

func TestDedupeSortAndRelativePaths(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{
		// A Markdown file goes through markdown.Read then the "" fence to
		// curl and the prose to text; the line reader reports the call
		// twice at one span: it must come out once.
		"docs/b.md": listUsers,
		"a.txt":     "\n" + listUsers + listUsers,
		"c/d.txt":   listUsers,
	})
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	if err := os.Chdir(root); err != nil {
		t.Fatal(err)
	}
	res := scan(t, analyzer.Options{}, ".")
	equal(t, "findings", findings(res, ""), []string{
		"a.txt:2 list-users-endpoint", "a.txt:3 list-users-endpoint",
		"c/d.txt:1 list-users-endpoint", "docs/b.md:1 list-users-endpoint",
	})
	res = scan(t, analyzer.Options{}, "./c/../docs/")
	equal(t, "paths", findings(res, ""), []string{"docs/b.md:1 list-users-endpoint"})
}

func TestDispatchByName(t *testing.T) {
	log := lineReaders(t)
	root := tree(t, map[string]string{
		"run.sh":       listUsers,
		"deploy":       "#!/usr/bin/env bash\n" + listUsers,
		"notes":        "no shebang " + listUsers,
		"README.md":    listUsers,
		"coll.json":    `{"info": {"_postman_id": "x"}, "u": "https://acme.360learning.com/api/v1/users"}`,
		"data.json":    `{"u": "https://acme.360learning.com/api/v1/users"}`,
		"ci.yml":       listUsers,
		"main.go":      "// " + listUsers,
		"client.py":    listUsers,
		"unrelated.py": "print('hello')\n",
		"broken.sh":    "FAIL cannot parse\n" + listUsers,
	})
	scan(t, analyzer.Options{}, root)
	got := map[string]bool{}
	for _, c := range log.Calls {
		got[rel(root, strings.Replace(c, " ", "|", 1))] = true
	}
	for _, want := range []string{
		"curl|run.sh", "curl|deploy", "text|notes", "markdown|README.md",
		"curl-snippet:|README.md", "text-snippet:prose|README.md",
		"postman|coll.json", "text|data.json", "yaml|ci.yml", "curl-snippet:shell|ci.yml",
		"text|main.go", "text|client.py", "curl|broken.sh", "text|broken.sh",
	} {
		w := strings.Replace(want, "|", "|"+filepath.ToSlash(root)+"/", 1)
		if !got[rel(root, w)] {
			t.Errorf("reader call %q missing; got %q", want, log.Calls)
		}
	}
	for c := range got {
		if strings.Contains(c, "unrelated.py") {
			t.Errorf("a file the prefilter rejects was read: %s", c)
		}
	}
	log.Calls = nil
	scan(t, analyzer.Options{SkipGo: true}, root)
	for _, c := range log.Calls {
		if strings.HasSuffix(c, ".go") {
			t.Errorf("SkipGo: %s", c)
		}
	}
}

func TestReaderErrorsAndPanics(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{
		"broken.sh": "FAIL unterminated quote at line 1\n" + listUsers,
		"boom.txt":  "PANIC\n" + listUsers,
		"fine.txt":  listUsers,
	})
	res := scan(t, analyzer.Options{}, root)
	equal(t, "errors", errorList(res, root), []string{
		"boom.txt: internal error: line reader asked to panic",
		"broken.sh: unterminated quote at line 1",
	})
	// broken.sh: curl failed, text is the fallback and finds the call.
	equal(t, "files", filesFound(res, root), []string{"broken.sh", "fine.txt"})
}

func TestCancel(t *testing.T) {
	lineReaders(t)
	files := map[string]string{}
	for i := range 200 {
		files[fmt.Sprintf("d%d/f.txt", i)] = listUsers
	}
	root := tree(t, files)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := analyzer.Run(ctx, []string{root}, analyzer.Options{Catalog: catalog})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestCancelDuringScan(t *testing.T) {
	lineReaders(t)
	files := map[string]string{}
	for i := range 100 {
		files[fmt.Sprintf("f%03d.txt", i)] = listUsers
	}
	root := tree(t, files)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reads := 0
	t.Cleanup(analyzer.OnTextRead(func(string) { reads++; cancel() }))
	_, err := analyzer.Run(ctx, []string{root}, analyzer.Options{Catalog: catalog, Jobs: 1})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if reads != 1 {
		t.Errorf("%d files read after the scan was cancelled on the first", reads-1)
	}
}

func TestJobsAndDeterminism(t *testing.T) {
	lineReaders(t)
	files := map[string]string{}
	for i := range 300 {
		files[fmt.Sprintf("p%d/d%d/f%d.txt", i%7, i%13, i)] = listUsers
	}
	root := tree(t, files)
	one := scan(t, analyzer.Options{Jobs: 1}, root)
	many := scan(t, analyzer.Options{Jobs: 8}, root)
	if one.Files != 300 || len(one.Findings) != 300 {
		t.Fatalf("Jobs 1: %d files, %d findings; want 300 each", one.Files, len(one.Findings))
	}
	equal(t, "Jobs 1 vs 8", findings(one, root), findings(many, root))
}

func TestMinifiedFilesAreReadByWindows(t *testing.T) {
	log := lineReaders(t)
	filler := strings.Repeat(`var a=function(b){return b.c||null};`, 10000) // 370 KB on one line
	bundle := filler + ";\nGET https://acme.360learning.com/api/v1/users\n;" + filler
	root := tree(t, map[string]string{"public/main.js": bundle})
	res := scan(t, analyzer.Options{}, root)
	equal(t, "findings", findings(res, root), []string{"public/main.js:2 list-users-endpoint"})
	if f := res.Findings[0]; f.Column != 5 {
		t.Errorf("column %d, want 5", f.Column)
	}
	for _, c := range log.Calls {
		if strings.HasPrefix(c, "text ") {
			t.Errorf("a minified file was read whole: %s", c)
		}
	}
}

// Two bases share a key (baseURL): the call takes the one its expression
// names most specifically, and a client's default base defined through a
// config base is followed.
func TestResolveMostSpecificAndChained(t *testing.T) {
	lineReaders(t)
	root := tree(t, map[string]string{
		"package.json": "{}",
		"src/config.txt": "BASE lms.baseURL https://acme.360learning.com/api/v1\n" +
			"BASE peoplehub.baseURL https://api.peoplehub.example/api/v1\n",
		"src/lmsClient.txt": "BASE - {config.lms.baseURL}\n",
		"src/phClient.txt":  "PENDING config.peoplehub.baseURL GET /users\n",
		"src/lmsDirect.txt": "PENDING config.lms.baseURL GET /users\n",
		"src/services.txt":  "PENDING - GET /users\n",
	})
	res := scan(t, analyzer.Options{}, root)
	equal(t, "findings", findings(res, root), []string{
		"src/lmsDirect.txt:1 list-users-endpoint",
		"src/services.txt:1 list-users-endpoint",
	})
}
