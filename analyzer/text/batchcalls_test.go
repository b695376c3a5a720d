package text_test

import (
	"strings"
	"testing"
)

// A batch script sets its base in a variable and builds each URL on it,
// curl's -X on a line the ^ continues; batch arguments (%1) and variables
// (%CO%) are holes. Another variable holding another host is no LMS call,
// nor is a REM line.
func TestBatchScriptCalls(t *testing.T) {
	got := strings.Join(scanProject(t, map[string]string{
		"ops/leaver.bat": "@echo off\r\nset \"TRAINING=https://app.360learning.com/api/v1\"\r\nset HRIS=https://hris.example.org/api/v1\r\n" +
			"REM curl -X DELETE %TRAINING%/users/someone\r\n" +
			"curl -s --request DELETE ^\r\n  \"%TRAINING%/groups/%2/users/%1?company=%CO%&apiKey=%KEY%\"\r\n" +
			"curl -s -X PUT \"%HRIS%/users/%1/pseudonymize\"\r\n",
	}), "\n")
	if !strings.Contains(got, "ops/leaver.bat:6 remove-user-role-endpoint") {
		t.Errorf("the LMS call is not reported:\n%s", got)
	}
	for _, line := range []string{"leaver.bat:4 ", "leaver.bat:7 "} {
		if strings.Contains(got, line) {
			t.Errorf("reported %q:\n%s", line, got)
		}
	}
}

func TestBatchScriptPending(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"method from a continued line", "purge.cmd",
			"set LMS=https://acme.360learning.com/api/v1\ncurl.exe -X PUT ^\n  \"%LMS%/users/%1/pseudonymize\"\necho %LMS% done 100%\n",
			"base(LMS) https://acme.360learning.com/api/v1\npending(LMS) PUT {LMS}/users/{%1}/pseudonymize"},
	})
}
