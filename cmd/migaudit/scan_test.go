package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

func TestFailing(t *testing.T) {
	warning := &analyzer.Result{Findings: []rules.Finding{{Severity: rules.Warning}, {Severity: rules.Info}}}
	fileError := &analyzer.Result{Errors: []analyzer.FileError{{Path: "a.json", Message: "invalid JSON"}}}
	for _, tc := range []struct {
		res    *analyzer.Result
		failOn string
		want   bool
	}{
		{&analyzer.Result{}, "info", false},
		{warning, "error", false},
		{warning, "warning", true},
		{warning, "info", true},
		{warning, "never", false},
		// A file that could not be read counts as an error.
		{fileError, "error", true},
		{fileError, "info", true},
		{fileError, "never", false},
	} {
		if got := failing(tc.res, tc.failOn); got != tc.want {
			t.Errorf("failing(%d findings, %d errors, %s) = %v, want %v", len(tc.res.Findings), len(tc.res.Errors), tc.failOn, got, tc.want)
		}
	}
}

func TestLoadConfigRulesRelativeToFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "ci.yaml")
	os.WriteFile(name, []byte("rules: [extra/courses.yaml, /abs/rules.yaml]\nhosts: [lms.acme.io]\n"), 0o644)
	c, err := loadConfig(name, true)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(dir, "extra/courses.yaml"), "/abs/rules.yaml"}; !reflect.DeepEqual(c.Rules, want) {
		t.Errorf("rules = %q, want %q", c.Rules, want)
	}
}

func TestLoadConfigMissing(t *testing.T) {
	name := filepath.Join(t.TempDir(), ".migaudit.yaml")
	if c, err := loadConfig(name, false); err != nil || !reflect.DeepEqual(c, &config{}) {
		t.Errorf("missing default config: %v, %v; want no config", c, err)
	}
	if _, err := loadConfig(name, true); err == nil {
		t.Error("missing --config file: no error")
	}
}

func TestLoadConfigEmptyFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), ".migaudit.yaml")
	os.WriteFile(name, []byte("# nothing yet\n"), 0o644)
	if _, err := loadConfig(name, true); err != nil {
		t.Errorf("empty config: %v", err)
	}
}
