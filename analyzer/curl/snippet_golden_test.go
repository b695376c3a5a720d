package curl_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/internal/readertest"
	"github.com/migaudit/migaudit/rules"
)

// TestSnippetGolden reads console sessions (prompts, output, PS2 lines) the
// way Markdown fences hand them over.
func TestSnippetGolden(t *testing.T) {
	readertest.Golden(t, "testdata/snippets", func(file string, src []byte) (*rules.Found, error) {
		return curl.ReadSnippet(file, &rules.Snippet{Lang: "console", Text: string(src)})
	})
}
