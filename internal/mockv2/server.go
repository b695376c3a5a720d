// Package mockv2 is a stand-in for the 360Learning API v2, built from the
// catalog's table of v2 operations (rules.Catalog.V2) and its conformance
// check (rules.Catalog.CheckV2). It answers a request the way the API
// would accept or refuse it, and records every request, so tests can run
// migrated scripts and clients against it and see whether each request
// would have been taken.
package mockv2

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/migaudit/migaudit/rules"
)

// Record is one request the server received and how it answered.
type Record struct {
	Method string
	// URL is the request URI as received, with the value of any apiKey
	// query parameter replaced by REDACTED.
	URL    string
	Status int
	// Operation is the ID of the v2 operation the request is for ("" when
	// none matched).
	Operation string
	// Problems say why the request was refused (none when accepted).
	Problems []string
}

// Server is a mock API v2. It is safe for concurrent use.
type Server struct {
	cat *rules.Catalog
	// Token, when set before the server starts, is the only bearer token
	// accepted (so a test can tell an expanded token from a placeholder).
	Token string

	mu   sync.Mutex
	recs []Record
	ids  int
}

// New returns a server answering for the v2 operations of cat.
func New(cat *rules.Catalog) *Server {
	return &Server{cat: cat}
}

// Start serves s on a loopback port until the returned server is closed.
func (s *Server) Start() *httptest.Server {
	return httptest.NewServer(s)
}

// Requests returns a copy of the requests received so far, in order.
func (s *Server) Requests() []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Record, len(s.recs))
	for i, r := range s.recs {
		r.Problems = append([]string(nil), r.Problems...)
		out[i] = r
	}
	return out
}

// Reset forgets the requests received so far.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.recs = nil
}

// ServeHTTP answers one request: 404 for an operation the v2 reference does
// not have, 400 listing the problems of a request the API would refuse,
// and a plausible success response otherwise.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := Record{Method: r.Method, URL: redactedURI(r)}
	status, problems, op, req := s.check(r)
	if op != nil {
		rec.Operation = op.ID
	}
	if status == http.StatusOK {
		status = successStatus(op.Method)
	}
	rec.Status, rec.Problems = status, problems
	s.mu.Lock()
	s.recs = append(s.recs, rec)
	s.ids++
	id := s.ids
	s.mu.Unlock()
	switch {
	case status == http.StatusNotFound:
		writeError(w, status, "notFound", problems)
	case status >= 400:
		writeError(w, status, "badRequest", problems)
	default:
		respond(w, status, op, req.Segments, id)
	}
}

// check decides a request's status: 404 when no v2 operation matches, 400
// with the problems when the API would refuse it, 200 otherwise.
func (s *Server) check(r *http.Request) (int, []string, *rules.V2Operation, rules.V2Request) {
	req, err := buildRequest(r)
	if nf, ok := err.(notFound); ok {
		return http.StatusNotFound, []string{string(nf)}, nil, req
	}
	op := s.cat.V2Match(req.Method, req.Segments)
	if op == nil {
		return http.StatusNotFound, []string{fmt.Sprintf("no v2 operation %s /api/v2/%s", req.Method, strings.Join(req.Segments, "/"))}, nil, req
	}
	if err != nil {
		return http.StatusBadRequest, []string{err.Error()}, op, req
	}
	problems := s.cat.CheckV2(req)
	if tok := bearerToken(r); tok != "" {
		switch {
		case strings.Contains(tok, "${") || strings.Contains(tok, "{{"):
			problems = append(problems, "the bearer token is an unexpanded placeholder")
		case s.Token != "" && tok != s.Token:
			problems = append(problems, "the bearer token is not the expected one")
		}
	}
	if len(problems) > 0 {
		return http.StatusBadRequest, problems, op, req
	}
	return http.StatusOK, nil, op, req
}

// apiError is the v2 error body: {"error": {"code", "message"}}, plus the
// mock's list of problems.
type apiError struct {
	Error struct {
		Code     string   `json:"code"`
		Message  string   `json:"message"`
		Problems []string `json:"problems"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, code string, problems []string) {
	var e apiError
	e.Error.Code = code
	e.Error.Message = strings.Join(problems, "; ")
	e.Error.Problems = problems
	writeJSON(w, status, e)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	// An encoding error here can only be a closed connection.
	_ = json.NewEncoder(w).Encode(v)
}
