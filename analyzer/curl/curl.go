// Package curl reads command-line requests into Calls: curl command lines
// from shell scripts and shell snippets (Markdown fences, YAML run:
// entries), and HTTP request messages from .http/.rest files (VS Code REST
// Client, JetBrains HTTP Client) and Markdown http fences (ReadHTTP,
// ReadHTTPSnippet; see http.go), and the recipes of Makefiles
// (ReadMakefile; see makefile.go).
//
// Scripts are parsed with mvdan.cc/sh (bash). Every curl command is read
// wherever it sits (functions, loops, pipelines, command substitutions,
// behind sudo/env/command/xargs), its options sorted with curl's own option
// table, and its URL split into literal parts and holes. Variables the
// script assigns literal values are substituted; variables it never assigns
// are left as holes, and a URL that starts from one is handed back as
// Pending so that a base defined in another file (a sourced env file) can
// complete it.
//
// Calls are fixable: a curl command's Fixer (fix.go) edits the command as
// written (URL and method, parameters removed with their options or inside
// a bundled or JSON argument, -X and -g where curl needs them, the v2
// headers in the command's layout), and an .http request's (fixhttp.go)
// its request line, header lines and body. Calls whose output nobody reads
// (a command printing to the terminal, a request without a response
// handler) say so in ResponseUnused. HTTPie commands are fixed the same
// way (fixhttpie.go); wget commands are read but not fixed.
package curl

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/migaudit/migaudit/rules"
	"mvdan.cc/sh/v3/syntax"
)

// readerName is the Reader of the calls this package finds.
const readerName = "curl"

// unit is one parsed piece of shell: a whole script, or one command of a
// snippet that does not parse as a whole. base is the offset of src[0] in
// the text being read.
type unit struct {
	f    *syntax.File
	src  string
	base int
	// orig is the text as written when src had template expressions
	// (${{ secrets.KEY }}) rewritten so that the shell parser accepts them.
	orig string
}

// Read returns the curl calls of a shell script.
func Read(file string, src []byte) (*rules.Found, error) {
	u, err := parseUnit(string(src), 0)
	if err != nil {
		return nil, err
	}
	r := newReader(file, []*unit{u})
	r.orig = string(src)
	r.run()
	return &r.found, nil
}

// ReadSnippet returns the curl calls of a shell snippet embedded in file,
// with spans in file offsets. It never fails: console prompts ("$ curl …")
// are blanked out, and a snippet that does not parse as a whole (command
// output between commands) is read one command at a time.
func ReadSnippet(file string, sn *rules.Snippet) (*rules.Found, error) {
	text := blankPrompts(sn.Text)
	shellText := rewriteTemplates(text)
	var units []*unit
	if u, err := parseUnit(shellText, 0); err == nil {
		units = []*unit{u}
	} else {
		units = parseCommands(shellText)
	}
	for _, u := range units {
		u.orig = text[u.base : u.base+len(u.src)]
	}
	r := newReader(file, units)
	r.orig, r.snippet = sn.Text, true
	r.run()
	found := &r.found
	sn.MapFound(found)
	return found, nil
}

func parseUnit(src string, base int) (*unit, error) {
	p := syntax.NewParser(syntax.Variant(syntax.LangBash))
	f, err := p.Parse(strings.NewReader(src), "")
	if err != nil {
		return nil, parseError(err)
	}
	return &unit{f: f, src: src, base: base, orig: src}, nil
}

// parseError words a parser error as "parse shell: LINE:COL reason".
func parseError(err error) error {
	var pe syntax.ParseError
	if errors.As(err, &pe) {
		return &shellError{line: pe.Pos.Line(), col: pe.Pos.Col(), text: pe.Text, incomplete: pe.Incomplete}
	}
	var le syntax.LangError
	if errors.As(err, &le) {
		return &shellError{line: le.Pos.Line(), col: le.Pos.Col(), text: le.Error()}
	}
	return fmt.Errorf("parse shell: %v", err)
}

// shellError is a script that does not parse.
type shellError struct {
	line, col  uint
	text       string
	incomplete bool // more input could complete it (an open quote)
}

func (e *shellError) Error() string {
	return fmt.Sprintf("parse shell: %d:%d %s", e.line, e.col, e.text)
}

// reader holds what is known about one file while its calls are read.
type reader struct {
	file  string
	units []*unit
	vars  varTable
	funcs map[string]*funcDef
	// stdin holds the standard input of commands fed by a pipe (cat <<EOF |
	// curl -d @-).
	stdin map[*syntax.Stmt][]piece
	found rules.Found
	// budget bounds the variable expansions of one command or base.
	budget int
	// walked holds the function declarations whose bodies were read.
	walked map[*syntax.FuncDecl]bool
	// orig is the text read as written (units may blank prompts or
	// rewrite templates); snippet reports text embedded in another file.
	orig    string
	snippet bool
	// token is the bearer token fixes write by default.
	token string
	// captured holds, per unit, the commands whose output something reads.
	captured map[*unit]map[*syntax.Stmt]bool
}

// maxExpansions bounds how many variable expansions reading one command
// may cost.
const maxExpansions = 2000

func newReader(file string, units []*unit) *reader {
	return &reader{
		file: file, units: units, vars: varTable{},
		funcs: map[string]*funcDef{}, stdin: map[*syntax.Stmt][]piece{},
		budget: maxExpansions, walked: map[*syntax.FuncDecl]bool{},
		captured: map[*unit]map[*syntax.Stmt]bool{}, token: defaultToken,
	}
}

func (r *reader) run() {
	for _, u := range r.units {
		r.collectVars(u)
		r.collectFuncs(u)
	}
	r.vars.sort()
	r.collectSites()
	r.emitBases()
	for _, u := range r.units {
		r.walk(u, u.f, nil, nil)
	}
}

// emitBases reports the assignments that hold a 360Learning base URL, for
// calls in other files that start from the same variable.
func (r *reader) emitBases() {
	names := make([]string, 0, len(r.vars))
	for name := range r.vars {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		for _, a := range r.vars[name] {
			if a.value == nil || len(a.value.Parts) == 0 {
				continue
			}
			r.budget = maxExpansions
			sc, _ := (*scope)(nil).enter(a)
			ps := r.expand(a.unit, a.value, sc)
			text := strings.ToLower(flatten(ps).s)
			if !strings.Contains(text, "/api/v1") && !strings.Contains(text, "360learning.com") && !strings.Contains(text, "360learning-dev.com") {
				continue
			}
			r.found.Bases = append(r.found.Bases, rules.Base{Name: name, URL: urlParts(ps), File: r.file})
		}
	}
}
