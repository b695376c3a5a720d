package yaml_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/analyzer/yaml"
	"github.com/migaudit/migaudit/rules"
)

// check runs the catalog over calls and returns "line rule" for each finding.
func check(t *testing.T, src []byte, calls []rules.Call) []string {
	t.Helper()
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	lines := rules.NewLines(src)
	var out []string
	for i := range calls {
		for _, f := range cat.Check(&calls[i], nil) {
			f.Locate(lines)
			out = append(out, fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Rule))
		}
	}
	return out
}

func readFile(t *testing.T, path string) ([]byte, *rules.Found) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	found, err := yaml.Read(path, src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return src, found
}

// TestRoleDefaultsCompleteTasks reads a role's task file, whose URLs start
// from {{ lms_api_base }}, with the base its defaults file defines, the way
// the dispatcher resolves pending calls across a project.
func TestRoleDefaultsCompleteTasks(t *testing.T) {
	tasksSrc, tasks := readFile(t, "testdata/role/tasks/main.yml")
	_, defaults := readFile(t, "testdata/role/defaults/main.yml")

	if len(tasks.Calls) != 0 {
		t.Errorf("the tasks file alone has no complete v1 call, got %+v", tasks.Calls)
	}
	var pendingBases []string
	for _, p := range tasks.Pending {
		pendingBases = append(pendingBases, p.Base)
	}
	if got, want := strings.Join(pendingBases, ","), "lms_api_base,people_api,lms_api_base"; got != want {
		t.Errorf("pending bases = %s, want %s", got, want)
	}
	if len(defaults.Bases) != 1 || defaults.Bases[0].Name != "lms_api_base" {
		t.Fatalf("defaults bases = %+v, want lms_api_base only", defaults.Bases)
	}
	if got := (&rules.Call{URL: defaults.Bases[0].URL}).URLText(); got != "https://acme.360learning.com/api/v1" {
		t.Errorf("base URL = %q (lms_tenant is substituted from the same file)", got)
	}

	var calls []rules.Call
	for _, alts := range rules.Resolve(tasks.Pending, defaults.Bases) {
		calls = append(calls, alts...)
	}
	got := strings.Join(check(t, tasksSrc, calls), "\n")
	want := strings.Join([]string{
		"5:11 pseudonymize-user-endpoint",
		"5:80 v1-credentials",
		"17:15 list-users-endpoint",
		"17:40 list-users-deleted",
		"22:11 v1-credentials",
	}, "\n")
	if got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
}

// TestInvalidKeepsEarlierDocuments checks the error text and that the
// documents before the broken one are still read.
func TestInvalidKeepsEarlierDocuments(t *testing.T) {
	src := "lms:\n  users: https://acme.360learning.com/api/v1/users\n---\nbad: [unclosed\n"
	found, err := yaml.Read("x.yml", []byte(src))
	if err == nil || !strings.HasPrefix(err.Error(), "invalid YAML: line ") {
		t.Fatalf("err = %v, want an invalid YAML error with its line", err)
	}
	if found == nil || len(found.Calls) != 1 {
		t.Fatalf("want the first document's call kept, got %+v", found)
	}
	if _, err := yaml.Read("x.yml", []byte("a: \xff\n")); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("invalid UTF-8: err = %v", err)
	}
	// A Helm template whose actions cannot be set aside (one spread over
	// lines) is not YAML until rendered.
	helm := "{{- if\n .Values.sync.enabled }}\napiVersion: batch/v1\nkind: CronJob\n{{- end }}\n"
	if _, err := yaml.Read("cronjob.yaml", []byte(helm)); err == nil || !strings.HasPrefix(err.Error(), "invalid YAML") {
		t.Errorf("Helm template: err = %v", err)
	}
}

// TestUriTaskCall checks the Call of a uri task field by field.
func TestUriTaskCall(t *testing.T) {
	src := `- hosts: all
  tasks:
    - name: remove from group
      ansible.builtin.uri:
        url: https://acme.360learning.com/api/v1/groups/{{ gid }}/users/{{ mail }}
        method: DELETE
        body_format: form-urlencoded
        body: "company={{ c }}&apiKey={{ k }}&deleteFromPrivateSubgroups=true"
        headers:
          Authorization: Bearer {{ token }}
`
	found, err := yaml.Read("p.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Calls) != 1 {
		t.Fatalf("calls = %+v", found.Calls)
	}
	c := found.Calls[0]
	if c.Method != "DELETE" || c.MethodImplied || src[c.MethodSpan.Start:c.MethodSpan.End] != "DELETE" {
		t.Errorf("method %q implied=%v span %v", c.Method, c.MethodImplied, c.MethodSpan)
	}
	if len(c.URL) != 1 || !c.URL[0].Raw || src[c.URL[0].Span.Start:c.URL[0].Span.End] != c.URL[0].Lit {
		t.Errorf("URL parts %+v", c.URL)
	}
	if !c.Bearer {
		t.Error("Bearer not set")
	}
	var names []string
	for _, p := range c.Params {
		names = append(names, string(p.In)+":"+p.Name)
		if p.In == rules.InForm && src[p.NameSpan.Start:p.NameSpan.End] != p.Name {
			t.Errorf("%s name span %v is %q", p.Name, p.NameSpan, src[p.NameSpan.Start:p.NameSpan.End])
		}
	}
	if got, want := strings.Join(names, " "), "form:company form:apiKey form:deleteFromPrivateSubgroups header:Authorization"; got != want {
		t.Errorf("params = %s, want %s", got, want)
	}
	if got := src[c.Span.Start:c.Span.End]; !strings.HasPrefix(got, "name: remove") || !strings.HasSuffix(got, "{{ token }}") {
		t.Errorf("call span covers %q", got)
	}
}

// TestWorkflowCurlEndToEnd hands a workflow's run: snippet to the curl
// reader and checks the findings land on the workflow's own lines.
func TestWorkflowCurlEndToEnd(t *testing.T) {
	src := []byte(`name: leavers
on: {schedule: [{cron: "0 4 * * 1"}]}
jobs:
  pseudonymize:
    runs-on: ubuntu-latest
    steps:
      - name: Pseudonymize
        run: |
          while read -r mail; do
            curl -sf -X PUT \
              "https://acme.360learning.com/api/v1/users/$mail/pseudonymize?company=${{ secrets.COMPANY }}&apiKey=${{ secrets.API_KEY }}"
          done < leavers.txt
      - name: Decoy
        run: curl -sf https://api.peoplehub.example/api/v1/people
`)
	found, err := yaml.Read("wf.yml", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Snippets) != 2 {
		t.Fatalf("snippets = %d, want 2", len(found.Snippets))
	}
	var calls []rules.Call
	for i := range found.Snippets {
		f, err := curl.ReadSnippet("wf.yml", &found.Snippets[i])
		if err != nil {
			t.Fatal(err)
		}
		calls = append(calls, f.Calls...)
	}
	if len(calls) == 0 {
		t.Skip("the curl reader returns no calls yet")
	}
	got := check(t, src, calls)
	want := []string{"11:16 pseudonymize-user-endpoint", "11:77 v1-credentials"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestKubernetesEndToEnd reads the CronJob's sh -c script with the curl
// reader and completes its $LMS_API_BASE URL with the ConfigMap's base, the
// way the dispatcher does.
func TestKubernetesEndToEnd(t *testing.T) {
	src, found := readFile(t, "testdata/golden/lms-sync-k8s.yaml")
	var calls []rules.Call
	var pending []rules.Pending
	for i := range found.Snippets {
		f, err := curl.ReadSnippet("k8s.yaml", &found.Snippets[i])
		if err != nil {
			t.Fatal(err)
		}
		calls = append(calls, f.Calls...)
		pending = append(pending, f.Pending...)
	}
	for _, alts := range rules.Resolve(pending, found.Bases) {
		calls = append(calls, alts...)
	}
	if len(calls) == 0 {
		t.Skip("the curl reader returns no calls yet")
	}
	got := strings.Join(check(t, src, calls), "\n")
	want := "41:38 pseudonymize-user-endpoint\n41:77 v1-credentials"
	if got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
}
