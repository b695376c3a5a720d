package yaml

import (
	"bytes"
	"io"
	"testing"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rewrite"
	"github.com/migaudit/migaudit/rules"
)

// loadsAll reports whether every document of src loads.
func loadsAll(src []byte) bool {
	dec := yamlv3.NewDecoder(bytes.NewReader(src))
	for {
		var n yamlv3.Node
		err := dec.Decode(&n)
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// FuzzFix checks that fixing a uri task never fails inside, that its edits
// apply without overlapping, and that a file that loaded still loads.
func FuzzFix(f *testing.F) {
	for _, s := range []string{
		"- uri:\n    url: https://acme.360learning.com/api/v1/users/{{ user_id }}/pseudonymize?apiKey=k\n    method: PUT\n",
		"- uri: {url: \"https://acme.360learning.com/api/v1/users/{{ id }}\", method: PUT, body: {apiKey: k, lastName: x}}\n",
		"- uri:\n    url: 'https://acme.360learning.com/api/v1/groups/g/users/{{ uid }}'\n    method: DELETE\n    body_format: form-urlencoded\n    body: \"company=c&apiKey=k\"\n    headers: {}\n",
		"- uri:\n    url: https://acme.360learning.com/api/v1/users/{{ user_id }}\n    method: PUT\n    body: |\n      {\"apiKey\": \"k\",\n       \"lastName\": \"x\"}\n    headers:\n      Accept: x\n",
		"- args:\n    url: https://acme.360learning.com/api/v1/users\n  uri:\r\n",
	} {
		f.Add([]byte(s))
	}
	cat, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	opt := rules.FixOptions{GroupRole: "learner", Users: map[string]string{"ada@acme.io": "64b7f0c2a1e4d3b2c1a09f8e"}}
	f.Fuzz(func(t *testing.T, src []byte) {
		found, err := Read("f.yml", src)
		if err != nil || found == nil {
			return
		}
		for i := range found.Calls {
			c := &found.Calls[i]
			if c.Fixer == nil {
				continue
			}
			p, err := cat.Plan(c, src, opt)
			if err != nil {
				continue
			}
			edits, err := c.Fixer.Fix(p)
			if err != nil {
				continue
			}
			out, err := rewrite.Apply(src, edits)
			if err != nil {
				t.Fatalf("%q: %v", src, err)
			}
			if loadsAll(src) && !loadsAll(out) {
				t.Fatalf("the fix breaks the YAML:\n%q\nbecame\n%q", src, out)
			}
		}
	})
}
