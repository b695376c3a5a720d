package mockv2

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// respond writes a plausible success response for an accepted request:
// a list operation answers [] (a single page: no Link header), POST 201
// with the new resource's _id, DELETE 204, any other the resource's _id.
func respond(w http.ResponseWriter, op *rules.V2Operation, segs []string, n int) {
	switch {
	case op.Method == http.MethodDelete:
		w.WriteHeader(http.StatusNoContent)
	case op.Method == http.MethodPost:
		writeJSON(w, http.StatusCreated, map[string]string{"_id": fakeID(n)})
	case op.Method == http.MethodGet && strings.HasPrefix(op.Name, "List"):
		writeJSON(w, http.StatusOK, []any{})
	default:
		id := lastPathValue(op, segs)
		if id == "" {
			id = fakeID(n)
		}
		writeJSON(w, http.StatusOK, map[string]string{"_id": id})
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
