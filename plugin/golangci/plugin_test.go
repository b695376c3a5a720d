package golangci_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/migaudit/migaudit/plugin/golangci"
)

// acmeSettings are settings as golangci-lint passes them from .golangci.yml:
// a map decoded from YAML.
var acmeSettings = map[string]any{
	"hosts": []any{"lms.acme.io"},
	"rules": []any{"testdata/rules/create-user.yaml"},
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("migaudit")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}

func TestNewValidSettings(t *testing.T) {
	for _, settings := range []any{
		nil,
		map[string]any{},
		map[string]any{"hosts": []any{"lms.acme.io", " *.lms.acme.io "}},
		acmeSettings,
	} {
		p, err := golangci.New(settings)
		if err != nil {
			t.Errorf("New(%v): %v", settings, err)
			continue
		}
		as, err := p.BuildAnalyzers()
		if err != nil || len(as) != 1 || as[0].Name != "migaudit" {
			t.Errorf("New(%v).BuildAnalyzers() = %v, %v; want the migaudit analyzer", settings, as, err)
		}
	}
}

func TestNewInvalidSettings(t *testing.T) {
	for _, tc := range []struct {
		settings any
		want     string // in the error text
	}{
		{map[string]any{"host": []any{"lms.acme.io"}}, `unknown field "host"`},
		{map[string]any{"hosts": "lms.acme.io"}, "decoding settings"},
		{map[string]any{"hosts": []any{"lms.acme.io", ""}}, "hosts[1] is empty"},
		{map[string]any{"hosts": []any{"lms[.acme.io"}}, `hosts[0] "lms[.acme.io" is not a valid pattern`},
		{map[string]any{"rules": []any{"testdata/rules/missing.yaml"}}, "rules file testdata/rules/missing.yaml"},
		{map[string]any{"rules": []any{"testdata/rules/broken.yaml"}}, "rulez"},
		{[]any{"lms.acme.io"}, "decoding settings"},
	} {
		p, err := golangci.New(tc.settings)
		if err == nil {
			t.Errorf("New(%v) = %v, want an error", tc.settings, p)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%v) error %q does not say %q", tc.settings, err, tc.want)
		}
	}
}

// analyzer returns the one analyzer the plugin builds from settings.
func analyzer(t *testing.T, settings any) *analysis.Analyzer {
	t.Helper()
	p, err := golangci.New(settings)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 {
		t.Fatalf("BuildAnalyzers() = %v, %v", as, err)
	}
	return as[0]
}

// TestSettingsApplied runs the built analyzer on a client of a 360Learning
// platform served from a custom host, with a rule file for createUser.
func TestSettingsApplied(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer(t, acmeSettings), "intranet/lmssync")
}

// TestDefaultSettingsMissCustomHost checks the test above is meaningful:
// without the settings, the calls to lms.acme.io are not reported.
func TestDefaultSettingsMissCustomHost(t *testing.T) {
	rec := &recorder{}
	analysistest.Run(rec, analysistest.TestData(), analyzer(t, nil), "intranet/lmssync")
	missing := 0
	for _, e := range rec.errors {
		switch {
		case strings.Contains(e, "no diagnostic was reported matching"):
			missing++
		default:
			t.Errorf("unexpected test error: %s", e)
		}
	}
	if missing != 4 {
		t.Errorf("%d expected diagnostics missing without settings, want all 4:\n%s", missing, strings.Join(rec.errors, "\n"))
	}
}

// recorder is an analysistest.Testing that keeps the errors.
type recorder struct{ errors []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
