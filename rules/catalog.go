package rules

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:generate go run ../internal/v2opsgen -spec ../../shared/spec/360learning-v2-core-api.json -out v2ops.json

//go:embed catalog/*.yaml
var catalogFS embed.FS

//go:embed v2ops.json
var v2opsJSON []byte

// Severity ranks findings.
type Severity string

// The severities, from most to least severe.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: error 3, warning 2, info 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Endpoint is a method and a path template.
type Endpoint struct {
	Name   string `yaml:"name" json:"name,omitempty"`
	Method string `yaml:"method" json:"method"`
	Path   string `yaml:"path" json:"path"`
}

// Rule is one change a migration guide lists.
type Rule struct {
	ID       string   `yaml:"id" json:"id"`
	Kind     string   `yaml:"kind" json:"kind"`
	Severity Severity `yaml:"severity" json:"severity"`
	Title    string   `yaml:"title" json:"title"`
	// Short is the phrase a finding about the whole call uses for this rule.
	Short string `yaml:"short" json:"short,omitempty"`
	// Text says in full what changes and what to do.
	Text string `yaml:"text" json:"text"`

	Param      string   `yaml:"param" json:"param,omitempty"`
	Params     []string `yaml:"params" json:"params,omitempty"`
	V2Param    string   `yaml:"v2param" json:"v2param,omitempty"`
	In         Location `yaml:"in" json:"in,omitempty"`
	From       string   `yaml:"from" json:"from,omitempty"`
	To         string   `yaml:"to" json:"to,omitempty"`
	Code       string   `yaml:"code" json:"code,omitempty"`
	Status     int      `yaml:"status" json:"status,omitempty"`
	Property   string   `yaml:"property" json:"property,omitempty"`
	Properties []string `yaml:"properties" json:"properties,omitempty"`
	Header     string   `yaml:"header" json:"header,omitempty"`
	Value      string   `yaml:"value" json:"value,omitempty"`
	PageSize   int      `yaml:"pageSize" json:"pageSize,omitempty"`

	// Operation is the operation the rule belongs to; nil for common rules.
	Operation *Operation `yaml:"-" json:"-"`
	// Guide is the title of the guide the rule comes from.
	Guide string `yaml:"-" json:"guide"`
	// Source names the catalog file the rule was loaded from.
	Source string `yaml:"-" json:"source"`
}

// The kinds of rule a catalog file may use.
var ruleKinds = map[string]bool{
	"endpoint": true, "method": true, "identifier": true, "path-added": true,
	"param-removed": true, "param-moved": true, "param-modified": true, "param-added": true,
	"response": true, "property-removed": true, "property-renamed": true, "property-added": true,
	"header-added": true, "error-removed": true, "error-added": true,
	"pagination": true, "behaviour": true,
	"auth": true, "header-required": true, "unmapped": true, "suppression": true,
}

// Operation is a v1 operation a guide maps to v2, with the guide's rules.
type Operation struct {
	Name      string   `yaml:"operation"`
	Guide     string   `yaml:"guide"`
	GuideFile string   `yaml:"guideFile"`
	V1        Endpoint `yaml:"v1"`
	V2        Endpoint `yaml:"v2"`
	Rules     []*Rule  `yaml:"rules"`

	segments []string
}

// Rule returns the operation's first rule of the given kind, or nil.
func (op *Operation) Rule(kind string) *Rule {
	for _, r := range op.Rules {
		if r.Kind == kind {
			return r
		}
	}
	return nil
}

// V2Operation is one operation of the official v2 reference, as generated
// into v2ops.json by internal/v2opsgen.
type V2Operation struct {
	Method  string    `json:"method"`
	Path    string    `json:"path"`
	Name    string    `json:"name"`
	ID      string    `json:"id"`
	Params  []V2Param `json:"params,omitempty"`
	Body    []string  `json:"body,omitempty"`
	Headers []string  `json:"headers,omitempty"`
	Bearer  bool      `json:"bearer,omitempty"`
}

// V2Param is a parameter of a v2 operation.
type V2Param struct {
	Name     string   `json:"name"`
	In       string   `json:"in"`
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	Keys     []string `json:"keys,omitempty"`
}

// catalogFile is the shape of one catalog file.
type catalogFile struct {
	Operation `yaml:",inline"`
	Resources map[string]string `yaml:"resources"`
}

// Catalog is the loaded set of rules.
type Catalog struct {
	Operations []*Operation
	// Common rules apply to every v1 call (credentials, version header,
	// endpoints no guide covers).
	Common []*Rule
	// Resources maps first path segments under /api/v1/ known to belong to
	// 360Learning to the v2 resource that replaces them.
	Resources map[string]string
	// V2 is the table of v2 operations from the official reference.
	V2 []V2Operation

	byID map[string]*Rule
}

// Default loads the embedded catalog.
func Default() (*Catalog, error) {
	c := &Catalog{Resources: map[string]string{}, byID: map[string]*Rule{}}
	if err := json.Unmarshal(v2opsJSON, &c.V2); err != nil {
		return nil, fmt.Errorf("embedded v2ops.json: %v", err)
	}
	names, err := fs.Glob(catalogFS, "catalog/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := catalogFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if err := c.add(path.Base(name), data); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// LoadFile adds the rules of a user's catalog file, in the embedded format.
func (c *Catalog) LoadFile(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	return c.add(name, data)
}

func (c *Catalog) add(source string, data []byte) error {
	var f catalogFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("%s: %v", source, err)
	}
	op := &f.Operation
	if len(op.Rules) == 0 && len(f.Resources) == 0 {
		return fmt.Errorf("%s: no rules", source)
	}
	if op.V1.Path != "" {
		if op.Name == "" {
			return fmt.Errorf("%s: operation has a v1 path but no name", source)
		}
		if !strings.HasPrefix(op.V1.Path, "/api/v1/") && op.V1.Path != "/api/v1" {
			return fmt.Errorf("%s: v1 path %q is not under /api/v1/", source, op.V1.Path)
		}
		op.V1.Method = strings.ToUpper(op.V1.Method)
		op.V2.Method = strings.ToUpper(op.V2.Method)
		if op.V1.Method == "" || op.V2.Method == "" || op.V2.Path == "" {
			return fmt.Errorf("%s: operation %s needs v1 and v2 methods and a v2 path", source, op.Name)
		}
		op.segments = splitPath(strings.TrimPrefix(op.V1.Path, "/api/v1"))
		for _, other := range c.Operations {
			if other.V1.Method == op.V1.Method && other.V1.Path == op.V1.Path {
				return fmt.Errorf("%s: %s %s is already the operation %s", source, op.V1.Method, op.V1.Path, other.Name)
			}
		}
	}
	for i, r := range op.Rules {
		switch {
		case r.ID == "":
			return fmt.Errorf("%s: rule %d has no id", source, i+1)
		case c.byID[r.ID] != nil:
			return fmt.Errorf("%s: rule id %s is already defined in %s", source, r.ID, c.byID[r.ID].Source)
		case !ruleKinds[r.Kind]:
			return fmt.Errorf("%s: rule %s: unknown kind %q", source, r.ID, r.Kind)
		case r.Severity.Rank() == 0:
			return fmt.Errorf("%s: rule %s: severity must be error, warning or info, not %q", source, r.ID, r.Severity)
		case r.Title == "":
			return fmt.Errorf("%s: rule %s has no title", source, r.ID)
		}
		r.Guide, r.Source = op.Guide, source
		if op.V1.Path != "" {
			r.Operation = op
		}
		c.byID[r.ID] = r
	}
	if op.V1.Path != "" {
		if op.Rule("endpoint") == nil {
			return fmt.Errorf("%s: operation %s has no endpoint rule", source, op.Name)
		}
		c.Operations = append(c.Operations, op)
	} else {
		c.Common = append(c.Common, op.Rules...)
	}
	for k, v := range f.Resources {
		c.Resources[k] = v
	}
	return nil
}

// Rule returns the rule with the given ID, or nil.
func (c *Catalog) Rule(id string) *Rule { return c.byID[id] }

// Rules returns every rule, operation by operation, then the common ones.
func (c *Catalog) Rules() []*Rule {
	var all []*Rule
	for _, op := range c.Operations {
		all = append(all, op.Rules...)
	}
	return append(all, c.Common...)
}

// commonRule returns the common rule of the given kind, or nil.
func (c *Catalog) commonRule(kind string) *Rule {
	for _, r := range c.Common {
		if r.Kind == kind {
			return r
		}
	}
	return nil
}

// V2Op returns the v2 operation with the given method and path template, or nil.
func (c *Catalog) V2Op(method, path string) *V2Operation {
	for i := range c.V2 {
		if c.V2[i].Method == method && c.V2[i].Path == path {
			return &c.V2[i]
		}
	}
	return nil
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}
