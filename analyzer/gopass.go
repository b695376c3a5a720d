package analyzer

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/migaudit/migaudit/analyzer/golang"
	"github.com/migaudit/migaudit/rules"
)

// goModule is a Go module the walk found (Options.GoPass): the .go files
// of its packages, for the type-aware pass.
type goModule struct {
	dir  string // the module's directory, as walked (root-joined)
	proj *project

	mu sync.Mutex
	// cands are the files the prefilter let through, others the rest
	// (paths as walked).
	cands, others []string
}

func (s *scan) newGoModule(d *dirNode) *goModule {
	m := &goModule{dir: d.abs, proj: d.proj}
	s.mu.Lock()
	s.modules = append(s.modules, m)
	s.mu.Unlock()
	return m
}

// owns reports whether the .go file at path (below the module's
// directory) is one the go command builds: test files, and files under
// testdata or directories starting with "_" or ".", stay with the text
// reader.
func (m *goModule) owns(path string) bool {
	if strings.HasSuffix(path, "_test.go") {
		return false
	}
	rel, err := filepath.Rel(m.dir, path)
	if err != nil {
		return false
	}
	dirs := strings.Split(filepath.ToSlash(filepath.Dir(rel)), "/")
	for _, d := range dirs {
		if d == "testdata" || strings.HasPrefix(d, "_") || d == ".." || (strings.HasPrefix(d, ".") && d != ".") {
			return false
		}
	}
	return true
}

// goFile prefilters a .go file of a module and keeps it for the Go pass.
func (w *worker) goFile(j job) {
	defer func() {
		if cap(w.buf) > keptBuffer {
			w.buf = nil
		}
	}()
	src, skip := w.load(j.abs, &w.buf)
	if skip {
		return
	}
	m := j.dir.mod
	cand := w.s.candidate(src)
	m.mu.Lock()
	if cand {
		m.cands = append(m.cands, j.abs)
	} else {
		m.others = append(m.others, j.abs)
	}
	m.mu.Unlock()
}

// goModuleLoads is how many modules are loaded at once: each load runs the
// go command and type-checks in parallel already.
const goModuleLoads = 4

// goPass runs the Go analyzer on the packages of each module that hold
// candidate files, then reads as text the candidates it could not analyze
// (their other files go to the second phase).
func (s *scan) goPass() []*worker {
	var mods []*goModule
	for _, m := range s.modules {
		if len(m.cands) > 0 {
			mods = append(mods, m)
		} else {
			s.textFallback(m, nil) // nothing to analyze: as before
		}
	}
	if len(mods) == 0 {
		return nil
	}
	a := guarded(golang.New(golang.Config{Catalog: s.opt.Catalog, Hosts: s.opt.Check.Hosts, Fix: s.opt.Fix}))
	ws := make([]*worker, len(mods))
	texts := make([][]string, len(mods))
	sem := make(chan struct{}, goModuleLoads)
	var wg sync.WaitGroup
	for i, m := range mods {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			ws[i], texts[i] = s.analyzeModule(a, m)
		})
	}
	wg.Wait()
	q := newQueue()
	for i, m := range mods {
		d := &dirNode{proj: m.proj}
		jobs := make([]job, len(texts[i]))
		for k, path := range texts[i] {
			jobs[k] = job{dir: d, abs: path, text: true}
		}
		q.pushAll(jobs)
	}
	return append(ws, s.runQueue(q)...)
}

// guarded returns a copy of a whose Run turns a panic into an error (the
// package's files are then read as text): the checker runs passes on
// goroutines of its own, where a panic would stop the whole scan.
func guarded(a *analysis.Analyzer) *analysis.Analyzer {
	g := *a
	run := a.Run
	g.Run = func(p *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				res, err = nil, fmt.Errorf("internal error: %v", r)
			}
		}()
		return run(p)
	}
	return &g
}

// textFallback hands the module's files the Go pass did not analyze
// (analyzed holds those it did, by path as walked) to the text reader: the
// candidates are returned to be read now, the others go to the second
// phase. With the Go pass off for a module without candidates, the others
// are what phase 2 would have seen.
func (s *scan) textFallback(m *goModule, analyzed map[string]bool) []string {
	var text []string
	for _, c := range m.cands {
		if !analyzed[c] {
			text = append(text, c)
		}
	}
	for _, o := range m.others {
		if !analyzed[o] {
			m.proj.reject(o)
		}
	}
	return text
}

// goProblem records why (part of) a module was read as text: an error when
// the Go pass was asked for, a note when it runs by default.
func (w *worker) goProblem(gomod, format string, args ...any) {
	if w.s.opt.GoPassAuto {
		w.notes = append(w.notes, FileError{Path: displayPath(gomod), Message: fmt.Sprintf(format, args...)})
		return
	}
	w.errorf(gomod, format, args...)
}

// analyzeModule loads the packages of m that hold candidate files and runs
// the analyzer on them. It returns a worker holding the findings and
// errors, and the candidates to read as text.
func (s *scan) analyzeModule(a *analysis.Analyzer, m *goModule) (*worker, []string) {
	w := &worker{s: s}
	gomod := filepath.Join(m.dir, "go.mod")
	fallback := func(format string, args ...any) []string {
		w.goProblem(gomod, format, args...)
		return s.textFallback(m, nil)
	}
	absDir, err := filepath.Abs(m.dir)
	if err != nil {
		return w, fallback("%v", err)
	}
	// Paths as the go command names them, back to paths as walked.
	walked := map[string]string{}
	real, err := filepath.EvalSymlinks(absDir)
	if err != nil {
		real = absDir
	}
	for _, p := range slices.Concat(m.cands, m.others) {
		rel, err := filepath.Rel(m.dir, p)
		if err != nil {
			continue
		}
		walked[filepath.Join(absDir, rel)] = p
		walked[filepath.Join(real, rel)] = p
	}
	patterns := s.parsingPatterns(w, m, gomod)
	if len(patterns) == 0 {
		return w, s.textFallback(m, nil)
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode:    packages.LoadAllSyntax,
		Context: s.ctx,
		Dir:     absDir,
		Tests:   false,
		// A scan never downloads: no module, no toolchain.
		Env:       append(os.Environ(), "GOPROXY=off", "GOTOOLCHAIN=local"),
		ParseFile: s.parseGo,
	}, patterns...)
	if err != nil {
		return w, fallback("Go packages did not load, read as text: %s", oneLine(err.Error(), absDir, m.dir))
	}
	s.forgiveStripped(pkgs)
	var ok []*packages.Package
	for _, p := range pkgs {
		if msg := firstError(p); msg != "" {
			w.goProblem(gomod, "package %s does not type-check, read as text: %s", p.PkgPath, oneLine(msg, absDir, m.dir))
			continue
		}
		ok = append(ok, p)
	}
	analyzed := map[string]bool{}
	if len(ok) > 0 {
		g, err := checker.Analyze([]*analysis.Analyzer{a}, ok, nil)
		if err != nil {
			return w, fallback("the Go analyzer did not run, read as text: %v", err)
		}
		for _, act := range g.Roots {
			if act.Err != nil {
				w.goProblem(gomod, "package %s: %s; read as text", act.Package.PkgPath, oneLine(act.Err.Error(), absDir, m.dir))
				continue
			}
			for _, f := range slices.Concat(act.Package.GoFiles, act.Package.CompiledGoFiles) {
				if p, ok := walked[f]; ok {
					analyzed[p] = true
				}
			}
			fs, _ := act.Result.([]rules.Finding)
			w.addGo(fs, walked)
		}
	}
	text := s.textFallback(m, analyzed)
	w.candidates = len(m.cands) - len(text)
	return w, text
}

// candidatePatterns are the go command patterns of the directories of m's
// candidate files: ./rel/dir, or . for the module's own.
func candidatePatterns(m *goModule) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range m.cands {
		p := patternOf(m, c)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// parsingPatterns returns the patterns of m's candidate packages whose
// candidate files parse. A package with a syntax error cannot be
// type-checked: its files go to the text reader without loading its
// dependencies first (seconds for net/http's), with an error on go.mod.
func (s *scan) parsingPatterns(w *worker, m *goModule, gomod string) []string {
	broken := map[string]bool{}
	fset := token.NewFileSet()
	for _, c := range m.cands {
		dir := patternOf(m, c)
		if broken[dir] {
			continue
		}
		if _, err := parser.ParseFile(fset, displayPath(c), nil, parser.SkipObjectResolution); err != nil {
			broken[dir] = true
			msg, _, _ := strings.Cut(err.Error(), "\n")
			w.goProblem(gomod, "package %s does not parse, read as text: %s", dir, msg)
		}
	}
	var out []string
	for _, p := range candidatePatterns(m) {
		if !broken[p] {
			out = append(out, p)
		}
	}
	return out
}

// patternOf is the go command pattern of the directory of m's file path.
func patternOf(m *goModule, path string) string {
	rel, err := filepath.Rel(m.dir, filepath.Dir(path))
	if err != nil || rel == "." {
		return "."
	}
	return "./" + filepath.ToSlash(rel)
}

// firstError is the first error of p or of a package it imports, "" when
// p type-checks.
func firstError(p *packages.Package) string {
	if !p.IllTyped && len(p.Errors) == 0 {
		return ""
	}
	msg := ""
	packages.Visit([]*packages.Package{p}, func(q *packages.Package) bool { return msg == "" }, func(q *packages.Package) {
		if msg == "" && len(q.Errors) > 0 {
			msg = q.Errors[0].Error()
		}
	})
	if msg == "" {
		msg = "errors in its dependencies"
	}
	return msg
}

// oneLine keeps the first line of a go command or type-checker message, with
// the module's absolute directory written as the scan shows it.
func oneLine(msg, absDir, dir string) string {
	msg, _, _ = strings.Cut(strings.TrimSpace(msg), "\n")
	return strings.ReplaceAll(msg, absDir+string(filepath.Separator), displayPath(dir)+"/")
}

// addGo keeps the Go pass's findings in files the walk saw (globs and
// ignore rules apply to them as to every file), with the scan's paths, and
// the migaudit:ignore directives of their files.
func (w *worker) addGo(fs []rules.Finding, walked map[string]string) {
	read := map[string]bool{}
	for _, f := range fs {
		p, ok := walked[f.Path]
		if !ok {
			continue
		}
		f.Path = displayPath(p)
		w.findings = append(w.findings, f)
		if read[p] {
			continue
		}
		read[p] = true
		src, err := os.ReadFile(p)
		if err != nil {
			w.fail(p, err)
			continue
		}
		if sups := rules.FindSuppressions(src); sups != nil {
			if w.suppressions == nil {
				w.suppressions = map[string][]rules.Suppression{}
			}
			w.suppressions[f.Path] = sups
		}
	}
}

// parseGo parses a Go file for the go/packages loader. Files outside the
// scan's roots (the standard library, the module cache) lose their function
// bodies: the pass reports nothing there, and type-checking net/http's
// dependencies in full would cost seconds. Helpers those bodies define are
// not followed by the scan (go vet -vettool follows them).
func (s *scan) parseGo(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	const mode = parser.AllErrors | parser.SkipObjectResolution
	if s.underRoots(filename) {
		return parser.ParseFile(fset, filename, src, mode|parser.ParseComments)
	}
	// Comments too are of no use there.
	f, err := parser.ParseFile(fset, filename, src, mode)
	if f == nil {
		return f, err
	}
	decls := f.Decls[:0]
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			if fd.Recv == nil && fd.Name.Name == "init" {
				continue // init must have a body; nothing refers to it
			}
			fd.Body = nil
		}
		decls = append(decls, d)
	}
	f.Decls = decls
	return f, err
}

// underRoots reports whether the absolute path abs is below one of the
// scan's root directories.
func (s *scan) underRoots(abs string) bool {
	s.rootsOnce.Do(func() {
		for _, r := range s.roots {
			if a, err := filepath.Abs(r); err == nil {
				s.rootsAbs = append(s.rootsAbs, a)
				if real, err := filepath.EvalSymlinks(a); err == nil && real != a {
					s.rootsAbs = append(s.rootsAbs, real)
				}
			}
		}
	})
	for _, r := range s.rootsAbs {
		if rel, err := filepath.Rel(r, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// forgiveStripped drops the type errors of packages parsed without their
// function bodies (imports only the bodies used now look unused) and
// recomputes IllTyped over the graph.
func (s *scan) forgiveStripped(roots []*packages.Package) {
	packages.Visit(roots, nil, func(p *packages.Package) {
		if len(p.GoFiles) > 0 && !s.underRoots(p.GoFiles[0]) {
			errs := p.Errors[:0]
			for _, e := range p.Errors {
				if e.Kind != packages.TypeError {
					errs = append(errs, e)
				}
			}
			p.Errors = errs
		}
		p.IllTyped = len(p.Errors) > 0
		for _, imp := range p.Imports {
			p.IllTyped = p.IllTyped || imp.IllTyped
		}
	})
}
