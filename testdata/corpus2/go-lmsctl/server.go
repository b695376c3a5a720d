package main

import (
	"encoding/json"
	"net/http"
)

// serve exposes lmsctl's cache to the intranet; these routes are ours.
func serve(addr string, cache map[string]any) error {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/users", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(cache)
	})
	mux.HandleFunc("PUT /api/v1/users/{email}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	return http.ListenAndServe(addr, mux)
}
