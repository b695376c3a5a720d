package analyzer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/migaudit/migaudit/rules"
)

// scan is one Run.
type scan struct {
	ctx     context.Context
	opt     Options
	roots   []string
	maxSize int64
	jobs    int

	mu       sync.Mutex
	projects []*project
	modules  []*goModule
	files    int

	// rootsAbs are the roots' absolute paths (and their targets when
	// they go through symbolic links), for the Go loader.
	rootsOnce sync.Once
	rootsAbs  []string
}

// dirNode is a directory being walked.
type dirNode struct {
	abs, rel string
	// comps are the directory's path components from the top of the
	// gitignore domains (the repository's top when the scan root is below it).
	comps  []string
	ignore ignoreRules
	proj   *project
	// mod is the Go module the directory is in (Options.GoPass only).
	mod *goModule
}

// worker holds what one goroutine collects; results merge at the end.
type worker struct {
	s          *scan
	findings   []rules.Finding
	errors     []FileError
	notes      []FileError
	files      int
	candidates int
	// suppressions holds the migaudit:ignore directives of the files read,
	// applied once every finding (cross-file ones too) is in.
	suppressions map[string][]rules.Suppression
	comps        []string // scratch
	batch        []job    // scratch: a directory's entries, queued at once
	buf          []byte   // the read buffer, reused from file to file
}

func newScan(ctx context.Context, roots []string, opt Options) (*scan, error) {
	if opt.Catalog == nil {
		c, err := rules.Default()
		if err != nil {
			return nil, err
		}
		opt.Catalog = c
	}
	for _, g := range append(append([]string(nil), opt.Include...), opt.Exclude...) {
		if !doublestar.ValidatePattern(g) {
			return nil, fmt.Errorf("invalid glob %q", g)
		}
	}
	s := &scan{ctx: ctx, opt: opt, roots: roots, maxSize: opt.MaxFileSize, jobs: opt.Jobs}
	if s.maxSize <= 0 {
		s.maxSize = DefaultMaxFileSize
	}
	if s.jobs <= 0 {
		s.jobs = runtime.GOMAXPROCS(0)
	}
	return s, nil
}

func (s *scan) run() (*Result, error) {
	q := newQueue()
	for _, root := range s.roots {
		info, err := os.Stat(root)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file or directory", root)
			}
			return nil, err
		}
		abs := filepath.Clean(root)
		p := s.newProject()
		if !info.IsDir() {
			// An explicit file: read as named, no ignore rules or globs.
			q.push(job{dir: &dirNode{proj: p}, abs: abs, rel: filepath.Base(abs)})
			continue
		}
		d := &dirNode{abs: abs, proj: p}
		if !s.opt.NoIgnore {
			if _, err := os.Lstat(filepath.Join(abs, ".git")); err != nil {
				if full, err := filepath.Abs(abs); err == nil {
					d.ignore, d.comps = repoPrefix(full)
				}
			}
		}
		q.push(job{dir: d, abs: abs, isDir: true, name: ""})
	}
	workers := s.runQueue(q)
	if err := s.ctx.Err(); err != nil {
		return s.result(workers), err
	}
	if s.opt.GoPass {
		workers = append(workers, s.goPass()...)
		if err := s.ctx.Err(); err != nil {
			return s.result(workers), err
		}
	}
	// Phase 2: files of projects with bases that name a resource or a base.
	q = newQueue()
	for _, p := range s.projects {
		set := p.phase2(s.opt.Catalog)
		if set == nil {
			continue
		}
		d := &dirNode{proj: p}
		jobs := make([]job, len(p.rejects))
		for i, r := range p.rejects {
			jobs[i] = job{dir: d, abs: r, phase2: set}
		}
		q.pushAll(jobs)
		p.rejects = nil
	}
	workers = append(workers, s.runQueue(q)...)
	if err := s.ctx.Err(); err != nil {
		return s.result(workers), err
	}
	w := &worker{s: s}
	for _, p := range s.projects {
		w.resolve(p)
	}
	return s.result(append(workers, w)), nil
}

// runQueue runs the workers until q is drained or the context cancelled.
func (s *scan) runQueue(q *queue) []*worker {
	stop := context.AfterFunc(s.ctx, q.close)
	defer stop()
	ws := make([]*worker, s.jobs)
	var wg sync.WaitGroup
	for i := range ws {
		w := &worker{s: s}
		ws[i] = w
		wg.Go(func() {
			for {
				j, ok := q.pop()
				if !ok {
					return
				}
				if s.ctx.Err() != nil {
					q.done() // cancelled: drain without work
					continue
				}
				if j.isDir {
					w.walkDir(q, j)
				} else {
					w.file(j)
				}
				q.done()
			}
		})
	}
	wg.Wait()
	return ws
}

// projectMarkers are the files whose directory is a project's top.
var projectMarkers = map[string]bool{
	".git": true, "go.mod": true, "package.json": true, "composer.json": true,
	"Gemfile": true, "pyproject.toml": true, "setup.py": true,
	"requirements.txt": true, "pom.xml": true, "build.gradle": true,
	"ansible.cfg": true,
}

// defaultExcludes are the vendored trees skipped unless NoDefaultExcludes.
var defaultExcludes = map[string]bool{"node_modules": true, "vendor": true}

// walkDir lists a directory and queues its entries.
func (w *worker) walkDir(q *queue, j job) {
	s := w.s
	d := j.dir
	if j.name != "" {
		parent := d
		d = &dirNode{abs: j.abs, rel: j.rel, ignore: parent.ignore, proj: parent.proj, mod: parent.mod}
		d.comps = append(append(make([]string, 0, len(parent.comps)+1), parent.comps...), j.name)
	}
	f, err := os.Open(d.abs)
	if err != nil {
		w.fail(d.abs, err)
		return
	}
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		w.fail(d.abs, err)
		return
	}
	hasGit, hasIgnore := false, false
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == ".git":
			hasGit = true
		case name == ".gitignore":
			hasIgnore = true
		}
		if j.name != "" && d.proj == j.dir.proj && (projectMarkers[name] || filepath.Ext(name) == ".csproj") {
			d.proj = s.newProject()
		}
		if name == "go.mod" && s.opt.GoPass && e.Type().IsRegular() {
			d.mod = s.newGoModule(d)
		}
	}
	if !s.opt.NoIgnore {
		if hasGit {
			d.ignore = d.ignore.with(filepath.Join(d.abs, ".git", "info", "exclude"), d.comps)
		}
		if hasIgnore {
			d.ignore = d.ignore.with(filepath.Join(d.abs, ".gitignore"), d.comps)
		}
	}
	w.batch = w.batch[:0]
	defer func() {
		q.pushAll(w.batch)
		clear(w.batch)
	}()
	for _, e := range entries {
		name := e.Name()
		if name == ".git" {
			continue
		}
		abs := joinPath(d.abs, name)
		rel := name
		if d.rel != "" {
			rel = d.rel + "/" + name
		}
		isDir := e.IsDir()
		switch t := e.Type(); {
		case t&fs.ModeSymlink != 0:
			info, err := os.Stat(abs)
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					w.errorf(abs, "broken symbolic link")
				} else {
					w.fail(abs, err)
				}
				continue
			}
			if info.IsDir() {
				continue // directory symlinks are not followed
			}
			if !info.Mode().IsRegular() {
				continue
			}
		case isDir:
		case !t.IsRegular():
			continue // devices, sockets, FIFOs
		}
		if isDir && !s.opt.NoDefaultExcludes && defaultExcludes[name] {
			continue
		}
		if len(d.ignore) > 0 {
			w.comps = append(append(w.comps[:0], d.comps...), name)
			if d.ignore.ignored(w.comps, isDir) {
				continue
			}
		}
		if matchAny(s.opt.Exclude, rel) {
			continue
		}
		if isDir {
			w.batch = append(w.batch, job{dir: d, name: name, abs: abs, rel: rel, isDir: true})
			continue
		}
		if len(s.opt.Include) > 0 && !matchAny(s.opt.Include, rel) {
			continue
		}
		w.batch = append(w.batch, job{dir: d, name: name, abs: abs, rel: rel})
	}
}

// joinPath is filepath.Join for a clean directory and an entry name,
// without cleaning again (measurable over a large tree).
func joinPath(dir, name string) string {
	switch {
	case dir == ".":
		return name
	case os.IsPathSeparator(dir[len(dir)-1]):
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
	}
	return false
}

func (w *worker) fail(abs string, err error) {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	w.errorf(abs, "%s", msg)
}

func (w *worker) errorf(abs, format string, args ...any) {
	w.errors = append(w.errors, FileError{Path: displayPath(abs), Message: fmt.Sprintf(format, args...)})
}

// displayPath is the path findings carry: slash-separated, relative when
// the root was.
func displayPath(abs string) string { return filepath.ToSlash(abs) }
