package curl_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/migaudit/migaudit/analyzer/curl"
)

// nestedFuncs declares levels functions, each inside the previous one, each
// calling curl with its caller's "$@" and called from sites places.
func nestedFuncs(levels, sites int) string {
	var b strings.Builder
	for i := 0; i < levels; i++ {
		fmt.Fprintf(&b, "f%d() {\n curl \"https://acme.360learning.com$@\"\n", i)
	}
	b.WriteString(strings.Repeat("}\n", levels))
	for i := 0; i < levels; i++ {
		for k := 0; k < sites; k++ {
			fmt.Fprintf(&b, "f%d /api/v1/users/%d\n", i, k)
		}
	}
	return b.String()
}

// Adversarial scripts must be read quickly, without a stack overflow
// (fatal, it would kill the whole scan) or exponential work.
func TestAdversarialScripts(t *testing.T) {
	cases := map[string]string{
		"nested functions":    nestedFuncs(16, 8),
		"recursive function":  "get() {\n  curl \"https://acme.360learning.com/api/v1/$1\"\n  get \"$1/x\"\n}\nget users\n",
		"mutual functions":    "a() { curl \"$HOST$1\"; b \"$1$1\"; }\nb() { curl \"$HOST$1\"; a \"$1$1\"; }\nHOST=https://acme.360learning.com\na /api/v1/users\n",
		"self variable":       "U=\"$U/api/v1\"\nU=\"${U:-https://acme.360learning.com}$U\"\ncurl \"$U/users\"\n",
		"mutual variables":    "A=\"$B$B\"\nB=\"$A$A\"\ncurl \"$A/api/v1/users\"\n",
		"doubling variables":  doubling(60),
		"nested substitution": "curl \"https://acme.360learning.com/api/v1/users/" + strings.Repeat("$(echo ", 2000) + "x" + strings.Repeat(")", 2000) + "\"\n",
		"nested subshells":    strings.Repeat("(", 5000) + "curl https://acme.360learning.com/api/v1/users" + strings.Repeat(")", 5000) + "\n",
		"nested braces":       strings.Repeat("{ ", 5000) + "curl https://acme.360learning.com/api/v1/users;" + strings.Repeat(" }", 5000) + "\n",
		"nested ifs":          strings.Repeat("if true; then ", 3000) + "curl https://acme.360learning.com/api/v1/users;" + strings.Repeat(" fi;", 3000) + "\n",
		"nested params":       "curl \"https://acme.360learning.com/api/v1/users/" + strings.Repeat("${X:-", 3000) + "x" + strings.Repeat("}", 3000) + "\"\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, _ = curl.Read("ops.sh", []byte(src)) // an error is fine; a crash or a hang is not
			if d := time.Since(start); d > 3*time.Second {
				t.Fatalf("took %v", d)
			}
		})
	}
}

// doubling builds V1=$V0$V0, V2=$V1$V1, …: 2^n bytes if fully expanded.
func doubling(n int) string {
	var b strings.Builder
	b.WriteString("V0=https://acme.360learning.com\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "V%d=\"$V%d$V%d\"\n", i, i-1, i-1)
	}
	fmt.Fprintf(&b, "curl \"$V%d/api/v1/users\"\n", n)
	return b.String()
}

// Each .http variable referencing the previous one ten times would expand
// to 10^8 copies of the host.
func TestHTTPVariableFanOut(t *testing.T) {
	var b strings.Builder
	b.WriteString("@v0 = https://acme.360learning.com\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "@v%d = %s\n", i, strings.Repeat(fmt.Sprintf("{{v%d}}", i-1), 10))
	}
	b.WriteString("\nGET {{v8}}/api/v1/users\n\n###\nGET {{v1}}/api/v1/groups\n")
	start := time.Now()
	found, err := curl.ReadHTTP("hr.http", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("took %v", d)
	}
	if len(found.Calls) != 2 {
		t.Fatalf("got %d calls, want 2", len(found.Calls))
	}
	if got := found.Calls[1].URL[0].Lit; got != strings.Repeat("https://acme.360learning.com", 10) {
		t.Errorf("small expansions must still happen: %q", got)
	}
}
