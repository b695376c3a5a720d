package rules

import (
	"strings"
	"testing"
)

func TestSuppress(t *testing.T) {
	c := mustDefault(t)
	src := strings.Join([]string{
		`#!/bin/sh`,
		`# migaudit:ignore list-users-endpoint the v1 export job is retired in March`,
		``,
		`curl "https://acme.360learning.com/api/v1/users?company=$C&apiKey=$K"`,
		`curl -X PUT "https://acme.360learning.com/api/v1/users/$ID" # migaudit:ignore update-user-endpoint,v1-credentials owned by the HR team`,
		`# migaudit:ignore list-users-endpoint`,
		`curl "https://acme.360learning.com/api/v1/users"`,
		`// migaudit:ignore remove-user-role-endpoint nothing here any more`,
		`echo done`,
		`curl "https://acme.360learning.com/api/v1/users" /* migaudit:ignore * legacy mirror */`,
		`// Prose that mentions migaudit:ignore directives is not one.`,
	}, "\n")
	at := func(line int, rule string) Finding {
		return Finding{Rule: rule, Line: line, Path: "x.sh"}
	}
	fs := []Finding{
		at(4, "list-users-endpoint"),
		at(4, "v1-credentials"), // not named: kept
		at(5, "update-user-endpoint"),
		at(5, "v1-credentials"),
		at(7, "list-users-endpoint"), // directive without reason: kept
		at(10, "list-users-endpoint"),
	}
	got := c.Suppress("x.sh", FindSuppressions([]byte(src)), fs)
	var summary []string
	for _, f := range got {
		summary = append(summary, f.Rule+"@"+itoa(f.Line))
	}
	want := "v1-credentials@4,list-users-endpoint@7,ignore-needs-reason@6,ignore-unused@8"
	if strings.Join(summary, ",") != want {
		t.Errorf("got %v\nwant %s", summary, want)
	}
	if f := got[3]; f.Column != 4 || f.Severity != Warning {
		t.Errorf("unused directive finding: %+v", f)
	}
	// A file without directives is returned as is.
	if got := c.Suppress("y.sh", FindSuppressions([]byte("curl x")), fs); len(got) != len(fs) {
		t.Errorf("no directives: %v", got)
	}
}
