package curl

import (
	"fmt"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// defaultHTTPToken is the bearer token a fixed .http request sends unless
// the person gives one: a variable of the file's environment.
const defaultHTTPToken = "{{accessToken}}"

// httpFixer writes a plan into one request of an HTTP request file.
type httpFixer struct {
	text string
	// url is the request line's URL word; implied reports a request line
	// without a method (a GET).
	url     rules.Span
	implied bool
	// headersEnd is the end of the last line before the blank line that
	// ends the headers (a header, or the request line).
	headersEnd int
	// body is the request's body, if it has one in this text, and
	// bodyLines its lines.
	body      *dataSource
	bodyLines rules.Span
	// fileBody reports a body read from a file (< ./body.json).
	fileBody bool
	// snippet reports a request read from a snippet: the plan's URL and
	// method edits are the snippet fixer's to add.
	snippet bool
}

// Fix carries a plan out on the request: the URL and method edits (a
// method written before a URL that had none), the parameters to remove
// from the body, and the 360-api-version and bearer header lines after the
// last header.
func (f *httpFixer) Fix(p *rules.Plan) ([]rules.Edit, error) {
	if f.fileBody {
		return nil, &rules.Unfixable{Reason: "the request's body is read from a file migaudit cannot read: check it holds no v1 credentials or removed parameters, then migrate the request by hand"}
	}
	edits := append(append([]rules.Edit(nil), p.URLEdits...), p.MethodEdits...)
	if p.Method != "" && len(p.MethodEdits) == 0 {
		switch {
		case f.implied:
			edits = append(edits, rules.Edit{Span: rules.Span{Start: f.url.Start, End: f.url.Start}, NewText: p.Method + " "})
		case !f.snippet:
			return nil, &rules.Unfixable{Reason: fmt.Sprintf("the request line's method cannot be changed in place; v2 uses %s", p.Method)}
		}
	}
	rm, empty, err := f.removals(p)
	if err != nil {
		return nil, err
	}
	edits = append(edits, rm...)
	var lines []string
	if f.body != nil && !empty {
		if !f.body.json {
			return nil, &rules.Unfixable{Reason: "the request sends form fields, and v2 takes a JSON body: rewrite the body as JSON by hand"}
		}
		if !sendsContentType(p.Call) {
			lines = append(lines, "Content-Type: application/json")
		}
	}
	if p.AddVersion {
		lines = append(lines, rules.VersionHeader+": "+rules.VersionValue)
	}
	if p.AddBearer {
		token, err := bearerToken(p, defaultHTTPToken, "\r\n", "holds a line break")
		if err != nil {
			return nil, err
		}
		lines = append(lines, "Authorization: Bearer "+token)
	}
	if len(lines) > 0 {
		nl := "\n"
		if strings.HasPrefix(f.text[f.headersEnd:], "\r\n") {
			nl = "\r\n"
		}
		at := f.headersEnd
		edits = append(edits, rules.Edit{Span: rules.Span{Start: at, End: at}, NewText: nl + strings.Join(lines, nl)})
	}
	return rules.MergeEdits(edits)
}

// removals returns the edits that take p.Remove out of the body, or the
// body out of the request when nothing would be left of it (empty).
func (f *httpFixer) removals(p *rules.Plan) (edits []rules.Edit, empty bool, err error) {
	if len(p.Remove) == 0 {
		return nil, false, nil
	}
	drop := map[rules.Span]bool{}
	for _, prm := range p.Remove {
		drop[prm.Span] = true
	}
	var rm removal
	if f.body != nil {
		if rm, err = f.body.remove(f.text, drop); err != nil {
			return nil, false, err
		}
	}
	if rm.hit < len(drop) {
		var names []string
		for _, prm := range p.Remove {
			names = append(names, prm.Name)
		}
		return nil, false, &rules.Unfixable{Reason: fmt.Sprintf("migaudit cannot find in the request where %s is sent: remove it by hand", strings.Join(names, ", "))}
	}
	if rm.empty {
		return []rules.Edit{{Span: f.bodyLines}}, true, nil
	}
	return rm.edits, false, nil
}
