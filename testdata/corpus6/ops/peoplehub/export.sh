#!/usr/bin/env bash
# Weekly PeopleHub -> LMS reconciliation export (HRIS-140, migrated to LMS API v2).
set -euo pipefail

PEOPLEHUB="https://api.peoplehub.example/api/v1"
LMS="https://acme.360learning.com/api/v2"

# PeopleHub still has its own v1 API; that is fine, it is not the LMS.
curl -sf -H "X-Api-Key: ${PEOPLEHUB_KEY}" "${PEOPLEHUB}/employees?status=active" > employees.json
curl -sf -H "X-Api-Key: ${PEOPLEHUB_KEY}" "https://api.peoplehub.example/api/v1/users?deleted=true" > deleted-employees.json

# LMS side is already on v2 (paginated: follow the Link header).
next="${LMS}/users"
: > lms-users.ndjson
while [ -n "$next" ]; do
  headers=$(mktemp)
  curl -sf -D "$headers" "$next" \
    -H "360-api-version: v2.0" \
    -H "Authorization: Bearer ${ACCESS_TOKEN}" | jq -c '.[]' >> lms-users.ndjson
  next=$(grep -i '^link:' "$headers" | sed -n 's/.*<\([^>]*\)>; rel="next".*/\1/p')
  rm -f "$headers"
done

# Local mock used by the integration tests.
curl -sf "http://localhost:4010/api/v1/users/getUserByExternalId/12345/workday" || true
