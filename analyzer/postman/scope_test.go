package postman

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Folders that each define a variable under a collection defining many used
// to copy every variable into each folder: time quadratic in the file's
// size (a 1.3 MB collection took 37 s).
func TestManyFoldersWithVariables(t *testing.T) {
	var vars []string
	for i := 0; i < 20000; i++ {
		vars = append(vars, fmt.Sprintf(`{"key":"v%d","value":"x"}`, i))
	}
	root := `{"info": {}, "variable": [` + strings.Join(vars, ",") + `], "item": [`
	folder := `{"variable":[{"key":"host","value":"https://acme.360learning.com"}],"request":{"method":"GET","url":"{{host}}/api/v1/users` + strings.Repeat("{{nope}}", 50) + `"}`
	inputs := map[string]string{
		"wide": root + strings.Repeat(folder+`},`, 20000) + `{}]}`,
		"deep": root + strings.Repeat(folder+`,"item": [`, 1000) + strings.Repeat(`]}`, 1000) + `]}`,
	}
	for name, src := range inputs {
		start := time.Now()
		found, err := Read("hr-sync.postman_collection.json", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s: %d bytes read in %v", name, len(src), d)
		}
		if len(found.Calls) == 0 || !strings.HasPrefix(found.Calls[0].URL[0].Lit, "https://acme.360learning.com") {
			t.Errorf("%s: the folder variable is not substituted: %+v", name, found.Calls[:1])
		}
	}
}

// The nearest level defining a variable wins, and a folder's variables do
// not leak to its siblings.
func TestVariableScopes(t *testing.T) {
	src := `{"info": {}, "variable": [{"key": "host", "value": "https://app.360learning.com"}],
	"item": [
	  {"name": "acme", "variable": [{"key": "host", "value": "https://acme.360learning.com"}, {"key": "off", "value": "x", "disabled": true}],
	   "item": [{"request": {"url": "{{host}}/api/v1/users{{off}}"}}]},
	  {"request": {"url": "{{host}}/api/v1/groups"}}
	]}`
	found, err := Read("c.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range found.Calls {
		var b strings.Builder
		for _, p := range c.URL {
			b.WriteString(p.Lit)
		}
		got = append(got, b.String())
	}
	want := "https://acme.360learning.com/api/v1/users{{off}} https://app.360learning.com/api/v1/groups"
	if strings.Join(got, " ") != want {
		t.Fatalf("urls %q, want %q", got, want)
	}
}
