package markdown_test

import (
	"strings"
	"testing"
	"time"

	"github.com/migaudit/migaudit/analyzer/markdown"
	"github.com/migaudit/migaudit/rules"
)

// The readers are single passes over the lines: inputs that start many
// blocks, or nest them deeply, read in linear time.
func TestAdversarialDocuments(t *testing.T) {
	deepRST := func() string {
		var b strings.Builder
		for i := 0; i < 3000; i++ {
			b.WriteString(strings.Repeat(" ", i) + "x::\n\n")
		}
		return b.String()
	}()
	cases := map[string]struct {
		read func(string, []byte) (*rules.Found, error)
		src  string
	}{
		"rst literal openers":   {markdown.ReadRST, strings.Repeat("a::\n\nb\n", 100000)},
		"rst nested literals":   {markdown.ReadRST, deepRST},
		"rst options only":      {markdown.ReadRST, strings.Repeat(".. code:: bash\n"+strings.Repeat("   :a::\n", 50), 2000)},
		"adoc delimiters":       {markdown.ReadAsciiDoc, strings.Repeat("----\n", 1) + strings.Repeat("-----\n", 200000)},
		"adoc attribute lines":  {markdown.ReadAsciiDoc, strings.Repeat("[source,bash]\n", 200000)},
		"adoc unclosed kinds":   {markdown.ReadAsciiDoc, strings.Repeat("////\n----\n....\n```\n", 50000)},
		"markdown fence starts": {markdown.Read, strings.Repeat("```\n~~~~\n", 100000)},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			found, err := c.read("doc", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("took %v", d)
			}
			checkSnippets(t, c.src, found)
		})
	}
}
