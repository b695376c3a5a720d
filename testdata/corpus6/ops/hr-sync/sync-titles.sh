#!/usr/bin/env bash
# Nightly: push job titles and departments from the HR export to the LMS.
# Input: hr-export.csv (employee_id,lms_id,mail,job,department)
# HRIS-118 / HRIS-131
set -euo pipefail

LMS_BASE="https://acme.360learning.com"
AUTH="company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"
EXPORT="${1:-/data/hr/hr-export.csv}"

log() { printf '%s %s\n' "$(date -Iseconds)" "$*" >&2; }

# How many active users does the LMS know? (sanity check before we start)
active=$(curl -sf "${LMS_BASE}/api/v1/users?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}" | jq 'length')
log "LMS has ${active} users"

tail -n +2 "$EXPORT" | while IFS=, read -r employee_id lms_id mail job department; do
  log "updating ${lms_id} (${employee_id})"
  curl -sf -o /dev/null -w '%{http_code}\n' -X PUT \
    "${LMS_BASE}/api/v1/users/${lms_id}?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}" \
    -H 'Content-Type: application/json' \
    -d "{\"job\": \"${job}\", \"organization\": \"${department}\"}"
done

# HRIS-131: the CEO office asked for James to show under the Board group.
curl -sf -X PUT "${LMS_BASE}/api/v1/users/j.okafor@acme-corp.com?${AUTH}" \
  -H 'Content-Type: application/json' \
  -d '{"job": "Chief of Staff", "primaryGroupId": "5f1c9a7e3b2d4c6a8e0f9999"}'

# Reset the kiosk account password every night (shared tablet in the warehouse).
curl -sf -X PUT "${LMS_BASE}/api/v1/users/64b7e2f1a9c3d4e5f6a7b805?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}" \
  -H 'Content-Type: application/json' \
  -d "{\"password\": \"${KIOSK_PASSWORD}\"}"

# List deactivated accounts too, for the audit log (goes to the job output).
curl -sf "${LMS_BASE}/api/v1/users?deleted=true&company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"
