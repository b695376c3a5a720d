package golang_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/migaudit/migaudit/analyzer/golang"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), golang.Analyzer, "acme/lms")
}
