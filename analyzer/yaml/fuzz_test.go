package yaml

import (
	"strings"
	"testing"
	"time"

	"github.com/migaudit/migaudit/rules"
)

// FuzzRead checks that no input makes the reader fail inside, and that
// every offset it hands back is inside the file.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"run: |\n  curl https://x/api/v1/users\n",
		"a: \"x\\\n  y\"\nb: 'it''s'\nc: >-\n  folded\n  text\n",
		"- uri:\n    url: \"{{ base }}/users\"\n    body: '{\"a\": {{ x }}, \"b\": \"c\"}'\n",
		"command: [sh, -c, \"curl {{ u }}\"]\nargs: [x]\n",
		"k: !!str &a |+2\n   x\n\nz: *a\n",
		"\ufeffé: ü\r\n  x\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var found *rules.Found
		var err error
		done := make(chan bool)
		go func() {
			found, err = Read("f.yml", src)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("Read does not return for %q", src)
		}
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("%q: %v", src, err)
		}
		if found == nil {
			t.Fatal("nil Found")
		}
		for _, sn := range found.Snippets {
			if sn.Map != nil && len(sn.Map) != len(sn.Text)+1 {
				t.Fatalf("map of %d for %d bytes", len(sn.Map), len(sn.Text))
			}
			for i := 0; i <= len(sn.Text); i++ {
				if o := sn.Offset(i); o < 0 || o > len(src) {
					t.Fatalf("snippet offset %d out of the file", o)
				}
			}
		}
		for _, c := range found.Calls {
			for _, p := range c.URL {
				if p.Span.Start < 0 || p.Span.End > len(src) || p.Span.Start > p.Span.End {
					t.Fatalf("URL part span %v out of the file (%d bytes)", p.Span, len(src))
				}
				if p.Raw && string(src[p.Span.Start:p.Span.End]) != p.Lit {
					t.Fatalf("raw part %q is not the file text %q", p.Lit, src[p.Span.Start:p.Span.End])
				}
			}
		}
	})
}
