package text_test

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
)

// Deeply nested parentheses around a concatenation (generated or minified
// code) must not recurse once per level: a stack overflow kills the scan.
func TestDeepParenthesesDoNotRecurse(t *testing.T) {
	// a small stack makes an unbounded recursion fail here, not in the field
	defer debug.SetMaxStack(debug.SetMaxStack(16 << 20))
	const depth = 200_000
	src := "const u = 'https://acme.360learning.com/api/v1/users/' + " +
		strings.Repeat("(", depth) + "id + '/x'" + strings.Repeat(")", depth) + ";\n"
	found, err := text.Read("deep.js", []byte(src))
	if err != nil {
		t.Logf("error (acceptable): %v", err)
		return
	}
	if len(found.Calls) > 1 {
		t.Errorf("calls: %+v", found.Calls)
	}
}
