package golang

import (
	"fmt"
	"strings"
)

// tmplPart is one piece of a URL template a helper builds: literal text, a
// hole, or the value of one of the helper's parameters.
type tmplPart struct {
	Lit  string
	Hole string
	// Param is the 1-based index of the helper parameter whose value this
	// part is; 0 when the part is not a parameter.
	Param int
}

// helperFact summarises a function or method that builds and sends a request
// from its parameters (c.put(ctx, "/users/"+email, body) whose URL is
// c.baseURL + path). It is exported on the *types.Func so that calls from
// other packages are completed too. Parameter indexes are 1-based; 0 means
// none.
type helperFact struct {
	URL []tmplPart
	// Method is the fixed method, or "" when MethodParam gives it or nothing does.
	Method      string
	MethodParam int
	// BodyParam is the parameter marshalled (BodyForm: url-encoded) into the body.
	BodyParam int
	BodyForm  bool
	// QueryParam is a url.Values parameter encoded into the query.
	QueryParam int
	// OutParam is the parameter the JSON response is decoded into.
	OutParam int
	// Params are the parameters the helper itself always sends.
	Params []factParam
	// Bearer reports that the helper sends a bearer token.
	Bearer bool
}

func (*helperFact) AFact() {}

func (f *helperFact) String() string {
	var b strings.Builder
	for _, p := range f.URL {
		switch {
		case p.Param > 0:
			fmt.Fprintf(&b, "{$%d}", p.Param)
		case p.Hole != "":
			fmt.Fprintf(&b, "{%s}", p.Hole)
		default:
			b.WriteString(p.Lit)
		}
	}
	m := f.Method
	if f.MethodParam > 0 {
		m = fmt.Sprintf("$%d", f.MethodParam)
	}
	return fmt.Sprintf("helper %s %s", m, b.String())
}

// baseFact records the constant string a struct field or package variable
// always holds (a base URL set in a constructor or a composite literal), so
// that URLs built from it in other packages are complete.
type baseFact struct {
	Value string
}

func (*baseFact) AFact() {}

func (f *baseFact) String() string { return fmt.Sprintf("base %q", f.Value) }
