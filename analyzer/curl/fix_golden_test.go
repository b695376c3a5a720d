package curl_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/rules"
)

var updateFixed = flag.Bool("update-fixed", false, "rewrite the testdata/fix .fixed and .fixes files")

// goldenFixOptions are what a person gives the fixes in the golden tests.
var goldenFixOptions = rules.FixOptions{
	GroupRole: "learner",
	Users:     map[string]string{"ada.lovelace@acme.io": "64b7f0c2a1e4d3b2c1a09f8e"},
}

// readerFor returns the reader of a test file by its name.
func readerFor(name string) readFunc {
	switch {
	case strings.HasSuffix(name, ".http") || strings.HasSuffix(name, ".rest"):
		return curl.ReadHTTP
	case strings.HasSuffix(name, ".mk") || strings.HasPrefix(filepath.Base(name), "Makefile"):
		return curl.ReadMakefile
	case strings.HasSuffix(name, ".md"):
		return readMarkdown
	}
	return curl.Read
}

// readMarkdown reads the shell and http fences of a Markdown file the way
// the Markdown reader hands them over: each fence's text as a snippet at
// its offset.
func readMarkdown(file string, src []byte) (*rules.Found, error) {
	found := &rules.Found{}
	text := string(src)
	lang, start := "", -1
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		next := len(text)
		if end >= 0 {
			next = off + end + 1
		}
		line := strings.TrimRight(text[off:next], "\r\n")
		switch {
		case strings.HasPrefix(line, "```") && start < 0:
			lang, start = strings.TrimPrefix(line, "```"), next
		case line == "```" && start >= 0:
			sn := &rules.Snippet{Lang: lang, Text: text[start:off], Start: start}
			var f *rules.Found
			switch lang {
			case "sh", "bash", "shell", "console":
				f, _ = curl.ReadSnippet(file, sn)
			case "http":
				f, _ = curl.ReadHTTPSnippet(file, sn)
			}
			if f != nil {
				found.Calls = append(found.Calls, f.Calls...)
			}
			start = -1
		}
		off = next
	}
	return found, nil
}

// TestFixGolden fixes every file of testdata/fix and compares the result
// with NAME.fixed, and what was fixed or left with NAME.fixes; each fixed
// file must still parse, hold only v2 calls the reference accepts where it
// was fixed, and give nothing to fix a second time.
func TestFixGolden(t *testing.T) {
	names, err := filepath.Glob("testdata/fix/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if strings.HasSuffix(name, ".fixed") || strings.HasSuffix(name, ".fixes") {
			continue
		}
		t.Run(filepath.Base(name), func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			read := readerFor(name)
			res := fixFile(t, read, name, src, goldenFixOptions)
			checkFixed(t, read, name, res, goldenFixOptions)
			compareGolden(t, name+".fixed", res.out)
			compareGolden(t, name+".fixes", []byte(res.report()))
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateFixed {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run FixGolden -update-fixed)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
