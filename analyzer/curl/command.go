package curl

import (
	"regexp"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// arg is one expanded command-line argument.
type arg struct {
	ps   []piece
	span rules.Span
	// lone is the variable name when the argument is an unquoted $VAR and
	// nothing else (word splitting may turn it into several arguments).
	lone string
	// split reports an argument that is not a word of the command as
	// written: one of the words a variable's value splits into, or a
	// caller's argument.
	split bool
}

func (a arg) flat() flat { return flatten(a.ps) }

// option is a curl option with its argument, if it takes one.
type option struct {
	name string // long name, without dashes
	val  arg
	// span covers the option and its argument.
	span rules.Span
	// nameSpan covers the option word alone, and word is its text.
	nameSpan rules.Span
	word     string
	// split reports that the option or its argument is not a word of the
	// command as written (see arg.split).
	split bool
}

// invocation is a curl command line, sorted into options and URLs.
type invocation struct {
	opts  []option
	urls  []arg
	flags map[string]bool
	// opaque reports arguments whose options are unknown ($CURL_OPTS set
	// elsewhere): they may send what a fix must remove.
	opaque bool
}

// optionsVar matches variable names that conventionally hold curl options
// rather than a URL (CURL_OPTS, "${ARGS[@]}").
var optionsVar = regexp.MustCompile(`(?i)(opts|args|flags|options|params)$`)

// parseCurlArgs sorts curl's arguments (after the command name).
func parseCurlArgs(args []arg) invocation {
	inv := invocation{flags: map[string]bool{}}
	endOfOpts := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		t := a.flat().s
		if endOfOpts || len(t) < 2 || t[0] != '-' {
			if a.lone != "" && optionsVar.MatchString(a.lone) {
				if strings.ContainsRune(t, holeByte) {
					inv.opaque = true // options nobody can see: credentials?
				}
				continue
			}
			if len(t) > 0 {
				inv.urls = append(inv.urls, a)
			}
			continue
		}
		if t == "--" {
			endOfOpts = true
			continue
		}
		// next takes the following argument as the option's value.
		next := func() (arg, bool) {
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			return arg{}, false
		}
		if strings.HasPrefix(t, "--") {
			name, attached, hasEq := strings.Cut(t[2:], "=")
			name = longName(name)
			if !longWithArg[name] {
				inv.flags[name] = true
				continue
			}
			var v arg
			if hasEq {
				// curl itself wants a space, but docs often write --request=PUT.
				v = arg{ps: dropPrefix(a.ps, len(t)-len(attached)), span: rules.Span{Start: a.span.End, End: a.span.End}}
				if len(v.ps) > 0 {
					v.span.Start = v.ps[0].span.Start
				}
			} else if n, ok := next(); ok {
				v = n
			} else {
				continue
			}
			inv.opts = append(inv.opts, option{name: name, val: v, span: a.span.Cover(v.span), nameSpan: a.span, word: t, split: a.split || v.split})
			continue
		}
		// A bundle of short options: -sSfX PUT, -XPUT, -H'Accept: …'.
		for j := 1; j < len(t); j++ {
			c := t[j]
			name, takes := shortWithArg[c]
			if !takes {
				if f, ok := shortFlags[c]; ok {
					inv.flags[f] = true
				}
				continue
			}
			var v arg
			if j+1 < len(t) {
				v.ps = dropPrefix(a.ps, j+1)
				v.span = rules.Span{Start: v.ps[0].span.Start, End: a.span.End}
			} else if n, ok := next(); ok {
				v = n
			} else {
				break
			}
			inv.opts = append(inv.opts, option{name: name, val: v, span: a.span.Cover(v.span), nameSpan: a.span, word: t, split: a.split || v.split})
			break
		}
	}
	return inv
}

func hasOpt(inv invocation, name string) bool {
	for _, o := range inv.opts {
		if o.name == name {
			return true
		}
	}
	return false
}

// parsedCmd is what a command line says about its requests.
type parsedCmd struct {
	urls       []arg
	method     string
	methodSpan rules.Span
	implied    bool
	req        request
	// inv is the command line sorted into options (curl only).
	inv invocation
	// httpie holds the items and flags of an HTTPie command line.
	httpie *httpieInfo
}

// readCurl reads a curl command line (the arguments after curl).
func readCurl(args []arg, stdin []piece) parsedCmd {
	inv := parseCurlArgs(args)
	cmd := parsedCmd{req: requestOf(inv, stdin), urls: inv.urls, inv: inv}
	explicit := false
	for _, o := range inv.opts {
		switch o.name {
		case "request":
			explicit = true
			cmd.method, cmd.methodSpan = methodOf(o.val)
		case "url":
			cmd.urls = append(cmd.urls, o.val)
		}
	}
	if !explicit {
		cmd.implied = true
		switch {
		case inv.flags["head"]:
			cmd.method = "HEAD"
		case inv.flags["get"]:
			cmd.method = "GET"
		case cmd.req.hasData:
			cmd.method = "POST"
		case hasOpt(inv, "upload-file"):
			cmd.method = "PUT"
		default:
			cmd.method = "GET"
		}
	}
	return cmd
}

// methodOf reads a method argument: upper-cased, with the span of its text
// (inside the quotes), or "" when it is not literal.
func methodOf(a arg) (string, rules.Span) {
	f := a.flat()
	if m, ok := f.literal(); ok && m != "" {
		return strings.ToUpper(m), f.span(0, len(f.s))
	}
	return "", a.span
}
