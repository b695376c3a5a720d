package curl_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/rules"
)

// BenchmarkRead reads every golden script, to watch the cost per byte.
func BenchmarkRead(b *testing.B) {
	files, _ := filepath.Glob("testdata/golden/*.sh")
	var srcs [][]byte
	size := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		size += len(src)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, src := range srcs {
			_, _ = curl.Read("t.sh", src)
		}
	}
}

// BenchmarkSnippetFallback reads a console session that does not parse as
// a whole, command by command.
func BenchmarkSnippetFallback(b *testing.B) {
	src, err := os.ReadFile("testdata/snippets/offboarding-runbook.console")
	if err != nil {
		b.Fatal(err)
	}
	sn := &rules.Snippet{Text: string(src)}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		_, _ = curl.ReadSnippet("t.md", sn)
	}
}
