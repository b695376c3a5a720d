package yaml_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/yaml"
	"github.com/migaudit/migaudit/internal/readertest"
)

func TestGolden(t *testing.T) {
	readertest.Golden(t, "testdata/golden", yaml.Read)
}
