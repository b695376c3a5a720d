// Package server is the LMS mock the integration tests run against: it
// serves v1 routes, it does not call them.
package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
)

type updateRequest struct {
	FirstName      string `json:"firstName"`
	PrimaryGroupID string `json:"primaryGroupId"`
}

// Routes registers the mock's v1 routes.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("PUT /api/v1/users/{email}", updateUser)
	mux.Handle("/api/v1/users", http.HandlerFunc(listUsers))
	http.HandleFunc("/api/v1/groups/{group}/users/{email}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
}

func updateUser(w http.ResponseWriter, r *http.Request) {
	var req updateRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"error": "user_not_found"}`, http.StatusBadRequest)
		return
	}
	if req.PrimaryGroupID == "" {
		http.Error(w, "missing group", http.StatusBadRequest)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"status": "user_updated"})
}

func listUsers(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("apiKey") == "" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.Write([]byte(`[{"_id": "5f1e9c3b2a4d6e7f8a9b0c1d", "mail": "ada@acme.example"}]`))
}

// Probe exercises the mock in-process, without the network.
func Probe() *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPut, "/api/v1/users/ada@acme.example", strings.NewReader(`{"primaryGroupId": "g1"}`))
	updateUser(rec, req)
	return rec
}
