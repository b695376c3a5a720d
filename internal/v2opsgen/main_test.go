package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// The committed table must be what the generator makes of the reference.
func TestTableIsUpToDate(t *testing.T) {
	spec := filepath.Join("..", "..", "..", "shared", "spec", "360learning-v2-core-api.json")
	if _, err := os.Stat(spec); err != nil {
		t.Skipf("v2 reference not found at %s", spec)
	}
	ops, err := generate(spec)
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 128 {
		t.Errorf("%d operations; the reference has 128", len(ops))
	}
	want, err := json.MarshalIndent(ops, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "rules", "v2ops.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		t.Error("rules/v2ops.json is stale: run go generate ./rules")
	}
}

func TestShortID(t *testing.T) {
	if got := shortID("v2.users.UpdateUserController_updateUser"); got != "updateUser" {
		t.Errorf("shortID = %q", got)
	}
}
