package golangci

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/migaudit/migaudit/analyzer/golang"
	"github.com/migaudit/migaudit/rules"
)

// Name is the linter's name in golangci-lint's configuration.
const Name = "migaudit"

func init() {
	register.Plugin(Name, New)
}

// Settings are the linter's settings in .golangci.yml
// (linters.settings.custom.migaudit.settings). Unknown keys are an error.
type Settings struct {
	// Hosts are more host patterns (path.Match syntax, such as lms.acme.io
	// or *.lms.acme.io) that serve 360Learning's API besides
	// *.360learning.com and *.360learning-dev.com.
	Hosts []string `json:"hosts"`
	// Rules are catalog files, in the embedded catalog's format, whose
	// rules are added to the embedded ones. Relative names are resolved
	// from golangci-lint's working directory.
	Rules []string `json:"rules"`
}

// Plugin is the migaudit linter configured from its Settings.
type Plugin struct {
	cfg golang.Config
}

// New decodes settings (as golangci-lint passes them: nil or a map from
// .golangci.yml), checks the host patterns and loads the rule files.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("migaudit settings: %w", err)
	}
	hosts, err := checkHosts(s.Hosts)
	if err != nil {
		return nil, fmt.Errorf("migaudit settings: %w", err)
	}
	cfg := golang.Config{Hosts: hosts}
	if len(s.Rules) > 0 {
		cat, err := rules.Default()
		if err != nil {
			return nil, fmt.Errorf("migaudit: loading the rule catalog: %v", err)
		}
		for _, name := range s.Rules {
			if err := cat.LoadFile(name); err != nil {
				return nil, fmt.Errorf("migaudit settings: rules file %s: %w", name, err)
			}
		}
		cfg.Catalog = cat
	}
	return &Plugin{cfg: cfg}, nil
}

// checkHosts trims the patterns and rejects empty or malformed ones.
func checkHosts(patterns []string) ([]string, error) {
	var hosts []string
	for i, p := range patterns {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil, fmt.Errorf("hosts[%d] is empty", i)
		}
		if _, err := path.Match(p, ""); errors.Is(err, path.ErrBadPattern) {
			return nil, fmt.Errorf("hosts[%d] %q is not a valid pattern (path.Match syntax)", i, p)
		}
		hosts = append(hosts, p)
	}
	return hosts, nil
}

// BuildAnalyzers returns migaudit's Go pass configured with the settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{golang.New(p.cfg)}, nil
}

// GetLoadMode returns register.LoadModeTypesInfo: the pass uses types.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
