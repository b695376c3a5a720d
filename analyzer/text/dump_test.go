package text_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
)

func TestDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(f)
	found, err := text.Read(f, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range found.Calls {
		fmt.Printf("CALL %s %q params=%v\n", c.Method, c.URLText(), names(c.Params))
	}
	for _, p := range found.Pending {
		fmt.Printf("PENDING base=%q %s %q params=%v\n", p.Base, p.Call.Method, p.Call.URLText(), names(p.Call.Params))
	}
	for _, b := range found.Bases {
		fmt.Printf("BASE %q %v\n", b.Name, b.URL)
		_ = b
	}
}

func names(ps interface{}) string { return fmt.Sprint(ps) }
