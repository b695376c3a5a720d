package analyzer

import (
	"bytes"
	"strings"
	"testing"
)

func TestIndexAPIv1AgreesWithBytesIndex(t *testing.T) {
	cases := []string{
		"", "api/v1", "xapi/v1", "api/v", "api/v2", "pi/v1", "https://h/api/v1/users",
		strings.Repeat("1", 5000) + "api/v1", strings.Repeat("a1", 3000) + "api/v1" + "z",
		strings.Repeat("v1 ", 10000), strings.Repeat("111api/v", 900) + "1",
	}
	for _, c := range cases {
		if got, want := indexAPIv1([]byte(c)), bytes.Index([]byte(c), []byte("api/v1")); got != want {
			t.Errorf("indexAPIv1(%.40q…) = %v, want %v", c, got, want)
		}
	}
}

func TestCandidate(t *testing.T) {
	s := &scan{}
	s.opt.Check.Hosts = []string{"lms.acme.io"}
	for c, want := range map[string]bool{
		`fetch("https://api.peoplehub.example/api/v1/employees")`:                            false,
		`requests.get("http://localhost:8080/api/v1/health")`:                                false,
		`url: https://kubernetes.default.svc:443/api/v1/namespaces`:                          false,
		`x = "https://api.peoplehub.example/api/v1/a"; y = "/api/v1/users"`:                  true, // relative
		`curl https://acme.360learning.com/api/v1/users`:                                     true,
		`curl https://lms.acme.io/api/v1/users`:                                              true, // a configured host
		`curl "https://${LMS_HOST}/api/v1/users"`:                                            true,
		`"https://{{host}}/api/v1/users"`:                                                    true,
		`base + "/api/v1/users"`:                                                             true,
		`"https://user:pw@api.peoplehub.example/api/v1/x"`:                                   true, // not worth parsing out
		`https://api.peoplehub.example/api/v1 and https://other.example/api/v1, no 360 here`: false,
		`ACME.360LEARNING.COM`:                                                               true,
		`nothing`:                                                                            false,
	} {
		if got := s.candidate([]byte(c)); got != want {
			t.Errorf("candidate(%q) = %v, want %v", c, got, want)
		}
	}
}

func TestContains360(t *testing.T) {
	for c, want := range map[string]bool{
		"acme.360learning.com": true, "ACME.360Learning.COM": true, "360learnin": false,
		"#360abc 360 learning": false, "x360LEARNING": true,
	} {
		if got := contains360([]byte(c)); got != want {
			t.Errorf("contains360(%q) = %v, want %v", c, got, want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		10 << 20: "10 MiB", 12900000: "12.3 MiB", 512 << 10: "512 KiB", 1536: "1.5 KiB", 100: "100 bytes",
	} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
