package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"
)

// defaultConfig is the config file scan reads from the current directory
// when it is there and --config is not given.
const defaultConfig = ".migaudit.yaml"

// config is the shape of .migaudit.yaml. Flags override its scalars and add
// to its lists.
type config struct {
	Hosts   []string `yaml:"hosts"`
	Include []string `yaml:"include"`
	Exclude []string `yaml:"exclude"`
	// Rules are extra rule files, relative to the config file's directory.
	Rules  []string `yaml:"rules"`
	FailOn string   `yaml:"failOn"`
	Format string   `yaml:"format"`
}

// loadConfig reads a config file. With explicit false, a missing file is
// no config rather than an error.
func loadConfig(name string, explicit bool) (*config, error) {
	data, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) && !explicit {
		return &config{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config %s: %v", name, cleanErr(err))
	}
	var c config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && err != io.EOF {
		return nil, fmt.Errorf("config %s: %v", name, yamlError(err))
	}
	var extra any
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, fmt.Errorf("config %s: holds more than one YAML document", name)
	}
	if c.FailOn != "" && !contains(failOnChoices, c.FailOn) {
		return nil, fmt.Errorf("config %s: failOn must be one of %v, not %q", name, failOnChoices, c.FailOn)
	}
	if c.Format != "" && !contains(formatChoices, c.Format) {
		return nil, fmt.Errorf("config %s: format must be one of %v, not %q", name, formatChoices, c.Format)
	}
	for _, g := range concat(c.Include, c.Exclude) {
		if !doublestar.ValidatePattern(g) {
			return nil, fmt.Errorf("config %s: invalid glob %q", name, g)
		}
	}
	dir := filepath.Dir(name)
	for i, r := range c.Rules {
		if !filepath.IsAbs(r) {
			c.Rules[i] = filepath.Join(dir, r)
		}
	}
	return &c, nil
}

var unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)

// configKeys lists the keys a config file may hold, for error messages.
const configKeys = "hosts, include, exclude, rules, failOn, format"

// yamlError puts a YAML decoding error on one line, naming unknown keys as
// such.
func yamlError(err error) string {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return err.Error()
	}
	msgs := make([]string, len(te.Errors))
	for i, m := range te.Errors {
		msgs[i] = unknownField.ReplaceAllString(m, "unknown key $1 (the keys are "+configKeys+")")
	}
	return strings.Join(msgs, "; ")
}

// cleanErr drops the operation and path from file system errors whose
// message already names the file.
func cleanErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
