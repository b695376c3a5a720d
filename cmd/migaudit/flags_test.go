package main

import (
	"flag"
	"io"
	"reflect"
	"testing"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"1048576": 1 << 20, "10MiB": 10 << 20, "10mib": 10 << 20, "512KiB": 512 << 10,
		"2k": 2 << 10, "1MB": 1e6, "1 GiB": 1 << 30, "300B": 300,
	} {
		got, err := parseSize(in)
		if err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "-1", "0", "10 parsecs", "1.5MiB", "99999999999GiB"} {
		if n, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, n)
		}
	}
}

func TestParseInterspersed(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		pos     []string
		format  string
		include []string
	}{
		{[]string{"."}, []string{"."}, "text", nil},
		{[]string{"src", "--format", "json", "docs"}, []string{"src", "docs"}, "json", nil},
		{[]string{"--include", "**/*.sh", "src", "--include=**/*.md"}, []string{"src"}, "text", []string{"**/*.sh", "**/*.md"}},
		{[]string{"src", "--", "--format", "-x"}, []string{"src", "--format", "-x"}, "text", nil},
	} {
		fs := flag.NewFlagSet("scan", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		format := fs.String("format", "text", "")
		var include repeatFlag
		fs.Var(&include, "include", "")
		pos, err := parseInterspersed(fs, tc.args)
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if !reflect.DeepEqual(pos, tc.pos) || *format != tc.format || !reflect.DeepEqual(include.items, tc.include) {
			t.Errorf("%q: got %q, format %s, include %q; want %q, %s, %q", tc.args, pos, *format, include.items, tc.pos, tc.format, tc.include)
		}
	}
}

func TestListFlagSplitsCommas(t *testing.T) {
	var l listFlag
	l.Set("lms.acme.io, *.lms.acme.io")
	l.Set("learn.example.org")
	if want := []string{"lms.acme.io", "*.lms.acme.io", "learn.example.org"}; !reflect.DeepEqual(l.items, want) {
		t.Errorf("got %q, want %q", l.items, want)
	}
}

func TestCloseMatches(t *testing.T) {
	c, err := loadCatalog(nil)
	if err != nil {
		t.Fatal(err)
	}
	got := closeMatches("list-users-delted", c.Rules())
	if len(got) == 0 || got[0] != "list-users-deleted" {
		t.Errorf("closeMatches(list-users-delted) = %q", got)
	}
	if got := closeMatches("zzzzzzzzzzzzzzzzzzzzzzzzzz", c.Rules()); len(got) != 0 {
		t.Errorf("closeMatches(zzz…) = %q, want none", got)
	}
}
