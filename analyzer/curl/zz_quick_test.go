package curl_test

import (
	"testing"
	"os"
	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/rules"
)

func TestQuick(t *testing.T) {
	for _, n := range []string{"lms-admin.http", "crlf.http"} {
	src, _ := os.ReadFile("testdata/fix/"+n)
	opt := rules.FixOptions{GroupRole: "learner", Users: map[string]string{"ada.lovelace@acme.io": "64b7f0c2a1e4d3b2c1a09f8e"}}
	res := fixFile(t, curl.ReadHTTP, n, src, opt)
	t.Logf("\n%s\n%q", res.report(), res.out)
	t.Logf("\n%s", res.out)
	checkFixed(t, curl.ReadHTTP, n, res, opt)
	}
}
