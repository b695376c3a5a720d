package analyzer

import (
	"bytes"
	"strings"
	"testing"
)

func TestContainsAPIv1AgreesWithBytesContains(t *testing.T) {
	cases := []string{
		"", "api/v1", "xapi/v1", "api/v", "api/v2", "pi/v1", "https://h/api/v1/users",
		strings.Repeat("1", 5000) + "api/v1", strings.Repeat("a1", 3000) + "api/v1" + "z",
		strings.Repeat("v1 ", 10000), strings.Repeat("111api/v", 900) + "1",
	}
	for _, c := range cases {
		if got, want := containsAPIv1([]byte(c)), bytes.Contains([]byte(c), []byte("api/v1")); got != want {
			t.Errorf("containsAPIv1(%.40q…) = %v, want %v", c, got, want)
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
