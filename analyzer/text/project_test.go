package text_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

// scanProject writes files into a temporary directory and scans it whole,
// returning "file:line rule" for each finding.
func scanProject(t *testing.T, files map[string]string) []string {
	t.Helper()
	root := t.TempDir()
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := analyzer.Run(context.Background(), []string{root}, analyzer.Options{Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		rel := strings.TrimPrefix(filepath.ToSlash(f.Path), filepath.ToSlash(root)+"/")
		out = append(out, rel+":"+strconv.Itoa(f.Line)+" "+f.Rule)
	}
	sort.Strings(out)
	return out
}

// Two clients configured side by side: the directory's relative calls are
// completed with the directory's base (another host), never with the
// LMS's, whether the directory's base is a v1-looking URL or not.
func TestClientsKeepTheirOwnBases(t *testing.T) {
	for _, dirRoot := range []string{"https://directory.example.net/api/v1", "https://directory.example.net/v3"} {
		got := scanProject(t, map[string]string{
			"src/settings.ts":  "export const settings = {\n  training: { root: process.env.TRAINING_ROOT ?? 'https://acme.360learning.com/api/v1' },\n  directory: { root: process.env.DIRECTORY_ROOT ?? '" + dirRoot + "' },\n};\n",
			"src/directory.ts": "import axios from 'axios';\nimport { settings } from './settings';\nconst dir = axios.create({ baseURL: settings.directory.root });\nexport const people = () => dir.get('/users', { params: { deleted: true } });\n",
			"src/training.ts":  "import axios from 'axios';\nimport { settings } from './settings';\nconst lms = axios.create({ baseURL: settings.training.root });\nexport const learners = () => lms.get<string[]>('/users', { params: { deleted: true } });\n",
		})
		want := []string{"src/training.ts:4 list-users-deleted", "src/training.ts:4 list-users-endpoint"}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("directory at %s: got\n%s\nwant\n%s", dirRoot, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
