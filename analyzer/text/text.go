// Package text reads source files of any language as text (JavaScript,
// TypeScript, Python, Ruby, PHP, PowerShell, Java, C#, Kotlin, Go, and any
// other text) and finds the HTTP calls they make: URL literals, template
// strings, f-strings, %-formatting and concatenations, with the method from
// the nearest evidence.
//
// Source code is read with a light lexer per language family (strings,
// interpolations and comments, with byte offsets), not a parser: a URL
// expression is assembled around each string literal that holds a URL, its
// leading name is replaced by the file's own definition of it, and the call
// it is passed to gives the method and the parameters. Parameters are
// followed through names, merges (auth + {…}, auth.merge(…), spreads),
// keys assigned after the literal, JSON text, builders chained before or
// after the verb (withQueryParameters, .uri(…).bodyValue(…), Faraday
// request blocks) and project wrappers that take the HTTP verb (or a
// method constant) before the path: a wrapper's relative path is completed
// with the base its own definition puts before the path (c.root + path).
// A wrapper that takes only the path (lmsFetch(path, init), lms_get(path))
// is exported as a base named by the function, and calls passing a
// relative path to a function no other evidence explains wait for the base
// of that name, from whichever file defines it.
// Bases defined in nested objects are named by their dotted path
// (config.lms.baseURL); bases read from configuration are named by their
// key (@Value("${lms.base-url}"), config.get('LMS_BASE_URL')); Refit
// interface paths are pending on a base named by the interface type. Local
// names reach only their Ruby block or def, Python function or brace
// block, up to their next assignment. Routes a server declares (a router
// given an inline handler, aiohttp's router.add_*) or matches (a request
// path compared or switched on) are not calls. Other
// text (configs, .env files) is read in a generic mode that takes URL-like
// runs and KEY=VALUE entries (Terraform locals and variable defaults
// complete "${local.x}/…" URLs); Markdown prose in the same mode reports
// host-less paths only when written as request lines.
//
// Headers written as a literal mapping at the call (headers={…},
// headers: {…}, -Headers @{…}, or a name assigned one) are header
// parameters, and calls to /api/v2 are read too, so that a fixed file can
// be checked. Calls made with Python requests, fetch, axios or
// Invoke-RestMethod / Invoke-WebRequest carry a Fixer that edits only text
// written for that call alone (the call, a URL or options literal only it
// uses): the URL and method, entries of its literals that must go (with
// their separators, or the whole argument when none is left), and the
// version header added to a headers literal that already sends a bearer
// token, in the literal's own quoting and layout. Anything else is left to
// a person with the reason.
package text

import (
	"errors"
	"path"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// Read returns the calls, base URL definitions and calls pending a base of
// a source file; the language comes from the file name.
func Read(file string, src []byte) (*rules.Found, error) {
	if !rules.ValidUTF8(src) {
		return nil, errors.New("not valid UTF-8 text")
	}
	return readAs(file, string(src), familyOfFile(file)), nil
}

// ReadSnippet reads a snippet in the given language (a Markdown fence's
// info word, "prose" for Markdown prose, "" when unknown) embedded in file,
// with spans in file offsets.
func ReadSnippet(file string, sn *rules.Snippet) (*rules.Found, error) {
	if sn == nil {
		return nil, errors.New("no snippet")
	}
	if !rules.ValidUTF8([]byte(sn.Text)) {
		return nil, errors.New("snippet is not valid UTF-8 text")
	}
	if sn.Map != nil && len(sn.Map) != len(sn.Text)+1 {
		return nil, errors.New("snippet map does not match its text")
	}
	var found *rules.Found
	if strings.EqualFold(strings.TrimSpace(sn.Lang), "prose") {
		found = genericText(file, sn.Text, true)
	} else {
		found = readAs(file, sn.Text, familyOfLang(sn.Lang))
	}
	if sn.Map != nil {
		// an indented block: lines the fixer adds would miss the
		// file's indentation
		for i := range found.Calls {
			if f, ok := found.Calls[i].Fixer.(*fixer); ok {
				f.noNewLines = true
			}
		}
	}
	sn.MapFound(found)
	return found, nil
}

func readAs(file, src string, fam *family) *rules.Found {
	if fam == nil {
		return generic(file, src)
	}
	a := newAnalysis(file, src, fam)
	a.run()
	return a.found
}

var byExt = map[string]*family{
	".js": famJS, ".mjs": famJS, ".cjs": famJS, ".jsx": famJS, ".ts": famJS, ".tsx": famJS, ".mts": famJS, ".cts": famJS,
	".vue": famJS, ".svelte": famJS,
	".py": famPython, ".pyw": famPython,
	".rb": famRuby, ".rake": famRuby, ".gemspec": famRuby,
	".php": famPHP, ".phtml": famPHP,
	".ps1": famPS, ".psm1": famPS, ".psd1": famPS,
	".go":   famGo,
	".java": famJava, ".groovy": famJava, ".gradle": famJava, ".scala": famJava, ".swift": famJava, ".dart": famJS,
	".kt": famKotlin, ".kts": famKotlin,
	".cs": famCSharp,
	".c":  famC, ".h": famC, ".cc": famC, ".cpp": famC, ".hpp": famC, ".rs": famC, ".m": famC,
}

func familyOfFile(file string) *family {
	base := strings.ToLower(path.Base(strings.ReplaceAll(file, "\\", "/")))
	if base == "rakefile" || base == "gemfile" {
		return famRuby
	}
	return byExt[path.Ext(base)]
}

var byLang = map[string]*family{
	"js": famJS, "javascript": famJS, "jsx": famJS, "ts": famJS, "typescript": famJS, "tsx": famJS, "node": famJS, "mjs": famJS,
	"py": famPython, "python": famPython, "python3": famPython, "py3": famPython,
	"rb": famRuby, "ruby": famRuby,
	"php": famPHP,
	"ps":  famPS, "ps1": famPS, "powershell": famPS, "pwsh": famPS, "posh": famPS,
	"go": famGo, "golang": famGo,
	"java": famJava, "groovy": famJava, "scala": famJava, "swift": famJava,
	"kotlin": famKotlin, "kt": famKotlin,
	"cs": famCSharp, "csharp": famCSharp, "c#": famCSharp,
	"c": famC, "cpp": famC, "c++": famC, "rust": famC, "rs": famC, "dart": famJS,
}

func familyOfLang(lang string) *family {
	return byLang[strings.ToLower(strings.TrimSpace(lang))]
}
