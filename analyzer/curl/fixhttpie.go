package curl

import (
	"fmt"

	"github.com/migaudit/migaudit/rules"
	"mvdan.cc/sh/v3/syntax"
)

// httpieFixer writes a plan into one HTTPie command line as written.
type httpieFixer struct {
	cmdLine
	info *httpieInfo
	// method is the call's method; written reports a method word, literal
	// that it is written as text.
	method           string
	written, literal bool
}

func (r *reader) newHTTPieFixer(u *unit, c *syntax.CallExpr, k int, cmd parsedCmd) *httpieFixer {
	f := &httpieFixer{cmdLine: r.newCmdLine(u, c, k, cmd.urls[0]), info: cmd.httpie, method: cmd.method}
	if !cmd.implied {
		f.written = true
		f.literal = cmd.method != ""
	}
	return f
}

// Fix carries a plan out on the command: the URL and method edits (a
// method word before the URL when HTTPie would infer another), the items
// to remove, and the 360-api-version and bearer header items after the
// last item.
func (f *httpieFixer) Fix(p *rules.Plan) ([]rules.Edit, error) {
	if f.url < 0 || f.info == nil {
		return nil, &rules.Unfixable{Reason: "the URL is not written in the command itself"}
	}
	edits, err := f.quoteURL(p)
	if err != nil {
		return nil, err
	}
	edits = append(edits, p.MethodEdits...)

	drop := map[rules.Span]bool{}
	for _, prm := range p.Remove {
		drop[prm.Span] = true
	}
	removed := map[int]bool{}
	data, last := false, f.url
	for _, it := range f.info.items {
		if it.opaque {
			return nil, &rules.Unfixable{Reason: "the command passes request items migaudit cannot read, which may send v1 credentials: migrate it by hand"}
		}
		i := f.wordStarting(it.span.Start)
		if i > last {
			last = i
		}
		if !drop[it.span] {
			data = data || it.data
			continue
		}
		if it.split || i < 0 {
			return nil, &rules.Unfixable{Reason: "a request item to remove is not written on its own (a variable's value): remove it by hand"}
		}
		delete(drop, it.span)
		removed[i] = true
		edits = append(edits, f.removeWords(i, i))
	}
	if len(drop) > 0 {
		return nil, &rules.Unfixable{Reason: "migaudit cannot find in the command where a parameter to remove is sent: remove it by hand"}
	}
	if data && f.info.form {
		return nil, &rules.Unfixable{Reason: "the command sends form fields (--form), and v2 takes a JSON body: drop --form by hand"}
	}

	target := f.method
	if p.Method != "" {
		target = p.Method
	}
	implied := "GET"
	if data {
		implied = "POST"
	}
	switch {
	case f.written && p.Method != "" && !f.literal:
		return nil, &rules.Unfixable{Reason: fmt.Sprintf("the method is given by a variable; v2 uses %s", p.Method)}
	case f.written && p.Method != "" && !f.snippet && len(p.MethodEdits) == 0:
		return nil, &rules.Unfixable{Reason: fmt.Sprintf("the method word cannot be changed in place; v2 uses %s", p.Method)}
	case !f.written && implied != target:
		at := f.words[f.url].Start
		edits = append(edits, rules.Edit{Span: rules.Span{Start: at, End: at}, NewText: target + " "})
	}

	var items []string
	if p.AddVersion {
		items = append(items, rules.VersionHeader+":"+rules.VersionValue)
	}
	if p.AddBearer {
		if f.info.auth {
			return nil, &rules.Unfixable{Reason: "the command sends other credentials (--auth): replace them with the bearer token by hand"}
		}
		token, err := bearerToken(p, f.token, "\"\\`\n\r", "cannot be written inside double quotes")
		if err != nil {
			return nil, err
		}
		items = append(items, `"Authorization:Bearer `+token+`"`)
	}
	for removed[last] && last > f.url {
		last-- // the items after the URL that stay: insert after the last
	}
	if len(items) > 0 {
		edits = append(edits, f.insertAfter(last, items))
	}
	return rules.MergeEdits(edits)
}
