package curl

import (
	"fmt"
	"strings"

	"github.com/migaudit/migaudit/rules"
	"mvdan.cc/sh/v3/syntax"
)

// The bearer token a fixed command sends unless the person gives one: a
// variable, expanded inside double quotes (in a Makefile recipe, make's
// reference, which reads the environment).
const (
	defaultToken     = "${ACCESS_TOKEN}"
	defaultMakeToken = "$(ACCESS_TOKEN)"
)

// curlFixer writes a plan into one curl command line as written.
type curlFixer struct {
	cmdLine
	opts []option
	inv  invocation
	// stdin is the here-document or piped text -d @- reads, if any.
	stdin *dataSource
	// method is the call's method; explicit reports a -X option, literal
	// that its value is written as text.
	method            string
	explicit, literal bool
}

// newCurlFixer captures what a fix needs of a curl command with one URL.
func (r *reader) newCurlFixer(u *unit, c *syntax.CallExpr, k int, cmd parsedCmd, stdin []piece) *curlFixer {
	f := &curlFixer{cmdLine: r.newCmdLine(u, c, k, cmd.urls[0]), opts: cmd.inv.opts, inv: cmd.inv, method: cmd.method}
	for _, o := range cmd.inv.opts {
		if o.name == "request" {
			f.explicit = true
			_, f.literal = o.val.flat().literal()
		}
	}
	if stdin != nil {
		fl := flatten(stdin)
		f.stdin = &dataSource{f: fl, json: strings.HasPrefix(strings.TrimSpace(fl.s), "{")}
	}
	return f
}

// dataOptions are the options whose argument carries parameters.
var dataOptions = setOf("data data-ascii data-binary json data-raw data-urlencode url-query form form-string")

// Fix carries a plan out on the command: the URL and method edits, the
// parameters to remove with their options, -g when the new URL holds
// brackets, -X when the method curl infers would be wrong, and the
// 360-api-version and bearer headers after the URL (or the last header),
// on new continuation lines when the command is written over several.
func (f *curlFixer) Fix(p *rules.Plan) ([]rules.Edit, error) {
	if f.url < 0 {
		return nil, &rules.Unfixable{Reason: "the URL is not written in the curl command itself"}
	}
	if f.inv.opaque {
		return nil, &rules.Unfixable{Reason: "the command takes options from a variable migaudit cannot read, which may send v1 credentials: migrate it by hand"}
	}
	if file := f.unreadFile(); file != "" {
		return nil, &rules.Unfixable{Reason: fmt.Sprintf("the command sends %s, which migaudit cannot read: check it holds no v1 credentials or removed parameters, then migrate the call by hand", file)}
	}
	var edits []rules.Edit
	urlEdits, err := f.quoteURL(p)
	if err != nil {
		return nil, err
	}
	edits = append(edits, urlEdits...)
	edits = append(edits, p.MethodEdits...)

	removed, rm, err := f.removals(p)
	if err != nil {
		return nil, err
	}
	edits = append(edits, rm...)
	jsonBody, err := f.bodyLeft(removed)
	if err != nil {
		return nil, err
	}

	// Words after curl itself: -X when curl would infer another method, -g
	// when the URL has brackets curl would take for a glob.
	var lead []string
	target := f.method
	if p.Method != "" {
		target = p.Method
	}
	switch {
	case f.explicit && p.Method != "" && !f.literal:
		return nil, &rules.Unfixable{Reason: fmt.Sprintf("the method is given by a variable; v2 uses %s", p.Method)}
	case f.explicit && p.Method != "" && !f.snippet && len(p.MethodEdits) == 0:
		return nil, &rules.Unfixable{Reason: fmt.Sprintf("the -X option cannot be changed in place; v2 uses %s", p.Method)}
	case !f.explicit && f.impliedMethod(removed) != target:
		lead = append(lead, "-X "+target)
	}
	if strings.ContainsAny(p.URL, "[]") && !f.inv.flags["globoff"] {
		lead = append(lead, "-g")
	}
	if len(lead) > 0 {
		at := f.tool.End
		edits = append(edits, rules.Edit{Span: rules.Span{Start: at, End: at}, NewText: " " + strings.Join(lead, " ")})
	}

	headers, err := f.headers(p, jsonBody)
	if err != nil {
		return nil, err
	}
	if len(headers) > 0 {
		edits = append(edits, f.insertHeaders(headers))
	}
	return rules.MergeEdits(edits)
}

// unreadFile names a file the command sends data or options from that the
// script does not show (-d @body.json, -K opts.cfg), or "".
func (f *curlFixer) unreadFile() string {
	for i := range f.opts {
		o := &f.opts[i]
		switch o.name {
		case "config":
			return "options from a file (-K)"
		case "upload-file":
			return "a file as the body (-T)"
		}
		if !dataOptions[o.name] || o.name == "data-raw" {
			continue
		}
		v := o.val.flat().s
		if o.name == "form" || o.name == "data-urlencode" {
			// name@file sends a file's content as one field's value.
			continue
		}
		if strings.HasPrefix(v, "@") && !(v == "@-" && f.stdin != nil) {
			return "data from a file (" + strings.ReplaceAll(v, string(holeByte), "…") + ")"
		}
	}
	return ""
}

// bodyLeft says what the command still sends as a body once the removed
// options are gone: jsonBody for a JSON object; an error for form fields,
// which v2 does not take (its bodies are JSON).
func (f *curlFixer) bodyLeft(removed map[*option]bool) (jsonBody bool, err error) {
	if f.inv.flags["get"] {
		return false, nil // -G sends the data in the query
	}
	for i := range f.opts {
		o := &f.opts[i]
		if removed[o] || !dataOptions[o.name] || o.name == "url-query" {
			continue
		}
		src, _, ok := f.source(o)
		switch {
		case o.name == "json" || ok && src.json:
			jsonBody = true
		case !ok:
			// A file (-d @body.json): its content type is the command's.
		default:
			return false, &rules.Unfixable{Reason: "the command sends form fields, and v2 takes a JSON body: rewrite the body as JSON by hand"}
		}
	}
	return jsonBody, nil
}

// headers returns the -H options the plan adds, and Content-Type for a
// JSON body sent without one (curl -d would say it is a form).
func (f *curlFixer) headers(p *rules.Plan, jsonBody bool) ([]string, error) {
	if p.AddBearer && (hasOpt(f.inv, "user") || f.inv.flags["netrc"] || hasOpt(f.inv, "netrc-file")) {
		// curl would send them as Authorization: Basic beside the bearer.
		return nil, &rules.Unfixable{Reason: "the command authenticates with -u/--user or a netrc file (the v1 company and key, likely): replace it with the bearer token by hand"}
	}
	for _, o := range f.inv.opts {
		if o.name == "header" && len(o.val.ps) > 0 && strings.HasPrefix(o.val.ps[0].lit, "@") {
			return nil, &rules.Unfixable{Reason: "the command reads headers from a file (-H @file), which may already send an Authorization header: move it to v2 by hand"}
		}
	}
	var out []string
	h := headerFlag(f.inv)
	if jsonBody && !f.inv.flags["json"] && !hasOpt(f.inv, "json") && !sendsContentType(p.Call) {
		out = append(out, h+` "Content-Type: application/json"`)
	}
	if p.AddVersion {
		out = append(out, h+` "`+rules.VersionHeader+": "+rules.VersionValue+`"`)
	}
	if p.AddBearer {
		token, err := bearerToken(p, f.token, "\"\\`\n\r", "cannot be written inside double quotes")
		if err != nil {
			return nil, err
		}
		out = append(out, h+` "Authorization: Bearer `+token+`"`)
	}
	return out, nil
}

// sendsContentType reports a Content-Type header among a call's parameters.
func sendsContentType(c *rules.Call) bool {
	for _, prm := range c.Params {
		if prm.In == rules.InHeader && strings.EqualFold(prm.Name, "content-type") {
			return true
		}
	}
	return false
}

// insertHeaders places the header options after the last -H option, else
// after the URL, in the command's layout (see cmdLine.insertAfter).
func (f *curlFixer) insertHeaders(headers []string) rules.Edit {
	anchor := f.url
	for _, o := range f.opts {
		if o.name == "header" && !o.split {
			if i := f.wordEnding(o.span.End); i > anchor {
				anchor = i
			}
		}
	}
	return f.insertAfter(anchor, headers)
}

// removals returns the edits that stop sending p.Remove, and the options
// removed whole.
func (f *curlFixer) removals(p *rules.Plan) (map[*option]bool, []rules.Edit, error) {
	drop := map[rules.Span]bool{}
	for _, prm := range p.Remove {
		drop[prm.Span] = true
	}
	removed := map[*option]bool{}
	if len(drop) == 0 {
		return removed, nil, nil
	}
	var edits []rules.Edit
	hits := 0
	for i := range f.opts {
		o := &f.opts[i]
		if !dataOptions[o.name] {
			continue
		}
		src, stdin, ok := f.source(o)
		if !ok {
			continue
		}
		rm, err := src.remove(f.text, drop)
		if err != nil {
			return nil, nil, err
		}
		hits += rm.hit
		if !rm.empty {
			edits = append(edits, rm.edits...)
			continue
		}
		if stdin {
			return nil, nil, &rules.Unfixable{Reason: "nothing would be left of the data the command reads from its input: change it by hand"}
		}
		e, err := f.removeOption(o)
		if err != nil {
			return nil, nil, err
		}
		removed[o] = true
		edits = append(edits, e)
	}
	if hits < len(drop) {
		var names []string
		for _, prm := range p.Remove {
			names = append(names, prm.Name)
		}
		return nil, nil, &rules.Unfixable{Reason: fmt.Sprintf("migaudit cannot find in the command where %s is sent: remove it by hand", strings.Join(names, ", "))}
	}
	return removed, edits, nil
}

// source returns the parameters an option's argument carries; stdin
// reports the command's input (-d @-).
func (f *curlFixer) source(o *option) (src dataSource, stdin, ok bool) {
	v := o.val.flat()
	switch o.name {
	case "data-urlencode", "url-query", "form", "form-string":
		return dataSource{f: v, whole: o.span}, false, true
	}
	if o.name != "data-raw" && strings.HasPrefix(v.s, "@") {
		if v.s == "@-" && f.stdin != nil {
			return *f.stdin, true, true
		}
		return dataSource{}, false, false
	}
	trimmed := strings.TrimSpace(v.s)
	return dataSource{f: v, whole: o.span, json: strings.HasPrefix(trimmed, "{")}, false, true
}

// removeOption deletes an option and its argument with the blanks (or the
// line continuation) before them.
func (f *curlFixer) removeOption(o *option) (rules.Edit, error) {
	i, j := f.wordStarting(o.span.Start), f.wordEnding(o.span.End)
	bundled := !strings.HasPrefix(o.word, "--") && (len(o.word) < 2 || shortWithArg[o.word[1]] != o.name)
	if o.split || i < 0 || j < i || bundled {
		return rules.Edit{}, &rules.Unfixable{Reason: "the option sending a parameter to remove is not written on its own (a variable's value, or bundled with other options): remove it by hand"}
	}
	return f.removeWords(i, j), nil
}

// impliedMethod returns the method curl uses without -X once the removed
// options are gone.
func (f *curlFixer) impliedMethod(removed map[*option]bool) string {
	data, upload := false, false
	for i := range f.opts {
		o := &f.opts[i]
		if removed[o] {
			continue
		}
		switch {
		case dataOptions[o.name] && o.name != "url-query":
			data = true
		case o.name == "upload-file":
			upload = true
		}
	}
	switch {
	case f.inv.flags["head"]:
		return "HEAD"
	case f.inv.flags["get"]:
		return "GET"
	case data:
		return "POST"
	case upload:
		return "PUT"
	}
	return "GET"
}

// bearerToken returns the text a fix writes after "Bearer ": the person's
// --token, else the format's default. It refuses a call that already sends
// another Authorization header, and a token holding one of the bytes in bad
// (why says what that would break).
func bearerToken(p *rules.Plan, def, bad, why string) (string, error) {
	for _, prm := range p.Call.Params {
		if prm.In == rules.InHeader && strings.EqualFold(prm.Name, "authorization") {
			return "", &rules.Unfixable{Reason: "the call sends another Authorization header: replace it with the bearer token by hand"}
		}
	}
	token := p.Token
	if token == "" {
		token = def
	}
	if strings.ContainsAny(token, bad) {
		return "", &rules.Unfixable{Reason: "the token text " + why}
	}
	return token, nil
}

// styleOpts are options with both a short and a long form: how a command
// writes them shows its style (--data-urlencode, long only, shows nothing).
var styleOpts = map[string]bool{
	"request": true, "data": true, "silent": true, "show-error": true, "fail": true, "output": true,
	"user": true, "location": true, "verbose": true, "insecure": true, "include": true, "form": true,
	"get": true, "globoff": true, "remote-name": true, "write-out": true, "dump-header": true,
}

// headerFlag is how the command would write a header option: as its own
// headers are written (-H or --header), else --header when it writes its
// other options long (--request, --silent), else -H.
func headerFlag(inv invocation) string {
	long, short := 0, 0
	for _, o := range inv.opts {
		if o.name == "header" {
			if strings.HasPrefix(o.word, "--") {
				return "--header"
			}
			return "-H"
		}
		if !styleOpts[o.name] {
			continue
		}
		if strings.HasPrefix(o.word, "--") {
			long++
		} else {
			short++
		}
	}
	if long > short {
		return "--header"
	}
	return "-H"
}
