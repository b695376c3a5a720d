package analyzer

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/analyzer/markdown"
	"github.com/migaudit/migaudit/analyzer/postman"
	"github.com/migaudit/migaudit/analyzer/text"
	"github.com/migaudit/migaudit/analyzer/yaml"
	"github.com/migaudit/migaudit/rules"
)

// readerSet names every reader dispatch uses; tests swap them.
type readerSet struct {
	curlRead, httpRead, makeRead, postmanRead, yamlRead, textRead, markdownRead, rstRead, asciidocRead func(string, []byte) (*rules.Found, error)
	curlSnippet, httpSnippet, textSnippet                                                              func(string, *rules.Snippet) (*rules.Found, error)
	isPostman                                                                                          func([]byte) bool
}

var readers = readerSet{
	curlRead:     curl.Read,
	httpRead:     curl.ReadHTTP,
	makeRead:     curl.ReadMakefile,
	postmanRead:  postman.Read,
	yamlRead:     yaml.Read,
	textRead:     text.Read,
	markdownRead: markdown.Read,
	rstRead:      markdown.ReadRST,
	asciidocRead: markdown.ReadAsciiDoc,
	curlSnippet:  curl.ReadSnippet,
	httpSnippet:  curl.ReadHTTPSnippet,
	textSnippet:  text.ReadSnippet,
	isPostman: func(src []byte) bool {
		return postman.IsCollection(src) || postman.IsEnvironment(src)
	},
}

// format is how a file is read.
type format int

const (
	fmtText format = iota
	fmtShell
	fmtMarkdown
	fmtJSON
	fmtYAML
	fmtGo
	fmtHTTP // .http and .rest request files (VS Code REST Client, JetBrains HTTP Client)
	fmtMake // Makefiles: their recipes are shell
	fmtRST
	fmtAsciiDoc
)

func formatOf(name string, src []byte) format {
	switch path.Base(name) {
	case "Makefile", "makefile", "GNUmakefile":
		return fmtMake
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".mk":
		return fmtMake
	case ".sh", ".bash", ".zsh", ".ksh", ".bats":
		return fmtShell
	case ".md", ".markdown", ".mdx":
		return fmtMarkdown
	case ".rst":
		return fmtRST
	case ".adoc", ".asciidoc", ".asc":
		return fmtAsciiDoc
	case ".json":
		return fmtJSON
	case ".yaml", ".yml":
		return fmtYAML
	case ".go":
		return fmtGo
	case ".http", ".rest":
		return fmtHTTP
	case "":
		if shellShebang(src) {
			return fmtShell
		}
	}
	return fmtText
}

func isGo(name string) bool { return strings.HasSuffix(name, ".go") }

// shellShebang reports whether src starts with a #! line running sh, bash
// or zsh (directly or through env).
func shellShebang(src []byte) bool {
	if !bytes.HasPrefix(src, []byte("#!")) {
		return false
	}
	line := src[2:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	fields := strings.Fields(string(line))
	if len(fields) == 0 {
		return false
	}
	prog := path.Base(fields[0])
	if prog == "env" {
		for _, f := range fields[1:] {
			if !strings.HasPrefix(f, "-") {
				prog = path.Base(f)
				break
			}
		}
	}
	switch prog {
	case "sh", "bash", "zsh", "ksh", "dash":
		return true
	}
	return false
}

// shellFences are the Markdown fence info words read as shell.
var shellFences = map[string]bool{
	"sh": true, "bash": true, "shell": true, "console": true, "zsh": true,
	"terminal": true, "curl": true, "": true, "shell-session": true, "shellsession": true,
}

// httpFences are the Markdown fence info words read as HTTP request messages.
var httpFences = map[string]bool{"http": true, "rest": true}

// dispatch runs the readers for a file by its name and returns what they
// found and the messages of their errors. A reader that panics becomes an
// "internal error" message and the others still run.
//
// Minified files read as text get windows around the prefilter's hits
// (set's too, in the second phase) instead of a whole read.
func dispatch(name string, src []byte, skipGo bool, set *phase2Set) (*rules.Found, []string) {
	d := &dispatcher{name: name, found: &rules.Found{}}
	switch formatOf(name, src) {
	case fmtShell:
		if !d.file(readers.curlRead, src) {
			d.file(readers.textRead, src) // nothing lost when the shell does not parse
		}
	case fmtMarkdown:
		d.document(readers.markdownRead, src)
	case fmtRST:
		d.document(readers.rstRead, src)
	case fmtAsciiDoc:
		d.document(readers.asciidocRead, src)
	case fmtJSON:
		if readers.isPostman(src) {
			// Pre-request and test scripts are JavaScript.
			if f := d.fileFound(readers.postmanRead, src); f != nil {
				for i := range f.Snippets {
					d.snippet(readers.textSnippet, &f.Snippets[i])
				}
			}
		} else {
			d.text(src, set)
		}
	case fmtYAML:
		f := d.fileFound(readers.yamlRead, src)
		if f == nil {
			d.file(readers.textRead, src) // unparsable YAML (a Helm template): read as text
			break
		}
		for i := range f.Snippets {
			d.snippet(readers.curlSnippet, &f.Snippets[i])
		}
	case fmtMake:
		if !d.file(readers.makeRead, src) {
			d.file(readers.textRead, src)
		}
	case fmtHTTP:
		if !d.file(readers.httpRead, src) {
			d.file(readers.textRead, src) // nothing lost when a block is not a request
		}
	case fmtGo:
		if !skipGo {
			d.text(src, set)
		}
	default:
		d.text(src, set)
	}
	return d.found, d.errs
}

// document reads a documentation file (Markdown, reStructuredText,
// AsciiDoc): each code block by its language, and the prose as text.
func (d *dispatcher) document(read func(string, []byte) (*rules.Found, error), src []byte) {
	f := d.fileFound(read, src)
	if f == nil {
		return
	}
	for i := range f.Snippets {
		sn := &f.Snippets[i]
		if httpFences[sn.Lang] {
			d.snippet(readers.httpSnippet, sn)
			continue
		}
		if !shellFences[sn.Lang] {
			d.snippet(readers.textSnippet, sn)
			continue
		}
		f := d.snippet(readers.curlSnippet, sn)
		// A block without a language may hold a request line or a bare URL
		// rather than a command: if no command call came out of it, read it
		// as text.
		if sn.Lang == "" && f != nil && len(f.Calls)+len(f.Pending) == 0 {
			d.snippet(readers.textSnippet, sn)
		}
	}
}

// text reads a file as text, a minified one by windows.
func (d *dispatcher) text(src []byte, set *phase2Set) {
	if !isMinified(src) {
		d.file(readers.textRead, src)
		return
	}
	for _, sn := range windows(d.name, src, set) {
		d.snippet(readers.textSnippet, &sn)
	}
}

type dispatcher struct {
	name  string
	found *rules.Found
	errs  []string
}

// file runs a whole-file reader and keeps what it found; false on error.
func (d *dispatcher) file(read func(string, []byte) (*rules.Found, error), src []byte) bool {
	return d.fileFound(read, src) != nil
}

// fileFound runs a whole-file reader, keeps its calls, bases and pending
// calls, and returns its result (for the snippets); nil on error.
func (d *dispatcher) fileFound(read func(string, []byte) (*rules.Found, error), src []byte) *rules.Found {
	f, err := guard(func() (*rules.Found, error) { return read(d.name, src) })
	return d.keep(f, err)
}

// snippet runs a snippet reader, keeps what it found and returns it; nil on error.
func (d *dispatcher) snippet(read func(string, *rules.Snippet) (*rules.Found, error), sn *rules.Snippet) *rules.Found {
	f, err := guard(func() (*rules.Found, error) { return read(d.name, sn) })
	return d.keep(f, err)
}

func (d *dispatcher) keep(f *rules.Found, err error) *rules.Found {
	if err != nil {
		d.errs = append(d.errs, err.Error())
		return nil
	}
	if f == nil {
		return &rules.Found{}
	}
	d.found.Calls = append(d.found.Calls, f.Calls...)
	d.found.Bases = append(d.found.Bases, f.Bases...)
	d.found.Pending = append(d.found.Pending, f.Pending...)
	return f
}

// guard turns a reader's panic into an error, so one bad file does not stop
// the scan.
func guard(read func() (*rules.Found, error)) (f *rules.Found, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	return read()
}

// Calls returns the calls the readers find in one file's content, by its
// name's format (v2 calls too: tools use it to check what a fix wrote), and
// the readers' errors. Calls whose URL starts from a base another file
// defines are not completed.
func Calls(name string, src []byte) ([]rules.Call, []string) {
	f, errs := dispatch(name, src, false, nil)
	if f == nil {
		return nil, errs
	}
	return f.Calls, errs
}
