// Command gen writes a deterministic monorepo-like source tree for
// benchmarking migaudit against ripgrep: services in several languages,
// docs, ops scripts, minified bundles, binary blobs, an ignored
// node_modules and build/ tree, decoy URLs, and a few dozen planted API v1
// calls listed in DIR/../manifest.tsv (path, line, operation).
//
//	go run ./bench/gen -out bench/out/tree [-files 30000] [-mb 300] [-seed 1]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("out", "", "directory to create (must not exist)")
	files := flag.Int("files", 30000, "about how many files to write")
	mb := flag.Int("mb", 300, "about how many MB to write")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		log.Fatal("gen: -out is required")
	}
	if _, err := os.Stat(*out); err == nil {
		log.Fatalf("gen: %s exists", *out)
	}
	g := &gen{root: *out, rnd: rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))}
	g.run(*files, int64(*mb)<<20)
	manifest := filepath.Join(filepath.Dir(filepath.Clean(*out)), "manifest.tsv")
	if err := os.WriteFile(manifest, []byte(g.manifest.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("gen: %d files, %.0f MB, %d planted calls in %s\n", g.files, float64(g.bytes)/(1<<20), g.planted, manifest)
}

type gen struct {
	root     string
	rnd      *rand.Rand
	files    int
	bytes    int64
	planted  int
	manifest strings.Builder
}

// file is a file being written, with its line count so planted calls can be
// recorded where they land.
type file struct {
	g    *gen
	rel  string
	f    *os.File
	w    *bufio.Writer
	line int // lines written so far
	size int64
}

func (g *gen) create(rel string) *file {
	p := filepath.Join(g.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(p)
	if err != nil {
		log.Fatal(err)
	}
	g.files++
	return &file{g: g, rel: rel, f: f, w: bufio.NewWriterSize(f, 64<<10)}
}

func (f *file) ln(s string) { f.raw(s + "\n") }

func (f *file) lnf(format string, args ...any) { f.raw(fmt.Sprintf(format, args...) + "\n") }

func (f *file) raw(s string) {
	f.w.WriteString(s)
	f.size += int64(len(s))
	f.line += strings.Count(s, "\n")
}

// plant writes a line holding a v1 call of operation op and records it.
func (f *file) plant(op, format string, args ...any) {
	f.g.planted++
	fmt.Fprintf(&f.g.manifest, "%s\t%d\t%s\n", f.rel, f.line+1, op)
	f.lnf(format, args...)
}

func (f *file) close() {
	if err := f.w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.f.Close(); err != nil {
		log.Fatal(err)
	}
	f.g.bytes += f.size
}

// lang is a kind of source file: its extension and a line generator.
type lang struct {
	ext    string
	weight int
	header func(g *gen, f *file)
	line   func(g *gen) string
}

var words = strings.Fields(`account user group course session token order invoice payment report
	event queue cache config client server handler service worker record entry item profile
	manager builder parser schedule export import sync audit member team role tenant catalog
	asset upload download notify message thread channel metric trace span batch job task`)

func (g *gen) word() string  { return words[g.rnd.IntN(len(words))] }
func (g *gen) Word() string  { w := g.word(); return strings.ToUpper(w[:1]) + w[1:] }
func (g *gen) ident() string { return g.word() + g.Word() }

var langs = []lang{
	{".js", 24, nil, func(g *gen) string {
		switch g.rnd.IntN(6) {
		case 0:
			return fmt.Sprintf("const %s = require('./%s');", g.ident(), g.word())
		case 1:
			return fmt.Sprintf("  const %s = await this.%s.find({ %s: %s.id });", g.ident(), g.word(), g.word(), g.word())
		case 2:
			return fmt.Sprintf("  if (!%s || %s.length === 0) { return []; }", g.ident(), g.word())
		case 3:
			return fmt.Sprintf("function %s(%s, %s) {", g.ident(), g.word(), g.word())
		case 4:
			return fmt.Sprintf("  logger.info(`%s %s: ${%s.id}`);", g.word(), g.word(), g.word())
		}
		return "}"
	}},
	{".ts", 20, nil, func(g *gen) string {
		switch g.rnd.IntN(6) {
		case 0:
			return fmt.Sprintf("import { %s } from '../%s/%s';", g.Word()+g.Word(), g.word(), g.word())
		case 1:
			return fmt.Sprintf("export interface %s { id: string; %s?: number; %s: %s[] }", g.Word()+g.Word(), g.word(), g.word(), g.Word())
		case 2:
			return fmt.Sprintf("  private readonly %s = new Map<string, %s>();", g.ident(), g.Word())
		case 3:
			return fmt.Sprintf("  async %s(%s: %s): Promise<void> {", g.ident(), g.word(), g.Word())
		case 4:
			return fmt.Sprintf("    return this.%s.get(%s.id) ?? null;", g.ident(), g.word())
		}
		return "  }"
	}},
	{".py", 12, nil, func(g *gen) string {
		switch g.rnd.IntN(6) {
		case 0:
			return fmt.Sprintf("from %s.%s import %s", g.word(), g.word(), g.Word())
		case 1:
			return fmt.Sprintf("def %s_%s(%s, %s=None):", g.word(), g.word(), g.word(), g.word())
		case 2:
			return fmt.Sprintf("    %s = self.%s.get(%s.id)", g.word(), g.word(), g.word())
		case 3:
			return fmt.Sprintf("    if not %s:\n        raise ValueError(\"missing %s\")", g.word(), g.word())
		case 4:
			return fmt.Sprintf("    logger.debug(\"%s %%s\", %s)", g.word(), g.word())
		}
		return fmt.Sprintf("    return %s", g.word())
	}},
	{".go", 8, func(g *gen, f *file) { f.lnf("package %s\n", g.word()) }, func(g *gen) string {
		switch g.rnd.IntN(5) {
		case 0:
			return fmt.Sprintf("func (s *%s) %s(ctx context.Context, id string) error {", g.Word(), g.Word()+g.Word())
		case 1:
			return fmt.Sprintf("\tif err := s.%s.%s(ctx, id); err != nil {\n\t\treturn fmt.Errorf(\"%s: %%w\", err)\n\t}", g.word(), g.Word(), g.word())
		case 2:
			return fmt.Sprintf("\t%s := make(map[string]*%s, len(%s))", g.word(), g.Word(), g.word())
		case 3:
			return "\treturn nil\n}"
		}
		return fmt.Sprintf("// %s %s the %s.", g.Word(), g.word(), g.word())
	}},
	{".java", 8, nil, func(g *gen) string {
		switch g.rnd.IntN(5) {
		case 0:
			return fmt.Sprintf("import com.acme.%s.%s;", g.word(), g.Word())
		case 1:
			return fmt.Sprintf("    private final %sRepository %sRepository;", g.Word(), g.word())
		case 2:
			return fmt.Sprintf("    public List<%s> %s(String %s) {", g.Word(), g.ident(), g.word())
		case 3:
			return fmt.Sprintf("        return %sRepository.findAllBy%s(%s);", g.word(), g.Word(), g.word())
		}
		return "    }"
	}},
	{".yaml", 5, nil, func(g *gen) string {
		// One top-level block per line call, keys made unique, so the
		// file stays valid YAML.
		return fmt.Sprintf("%s_%d:\n  %s: %d\n  %s: \"%s\"\n  items:\n    - name: %s-%s\n      enabled: true",
			g.word(), g.rnd.IntN(1e9), g.word(), g.rnd.IntN(1000), g.word(), g.word(), g.word(), g.word())
	}},
	{".md", 5, func(g *gen, f *file) { f.lnf("# %s %s\n", g.Word(), g.word()) }, func(g *gen) string {
		switch g.rnd.IntN(4) {
		case 0:
			return fmt.Sprintf("## %s", g.Word())
		case 1:
			return ""
		}
		return fmt.Sprintf("The %s %s keeps each %s in sync with the %s %s before the nightly %s runs.", g.word(), g.word(), g.word(), g.word(), g.word(), g.word())
	}},
	{".json", 7, func(g *gen, f *file) { f.ln("{") }, func(g *gen) string {
		return fmt.Sprintf("  \"%s_%s\": {\"id\": %d, \"%s\": \"%s\", \"enabled\": true},", g.word(), g.word(), g.rnd.IntN(1e6), g.word(), g.word())
	}},
	{".sh", 2, func(g *gen, f *file) { f.ln("#!/usr/bin/env bash\nset -euo pipefail") }, func(g *gen) string {
		switch g.rnd.IntN(4) {
		case 0:
			return fmt.Sprintf("echo \"%s %s\"", g.word(), g.word())
		case 1:
			return fmt.Sprintf("%s_%s=\"${%s:-%s}\"", strings.ToUpper(g.word()), strings.ToUpper(g.word()), strings.ToUpper(g.word()), g.word())
		}
		return fmt.Sprintf("kubectl rollout status deploy/%s-%s", g.word(), g.word())
	}},
	{".css", 4, nil, func(g *gen) string {
		return fmt.Sprintf(".%s-%s { margin: %dpx; color: #%06x; }", g.word(), g.word(), g.rnd.IntN(40), g.rnd.IntN(1<<24))
	}},
	{".html", 4, func(g *gen, f *file) { f.ln("<!doctype html>\n<html><body>") }, func(g *gen) string {
		return fmt.Sprintf("  <div class=\"%s\"><span>%s %s</span></div>", g.word(), g.Word(), g.word())
	}},
}

// decoys are lines with /api/v1/ that are not 360Learning v1 calls.
var decoys = []string{
	`const res = await fetch("https://api.peoplehub.example/api/v1/employees?page=2");`,
	`resp = requests.get("http://localhost:8080/api/v1/health", timeout=2)`,
	`router.get("/api/v1/orders/:id", ordersController.show);`,
	`@app.route("/api/v1/reports/<int:report_id>")`,
	`const users = await axios.get("https://acme.360learning.com/api/v2/users", { headers: { Authorization: ` + "`Bearer ${token}`" + `, "360-api-version": "v2.0" } });`,
	`    url: https://kubernetes.default.svc/api/v1/namespaces/default/pods`,
	`// See https://docs.stripe.example/api/v1/charges for the fields.`,
}

// decoy returns a decoy line that fits a file of extension ext.
func (g *gen) decoy(ext string) string {
	switch ext {
	case ".yaml":
		return fmt.Sprintf("k8s_probe_%d:\n  url: https://kubernetes.default.svc/api/v1/namespaces/default/pods", g.rnd.IntN(1e9))
	case ".json":
		return fmt.Sprintf("  \"upstream_%d\": \"https://api.peoplehub.example/api/v1/employees\",", g.rnd.IntN(1e9))
	case ".sh":
		return []string{`curl -fsS "http://localhost:8080/api/v1/health"`, `curl -s "https://api.peoplehub.example/api/v1/employees?page=2" -H "Authorization: Bearer $PH_TOKEN"`}[g.rnd.IntN(2)]
	case ".py":
		return []string{decoys[1], decoys[3], `    r = requests.get("https://acme.360learning.com/api/v2/users", headers={"Authorization": f"Bearer {token}", "360-api-version": "v2.0"})`}[g.rnd.IntN(3)]
	case ".md":
		return "See the [PeopleHub API](https://api.peoplehub.example/api/v1/docs) for the employee fields."
	}
	return decoys[g.rnd.IntN(len(decoys))]
}

func (g *gen) pickLang(weights []lang) lang {
	total := 0
	for _, l := range weights {
		total += l.weight
	}
	n := g.rnd.IntN(total)
	for _, l := range weights {
		if n < l.weight {
			return l
		}
		n -= l.weight
	}
	return weights[0]
}

// size draws a file size around mean (log-normal, heavy tail).
func (g *gen) size(mean float64) int64 {
	s := mean * math.Exp(g.rnd.NormFloat64()*0.9-0.405)
	return int64(max(200, min(s, 2<<20)))
}

// filler writes a file of lang up to about size bytes.
func (g *gen) filler(rel string, l lang, size int64, decoy bool) {
	f := g.create(rel)
	if l.header != nil {
		l.header(g, f)
	}
	at := int64(-1)
	if decoy {
		at = g.rnd.Int64N(size)
	}
	for f.size < size {
		if at >= 0 && f.size >= at {
			f.ln(g.decoy(l.ext))
			at = -1
		}
		f.ln(l.line(g))
	}
	f.close()
}

func (g *gen) run(nfiles int, total int64) {
	g.fixed()
	nbundles := 45
	bundleBytes := int64(0)
	for i := range nbundles {
		bundleBytes += g.bundle(fmt.Sprintf("services/web-%02d/public/static/js/main.%08x.js", i%12, g.rnd.Uint32()), i%15 == 0)
	}
	nblobs := 60
	for i := range nblobs {
		g.blob(fmt.Sprintf("services/web-%02d/public/assets/img-%03d.png", i%12, i))
	}
	regular := nfiles - g.files
	mean := float64(total-g.bytes) / float64(regular)
	const perDir = 24
	svcs := []string{"hr-core", "billing", "portal", "search", "notifications", "reports", "auth", "catalog", "scheduler", "analytics"}
	for i := 0; g.files < nfiles; i++ {
		svc := fmt.Sprintf("services/%s-%d", svcs[i/perDir%len(svcs)], i/perDir/len(svcs))
		dir := fmt.Sprintf("%s/src/%s/%s", svc, g.word(), g.word())
		if i%perDir == 0 {
			g.small(svc+"/package.json", `{"name": "`+svc+`", "private": true}`)
		}
		for k := 0; k < perDir && g.files < nfiles; k++ {
			l := g.pickLang(langs)
			name := fmt.Sprintf("%s/%s_%s_%d%s", dir, g.word(), g.word(), k, l.ext)
			g.filler(name, l, g.size(mean), g.rnd.IntN(60) == 0)
		}
	}
}

func (g *gen) small(rel, body string) {
	f := g.create(rel)
	f.raw(body + "\n")
	f.close()
}

// bundle writes a minified JavaScript bundle of 1-3 MB; with ownAPI it
// calls its own backend under a relative /api/v1/ path.
func (g *gen) bundle(rel string, ownAPI bool) int64 {
	f := g.create(rel)
	size := int64(1<<20 + g.rnd.IntN(2<<20))
	f.raw("!function(e){var t={};function n(r){if(t[r])return t[r].exports;")
	for f.size < size {
		switch g.rnd.IntN(4) {
		case 0:
			f.raw(fmt.Sprintf("var %s=function(%s,%s){return %s.%s(%s)||null};", g.word()[:2], g.word()[:1], g.word()[:1], g.word()[:1], g.ident(), g.word()[:1]))
		case 1:
			f.raw(fmt.Sprintf("e.exports={%s:%d,%s:\"%s\"};", g.word(), g.rnd.IntN(1e5), g.word(), g.ident()))
		case 2:
			f.raw(fmt.Sprintf("if(!%s.%s)throw new Error(\"%s %s\");", g.word()[:1], g.word(), g.word(), g.word()))
		default:
			f.raw(fmt.Sprintf("%s.prototype.%s=function(){this.%s=[]};", g.Word(), g.ident(), g.word()))
		}
		if ownAPI && g.rnd.IntN(20000) == 0 {
			f.raw(`fetch("/api/v1/session/refresh",{method:"POST",credentials:"include"});`)
		}
	}
	f.raw("}([]);\n")
	f.close()
	return f.size
}

// blob writes binary data (with NUL bytes) that happens to hold a v1 URL.
func (g *gen) blob(rel string) {
	f := g.create(rel)
	n := 20<<10 + g.rnd.IntN(400<<10)
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.rnd.UintN(256))
	}
	b[8] = 0
	copy(b[n/2:], "https://acme.360learning.com/api/v1/users")
	f.raw(string(b))
	f.close()
}
