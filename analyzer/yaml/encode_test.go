package yaml_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/yaml"
	"github.com/migaudit/migaudit/rules"
)

// firstSnippet reads src and returns its only snippet.
func firstSnippet(t *testing.T, src string) rules.Snippet {
	t.Helper()
	found, err := yaml.Read("ci.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Snippets) != 1 {
		t.Fatalf("got %d snippets, want 1", len(found.Snippets))
	}
	if found.Snippets[0].Encode == nil {
		t.Fatal("the snippet has no Encode")
	}
	return found.Snippets[0]
}

// TestSnippetEncode inserts text into the shell of each YAML scalar style
// the way a fix does (Encode, then at the file offset the snippet maps the
// position to) and checks that the file still loads and the script is the
// old one with the text inserted, or that Encode refuses.
func TestSnippetEncode(t *testing.T) {
	tests := []struct {
		name, src   string
		after       string // insert just after this text of the script
		insert, err string // err: part of the refusal, "" when it must work
	}{
		{"literal", "run: |\n  curl -sS -X PUT https://h.example/x\n  echo ok\n", "https://h.example/x",
			" \\\n  -H \"360-api-version: v2.0\"", ""},
		{"literal CRLF", "run: |\r\n  curl -sS -X PUT https://h.example/x\r\n  echo ok\r\n", "https://h.example/x",
			" \\\n  -H 'Authorization: Bearer ${T}'", ""},
		{"literal with an indentation indicator", "steps:\n  - run: |2\n        curl https://h.example/x\n", "https://h.example/x",
			" \\\n  -H \"a: b\"", ""},
		{"literal with Jinja, a token given as Jinja", "shell: |\n  curl -X PUT https://h.example/{{ user_id }}\n", "https://h.example/",
			`x -H "Authorization: Bearer {{ lms_token }}" `, ""},
		{"literal with Jinja, placeholder form copied", "shell: |\n  curl -X PUT https://h.example/{{ user_id }}\n", "https://h.example/",
			`{{_user_id_}}/`, "template expression"},
		{"literal carriage return", "run: |\n  curl https://h.example/x\n", "curl", "\r", "carriage return"},
		{"folded, at a fold", "run: >\n  curl -sS -X PUT\n  https://h.example/x\n", "PUT", ` -H "a: b" -H 'c'`, ""},
		{"folded line break", "run: >\n  curl -sS -X PUT\n  https://h.example/x\n", "PUT", " \\\n -H x", "line break"},
		{"double-quoted", `run: "curl -H \"Accept: a\" https://h.example/x"` + "\n", "https://h.example/x",
			` -H "Authorization: Bearer \${T}" -d 'a\b'`, ""},
		{"double-quoted line break", `run: "curl https://h.example/x"` + "\n", "https://h.example/x", " \\\n -H x", ""},
		{"single-quoted", "run: 'curl -H ''Accept: a'' https://h.example/x'\n", "https://h.example/x",
			` -H 'Authorization: Bearer x' -H "v: 2"`, ""},
		{"single-quoted line break", "run: 'curl https://h.example/x'\n", "https://h.example/x", " \\\n -H x", "line break"},
		{"plain, path", "run: curl -X PUT https://h.example/api/v1/users\n", "https://h.example", "/api/v2", ""},
		{"plain, header", "run: curl -X PUT https://h.example/x\n", "https://h.example/x", ` -H "a: b"`, `": "`},
		{"plain, comment", "run: curl https://h.example/x\n", "https://h.example/x", " #x", "comment"},
		{"plain, indicator first", "run: curl https://h.example/x\n", "curl ", "\"v\" ", "start with"},
		{"plain, dash first", "run: curl https://h.example/x\n", "curl ", "- x", "start with"},
		{"plain, option first", "run: curl https://h.example/x\n", "curl ", "-v ", ""},
		{"plain, trailing colon", "run: curl https://h.example/x\n", "curl", " a:", `": "`},
		{"plain in a flow mapping", "steps: [{run: curl https://h.example/api/v1/x}]\n", "https://h.example", "/lms", ""},
		{"plain in a flow mapping, brackets", "steps: [{run: curl https://h.example/x}]\n", "https://h.example/x", "?value[eq]=1", "flow collection"},
		{"exec list, new argument", "image: curlimages/curl\nargs: [\"-X\", \"PUT\", \"https://h.example/x\"]\n", "https://h.example/x", " -H x", "exec list"},
		{"exec list, quote", "image: curlimages/curl\nargs: [\"-X\", \"PUT\", \"https://h.example/x\"]\n", "https://h.example/x", `"`, "quote"},
		{"exec list, path", "image: curlimages/curl\nargs: [\"-X\", \"PUT\", \"https://h.example/x\"]\n", "https://h.example", "/y", ""},
		{"exec list of plain items in flow, brackets", "image: curlimages/curl\nargs: [-X, PUT, https://h.example/x]\n", "https://h.example/x", "?a[eq]=1", "flow collection"},
		{"exec list of plain items in a block, brackets", "image: curlimages/curl\nargs:\n  - https://h.example/x\n", "https://h.example/x", "?a[eq]=1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sn := firstSnippet(t, tt.src)
			i := strings.Index(sn.Text, tt.after)
			if i < 0 {
				t.Fatalf("%q is not in the script %q", tt.after, sn.Text)
			}
			i += len(tt.after)
			enc, err := sn.Encode(tt.insert)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Encode(%q) = %q, %v; want an error with %q", tt.insert, enc, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Encode(%q): %v", tt.insert, err)
			}
			off := sn.Offset(i)
			out := tt.src[:off] + enc + tt.src[off:]
			again := firstSnippet(t, out)
			// The reader writes Jinja {{ x }} as {{_x_}} in scripts.
			want := strings.NewReplacer("{{ ", "{{_", " }}", "_}}").Replace(sn.Text[:i] + tt.insert + sn.Text[i:])
			if again.Text != want {
				t.Errorf("after the insertion the script is\n%q\nwant\n%q\nfile:\n%s", again.Text, want, out)
			}
			if strings.Contains(tt.src, "\r\n") && strings.Count(out, "\n") != strings.Count(out, "\r\n") {
				t.Errorf("a CRLF file got a bare line feed:\n%q", out)
			}
		})
	}
}

// stubFixer returns fixed edits in the snippet's coordinates.
type stubFixer struct{ edits []rules.Edit }

func (s stubFixer) Fix(*rules.Plan) ([]rules.Edit, error) { return s.edits, nil }

// TestSnippetFixerMapping checks that edits a snippet reader makes in a
// script that is not written contiguously (a folded block, escapes) land
// where they belong in the file, encoded, and that a replacement the file
// does not write contiguously is refused.
func TestSnippetFixerMapping(t *testing.T) {
	tests := []struct {
		name, src string
		from, to  string // replace the first from of the script with to ("" from: insert at the end of to's anchor)
		want, err string
	}{
		{"folded, insertion at a fold", "run: >\n  curl -X PUT\n  https://h.example/x\n", "PUT", "PUT -H \"a: b\"",
			"run: >\n  curl -X PUT -H \"a: b\"\n  https://h.example/x\n", ""},
		{"folded, replacement on one line", "run: >\n  curl -X PUT\n  https://h.example/x\n", "PUT", "PATCH",
			"run: >\n  curl -X PATCH\n  https://h.example/x\n", ""},
		{"folded, replacement across a fold", "run: >\n  curl -X PUT\n  https://h.example/x\n", "PUT https", "PATCH https",
			"", "cross the lines"},
		{"double-quoted, insertion", `run: "curl -H \"X: y\" https://h.example/x"` + "\n", "https://h.example/x", `https://h.example/x -H "v: 2"`,
			`run: "curl -H \"X: y\" https://h.example/x -H \"v: 2\""` + "\n", ""},
		{"double-quoted, replacement over an escape", `run: "curl -H \"X: y\" https://h.example/x"` + "\n", `"X: y"`, `"X: z"`,
			"", "cross the lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sn := firstSnippet(t, tt.src)
			i := strings.Index(sn.Text, tt.from)
			if i < 0 {
				t.Fatalf("%q not in %q", tt.from, sn.Text)
			}
			// A replacement is written as the edit a reader would make:
			// the common prefix kept, the rest replaced.
			k := 0
			for k < len(tt.from) && k < len(tt.to) && tt.from[k] == tt.to[k] {
				k++
			}
			e := rules.Edit{Span: rules.Span{Start: i + k, End: i + len(tt.from)}, NewText: tt.to[k:]}
			call := rules.Call{Fixer: stubFixer{[]rules.Edit{e}}}
			sn.MapCall(&call)
			edits, err := call.Fixer.Fix(&rules.Plan{})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, %v; want an error with %q", edits, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			out := []byte(tt.src)
			for j := len(edits) - 1; j >= 0; j-- {
				e := edits[j]
				out = append(append(append([]byte(nil), out[:e.Span.Start]...), e.NewText...), out[e.Span.End:]...)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
		})
	}
}
