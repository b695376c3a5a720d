package postman

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// bigCollection repeats the admin collection's folders n times.
func bigCollection(tb testing.TB, n int) []byte {
	src, err := os.ReadFile("testdata/golden/admin-v1.postman_collection.json")
	if err != nil {
		tb.Fatal(err)
	}
	root, err := parseJSON(src, 0)
	if err != nil {
		tb.Fatal(err)
	}
	items := root.get("item")
	inner := src[items.span.Start+1 : items.span.End-1]
	var b bytes.Buffer
	b.Write(src[:items.span.Start+1])
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(inner)
	}
	b.Write(src[items.span.End-1:])
	return b.Bytes()
}

func BenchmarkRead(b *testing.B) {
	src := bigCollection(b, 500)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Read("big.json", src); err != nil {
			b.Fatal(err)
		}
	}
}

// Hostile inputs read in bounded time.
func TestHostileInputs(t *testing.T) {
	wrap := func(url string, vars string) []byte {
		return []byte(`{"info": {}, "_postman_id": "x", "item": [{"request": {"url": "` + url + `", "body": {"mode": "raw", "raw": "` + url + `"}}}], "variable": [` + vars + `]}`)
	}
	inputs := map[string][]byte{
		"deep arrays":    []byte(strings.Repeat("[", 200000)),
		"deep folders":   []byte(`{"info": {}, "item": [` + strings.Repeat(`{"item": [`, 5000) + strings.Repeat(`]}`, 5000) + `]}`),
		"open braces":    wrap(strings.Repeat("{{", 500000), ""),
		"many vars":      wrap(strings.Repeat("{{a}}", 100000), `{"key": "a", "value": "`+strings.Repeat("{{b}}", 1000)+`"}, {"key": "b", "value": "`+strings.Repeat("x", 1000)+`"}`),
		"cyclic vars":    wrap("{{a}}/users", `{"key": "a", "value": "{{b}}{{b}}"}, {"key": "b", "value": "{{a}}{{a}}"}`),
		"many questions": wrap("https://x/api/v1/users?"+strings.Repeat("a=1&", 200000), ""),
	}
	for name, src := range inputs {
		start := time.Now()
		_, err := Read("h.json", src)
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s: %v (err %v)", name, d, err)
		}
	}
}
