package text_test

import (
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/internal/readertest"
)

// A Python http.client / httplib connection fixes the host of the requests
// made on it: a host-less /api/v1 path requested on a connection to another
// host written out in full is that host's API, not 360Learning's.
func TestConnectionHostDecidesTheCall(t *testing.T) {
	src := "import http.client, httplib\n" +
		"LMS_HOST = 'acme.360learning.com'\n" +
		"def purge(email):\n" +
		"    conn = httplib.HTTPSConnection(LMS_HOST)\n" +
		"    conn.request('PUT', '/api/v1/users/%s/pseudonymize' % email)\n" +
		"def audit(email):\n" +
		"    conn = httplib.HTTPConnection('intranet.acme.internal')\n" +
		"    conn.request('POST', '/api/v1/users/%s/audit' % email)\n" +
		"def direct(email):\n" +
		"    lms = http.client.HTTPSConnection('acme.360learning.com')\n" +
		"    lms.request('PUT', '/api/v1/users/%s/pseudonymize' % email)\n" +
		"def hub(host, email):\n" +
		"    hub = http.client.HTTPSConnection('https://api.peoplehub.example')\n" +
		"    hub.request('PUT', '/api/v1/users/%s/pseudonymize' % email)\n"
	fs, err := readertest.Findings(t, text.Read, "purge.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	lines := map[int]bool{}
	for _, f := range fs {
		lines[f.Line] = true
	}
	if !lines[5] || !lines[11] {
		t.Errorf("360Learning connections' calls missing: %v", lines)
	}
	if lines[8] || lines[14] {
		t.Errorf("another host's calls reported: %v", lines)
	}
}
