package curl_test

import (
	"testing"
	"os"
	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/rules"
)

func TestQuick(t *testing.T) {
	src, _ := os.ReadFile("testdata/golden/guide_examples.sh")
	res := fixFile(t, curl.Read, "g.sh", src, rules.FixOptions{GroupRole: "learner"})
	t.Logf("\n%s\n%s", res.report(), res.out)
	checkFixed(t, curl.Read, "g.sh", res, rules.FixOptions{GroupRole: "learner"})
}
