#!/bin/bash
# Lookups run by hand during the Workday cut-over.
LMS="https://app.360learning.com"

# Who is Workday employee 10442 in the LMS? (printed to the terminal)
curl -s "$LMS/api/v1/users/getUserByExternalId/10442/workday?company=acme&apiKey=$API_KEY"

# Unquoted URL: the v2 filters need quoting.
curl -s $LMS/api/v1/users/getUserByExternalId/$EMPLOYEE_ID/workday -G -d company=acme --data-urlencode "apiKey=$API_KEY"

# Already has -g.
curl -g -s "$LMS/api/v1/users/getUserByExternalId/${EMPLOYEE_ID}/workday?company=acme&apiKey=$API_KEY"

# Its response is read: left to a person (v2 pages the list).
lms_id=$(curl -s "$LMS/api/v1/users/getUserByExternalId/10442/workday?company=acme&apiKey=$API_KEY" | jq -r ._id)
curl -s "$LMS/api/v1/users?company=acme&apiKey=$API_KEY" | jq length

# The full user list, saved for the audit: left (written to a file).
curl -s -o users.json "$LMS/api/v1/users?company=acme&apiKey=$API_KEY"

# Deleted users too, on the terminal: the filter goes, the rest stays.
curl -s "$LMS/api/v1/users?company=acme&deleted=true&apiKey=$API_KEY"

# Pseudonymize by mail: needs the user map.
curl -X PUT "$LMS/api/v1/users/ada.lovelace@acme.io/pseudonymize?company=acme&apiKey=$API_KEY"
curl -X PUT "$LMS/api/v1/users/grace.hopper@acme.io/pseudonymize?company=acme&apiKey=$API_KEY"

# Already v2: nothing to do.
curl -s "$LMS/api/v2/users/64b7f0c2a1e4d3b2c1a09f8e" -H "360-api-version: v2.0" -H "Authorization: Bearer $TOKEN"
