package curl_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/internal/readertest"
)

// TestMakefileGolden reads Makefiles' recipes.
func TestMakefileGolden(t *testing.T) {
	readertest.Golden(t, "testdata/makefile", curl.ReadMakefile)
}
