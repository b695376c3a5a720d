package main

import (
	"log"
	"net/http"

	"github.com/acme/lms-gateway/internal/lms"
)

const peopleHub = "https://api.peoplehub.example/api/v1"

func main() {
	client := lms.New()
	mux := http.NewServeMux()
	// Routes this gateway serves to the intranet.
	mux.HandleFunc("GET /api/v1/users", func(w http.ResponseWriter, r *http.Request) {
		resp, err := client.ListUsers(r.Context())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.WriteHeader(resp.StatusCode)
	})
	mux.HandleFunc("PUT /api/v1/users/{email}/pseudonymize", func(w http.ResponseWriter, r *http.Request) {
		if err := client.Pseudonymize(r.Context(), r.PathValue("email")); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
		}
	})
	mux.HandleFunc("POST /hooks/leaver", func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequestWithContext(r.Context(), http.MethodPut, peopleHub+"/users/"+r.FormValue("id"), nil)
		http.DefaultClient.Do(req)
	})
	log.Fatal(http.ListenAndServe(":8080", mux))
}
