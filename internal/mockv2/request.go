package mockv2

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// maxBody is the largest request body read.
const maxBody = 1 << 20

// notFound is a request for a path outside /api/v2.
type notFound string

func (e notFound) Error() string { return string(e) }

// buildRequest reads an HTTP request as the rules' V2Request. The error is
// a notFound for a path outside /api/v2, else why the API could not read
// the request (Method and Segments are filled in all the same when the
// path could be read).
func buildRequest(r *http.Request) (rules.V2Request, error) {
	req := rules.V2Request{Method: r.Method, Headers: map[string]string{}}
	segs, err := pathSegments(r.URL.EscapedPath())
	if err != nil {
		return req, err
	}
	req.Segments = segs
	for name, values := range r.Header {
		req.Headers[strings.ToLower(name)] = values[0]
	}
	req.Bearer = bearerToken(r) != ""
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return req, fmt.Errorf("malformed query string: %v", err)
	}
	req.Query = sortedKeys(q)
	req.Body, err = bodyKeys(r)
	return req, err
}

// pathSegments returns the unescaped segments after /api/v2 (a trailing
// slash ignored).
func pathSegments(escaped string) ([]string, error) {
	rest, ok := strings.CutPrefix(escaped, "/api/v2")
	if !ok || rest != "" && rest[0] != '/' {
		return nil, notFound("not an API v2 path: " + escaped)
	}
	rest = strings.TrimSuffix(rest, "/")
	if rest == "" {
		return nil, nil
	}
	var segs []string
	for _, s := range strings.Split(rest[1:], "/") {
		u, err := url.PathUnescape(s)
		if err != nil {
			return nil, notFound(fmt.Sprintf("malformed path segment %q", s))
		}
		segs = append(segs, u)
	}
	return segs, nil
}

// bearerToken returns the token of an "Authorization: Bearer <token>"
// header, or "".
func bearerToken(r *http.Request) string {
	scheme, token, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// bodyKeys returns the top-level keys of a JSON body or the fields of a
// form body.
func bodyKeys(r *http.Request) ([]string, error) {
	ct := r.Header.Get("Content-Type")
	media := ""
	if ct != "" {
		var err error
		if media, _, err = mime.ParseMediaType(ct); err != nil {
			return nil, fmt.Errorf("malformed Content-Type %q: %v", ct, err)
		}
	}
	if media == "multipart/form-data" {
		if err := r.ParseMultipartForm(maxBody); err != nil {
			return nil, fmt.Errorf("malformed multipart body: %v", err)
		}
		keys := sortedKeys(r.MultipartForm.Value)
		for k := range r.MultipartForm.File {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return keys, nil
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("reading the body: %v", err)
	}
	if len(data) > maxBody {
		return nil, errors.New("body larger than 1 MiB")
	}
	if strings.TrimSpace(string(data)) == "" {
		return nil, nil
	}
	switch {
	case media == "application/json" || strings.HasSuffix(media, "+json"):
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(data, &obj); err != nil {
			var syn *json.SyntaxError
			if errors.As(err, &syn) {
				return nil, fmt.Errorf("body is not valid JSON (offset %d): %v", syn.Offset, err)
			}
			return nil, fmt.Errorf("JSON body is not an object: %v", err)
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return keys, nil
	case media == "application/x-www-form-urlencoded":
		form, err := url.ParseQuery(string(data))
		if err != nil {
			return nil, fmt.Errorf("malformed form body: %v", err)
		}
		return sortedKeys(form), nil
	case media == "":
		return nil, errors.New("a body without a Content-Type header")
	}
	return nil, fmt.Errorf("a body of type %s, which the API does not read (it takes JSON)", media)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// redactedURI returns the request URI with apiKey values hidden.
func redactedURI(r *http.Request) string {
	u := *r.URL
	if u.RawQuery != "" {
		parts := strings.Split(u.RawQuery, "&")
		for i, p := range parts {
			name, _, _ := strings.Cut(p, "=")
			if n, err := url.QueryUnescape(name); err == nil {
				name = n
			}
			if strings.EqualFold(name, "apiKey") {
				parts[i] = name + "=REDACTED"
			}
		}
		u.RawQuery = strings.Join(parts, "&")
	}
	return u.RequestURI()
}
