// Package rules holds migaudit's rule catalog, built from the 360Learning API
// v1→v2 migration guides, and the checks that turn observed HTTP calls into
// findings.
//
// Every reader (curl, Postman, YAML, other sources, Go) turns a file into
// Calls; the rules only ever see Calls, and reports and rewrites only ever see
// Findings. Adding a format means writing a reader; adding a guide means adding
// a catalog file.
package rules

// Span is a half-open byte range [Start, End) in a file.
type Span struct {
	Start, End int
}

// IsZero reports whether the span is unset.
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 }

// Cover returns the smallest span covering s and t; unset spans are ignored.
func (s Span) Cover(t Span) Span {
	if s.IsZero() {
		return t
	}
	if t.IsZero() {
		return s
	}
	return Span{min(s.Start, t.Start), max(s.End, t.End)}
}

// URLPart is one piece of a URL as the source writes it: literal text, or a
// hole whose value is unknown (a variable, an expression, a placeholder).
type URLPart struct {
	// Lit is the literal text of the part when Hole is empty. Placeholders
	// written inside literal text ({{host}}, ${LMS_HOST}, :user_email,
	// {userId}) are recognised by the rules, so readers may leave them in.
	Lit string
	// Hole is the expression as written ("email", "user.mail"), when the
	// part is not literal.
	Hole string
	// Span is where the part is in the file.
	Span Span
	// Raw reports that Lit is byte for byte the text at Span, so positions
	// inside it (a query parameter) can be located exactly.
	Raw bool
}

// Location says where a parameter is sent.
type Location string

// Where parameters go.
const (
	InQuery  Location = "query"
	InBody   Location = "body" // a JSON or other structured body
	InForm   Location = "form" // urlencoded or multipart form fields
	InHeader Location = "header"
	InPath   Location = "path"
)

// Param is a named value the call sends, or a property of the response the
// code reads.
type Param struct {
	Name  string
	Value string // the literal value when known; never printed for credentials
	In    Location
	// Span covers the whole parameter as written (name and value), so a fix
	// can remove it; NameSpan covers just its name.
	Span     Span
	NameSpan Span
}

// Call is an HTTP call observed in a source file, whatever its language.
type Call struct {
	// File is the path of the file, as given to the reader.
	File string
	// Reader names the reader that found the call ("curl", "postman", …).
	Reader string
	// Method is the upper-case HTTP method, or "" when nothing says.
	Method string
	// MethodSpan is where the method is written; zero when implicit.
	MethodSpan Span
	// MethodImplied reports that the method follows from the tool's rules
	// rather than being written (curl without -X is GET, or POST with data).
	MethodImplied bool
	// URL is the URL as literal parts and holes.
	URL []URLPart
	// Span covers the whole call (the command, the request item, the call
	// expression); findings about the call as a whole sit at URL's span
	// when there is one, else here.
	Span Span
	// Params are the query parameters, body keys, form fields and headers
	// sent besides those written in the URL itself.
	Params []Param
	// Bearer reports that the call already sends a bearer token.
	Bearer bool
	// ResponseFields are properties of the response the code reads, where
	// the reader can tell; ErrorCodes are error-code literals the code
	// compares with the response.
	ResponseFields []Param
	ErrorCodes     []Param
	// ResponseUnused reports that the reader knows nothing reads the
	// response: a request in documentation, a collection request without
	// test scripts, a curl whose output goes to the terminal. Fixes that
	// change what a response holds (a paginated list) need it.
	ResponseUnused bool
	// ResponseRead reports that the reader knows something reads the
	// response (a pipe or capture of curl's output, a collection's test
	// script, a .http response handler, an Ansible register:), even when
	// it cannot tell which fields.
	ResponseRead bool
	// Fixer writes fixes in the call's own syntax; nil when its reader
	// cannot change it.
	Fixer Fixer
}

// URLSpan returns the span covering every part of the URL.
func (c *Call) URLSpan() Span {
	var s Span
	for _, p := range c.URL {
		s = s.Cover(p.Span)
	}
	return s
}

// URLText renders the URL with holes written as {expr}.
func (c *Call) URLText() string {
	var b []byte
	for _, p := range c.URL {
		if p.Hole != "" {
			b = append(b, '{')
			b = append(b, p.Hole...)
			b = append(b, '}')
		} else {
			b = append(b, p.Lit...)
		}
	}
	return string(b)
}
