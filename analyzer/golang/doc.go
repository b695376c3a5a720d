// Package golang defines migaudit's type-aware Go pass: an
// [golang.org/x/tools/go/analysis.Analyzer] that finds calls to the
// 360Learning REST API v1 in Go code and reports what the migration guides
// ask for.
//
// # Analyzer migaudit
//
// migaudit: report 360Learning API v1 calls and what their v2 migration needs
//
// The pass turns each HTTP request the code makes into a [rules.Call] and
// reports the findings of [rules.Catalog.Check] as diagnostics whose category
// is the rule ID; every message ends with the rule ID in brackets.
//
// Requests are recognised where net/http builds or sends them
// (http.NewRequest, http.NewRequestWithContext, http.Get, http.Head,
// http.Post, http.PostForm and the *http.Client methods) and where go-resty
// sends them (resty.Request Get, Put, Post, Patch, Delete, Head, Execute).
// URLs are followed through constants (folded across packages), string
// concatenation, fmt.Sprintf, url.JoinPath, path.Join, url.URL literals, local
// and package variables, struct fields set from constants in composite
// literals and constructors, and small helper methods that build a request
// from a base and a path parameter: each helper's shape is exported as a fact
// so that calls from other packages are completed too.
//
// Query parameters come from url.Values (literals, Set and Add), body keys
// from map literals, url.Values forms and json-tagged structs marshalled into
// the body; the properties the code reads from a decoded v1 response and the
// error codes it compares with them are checked against the guides too.
//
// Routes a program serves (http.HandleFunc, mux.Handle) are not calls and are
// never reported, nor are the request types of its handlers.
//
// A helper is a function whose request URL takes the path from one of its
// parameters (c.baseURL + path, or the whole URL); its request is reported
// where it is called, with the caller's arguments, and never inside it. A
// URL whose own text already names an endpoint under /api/v1/ is reported
// where it is built. A variable given more than one value (u += email, or
// set in two branches) is an unknown, never a guess.
//
// # Flags
//
// -hosts adds host patterns (comma-separated, path.Match syntax such as
// lms.acme.io or *.lms.acme.io) that serve 360Learning's API besides
// *.360learning.com and *.360learning-dev.com. Under go vet the flag is
// -migaudit.hosts.
//
// # Result
//
// The pass's result is a []rules.Finding: the package's findings located
// (lines and columns) with their fixes as rules.Fix, for drivers that report
// Go findings the way migaudit reports every other format.
//
// Suggested fixes cover only the mechanical request-side changes, one fix per
// diagnostic: the json tag of a removed body field becomes `json:"-"`, the v1
// credentials (company, apiKey) are removed and the 360-api-version header
// is set, and the v1 path becomes the v2 path (with PUT becoming PATCH for
// updateUser) when nothing else needs a person. Where a person must decide
// (an email where v2 wants an internal ID, a role, pagination, the response
// shape) there is no fix and the message says what to do.
package golang
