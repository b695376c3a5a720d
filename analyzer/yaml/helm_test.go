package yaml_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/analyzer/yaml"
	"github.com/migaudit/migaudit/rules"
)

const helmValues = `lms:
  # v1 root of the tenant
  baseUrl: https://acme.360learning.com/api/v1
  company: acme
peoplehub:
  baseUrl: https://api.peoplehub.example/api/v1
schedule: "0 3 * * *"
`

const helmConfigMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: "{{ .Release.Name }}-lms"
data:
  LMS_BASE_URL: "{{ .Values.lms.baseUrl | quote }}"
  PEOPLEHUB_BASE_URL: "{{ .Values.peoplehub.baseUrl }}"
  LMS_COMPANY: "{{ .Values.lms.company }}"
`

const helmCronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: lms-deleted-users
spec:
  schedule: "{{ .Values.schedule }}"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: export
              image: curlimages/curl:8.7.1
              envFrom:
                - configMapRef:
                    name: "{{ .Release.Name }}-lms"
              command: ["/bin/sh", "-c"]
              args:
                - |
                  curl -s "${LMS_BASE_URL}/users?deleted=true" -o /data/deleted.json
                  curl -s "${PEOPLEHUB_BASE_URL}/users?deleted=true" -o /data/people.json
`

// TestHelmValuesNamedByPath: a values.yaml setting is a Base named by its
// dotted path, so .Values.lms.baseUrl picks it over peoplehub.baseUrl.
func TestHelmValuesNamedByPath(t *testing.T) {
	found, err := yaml.Read("values.yaml", []byte(helmValues))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range found.Bases {
		names = append(names, b.Name)
	}
	if got, want := strings.Join(names, ","), "lms.baseUrl,peoplehub.baseUrl"; got != want {
		t.Errorf("bases = %s, want %s", got, want)
	}
}

// TestTemplateReferenceBase: a ConfigMap entry that is only a template
// reference is a Base whose URL is a hole naming the value; entries whose
// name says nothing of a URL are not.
func TestTemplateReferenceBase(t *testing.T) {
	found, err := yaml.Read("configmap.yaml", []byte(helmConfigMap))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, b := range found.Bases {
		if len(b.URL) != 1 {
			t.Fatalf("base %s has %d parts, want one hole", b.Name, len(b.URL))
		}
		got[b.Name] = b.URL[0].Hole
		if s := b.URL[0].Span; helmConfigMap[s.Start:s.End] != strings.Trim(helmConfigMap[s.Start:s.End], `"`) || !strings.HasPrefix(helmConfigMap[s.Start:], "{{") {
			t.Errorf("base %s hole span %q, want the placeholder", b.Name, helmConfigMap[s.Start:s.End])
		}
	}
	want := map[string]string{"LMS_BASE_URL": ".Values.lms.baseUrl", "PEOPLEHUB_BASE_URL": ".Values.peoplehub.baseUrl"}
	if len(got) != len(want) || got["LMS_BASE_URL"] != want["LMS_BASE_URL"] || got["PEOPLEHUB_BASE_URL"] != want["PEOPLEHUB_BASE_URL"] {
		t.Errorf("bases = %v, want %v", got, want)
	}
	if len(found.Calls)+len(found.Pending) != 0 {
		t.Errorf("calls %v, pending %v: want none", found.Calls, found.Pending)
	}
}

// TestHelmChartEndToEnd scans a chart: values.yaml → ConfigMap → CronJob's
// curl on ${LMS_BASE_URL} is a v1 getUsers with the removed deleted
// parameter; the PeopleHub call next to it is not reported.
func TestHelmChartEndToEnd(t *testing.T) {
	// As written in charts: quoted, and unquoted (not valid YAML unrendered).
	unquoted := strings.NewReplacer(`"{{`, "{{", `}}"`, "}}").Replace(helmConfigMap)
	for _, cm := range []string{helmConfigMap, unquoted} {
		helmChartEndToEnd(t, cm)
	}
}

func helmChartEndToEnd(t *testing.T, configMap string) {
	t.Helper()
	root := t.TempDir()
	for name, text := range map[string]string{
		"Chart.yaml":               "apiVersion: v2\nname: hr-cron\nversion: 0.1.0\n",
		"values.yaml":              helmValues,
		"templates/configmap.yaml": configMap,
		"templates/cronjob.yaml":   helmCronJob,
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
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
	var got []string
	for _, f := range res.Findings {
		rel, _ := filepath.Rel(root, filepath.FromSlash(f.Path))
		got = append(got, filepath.ToSlash(rel)+":"+itoa(f.Line)+" "+f.Rule)
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{"templates/cronjob.yaml:20 list-users-endpoint", "templates/cronjob.yaml:20 list-users-deleted"} {
		if !strings.Contains(joined, want) {
			t.Errorf("findings:\n%s\nwant %q", joined, want)
		}
	}
	for _, f := range res.Findings {
		if f.Line != 20 {
			t.Errorf("unexpected finding %s:%d %s", f.Path, f.Line, f.Rule)
		}
	}
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

// TestUnrenderedHelmTemplate: a template that is not valid YAML as written
// (actions alone on their lines, unquoted {{ }} values) is read with the
// file's offsets: the ConfigMap's reference is a Base, the CronJob's curl a
// Pending on LMS_BASE_URL, and a Helm value inside the shell stays a hole.
func TestUnrenderedHelmTemplate(t *testing.T) {
	cm := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-lms\n  labels:\n" +
		"    {{- include \"hr.labels\" . | nindent 4 }}\ndata:\n" +
		"  LMS_BASE_URL: {{ .Values.lms.baseUrl | quote }}\n  LMS_COMPANY: {{ .Values.lms.company }}\n"
	found, err := yaml.Read("configmap.yaml", []byte(cm))
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Bases) != 1 || found.Bases[0].Name != "LMS_BASE_URL" || found.Bases[0].URL[0].Hole != ".Values.lms.baseUrl" {
		t.Fatalf("bases = %+v, want LMS_BASE_URL on .Values.lms.baseUrl", found.Bases)
	}
	if s := found.Bases[0].URL[0].Span; cm[s.Start:s.End] != "{{ .Values.lms.baseUrl | quote }}" {
		t.Errorf("hole span covers %q", cm[s.Start:s.End])
	}

	job := "{{- if .Values.export.enabled }}\napiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n" +
		"          containers:\n            - name: export\n              image: {{ .Values.image }}\n" +
		"              command:\n                - /bin/sh\n                - -c\n" +
		"                - curl -s \"${LMS_BASE_URL}/users?deleted=true&company={{ .Values.lms.company }}\"\n{{- end }}\n"
	found, err = yaml.Read("cronjob.yaml", []byte(job))
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Snippets) != 1 {
		t.Fatalf("snippets = %d, want the sh -c script", len(found.Snippets))
	}
	sn := found.Snippets[0]
	if i := strings.Index(sn.Text, "curl"); i < 0 || sn.Offset(i) != strings.Index(job, "curl -s") {
		t.Errorf("snippet %q not mapped onto the file's curl", sn.Text)
	}
}
