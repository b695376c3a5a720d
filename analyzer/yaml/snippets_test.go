package yaml_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/yaml"
	"github.com/migaudit/migaudit/rules"
)

// read reads src and fails the test on an error.
func read(t *testing.T, src string) *rules.Found {
	t.Helper()
	found, err := yaml.Read("test.yml", []byte(src))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return found
}

// checkExact asserts that every byte of the snippet's text is the file byte
// its mapping points at, except the bytes listed in synthetic (bytes the
// YAML decoding or the reader made: escapes, folds, added quotes).
func checkExact(t *testing.T, src string, sn rules.Snippet, synthetic func(i int) bool) {
	t.Helper()
	for i := 0; i < len(sn.Text); i++ {
		if synthetic != nil && synthetic(i) {
			continue
		}
		off := sn.Offset(i)
		if off < 0 || off >= len(src) || src[off] != sn.Text[i] {
			got := "out of range"
			if off >= 0 && off < len(src) {
				got = string(src[off])
			}
			t.Fatalf("byte %d %q of the snippet maps to offset %d (%q)", i, sn.Text[i], off, got)
		}
	}
	if end := sn.Offset(len(sn.Text)); end < sn.Offset(max(0, len(sn.Text)-1)) {
		t.Errorf("end offset %d before the last byte's", end)
	}
}

// inTemplate reports whether offset off of src is inside a ${{ … }} or
// {{ … }} expression, which snippets rewrite for the shell.
func inTemplate(src string, off int) bool {
	open := strings.LastIndex(src[:off+1], "{{")
	if open < 0 {
		return false
	}
	if open > 0 && src[open-1] == '$' && off == open-1 {
		return true
	}
	end := strings.Index(src[open:], "}}")
	return end >= 0 && off < open+end+2 || off+1 < len(src) && src[off] == '$' && strings.HasPrefix(src[off+1:], "{{")
}

func onlySnippet(t *testing.T, f *rules.Found) rules.Snippet {
	t.Helper()
	if len(f.Snippets) != 1 {
		t.Fatalf("got %d snippets, want 1: %+v", len(f.Snippets), f.Snippets)
	}
	if f.Snippets[0].Lang != "shell" {
		t.Errorf("Lang = %q, want shell", f.Snippets[0].Lang)
	}
	return f.Snippets[0]
}

func TestSnippetScalarStyles(t *testing.T) {
	tests := []struct {
		name, src, text string
		// synthetic marks the bytes that are not file bytes.
		synthetic func(text string, i int) bool
	}{
		{
			name: "plain",
			src:  "steps:\n  - run: curl -X PUT https://acme.360learning.com/api/v1/users/a@b.c/pseudonymize\n",
			text: "curl -X PUT https://acme.360learning.com/api/v1/users/a@b.c/pseudonymize",
		},
		{
			name: "plain multi-line",
			src:  "steps:\n  - run: curl -X PUT\n      https://acme.360learning.com/api/v1/users\n",
			text: "curl -X PUT https://acme.360learning.com/api/v1/users",
			// The fold's space stands for the line break.
			synthetic: func(text string, i int) bool { return i == len("curl -X PUT") },
		},
		{
			name: "single-quoted with doubled quote",
			src:  "steps:\n  - run: 'curl -H ''Accept: application/json'' https://x/api/v1/users'\n",
			text: "curl -H 'Accept: application/json' https://x/api/v1/users",
		},
		{
			name: "double-quoted with escapes",
			src:  "steps:\n  - run: \"curl -d \\\"{\\\\\\\"a\\\\\\\":1}\\\" \\u0041\\tok\"\n",
			text: "curl -d \"{\\\"a\\\":1}\" A\tok",
			synthetic: func(text string, i int) bool {
				return text[i] == '"' || text[i] == '\\' || text[i] == 'A' || text[i] == '\t'
			},
		},
		{
			name: "literal",
			src:  "steps:\n  - name: pseudonymize\n    run: |\n      curl -X PUT \\\n        \"https://acme.360learning.com/api/v1/users/$EMAIL/pseudonymize\"\n      echo done\n    env: {}\n",
			text: "curl -X PUT \\\n  \"https://acme.360learning.com/api/v1/users/$EMAIL/pseudonymize\"\necho done\n",
		},
		{
			name: "literal strip",
			src:  "job:\n  script: |-\n    curl https://x/api/v1/users\n\n    exit 0\n\n\nnext: 1\n",
			text: "curl https://x/api/v1/users\n\nexit 0",
			// Empty lines' line breaks map to the breaks themselves.
		},
		{
			name: "literal keep with indentation indicator",
			src:  "job:\n  script: |+2\n     indented curl\n    next\n\nother: 1\n",
			text: " indented curl\nnext\n\n",
		},
		{
			name: "anchored and tagged",
			src:  "job:\n  script: &s !!str |\n    curl https://x/api/v1/users\n",
			text: "curl https://x/api/v1/users\n",
		},
		{
			name:      "CRLF literal",
			src:       "job:\r\n  script: |\r\n    curl https://x/api/v1/users\r\n    echo ok\r\n",
			text:      "curl https://x/api/v1/users\necho ok\n",
			synthetic: func(text string, i int) bool { return text[i] == '\n' },
		},
		{
			name: "multi-byte before the value",
			src:  "étape:\n  - run: \"curl https://x/api/v1/users\"\n",
			text: "curl https://x/api/v1/users",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sn := onlySnippet(t, read(t, tt.src))
			if sn.Text != tt.text {
				t.Fatalf("Text = %q, want %q", sn.Text, tt.text)
			}
			var synth func(int) bool
			if tt.synthetic != nil {
				synth = func(i int) bool { return tt.synthetic(sn.Text, i) }
			}
			checkExact(t, tt.src, sn, synth)
		})
	}
}

// TestSnippetDoubleQuotedEscapeOffsets pins where escapes map: every byte
// an escape decodes to maps to its backslash.
func TestSnippetDoubleQuotedEscapeOffsets(t *testing.T) {
	src := "run: \"a\\tb\\u00e9c\"\n"
	sn := onlySnippet(t, read(t, src))
	if sn.Text != "a\tbéc" {
		t.Fatalf("Text = %q", sn.Text)
	}
	want := []int{6, 7, 9, 10, 10, 16, 17}
	for i, w := range want {
		if got := sn.Offset(i); got != w {
			t.Errorf("Offset(%d) = %d, want %d", i, got, w)
		}
	}
}

// TestSnippetFolded checks that a folded scalar's snippet keeps its text
// and maps its words where they are written.
func TestSnippetFolded(t *testing.T) {
	src := "run: >\n  curl -X PUT\n  https://acme.360learning.com/api/v1/users\n"
	sn := onlySnippet(t, read(t, src))
	if sn.Text != "curl -X PUT https://acme.360learning.com/api/v1/users\n" {
		t.Fatalf("Text = %q", sn.Text)
	}
	i := strings.Index(sn.Text, "https")
	if off := sn.Offset(i); src[off:off+5] != "https" {
		t.Errorf("https maps to %d (%q)", off, src[off:])
	}
}

func TestSnippetGitHubActions(t *testing.T) {
	src := `name: offboarding
on:
  workflow_dispatch:
    inputs:
      email: {required: true}
jobs:
  offboard:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Pseudonymize the leaver in the LMS
        env:
          LMS_COMPANY: ${{ secrets.LMS_COMPANY }}
          LMS_API_KEY: ${{ secrets.LMS_API_KEY }}
        run: |
          set -euo pipefail
          curl --fail -X PUT \
            "https://acme.360learning.com/api/v1/users/${{ inputs.email }}/pseudonymize?company=$LMS_COMPANY&apiKey=$LMS_API_KEY"
      - name: Notify
        shell: pwsh
        run: Write-Host "done"
      - uses: actions/github-script@v7
        with:
          script: |
            console.log("not shell")
`
	f := read(t, src)
	sn := onlySnippet(t, f)
	if !strings.HasPrefix(sn.Text, "set -euo pipefail\ncurl --fail -X PUT \\\n  \"https://") {
		t.Fatalf("Text = %q", sn.Text)
	}
	checkExact(t, src, sn, func(i int) bool { return inTemplate(src, sn.Offset(i)) })
	if want := "{{{_inputs.email_}}"; !strings.Contains(sn.Text, want) {
		t.Errorf("the Actions expression is not written as %s for the shell: %q", want, sn.Text)
	}
	i := strings.Index(sn.Text, "https://")
	if got, want := sn.Offset(i), strings.Index(src, "https://acme"); got != want {
		t.Errorf("URL maps to %d, want %d", got, want)
	}
	if len(f.Calls) != 0 {
		t.Errorf("the run script's URL is the curl reader's, not a setting: %+v", f.Calls)
	}
}

func TestSnippetGitLabScriptList(t *testing.T) {
	src := `stages: [sync]
sync-leavers:
  stage: sync
  image: alpine:3.20
  before_script:
    - apk add --no-cache curl jq
  script:
    - 'curl -sf "https://acme.360learning.com/api/v1/users?company=$LMS_COMPANY&apiKey=$LMS_API_KEY" -o users.json'
    - >-
      jq -r '.[] | .mail' users.json
    - |
      while read -r mail; do
        curl -sf -X PUT "https://acme.360learning.com/api/v1/users/$mail/pseudonymize?company=$LMS_COMPANY&apiKey=$LMS_API_KEY"
      done < leavers.txt
`
	f := read(t, src)
	if len(f.Snippets) != 4 {
		t.Fatalf("got %d snippets, want 4 (one per list item): %+v", len(f.Snippets), f.Snippets)
	}
	wantStarts := []string{"apk add", "curl -sf \"https://", "jq -r", "while read"}
	for i, sn := range f.Snippets {
		if !strings.HasPrefix(sn.Text, wantStarts[i]) {
			t.Errorf("snippet %d = %q, want it to start with %q", i, sn.Text, wantStarts[i])
		}
		checkExact(t, src, sn, nil)
	}
}

func TestSnippetExecLists(t *testing.T) {
	src := `apiVersion: batch/v1
kind: CronJob
metadata:
  name: lms-leavers
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: pseudonymize
              image: curlimages/curl:8.8.0
              command: ["curl", "-X", "PUT", "https://acme.360learning.com/api/v1/users/it's@acme.com/pseudonymize"]
            - name: list
              image: alpine:3.20
              command: ["/bin/sh", "-c"]
              args:
                - |
                  curl -sf "$LMS_API_BASE/users?company=$LMS_COMPANY&apiKey=$LMS_API_KEY"
            - name: only-args
              image: docker.io/curlimages/curl:latest
              args: ["-sf", "https://acme.360learning.com/api/v1/users"]
`
	f := read(t, src)
	if len(f.Snippets) != 3 {
		t.Fatalf("got %d snippets, want 3: %+v", len(f.Snippets), f.Snippets)
	}
	exec := f.Snippets[0]
	want := `'curl' '-X' 'PUT' 'https://acme.360learning.com/api/v1/users/it'\''s@acme.com/pseudonymize'`
	if exec.Text != want {
		t.Fatalf("exec Text = %s, want %s", exec.Text, want)
	}
	// Every byte of the items maps to where it is written; the quotes the
	// reader added (and the separators) are synthetic.
	inItem := make([]bool, len(exec.Text))
	for i := 0; i < len(exec.Text); {
		if exec.Text[i] != '\'' {
			i++
			continue
		}
		j := i + 1
		for j < len(exec.Text) && (exec.Text[j] != '\'' || strings.HasPrefix(exec.Text[j:], `'\''`)) {
			if strings.HasPrefix(exec.Text[j:], `'\''`) {
				j += 4
				continue
			}
			inItem[j] = true
			j++
		}
		i = j + 1
	}
	checkExact(t, src, exec, func(i int) bool { return !inItem[i] })
	u := strings.Index(exec.Text, "https")
	if got, want := exec.Offset(u), strings.Index(src, "https://acme.360learning.com/api/v1/users/it"); got != want {
		t.Errorf("URL maps to %d, want %d", got, want)
	}
	q := strings.Index(exec.Text, `'\''`)
	for k := 0; k < 4; k++ {
		if got := exec.Offset(q + k); src[got] != '\'' {
			t.Errorf("escaped quote byte %d maps to %q", k, src[got])
		}
	}

	script := f.Snippets[1]
	if !strings.HasPrefix(script.Text, `curl -sf "$LMS_API_BASE/users?`) {
		t.Errorf("sh -c script = %q", script.Text)
	}
	checkExact(t, src, script, nil)

	args := f.Snippets[2]
	if args.Text != `curl '-sf' 'https://acme.360learning.com/api/v1/users'` {
		t.Errorf("args-only Text = %s", args.Text)
	}
}

func TestSnippetAnsibleAndTools(t *testing.T) {
	src := `- hosts: localhost
  tasks:
    - name: shell string
      ansible.builtin.shell: curl -sf https://acme.360learning.com/api/v1/users
    - name: shell cmd
      ansible.builtin.shell:
        cmd: curl -sf https://acme.360learning.com/api/v1/users
    - name: command argv
      ansible.builtin.command:
        argv: [curl, -sf, "https://acme.360learning.com/api/v1/users"]
`
	f := read(t, src)
	if len(f.Snippets) != 3 {
		t.Fatalf("got %d snippets, want 3: %+v", len(f.Snippets), f.Snippets)
	}
	if f.Snippets[2].Text != `'curl' '-sf' 'https://acme.360learning.com/api/v1/users'` {
		t.Errorf("argv snippet = %s", f.Snippets[2].Text)
	}
	taskfile := `version: '3'
tasks:
  leavers:
    cmds:
      - curl -sf https://acme.360learning.com/api/v1/users
      - cmd: echo done
`
	f = read(t, taskfile)
	if len(f.Snippets) != 2 {
		t.Fatalf("Taskfile: got %d snippets, want 2", len(f.Snippets))
	}
	drone := "kind: pipeline\nsteps:\n  - name: sync\n    image: curlimages/curl\n    commands:\n      - curl -sf https://acme.360learning.com/api/v1/users\n"
	f = read(t, drone)
	if len(f.Snippets) != 1 {
		t.Fatalf("Drone: got %d snippets, want 1", len(f.Snippets))
	}
}

func TestSnippetTemplatesForTheShell(t *testing.T) {
	src := "- hosts: all\n  tasks:\n    - shell: curl -sf {{ lms_base }}/users/{{ item.mail | urlencode }}?apiKey=${{ secrets.KEY }}\n"
	sn := onlySnippet(t, read(t, src))
	want := "curl -sf {{_lms_base_}}/users/{{_item.mail___urlencode_}}?apiKey={{{_secrets.KEY_}}"
	if sn.Text != want {
		t.Fatalf("Text = %q, want %q", sn.Text, want)
	}
	checkExact(t, src, sn, func(i int) bool { return inTemplate(src, sn.Offset(i)) })
}

func TestSnippetComposeConcourseArgo(t *testing.T) {
	src := `services:
  app:
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]
  worker:
    healthcheck:
      test: ["CMD-SHELL", "curl -f http://localhost:8081/health || exit 1"]
jobs:
  - name: sync
    plan:
      - task: pseudonymize
        config:
          run:
            path: sh
            args:
              - -ec
              - |
                curl -X PUT "https://acme.360learning.com/api/v1/users/$MAIL/pseudonymize"
templates:
  - name: list-users
    script:
      image: curlimages/curl
      command: [sh]
      source: |
        curl -sf https://acme.360learning.com/api/v1/users
`
	f := read(t, src)
	var texts []string
	for _, sn := range f.Snippets {
		texts = append(texts, sn.Text)
	}
	want := []string{
		`'curl' '-f' 'http://localhost:8080/health'`,
		`curl -f http://localhost:8081/health || exit 1`,
		"curl -X PUT \"https://acme.360learning.com/api/v1/users/$MAIL/pseudonymize\"\n",
		"curl -sf https://acme.360learning.com/api/v1/users\n",
	}
	if strings.Join(texts, "\n--\n") != strings.Join(want, "\n--\n") {
		t.Errorf("snippets:\n%s\nwant:\n%s", strings.Join(texts, "\n--\n"), strings.Join(want, "\n--\n"))
	}
}
