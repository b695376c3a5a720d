package yaml_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/yaml"
)

func TestInvalidYAMLLine(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a: 1\nb:\n  c: 2\n d: 3\n", "invalid YAML: line 4: did not find expected key"},
		{"list: [1,\n  2]\nkey: \"unclosed\nnext: 1\n", "invalid YAML: line 3: found unexpected end of stream"},
		{"a: 1\n\tb: 2\n", "invalid YAML: line 2: found a tab character that violates indentation"},
		{"ok: 1\n---\nx: [a, b\ny: 2\n", "invalid YAML: line 3: did not find expected ',' or ']'"},
	}
	for _, tt := range tests {
		_, err := yaml.Read("bad.yml", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: err = %v, want %s", tt.src, err, tt.want)
		}
	}
}
