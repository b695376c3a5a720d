package text_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/internal/readertest"
)

func TestGolden(t *testing.T) {
	readertest.Golden(t, "testdata/golden", text.Read)
}
