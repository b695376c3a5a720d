package yaml_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/migaudit/migaudit/analyzer/yaml"
)

// aliasBomb is a billion-laughs document: each level names the previous one
// ten times, so expanding aliases would visit 10^levels nodes.
func aliasBomb(levels int, leaf string) string {
	var b strings.Builder
	b.WriteString("l0: &l0 " + leaf + "\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [", i, i)
		for k := 0; k < 10; k++ {
			if k > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

// mergeBomb builds mappings that each merge the previous one twice over.
func mergeBomb(levels int) string {
	var b strings.Builder
	b.WriteString("m0: &m0 {url: \"https://acme.360learning.com/api/v1/users\", method: GET}\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "m%d: &m%d\n  <<: [*m%d, *m%d]\n  a: {<<: *m%d}\n  b: {<<: *m%d}\n", i, i, i-1, i-1, i-1, i-1)
	}
	return b.String()
}

// Adversarial documents must be read quickly, without a stack overflow
// (fatal, it would kill the whole scan) or exponential work.
func TestAdversarialInput(t *testing.T) {
	cases := map[string]string{
		"alias bomb":         aliasBomb(12, `"https://acme.360learning.com/api/v1/users"`),
		"alias bomb in task": "- hosts: all\n  tasks:\n    - uri:\n        url: https://acme.360learning.com/api/v1/users\n      vars:\n" + indent(aliasBomb(12, "x"), "        "),
		"merge bomb":         mergeBomb(30),
		"deep sequences":     strings.Repeat("[", 20000) + strings.Repeat("]", 20000),
		"deep mappings":      strings.Repeat("{a: ", 20000) + "1" + strings.Repeat("}", 20000),
		"deep block mappings": func() string {
			var b strings.Builder
			for i := 0; i < 3000; i++ {
				b.WriteString(strings.Repeat(" ", i) + "k:\n")
			}
			return b.String()
		}(),
		"self-referencing var": "vars:\n  base: \"{{ base }}/api/v1\"\nurl: \"{{ base }}/users\"\n",
		"mutual vars":          "vars:\n  a: \"{{ b }}{{ b }}\"\n  b: \"{{ a }}{{ a }}\"\nurl: \"{{ a }}/api/v1/users\"\n",
		"var fan-out": func() string {
			var b strings.Builder
			b.WriteString("vars:\n  v0: https://acme.360learning.com\n")
			for i := 1; i < 40; i++ {
				fmt.Fprintf(&b, "  v%d: \"{{ v%d }}{{ v%d }}{{ v%d }}{{ v%d }}\"\n", i, i-1, i-1, i-1, i-1)
			}
			b.WriteString("tasks:\n  - uri:\n      url: \"{{ v39 }}/api/v1/users\"\n")
			return b.String()
		}(),
		"self alias": "a: &a [*a]\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, _ = yaml.Read("adversarial.yml", []byte(src)) // an error is fine; a crash or a hang is not
			if d := time.Since(start); d > 3*time.Second {
				t.Fatalf("took %v", d)
			}
		})
	}
}

func indent(s, pre string) string {
	return pre + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n"+pre) + "\n"
}
