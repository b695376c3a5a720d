package curl_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/rules"
	"mvdan.cc/sh/v3/syntax"
)

// readRunBlock reads the literal block of a YAML "run: |" entry the way an
// embedding reader hands it over: the text without its indentation, a map
// of every byte to the file, and an encoder that indents inserted lines.
func readRunBlock(file string, src []byte) (*rules.Found, error) {
	sn := runBlock(string(src))
	if sn == nil {
		return &rules.Found{}, nil
	}
	return curl.ReadSnippet(file, sn)
}

func runBlock(text string) *rules.Snippet {
	at := strings.Index(text, "run: |\n")
	if at < 0 {
		return nil
	}
	start := at + len("run: |\n")
	indent := len(text[start:]) - len(strings.TrimLeft(text[start:], " "))
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	var m []int
	for off := start; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		line := text[off : off+end]
		if !strings.HasPrefix(line, pad) {
			break
		}
		for i := indent; i <= len(line); i++ { // the line and its '\n'
			if off+i < len(text) {
				b.WriteByte(text[off+i])
				m = append(m, off+i)
			}
		}
		off += end + 1
	}
	m = append(m, start+len(text[start:])) // the end
	if len(m) > b.Len()+1 {
		m = m[:b.Len()+1]
	}
	if n := b.Len(); len(m) == n+1 && n > 0 {
		m[n] = m[n-1] + 1
	}
	return &rules.Snippet{
		Lang: "shell", Text: b.String(), Map: m,
		Encode: func(s string) (string, error) { return strings.ReplaceAll(s, "\n", "\n"+pad), nil },
	}
}

func TestFixYAMLRunBlock(t *testing.T) {
	const head = `name: offboarding
on: workflow_dispatch
jobs:
  pseudonymize:
    runs-on: ubuntu-latest
    steps:
      - name: Pseudonymize the leaver
        run: |
`
	src := head + `          curl -sS --fail -X PUT \
            "https://acme.360learning.com/api/v1/users/${USER_ID}/pseudonymize?company=acme&apiKey=${{ secrets.LMS_API_KEY }}" \
            -o /dev/null
          echo done
`
	want := head + `          curl -sS --fail -X PUT \
            "https://acme.360learning.com/api/v2/users/${USER_ID}/pseudonymize" \
            -H "360-api-version: v2.0" \
            -H "Authorization: Bearer ${ACCESS_TOKEN}" \
            -o /dev/null
          echo done
`
	res := fixFile(t, readRunBlock, "w.yml", []byte(src), rules.FixOptions{})
	if len(res.left) > 0 {
		t.Fatalf("left: %v", res.left)
	}
	if string(res.out) != want {
		t.Fatalf("got\n%s\nwant\n%s", res.out, want)
	}
	checkFixed(t, readRunBlock, "w.yml", res, rules.FixOptions{})
	if _, err := syntax.NewParser().Parse(strings.NewReader(runBlock(string(res.out)).Text), ""); err != nil {
		t.Errorf("fixed run block does not parse: %v", err)
	}

	// Removing option lines deletes the block's indentation with them, and
	// the headers come in on lines of the block's own indentation.
	src = head + `          curl -sS --fail -X PUT \
            "https://acme.360learning.com/api/v1/users/${USER_ID}/pseudonymize" \
            --data-urlencode "company=acme" \
            --data-urlencode "apiKey=${{ secrets.LMS_API_KEY }}"
          echo done
`
	want = head + `          curl -sS --fail -X PUT \
            "https://acme.360learning.com/api/v2/users/${USER_ID}/pseudonymize" \
            -H "360-api-version: v2.0" \
            -H "Authorization: Bearer ${ACCESS_TOKEN}"
          echo done
`
	res = fixFile(t, readRunBlock, "w.yml", []byte(src), rules.FixOptions{})
	if len(res.left) > 0 || string(res.out) != want {
		t.Errorf("got left %v, output\n%s\nwant\n%s", res.left, res.out, want)
	}
	checkFixed(t, readRunBlock, "w.yml", res, rules.FixOptions{})
}
