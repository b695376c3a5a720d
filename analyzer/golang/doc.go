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
// *.360learning.com and *.360learning-dev.com.
//
// -user-map FILE gives the fixes users' internal IDs: a saved List all users
// response (a JSON array of users with _id and mail) or a CSV of mail,id
// rows. A URL that names a user by a mail written in the code then gets the
// user's ID. -group-role ROLE is the role Remove a user's role withdraws
// (v1 deleteUserFromGroup named none): admin, analyst, coach, contributor,
// editor, learner or user-admin.
//
// Under go vet the flags are -migaudit.hosts, -migaudit.user-map and
// -migaudit.group-role.
//
// # Result
//
// The pass's result is a []rules.Finding: the package's findings located
// (lines and columns) with their fixes as rules.Fix, for drivers that report
// Go findings the way migaudit reports every other format.
//
// # Fixes
//
// Each call gets at most one suggested fix, on the diagnostic of its
// endpoint, holding every change its v2 request needs, so that applying it
// is all or nothing: what changes is decided by the rules
// ([rules.Catalog.Plan], the same plan as every other format) and the pass
// writes it in Go. The v2 path is written inside the URL's string literal
// (with the user's ID from -user-map, the role from -group-role), query
// parameters written in the URL go (with their fmt.Sprintf arguments),
// http.MethodPut, "PUT" or a resty .Put becomes PATCH where v2 says so, v1
// credentials and removed parameters stop being sent (their url.Values
// Set/Add statement, map literal entry or resty chain call goes, or a json
// tag becomes "-" when the struct serves only this request), an import
// left unused goes, and req.Header.Set("360-api-version", "v2.0") (or a
// resty SetHeader) is added. The other diagnostics of a fixed call say
// "(fixed with the call's fix)" and carry no fix of their own.
//
// There is no fix when the plan leaves the call to a person (a user given
// by mail without a user map entry, a role not given, primaryGroupId or
// password in the body, deleteFromPrivateSubgroups other than false, a
// paginated list, a response read in its v1 shape, v1 error codes
// compared), when the request sends no bearer token yet (Go clients often
// authenticate in a transport the pass cannot see; an Authorization header
// whose value is set elsewhere counts as the token), when the code cannot
// be changed safely (a URL literal shared with another request, escapes,
// a header or parameter set in a helper), or when the fixed request would
// still not be one the v2 reference accepts (a v1 body key v2 renamed).
package golang
