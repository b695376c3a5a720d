#!/bin/bash
# Nothing in this script talks to the 360Learning API v1.
set -eu

# Our own service's v1 API, on other hosts.
curl -s http://localhost:8080/api/v1/users
curl -s -X PUT "https://api.peoplehub.example/api/v1/users/${EMAIL}/pseudonymize" -d '{"reason": "gdpr"}'
PEOPLEHUB_URL=https://api.peoplehub.example
curl -s "$PEOPLEHUB_URL/api/v1/groups?page=2"

# Already migrated to v2.
curl --request PATCH \
  --url "https://acme.360learning.com/api/v2/users/${USER_ID}" \
  --header '360-api-version: v2.0' \
  --header "authorization: Bearer ${LMS_TOKEN}" \
  --header 'content-type: application/json' \
  --data '{"firstName": "Jane"}'
curl -sS -H '360-api-version: v2.0' -H "Authorization: Bearer $LMS_TOKEN" \
  "https://acme.360learning.com/api/v2/users?mail[eq]=${EMAIL}"

# Printing a URL is not calling it.
echo "Old endpoint was https://acme.360learning.com/api/v1/users/$EMAIL/pseudonymize"
printf 'GET %s\n' "https://acme.360learning.com/api/v1/users"
wget_url="https://acme.360learning.com/api/v1/groups"   # documented only
# curl -X PUT https://acme.360learning.com/api/v1/users/x/pseudonymize
