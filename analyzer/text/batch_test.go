package text_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/internal/readertest"
)

// In Windows batch scripts, REM and :: lines are comments: a URL quoted
// there documents something and is no call; the commands around them are.
func TestBatchCommentsAreNotCalls(t *testing.T) {
	src := "@echo off\r\n" +
		"REM Old doc: https://app.360learning.com/api/v1/users\r\n" +
		"  @rem see https://acme.360learning.com/api/v1/groups/42/users\r\n" +
		":: curl -X DELETE https://acme.360learning.com/api/v1/users/x\r\n" +
		"rem:https://acme.360learning.com/api/v1/users\r\n" +
		"curl.exe -s -X GET \"https://acme.360learning.com/api/v1/users?company=%C%&apiKey=%K%\"\r\n" +
		"echo REMOTE https://acme.360learning.com/api/v1/groups\r\n"
	for _, name := range []string{"purge.cmd", "tools\\PURGE.BAT"} {
		fs, err := readertest.Findings(t, text.Read, name, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		lines := map[int]bool{}
		for _, f := range fs {
			lines[f.Line] = true
		}
		if len(lines) != 2 || !lines[6] || !lines[7] {
			t.Errorf("%s: findings on lines %v, want 6 and 7: %+v", name, lines, fs)
		}
	}
	// the same text in a file of no known kind keeps every URL
	fs, err := readertest.Findings(t, text.Read, "notes.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) < 5 {
		t.Errorf("notes.txt: %d findings, want the commented URLs too", len(fs))
	}
}
