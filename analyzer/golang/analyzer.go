package golang

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/migaudit/migaudit/rules"
)

// Doc is the analyzer's documentation: a title line, then the details.
const Doc = `report 360Learning API v1 calls and what their v2 migration needs

The migaudit analyzer finds HTTP requests to the 360Learning REST API v1
(net/http, go-resty, and helper methods that build requests from a base URL
and a path), following URLs through constants, variables, struct fields and
helpers across packages, and reports each change the v1→v2 migration guides
ask for.

It suggests one fix per call, carrying out the migration plan of the rules
(rules.Catalog.Plan) whole: the v2 path and method, the v1 credentials and
removed parameters gone, the 360-api-version header added. A call a person
must change (a user given by mail without -user-map, a role not given with
-group-role, a removed parameter whose intent moves to another endpoint, a
response read in its v1 shape, no bearer token sent yet) gets no fix.`

// Config configures an analyzer made by New.
type Config struct {
	// Catalog is the rule catalog; nil means the embedded default catalog.
	Catalog *rules.Catalog
	// Hosts are more 360Learning host patterns, as rules.Options.Hosts.
	Hosts []string
	// Fix holds the answers fixes need (user map, group role); the
	// -user-map and -group-role flags set them too.
	Fix rules.FixOptions
}

// Analyzer reports 360Learning API v1 calls with the embedded catalog. Its
// -hosts flag adds host patterns (comma-separated) that serve 360Learning's
// API; -user-map FILE (a saved List all users response, or a CSV of
// mail,id rows) lets fixes put users' IDs where v1 took their mail, and
// -group-role ROLE names the role Remove a user's role withdraws.
var Analyzer = New(Config{})

// New returns an analyzer named migaudit that checks calls with cfg's
// catalog and hosts. The -hosts flag adds to cfg.Hosts.
func New(cfg Config) *analysis.Analyzer {
	s := &settings{catalog: cfg.Catalog, hosts: append([]string(nil), cfg.Hosts...), fix: cfg.Fix}
	a := &analysis.Analyzer{
		Name:     "migaudit",
		Doc:      Doc,
		URL:      "https://pkg.go.dev/github.com/migaudit/migaudit/analyzer/golang",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      s.run,
		// The result is the package's findings as the rules make them,
		// with their fixes, for drivers that report them as migaudit
		// does for every other format (scan --format json, SARIF, …).
		ResultType: reflect.TypeFor[[]rules.Finding](),
		FactTypes: []analysis.Fact{
			new(helperFact),
			new(baseFact),
		},
	}
	a.Flags.Var((*hostList)(&s.hosts), "hosts", "comma-separated host patterns (path.Match syntax) that also serve 360Learning's API")
	a.Flags.StringVar(&s.userMap, "user-map", "", "`file` mapping users' mails to their IDs: a saved List all users response (JSON) or a CSV of mail,id rows")
	a.Flags.StringVar(&s.fix.GroupRole, "group-role", s.fix.GroupRole, "the `role` Remove a user's role withdraws in the fixes (v1 deleteUserFromGroup named none)")
	return a
}

// settings are an analyzer's configuration, read by every pass.
type settings struct {
	mu      sync.Mutex
	catalog *rules.Catalog
	hosts   []string
	fix     rules.FixOptions
	// userMap is the -user-map file, read once into fix.Users.
	userMap    string
	userMapErr error
	loaded     bool
}

// setup returns the catalog (loading the default one once), the options
// and the fix options (reading the user map once).
func (s *settings) setup() (*rules.Catalog, *rules.Options, rules.FixOptions, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.catalog == nil {
		c, err := rules.Default()
		if err != nil {
			return nil, nil, rules.FixOptions{}, fmt.Errorf("loading the rule catalog: %v", err)
		}
		s.catalog = c
	}
	if !s.loaded {
		s.loaded = true
		if s.userMap != "" {
			users, err := LoadUserMap(s.userMap)
			if err != nil {
				s.userMapErr = err
			}
			s.fix.Users = users
		}
	}
	if s.userMapErr != nil {
		return nil, nil, rules.FixOptions{}, s.userMapErr
	}
	return s.catalog, &rules.Options{Hosts: append([]string(nil), s.hosts...)}, s.fix, nil
}

func (s *settings) run(pass *analysis.Pass) (any, error) {
	cat, opt, fix, err := s.setup()
	if err != nil {
		return nil, err
	}
	c := newChecker(pass, cat, opt)
	c.fixOpt = fix
	c.run()
	return c.findings, nil
}

// hostList is a flag.Value holding comma-separated host patterns.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*h = append(*h, p)
		}
	}
	return nil
}
