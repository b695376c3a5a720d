package postman_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/postman"
	"github.com/migaudit/migaudit/internal/readertest"
)

func TestGolden(t *testing.T) {
	readertest.Golden(t, "testdata/golden", postman.Read)
}
