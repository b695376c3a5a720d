package yaml_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/yaml"
)

// BenchmarkReadPlaybook reads a 5,000-task playbook (about 2 MB).
func BenchmarkReadPlaybook(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("- hosts: all\n  vars:\n    lms_base: https://acme.360learning.com/api/v1\n  tasks:\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&sb, `    - name: task %d
      ansible.builtin.uri:
        url: "{{ lms_base }}/users/{{ item }}/pseudonymize?company={{ c }}&apiKey={{ k }}"
        method: PUT
        body_format: json
        body: {group_id: "{{ g }}", note: "step %d"}
      loop: "{{ users }}"
    - name: script %d
      ansible.builtin.shell: |
        curl -sf "https://acme.360learning.com/api/v1/users?company=$C&apiKey=$K" > /tmp/u%d.json
`, i, i, i, i)
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		f, err := yaml.Read("big.yml", src)
		if err != nil || len(f.Calls) != 5000 || len(f.Snippets) != 5000 {
			b.Fatalf("err %v, %d calls, %d snippets", err, len(f.Calls), len(f.Snippets))
		}
	}
}
