package mockv2

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// successStatus is the status of an accepted request: 201 for POST, 204
// for DELETE, 200 otherwise.
func successStatus(method string) int {
	switch method {
	case http.MethodPost:
		return http.StatusCreated
	case http.MethodDelete:
		return http.StatusNoContent
	}
	return http.StatusOK
}

// respond writes a plausible success response for an accepted request:
// a list operation answers [] (a single page: no Link header), POST the
// new resource's _id, DELETE nothing, any other the resource's _id.
func respond(w http.ResponseWriter, status int, op *rules.V2Operation, segs []string, n int) {
	switch {
	case status == http.StatusNoContent:
		w.WriteHeader(status)
	case op.Method == http.MethodPost:
		writeJSON(w, status, map[string]string{"_id": fakeID(n)})
	case op.Method == http.MethodGet && strings.HasPrefix(op.Name, "List"):
		writeJSON(w, status, []any{})
	default:
		id := lastPathValue(op, segs)
		if id == "" {
			id = fakeID(n)
		}
		writeJSON(w, status, map[string]string{"_id": id})
	}
}

// lastPathValue returns the value the request gives the last path
// parameter of op's template, or "".
func lastPathValue(op *rules.V2Operation, segs []string) string {
	tmpl := strings.Split(strings.Trim(strings.TrimPrefix(op.Path, "/api/v2"), "/"), "/")
	for k := len(tmpl) - 1; k >= 0; k-- {
		if strings.HasPrefix(tmpl[k], "{") && k < len(segs) {
			return segs[k]
		}
	}
	return ""
}

// fakeID returns an internal-ID-like value (24 hexadecimal digits).
func fakeID(n int) string {
	return fmt.Sprintf("6f%022x", n)
}
