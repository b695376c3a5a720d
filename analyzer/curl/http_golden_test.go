package curl_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/internal/readertest"
)

// TestHTTPGolden reads .http and .rest request files.
func TestHTTPGolden(t *testing.T) {
	readertest.Golden(t, "testdata/http", curl.ReadHTTP)
}
