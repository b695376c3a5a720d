package text_test

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/migaudit/migaudit/analyzer/text"
)

// bundle builds a minified-looking JavaScript file of about size bytes:
// one long line, many objects, strings, regexps and URL literals.
func bundle(size int) []byte {
	var b strings.Builder
	chunks := []string{
		`var e=t.get("https://cdn.example.com/lib.js"),n={a:1,b:"x",c:[1,2,3]};`,
		`function r(t,e){return t/e>1?/[a-z]+\/api\/v1/g.test(e):"/users/"+t}`,
		"const u=`${n.host}/api/v2/items/${e}`;",
		`e=o.put(i+"/api/v1/users/"+t,{primaryGroupId:n.g});`,
		`if(a&&b||c){d.push({url:"https://acme.360learning.com/api/v1/groups/"+x,method:"PUT"})}`,
		`var s='/* not a comment */',q="${notInterp}";`,
	}
	for b.Len() < size {
		for _, c := range chunks {
			b.WriteString(c)
		}
	}
	return []byte(b.String())
}

func TestLargeMinifiedFileIsFast(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	src := bundle(5 << 20)
	start := time.Now()
	found, err := text.Read("dist/app.min.js", src)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("5 MiB bundle: %v, %d calls", took, len(found.Calls))
	// About a second on a quiet machine; the bound only catches a
	// quadratic blowup (minutes), not a busy CI runner.
	if took > 30*time.Second {
		t.Fatalf("reading a 5 MiB bundle took %v", took)
	}
	if len(found.Calls) == 0 {
		t.Fatal("no calls found in the bundle")
	}
}

// Readers never panic, whatever the bytes.
func TestNoPanicOnNoise(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte("\"'`${}()[]#@%/\\*-+.=:;,<>|\n \tabcxyzAPI/v1/users:// f r @\"\"\"")
	names := []string{"a.js", "a.py", "a.rb", "a.php", "a.ps1", "a.go", "a.java", "a.cs", "a.kt", "a.txt"}
	for i := 0; i < 3000; i++ {
		n := rng.Intn(200)
		buf := make([]byte, n)
		for j := range buf {
			buf[j] = alphabet[rng.Intn(len(alphabet))]
		}
		for _, name := range names {
			if _, err := text.Read(name, buf); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
}

// Mutated real inputs reach the deeper paths (calls, configs, formats)
// with broken brackets and quotes: still no panic.
func TestNoPanicOnMutatedInputs(t *testing.T) {
	entries, err := os.ReadDir("testdata/golden")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(2))
	junk := []byte("\"'`{}()[]$#@%/\\\n:=,.+-")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".golden") {
			continue
		}
		src, err := os.ReadFile(filepath.Join("testdata/golden", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 300; i++ {
			buf := append([]byte(nil), src...)
			for k := 0; k < 1+rng.Intn(6); k++ {
				p := rng.Intn(len(buf))
				switch rng.Intn(3) {
				case 0:
					buf[p] = junk[rng.Intn(len(junk))]
				case 1:
					buf = append(buf[:p], buf[p+1:]...)
				default:
					buf = append(buf[:p], append([]byte{junk[rng.Intn(len(junk))]}, buf[p:]...)...)
				}
			}
			if _, err := text.Read(e.Name(), buf); err != nil && !strings.Contains(err.Error(), "UTF-8") {
				t.Fatalf("%s: %v", e.Name(), err)
			}
		}
	}
}

// A payload name used by every call of a large file costs each call a
// constant: keys assigned to it are looked for among its nearest uses only.
func TestPayloadNameUsedEverywhereIsFast(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	var b strings.Builder
	b.WriteString("var body={company:c};")
	for b.Len() < 2<<20 {
		b.WriteString(`body.password=p;o.put(u+"/api/v1/users/"+t,body);`)
	}
	start := time.Now()
	found, err := text.Read("dist/sync.min.js", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("2 MiB of calls on one payload: %v, %d calls", took, len(found.Calls))
	if took > 30*time.Second {
		t.Fatalf("took %v", took)
	}
	if len(found.Calls) == 0 || len(found.Calls[len(found.Calls)-1].Params) == 0 {
		t.Fatal("the last call lost its parameters")
	}
}
