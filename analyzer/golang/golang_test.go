//go:build analysistest

// The analysistest tests need golang.org/x/mod and golang.org/x/sync in
// go.sum (go get golang.org/x/tools/go/analysis/analysistest@v0.52.0);
// until then run them with -tags analysistest and a -modfile that has them.

package golang_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/migaudit/migaudit/analyzer/golang"
)

var testPackages = []string{"acme/lms", "acme/hrsync", "acme/offboard", "acme/server", "acme/restysync"}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), golang.Analyzer, testPackages...)
}
