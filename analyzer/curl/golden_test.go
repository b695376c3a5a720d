package curl_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/internal/readertest"
)

func TestGolden(t *testing.T) {
	readertest.Golden(t, "testdata/golden", curl.Read)
}
