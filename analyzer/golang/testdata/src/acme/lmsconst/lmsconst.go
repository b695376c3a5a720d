// Package lmsconst holds the 360Learning endpoints the ops scripts share.
package lmsconst

// Host is Acme's 360Learning platform.
const Host = "https://acme.360learning.com"

// APIv1 is the base of every v1 call.
const APIv1 = Host + "/api/v1"

// Users is the v1 users collection.
const Users = APIv1 + "/users"

// PeopleHub is the HR system's API, not 360Learning's.
const PeopleHub = "https://api.peoplehub.example/api/v1"
